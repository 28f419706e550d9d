import * as path from 'node:path';
import * as vscode from 'vscode';
import { PaperCache } from '../core/storage/cache';
import type { Clock } from '../core/time/clock';
import { formatDay } from '../core/time/dates';
import { HfClient, type HtmlReader } from '../core/feed/hfClient';
import { fetchWindow } from '../core/feed/feed';
import { FeedError } from '../core/feed/http';
import { refreshUnderLock, RefreshRunner } from '../core/feed/refreshRunner';
import { currentFeedDate, isRelativeWindow, resolveWindow, stepWindow, windowCacheKey, type ResolvedWindow, type WindowId } from '../core/feed/windows';
import type { Paper } from '../core/paper/model';
import { escapeMessageLinks } from '../core/view/present';
import { parseSampleFeed } from '../core/paper/sample';
import { Commands, ContextKeys, SecretKeys, Views } from './ids';
import { mayReceiveToken } from '../core/feed/endpoint';
import { type FeedConfig, onDidChangeSettings, readFeedConfig, updateSetting } from './config';
import { Disposable } from './disposable';
import type { PaperStore } from './paperStore';

/** How long a window waits for another window's refresh before fetching itself. */
const WAIT_FOR_OTHER_WINDOW_MS = 60_000;

export interface FeedServiceDeps {
  readonly context: vscode.ExtensionContext;
  readonly store: PaperStore;
  readonly log: vscode.LogOutputChannel;
  readonly clock: Clock;
}

/**
 * Loads papers: the cache at once, then Hugging Face in the background; the sample feed when there
 * is neither. Keeps the last good data on any failure and says so once.
 */
export class FeedService extends Disposable {
  readonly cache: PaperCache;
  private config: FeedConfig;
  private windowId: WindowId;
  private timer: NodeJS.Timeout | undefined;
  /** One refresh at a time; another window's aborts it, and so does dispose. */
  private readonly refresher = new RefreshRunner();
  private lastShownError: string | undefined;
  /** Messages shown to the user, newest last (read by the integration tests). */
  readonly shownMessages: string[] = [];

  constructor(private readonly deps: FeedServiceDeps) {
    super();
    this.config = readFeedConfig((message) => deps.log.warn(message));
    this.cache = new PaperCache(vscode.Uri.joinPath(deps.context.globalStorageUri, 'cache-v1').fsPath, {
      maxPapers: this.config.maxPapers,
      log: (level, message) => deps.log[level](message),
    });
    this.windowId = this.config.window;
    this._register(onDidChangeSettings(['endpoint', 'window', 'days', 'refreshIntervalMinutes', 'cache.maxPapers'], (change) => {
      const before = this.config;
      this.config = readFeedConfig((message) => deps.log.warn(message));
      this.cache.options.maxPapers = this.config.maxPapers;
      if (change.affects('window')) {
        this.windowId = this.config.window;
      }
      this.schedule();
      if (before.endpoint !== this.config.endpoint || before.days !== this.config.days || change.affects('window')) {
        void this.showCurrent().then(() => this.refresh({ interactive: false }));
      }
    }));
    this._register({ dispose: () => clearInterval(this.timer) });
    this._register(this.refresher);
  }

  get currentWindow(): WindowId {
    return this.windowId;
  }

  /** After activation: cached papers at once, then a refresh when they are stale. */
  async start(): Promise<void> {
    try {
      await this.cache.load();
    } catch (error) {
      this.deps.log.warn(`Could not read the paper cache: ${String(error)}`);
    }
    await this.showCurrent();
    this.schedule();
    if (this.isStale()) {
      await this.refresh({ interactive: false });
    }
  }

  /**
   * Shows another window. `remember` (the picker) also makes a relative window (Today, Last N days,
   * This week/month, Trending) the startup default; stepping through periods does not.
   */
  async setWindow(id: WindowId, remember: boolean): Promise<void> {
    this.windowId = id;
    this.refresher.abortOthers(this.windowKey()); // the window left: its fetch must not land
    if (remember && isRelativeWindow(id) && id !== this.config.window) {
      await updateSetting('window', id);
    }
    await this.showCurrent();
    if (this.isStale()) {
      await this.refresh({ interactive: false });
    }
  }

  /** Steps the dated window; returns false when there is no such period. */
  async step(direction: -1 | 1): Promise<boolean> {
    const next = stepWindow(this.windowId, direction, this.today());
    if (!next) {
      return false;
    }
    await this.setWindow(next, false);
    return true;
  }

  canStep(direction: -1 | 1): boolean {
    return stepWindow(this.windowId, direction, this.today()) !== undefined;
  }

  labelOf(id: WindowId): string {
    return resolveWindow(id, this.today(), this.config.days).label;
  }

  resolved(): ResolvedWindow {
    return resolveWindow(this.windowId, this.today(), this.config.days);
  }

  /**
   * Fetches the current window. Interactive refreshes show cancellable progress in a notification;
   * background ones show progress on the view and report a failure only once until it changes.
   */
  refresh(options: { interactive: boolean }): Promise<void> {
    // The same window shares the refresh under way; another window aborts it.
    return this.refresher.run(this.windowKey(), async (signal) => {
      if (!options.interactive) {
        await vscode.window.withProgress({ location: { viewId: Views.papers } }, () => this.fetch(false, signal));
        return;
      }
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Paper Feed: refreshing {0}', this.resolved().label), cancellable: true },
        (_progress, token) => {
          const cancel = new AbortController();
          const subscription = token.onCancellationRequested(() => cancel.abort());
          return this.fetch(true, AbortSignal.any([signal, cancel.signal])).finally(() => subscription.dispose());
        },
      );
    });
  }

  async clearCache(): Promise<void> {
    await this.cache.clear();
    this.deps.store.update([], { label: this.resolved().label, papers: [], source: 'loading' });
    await this.refresh({ interactive: true });
  }

  private async fetch(interactive: boolean, signal: AbortSignal): Promise<void> {
    const window = this.resolved();
    const key = this.windowKey();
    const started = Date.now();
    try {
      const outcome = await refreshUnderLock({
        lock: this.cache.refreshLock,
        waitForOtherMs: WAIT_FOR_OTHER_WINDOW_MS,
        onWait: () => this.deps.log.info('Another window is refreshing; waiting for its result.'),
        fetchedByOther: async () => {
          await this.cache.load();
          const record = this.cache.window(key);
          return record !== undefined && Date.parse(record.fetchedAt) >= started - 1_000;
        },
        fetch: async (aborted) => {
          this.deps.log.info(`Fetching ${window.label} from ${this.config.endpoint}.`);
          return fetchWindow(await this.createClient(), window, aborted);
        },
        land: async (result) => {
          await this.cache.record(key, result.papers, result.date ? { date: result.date } : {});
          this.deps.log.info(`Fetched ${result.papers.length} papers for ${window.label} in ${Date.now() - started} ms`
            + `${result.usedHtml ? ' (some from the HTML pages)' : ''}${result.rejected ? `; ${result.rejected} unusable items skipped` : ''}.`);
        },
      }, signal);
      if (outcome === 'aborted') {
        this.deps.log.info(`Refresh of ${window.label} stopped.`);
        return;
      }
      if (outcome === 'fetched') {
        this.lastShownError = undefined;
      }
      await this.showCurrent();
    } catch (error) {
      if (!signal.aborted) {
        await this.failed(error, interactive);
      }
    }
  }

  private async failed(error: unknown, interactive: boolean): Promise<void> {
    if (error instanceof FeedError && error.kind === 'cancelled') {
      this.deps.log.info('Refresh cancelled.');
      return;
    }
    const message = error instanceof FeedError ? error.message : `Refreshing failed: ${error instanceof Error ? error.message : String(error)}`;
    this.deps.log.warn(`Refresh of ${this.resolved().label} failed: ${message}`);
    if (this.deps.store.view.papers.length === 0 && this.cache.size === 0) {
      await this.showSample();
    }
    this.deps.store.setError(message);
    if (!interactive && this.lastShownError === message) {
      return;
    }
    this.lastShownError = message;
    const kept = this.deps.store.view.source === 'sample'
      ? vscode.l10n.t('Showing the built-in sample papers.')
      : vscode.l10n.t('Showing the papers from the last successful refresh.');
    const text = vscode.l10n.t('Paper Feed could not refresh: {0} {1}', message, kept);
    this.shownMessages.push(text);
    const retry = vscode.l10n.t('Retry');
    const showLog = vscode.l10n.t('Show Log');
    void vscode.window.showWarningMessage(escapeMessageLinks(text), retry, showLog).then((choice) => {
      if (choice === retry) {
        void this.refresh({ interactive: true });
      } else if (choice === showLog) {
        void vscode.commands.executeCommand(Commands.showLog);
      }
    });
  }

  /** Shows the current window from the cache, if the cache has it. */
  private async showCurrent(): Promise<void> {
    const window = this.resolved();
    const key = this.windowKey();
    const record = this.cache.window(key);
    const papers = this.cache.windowPapers(key);
    const catalog = this.cache.all().map((entry) => entry.paper);
    if (record && papers) {
      const label = window.id === 'today' && record.date ? `${window.label} · ${formatDay(record.date)}` : window.label;
      this.deps.store.update(catalog, { label, papers, source: 'cache', fetchedAt: new Date(record.fetchedAt) });
    } else if (this.cache.size > 0 || this.deps.store.view.source !== 'sample') {
      this.deps.store.update(catalog, { label: window.label, papers: [], source: 'loading' });
    }
    void vscode.commands.executeCommand('setContext', ContextKeys.canStepBack, this.canStep(-1));
    void vscode.commands.executeCommand('setContext', ContextKeys.canStepForward, this.canStep(1));
  }

  private async showSample(): Promise<void> {
    const uri = vscode.Uri.joinPath(this.deps.context.extensionUri, 'media', 'sample-feed.json');
    const papers: Paper[] = parseSampleFeed(JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))));
    this.deps.store.update(papers, { label: vscode.l10n.t('Sample papers'), papers, source: 'sample' });
  }

  /** No record, papers of it missing from the cache (evicted, or a damaged file set aside), or too old. */
  private isStale(): boolean {
    const key = this.windowKey();
    const record = this.cache.window(key);
    if (!record || (this.cache.windowPapers(key)?.length ?? 0) < record.ids.length) {
      return true;
    }
    const minutes = this.config.refreshIntervalMinutes;
    return minutes > 0 && Date.now() - Date.parse(record.fetchedAt) > minutes * 60_000;
  }

  private schedule(): void {
    clearInterval(this.timer);
    const minutes = this.config.refreshIntervalMinutes;
    if (minutes > 0) {
      this.timer = setInterval(() => {
        if (this.isStale()) {
          void this.refresh({ interactive: false });
        }
      }, Math.min(minutes, 15) * 60_000);
    }
  }

  private today(): string {
    return currentFeedDate(this.deps.clock());
  }

  private windowKey(): string {
    return windowCacheKey(this.windowId, this.today(), this.config.days);
  }

  /** Hugging Face's own search (`/api/papers/search`); the papers found are kept in the cache. */
  async searchOnline(text: string, signal?: AbortSignal): Promise<Paper[]> {
    const papers = await (await this.createClient()).search(text, 50, signal);
    if (papers.length > 0) {
      await this.cache.record('search:latest', papers);
      papers.forEach((paper) => this.deps.store.remember(paper));
    }
    return papers.map((paper) => this.deps.store.get(paper.id) ?? paper);
  }

  /** When Paper Feed first saw the paper (ISO date-time), if it is cached. */
  seenAt(id: string): string | undefined {
    return this.cache.get(id)?.seenAt;
  }

  /** A paper by id from Hugging Face (`/api/papers/{id}`), kept in the cache; undefined when unknown there. */
  async fetchPaper(id: string): Promise<Paper | undefined> {
    const paper = await (await this.createClient()).paper(id, AbortSignal.timeout(20_000));
    if (paper) {
      await this.cache.record(`paper:${paper.id}`, [paper]);
      this.deps.store.remember(paper);
    }
    return paper;
  }

  /** A client for the configured endpoint (also used by the panel for linked repositories). */
  async createClient(): Promise<HfClient> {
    const endpoint = this.config.endpoint;
    const secrets = this.deps.context.secrets;
    const version = (this.deps.context.extension.packageJSON as { version?: string }).version ?? '0';
    return new HfClient({
      endpoint,
      fetch: (url, init) => fetch(url, init),
      userAgent: `paper-feed-vscode/${version} (VS Code ${vscode.version})`,
      token: mayReceiveToken(endpoint) ? async () => secrets.get(SecretKeys.hfToken) : undefined,
      log: (message) => this.deps.log.info(message),
      html: loadHtmlReader,
    });
  }

  async setToken(token: string | undefined): Promise<void> {
    if (token) {
      await this.deps.context.secrets.store(SecretKeys.hfToken, token);
    } else {
      await this.deps.context.secrets.delete(SecretKeys.hfToken);
    }
  }
}

/** dist/html.js, a bundle of its own (esbuild.mjs): the HTML parser is needed only when the API fails. */
async function loadHtmlReader(): Promise<HtmlReader> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(__dirname, 'html.js')) as HtmlReader;
}
