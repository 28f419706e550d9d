/**
 * Search inside the saved papers' full texts (`in:fulltext`), held by the search worker: each paper's
 * full text file (`<cacheDir>/fulltext/<id>.md`, see core/fulltext/fullTextFiles.ts) read by the
 * worker itself, made plain text (core/fulltext/plainText.ts) and indexed as term → papers with
 * counts. Kept up to date by `setPapers` (new and changed files, by modification time and size, are
 * read again; papers no longer listed are dropped). A query's words must all occur (the word being
 * typed as the start of a word, a word also as its plural or singular), quoted phrases as written;
 * papers are ranked by BM25 and each hit carries the sentence around its first match.
 *
 * A few hundred papers of ~100 kB each: the postings are small arrays per term, the plain text is
 * kept (for snippets and phrases) with a folded copy for matching (./fullTextFind.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import { FULLTEXT_MAX_BYTES, fullTextFile } from '../fulltext/fullTextFiles';
import { fullTextPlain } from '../fulltext/plainText';
import { compareStrings, firstIndex } from './binarySearch';
import { countPhrase, findPhrase, findWord, foldText, isFoldable, snippetAt } from './fullTextFind';
import type { ParsedQuery, QuotedPhrase } from './query';
import { pluralPartner } from './queryTerms';
import { STOP_WORDS, tokenize } from './text';

/** A paper whose full text matched. */
export interface FullTextMatch {
  readonly id: string;
  readonly score: number;
  /** The sentence around the first match (or the text's start for a query of filters only). */
  readonly snippet: string;
  /** How many times the query's words (a phrase counting once) occur in the text. */
  readonly matches: number;
}

/** Papers indexed at most (the reading list's papers with a full text). */
export const FULL_TEXT_MAX_PAPERS = 5_000;
/** Longer "words" (a hostile text's one long run of letters) are not indexed. */
const MAX_TERM_LENGTH = 64;
/** Terms a word being typed expands to at most: those in the most papers (one letter starts thousands). */
const MAX_PREFIX_TERMS = 512;
const WEIGHT_PLURAL = 0.9;
const WEIGHT_PREFIX = 0.8;
const K1 = 1.2;
const B = 0.75;

interface Doc {
  readonly id: string;
  readonly mtimeMs: number;
  readonly size: number;
  /** The full text as plain text (what snippets show) and folded for matching, of the same length. */
  readonly plain: string;
  readonly folded: string;
  /** How many words it has (stop words included). */
  readonly length: number;
  /** Its terms' postings (each knows its term): what removing it updates. */
  readonly terms: readonly Posting[];
}

interface Posting {
  readonly term: string;
  readonly docs: number[];
  readonly counts: number[];
}

export class FullTextIndex {
  private readonly docs: (Doc | undefined)[] = [];
  private readonly free: number[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly postings = new Map<string, Posting>();
  /** The terms in order, for the word being typed; made again after a change, at the next search. */
  private sorted: string[] | undefined;
  private totalLength = 0;
  /** Papers skipped for a reason already logged. */
  private readonly logged = new Set<string>();
  private updating: Promise<void> = Promise.resolve();

  constructor(private readonly cacheDir: string, private readonly log: (message: string) => void = () => undefined) {}

  get size(): number {
    return this.numbers.size;
  }

  /** The ids indexed. */
  ids(): string[] {
    return [...this.numbers.keys()];
  }

  /**
   * The papers to search: files of new ids, and of ids whose file changed (modification time or
   * size), are read; ids no longer listed are dropped. Updates run one after another; settled when
   * this one is done.
   */
  setPapers(ids: readonly string[]): Promise<void> {
    const wanted = [...new Set(ids.filter((id) => typeof id === 'string'))].slice(0, FULL_TEXT_MAX_PAPERS);
    this.updating = this.updating.then(() => this.update(wanted)).catch((error: unknown) => {
      this.log(`Full-text search: update failed (${error instanceof Error ? error.message : String(error)}).`);
    });
    return this.updating;
  }

  /** Settles when every update asked for so far is done. */
  idle(): Promise<void> {
    return this.updating;
  }

  private async update(ids: readonly string[]): Promise<void> {
    const keep = new Set(ids);
    for (const id of [...this.numbers.keys()]) {
      if (!keep.has(id)) {
        this.remove(id);
      }
    }
    for (const id of ids) {
      const file = fullTextFile(this.cacheDir, id);
      if (!file) {
        this.skip(id, 'not an arXiv id');
        continue;
      }
      let info: { readonly mtimeMs: number; readonly size: number; isFile(): boolean };
      try {
        info = await stat(file);
      } catch (error) {
        this.remove(id);
        this.skip(id, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its file is missing' : `its file cannot be read (${(error as Error).message})`);
        continue;
      }
      const number = this.numbers.get(id);
      const known = number === undefined ? undefined : this.docs[number];
      if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) {
        continue;
      }
      this.remove(id);
      if (!info.isFile() || info.size > FULLTEXT_MAX_BYTES) {
        this.skip(id, info.isFile() ? `its file is larger than ${FULLTEXT_MAX_BYTES} bytes` : 'it is not a file');
        continue;
      }
      let raw: string;
      try {
        raw = await readFile(file, 'utf8');
      } catch (error) {
        this.skip(id, `its file cannot be read (${(error as Error).message})`);
        continue;
      }
      this.add(id, info.mtimeMs, info.size, raw);
    }
  }

  /** Logs once per paper and reason why a paper is not searched. */
  private skip(id: string, reason: string): void {
    const key = `${id}\n${reason}`;
    if (!this.logged.has(key)) {
      this.logged.add(key);
      this.log(`Full-text search: ${id.slice(0, 40)} left out: ${reason}.`);
    }
  }

  /** Indexes a full text as read (Hugging Face's answer). */
  add(id: string, mtimeMs: number, size: number, raw: string): void {
    this.remove(id);
    const plain = fullTextPlain(raw);
    const words = tokenize(plain);
    const counts = new Map<string, number>();
    for (const word of words) {
      if (word.length <= MAX_TERM_LENGTH && !STOP_WORDS.has(word)) {
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
    const number = this.free.pop() ?? this.docs.length;
    const terms: Posting[] = [];
    for (const [word, count] of counts) {
      let posting = this.postings.get(word);
      if (!posting) {
        // A copy of its own: a word cut from the text would keep the whole text's lowercase copy alive.
        const term = word.length >= 13 ? Buffer.from(word, 'utf8').toString('utf8') : word;
        posting = { term, docs: [], counts: [] };
        this.postings.set(term, posting);
        this.sorted = undefined;
      }
      posting.docs.push(number);
      posting.counts.push(count);
      terms.push(posting);
    }
    this.docs[number] = { id, mtimeMs, size, plain, folded: foldText(plain), length: words.length, terms };
    this.numbers.set(id, number);
    this.totalLength += words.length;
  }

  private remove(id: string): void {
    const number = this.numbers.get(id);
    const doc = number === undefined ? undefined : this.docs[number];
    if (number === undefined || !doc) {
      return;
    }
    for (const posting of doc.terms) {
      const at = posting.docs.indexOf(number);
      if (at >= 0) {
        posting.docs.splice(at, 1);
        posting.counts.splice(at, 1);
        if (posting.docs.length === 0) {
          this.postings.delete(posting.term);
          this.sorted = undefined;
        }
      }
    }
    this.totalLength -= doc.length;
    this.docs[number] = undefined;
    this.free.push(number);
    this.numbers.delete(id);
  }

  /** The terms starting with `prefix` (at most MAX_PREFIX_TERMS). */
  private prefixTerms(prefix: string): string[] {
    this.sorted ??= [...this.postings.keys()].sort(compareStrings);
    const sorted = this.sorted;
    const found: string[] = [];
    for (let index = firstIndex(sorted.length, (at) => (sorted[at] as string) < prefix); index < sorted.length; index++) {
      const term = sorted[index] as string;
      if (!term.startsWith(prefix)) {
        break;
      }
      found.push(term);
    }
    if (found.length <= MAX_PREFIX_TERMS) {
      return found;
    }
    const papers = (term: string): number => this.postings.get(term)?.docs.length ?? 0;
    return found.sort((a, b) => papers(b) - papers(a) || compareStrings(a, b)).slice(0, MAX_PREFIX_TERMS);
  }

  /** Each query word's terms and their weights: itself, its plural or singular, written together with a neighbour, and the terms it starts while typed. */
  private wordTerms(query: ParsedQuery, wordIndex: number): Map<string, number> {
    const word = query.words[wordIndex] as string;
    const terms = new Map<string, number>();
    const offer = (term: string | undefined, weight: number): void => {
      if (term !== undefined && this.postings.has(term) && (terms.get(term) ?? 0) < weight) {
        terms.set(term, weight);
      }
    };
    if (query.lastIsPrefix && wordIndex === query.words.length - 1) {
      this.prefixTerms(word).forEach((term) => offer(term, WEIGHT_PREFIX));
    }
    offer(pluralPartner(word), WEIGHT_PLURAL);
    (query.joins[wordIndex] ?? []).forEach((join) => offer(join.text, WEIGHT_PLURAL));
    offer(word, 1);
    return terms;
  }

  /**
   * The best `limit` papers whose full text has every word of `query` (and every phrase of
   * `phrases`), best first, among papers `accept` takes (the query's filters). A query with no words
   * and no phrases lists every paper accepted, with the start of its text.
   */
  search(query: ParsedQuery, phrases: readonly QuotedPhrase[], limit: number, accept: (id: string) => boolean = () => true): FullTextMatch[] {
    const max = Math.max(0, Math.min(1_000, Math.floor(limit) || 0));
    if (max === 0 || this.numbers.size === 0) {
      return [];
    }
    const live = this.docs.length;
    const count = this.numbers.size;
    const averageLength = Math.max(1, this.totalLength / count);
    const score = new Float64Array(live);
    const raw = new Float64Array(live);
    const seen = new Uint16Array(live);
    // A phrase of one word is that word exactly: its papers are its term's (no scan of the texts); a
    // stop word is in every paper, and the word being typed is already required as a prefix.
    // A phrase with letters beyond Latin-1 cannot be looked for in the folded text: its words are required, not their order.
    const scanned = phrases.filter((phrase) => phrase.words.length > 1 && phrase.words.every(isFoldable));
    const exact = phrases.filter((phrase) => phrase.words.length === 1 && !phrase.open && !STOP_WORDS.has(phrase.words[0] as string))
      .map((phrase) => this.postings.get(phrase.words[0] as string));
    const phraseWords = new Set(scanned.flatMap((phrase) => phrase.words));
    const words = query.words.slice(0, 32);
    const required = words.filter((word) => !STOP_WORDS.has(word)).length;
    for (let wordIndex = 0; wordIndex < words.length; wordIndex++) {
      // A stop word (the word being typed, kept by the query) is not indexed: it only adds the words it starts.
      const optional = STOP_WORDS.has(words[wordIndex] as string);
      const tf = new Float64Array(live);
      const touched: number[] = [];
      for (const [term, weight] of this.wordTerms(query, wordIndex)) {
        const posting = this.postings.get(term) as Posting;
        for (let at = 0; at < posting.docs.length; at++) {
          const doc = posting.docs[at] as number;
          if (tf[doc] === 0) {
            touched.push(doc);
          }
          tf[doc] = (tf[doc] as number) + weight * (posting.counts[at] as number);
          if (!phraseWords.has(words[wordIndex] as string)) {
            raw[doc] = (raw[doc] as number) + (posting.counts[at] as number);
          }
        }
      }
      const idf = Math.log(1 + (count - touched.length + 0.5) / (touched.length + 0.5));
      for (const doc of touched) {
        const length = (this.docs[doc] as Doc).length;
        const value = tf[doc] as number;
        score[doc] = (score[doc] as number) + (idf * value * (K1 + 1)) / (value + K1 * (1 - B + (B * length) / averageLength));
        if (!optional) {
          seen[doc] = (seen[doc] as number) + 1;
        }
      }
    }
    const found: { readonly doc: Doc; readonly score: number; readonly matches: number; readonly first: number }[] = [];
    for (let number = 0; number < live; number++) {
      const doc = this.docs[number];
      if (!doc || seen[number] !== required || exact.some((posting) => !posting?.docs.includes(number)) || !accept(doc.id)) {
        continue;
      }
      let matches = raw[number] as number;
      let total = score[number] as number;
      let first = Number.MAX_SAFE_INTEGER;
      let missing = false;
      for (const phrase of scanned) {
        const at = findPhrase(doc.folded, phrase);
        if (!at) {
          missing = true;
          break;
        }
        first = Math.min(first, at.at);
        const times = countPhrase(doc.folded, phrase);
        matches += times;
        total += (times * (K1 + 1)) / (times + K1);
      }
      if (missing) {
        continue;
      }
      found.push({ doc, score: total, matches, first });
    }
    // Ties (a query of filters only): the newer arXiv id first.
    found.sort((a, b) => b.score - a.score || compareStrings(b.doc.id, a.doc.id));
    return found.slice(0, max).map(({ doc, score: value, matches, first }) => {
      const at = Math.min(first, this.firstWord(doc, query));
      return { id: doc.id, score: Math.round(value * 1_000) / 1_000, snippet: snippetAt(doc.plain, at === Number.MAX_SAFE_INTEGER ? 0 : at), matches };
    });
  }

  /** Where the first of the query's words occurs in a paper's text (MAX_SAFE_INTEGER when none does). */
  private firstWord(doc: Doc, query: ParsedQuery): number {
    let first = Number.MAX_SAFE_INTEGER;
    query.words.slice(0, 32).forEach((word, wordIndex) => {
      const typing = query.lastIsPrefix && wordIndex === query.words.length - 1;
      const forms = [word, pluralPartner(word) ?? '', ...(query.joins[wordIndex] ?? []).map((join) => join.text)];
      const found = findWord(doc.folded, forms, typing);
      if (found) {
        first = Math.min(first, found.at);
      }
    });
    return first;
  }

  /** About how many bytes it holds: the texts (two bytes a character at most) and the postings. */
  estimatedBytes(): number {
    let bytes = 0;
    for (const doc of this.docs) {
      bytes += doc ? doc.plain.length * 3 + doc.terms.length * 8 : 0;
    }
    for (const [term, posting] of this.postings) {
      bytes += term.length * 2 + 64 + posting.docs.length * 16;
    }
    return bytes;
  }
}
