/**
 * The full-text index behind Search Papers. An inverted index over title, authors, AI keywords and
 * abstract, with what makes typing feel instant and forgiving, measured against MiniSearch and a
 * linear scan in `npm run bench`:
 *   - the word being typed matches as a prefix, expanded to at most 64 terms (the most frequent), so
 *     one or two letters never fan out over the whole vocabulary;
 *   - words of 5+ letters also match terms one edit away (substitution, insertion, deletion,
 *     transposition) through a deletion index over title, author and keyword terms;
 *   - a query that is the start of a title (as people type titles) ranks that paper first;
 *   - only the best `limit` results are sorted (a bounded heap), whatever the number of matches;
 *   - ties go to the more upvoted, then the newer paper.
 * Papers are added incrementally; the index serializes to a compact versioned binary file.
 *
 * This is the facade over its parts: documents.ts (the papers), vocabulary.ts and typoTable.ts
 * (the terms, their prefixes and the deletion table), postings.ts, ranking.ts and topK.ts (how a
 * query is answered), indexFormat.ts (the saved file).
 */
import { Documents, type IndexInput } from './documents';
import { type IndexParts, readIndexFile, writeIndexFile } from './indexFormat';
import { FIELD, Postings } from './postings';
import type { ParsedQuery, TopicMatcher } from './query';
import { Ranker } from './ranking';
import { STOP_WORDS, tokenize } from './text';
import type { SearchHit } from './topK';
import { Vocabulary } from './vocabulary';

export type { IndexInput } from './documents';
export type { SearchHit } from './topK';

const MAX_ABSTRACT_TERMS = 400;

export class SearchIndex {
  private readonly documents: Documents;
  private readonly vocabulary: Vocabulary;
  private readonly postings: Postings;
  private readonly ranker: Ranker;

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

  /** Adds papers, or updates the changing facts (upvotes, date, code, topic) of papers it has. */
  add(inputs: readonly IndexInput[]): void {
    const before = this.documents.size;
    for (const input of inputs) {
      if (this.documents.update(input)) {
        continue;
      }
      const titleWords = tokenize(input.title);
      const number = this.documents.push(input, titleWords);
      const fields = new Map<string, number>();
      const mark = (words: readonly string[], field: number): void => {
        for (const word of words) {
          if (!STOP_WORDS.has(word)) {
            fields.set(word, (fields.get(word) ?? 0) | field);
          }
        }
      };
      mark(titleWords, FIELD.title);
      input.authors.forEach((name) => mark(tokenize(name), FIELD.authors));
      input.keywords.forEach((keyword) => mark(tokenize(keyword), FIELD.keywords));
      mark(tokenize(input.text).slice(0, MAX_ABSTRACT_TERMS * 2), FIELD.text);
      for (const [term, mask] of fields) {
        this.postings.add(this.vocabulary.record(term, mask), number, mask);
      }
    }
    if (this.documents.size !== before) {
      this.documents.reorder(before);
      this.vocabulary.reorder();
      this.ranker.grow();
    }
    this.vocabulary.settleTypos();
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
