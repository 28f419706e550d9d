/**
 * The background backfill of the Daily Papers archive, one session of it: month by month, newest
 * first, each fetched whole (every page) and kept (the cache, then the state file), with patience
 * for rate limits, the network and failures (./archiveRunner.ts) and politeness per request
 * (./pacer.ts, in the client the host gives it). One VS Code window backfills at a time: the one
 * holding the archive lock; another tries again later. After each month it plans again from the
 * state file, so a changed extent, or months another window completed, count at once. Everything it
 * touches is injected: it is tested without VS Code, a network or a clock.
 */
import type { Paper } from '../paper/model';
import type { ArchiveMonth, ArchiveRecords } from '../storage/archiveState';
import { monthOf } from '../time/dates';
import { type ArchiveSummary, planArchive, summarizeArchive } from './archivePlan';
import { type WaitReason, withPatience } from './archiveRunner';
import type { FailureReason } from './failureReason';
import { currentFeedDate } from './windows';

/** The pace of the backfill, from one figure: the least time between two requests (1 s by default). */
export interface ArchiveTiming {
  readonly requestIntervalMs: number;
  /** First wait after a failure; doubles up to `backoffMaxMs`. */
  readonly backoffFirstMs: number;
  readonly backoffMaxMs: number;
  /** How often a window that found the archive lock taken tries again. */
  readonly lockRetryMs: number;
  /** A lock not touched for this long belongs to a window that is gone. */
  readonly lockStaleMs: number;
}

export const DEFAULT_REQUEST_INTERVAL_MS = 1_000;

/** Every wait scales with the request interval: 1 s gives 30 s to 30 min of backoff, 1 min between lock tries. */
export function archiveTiming(requestIntervalMs = DEFAULT_REQUEST_INTERVAL_MS): ArchiveTiming {
  const unit = Math.max(0, requestIntervalMs);
  return {
    requestIntervalMs: unit,
    backoffFirstMs: 30 * unit,
    backoffMaxMs: 1_800 * unit,
    lockRetryMs: 60 * unit,
    lockStaleMs: Math.max(120 * unit, 1_000),
  };
}

/** `PAPER_FEED_ARCHIVE_INTERVAL_MS` (a test hook): milliseconds between requests, else undefined (an invalid value is reported). */
export function archiveIntervalFromEnv(value: string | undefined, onInvalid?: (value: string) => void): number | undefined {
  if (value === undefined || value.trim() === '') {
    return undefined;
  }
  const ms = Number(value.trim());
  if (!Number.isInteger(ms) || ms < 0 || ms > 600_000) {
    onInvalid?.(value);
    return undefined;
  }
  return ms;
}

/** The cross-window lock (a FileLock in the cache folder). */
export interface ArchiveLock {
  tryAcquire(): Promise<boolean>;
  release(): Promise<void>;
  /** False once the lock was released or lost (taken over after this window stalled). */
  readonly isHeld: boolean;
}

/** The state file (storage/archiveState.ts). */
export interface ArchiveStateStore {
  read(): Promise<ArchiveRecords>;
  recordMonth(month: string, record: ArchiveMonth): Promise<ArchiveRecords>;
}

export type ArchiveStatus =
  | { readonly kind: 'idle' }
  /** Another window is backfilling. */
  | { readonly kind: 'waitingForLock' }
  | (ArchiveSummary & { readonly kind: 'fetching'; readonly month: string; readonly monthsLeft: number })
  | (ArchiveSummary & { readonly kind: 'paused'; readonly month: string; readonly monthsLeft: number; readonly reason: WaitReason; readonly ms: number; readonly message: string; readonly failure: FailureReason });

export interface ArchiveBackfillDeps {
  readonly lock: ArchiveLock;
  readonly state: ArchiveStateStore;
  readonly now: () => Date;
  /** The extent (`paperFeed.archive.months`), read before each month. */
  readonly months: () => number;
  /** All pages of a month (the client pages with Link rel="next"). */
  readonly fetchMonth: (month: string, signal: AbortSignal) => Promise<readonly Paper[]>;
  /** Keeps a month's papers (the cache; the search index), before the state file says it is done. */
  readonly keep: (month: string, papers: readonly Paper[]) => Promise<void>;
  readonly timing: ArchiveTiming;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Requests made so far (the pacer's count), for the log. */
  readonly requests?: () => number;
  readonly log?: (level: 'info' | 'warn', message: string) => void;
  readonly onStatus?: (status: ArchiveStatus) => void;
}

export type BackfillOutcome = 'done' | 'cancelled';

export class ArchiveBackfill {
  /** Months given up on in this session (failures other than the network's); tried again next session. */
  private readonly skipped = new Set<string>();

  constructor(private readonly deps: ArchiveBackfillDeps) {}

  /** Backfills until nothing is left to fetch ('done') or the signal aborts ('cancelled'). */
  async run(signal: AbortSignal): Promise<BackfillOutcome> {
    const { lock, timing, log } = this.deps;
    try {
      for (;;) {
        if (signal.aborted) {
          return 'cancelled';
        }
        try {
          if ((await this.plan()).months.length === 0) {
            return 'done';
          }
          if (!(await lock.tryAcquire())) {
            this.status({ kind: 'waitingForLock' });
            await this.deps.sleep(timing.lockRetryMs, signal);
            continue;
          }
          try {
            if (await this.underLock(signal) === 'done') {
              return 'done';
            }
          } finally {
            await lock.release();
          }
        } catch (error) {
          if (signal.aborted) {
            return 'cancelled';
          }
          // The lock or the state file could not be used (a full disk, permissions): later, quietly.
          log?.('warn', `Archive: ${error instanceof Error ? error.message : String(error)}; trying again later.`);
          await this.deps.sleep(timing.lockRetryMs, signal).catch(() => undefined);
        }
      }
    } finally {
      this.status({ kind: 'idle' });
    }
  }

  private async plan(): Promise<{ months: string[]; records: ArchiveRecords; currentMonth: string; now: number }> {
    const records = await this.deps.state.read();
    const date = this.deps.now();
    const currentMonth = monthOf(currentFeedDate(date));
    const now = date.getTime();
    return { months: planArchive({ currentMonth, months: this.deps.months(), records, now, skip: this.skipped }), records, currentMonth, now };
  }

  /** Month after month while the lock is held: 'done' when none is left, 'lost' when the lock went. */
  private async underLock(signal: AbortSignal): Promise<'done' | 'lost'> {
    const { timing, log } = this.deps;
    for (;;) {
      if (!this.deps.lock.isHeld) {
        log?.('warn', 'Archive: the archive lock was taken over by another window; waiting for it.');
        return 'lost';
      }
      const plan = await this.plan();
      const month = plan.months[0];
      if (month === undefined) {
        return 'done';
      }
      const summary = summarizeArchive({ currentMonth: plan.currentMonth, months: this.deps.months(), records: plan.records, now: plan.now });
      const monthsLeft = plan.months.length;
      this.status({ kind: 'fetching', month, monthsLeft, ...summary });
      const started = Date.now();
      const requestsBefore = this.deps.requests?.() ?? 0;
      try {
        const papers = await withPatience(async (attemptSignal) => {
          const fetched = await this.deps.fetchMonth(month, attemptSignal);
          await this.deps.keep(month, fetched);
          const fetchedAt = this.deps.now();
          // Complete only if the month was over when its last page arrived.
          await this.deps.state.recordMonth(month, {
            papers: fetched.length, fetchedAt: fetchedAt.toISOString(), complete: month < monthOf(currentFeedDate(fetchedAt)),
          });
          return fetched;
        }, {
          backoffFirstMs: timing.backoffFirstMs,
          backoffMaxMs: timing.backoffMaxMs,
          sleep: this.deps.sleep,
          onWait: (wait) => {
            log?.('info', `Archive: ${month}: ${wait.message} Trying again in ${wait.ms < 10_000 ? (wait.ms / 1_000).toFixed(1) : Math.round(wait.ms / 1_000)} s.`);
            this.status({ kind: 'paused', month, monthsLeft, ...summary, ...wait });
          },
        }, signal);
        const requests = this.deps.requests ? `${this.deps.requests() - requestsBefore} requests, ` : '';
        log?.('info', `Archive: ${month}: ${papers.length} papers (${requests}${Date.now() - started} ms).`);
      } catch (error) {
        if (signal.aborted) {
          throw error;
        }
        this.skipped.add(month);
        log?.('warn', `Archive: ${month} left for the next session: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  private status(status: ArchiveStatus): void {
    this.deps.onStatus?.(status);
  }
}
