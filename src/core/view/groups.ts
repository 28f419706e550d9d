/**
 * The Papers tree as data: papers grouped by date, by topic, or both in either order, sorted within
 * each group. Pure and fast (the whole corpus in milliseconds), so the view can rebuild it on every
 * change; topics are looked up through `topicOf`, which the caller memoizes.
 */
import { type DateWords, ENGLISH_DATE_WORDS } from '../time/displayDates';
import { bucketKey, bucketLabel, chooseGranularity, type DateGranularity } from './buckets';
import { paperDate, type Paper } from '../paper/model';
import { OTHER_TOPIC } from '../topics/taxonomy';
import { type Affinities, hasMatches, likeBuckets, REST_GROUP, scoreOf } from './forYouOrder';

export const GROUPINGS = ['date-topic', 'topic-date', 'date', 'topic', 'forYou'] as const;
export type Grouping = (typeof GROUPINGS)[number];
export const SORT_ORDERS = ['upvotes', 'date', 'title', 'forYou'] as const;
export type SortBy = (typeof SORT_ORDERS)[number];

export function isGrouping(value: unknown): value is Grouping {
  return typeof value === 'string' && (GROUPINGS as readonly string[]).includes(value);
}

export function isSortBy(value: unknown): value is SortBy {
  return typeof value === 'string' && (SORT_ORDERS as readonly string[]).includes(value);
}

export interface Group {
  /** Stable and unique in the tree: `date:2026-08-21`, `topic:llm`, `date:2026-08-21/topic:llm`, `like:2508.10104`, `like:rest`. */
  readonly id: string;
  readonly label: string;
  /** `like`: a For-you group, the papers most like one saved paper (or the rest). */
  readonly by: GroupKind;
  /** Papers in the group and all its subgroups. */
  readonly count: number;
  /** Subgroups (two-level groupings), or undefined when the group holds papers. */
  readonly groups?: readonly Group[];
  /** The group's papers in display order, when it has no subgroups. */
  readonly papers?: readonly Paper[];
}

export type GroupKind = 'date' | 'topic' | 'like';

/** For you's part of the view: the worker's scores as data, and the labels of its groups in the display language. */
export interface ForYouOptions {
  readonly affinities: Affinities;
  /** The matches' reasons (paper id → saved paper id), when the caller has them (else worked out from `affinities`). */
  readonly reasons?: ReadonlyMap<string, string>;
  /** `Like SAM 2`, given a saved paper's id. */
  readonly likeLabel: (savedId: string) => string;
  /** The group of papers that are like no saved paper enough. */
  readonly restLabel: string;
}

export interface GroupOptions {
  readonly grouping: Grouping;
  readonly sortBy: SortBy;
  /** YYYY-MM-DD: day groups read "Today" and "Yesterday". */
  readonly today?: string;
  /** The display language date labels are written in (`en` when absent). */
  readonly locale?: string;
  /** The words around dates ("Today", "Week of …") in the display language (English when absent). */
  readonly words?: DateWords;
  /** The paper's primary topic id (`other` when none). */
  readonly topicOf: (paper: Paper) => string;
  /** A topic id's label. */
  readonly topicLabel: (id: string) => string;
  /**
   * The scores For you sorts and groups by, once the worker has answered. Without them (or without a
   * single match) `forYou` sorts by upvotes and groups by date, as the view did before.
   */
  readonly forYou?: ForYouOptions;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

interface SortKey { readonly paper: Paper; readonly upvotes: number; readonly date: string; readonly score: number }

/**
 * Sorts in place by the chosen order; ties fall back to upvotes, then newest, then title, then id.
 * `forYou` sorts by `affinities` (most like the reading list first), by upvotes without them.
 */
export function sortPapers(papers: Paper[], sortBy: SortBy, affinities?: Affinities): Paper[] {
  // Keys worked out once per paper, not at every comparison.
  const keys: SortKey[] = papers.map((paper) => ({
    paper, upvotes: paper.upvotes ?? -1, date: paperDate(paper) ?? '', score: affinities ? scoreOf(affinities, paper) : 0,
  }));
  const byDate = (a: SortKey, b: SortKey): number => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);
  const byUpvotes = (a: SortKey, b: SortKey): number => b.upvotes - a.upvotes;
  const byTitle = (a: SortKey, b: SortKey): number => collator.compare(a.paper.title, b.paper.title);
  const byScore = (a: SortKey, b: SortKey): number => b.score - a.score;
  const order = sortBy === 'date' ? [byDate, byUpvotes, byTitle] : sortBy === 'title' ? [byTitle, byUpvotes, byDate]
    : sortBy === 'forYou' && affinities ? [byScore, byUpvotes, byDate, byTitle] : [byUpvotes, byDate, byTitle];
  keys.sort((a, b) => {
    for (const compare of order) {
      const result = compare(a, b);
      if (result !== 0) {
        return result;
      }
    }
    return a.paper.id < b.paper.id ? -1 : a.paper.id > b.paper.id ? 1 : 0;
  });
  keys.forEach((key, index) => {
    papers[index] = key.paper;
  });
  return papers;
}

/** Buckets by a key, keeping first-seen order of keys. */
function bucket(papers: readonly Paper[], keyOf: (paper: Paper) => string): Map<string, Paper[]> {
  const buckets = new Map<string, Paper[]>();
  for (const paper of papers) {
    const key = keyOf(paper);
    const list = buckets.get(key);
    if (list) {
      list.push(paper);
    } else {
      buckets.set(key, [paper]);
    }
  }
  return buckets;
}

const UNDATED = 'none';

function dateBuckets(papers: readonly Paper[], granularity: DateGranularity): [string, Paper[]][] {
  const buckets = bucket(papers, (paper) => {
    const date = paperDate(paper);
    return date === undefined ? UNDATED : bucketKey(date, granularity);
  });
  // Newest first; undated last.
  return [...buckets].sort(([a], [b]) => (a === UNDATED ? 1 : b === UNDATED ? -1 : a < b ? 1 : a > b ? -1 : 0));
}

function topicBuckets(papers: readonly Paper[], topicOf: (paper: Paper) => string, topicLabel: (id: string) => string): [string, Paper[]][] {
  // Largest first, then by label; Other last.
  return [...bucket(papers, topicOf)].sort(([a, listA], [b, listB]) =>
    (a === OTHER_TOPIC ? 1 : 0) - (b === OTHER_TOPIC ? 1 : 0) || listB.length - listA.length || collator.compare(topicLabel(a), topicLabel(b)));
}

/** Groups papers as the tree shows them. */
export function buildGroups(papers: readonly Paper[], options: GroupOptions): Group[] {
  const dates: string[] = [];
  for (const paper of papers) {
    const date = paperDate(paper);
    if (date !== undefined) {
      dates.push(date);
    }
  }
  const granularity = chooseGranularity(dates);
  const dateLabel = (key: string, list: readonly Paper[]): string =>
    key === UNDATED ? (options.words ?? ENGLISH_DATE_WORDS).undated : bucketLabel(key, granularity, options.today, list, options.locale, options.words);
  const affinities = options.forYou?.affinities;
  const leaf = (id: string, label: string, by: GroupKind, list: Paper[], sortBy: SortBy = options.sortBy): Group =>
    ({ id, label, by, count: list.length, papers: sortPapers(list, sortBy, affinities) });

  const byDate = (list: readonly Paper[], parent: string, inner?: (list: Paper[], id: string) => Group[]): Group[] =>
    dateBuckets(list, granularity).map(([key, bucketPapers]) => {
      const id = `${parent}date:${key}`;
      const label = dateLabel(key, bucketPapers);
      return inner ? { id, label, by: 'date', count: bucketPapers.length, groups: inner(bucketPapers, `${id}/`) } : leaf(id, label, 'date', bucketPapers);
    });
  const byTopic = (list: readonly Paper[], parent: string, inner?: (list: Paper[], id: string) => Group[]): Group[] =>
    topicBuckets(list, options.topicOf, options.topicLabel).map(([key, bucketPapers]) => {
      const id = `${parent}topic:${key}`;
      const label = options.topicLabel(key);
      return inner ? { id, label, by: 'topic', count: bucketPapers.length, groups: inner(bucketPapers, `${id}/`) } : leaf(id, label, 'topic', bucketPapers);
    });

  const forYou = options.forYou;
  switch (options.grouping) {
    case 'forYou':
      if (!forYou || !hasMatches(forYou.affinities, papers, forYou.reasons)) {
        return byDate(papers, ''); // until the scores come, or when no paper shown is like the reading list
      }
      // Each "Like …" group most alike first; the rest in the order of sortBy.
      return likeBuckets(papers, forYou.affinities, forYou.reasons).map(({ key, papers: list }) => key === REST_GROUP
        ? leaf(`like:${REST_GROUP}`, forYou.restLabel, 'like', list)
        : leaf(`like:${key}`, forYou.likeLabel(key), 'like', list, 'forYou'));
    case 'date':
      return byDate(papers, '');
    case 'topic':
      return byTopic(papers, '');
    case 'date-topic':
      return byDate(papers, '', (list, id) => byTopic(list, id));
    case 'topic-date':
      return byTopic(papers, '', (list, id) => byDate(list, id));
  }
}

export interface DateGroup {
  /** Stable tree id, e.g. `date:2026-08-21`, `date:2026-W34`, `date:2025-08`, `date:2025`, `date:none`. */
  readonly id: string;
  readonly label: string;
  readonly granularity: DateGranularity | 'none';
  /** Papers in display order: most upvoted first, then newest, then by title. */
  readonly papers: readonly Paper[];
}

/**
 * Groups papers by date only, newest bucket first, most upvoted first inside; papers without any
 * date go last under "Undated". `today` (YYYY-MM-DD) turns day labels into "Today" and "Yesterday".
 */
export function groupByDate(papers: readonly Paper[], today?: string, locale?: string): DateGroup[] {
  const granularity = chooseGranularity(papers.map(paperDate).filter((date): date is string => date !== undefined));
  return buildGroups(papers, { grouping: 'date', sortBy: 'upvotes', ...(today ? { today } : {}), ...(locale ? { locale } : {}), topicOf: () => 'other', topicLabel: () => 'Other' })
    .map((group) => ({ id: group.id, label: group.label, granularity: group.id === 'date:none' ? 'none' : granularity, papers: group.papers ?? [] }));
}
