/**
 * Patience for background work that must not give up at the first failure, nor hammer a server that
 * is failing: after a rate limit it waits as long as Hugging Face asked; when offline (network errors,
 * timeouts) it waits with a backoff that doubles up to a ceiling and tries again, for as long as it
 * takes; after other failures (server errors, bad answers, a cache that cannot be written) it backs
 * off the same way but gives up after a few. Cancellation (the signal) ends any wait at once.
 */
import { describeFailure, type FailureReason } from './failureReason';
import { FeedError } from './http';

export type WaitReason = 'rateLimited' | 'offline' | 'failed';

export interface ArchiveWait {
  readonly reason: WaitReason;
  readonly ms: number;
  /** What went wrong, for the log (codes included). */
  readonly message: string;
  /** Why, for the user: the host says it in plain words (core/feed/failure.ts). */
  readonly failure: FailureReason;
}

export interface PatienceOptions {
  /** The first backoff; each further one doubles, up to `backoffMaxMs`. */
  readonly backoffFirstMs: number;
  readonly backoffMaxMs: number;
  /** Failures that are neither the network's nor rate limits before giving up (default 3). */
  readonly maxFailures?: number;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Told before each wait. */
  readonly onWait?: (wait: ArchiveWait) => void;
}

/** Why `error` happened, for deciding how long to wait and whether to keep trying. */
export function waitReason(error: unknown): WaitReason {
  if (error instanceof FeedError) {
    switch (error.kind) {
      case 'rateLimited': return 'rateLimited';
      case 'network': case 'timeout': case 'cancelled': return 'offline';
      default: return 'failed';
    }
  }
  return 'failed';
}

/**
 * Runs `attempt` until it succeeds, waiting between tries as above. Rejects when the signal aborts
 * (with a cancellation FeedError) or with the last error after `maxFailures` failures of other kinds.
 */
export async function withPatience<T>(attempt: (signal: AbortSignal) => Promise<T>, options: PatienceOptions, signal: AbortSignal): Promise<T> {
  let backoff = options.backoffFirstMs;
  let failures = 0;
  for (;;) {
    throwIfCancelled(signal);
    try {
      return await attempt(signal);
    } catch (error) {
      throwIfCancelled(signal);
      const reason = waitReason(error);
      let ms = backoff;
      if (reason === 'rateLimited' && error instanceof FeedError && error.retryAfterMs !== undefined) {
        ms = Math.max(error.retryAfterMs, 0);
      } else {
        backoff = Math.min(options.backoffMaxMs, backoff * 2);
      }
      if (reason === 'failed' && ++failures >= (options.maxFailures ?? 3)) {
        throw error;
      }
      options.onWait?.({ reason, ms, message: error instanceof Error ? error.message : String(error), failure: describeFailure(error).reason });
      await options.sleep(ms, signal);
    }
  }
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) {
    throw new FeedError('cancelled', 'The archive download was stopped.');
  }
}
