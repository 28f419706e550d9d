/**
 * Search queries as typed: words, and filters `author:`, `topic:`, `org:`, `after:YYYY-MM-DD`,
 * `before:YYYY-MM-DD`, `has:code`, `in:fulltext` (search inside saved papers' full texts). A value with spaces can be quoted: `author:"yann lecun"` (a quote
 * not closed yet, while typing, runs to the end). Words written together are also looked up as one:
 * a hyphenated compound ("self-attention" as "selfattention") and two neighbours ("self attention").
 */
import { normalise, STOP_WORDS, tokenize } from './text';

export interface QueryFilters {
  readonly author?: string;
  readonly topic?: string;
  readonly org?: string;
  /** Inclusive, YYYY-MM-DD. */
  readonly after?: string;
  readonly before?: string;
  readonly hasCode?: boolean;
  /** `in:fulltext` (or `in:full-text`, `in:text`): search inside the saved papers' full texts. */
  readonly inFullText?: true;
}

export interface ParsedQuery {
  /** Query words (normalised), stop words removed except the last one. */
  readonly words: readonly string[];
  /** The last word is still being typed: match it as a prefix too. */
  readonly lastIsPrefix: boolean;
  /** The words as one normalised string with stop words kept, for matching the start of titles. */
  readonly phrase: string;
  readonly filters: QueryFilters;
  /**
   * For each word, the forms it makes written together with its neighbours: its hyphenated
   * compound as one word, and each neighbour pair of complete words as one word.
   */
  readonly joins: readonly (readonly Join[])[];
}

export interface Join {
  /** The words written as one ("selfattention"). */
  readonly text: string;
  /** Its last part is the word being typed: match it as a prefix too. */
  readonly prefix: boolean;
}

const FILTER = /(^|\s)(author|topic|org|after|before|has|in):(?:"([^"]*)(?:"|$)|(\S*))/gi;
/** Words, hyphenated compounds as one match. */
const COMPOUND = /[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)*/gu;
const HYPHEN = /[-\u2010\u2011]/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FULL_TEXT = /^(full-?text|text)$/i;

export function parseQuery(input: string): ParsedQuery {
  const filters: { -readonly [K in keyof QueryFilters]: QueryFilters[K] } = {};
  const rest = input.slice(0, 500).replace(FILTER, (_match, lead: string, name: string, quoted: string | undefined, bare: string | undefined) => {
    const value = (quoted ?? bare ?? '').trim();
    switch (name.toLowerCase()) {
      case 'author': filters.author = normalise(value) || undefined; break;
      case 'topic': filters.topic = normalise(value) || undefined; break;
      case 'org': filters.org = normalise(value) || undefined; break;
      case 'after': if (DATE.test(value)) { filters.after = value; } break;
      case 'before': if (DATE.test(value)) { filters.before = value; } break;
      case 'has': if (/^(code|repo|github)$/i.test(value)) { filters.hasCode = true; } break;
      case 'in': if (FULL_TEXT.test(value)) { filters.inFullText = true; } break;
    }
    return lead;
  });
  // Each word, and the compound it is part of (its first and last word).
  const all: string[] = [];
  const compound: [number, number][] = [];
  for (const [match] of normalise(rest).matchAll(COMPOUND)) {
    const parts = match.split(HYPHEN);
    const first = all.length;
    all.push(...parts);
    parts.forEach(() => compound.push([first, all.length - 1]));
  }
  const lastIsPrefix = all.length > 0 && !/[\s\p{P}]$/u.test(rest);
  const kept = all.map((_, index) => index).filter((index) => !STOP_WORDS.has(all[index] as string) || (index === all.length - 1 && lastIsPrefix));
  const words = kept.map((index) => all[index] as string);
  const typing = lastIsPrefix ? all.length - 1 : -1;
  const joins = kept.map((index) => {
    const found: Join[] = [];
    const [first, last] = compound[index] as [number, number];
    if (last > first) {
      found.push({ text: all.slice(first, last + 1).join(''), prefix: last === typing });
    }
    for (const other of [index - 1, index + 1]) {
      const pair = [Math.min(index, other), Math.max(index, other)] as const;
      // Neighbours not of the same compound, both complete.
      if (pair[0] >= 0 && pair[1] < all.length && pair[1] !== typing && (compound[pair[0]] as [number, number])[1] < pair[1]) {
        found.push({ text: (all[pair[0]] as string) + (all[pair[1]] as string), prefix: false });
      }
    }
    return found;
  });
  return { words, lastIsPrefix: lastIsPrefix && words.length > 0 && words[words.length - 1] === all[all.length - 1], phrase: all.join(' '), filters, joins };
}

/** The typed text without its filters: the free words, as typed. */
export function withoutFilters(input: string): string {
  return input.slice(0, 500).replace(FILTER, '$1');
}

/** A quoted phrase of a query: its words in order (stop words kept), normalised. */
export interface QuotedPhrase {
  readonly words: readonly string[];
  /** Its closing quote is not typed yet: the last word may be the start of a word. */
  readonly open: boolean;
}

/** The `"…"` phrases of the typed text outside filters (a quote not closed yet runs to the end). */
export function quotedPhrases(input: string): QuotedPhrase[] {
  const found: QuotedPhrase[] = [];
  for (const match of withoutFilters(input).matchAll(/"([^"]*)("|$)/g)) {
    const words = tokenize(match[1] ?? '');
    if (words.length > 0) {
      found.push({ words, open: match[2] === '' && !/[\s\p{P}]$/u.test(match[1] ?? '') });
    }
  }
  return found;
}

/** The typed text with `in:fulltext` added (when `on`) or removed (all its spellings). */
export function withFullText(input: string, on: boolean): string {
  const without = input.replace(/(^|\s)in:(?:"(?:full-?text|text)"|full-?text|text)(?=\s|$)/gi, '$1').replace(/\s{2,}/g, ' ').trim();
  return on ? `in:fulltext ${without}`.trimEnd() + (without === '' ? ' ' : '') : without;
}

export function hasFilters(filters: QueryFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/** The facts of a paper that filters look at, in the form the index keeps them. */
export interface FilterFacts {
  /** YYYY-MM-DD, or '' when unknown. */
  readonly date: string;
  readonly hasCode: boolean;
  /** Organization words, joined by spaces. */
  readonly org: string;
  /** Each author's words joined by spaces, the authors joined by `|`. */
  readonly authors: string;
  /** Primary topic id. */
  readonly topic: string;
}

/** Whether a topic id matches a `topic:` filter (by id or label). */
export type TopicMatcher = (topic: string, filter: string) => boolean;

export function filterFacts(input: { readonly date: string; readonly hasCode: boolean; readonly org: string; readonly authors: readonly string[]; readonly topic: string }): FilterFacts {
  return {
    date: input.date, hasCode: input.hasCode, org: tokenize(input.org).join(' '),
    authors: input.authors.map((name) => tokenize(name).join(' ')).join('|'), topic: input.topic,
  };
}

/**
 * The test of a query's filters, or undefined when it has none: one for the index and the scan, so
 * that `author:lecun` means the same while the index loads as after.
 */
export function filterPredicate(filters: QueryFilters, topicMatches: TopicMatcher): ((facts: FilterFacts) => boolean) | undefined {
  // `in:fulltext` says where to search, not which papers: it tests nothing here.
  const { author, topic, org, after, before, hasCode } = filters;
  if (author === undefined && topic === undefined && org === undefined && after === undefined && before === undefined && hasCode === undefined) {
    return undefined;
  }
  const authorWords = author ? tokenize(author) : [];
  return (facts) => (!hasCode || facts.hasCode)
    && (after === undefined || (facts.date !== '' && facts.date >= after))
    && (before === undefined || (facts.date !== '' && facts.date <= before))
    && (org === undefined || facts.org.includes(org))
    && (topic === undefined || topicMatches(facts.topic, topic))
    && (authorWords.length === 0 || facts.authors.split('|').some((name) => authorWords.every((word) => name.includes(word))));
}

/** The longest text a search is opened with (the query language reads 500 characters). */
const MAX_QUERY_VALUE = 200;

/**
 * Text from a paper made safe to put in a query: no quote (the language has no escape for one, so
 * it would close a quoted value), no `:` (a `topic:`… inside a keyword would become a filter), no
 * control characters, whitespace collapsed, bounded. The search reads words alone, so nothing it
 * would match is lost.
 */
function queryValue(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return text.replace(/["“”:\u0000-\u001F\u007F]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_VALUE).trim();
}

/** The search for papers with a keyword (its words); undefined when nothing searchable is left. */
export function keywordQuery(keyword: string): string | undefined {
  return queryValue(keyword) || undefined;
}

/** The search for papers by an author: `author:"Name"`; undefined when nothing searchable is left. */
export function authorQuery(name: string): string | undefined {
  const value = queryValue(name);
  return value ? `author:"${value}"` : undefined;
}
