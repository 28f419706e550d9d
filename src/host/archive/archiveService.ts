import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { ArchiveBackfill, type ArchiveLock, type ArchiveStatus, archiveTiming, type ArchiveTiming } from '../../core/feed/archiveBackfill';
import { sleep } from '../../core/feed/http';
import { Pacer } from '../../core/feed/pacer';
import type { Paper } from '../../core/paper/model';
import { ArchiveStateFile } from '../../core/storage/archiveState';
import { FileLock } from '../../core/storage/lock';
import type { Clock } from '../../core/time/clock';
import { onDidChangeSettings, readArchiveMonths } from '../config';
import { Disposable } from '../disposable';
import type { FeedService } from '../feed/feedService';
import { ArchiveStatusBar } from './archiveStatusBar';

/** How often an idle window looks again (a month that ended, a lock another window let go). */
const RECHECK_MS = 6 * 60 * 60_000;

export interface ArchiveServiceDeps {
  readonly feed: FeedService;
  readonly log: vscode.LogOutputChannel;
  readonly clock: Clock;
  /** Least milliseconds between two requests (`PAPER_FEED_ARCHIVE_INTERVAL_MS`); 1 s when absent. */
  readonly intervalMs?: number;
  /** Told the papers of each month kept (the search index takes them). */
  /** A month was recorded in the cache under `key` (`month:YYYY-MM`). */
  readonly onMonth: (papers: readonly Paper[], key: string) => void;
}

/**
 * The background backfill of the Daily Papers archive in this window (core/feed/archiveBackfill.ts
 * does the work): started after the feed's first load, again when `paperFeed.archive.months` changes
 * and every few hours; its progress in the status bar; stopped for this session by Stop (the setting
 * stays, so the next VS Code session resumes) or for good by setting 0. Papers go to the cache and
 * the search index and are not kept here.
 */
export class ArchiveService extends Disposable {
  readonly timing: ArchiveTiming;
  private readonly pacer: Pacer;
  private readonly state: ArchiveStateFile;
  private readonly lock: FileLock;
  private readonly backfill: ArchiveBackfill;
  private readonly statusBar = this._register(new ArchiveStatusBar());
  private run: { readonly controller: AbortController; readonly done: Promise<void> } | undefined;
  /** Asked to start while a run was ending: start again when it has. */
  private again = false;
  /** The feed's first load is over: only then does the backfill start. */
  private started = false;
  /** Stop was chosen: nothing starts again in this session until an extent is picked. */
  private stoppedByUser = false;
  /** The extent when Stop was chosen. */
  private stoppedAt = 0;
  private ended = false;
  private latest: ArchiveStatus = { kind: 'idle' };

  constructor(private readonly deps: ArchiveServiceDeps) {
    super();
    const { feed, log } = deps;
    this.timing = archiveTiming(deps.intervalMs);
    this.pacer = new Pacer({ intervalMs: this.timing.requestIntervalMs });
    const dir = feed.cache.dir;
    this.state = new ArchiveStateFile(dir, (level, message) => log[level](message));
    const fileLock = new FileLock(join(dir, '.archive.lock'), { staleMs: this.timing.lockStaleMs, waitMs: 0 });
    this.lock = fileLock;
    const lock: ArchiveLock = {
      tryAcquire: async () => {
        await mkdir(dir, { recursive: true });
        return fileLock.tryAcquire();
      },
      release: () => fileLock.release(),
      get isHeld() {
        return fileLock.isHeld;
      },
    };
    this.backfill = new ArchiveBackfill({
      lock,
      state: this.state,
      now: deps.clock,
      months: readArchiveMonths,
      fetchMonth: async (month, signal) => {
        // A client per month, so that a changed endpoint or token applies from the next month on.
        const client = feed.createClient({ pace: (fetch) => this.pacer.wrap(fetch), maxAttempts: 1, maxRetryWaitMs: 0 });
        return (await client.fromApi({ kind: 'month', month }, signal)).papers;
      },
      keep: async (month, papers) => {
        await feed.cache.record(`month:${month}`, papers, { featuredOn: (paper) => paper.feedDate });
        deps.onMonth(papers, `month:${month}`);
      },
      timing: this.timing,
      sleep,
      requests: () => this.pacer.requests,
      log: (level, message) => log[level](message),
      onStatus: (status) => {
        this.latest = status;
        this.statusBar.show(status);
      },
    });
    this._register(onDidChangeSettings(['archive.months'], () => {
      const months = readArchiveMonths();
      if (months === 0) {
        void this.stop({ byUser: false });
      } else if (!this.stoppedByUser || months !== this.stoppedAt) {
        // Another extent, even after Stop, is a new choice (Stop's own news of an extent picked just before it is not).
        this.resume();
      }
    }));
    const recheck = setInterval(() => {
      if (this.started) {
        this.start();
      }
    }, RECHECK_MS);
    this._register({ dispose: () => clearInterval(recheck) });
  }

  /** What the backfill does now (for the command and the tests). */
  get status(): ArchiveStatus {
    return this.latest;
  }

  /** The status bar text while it shows, else undefined (for the tests). */
  get statusText(): string | undefined {
    return this.statusBar.text;
  }

  /** Whether this window is downloading (fetching or paused), not idle or waiting for another window. */
  get isDownloading(): boolean {
    return this.latest.kind === 'fetching' || this.latest.kind === 'paused';
  }

  /** Starts the backfill unless it runs, is off, or was stopped in this session. Called after the first load. */
  start(): void {
    if (this.ended) {
      return;
    }
    this.started = true;
    if (this.stoppedByUser || readArchiveMonths() === 0) {
      return;
    }
    if (this.run) {
      this.again = true;
      return;
    }
    const controller = new AbortController();
    const done = this.backfill.run(controller.signal).then((outcome) => {
      this.deps.log.info(outcome === 'done' ? 'Archive: nothing left to download.' : 'Archive: stopped.');
    }, (error: unknown) => {
      this.deps.log.warn(`Archive: ${error instanceof Error ? error.message : String(error)}`);
    }).finally(() => {
      if (this.run?.controller === controller) {
        this.run = undefined;
      }
      if (this.again && !controller.signal.aborted) {
        this.again = false;
        this.start();
      }
    });
    this.run = { controller, done };
  }

  /** Picked an extent: whatever Stop did in this session no longer holds. */
  resume(): void {
    this.stoppedByUser = false;
    if (this.started) {
      this.start();
    }
  }

  /** Stops the backfill; `byUser`: not again in this session until an extent is picked. */
  async stop(options: { readonly byUser: boolean }): Promise<void> {
    if (options.byUser) {
      this.stoppedByUser = true;
      this.stoppedAt = readArchiveMonths();
    }
    this.again = false;
    const run = this.run;
    run?.controller.abort();
    await run?.done;
  }

  /** After Clear Paper Cache: the months the state file lists are gone from the cache, so it starts over. */
  async forget(): Promise<void> {
    await this.stop({ byUser: false });
    await this.state.forget();
    if (this.started) {
      this.start();
    }
  }

  /** Settles when no backfill runs (for the tests). */
  async whenIdle(): Promise<void> {
    while (this.run) {
      await this.run.done;
    }
  }

  override dispose(): void {
    this.ended = true;
    this.run?.controller.abort();
    void this.lock.release();
    super.dispose();
  }
}
