/**
 * When For you asks the search worker, and what it keeps of the answers. Pure (no `vscode`): the
 * host's ForYouRanker wires events, settings and words to it, and the unit tests drive it with a fake
 * worker. The model itself lives in the search worker; this only decides when to ask and which
 * answer stands.
 */
import type { Paper } from '../paper/model';
import { type Affinities, type Affinity, FOR_YOU_MIN_SAVED, forYouReasons, type ScoreLike, toAffinities, withSavedLikes } from './forYouOrder';

/**
 * off         For you is not picked (or the first load is not over)
 * needsSaved  fewer than three saved papers
 * pending     the worker is scoring (the last answer, if any, still stands)
 * ready       scored; `matches` papers are like a saved paper enough to be ranked for it
 * failed      the worker failed: asked again when the index changes (see indexUpdated)
 */
export type ForYouStatus =
  | { readonly kind: 'off' | 'pending' | 'failed' }
  | { readonly kind: 'needsSaved'; readonly saved: number }
  | { readonly kind: 'ready'; readonly matches: number };

/** What For you ranks, read afresh at each update. */
export interface ForYouInput {
  /** Whether the view is sorted or grouped For you. */
  readonly active: boolean;
  /** The shown window's name ("Last 7 days"): a paper saved from it keeps its place until it changes. */
  readonly label: string;
  /** The papers of the shown window. */
  readonly window: readonly Paper[];
  /** The reading list. */
  readonly saved: readonly Paper[];
}

export interface ForYouSessionDeps {
  readonly read: () => ForYouInput;
  /** The worker's scores for the window, in the window's order; rejects when the worker cannot answer. */
  readonly score: (window: readonly Paper[], saved: readonly Paper[]) => Promise<readonly ScoreLike[]>;
  /** The status or the scores changed: the view redraws. */
  readonly changed: () => void;
  readonly log: (level: 'info' | 'warn', message: string) => void;
  /** How long changes settle before the window is scored again. */
  readonly debounceMs?: number;
}

/** The scores of the current window and the papers that are a match (paper id → the saved paper it is like). */
export interface ForYouScores {
  readonly affinities: Affinities;
  readonly reasons: ReadonlyMap<string, string>;
}

/**
 * Asks the worker how much each paper of the window is like the reading list when the window's
 * papers or the reading list change (debounced; only while For you is picked), and never waits for
 * it: the view keeps its usual order (or the last ranking) until the answer comes. A late answer to
 * an older question is dropped, and so is any answer after dispose.
 */
export class ForYouSession {
  private state: ForYouStatus = { kind: 'off' };
  /** The last answer, and the window it scored. */
  private answer: { readonly scores: ForYouScores; readonly windowIds: ReadonlySet<string>; readonly label: string } | undefined;
  private started = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The window and reading list of the last answer (or failure) and of the question on its way. */
  private answeredKey: string | undefined;
  private askedKey: string | undefined;
  private generation = 0;
  private disposed = false;

  constructor(private readonly deps: ForYouSessionDeps) {}

  get status(): ForYouStatus {
    return this.state;
  }

  /**
   * The last answer's scores, while they are the shown window's: undefined while a new window is
   * being scored (its papers have no score yet, and would all fall into "Other papers"), so the view
   * keeps its usual order and says it is ranking. Papers that left the window do not matter. A saved
   * paper taken off the reading list since is no paper's `like` any more (see withSavedLikes).
   */
  current(): ForYouScores | undefined {
    const answer = this.answer;
    if (!answer) {
      return undefined;
    }
    const { window, saved } = this.deps.read();
    if (!window.every((paper) => answer.windowIds.has(paper.id))) {
      return undefined;
    }
    const affinities = withSavedLikes(answer.scores.affinities, new Set(saved.map((paper) => paper.id)));
    return affinities === answer.scores.affinities ? answer.scores : { affinities, reasons: forYouReasons(affinities) };
  }

  /** Starts once the first load is over (before it, the reading list may not be read yet). */
  start(): void {
    this.started = true;
    this.schedule();
  }

  /** Something For you ranks by changed: asks again once changes settle. */
  schedule(): void {
    if (this.disposed) {
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), this.deps.debounceMs ?? 250);
  }

  /**
   * The search index became ready or gained papers: after a failure, asks again (once changes
   * settle). Only on this: a failure is not retried at every change of the window, or in a loop.
   */
  indexUpdated(): void {
    if (this.state.kind === 'failed') {
      this.answeredKey = undefined;
      this.schedule();
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }

  private update(): void {
    const { active, label, window, saved } = this.deps.read();
    if (!this.started || !active) {
      this.reset({ kind: 'off' });
      return;
    }
    if (saved.length < FOR_YOU_MIN_SAVED) {
      this.reset({ kind: 'needsSaved', saved: saved.length });
      return;
    }
    if (window.length === 0) {
      return; // nothing to rank; the welcome content speaks
    }
    const key = `${window.map((paper) => paper.id).join(',')}|${saved.map((paper) => paper.id).sort().join(',')}`;
    if (key === this.askedKey || (key === this.answeredKey && this.state.kind !== 'pending')) {
      return;
    }
    this.askedKey = key;
    const generation = ++this.generation;
    this.setStatus({ kind: 'pending' });
    const started = performance.now();
    this.deps.score(window, saved).then((scores) => {
      if (generation !== this.generation || this.disposed) {
        return;
      }
      const windowIds = new Set(window.map((paper) => paper.id));
      const savedIds = new Set(saved.map((paper) => paper.id));
      const affinities = this.keepSavedInPlace(toAffinities(scores, windowIds, savedIds), savedIds, label);
      const reasons = forYouReasons(affinities);
      this.answer = { scores: { affinities, reasons }, windowIds, label };
      this.answered(key, { kind: 'ready', matches: reasons.size });
      this.deps.log('info', `For you: ${window.length} papers scored against ${saved.length} saved in ${(performance.now() - started).toFixed(0)} ms, ${reasons.size} like a saved paper.`);
    }, (error: unknown) => {
      if (generation !== this.generation || this.disposed) {
        return;
      }
      this.deps.log('warn', `For you: could not score the window: ${error instanceof Error ? error.message : String(error)}`);
      this.answer = undefined;
      this.answered(key, { kind: 'failed' });
    });
  }

  /**
   * A paper saved from this window since an earlier answer keeps that answer's score and `like`
   * (saved papers score 0, and would drop to the end under the user's eyes), until the window changes.
   */
  private keepSavedInPlace(affinities: Map<string, Affinity>, savedIds: ReadonlySet<string>, label: string): Map<string, Affinity> {
    const previous = this.answer;
    if (previous?.label !== label) {
      return affinities;
    }
    for (const id of affinities.keys()) {
      const before = previous.scores.affinities.get(id);
      if (savedIds.has(id) && before !== undefined && before.score > 0) {
        affinities.set(id, before.like === undefined || savedIds.has(before.like) ? before : { score: before.score });
      }
    }
    return affinities;
  }

  private answered(key: string, status: ForYouStatus): void {
    this.answeredKey = key;
    this.askedKey = undefined;
    this.state = status;
    this.deps.changed();
  }

  /** Drops the scores and any question on its way (its answer will be ignored). */
  private reset(status: ForYouStatus): void {
    const had = this.answer !== undefined;
    this.generation++;
    this.answer = undefined;
    this.answeredKey = undefined;
    this.askedKey = undefined;
    this.setStatus(status, had);
  }

  private setStatus(status: ForYouStatus, force = false): void {
    const same = JSON.stringify(status) === JSON.stringify(this.state);
    this.state = status;
    if (!same || force) {
      this.deps.changed();
    }
  }
}
