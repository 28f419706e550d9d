import * as vscode from 'vscode';
import { fetchWindow } from '../../core/feed/feed';
import { staleCheckMs } from '../../core/feed/freshness';
import type { HfClient } from '../../core/feed/hfClient';
import { refreshUnderLock, RefreshRunner } from '../../core/feed/refreshRunner';
import type { PaperCache } from '../../core/storage/cache';
import type { FeedConfig } from '../config';
import { Disposable } from '../disposable';
import { Views } from '../ids';
import type { PaperStore } from '../paperStore';
import { type FeedMessages, refreshFailure } from './messages';
import type { WindowState } from './windowState';

/** How long a window waits for another window's refresh before fetching itself. */
const WAIT_FOR_OTHER_WINDOW_MS = 60_000;

export interface RefresherDeps {
  readonly cache: PaperCache;
  readonly store: PaperStore;
  readonly log: vscode.LogOutputChannel;
  readonly window: WindowState;
  readonly config: () => FeedConfig;
  readonly client: () => HfClient;
  readonly messages: FeedMessages;
}

/**
 * Fetching the shown window: one refresh at a time (another window's aborts it, and so does
 * dispose), under the cross-window lock so that VS Code windows wait for each other's fetch, on a
 * timer while the window is stale. Keeps the last good papers on any failure.
 */
export class Refresher extends Disposable {
  private readonly runner = this._register(new RefreshRunner());
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: RefresherDeps) {
    super();
    this._register({ dispose: () => clearInterval(this.timer) });
  }

  /**
   * Fetches the current window. Interactive refreshes show cancellable progress in a notification;
   * background ones show progress on the view and report a failure only once until it changes.
   */
  refresh(options: { interactive: boolean }): Promise<void> {
    // The same window shares the refresh under way; another window aborts it.
    return this.runner.run(this.deps.window.key(), async (signal) => {
      if (!options.interactive) {
        await vscode.window.withProgress({ location: { viewId: Views.papers } }, () => this.fetch(false, signal));
        return;
      }
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Paper Feed: refreshing {0}', this.deps.window.resolved().label), cancellable: true },
        (_progress, token) => {
          const cancel = new AbortController();
          const subscription = token.onCancellationRequested(() => cancel.abort());
          return this.fetch(true, AbortSignal.any([signal, cancel.signal])).finally(() => {
            subscription.dispose();
          });
        },
      );
    });
  }

  /** The shown window changed: a refresh of another one must not land. */
  abortOthers(): void {
    this.runner.abortOthers(this.deps.window.key());
  }

  /** (Re)starts the timer that refreshes the shown window when it is stale. */
  schedule(): void {
    clearInterval(this.timer);
    const every = staleCheckMs(this.deps.config().refreshIntervalMinutes);
    if (every !== undefined) {
      this.timer = setInterval(() => {
        if (this.deps.window.isStale()) {
          void this.refresh({ interactive: false });
        }
      }, every);
    }
  }

  private async fetch(interactive: boolean, signal: AbortSignal): Promise<void> {
    const { cache, log, window: shown } = this.deps;
    const window = shown.resolved();
    const key = shown.key();
    const started = Date.now();
    try {
      const outcome = await refreshUnderLock({
        lock: cache.refreshLock,
        waitForOtherMs: WAIT_FOR_OTHER_WINDOW_MS,
        onWait: () => log.info('Another window is refreshing; waiting for its result.'),
        fetchedByOther: async () => {
          await cache.load();
          const record = cache.window(key);
          return record !== undefined && Date.parse(record.fetchedAt) >= started - 1_000;
        },
        fetch: async (aborted) => {
          log.info(`Fetching ${window.label} from ${this.deps.config().endpoint}.`);
          return fetchWindow(this.deps.client(), window, aborted);
        },
        land: async (result) => {
          await cache.record(key, result.papers, result.date ? { date: result.date } : {});
          log.info(`Fetched ${result.papers.length} papers for ${window.label} in ${Date.now() - started} ms`
            + `${result.usedHtml ? ' (some from the HTML pages)' : ''}${result.rejected ? `; ${result.rejected} unusable items skipped` : ''}.`);
        },
      }, signal);
      if (outcome === 'aborted') {
        log.info(`Refresh of ${window.label} stopped.`);
        return;
      }
      if (outcome === 'fetched') {
        this.deps.messages.refreshed();
      }
      await shown.show();
    } catch (error) {
      if (!signal.aborted) {
        await this.failed(error, interactive);
      }
    }
  }

  private async failed(error: unknown, interactive: boolean): Promise<void> {
    const { cache, store, log, window } = this.deps;
    const failure = refreshFailure(error, log, `Refresh of ${window.resolved().label}`);
    if (failure === undefined) {
      log.info('Refresh cancelled.');
      return;
    }
    const message = failure.text;
    if (store.view.papers.length === 0 && cache.size === 0) {
      await window.showSample();
    }
    store.setError(message, failure.offline);
    this.deps.messages.refreshFailed(message, {
      interactive,
      showingSample: store.view.source === 'sample',
      retry: () => void this.refresh({ interactive: true }),
    });
  }
}
