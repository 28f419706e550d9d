import * as vscode from 'vscode';
import type { Paper } from '../../core/paper/model';
import type { ForYouScore } from '../../core/search/workerProtocol';
import { type Affinities, FOR_YOU_MIN_SAVED, forYouReasons, likeTitle, toAffinities } from '../../core/view/forYouOrder';
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
  /** `like SAM 2`: why a paper is ranked where it is, for a match. */
  reason(paperId: string): string | undefined;
  /** The line above the tree, when For you cannot rank (yet). */
  message(): string | undefined;
}

export interface ForYouDeps {
  readonly store: PaperStore;
  readonly saved: SavedPapers;
  /** The search worker's scores for the window, in the window's order (SearchService.forYou). */
  readonly score: (window: readonly Paper[], saved: readonly Paper[]) => Promise<readonly ForYouScore[]>;
  readonly log: vscode.LogOutputChannel;
  /** How long changes settle before the window is scored again. */
  readonly debounceMs?: number;
}

/**
 * off         neither paperFeed.sortBy nor paperFeed.grouping is `forYou` (or the first load is not over)
 * needsSaved  fewer than three saved papers
 * pending     the worker is scoring (the last answer, if any, still stands)
 * ready       scored; `matches` papers are like a saved paper enough to be ranked for it
 * failed      the worker failed: upvote order
 */
type Status =
  | { readonly kind: 'off' | 'pending' | 'failed' }
  | { readonly kind: 'needsSaved'; readonly saved: number }
  | { readonly kind: 'ready'; readonly matches: number };

/**
 * "For you" in this window: asks the search worker how much each paper of the shown window is like
 * the reading list, when the window's papers or the reading list change (debounced; only while For
 * you is picked), and never waits for it: the tree keeps its upvote order (or the last ranking) until
 * the answer comes, then redraws once. A late answer to an older question is dropped.
 */
export class ForYouRanker extends Disposable implements ForYouView {
  private status: Status = { kind: 'off' };
  private affinities: Affinities | undefined;
  private reasons = new Map<string, string>();
  private started = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The window and reading list of the last answer (or failure) and of the question on its way. */
  private answeredKey: string | undefined;
  private askedKey: string | undefined;
  private generation = 0;
  private disposedFlag = false;
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly deps: ForYouDeps) {
    super();
    this._register(deps.store.onDidChange(() => this.schedule()));
    this._register(deps.saved.onDidChange(() => this.schedule()));
    this._register(onDidChangeSettings(['grouping', 'sortBy'], () => this.schedule()));
    this._register({ dispose: () => clearTimeout(this.timer) });
  }

  /** Starts once the first load is over (before it, the reading list may not be read yet). */
  start(): void {
    this.started = true;
    this.schedule();
  }

  /** Whether the view is sorted or grouped For you. */
  get active(): boolean {
    const { grouping, sortBy } = readViewConfig();
    return grouping === 'forYou' || sortBy === 'forYou';
  }

  options(): ForYouOptions | undefined {
    const affinities = this.affinities;
    return affinities && {
      affinities,
      likeLabel: (savedId) => vscode.l10n.t('Like {0}', this.savedTitle(savedId) ?? savedId),
      restLabel: vscode.l10n.t('Other papers'),
    };
  }

  reason(paperId: string): string | undefined {
    const like = this.affinities && this.reasons.get(paperId);
    const title = like === undefined ? undefined : this.savedTitle(like);
    return title === undefined ? undefined : vscode.l10n.t('like {0}', title);
  }

  message(): string | undefined {
    switch (this.status.kind) {
      case 'needsSaved':
        return vscode.l10n.t('For you needs three saved papers (you have {0}): save papers you like. Until then, the most upvoted come first.', this.status.saved);
      case 'pending':
        return this.affinities ? undefined : vscode.l10n.t('Ranking papers for you…');
      case 'failed':
        return vscode.l10n.t('Could not rank papers for you (see the log): the most upvoted come first.');
      case 'ready':
        return this.status.matches === 0 ? vscode.l10n.t('None of these papers is much like your saved papers: the most upvoted come first.') : undefined;
      case 'off':
        return undefined;
    }
  }

  private savedTitle(id: string): string | undefined {
    const title = this.deps.saved.entry(id)?.paper.title;
    return title === undefined ? undefined : likeTitle(title);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), this.deps.debounceMs ?? 250);
  }

  private update(): void {
    const saved = this.deps.saved.list().map((entry) => entry.paper);
    if (!this.started || !this.active) {
      this.reset({ kind: 'off' });
      return;
    }
    if (saved.length < FOR_YOU_MIN_SAVED) {
      this.reset({ kind: 'needsSaved', saved: saved.length });
      return;
    }
    const window = this.deps.store.view.papers;
    if (window.length === 0) {
      return; // nothing to rank; the welcome content speaks
    }
    const key = `${window.map((paper) => paper.id).join(',')}|${saved.map((paper) => paper.id).sort().join(',')}`;
    if (key === this.askedKey || (key === this.answeredKey && this.status.kind !== 'pending')) {
      return;
    }
    this.askedKey = key;
    const generation = ++this.generation;
    this.setStatus({ kind: 'pending' });
    const started = performance.now();
    this.deps.score(window, saved).then((scores) => {
      if (generation !== this.generation || this.isDisposed()) {
        return;
      }
      const affinities = toAffinities(scores, new Set(window.map((paper) => paper.id)), new Set(saved.map((paper) => paper.id)));
      this.affinities = affinities;
      this.reasons = forYouReasons(affinities);
      this.answered(key, { kind: 'ready', matches: this.reasons.size });
      this.deps.log.info(`For you: ${window.length} papers scored against ${saved.length} saved in ${(performance.now() - started).toFixed(0)} ms, ${this.reasons.size} like a saved paper.`);
    }, (error: unknown) => {
      if (generation !== this.generation || this.isDisposed()) {
        return;
      }
      this.deps.log.warn(`For you: could not score the window: ${error instanceof Error ? error.message : String(error)}`);
      this.affinities = undefined;
      this.reasons = new Map();
      this.answered(key, { kind: 'failed' });
    });
  }

  private answered(key: string, status: Status): void {
    this.answeredKey = key;
    this.askedKey = undefined;
    this.status = status;
    this.changed.fire();
  }

  /** Drops the scores and any question on its way (its answer will be ignored). */
  private reset(status: Status): void {
    const had = this.affinities !== undefined;
    this.generation++;
    this.affinities = undefined;
    this.reasons = new Map();
    this.answeredKey = undefined;
    this.askedKey = undefined;
    this.setStatus(status, had);
  }

  private setStatus(status: Status, force = false): void {
    const same = JSON.stringify(status) === JSON.stringify(this.status);
    this.status = status;
    if (!same || force) {
      this.changed.fire();
    }
  }

  private isDisposed(): boolean {
    return this.disposedFlag;
  }

  override dispose(): void {
    this.disposedFlag = true;
    super.dispose();
  }
}
