/**
 * The full-text index behind Search Papers. An inverted index over title, authors, AI keywords and
 * abstract, with what makes typing feel instant and forgiving, measured against MiniSearch and a
 * linear scan in `npm run bench`:
 *   - the word being typed matches as a prefix, expanded to at most 64 terms (the most frequent), so
 *     one or two letters never fan out over the whole vocabulary;
 *   - words match their plural or singular, and words written together match hyphenated ones and
 *     the other way round ("selfattention", "self-attention", "self attention");
 *   - words of 5+ letters also match terms one edit away (substitution, insertion, deletion,
 *     transposition) through a deletion index over title, author and keyword terms; words of 3–4
 *     letters too when they name no paper ("Wna" for "Wan"), and a typo of a stop word is optional;
 *   - a query that is the start of a title (as people type titles) ranks that paper first, and
 *     words of one author's name ("yann lecun") rank that author's papers first;
 *   - only the best `limit` results are sorted (a bounded heap), whatever the number of matches;
 *   - ties go to the more upvoted, then the newer paper.
 * Each hit carries the paper's card (what the picker shows) and the fields its words were found in.
 * Papers are added incrementally; the index serializes to a compact versioned binary file.
 *
 * This is the facade over its parts: documents.ts (the papers and their cards), vocabulary.ts and
 * typoTable.ts (the terms, their prefixes and the deletion table), postings.ts, queryTerms.ts,
 * ranking.ts and topK.ts (how a query is answered), indexFormat.ts (the saved file).
 */
import { Documents, type IndexInput } from './documents';
import { type IndexParts, readIndexFile, writeIndexFile } from './indexFormat';
import { FIELD, Postings } from './postings';
import type { FilterFacts, ParsedQuery, TopicMatcher } from './query';
import { Ranker } from './ranking';
import { STOP_WORDS, tokenize } from './text';
import type { ForYouScore, PaperCard, SearchHit, SimilarHit } from './card';
import { DiscoveryModel } from '../discovery/discoveryModel';
import type { DiscoverySource } from '../discovery/discoverySource';
import { Vocabulary } from './vocabulary';

export type { IndexInput } from './documents';
export type { ForYouScore, HitField, PaperCard, SearchHit, SimilarHit } from './card';

const MAX_ABSTRACT_TERMS = 400;

export class SearchIndex {
  /** The first paper added by deferred adds not yet settled. */
  private unsettledFrom: number | undefined;
  private readonly documents: Documents;
  private readonly vocabulary: Vocabulary;
  private readonly postings: Postings;
  private readonly ranker: Ranker;
  /** While a paper is added: the terms it has so far, and their fields by term number (zero otherwise). */
  private readonly paperTerms: number[] = [];
  private paperMasks = new Uint8Array(1_024);
  /** Similar papers and For you: built at the first request, then told of each paper added. */
  private model: DiscoveryModel | undefined;

  constructor(parts?: IndexParts) {
    this.documents = parts?.documents ?? new Documents();
    this.vocabulary = parts?.vocabulary ?? new Vocabulary();
    this.postings = parts?.postings ?? new Postings();
    this.ranker = new Ranker(this.documents, this.vocabulary, this.postings);
  }

  get size(): number {
    return this.documents.size;
  }

  has(id: string): boolean {
    return this.documents.numbers.has(id);
  }

  /** The date the index keeps for a paper (YYYY-MM-DD or ''), undefined for a paper it lacks. */
  date(id: string): string | undefined {
    const number = this.documents.numbers.get(id);
    return number === undefined ? undefined : this.documents.list[number]?.date;
  }

  /** The card of a paper the index has and still lists (undefined otherwise): what a full-text hit shows. */
  cardOf(id: string): PaperCard | undefined {
    const number = this.documents.numbers.get(id);
    return number === undefined || this.documents.deleted.has(number) ? undefined : this.documents.card(number);
  }

  /** The facts filters test of a paper the index has (see `filterPredicate`). */
  factsOf(id: string): FilterFacts | undefined {
    const number = this.documents.numbers.get(id);
    return number === undefined ? undefined : this.documents.list[number];
  }

  /**
   * Adds papers, or updates the changing facts (upvotes, date, code, topic) of papers it has.
   * `defer` (building from many batches, nobody searching meanwhile) leaves the ordering of papers and
   * terms, which costs the size of the whole index, to the next add without it: `settle()`.
   */
  add(inputs: readonly IndexInput[], options: { readonly defer?: boolean } = {}): void {
    const before = this.unsettledFrom ?? this.documents.size;
    for (const input of inputs) {
      if (this.documents.update(input)) {
        continue;
      }
      const titleWords = tokenize(input.title);
      const number = this.documents.push(input, titleWords);
      this.mark(titleWords, FIELD.title);
      input.authors.forEach((name) => this.mark(tokenize(name), FIELD.authors));
      input.keywords.forEach((keyword) => this.mark(tokenize(keyword), FIELD.keywords));
      this.mark(tokenize(input.text).slice(0, MAX_ABSTRACT_TERMS * 2), FIELD.text);
      const masks = this.model && this.paperTerms.map((term) => this.paperMasks[term] as number);
      for (const term of this.paperTerms) {
        const mask = this.paperMasks[term] as number;
        this.vocabulary.count(term, mask);
        this.postings.add(term, number, mask);
        this.paperMasks[term] = 0;
      }
      // After the counts: the model reads each term's df with this paper in it.
      if (this.model && masks) {
        this.model.added(number, this.paperTerms, masks);
      }
      this.paperTerms.length = 0;
    }
    if (options.defer) {
      this.unsettledFrom = before;
      return;
    }
    this.unsettledFrom = undefined;
    if (this.documents.size !== before) {
      this.documents.reorder(before);
      this.vocabulary.reorder();
      this.ranker.grow();
    }
    this.vocabulary.settleTypos();
  }

  /** Orders what deferred adds brought in; the index answers queries correctly only after it. */
  settle(): void {
    this.add([]);
  }

  /** Notes the fields the paper being added has `words` in (by term number: no map per paper). */
  private mark(words: readonly string[], field: number): void {
    for (const word of words) {
      if (STOP_WORDS.has(word)) {
        continue;
      }
      const term = this.vocabulary.numberOf(word);
      if (term >= this.paperMasks.length) {
        const grown = new Uint8Array(Math.max(term + 1, this.paperMasks.length * 2));
        grown.set(this.paperMasks);
        this.paperMasks = grown;
      }
      const mask = this.paperMasks[term] as number;
      if (mask === 0) {
        this.paperTerms.push(term);
      }
      this.paperMasks[term] = mask | field;
    }
  }

  /** Leaves out of results every paper whose id is not in `ids`; returns how many were newly left out. */
  retain(ids: ReadonlySet<string>): number {
    return this.documents.retain(ids);
  }

  /**
   * The best `limit` papers for a query, best first. `topicMatches` says whether a topic id
   * matches a `topic:` filter (by id or label).
   */
  search(query: ParsedQuery, limit: number, topicMatches: TopicMatcher = (topic, filter) => topic.startsWith(filter)): SearchHit[] {
    return this.ranker.search(query, limit, topicMatches);
  }

  /** What the discovery model reads of the index (the bench builds models with other weights on it). */
  discoverySource(): DiscoverySource {
    const { documents, vocabulary, postings } = this;
    return {
      get docCount() {
        return documents.size;
      },
      get termCount() {
        return vocabulary.size;
      },
      df: (term) => vocabulary.df[term] ?? 0,
      forEachPosting: (term, visit) => postings.forEach(term, visit),
      isDeleted: (doc) => documents.deleted.has(doc),
      titleOf: (doc) => documents.list[doc]?.title ?? '',
      topicOf: (doc) => documents.list[doc]?.topic ?? '',
    };
  }

  /** The discovery model, built at the first request (one pass over the postings). */
  discovery(): DiscoveryModel {
    this.model ??= new DiscoveryModel(this.discoverySource());
    return this.model;
  }

  /** The `limit` papers most like paper `id`, best first (none when the index lacks it). */
  similar(id: string, limit: number): SimilarHit[] {
    const doc = this.documents.numbers.get(id);
    if (doc === undefined) {
      return [];
    }
    return this.discovery().similar(doc, Number.isFinite(limit) ? Math.max(0, Math.min(200, Math.floor(limit))) : 0)
      .map((hit) => ({ id: (this.documents.list[hit.doc] as { id: string }).id, score: Math.round(hit.score * 1_000) / 1_000, card: this.documents.card(hit.doc) }));
  }

  /** How much each `window` paper is like the `saved` ones (0..1, in window order); ids the index lacks score 0. */
  forYou(window: readonly string[], saved: readonly string[]): ForYouScore[] {
    const doc = (id: string): number => this.documents.numbers.get(id) ?? -1;
    const savedIds = [...saved];
    return this.discovery().forYou(window.map(doc), savedIds.map(doc)).map((result, index) => {
      const id = window[index] as string;
      const like = savedIds[result.like];
      return like !== undefined && result.like >= 0 ? { id, score: result.score, like } : { id, score: result.score };
    });
  }

  /** Merges the postings added since the last compaction into the compact arrays. */
  compact(): void {
    this.postings.compact(this.vocabulary.size);
  }

  /** A compact binary form (see indexFormat.ts). */
  serialize(): Uint8Array {
    this.compact();
    this.vocabulary.settleTypos(true);
    return writeIndexFile({ documents: this.documents, vocabulary: this.vocabulary, postings: this.postings });
  }

  /** Reads `serialize()`'s output; throws on anything else (the caller rebuilds). */
  static deserialize(bytes: Uint8Array): SearchIndex {
    return new SearchIndex(readIndexFile(bytes));
  }
}
