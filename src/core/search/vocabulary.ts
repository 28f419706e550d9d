/**
 * The terms of a search index: each term's number, how many papers have it and in which fields, the
 * terms in sorted order (for prefix ranges), the most frequent terms per short prefix, and the
 * deletion table that finds the terms one edit from a typed word.
 */
import { compareStrings, firstIndex } from './binarySearch';
import { FIELD } from './postings';
import { withinOneEdit } from './text';
import { TypoTable } from './typoTable';

/** Prefix expansions of the word being typed. */
const MAX_EXPANSIONS = 64;
/** Prefixes this short take their expansions from a precomputed list. */
const SHORT_PREFIX = 3;
/** Fuzzy matching: index terms at least this long (a 3-letter typo may stand for one), from the fields papers are named by. */
const FUZZY_TERM_MIN = 3;
const NAME_FIELDS = FIELD.title | FIELD.authors | FIELD.keywords;
/** Terms that became fuzzy-eligible since the last rebuild of the deletion table, before it is rebuilt. */
const MAX_PENDING_TYPOS = 2_000;

export class Vocabulary {
  terms: string[] = [];
  /** Term → number; built when terms are added (lookups otherwise search sortedTerms). */
  private termIndexMap: Map<string, number> | undefined = new Map();
  /** Papers per term. */
  df: number[] = [];
  /** Fields per term, as FIELD bits. */
  termFields: number[] = [];
  /** Term numbers in term order, for prefix ranges. */
  sortedTerms: number[] = [];
  /** Most frequent terms for each 1–3 letter prefix. */
  prefixTop = new Map<string, number[]>();
  readonly typos = new TypoTable();

  get size(): number {
    return this.terms.length;
  }

  /** A vocabulary as saved: lookups search `sortedTerms` until a term is added. */
  static restore(saved: Pick<Vocabulary, 'terms' | 'df' | 'termFields' | 'sortedTerms' | 'prefixTop'>): Vocabulary {
    const vocabulary = new Vocabulary();
    vocabulary.terms = saved.terms;
    vocabulary.termIndexMap = undefined;
    vocabulary.df = saved.df;
    vocabulary.termFields = saved.termFields;
    vocabulary.sortedTerms = saved.sortedTerms;
    vocabulary.prefixTop = saved.prefixTop;
    return vocabulary;
  }

  /** The number of `term`; a new term is added (with no papers yet: see `count`). */
  numberOf(term: string): number {
    return this.termIndex().get(term) ?? this.newTerm(term);
  }

  /** Counts one more paper with term `number` in the fields `mask`. */
  count(number: number, mask: number): void {
    this.df[number] = (this.df[number] as number) + 1;
    const fields = this.termFields[number] as number;
    if ((fields | mask) !== fields) {
      const wasFuzzy = this.isFuzzyTerm(number);
      this.termFields[number] = fields | mask;
      if (!wasFuzzy && this.isFuzzyTerm(number)) {
        this.typos.pending.push(number);
      }
    }
  }

  /** After terms were added: their sorted order and the prefix lists. */
  reorder(): void {
    this.sortedTerms.sort((a, b) => compareStrings(this.terms[a] as string, this.terms[b] as string));
    this.rebuildPrefixTop();
  }

  /** Rebuilds the deletion table when many terms wait outside it (`always`: when any does). */
  settleTypos(always = false): void {
    if (this.typos.pending.length > (always ? 0 : MAX_PENDING_TYPOS)) {
      this.typos.rebuild(this.terms.length, (term) => this.isFuzzyTerm(term), (term) => this.terms[term] as string);
    }
  }

  private termIndex(): Map<string, number> {
    if (!this.termIndexMap) {
      this.termIndexMap = new Map(this.terms.map((term, number) => [term, number]));
    }
    return this.termIndexMap;
  }

  termNumber(word: string): number | undefined {
    if (this.termIndexMap) {
      return this.termIndexMap.get(word);
    }
    const at = this.lowerBound(word);
    const term = this.sortedTerms[at];
    return term !== undefined && this.terms[term] === word ? term : undefined;
  }

  /** The first position in sortedTerms whose term is ≥ `text`. */
  private lowerBound(text: string): number {
    return firstIndex(this.sortedTerms.length, (index) => (this.terms[this.sortedTerms[index] as number] as string) < text);
  }

  private newTerm(term: string): number {
    const number = this.terms.length;
    this.terms.push(term);
    this.termIndex().set(term, number);
    this.df.push(0);
    this.termFields.push(0);
    this.sortedTerms.push(number);
    return number;
  }

  /** Whether a title, an author or a keyword has the term. */
  isNameTerm(term: number): boolean {
    return ((this.termFields[term] ?? 0) & NAME_FIELDS) !== 0;
  }

  private isFuzzyTerm(term: number): boolean {
    return this.isNameTerm(term) && (this.terms[term] as string).length >= FUZZY_TERM_MIN;
  }

  private rebuildPrefixTop(): void {
    const byDf = [...this.terms.keys()].sort((a, b) => (this.df[b] as number) - (this.df[a] as number) || a - b);
    const top = new Map<string, number[]>();
    for (const term of byDf) {
      const text = this.terms[term] as string;
      for (let length = 1; length <= Math.min(SHORT_PREFIX, text.length); length++) {
        const key = text.slice(0, length);
        const list = top.get(key);
        if (!list) {
          top.set(key, [term]);
        } else if (list.length < MAX_EXPANSIONS) {
          list.push(term);
        }
      }
    }
    this.prefixTop = top;
  }

  /** Terms starting with `prefix`, the most frequent first, at most MAX_EXPANSIONS. */
  prefixTerms(prefix: string): number[] {
    if (prefix.length <= SHORT_PREFIX) {
      return this.prefixTop.get(prefix) ?? [];
    }
    const found: number[] = [];
    for (let index = this.lowerBound(prefix); index < this.sortedTerms.length; index++) {
      const term = this.sortedTerms[index] as number;
      if (!(this.terms[term] as string).startsWith(prefix)) {
        break;
      }
      found.push(term);
    }
    return found.length <= MAX_EXPANSIONS ? found
      : found.sort((a, b) => (this.df[b] as number) - (this.df[a] as number)).slice(0, MAX_EXPANSIONS);
  }

  /** Fuzzy-eligible terms one edit away from `word` (not `word` itself). */
  fuzzyTerms(word: string): number[] {
    return [...this.typos.candidates(word)].filter((term) => this.terms[term] !== word && withinOneEdit(word, this.terms[term] as string));
  }
}
