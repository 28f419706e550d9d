/**
 * Watched searches (`paperFeed.watches`): the setting read item by item, which papers a watch
 * matches, and which of them are new since the user last looked at it. A watch is a saved search,
 * so its query means what Search Papers' query means (filters as `filterPredicate` tests them, every
 * word found in the title, authors, keywords or abstract, as the linear scan finds them), applied to
 * the papers of the feed rather than the archive.
 */
import { isNewSince, type Look, type NewContext } from '../feed/newSince';
import { cleanLine } from '../paper/cleanText';
import type { Paper } from '../paper/model';
import { filterPredicate, parseQuery, type TopicMatcher } from './query';
import { pluralPartner } from './queryTerms';
import { type PaperFeatures, WatchFeatures } from './watchFeatures';

/** At most this many watches are read from the setting; the rest are left out (and reported). */
export const MAX_WATCHES = 50;
/** A longer query is left out rather than cut: cut, it would be another search. */
export const MAX_QUERY_LENGTH = 200;
/** A longer name is shortened. */
export const MAX_NAME_LENGTH = 80;
/**
 * Items of the setting read at most: enough for MAX_WATCHES and a few bad or repeated ones. A list
 * from a cloned repository's settings may be huge; the items past this are not looked at.
 */
export const MAX_SETTING_ITEMS = MAX_WATCHES + 50;
/** Items left out that are reported one by one; the rest in one line. */
export const MAX_REPORTED = 10;
/** A setting's string longer than this is not cleaned to be measured: it cannot be a query. */
const MAX_RAW_QUERY_LENGTH = 10 * MAX_QUERY_LENGTH;
/** A name is cleaned from its first this many characters at most (the rest could not show). */
const MAX_RAW_NAME_LENGTH = 10 * MAX_NAME_LENGTH;

// eslint-disable-next-line no-control-regex -- replacing control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * Text from the setting (a cloned repository's .vscode/settings.json may write it) as one clean
 * line: control characters as spaces (a name or query written over two lines keeps its words apart),
 * then `cleanLine`, which also takes out the bidi overrides and isolates that would make it read as
 * other text, and collapses whitespace.
 */
function settingLine(value: string): string {
  return cleanLine(value.replace(CONTROL, ' '), Number.MAX_SAFE_INTEGER) ?? '';
}

export interface Watch {
  /** The query as written, whitespace collapsed. */
  readonly query: string;
  /** What the Watches view calls it; undefined shows the query. */
  readonly name?: string;
  /** An information message when a refresh brings new matches. */
  readonly notify: boolean;
  /** Its identity: the query lower-cased, whitespace collapsed (two watches with one key are one). */
  readonly key: string;
}

/** The identity of a query: two queries with one key are the same watch. */
export function watchKey(query: string): string {
  return query.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * A query as the setting keeps it: control characters and bidi controls out, whitespace collapsed; undefined when
 * empty, longer than MAX_QUERY_LENGTH, or with nothing a search could match (no word, no filter).
 */
export function cleanWatchQuery(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_RAW_QUERY_LENGTH) {
    return undefined;
  }
  const query = settingLine(value);
  if (query === '' || query.length > MAX_QUERY_LENGTH) {
    return undefined;
  }
  const parsed = parseQuery(query);
  return parsed.words.length > 0 || Object.values(parsed.filters).some((filter) => filter !== undefined) ? query : undefined;
}

/**
 * `paperFeed.watches` as watches: each item a query string or `{ query, name?, notify? }`. Items
 * that are neither, have no usable query, or repeat an earlier watch's query are left out, the first
 * MAX_REPORTED of them reported through `skip` with their position; past MAX_WATCHES the rest are
 * left out too. At most MAX_SETTING_ITEMS items are read; the items left out and not reported one by
 * one (those past the bound too) are counted in one call of `skipRest`.
 */
export function parseWatches(
  value: unknown, skip: (index: number, reason: string) => void = () => undefined, skipRest: (count: number) => void = () => undefined,
): Watch[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const watches: Watch[] = [];
  const keys = new Set<string>();
  let skipped = 0;
  const leaveOut = (index: number, reason: () => string): void => {
    if (skipped++ < MAX_REPORTED) {
      skip(index, reason());
    }
  };
  const items: unknown[] = value.slice(0, MAX_SETTING_ITEMS);
  items.forEach((item, index) => {
    if (watches.length >= MAX_WATCHES) {
      leaveOut(index, () => `more than ${MAX_WATCHES} watches`);
      return;
    }
    const raw = typeof item === 'object' && item !== null && !Array.isArray(item) ? item as Record<string, unknown> : undefined;
    const query = cleanWatchQuery(raw ? raw.query : item);
    if (query === undefined) {
      leaveOut(index, () => (raw || typeof item === 'string' ? 'no usable query (1 to 200 characters with a word or a filter)' : 'not a query or an object with one'));
      return;
    }
    const key = watchKey(query);
    if (keys.has(key)) {
      leaveOut(index, () => `the same query as an earlier watch ("${query}")`);
      return;
    }
    keys.add(key);
    const name = typeof raw?.name === 'string' ? cleanName(raw.name) : undefined;
    watches.push({ query, key, notify: raw?.notify === true, ...(name ? { name } : {}) });
  });
  const unreported = Math.max(0, skipped - MAX_REPORTED) + (value.length - items.length);
  if (unreported > 0) {
    skipRest(unreported);
  }
  return watches;
}

function cleanName(value: string): string | undefined {
  const name = settingLine(value.slice(0, MAX_RAW_NAME_LENGTH));
  return name ? name.slice(0, MAX_NAME_LENGTH).trim() : undefined;
}

/** What a watch's `topic:` filter needs: a paper's primary topic, and the test of the filter. */
export interface WatchTopics {
  readonly of: (paper: Paper) => string;
  readonly matches: TopicMatcher;
}

/**
 * The test of whether a paper matches `query` (false for every paper when the query has no word and
 * no filter). Each word must be a whole word of the paper, as the index finds a complete word: the
 * word, its plural or singular ("llm", "llms"), the word written together with its neighbour or as
 * its hyphenated compound ("self attention" and "self-attention" find "selfattention"), and a long
 * word as two of the paper's words ("selfattention" finds "self attention"). Never a part of a word
 * ("rag" in "average"), nor a prefix: Search Papers takes the last word as a prefix only while it is
 * being typed, to show results before the word is complete; a watch is a finished query, and as a
 * prefix "rag" would count "ragged" and "dit" "dithering" as news. Nor a typo: a watch counts papers
 * as news, so a near miss must not count.
 */
export function watchMatcher(query: string, topics: WatchTopics, features = new WatchFeatures()): (paper: Paper) => boolean {
  const test = compileWatch(query, topics.matches);
  return (paper) => test(features.one(paper, topics.of));
}

/** `watchMatcher`'s test, of a paper's features. */
function compileWatch(query: string, topicMatches: TopicMatcher): (paper: PaperFeatures) => boolean {
  // Read as complete (a trailing space): no word is being typed, stop words are dropped.
  const complete = parseQuery(`${query} `);
  const parsed = complete.words.length > 0 ? complete : parseQuery(query); // a query of stop words alone keeps its last
  const passes = filterPredicate(parsed.filters, topicMatches);
  const forms = parsed.words.map((word, index) => [word, pluralPartner(word), ...(parsed.joins[index] ?? []).map((join) => join.text)]
    .filter((form): form is string => form !== undefined));
  if (forms.length === 0 && !passes) {
    return () => false;
  }
  return (paper) => forms.every((alternatives) => alternatives.some((form) => paper.has(form))) && (!passes || passes(paper.facts()));
}

/** A watch's matches among the feed's papers, in the feed's order. */
export interface WatchMatched {
  readonly watch: Watch;
  readonly papers: readonly Paper[];
}

/**
 * Which papers each watch matches: the costly part of an update, done when the papers, the watches
 * or the topics change. Each paper's features are made once for all the watches (and kept in
 * `features` for the next update while the paper reads the same).
 */
export function matchWatches(watches: readonly Watch[], papers: readonly Paper[], topics: WatchTopics, features: WatchFeatures): WatchMatched[] {
  const all = features.all(papers, topics.of);
  return watches.map((watch) => {
    const test = compileWatch(watch.query, topics.matches);
    return { watch, papers: all.filter(test).map((paper) => paper.paper) };
  });
}

/**
 * Which of each watch's matches are new (`lookOf` gives each watch's last look): new as the Papers
 * view's "new" (`isNewSince`), so a watch never looked at has nothing new. The cheap part of an
 * update: a look or a paper opened changes this, not the matches.
 */
export function withNew(matched: readonly WatchMatched[], lookOf: (watch: Watch) => Look | undefined, context: NewContext): WatchMatches[] {
  return matched.map(({ watch, papers }) => {
    const look = lookOf(watch);
    const fresh = papers.filter((paper) => isNewSince(paper, look, context));
    const newIds = new Set(fresh.map((paper) => paper.id));
    return { watch, papers: fresh.length === 0 ? papers : [...fresh, ...papers.filter((paper) => !newIds.has(paper.id))], newIds };
  });
}

export interface WatchMatches {
  readonly watch: Watch;
  /** Every paper matching it, the new ones first (each part in the feed's order). */
  readonly papers: readonly Paper[];
  /** The ids of the new ones among them. */
  readonly newIds: ReadonlySet<string>;
}

/** Each watch's matches among `papers`, with its new ones: `matchWatches` then `withNew`. */
export function watchMatches(
  watches: readonly Watch[], papers: readonly Paper[], topics: WatchTopics, lookOf: (watch: Watch) => Look | undefined, context: NewContext,
  features = new WatchFeatures(),
): WatchMatches[] {
  return withNew(matchWatches(watches, papers, topics, features), lookOf, context);
}
