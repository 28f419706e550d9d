/**
 * How refreshes of the feed take turns. One runs at a time, keyed by the window it fetches: a
 * refresh of the same window shares the one under way; a refresh of another window aborts it first
 * (the user has moved on: its result must never land); dispose aborts whatever runs. Across VS Code
 * windows, the refresh lock makes a window wait for another's fetch instead of fetching the same.
 */
import type { FileLock } from '../storage/lock';

export class RefreshRunner {
  private current: { readonly key: string; readonly controller: AbortController; readonly done: Promise<void> } | undefined;
  private disposed = false;

  /** The key of the refresh under way, if any. */
  get running(): string | undefined {
    return this.current?.key;
  }

  /**
   * Runs `work` for `key` with a signal that aborts when another key is run, `abort` is called or
   * the runner is disposed. Resolves when it is done (or was aborted before it started).
   */
  run(key: string, work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    const previous = this.current;
    if (previous && previous.key === key && !previous.controller.signal.aborted) {
      return previous.done;
    }
    if (this.disposed) {
      return Promise.resolve();
    }
    previous?.controller.abort();
    const controller = new AbortController();
    // The aborted one finishes first (it lets go of the refresh lock and writes nothing more).
    const done = (previous?.done ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => (controller.signal.aborted ? undefined : work(controller.signal)))
      .finally(() => {
        if (this.current?.controller === controller) {
          this.current = undefined;
        }
      });
    this.current = { key, controller, done };
    return done;
  }

  /** Aborts the refresh under way unless it is for `key` (the window now shown). */
  abortOthers(key: string): void {
    if (this.current && this.current.key !== key) {
      this.current.controller.abort();
    }
  }

  abort(): void {
    this.current?.controller.abort();
  }

  dispose(): void {
    this.disposed = true;
    this.abort();
  }
}

export interface LockedRefresh<T> {
  /** Held while fetching, so other VS Code windows wait for this one's result. */
  readonly lock: FileLock;
  /** How long to wait for another window's fetch before fetching anyway. */
  readonly waitForOtherMs: number;
  /** Told when another window is fetching and this one waits. */
  readonly onWait?: () => void;
  /** After waiting: whether the other window brought what this one wanted (then it fetches nothing). */
  readonly fetchedByOther: () => Promise<boolean>;
  readonly fetch: (signal: AbortSignal) => Promise<T>;
  /** Keeps the result (cache, view); never called once the signal aborted. */
  readonly land: (result: T) => Promise<void>;
}

/** What became of a refresh: fetched and landed, brought by another window, or aborted (nothing landed). */
export type RefreshOutcome = 'fetched' | 'other' | 'aborted';

/** One window's fetch under the cross-window refresh lock; a result whose signal aborted never lands. */
export async function refreshUnderLock<T>(steps: LockedRefresh<T>, signal: AbortSignal): Promise<RefreshOutcome> {
  if (await steps.lock.isHeldElsewhere()) {
    steps.onWait?.();
    await steps.lock.waitUntilFree(steps.waitForOtherMs, signal);
    if (signal.aborted) {
      return 'aborted';
    }
    if (await steps.fetchedByOther()) {
      return 'other';
    }
  }
  const locked = await steps.lock.tryAcquire();
  try {
    let result: T;
    try {
      result = await steps.fetch(signal);
    } catch (error) {
      if (signal.aborted) {
        return 'aborted';
      }
      throw error;
    }
    if (signal.aborted) {
      return 'aborted';
    }
    await steps.land(result);
    return 'fetched';
  } finally {
    if (locked) {
      await steps.lock.release();
    }
  }
}
