import * as assert from 'node:assert/strict';
import { FeedError, type Fetch } from '../../src/core/feed/http';
import { Pacer } from '../../src/core/feed/pacer';

/** A clock that moves only when the pacer sleeps (virtual time), and a fetch that answers with the given headers. */
function harness(intervalMs: number, answers: { status?: number; headers?: Record<string, string> }[] = []) {
  let now = 1_000_000;
  const sleeps: number[] = [];
  const sent: { url: string; at: number }[] = [];
  const pacer = new Pacer({
    intervalMs,
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) {
        throw new FeedError('cancelled', 'aborted');
      }
      const from = now;
      sleeps.push(ms);
      await new Promise((resolve) => setImmediate(resolve)); // others may run meanwhile, as with a real timer
      now = Math.max(now, from + ms);
    },
  });
  const fetch: Fetch = async (url) => {
    sent.push({ url, at: now });
    const answer = answers.shift() ?? {};
    return new Response('[]', { status: answer.status ?? 200, headers: answer.headers ?? {} });
  };
  return { pacer, paced: pacer.wrap(fetch), sleeps, sent, advance: (ms: number) => (now += ms), now: () => now };
}

describe('pacer', () => {
  it('starts at most one request per interval, and counts every request', async () => {
    const { pacer, paced, sent, advance } = harness(1_000);
    await paced('a', {});
    await paced('b', {});
    advance(300);
    await paced('c', {});
    advance(5_000);
    await paced('d', {});
    assert.deepEqual(sent.map((request) => request.at - (sent[0]?.at ?? 0)), [0, 1_000, 2_000, 7_000], '300 ms later waits the rest; 5 s later goes at once');
    assert.equal(pacer.requests, 4);
  });

  it('queues callers that ask at the same time, in call order', async () => {
    const { paced, sent, sleeps } = harness(1_000);
    await Promise.all([paced('a', {}), paced('b', {}), paced('c', {})]);
    assert.deepEqual(sent.map((request) => request.url), ['a', 'b', 'c']);
    assert.deepEqual(sleeps, [1_000, 2_000], 'each waits for the turn it was given');
  });

  it('holds back after a response that says no requests are left (RateLimit r=0)', async () => {
    const { paced, sent } = harness(1_000, [{ headers: { ratelimit: '"api";r=0;t=5' } }, {}, { headers: { ratelimit: '"api";r=12;t=200' } }]);
    await paced('a', {});
    await paced('b', {});
    await paced('c', {});
    await paced('d', {});
    assert.deepEqual(sent.map((request) => request.at - (sent[0]?.at ?? 0)), [0, 5_000, 6_000, 7_000], 'r=12 left: the interval only');
  });

  it('fails at once as rate-limited, with the time to wait, when Hugging Face asked for a long pause', async () => {
    const { paced, sent, advance } = harness(1_000, [{ status: 429, headers: { 'retry-after': '120', ratelimit: '"api";r=0;t=120' } }]);
    const first = await paced('a', {});
    assert.equal(first.status, 429);
    await assert.rejects(paced('b', {}), (error) => error instanceof FeedError && error.kind === 'rateLimited' && error.retryAfterMs === 120_000);
    assert.equal(sent.length, 1, 'nothing sent while asked to wait');
    advance(120_000);
    await paced('c', {});
    assert.equal(sent.length, 2);
  });

  it('sends nothing when the request is cancelled while it waits for its turn', async () => {
    const { pacer, paced, sent } = harness(1_000);
    await paced('a', {});
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(paced('b', { signal: controller.signal }), (error) => error instanceof FeedError && error.kind === 'cancelled');
    assert.equal(sent.length, 1);
    assert.equal(pacer.requests, 1);
  });
});
