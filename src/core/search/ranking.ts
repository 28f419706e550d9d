/**
 * How a search index answers a query. Each query word gathers its candidate terms (queryTerms.ts:
 * the exact term, prefix expansions of the word being typed, the word joined with its neighbours,
 * terms one edit away) and each paper scores, per word, the best of its postings (weight × idf ×
 * field weight). Papers that have every word come first; a paper whose title starts with the query
 * gets a bonus; a one- or two-letter word being typed is checked on the papers the other words
 * found. Only the best `limit` are sorted (topK); each hit carries its card and the fields matched.
 */
import { hitFields, isAbstractOnly, type SearchHit } from './card';
import { planWord, WEIGHT_SPLIT, type WordPlan } from './queryTerms';
import { type Doc, type Documents, TINY_PREFIX } from './documents';
import { FIELD, type Postings } from './postings';
import { filterPredicate, type ParsedQuery, type TopicMatcher } from './query';
import { type Ranked, topK } from './topK';
import type { Vocabulary } from './vocabulary';

/** Field boosts: title 3, authors 2.5, keywords 1.2, abstract 1, added up over the fields a term is in. */
const FIELD_WEIGHT = new Float32Array(16).map((_, mask) =>
  ((mask & FIELD.title) ? 3 : 0) + ((mask & FIELD.authors) ? 2.5 : 0) + ((mask & FIELD.keywords) ? 1.2 : 0) + ((mask & FIELD.text) ? 1 : 0));
/** Read once: an imported binding read per posting costs a getter call when not bundled (tests, bench). */
const TITLE = FIELD.title;
const AUTHORS = FIELD.authors;
const PHRASE_BONUS = 12;
const TITLE_ALL_BONUS = 4;
/** Per query word beyond the first found in one author's name ("yann lecun", "li fei-fei"). */
const NAME_BONUS = 6;
/** Papers missing one query word rank below those that have them all. */
const PARTIAL_PENALTY = 1_000;

export class Ranker {
  // Scratch space for queries, grown with the index.
  private total = new Float32Array(0);
  private wordBest = new Float32Array(0);
  private matched = new Uint8Array(0);
  private titleHits = new Uint8Array(0);
  private titleStamp = new Int32Array(0);
  private authorStamp = new Int32Array(0);
  /** Bit i: query word i was found in an author's name. */
  private authorWords = new Uint32Array(0);
  /** FIELD bits of the postings a query's words were found in. */
  private fieldsSeen = new Uint8Array(0);
  // The papers that have the parts of a split word so far (see visitParts).
  private partStamp = 0;
  private partStamps = new Int32Array(0);
  private partCounts = new Uint8Array(0);
  private partScores = new Float32Array(0);
  private partAll = new Uint8Array(0);
  private partAny = new Uint8Array(0);
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
      this.authorStamp = new Int32Array(capacity);
      this.authorWords = new Uint32Array(capacity);
      this.fieldsSeen = new Uint8Array(capacity);
      this.partStamps = new Int32Array(capacity);
      this.partCounts = new Uint8Array(capacity);
      this.partScores = new Float32Array(capacity);
      this.partAll = new Uint8Array(capacity);
      this.partAny = new Uint8Array(capacity);
    }
  }

  /** The best `limit` papers for a query, best first. */
  search(query: ParsedQuery, limit: number, topicMatches: TopicMatcher): SearchHit[] {
    const words = query.words;
    const docs = this.documents.list;
    const deleted = this.documents.deleted;
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
      return this.hits(topK(docs, all, (doc) => Math.log10(1 + (docs[doc] as Doc).upvotes), limit));
    }
    const touched: number[] = [];
    const total = this.total;
    const matched = this.matched;
    const titleHits = this.titleHits;
    const wordBest = this.wordBest;
    const fieldsSeen = this.fieldsSeen;
    const last = words[words.length - 1] as string;
    const tiny = query.lastIsPrefix && last.length <= TINY_PREFIX;
    const indexed = tiny ? words.length - 1 : words.length;
    const plans = Array.from({ length: indexed }, (_, wordIndex) => planWord(this.vocabulary, query, wordIndex, count));
    // Typos of stop words are optional only beside words that are not.
    const required = plans.some((plan) => plan.stopWords.length === 0) || tiny;
    let needed = tiny ? 1 : 0;
    const authorWords = this.authorWords;
    plans.forEach((plan, wordIndex) => {
      const optional = required && plan.stopWords.length > 0;
      needed += optional ? 0 : 1;
      const stamp = ++this.stamp;
      const wordTouched: number[] = [];
      // A paper has the word, worth `score`, in the fields `mask` (`seen`: where its parts were).
      const visit = (doc: number, score: number, mask: number, seen: number): void => {
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
        if (mask & AUTHORS) {
          this.authorStamp[doc] = stamp;
        }
        fieldsSeen[doc] = (fieldsSeen[doc] as number) | seen;
      };
      for (const [term, worth] of plan.terms) {
        // `visit`, inlined: this runs once per posting.
        this.postings.forEach(term, (doc, mask) => {
          const score = worth * (FIELD_WEIGHT[mask] as number);
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
          if (mask & AUTHORS) {
            this.authorStamp[doc] = stamp;
          }
          fieldsSeen[doc] = (fieldsSeen[doc] as number) | mask;
        });
      }
      this.visitParts(plan.parts, visit);
      for (const doc of wordTouched) {
        if (matched[doc] === 0 && total[doc] === 0) {
          touched.push(doc);
        }
        total[doc] = (total[doc] as number) + (wordBest[doc] as number);
        if (!optional) {
          matched[doc] = (matched[doc] as number) + 1;
          if (this.titleStamp[doc] === stamp) {
            titleHits[doc] = (titleHits[doc] as number) + 1;
          }
          if (this.authorStamp[doc] === stamp && wordIndex < 32) {
            authorWords[doc] = (authorWords[doc] as number) | (1 << wordIndex);
          }
        }
        wordBest[doc] = 0;
      }
    });
    if (tiny) {
      // The one- or two-letter word being typed: checked on the papers the other words found, or,
      // with no other word, taken from the most upvoted papers with a title word starting with it.
      for (const doc of touched) {
        const mask = matched[doc] === needed - 1 ? this.documents.wordStartFields(doc, last) : 0;
        if (mask !== 0) {
          matched[doc] = needed;
          total[doc] = (total[doc] as number) + 1;
          titleHits[doc] = (titleHits[doc] as number) + 1;
          fieldsSeen[doc] = (fieldsSeen[doc] as number) | mask;
        }
      }
      for (const doc of needed === 1 ? this.documents.tinyTop.get(last) ?? [] : []) {
        if (matched[doc] === 0) {
          if (total[doc] === 0) {
            touched.push(doc);
          }
          matched[doc] = 1;
          total[doc] = (total[doc] as number) + 1;
          titleHits[doc] = 1;
          fieldsSeen[doc] = (fieldsSeen[doc] as number) | TITLE;
        }
      }
    }
    // The start of a title, typed as people type titles (a typo of a stop word read as that word).
    const phrase = new Set(query.phrase.length >= 2 || (query.phrase.length === 1 && touched.length === 0)
      ? phrases(query, plans).flatMap((start) => this.documents.titlesStartingWith(start)) : []);
    for (const doc of phrase) {
      if (matched[doc] === 0 && total[doc] === 0) {
        touched.push(doc);
      }
      fieldsSeen[doc] = (fieldsSeen[doc] as number) | TITLE;
    }
    const live = (doc: number): boolean => !deleted.has(doc) && (!passes || passes(doc));
    const full = touched.filter((doc) => (matched[doc] === needed || phrase.has(doc)) && live(doc));
    // A descriptive query may use words the paper does not (one in four): such papers come after.
    const minMatched = needed - Math.max(1, Math.floor(needed / 4));
    const partial = full.length < limit && needed >= 3
      ? touched.filter((doc) => (matched[doc] as number) < needed && (matched[doc] as number) >= minMatched && !phrase.has(doc) && live(doc)) : [];
    const results = partial.length > 0 ? [...full, ...partial] : full;
    const hits = this.hits(topK(docs, results, (doc) => (total[doc] as number)
      - (phrase.has(doc) ? 0 : (needed - (matched[doc] as number)) * PARTIAL_PENALTY)
      + (phrase.has(doc) ? PHRASE_BONUS : 0)
      + (titleHits[doc] === needed ? TITLE_ALL_BONUS : 0)
      + (((authorWords[doc] as number) & ((authorWords[doc] as number) - 1)) !== 0 ? this.nameBonus(doc, query) : 0)
      + 0.3 * Math.log10(1 + (docs[doc] as Doc).upvotes), limit));
    for (const doc of touched) {
      total[doc] = 0;
      matched[doc] = 0;
      titleHits[doc] = 0;
      fieldsSeen[doc] = 0;
      authorWords[doc] = 0;
    }
    return hits;
  }

  /**
   * The papers that have every one of a word's parts ("environment" and "free" for
   * "environmentfree"), each visited once it has the last: worth WEIGHT_SPLIT of the parts' mean,
   * in the fields all the parts are in (and seen in those any is in).
   */
  private visitParts(parts: WordPlan['parts'], visit: (doc: number, score: number, mask: number, seen: number) => void): void {
    if (parts.length === 0) {
      return;
    }
    const stamp = ++this.partStamp;
    parts.forEach(([term, worth], index) => {
      const last = index === parts.length - 1;
      this.postings.forEach(term, (doc, mask) => {
        const score = worth * (FIELD_WEIGHT[mask] as number);
        if (index === 0) {
          this.partStamps[doc] = stamp;
          this.partCounts[doc] = 1;
          this.partScores[doc] = score;
          this.partAll[doc] = mask;
          this.partAny[doc] = mask;
        } else if (this.partStamps[doc] === stamp && this.partCounts[doc] === index) {
          this.partCounts[doc] = index + 1;
          this.partScores[doc] = (this.partScores[doc] as number) + score;
          this.partAll[doc] = (this.partAll[doc] as number) & mask;
          this.partAny[doc] = (this.partAny[doc] as number) | mask;
          if (last) {
            visit(doc, WEIGHT_SPLIT * (this.partScores[doc]) / parts.length, this.partAll[doc], this.partAny[doc]);
          }
        }
      });
    });
  }

  /**
   * A full name typed: for a paper with two or more query words among its authors, NAME_BONUS for
   * each beyond the first that is in the same author's name as the others.
   */
  private nameBonus(doc: number, query: ParsedQuery): number {
    const bits = this.authorWords[doc] as number;
    const words = query.words.filter((_, wordIndex) => wordIndex < 32 && (bits & (1 << wordIndex)) !== 0);
    const most = this.documents.mostWordsInOneName(doc, words, query.lastIsPrefix ? query.words[query.words.length - 1] : undefined);
    return most >= 2 ? (most - 1) * NAME_BONUS : 0;
  }

  /** The hits of the papers kept, with their cards and the fields their words were found in. */
  private hits(ranked: readonly Ranked[]): SearchHit[] {
    return ranked.map(({ doc, score }) => {
      const matchedIn = hitFields(this.fieldsSeen[doc] as number);
      return { id: (this.documents.list[doc] as Doc).id, score, card: this.documents.card(doc), matchedIn, abstractOnly: isAbstractOnly(matchedIn) };
    });
  }

  private filterFor(query: ParsedQuery, topicMatches: TopicMatcher): ((doc: number) => boolean) | undefined {
    const passes = filterPredicate(query.filters, topicMatches);
    const docs = this.documents.list;
    return passes && ((number) => passes(docs[number] as Doc));
  }
}

/** The query's phrase, and, for each word that may be a typo of a stop word, the phrase with that stop word instead. */
function phrases(query: ParsedQuery, plans: readonly WordPlan[]): string[] {
  const found = [query.phrase];
  plans.forEach((plan, wordIndex) => {
    const word = query.words[wordIndex] as string;
    for (const stop of plan.stopWords) {
      found.push(query.phrase.split(' ').map((token) => (token === word ? stop : token)).join(' '));
    }
  });
  return found;
}
