/**
 * "For you" as the Papers view shows it: the search worker's scores (how much each paper of the
 * window is like the reading list) come in as data, and this decides which papers count as a match,
 * the order, the "Like <saved paper>" groups and each row's reason. Pure: no model here (that lives in
 * the search worker), so this folder never imports `core/search`.
 */
import type { Paper } from '../paper/model';

/** How much one paper is like the reading list: a score 0..1 and the saved paper it is most like. */
export interface Affinity {
  readonly score: number;
  /** The id of the saved paper it is most like, when it is like any. */
  readonly like?: string;
}

/** Each paper's affinity by paper id. */
export type Affinities = ReadonlyMap<string, Affinity>;

/** For you ranks nothing below this many saved papers: two papers are too little to learn a taste from. */
export const FOR_YOU_MIN_SAVED = 3;

/**
 * A paper is a match (in a "Like …" group, with a reason) when its score is at least this share of
 * the window's best score, and among the best {@link MATCH_PART} of the window. Relative, so that it
 * does not depend on how the model's scores are spread: a weak window still shows its best matches,
 * a paper far below the best gets no reason that would overstate the likeness, and when scores lie
 * close together (a broad reading list) the groups still hold the best quarter, not the whole window.
 */
export const MATCH_SHARE = 0.5;
export const MATCH_PART = 0.25;
/** Small windows keep this many matches at least (the quarter of ten papers is too few to group). */
const MIN_MATCHES = 5;

/** At most this many "Like …" groups; the papers of weaker ones join the rest. */
export const MAX_LIKE_GROUPS = 12;

/** The id of the group of papers that match no saved paper well enough. */
export const REST_GROUP = 'rest';

export interface ScoreLike {
  readonly id: unknown;
  readonly score: unknown;
  readonly like?: unknown;
}

/**
 * The worker's answer as affinities, checked entry by entry: ids are strings, scores finite and
 * clamped to 0..1, `like` a saved paper's id (else dropped). Unknown and repeated ids are dropped.
 * A saved paper in the window scores 0: it is trivially like itself, and For you's first places are
 * for papers the user has not kept yet.
 */
export function toAffinities(scores: readonly ScoreLike[], windowIds: ReadonlySet<string>, savedIds: ReadonlySet<string>): Map<string, Affinity> {
  const affinities = new Map<string, Affinity>();
  for (const entry of scores) {
    const { id, score, like } = entry;
    if (typeof id !== 'string' || !windowIds.has(id) || affinities.has(id) || typeof score !== 'number' || !Number.isFinite(score)) {
      continue;
    }
    if (savedIds.has(id)) {
      affinities.set(id, { score: 0 });
      continue;
    }
    const clamped = Math.min(1, Math.max(0, score));
    affinities.set(id, typeof like === 'string' && savedIds.has(like) ? { score: clamped, like } : { score: clamped });
  }
  return affinities;
}

/**
 * The affinities without `like`s naming a paper no longer saved (taken off the reading list since the
 * worker answered: until the next answer, its papers keep their score but no group or reason names
 * it). The same map when every `like` is still saved.
 */
export function withSavedLikes(affinities: Affinities, savedIds: ReadonlySet<string>): Affinities {
  if ([...affinities.values()].every((affinity) => affinity.like === undefined || savedIds.has(affinity.like))) {
    return affinities;
  }
  const kept = new Map<string, Affinity>();
  for (const [id, affinity] of affinities) {
    kept.set(id, affinity.like === undefined || savedIds.has(affinity.like) ? affinity : { score: affinity.score });
  }
  return kept;
}

/** The score a paper needs to be a match: see {@link MATCH_SHARE}; never 0. */
export function matchThreshold(affinities: Affinities): number {
  const scores = [...affinities.values()].map((affinity) => affinity.score).sort((a, b) => b - a);
  const best = scores[0] ?? 0;
  if (best <= 0) {
    return Number.POSITIVE_INFINITY;
  }
  const last = scores[Math.min(scores.length, Math.max(MIN_MATCHES, Math.ceil(scores.length * MATCH_PART))) - 1] ?? 0;
  return Math.max(best * MATCH_SHARE, last, Number.MIN_VALUE);
}

/** Whether the Papers view is sorted or grouped For you. */
export function isForYou(view: { readonly grouping: string; readonly sortBy: string }): boolean {
  return view.grouping === 'forYou' || view.sortBy === 'forYou';
}

/**
 * The papers the view shows a reason for: paper id → the saved paper it is like. Only matches (see
 * {@link matchThreshold}); a paper is never "like" itself.
 */
export function forYouReasons(affinities: Affinities): Map<string, string> {
  const threshold = matchThreshold(affinities);
  const reasons = new Map<string, string>();
  for (const [id, affinity] of affinities) {
    if (affinity.like !== undefined && affinity.score >= threshold) {
      reasons.set(id, affinity.like);
    }
  }
  return reasons;
}

/**
 * Whether any paper is a match (of `papers`, the ones shown, when given): without one, For you has
 * nothing to show and the view keeps its usual order. `known`: the reasons, when already worked out.
 */
export function hasMatches(affinities: Affinities | undefined, papers?: readonly Paper[], known?: ReadonlyMap<string, string>): affinities is Affinities {
  if (affinities === undefined) {
    return false;
  }
  const reasons = known ?? forYouReasons(affinities);
  return papers === undefined ? reasons.size > 0 : papers.some((paper) => reasons.has(paper.id));
}

/**
 * A saved paper's title as a reason reads it: `like SAM 2` rather than the whole title. The part
 * before a colon when that is a name (3 to 40 characters: "SAM 2: Segment Anything in Images and
 * Videos"), else the first words up to `max` characters with an ellipsis.
 */
export function likeTitle(title: string, max = 40): string {
  const text = title.replace(/\s+/g, ' ').trim();
  const colon = text.indexOf(':');
  if (colon >= 3 && colon <= max) {
    return text.slice(0, colon).trim();
  }
  if (text.length <= max) {
    return text;
  }
  const cut = text.slice(0, max - 1);
  // At a word's end: where the next character is a space, else before the cut word.
  const space = text[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space >= max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;.–-]+$/u, '')}…`;
}

/** A paper's score, 0 when the worker gave none (a paper that came after its answer). */
export function scoreOf(affinities: Affinities, paper: Paper): number {
  return affinities.get(paper.id)?.score ?? 0;
}

export interface LikeBucket {
  /** The saved paper's id, or {@link REST_GROUP}. */
  readonly key: string;
  readonly papers: Paper[];
}

/**
 * The window's papers as "Like <saved paper>" buckets, best first (the bucket holding the best
 * match first, so reading down the groups follows the For-you ranking; ties by size, then id); then
 * the rest (papers that match nothing well enough, and those of buckets past {@link MAX_LIKE_GROUPS},
 * which keep their reason: it is true, only their group is left out). Papers stay in the order they
 * came in: the caller sorts each bucket.
 */
export function likeBuckets(papers: readonly Paper[], affinities: Affinities, reasons: ReadonlyMap<string, string> = forYouReasons(affinities)): LikeBucket[] {
  const buckets = new Map<string, { papers: Paper[]; best: number }>();
  const rest: Paper[] = [];
  for (const paper of papers) {
    const like = reasons.get(paper.id);
    if (like === undefined) {
      rest.push(paper);
      continue;
    }
    const bucket = buckets.get(like) ?? { papers: [], best: 0 };
    bucket.papers.push(paper);
    bucket.best = Math.max(bucket.best, scoreOf(affinities, paper));
    buckets.set(like, bucket);
  }
  const ranked = [...buckets].sort(([keyA, a], [keyB, b]) => b.best - a.best || b.papers.length - a.papers.length || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0));
  const shown = ranked.slice(0, MAX_LIKE_GROUPS).map(([key, bucket]) => ({ key, papers: bucket.papers }));
  rest.push(...ranked.slice(MAX_LIKE_GROUPS).flatMap(([, bucket]) => bucket.papers));
  return rest.length > 0 ? [...shown, { key: REST_GROUP, papers: rest }] : shown;
}
