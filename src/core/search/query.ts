/**
 * Search queries as typed: words, and filters `author:`, `topic:`, `org:`, `after:YYYY-MM-DD`,
 * `before:YYYY-MM-DD`, `has:code`. A value with spaces can be quoted: `author:"yann lecun"`.
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
}

export interface ParsedQuery {
  /** Query words (normalised), stop words removed except the last one. */
  readonly words: readonly string[];
  /** The last word is still being typed: match it as a prefix too. */
  readonly lastIsPrefix: boolean;
  /** The words as one normalised string with stop words kept, for matching the start of titles. */
  readonly phrase: string;
  readonly filters: QueryFilters;
}

const FILTER = /(^|\s)(author|topic|org|after|before|has):(?:"([^"]*)"|(\S*))/gi;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

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
    }
    return lead;
  });
  const all = tokenize(rest);
  const lastIsPrefix = all.length > 0 && !/[\s\p{P}]$/u.test(rest);
  const words = all.filter((word, index) => !STOP_WORDS.has(word) || (index === all.length - 1 && lastIsPrefix));
  return { words, lastIsPrefix: lastIsPrefix && words.length > 0 && words[words.length - 1] === all[all.length - 1], phrase: all.join(' '), filters };
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
