import * as assert from 'node:assert/strict';
import { FeedError, hasNextLink, httpGet, retryAfterMs, type HttpOptions } from '../../src/core/feed/http';

type Step = Response | Error;

/** A scripted fetch: each call takes the next step; records URLs and headers. */
function scripted(steps: Step[]): { options: HttpOptions; calls: { url: string; headers: Record<string, string> }[]; waits: number[] } {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const waits: number[] = [];
  const options: HttpOptions = {
    userAgent: 'paper-feed-test/1.0',
    fetch: async (url, init) => {
      calls.push({ url, headers: init.headers as Record<string, string> });
      const step = steps.shift();
      if (!step) {
        throw new Error('no more steps');
      }
      if (step instanceof Error) {
        throw step;
      }
      return step;
    },
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
  };
  return { options, calls, waits };
}

const ok = (): Response => new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } });

describe('httpGet', () => {
  it('sends the User-Agent and the token as a Bearer header', async () => {
    const { options, calls } = scripted([ok()]);
    await httpGet('http://x/api', 'application/json', { ...options, token: async () => 'hf_secret' });
    assert.equal(calls[0]?.headers['user-agent'], 'paper-feed-test/1.0');
    assert.equal(calls[0]?.headers.authorization, 'Bearer hf_secret');
  });

  it('retries 5xx and network errors with exponential backoff, then succeeds', async () => {
    const network = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
    const { options, calls, waits } = scripted([new Response('', { status: 503 }), network, ok()]);
    const result = await httpGet('http://x/api', 'application/json', options);
    assert.equal(result.status, 200);
    assert.equal(calls.length, 3);
    assert.deepEqual(waits, [500, 1_000]);
  });

  it('gives up after the attempts with the last error, in words a user understands', async () => {
    const { options } = scripted([new Response('', { status: 500 }), new Response('', { status: 502 }), new Response('', { status: 503 })]);
    await assert.rejects(httpGet('http://x/api', 'application/json', options), (error: unknown) =>
      error instanceof FeedError && error.kind === 'server' && error.message === 'Hugging Face had a server error (HTTP 503).');
  });

  it('waits out a short 429 as the server asks, and fails at once on a long one', async () => {
    const short = scripted([new Response('', { status: 429, headers: { 'retry-after': '2' } }), ok()]);
    await httpGet('http://x/api', 'application/json', short.options);
    assert.deepEqual(short.waits, [2_000]);
    const long = scripted([new Response('', { status: 429, headers: { 'retry-after': '120', ratelimit: '"api";r=0;t=120' } })]);
    await assert.rejects(httpGet('http://x/api', 'application/json', long.options), (error: unknown) =>
      error instanceof FeedError && error.kind === 'rateLimited' && error.retryAfterMs === 120_000
        && /try again in 2 minutes/.test(error.message));
    assert.deepEqual(long.waits, []);
  });

  it('turns a timeout into a clear error', async () => {
    const options: HttpOptions = {
      userAgent: 'ua',
      timeoutMs: 50,
      maxAttempts: 1,
      fetch: (_url, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    };
    await assert.rejects(httpGet('http://x/api', 'application/json', options), (error: unknown) =>
      error instanceof FeedError && error.kind === 'timeout' && /did not answer within 0 seconds|did not answer/.test(error.message));
  });

  it('stops at once when cancelled', async () => {
    const controller = new AbortController();
    const options: HttpOptions = {
      userAgent: 'ua',
      fetch: (_url, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    };
    const pending = httpGet('http://x/api', 'application/json', options, controller.signal);
    controller.abort();
    await assert.rejects(pending, (error: unknown) => error instanceof FeedError && error.kind === 'cancelled');
  });

  it('reads Retry-After as seconds or a date, and RateLimit t=', () => {
    assert.equal(retryAfterMs(new Headers({ 'retry-after': '30' })), 30_000);
    assert.equal(retryAfterMs(new Headers({ 'retry-after': new Date(Date.UTC(2026, 0, 1, 0, 1)).toUTCString() }), Date.UTC(2026, 0, 1)), 60_000);
    assert.equal(retryAfterMs(new Headers({ ratelimit: '"api";r=0;t=55' })), 55_000);
    assert.equal(retryAfterMs(new Headers({})), undefined);
  });

  it('finds rel="next" in Link headers', () => {
    assert.ok(hasNextLink(new Headers({ link: '</api/daily_papers?p=1&limit=20&sort=trending>; rel="next"' })));
    assert.ok(!hasNextLink(new Headers({ link: '</a>; rel="prev"' })));
    assert.ok(!hasNextLink(new Headers({})));
  });
});
