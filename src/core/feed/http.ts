/**
 * HTTP for the feed: per-request timeouts, bounded and jittered retries for network and server
 * errors, and 429 handling that honours Retry-After and RateLimit headers. Pure: `fetch`, `sleep`
 * and `random` are injected, so it is tested without a network.
 */

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export type FeedErrorKind = 'network' | 'timeout' | 'rateLimited' | 'server' | 'http' | 'format' | 'tooLarge' | 'cancelled';

/** A failure with a message fit for the user. */
export class FeedError extends Error {
  override readonly name = 'FeedError';
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    readonly status?: number,
    /** For rate limits: how long Hugging Face asked us to wait. */
    readonly retryAfterMs?: number,
    /** What failed underneath (fetch's error, with Node's code): for the log, via core/feed/failure.ts. */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

export interface HttpOptions {
  readonly fetch: Fetch;
  readonly userAgent: string;
  readonly token?: () => Promise<string | undefined>;
  /** Per attempt. */
  readonly timeoutMs?: number;
  readonly maxAttempts?: number;
  /** A 429 asking to wait longer than this fails at once instead of waiting. */
  readonly maxRetryWaitMs?: number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
  readonly log?: (message: string) => void;
}

/** What one request may bring: a body past `maxBytes` is not read further (FeedError `tooLarge`). */
export interface RequestLimits {
  readonly maxBytes?: number;
}

export interface HttpResult {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8_000;

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function cancelled(): FeedError {
  return new FeedError('cancelled', 'The refresh was cancelled.');
}

/** Seconds to wait from `Retry-After` (seconds or an HTTP date) and `RateLimit` (`…;t=SECONDS`). */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const waits: number[] = [];
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) {
      waits.push(Number(retryAfter) * 1_000);
    } else {
      const at = Date.parse(retryAfter);
      if (!Number.isNaN(at)) {
        waits.push(Math.max(0, at - now));
      }
    }
  }
  const reset = /(?:^|[;,\s])t=(\d+)/.exec(headers.get('ratelimit') ?? '');
  if (reset?.[1]) {
    waits.push(Number(reset[1]) * 1_000);
  }
  return waits.length > 0 ? Math.max(...waits) : undefined;
}

function describeWait(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  return ms < 60_000 ? `${Math.ceil(ms / 1_000)} seconds` : minutes === 1 ? 'a minute' : `${minutes} minutes`;
}

function networkMessage(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `Hugging Face could not be reached (${detail}).`;
}

/**
 * GETs `url`, retrying network errors and 5xx with jittered exponential backoff, and 429 after the
 * wait the server asks for when that is short. Redirects are not followed (`redirect: manual`),
 * so a 3xx comes back as a result.
 */
export async function httpGet(url: string, accept: string, options: HttpOptions, signal?: AbortSignal, limits: RequestLimits = {}): Promise<HttpResult> {
  const maxAttempts = options.maxAttempts ?? 3;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const wait = options.sleep ?? sleep;
  const random = options.random ?? Math.random;
  const token = await options.token?.();
  const headers: Record<string, string> = { accept, 'user-agent': options.userAgent };
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }
  let lastError: FeedError | undefined;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (signal?.aborted) {
      throw cancelled();
    }
    if (attempt > 1) {
      const backoff = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 2)) * (0.5 + random());
      const delay = lastError?.kind === 'rateLimited' ? (lastError.retryAfterMs ?? backoff) : backoff;
      options.log?.(`Retrying ${url} in ${Math.round(delay)} ms (attempt ${attempt} of ${maxAttempts}): ${lastError?.message ?? ''}`);
      await wait(delay, signal);
    }
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      const response = await options.fetch(url, { headers, signal: combined, redirect: 'manual' });
      if (response.status === 429) {
        await response.body?.cancel().catch(() => undefined);
        const after = retryAfterMs(response.headers);
        lastError = new FeedError(
          'rateLimited',
          `Hugging Face is limiting requests${after ? `; try again in ${describeWait(after)}` : ''}.`,
          429,
          after,
        );
        if (after !== undefined && after > (options.maxRetryWaitMs ?? 10_000)) {
          throw lastError;
        }
        continue;
      }
      if (response.status >= 500) {
        await response.body?.cancel().catch(() => undefined);
        lastError = new FeedError('server', `Hugging Face had a server error (HTTP ${response.status}).`, response.status);
        continue;
      }
      const body = limits.maxBytes === undefined ? await response.text() : await readCapped(response, limits.maxBytes);
      return { status: response.status, headers: response.headers, body };
    } catch (error) {
      if (error instanceof FeedError) {
        throw error;
      }
      if (signal?.aborted) {
        throw cancelled();
      }
      lastError = timeout.aborted
        ? new FeedError('timeout', `Hugging Face did not answer within ${Math.round(timeoutMs / 1_000)} seconds.`)
        : new FeedError('network', networkMessage(error), undefined, undefined, error);
    }
  }
  throw lastError ?? new FeedError('network', `Hugging Face could not be reached (${url}).`);
}

/** The body as text, refused (FeedError `tooLarge`) once it passes `maxBytes`: said by Content-Length, or counted as it streams. */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const tooLarge = (): FeedError => new FeedError('tooLarge', `The answer is larger than ${Math.round(maxBytes / 1_048_576)} MB.`, response.status);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) {
    return '';
  }
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A Link header with rel="next" (HF's own MCP server checks it the same way). */
export function hasNextLink(headers: Headers): boolean {
  const link = headers.get('link');
  return !!link && link.split(',').some((part) => /rel\s*=\s*"?next"?/i.test(part));
}
