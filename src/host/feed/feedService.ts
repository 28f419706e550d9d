import * as vscode from 'vscode';
import type { HfClient } from '../../core/feed/hfClient';
import { findLatestDay } from '../../core/feed/latestDay';
import { type ResolvedWindow, resolveWindow, shownLabel, type WindowId, windowCacheKey } from '../../core/feed/windows';
import { addDays } from '../../core/time/dates';
import type { Paper } from '../../core/paper/model';
import { PaperCache } from '../../core/storage/cache';
import type { Clock } from '../../core/time/clock';
import { type FeedConfig, onDidChangeSettings, readFeedConfig } from '../config';
import { Disposable } from '../disposable';
import { displayLocale } from '../locale';
import type { PaperStore } from '../paperStore';
import { userFailure } from './failureText';
import { type ClientTuning, HfClientFactory } from './hfClientFactory';
import { FeedMessages } from './messages';
import { Refresher } from './refresher';
import { WindowState } from './windowState';

export interface FeedServiceDeps {
  readonly context: vscode.ExtensionContext;
  readonly store: PaperStore;
  readonly log: vscode.LogOutputChannel;
  readonly clock: Clock;
}

/**
 * Loads papers: the cache at once, then Hugging Face in the background; the sample feed when there
 * is neither. Keeps the last good data on any failure and says so once. What the commands, views
 * and search ask of the feed; the work is done by the shown window's state, the refresher, the
 * client factory and the messages beside it.
 */
export class FeedService extends Disposable {
  readonly cache: PaperCache;
  private config: FeedConfig;
  private readonly window: WindowState;
  private readonly refresher: Refresher;
  private readonly clients: HfClientFactory;
  private readonly messages: FeedMessages;

  constructor(private readonly deps: FeedServiceDeps) {
    super();
    const { context, store, log, clock } = deps;
    this.config = readFeedConfig((message) => log.warn(message));
    const config = (): FeedConfig => this.config;
    this.cache = new PaperCache(vscode.Uri.joinPath(context.globalStorageUri, 'cache-v1').fsPath, {
      maxPapers: this.config.maxPapers,
      log: (level, message) => log[level](message),
    });
    this.window = new WindowState({ extensionUri: context.extensionUri, cache: this.cache, store, clock, config });
    this.clients = new HfClientFactory({ context, log, endpoint: () => this.config.endpoint });
    this.messages = new FeedMessages(log);
    this.refresher = new Refresher({ cache: this.cache, store, log, window: this.window, config, client: () => this.clients.create(), messages: this.messages });
    this._register(onDidChangeSettings(['endpoint', 'window', 'days', 'refreshIntervalMinutes', 'cache.maxPapers'], (change) => {
      const before = this.config;
      this.config = readFeedConfig((message) => log.warn(message));
      this.cache.options.maxPapers = this.config.maxPapers;
      if (change.affects('window')) {
        this.window.followSetting();
      }
      this.refresher.schedule();
      if (before.endpoint !== this.config.endpoint || before.days !== this.config.days || change.affects('window')) {
        void this.window.show().then(() => this.refresh({ interactive: false }));
      }
    }));
    this._register(this.refresher);
  }

  get currentWindow(): WindowId {
    return this.window.current;
  }

  /** Messages shown to the user, newest last (read by the integration tests). */
  get shownMessages(): string[] {
    return this.messages.shown;
  }

  /** After activation: cached papers at once, then a refresh when they are stale. */
  async start(): Promise<void> {
    try {
      await this.cache.load();
    } catch (error) {
      this.deps.log.warn(`Could not read the paper cache: ${String(error)}`);
    }
    await this.window.show();
    this.refresher.schedule();
    if (this.window.isStale()) {
      await this.refresh({ interactive: false });
    }
  }

  /** Loading papers after activation failed: tells the user, with the log a click away. */
  reportLoadFailure(error: unknown): void {
    this.messages.loadFailed(error);
  }

  /**
   * Shows another window. `remember` (the picker) also makes a relative window (Today, Last N days,
   * This week/month, Trending) the startup default; stepping through periods does not.
   */
  async setWindow(id: WindowId, remember: boolean): Promise<void> {
    this.window.select(id);
    this.refresher.abortOthers(); // the window left: its fetch must not land
    if (remember) {
      await this.window.rememberAsDefault(id);
    }
    await this.window.show();
    if (this.window.isStale()) {
      await this.refresh({ interactive: false });
    }
  }

  /** Papers were recorded for a window by other means (the archive): shown again if it is the one shown. */
  async recorded(key: string): Promise<void> {
    if (this.window.key() === key) {
      await this.window.show();
    }
  }

  /** Steps the dated window; returns false when there is no such period. */
  async step(direction: -1 | 1): Promise<boolean> {
    const next = this.window.step(direction);
    if (!next) {
      return false;
    }
    await this.setWindow(next, false);
    return true;
  }

  canStep(direction: -1 | 1): boolean {
    return this.window.step(direction) !== undefined;
  }

  labelOf(id: WindowId): string {
    return this.window.labelOf(id);
  }

  resolved(): ResolvedWindow {
    return this.window.resolved();
  }

  /** The first day the shown window covers (Show Latest Papers looks before it), and the feed's today. */
  windowStart(): string {
    return this.window.start();
  }

  today(): string {
    return this.window.today();
  }

  /**
   * A window's papers as the cache has them, in the feed's order, read from the month files without
   * changing what the Papers view shows (the language model tools); a day no window was recorded for
   * (and `today` before its batch) falls back to the papers featured that day. Undefined when the
   * cache has none.
   */
  async cachedWindow(id: WindowId): Promise<{ readonly label: string; readonly papers: readonly Paper[] } | undefined> {
    const today = this.today();
    const window = resolveWindow(id, today, this.config.days, displayLocale());
    const record = this.cache.window(windowCacheKey(id, today, this.config.days));
    if (record && record.ids.length > 0) {
      const { store } = this.deps;
      // The window's own month files only (a month of the archive is not read whole for one missing paper).
      const read = new Map((await this.cache.readWindow(windowCacheKey(id, today, this.config.days))).map((paper) => [paper.id, paper]));
      const papers = record.ids.map((paperId) => store.get(paperId) ?? read.get(paperId)).filter((paper): paper is Paper => paper !== undefined);
      return { label: shownLabel(window, record.date, displayLocale()), papers };
    }
    const query = window.queries.length === 1 ? window.queries[0] : undefined;
    const day = id === 'today' ? await this.cache.latestDayBefore(addDays(today, 1)) : query?.kind === 'date' ? query.date : undefined;
    const papers = day === undefined ? [] : await this.cache.papersOn(day);
    return papers.length > 0 ? { label: shownLabel(window, day, displayLocale()), papers } : undefined;
  }

  /** The latest day before `before` that cached papers were featured on (no network). */
  latestCachedDay(before: string): Promise<string | undefined> {
    return this.cache.latestDayBefore(before);
  }

  /**
   * Asks Hugging Face about the days before `before`, newest first (at most two weeks), and keeps
   * the first with papers in the cache as that day's window; its date, or undefined when none has.
   */
  async findLatestDayOnline(before: string, onDay: (day: string, index: number) => void, signal: AbortSignal): Promise<string | undefined> {
    const found = await findLatestDay(this.clients.create(), before, { onDay }, signal);
    if (found) {
      await this.cache.record(`date:${found.day}`, found.papers);
    }
    return found?.day;
  }

  /** The built-in sample papers in the tree (when nothing is cached and Hugging Face cannot be reached). */
  showSample(): Promise<void> {
    return this.window.showSample();
  }

  /** Fetches the current window: `interactive` with cancellable progress, else quietly on the view. */
  refresh(options: { interactive: boolean }): Promise<void> {
    return this.refresher.refresh(options);
  }

  async clearCache(): Promise<void> {
    await this.cache.clear();
    this.deps.store.update({ label: this.resolved().label, papers: [], source: 'loading' });
    await this.refresh({ interactive: true });
  }

  /** Hugging Face's own search (`/api/papers/search`); the papers found are kept in the cache. */
  async searchOnline(text: string, signal?: AbortSignal): Promise<Paper[]> {
    const papers = await this.clients.create().search(text, 50, signal);
    if (papers.length > 0) {
      await this.cache.record('search:latest', papers);
      papers.forEach((paper) => this.deps.store.remember(paper));
    }
    return papers.map((paper) => this.deps.store.get(paper.id) ?? paper);
  }

  /** A failed request to Hugging Face in plain words for the user; its codes and details go to the log under `what`. */
  explainFailure(error: unknown, what: string): string {
    return userFailure(error, this.deps.log, what).text;
  }

  /** When Paper Feed first saw the paper (ISO date-time), if it is cached. */
  seenAt(id: string): string | undefined {
    return this.cache.get(id)?.seenAt;
  }

  /** A paper by id from Hugging Face (`/api/papers/{id}`), kept in the cache; undefined when unknown there. */
  async fetchPaper(id: string): Promise<Paper | undefined> {
    let paper: Paper | undefined;
    try {
      paper = await this.clients.create().paper(id, AbortSignal.timeout(20_000));
    } catch (error) {
      userFailure(error, this.deps.log, `Looking up ${id} on Hugging Face`); // the details, for the log
      throw error;
    }
    if (paper) {
      await this.cache.record(`paper:${paper.id}`, [paper]);
      this.deps.store.remember(paper);
    }
    return paper;
  }

  /** A client for the configured endpoint (also used by the panel for linked repositories, and, tuned, by the archive). */
  createClient(tuning?: ClientTuning): HfClient {
    return this.clients.create(tuning);
  }

  setToken(token: string | undefined): Promise<void> {
    return this.clients.setToken(token);
  }
}
