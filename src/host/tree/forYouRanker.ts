import * as vscode from 'vscode';
import type { Paper } from '../../core/paper/model';
import type { ForYouScore } from '../../core/search/workerProtocol';
import { isForYou, likeTitle } from '../../core/view/forYouOrder';
import { type ForYouScores, ForYouSession, type ForYouStatus } from '../../core/view/forYouSession';
import type { ForYouOptions } from '../../core/view/groups';
import { onDidChangeSettings, readViewConfig } from '../config';
import { Disposable } from '../disposable';
import type { PaperStore } from '../paperStore';
import type { SavedPapers } from '../savedPapers';

/** What the Papers view needs of For you (the tree does not care where the scores come from). */
export interface ForYouView {
  /** Fires when the scores arrive or what the view should say changes: the tree redraws. */
  readonly onDidChange: vscode.Event<void>;
  /** The scores and group labels, once they are in; undefined while the view keeps upvote order. */
  options(): ForYouOptions | undefined;
  /** `like SAM 2`: why a paper is ranked where it is, for a match (by the scores of the last `options()`). */
  reason(paperId: string): string | undefined;
  /** The line above the tree, when For you cannot rank (yet). */
  message(): string | undefined;
}

export interface ForYouDeps {
  readonly store: PaperStore;
  readonly saved: SavedPapers;
  /** The search worker's scores for the window, in the window's order (SearchService.forYou). */
  readonly score: (window: readonly Paper[], saved: readonly Paper[]) => Promise<readonly ForYouScore[]>;
  /**
   * Fires when the search index becomes ready or gains papers (SearchService.onDidUpdate): a failed
   * ranking is asked again then. Subscribed at start (the search service is built after the ranker).
   */
  readonly onIndexUpdated: vscode.Event<void>;
  readonly log: vscode.LogOutputChannel;
}

/**
 * "For you" in this window: the VS Code side of {@link ForYouSession} (core/view/forYouSession.ts),
 * which decides when to ask the search worker and which answer stands; this feeds it the window, the
 * reading list and the settings, and words what it holds for the Papers view.
 */
export class ForYouRanker extends Disposable implements ForYouView {
  private readonly session: ForYouSession;
  private started = false;
  /** The scores the tree was last built with. */
  private shown: ForYouScores | undefined;
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly deps: ForYouDeps) {
    super();
    this.session = new ForYouSession({
      read: () => ({ active: this.active, label: deps.store.view.label, window: deps.store.view.papers, saved: deps.saved.list().map((entry) => entry.paper) }),
      score: deps.score,
      changed: () => this.changed.fire(),
      log: (level, message) => deps.log[level](message),
    });
    this._register(this.session);
    this._register(deps.store.onDidChange(() => this.session.schedule()));
    this._register(deps.saved.onDidChange(() => this.session.schedule()));
    this._register(onDidChangeSettings(['grouping', 'sortBy'], () => this.session.schedule()));
  }

  /** Starts once the first load is over (before it, the reading list may not be read yet). */
  start(): void {
    if (!this.started) {
      this.started = true;
      this._register(this.deps.onIndexUpdated(() => this.session.indexUpdated()));
    }
    this.session.start();
  }

  /** What For you is doing: off, waiting for saved papers, scoring, ready or failed. */
  get status(): ForYouStatus {
    return this.session.status;
  }

  /** Whether the view is sorted or grouped For you. */
  get active(): boolean {
    return isForYou(readViewConfig());
  }

  options(): ForYouOptions | undefined {
    const scores = this.session.current();
    this.shown = scores;
    return scores && {
      affinities: scores.affinities,
      reasons: scores.reasons,
      likeLabel: (savedId) => vscode.l10n.t('Like {0}', this.savedTitle(savedId) ?? savedId),
      restLabel: vscode.l10n.t('Other papers'),
    };
  }

  /** The reason by the scores of the last options(): the ones the tree was built with. */
  reason(paperId: string): string | undefined {
    const like = this.shown?.reasons.get(paperId);
    const title = like === undefined ? undefined : this.savedTitle(like);
    return title === undefined ? undefined : vscode.l10n.t('like {0}', title);
  }

  message(): string | undefined {
    const status = this.session.status;
    switch (status.kind) {
      case 'needsSaved':
        return vscode.l10n.t('For you needs three saved papers (you have {0}): save papers you like. Until then, {1}.', status.saved, this.usualOrder());
      case 'pending':
        return this.session.current() ? undefined : vscode.l10n.t('Ranking papers for you…');
      case 'failed':
        return vscode.l10n.t('Could not rank papers for you (see the log): {0}.', this.usualOrder());
      case 'ready':
        return status.matches === 0 ? vscode.l10n.t('None of these papers is much like your saved papers: {0}.', this.usualOrder()) : undefined;
      case 'off':
        return undefined;
    }
  }

  /** The order the view keeps when For you cannot rank: paperFeed.sortBy's (upvotes when that is For you). */
  private usualOrder(): string {
    switch (readViewConfig().sortBy) {
      case 'date':
        return vscode.l10n.t('the newest come first');
      case 'title':
        return vscode.l10n.t('papers are sorted by title');
      case 'upvotes':
      case 'forYou':
        return vscode.l10n.t('the most upvoted come first');
    }
  }

  private savedTitle(id: string): string | undefined {
    const title = this.deps.saved.entry(id)?.paper.title;
    return title === undefined ? undefined : likeTitle(title);
  }
}
