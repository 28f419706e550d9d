/**
 * MiniSearch used well: the alternative to our own index that the bench measures beside it, so that
 * the choice stays honest. Not shipped. A query planner over a stock MiniSearch index:
 *   - the same words as ours: our tokenizer (accents folded), stop words left out of the index and
 *     of the query (except the word being typed), the abstract cut where ours cuts it;
 *   - the word being typed is expanded to its most frequent vocabulary terms (at most 16), each an
 *     exact-term leaf weighted as MiniSearch weights its own prefix matches, instead of MiniSearch's
 *     `prefix: true`, which scores every term with that prefix;
 *   - fuzzy matching (edit distance 1) only for words of 5+ letters, as ours;
 *   - field boosts as ours: title 3, authors 2.5, keywords 1.2, abstract 1;
 *   - papers with every word first (AND), then, when they are fewer than asked for, papers with some
 *     (OR). One OR query computes both: each result says which query terms it matched, and MiniSearch
 *     scores an AND match as the sum its OR match gets, so the order is that of AND, then OR.
 * Its vocabulary (terms and how many papers have each) is read from MiniSearch's own saved JSON.
 */
import MiniSearch, { type AsPlainObject, type Options, type Query, type SearchResult } from 'minisearch';
import type { IndexInput } from '../../src/core/search/index';
import { parseQuery } from '../../src/core/search/query';
import { STOP_WORDS, tokenize } from '../../src/core/search/text';

type PlannerDoc = Pick<IndexInput, 'id' | 'title' | 'text'> & { readonly authorsText: string; readonly keywordsText: string };

/**
 * Prefix expansions of the word being typed. Ours takes 64; MiniSearch scores every posting of
 * every expansion, and 64 of the most frequent terms of a short prefix cost it about 2.5 times as
 * much at p95 as 16 for the same top-5 rates (measured while choosing; 8 saves a little more).
 */
const MAX_EXPANSIONS = 16;
/** Prefixes this short have their expansions precomputed (as ours). */
const SHORT_PREFIX = 3;
const FUZZY_WORD_MIN = 5;
/** Ours indexes the first 800 words of an abstract. */
const MAX_TEXT_WORDS = 800;
/** MiniSearch's default weight of a prefix match. */
const PREFIX_WEIGHT = 0.375;
const BOOST = { title: 3, authorsText: 2.5, keywordsText: 1.2, text: 1 };

const OPTIONS: Options<PlannerDoc> = {
  fields: ['title', 'authorsText', 'keywordsText', 'text'],
  idField: 'id',
  tokenize: (text, field) => (field === 'text' ? tokenize(text).slice(0, MAX_TEXT_WORDS) : tokenize(text)),
  processTerm: (term) => (STOP_WORDS.has(term) ? null : term),
  searchOptions: { boost: BOOST, tokenize: (text) => [text], processTerm: (term) => term },
};

function plannerDoc(input: IndexInput): PlannerDoc {
  return { id: input.id, title: input.title, text: input.text, authorsText: input.authors.join(' '), keywordsText: input.keywords.join(' ') };
}

/** Terms in code-unit order with their paper counts, and the most frequent terms per short prefix. */
class Vocabulary {
  private readonly sorted: string[];
  private readonly prefixTop = new Map<string, string[]>();

  constructor(private readonly df: ReadonlyMap<string, number>) {
    this.sorted = [...df.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const term of [...df.keys()].sort((a, b) => (df.get(b) as number) - (df.get(a) as number))) {
      for (let length = 1; length <= Math.min(SHORT_PREFIX, term.length); length++) {
        const key = term.slice(0, length);
        const list = this.prefixTop.get(key);
        if (!list) {
          this.prefixTop.set(key, [term]);
        } else if (list.length < MAX_EXPANSIONS) {
          list.push(term);
        }
      }
    }
  }

  /** Read from MiniSearch's saved form: a term's papers over all its fields. */
  static fromSaved(saved: AsPlainObject): Vocabulary {
    const df = new Map<string, number>();
    for (const [term, fields] of saved.index) {
      const entries = Object.values(fields);
      if (entries.length === 1) {
        df.set(term, Object.keys(entries[0] as object).length);
      } else {
        df.set(term, new Set(entries.flatMap((entry) => Object.keys(entry))).size);
      }
    }
    return new Vocabulary(df);
  }

  /** The most frequent terms starting with `prefix`, at most MAX_EXPANSIONS. */
  expand(prefix: string): string[] {
    if (prefix.length <= SHORT_PREFIX) {
      return this.prefixTop.get(prefix) ?? [];
    }
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.sorted[middle] as string) < prefix) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    const found: string[] = [];
    for (let index = low; index < this.sorted.length && (this.sorted[index] as string).startsWith(prefix); index++) {
      found.push(this.sorted[index] as string);
    }
    return found.length <= MAX_EXPANSIONS ? found
      : found.sort((a, b) => (this.df.get(b) as number) - (this.df.get(a) as number)).slice(0, MAX_EXPANSIONS);
  }
}

export class MiniSearchPlanner {
  private constructor(private readonly mini: MiniSearch<PlannerDoc>, private readonly vocabulary: Vocabulary) {}

  static build(inputs: readonly IndexInput[]): MiniSearchPlanner {
    const mini = new MiniSearch<PlannerDoc>(OPTIONS);
    mini.addAll(inputs.map(plannerDoc));
    return new MiniSearchPlanner(mini, Vocabulary.fromSaved(mini.toJSON()));
  }

  /** MiniSearch's saved JSON (all the planner needs). */
  toJSON(): string {
    return JSON.stringify(this.mini);
  }

  /** `MiniSearch.loadJSON` of the saved JSON (parsed once, for MiniSearch and the vocabulary). */
  static load(json: string): MiniSearchPlanner {
    const saved = JSON.parse(json) as AsPlainObject;
    return new MiniSearchPlanner(MiniSearch.loadJS(saved, OPTIONS), Vocabulary.fromSaved(saved));
  }

  /** The best `limit` paper ids for a query as typed. */
  search(text: string, limit: number): string[] {
    const { words, lastIsPrefix } = parseQuery(text);
    if (words.length === 0) {
      return [];
    }
    /** Which words each query term stands for. */
    const wordsOf = new Map<string, Set<number>>();
    const weights = new Map<string, number>();
    const stand = (term: string, word: number): void => {
      const known = wordsOf.get(term);
      if (known) {
        known.add(word);
      } else {
        wordsOf.set(term, new Set([word]));
      }
    };
    const leaves: Query[] = words.map((word, index) => {
      const fuzzy = word.length >= FUZZY_WORD_MIN ? 1 : false;
      stand(word, index);
      if (index < words.length - 1 || !lastIsPrefix) {
        return { queries: [word], fuzzy };
      }
      const expansions = this.vocabulary.expand(word).filter((term) => term !== word);
      for (const term of expansions) {
        stand(term, index);
        // MiniSearch's own prefix weight, so that a short expansion outranks a long one.
        weights.set(term, PREFIX_WEIGHT * term.length / (term.length + 0.3 * (term.length - word.length)));
      }
      return {
        combineWith: 'OR',
        queries: [{ queries: [word], fuzzy }, ...(expansions.length > 0 ? [{ queries: expansions, fuzzy: false, boostTerm: (term: string) => weights.get(term) ?? 1 }] : [])],
      };
    });
    const results = this.mini.search({ combineWith: 'OR', queries: leaves });
    const matchesAll = (result: SearchResult): boolean => {
      const matched = new Set<number>();
      for (const term of result.queryTerms) {
        wordsOf.get(term)?.forEach((word) => matched.add(word));
      }
      return matched.size === words.length;
    };
    const all = results.filter(matchesAll);
    const ranked = all.length >= limit ? all : [...all, ...results.filter((result) => !matchesAll(result))];
    return ranked.slice(0, limit).map((result) => result.id as string);
  }
}
