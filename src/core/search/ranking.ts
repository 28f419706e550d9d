/**
 * How a search index answers a query. Each query word gathers its candidate terms — the exact
 * term; for the word being typed, its prefix expansions; for words of 5+ letters, the terms one
 * edit away — and each paper scores, per word, the best of its postings (weight × idf × field
 * weight). Papers that have every word come first; a paper whose title starts with the query gets a
 * bonus; a one- or two-letter word being typed is checked on the papers the other words found.
 * Only the best `limit` are sorted (topK).
 */
import { type Doc, type Documents, TINY_PREFIX } from './documents';
import { FIELD, type Postings } from './postings';
import { filterPredicate, type ParsedQuery, type TopicMatcher } from './query';
import { type SearchHit, topK } from './topK';
import type { Vocabulary } from './vocabulary';

/** Field boosts: title 3, authors 2.5, keywords 1.2, abstract 1, added up over the fields a term is in. */
const FIELD_WEIGHT = new Float32Array(16).map((_, mask) =>
  ((mask & FIELD.title) ? 3 : 0) + ((mask & FIELD.authors) ? 2.5 : 0) + ((mask & FIELD.keywords) ? 1.2 : 0) + ((mask & FIELD.text) ? 1 : 0));
/** Read once: an imported binding read per posting costs a getter call when not bundled (tests, bench). */
const TITLE = FIELD.title;
/** Fuzzy matching: query words this long. */
const FUZZY_WORD_MIN = 5;
const WEIGHT_PREFIX = 0.8;
const WEIGHT_FUZZY = 0.7;
const PHRASE_BONUS = 12;
const TITLE_ALL_BONUS = 4;
/** Papers missing one query word rank below those that have them all. */
const PARTIAL_PENALTY = 1_000;

export class Ranker {
  // Scratch space for queries, grown with the index.
  private total = new Float32Array(0);
  private wordBest = new Float32Array(0);
  private matched = new Uint8Array(0);
  private titleHits = new Uint8Array(0);
  private titleStamp = new Int32Array(0);
  private stamp = 0;

  constructor(
    private readonly documents: Documents,
    private readonly vocabulary: Vocabulary,
    private readonly postings: Postings,
  ) {
    this.grow();
  }

  /** Makes room for every paper of the index (after papers were added). */
  grow(): void {
    const size = this.documents.size;
    if (this.total.length < size) {
      const capacity = Math.max(size, Math.ceil(this.total.length * 1.5));
      this.total = new Float32Array(capacity);
      this.wordBest = new Float32Array(capacity);
      this.matched = new Uint8Array(capacity);
      this.titleHits = new Uint8Array(capacity);
      this.titleStamp = new Int32Array(capacity);
    }
  }

  /** The best `limit` papers for a query, best first. */
  search(query: ParsedQuery, limit: number, topicMatches: TopicMatcher): SearchHit[] {
    const words = query.words;
    const docs = this.documents.list;
    const deleted = this.documents.deleted;
    const { terms, df } = this.vocabulary;
    const count = docs.length;
    const passes = this.filterFor(query, topicMatches);
    if (words.length === 0) {
      if (!passes) {
        return [];
      }
      const all: number[] = [];
      for (let doc = 0; doc < count; doc++) {
        if (passes(doc) && !deleted.has(doc)) {
          all.push(doc);
        }
      }
      return topK(docs, all, (doc) => Math.log10(1 + (docs[doc] as Doc).upvotes), limit);
    }
    const touched: number[] = [];
    const total = this.total;
    const matched = this.matched;
    const titleHits = this.titleHits;
    const wordBest = this.wordBest;
    const last = words[words.length - 1] as string;
    const tiny = query.lastIsPrefix && last.length <= TINY_PREFIX;
    const indexed = tiny ? words.length - 1 : words.length;
    for (let wordIndex = 0; wordIndex < indexed; wordIndex++) {
      const word = words[wordIndex] as string;
      const candidates: [number, number][] = [];
      const exact = this.vocabulary.termNumber(word);
      if (exact !== undefined) {
        candidates.push([exact, 1]);
      }
      if (wordIndex === words.length - 1 && query.lastIsPrefix) {
        for (const term of this.vocabulary.prefixTerms(word)) {
          if (term !== exact) {
            candidates.push([term, WEIGHT_PREFIX * Math.sqrt(word.length / (terms[term] as string).length)]);
          }
        }
      }
      if (word.length >= FUZZY_WORD_MIN) {
        for (const term of this.vocabulary.fuzzyTerms(word)) {
          candidates.push([term, WEIGHT_FUZZY]);
        }
      }
      const stamp = ++this.stamp;
      const wordTouched: number[] = [];
      for (const [term, weight] of candidates) {
        const idf = Math.log(1 + count / Math.max(1, df[term] as number));
        this.postings.forEach(term, (doc, mask) => {
          const score = weight * idf * (FIELD_WEIGHT[mask] as number);
          const best = wordBest[doc] as number;
          if (best === 0) {
            wordTouched.push(doc);
          }
          if (score > best) {
            wordBest[doc] = score;
          }
          if (mask & TITLE) {
            this.titleStamp[doc] = stamp;
          }
        });
      }
      for (const doc of wordTouched) {
        if (matched[doc] === 0 && total[doc] === 0) {
          touched.push(doc);
        }
        total[doc] = (total[doc] as number) + (wordBest[doc] as number);
        matched[doc] = (matched[doc] as number) + 1;
        if (this.titleStamp[doc] === stamp) {
          titleHits[doc] = (titleHits[doc] as number) + 1;
        }
        wordBest[doc] = 0;
      }
    }
    if (tiny) {
      // The one- or two-letter word being typed: checked on the papers the other words found, or
      // alone, taken from the most upvoted papers with a title word starting with it.
      if (indexed === 0) {
        for (const doc of this.documents.tinyTop.get(last) ?? []) {
          touched.push(doc);
          matched[doc] = 1;
          total[doc] = 1;
          titleHits[doc] = 1;
        }
      } else {
        for (const doc of touched) {
          if (matched[doc] === indexed && this.documents.hasWordStarting(doc, last)) {
            matched[doc] = indexed + 1;
            total[doc] = (total[doc] as number) + 1;
            titleHits[doc] = (titleHits[doc] as number) + 1;
          }
        }
      }
    }
    // The start of a title, typed as people type titles.
    const phraseDocs = query.phrase.length >= 2 || (query.phrase.length === 1 && touched.length === 0) ? this.documents.titlesStartingWith(query.phrase) : [];
    const phrase = new Set(phraseDocs);
    for (const doc of phraseDocs) {
      if (matched[doc] === 0 && total[doc] === 0) {
        touched.push(doc);
      }
    }
    const needed = words.length;
    const live = (doc: number): boolean => !deleted.has(doc) && (!passes || passes(doc));
    const full = touched.filter((doc) => (matched[doc] === needed || phrase.has(doc)) && live(doc));
    // A descriptive query may use words the paper does not (one in four): such papers come after.
    const minMatched = needed - Math.max(1, Math.floor(needed / 4));
    const partial = full.length < limit && needed >= 3
      ? touched.filter((doc) => (matched[doc] as number) < needed && (matched[doc] as number) >= minMatched && !phrase.has(doc) && live(doc)) : [];
    const results = partial.length > 0 ? [...full, ...partial] : full;
    const scored = topK(docs, results, (doc) => (total[doc] as number)
      - (phrase.has(doc) ? 0 : (needed - (matched[doc] as number)) * PARTIAL_PENALTY)
      + (phrase.has(doc) ? PHRASE_BONUS : 0)
      + (titleHits[doc] === needed ? TITLE_ALL_BONUS : 0)
      + 0.3 * Math.log10(1 + (docs[doc] as Doc).upvotes), limit);
    for (const doc of touched) {
      total[doc] = 0;
      matched[doc] = 0;
      titleHits[doc] = 0;
    }
    return scored;
  }

  private filterFor(query: ParsedQuery, topicMatches: TopicMatcher): ((doc: number) => boolean) | undefined {
    const passes = filterPredicate(query.filters, topicMatches);
    const docs = this.documents.list;
    return passes && ((number) => passes(docs[number] as Doc));
  }
}
