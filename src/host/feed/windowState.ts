import * as vscode from 'vscode';
import type { PaperCache } from '../../core/storage/cache';
import type { Clock } from '../../core/time/clock';
import { isStale } from '../../core/feed/freshness';
import { windowStart } from '../../core/feed/latestDay';
import { currentFeedDate, isRelativeWindow, resolveWindow, shownLabel, stepWindow, windowCacheKey, type ResolvedWindow, type WindowId } from '../../core/feed/windows';
import type { Paper } from '../../core/paper/model';
import { parseSampleFeed } from '../../core/paper/sample';
import { type FeedConfig, updateSetting } from '../config';
import { ContextKeys } from '../ids';
import { dateWords, displayLocale } from '../locale';
import type { PaperStore } from '../paperStore';

export interface WindowStateDeps {
  readonly extensionUri: vscode.Uri;
  readonly cache: PaperCache;
  readonly store: PaperStore;
  readonly clock: Clock;
  readonly config: () => FeedConfig;
}

/**
 * The window the Papers view shows (Today, Last N days, a week…): which one, what it stands for
 * today, and putting its cached papers (or the built-in sample) in the store for the views.
 */
export class WindowState {
  private id: WindowId;
  private showing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: WindowStateDeps) {
    this.id = deps.config().window;
  }

  get current(): WindowId {
    return this.id;
  }

  select(id: WindowId): void {
    this.id = id;
  }

  /**
   * Makes a relative window (Today, Last N days, This week/month, Trending) the startup default, as
   * the picker does; a dated one (a day, week or month) is never remembered.
   */
  async rememberAsDefault(id: WindowId): Promise<void> {
    if (isRelativeWindow(id) && id !== this.deps.config().window) {
      await updateSetting('window', id);
    }
  }

  /** After `paperFeed.window` changed: the window the setting names. */
  followSetting(): void {
    this.id = this.deps.config().window;
  }

  /** The window one period back or forward; undefined when there is no such period. */
  step(direction: -1 | 1): WindowId | undefined {
    return stepWindow(this.id, direction, this.today());
  }

  labelOf(id: WindowId): string {
    return resolveWindow(id, this.today(), this.deps.config().days, displayLocale(), dateWords()).label;
  }

  resolved(): ResolvedWindow {
    return resolveWindow(this.id, this.today(), this.deps.config().days, displayLocale(), dateWords());
  }

  /** The window's cache key: relative windows are keyed by the period they stand for today. */
  key(): string {
    return windowCacheKey(this.id, this.today(), this.deps.config().days);
  }

  /** No record, papers of it missing from the cache, or too old. */
  isStale(): boolean {
    const key = this.key();
    const record = this.deps.cache.window(key);
    const cached = this.deps.cache.windowPapers(key)?.length ?? 0;
    return isStale(record, cached, this.deps.config().refreshIntervalMinutes, Date.now());
  }

  /**
   * Shows the window from the cache, if the cache has it; else says it is loading. Only its papers
   * are read (from the shards they are in). Shows run one after another, each for the window
   * selected when it starts, so a slow read for a window left behind never lands over a newer one.
   */
  show(): Promise<void> {
    this.showing = this.showing.then(() => this.showNow(), () => this.showNow());
    return this.showing;
  }

  private async showNow(): Promise<void> {
    const { cache, store } = this.deps;
    const key = this.key();
    await cache.useWindow(key);
    if (key !== this.key()) {
      return; // another window was selected meanwhile: its own show follows
    }
    const window = this.resolved();
    const record = cache.window(key);
    const papers = cache.windowPapers(key);
    // A day no window was recorded for may still have cached papers (a week's or the archive's).
    const day = window.queries.length === 1 && window.queries[0]?.kind === 'date' ? window.queries[0].date : undefined;
    const ofDay = !record && day !== undefined && cache.size > 0 ? await cache.papersOn(day) : [];
    if (key !== this.key()) {
      return;
    }
    if (record && papers) {
      store.update({ label: shownLabel(window, record.date, displayLocale()), papers, source: 'cache', fetchedAt: new Date(record.fetchedAt) });
    } else if (ofDay.length > 0) {
      store.update({ label: window.label, papers: ofDay, source: 'cache' });
    } else if (cache.size > 0 || store.view.source !== 'sample') {
      store.update({ label: window.label, papers: [], source: 'loading' });
    }
    void vscode.commands.executeCommand('setContext', ContextKeys.canStepBack, this.step(-1) !== undefined);
    void vscode.commands.executeCommand('setContext', ContextKeys.canStepForward, this.step(1) !== undefined);
  }

  /** The built-in sample papers, when there is nothing else to show. */
  async showSample(): Promise<void> {
    const uri = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'sample-feed.json');
    const papers: Paper[] = parseSampleFeed(JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))));
    this.deps.store.update({ label: vscode.l10n.t('Sample papers'), papers, source: 'sample' });
  }

  /** The first day the window covers: Show Latest Papers looks before it. */
  start(): string {
    return windowStart(this.resolved(), this.today());
  }

  /** Today's date on the feed (America/New_York, rolling over at 21:30). */
  today(): string {
    return currentFeedDate(this.deps.clock());
  }
}
