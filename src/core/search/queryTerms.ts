/**
 * The terms a query word is looked up as, each with a weight: the word itself and its plural or
 * singular; for the word being typed, the terms it starts; the word written together with its
 * neighbours ("self-attention" and "self attention" as "selfattention"); a word few papers have
 * split into words written together ("selfattention" as self and attention); and terms one
 * edit away — for words of 5+ letters always, for words of 3–4 letters only when the word names no
 * paper (no title, author or keyword has it, nor, while it is typed, starts with it), since short
 * words have many neighbours. A word that names nothing and is one edit from a stop word ("wiht",
 * "teh") is optional: likely a typo of a word the index leaves out, it must not leave the paper out.
 */
import { STOP_WORDS, withinOneEdit } from './text';
import type { ParsedQuery } from './query';
import type { Vocabulary } from './vocabulary';

/** Fuzzy matching: query words this long always, and from SHORT_FUZZY_MIN when they name no paper. */
const FUZZY_WORD_MIN = 5;
const SHORT_FUZZY_MIN = 3;
const WEIGHT_PREFIX = 0.8;
const WEIGHT_FUZZY = 0.7;
const WEIGHT_PLURAL = 0.9;
export const WEIGHT_SPLIT = 0.9;
/** Split words this long into parts of at least SPLIT_PART_MIN letters (or stop words). */
const SPLIT_WORD_MIN = 6;
const SPLIT_PART_MIN = 3;
/** A word is split when at most this many papers have it, or one in SPLIT_RARE_SHARE. */
const SPLIT_RARE_MIN = 20;
const SPLIT_RARE_SHARE = 500;
/** Stop words of 3+ letters, which a typo of 3+ letters may stand for. */
const LONG_STOP_WORDS = [...STOP_WORDS].filter((word) => word.length >= SHORT_FUZZY_MIN);

export interface WordPlan {
  /**
   * Term numbers and what a posting of each is worth before its field's weight: the term's weight
   * times its idf, each term once (at its best). A term the word was not typed as is never worth
   * more than the word itself: a rare longer term ("normalizations" for "normalization") must not
   * outrank the papers that have the word.
   */
  readonly terms: readonly (readonly [term: number, worth: number])[];
  /**
   * The word as words written together ("environmentfree" for environment and free), when few
   * papers have it: a paper with every one of these terms has it, worth WEIGHT_SPLIT of their mean.
   */
  readonly parts: readonly (readonly [term: number, worth: number])[];
  /** The stop words it may be a typo of: then papers without it are not left out. */
  readonly stopWords: readonly string[];
}

/** The word with a plural `s` added or taken away ("llm" and "llms"), for words where that is likely a plural. */
export function pluralPartner(word: string): string | undefined {
  if (word.endsWith('s')) {
    return word.length >= 4 && !/(ss|us|is)$/.test(word) ? word.slice(0, -1) : undefined;
  }
  return word.length >= 3 && /[a-z]$/.test(word) ? `${word}s` : undefined;
}

/** How query word `wordIndex` is looked up in an index of `paperCount` papers. */
export function planWord(vocabulary: Vocabulary, query: ParsedQuery, wordIndex: number, paperCount: number): WordPlan {
  const word = query.words[wordIndex] as string;
  const typing = wordIndex === query.words.length - 1 && query.lastIsPrefix;
  const terms = new Map<number, number>();
  const offer = (term: number, weight: number): void => {
    if ((terms.get(term) ?? 0) < weight) {
      terms.set(term, weight);
    }
  };
  const offerPrefixes = (prefix: string): number[] => {
    const found = vocabulary.prefixTerms(prefix);
    for (const term of found) {
      offer(term, WEIGHT_PREFIX * Math.sqrt(prefix.length / (vocabulary.terms[term] as string).length));
    }
    return found;
  };
  const exact = vocabulary.termNumber(word);
  if (exact !== undefined) {
    offer(exact, 1);
  }
  const starts = typing ? offerPrefixes(word) : [];
  const plural = pluralPartner(word);
  const partner = plural !== undefined ? vocabulary.termNumber(plural) : undefined;
  if (partner !== undefined) {
    offer(partner, WEIGHT_PLURAL);
  }
  for (const join of query.joins[wordIndex] ?? []) {
    const joined = vocabulary.termNumber(join.text);
    if (joined !== undefined) {
      offer(joined, 1);
    }
    if (join.prefix) {
      offerPrefixes(join.text);
    }
  }
  const namesPapers = (exact !== undefined && vocabulary.isNameTerm(exact)) || starts.some((term) => vocabulary.isNameTerm(term));
  if (word.length >= FUZZY_WORD_MIN || (word.length >= SHORT_FUZZY_MIN && !namesPapers)) {
    for (const term of vocabulary.fuzzyTerms(word)) {
      offer(term, WEIGHT_FUZZY);
    }
  }
  const stopWords = !namesPapers && word.length >= SHORT_FUZZY_MIN ? LONG_STOP_WORDS.filter((stop) => withinOneEdit(word, stop)) : [];
  const idf = (term: number): number => Math.log(1 + paperCount / Math.max(1, vocabulary.df[term] as number));
  const cap = exact !== undefined ? idf(exact) : Infinity;
  // Split a word that names no paper, or few: the others are found by the word itself.
  const parts = (exact === undefined || (vocabulary.df[exact] as number) <= Math.max(SPLIT_RARE_MIN, paperCount / SPLIT_RARE_SHARE)) && !starts.some((term) => term !== exact && vocabulary.isNameTerm(term))
    ? splitWord(vocabulary, word) : [];
  return {
    terms: [...terms].map(([term, weight]) => [term, term === exact ? idf(term) : Math.min(weight * idf(term), cap)] as const),
    parts: parts.map((term) => [term, idf(term)] as const),
    stopWords,
  };
}

/**
 * The terms of `word` read as two or three words written together, each a term of SPLIT_PART_MIN+
 * letters or a stop word (left out), at least two of them terms: "environmentfree" → environment,
 * free; "simtoreal" → sim, real. The split into the fewest parts wins, then the one whose shortest
 * part is longest; none when there is no such split.
 */
function splitWord(vocabulary: Vocabulary, word: string): number[] {
  if (word.length < SPLIT_WORD_MIN) {
    return [];
  }
  /** A part's term, -1 for a stop word, undefined when it is neither. */
  const part = (text: string): number | undefined => (STOP_WORDS.has(text) ? -1 : text.length >= SPLIT_PART_MIN ? vocabulary.termNumber(text) : undefined);
  let best: { terms: number[]; count: number; shortest: number } | undefined;
  const consider = (found: readonly number[], lengths: readonly number[]): void => {
    const terms = found.filter((term) => term >= 0);
    const shortest = Math.min(...lengths);
    if (terms.length >= 2 && (!best || found.length < best.count || (found.length === best.count && shortest > best.shortest))) {
      best = { terms, count: found.length, shortest };
    }
  };
  for (let at = 2; at <= word.length - 2; at++) {
    const first = part(word.slice(0, at));
    if (first === undefined) {
      continue;
    }
    const rest = word.slice(at);
    const second = part(rest);
    if (second !== undefined) {
      consider([first, second], [at, rest.length]);
    }
    for (let next = 2; next <= rest.length - 2 && (!best || best.count > 2); next++) {
      const middle = part(rest.slice(0, next));
      const last = middle !== undefined ? part(rest.slice(next)) : undefined;
      if (middle !== undefined && last !== undefined) {
        consider([first, middle, last], [at, next, rest.length - next]);
      }
    }
  }
  return best?.terms ?? [];
}
