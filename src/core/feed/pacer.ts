/**
 * Politeness for background requests: a `fetch` wrapper that lets at most one request start per
 * interval (every page and every retry counts), and that holds back after Hugging Face says the
 * quota is used up (`RateLimit: …;r=0;t=SECONDS`, or a 429 with `Retry-After`). A wait longer than
 * a request should sit on is not waited inside the request: it fails as rate-limited, with the time
 * to wait, for the caller to pause (the archive backfill does).
 */
import { FeedError, type Fetch, retryAfterMs, sleep as defaultSleep } from './http';

export interface PacerOptions {
  /** The least time between the starts of two requests. */
  readonly intervalMs: number;
  /** Longer waits fail as rate-limited instead (default 10 s, under the request timeout). */
  readonly maxInlineWaitMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export class Pacer {
  /** When the next request may start (ms since the epoch). */
  private nextAt = 0;
  private sent = 0;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(private readonly options: PacerOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** Requests started through this pacer. */
  get requests(): number {
    return this.sent;
  }

  /** `fetch`, paced. Turns are handed out in call order, so concurrent callers queue too. */
  wrap(fetch: Fetch): Fetch {
    return async (url, init) => {
      const now = this.now();
      const at = Math.max(now, this.nextAt);
      const wait = at - now;
      if (wait > (this.options.maxInlineWaitMs ?? 10_000)) {
        throw new FeedError('rateLimited', 'Hugging Face asked for a pause between requests.', undefined, wait);
      }
      this.nextAt = at + this.options.intervalMs;
      if (wait > 0) {
        await this.sleep(wait, init.signal ?? undefined);
      }
      this.sent++;
      const response = await fetch(url, init);
      this.observe(response);
      return response;
    };
  }

  /** Holds back after a 429, or a response that says no requests are left in the window. */
  private observe(response: Response): void {
    const remaining = /(?:^|[;,\s])(?:r|remaining)=(\d+)/.exec(response.headers.get('ratelimit') ?? '')?.[1];
    if (response.status !== 429 && remaining !== '0') {
      return;
    }
    const after = retryAfterMs(response.headers, this.now());
    if (after !== undefined) {
      this.nextAt = Math.max(this.nextAt, this.now() + after);
    }
  }
}
