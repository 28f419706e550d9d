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
 */
import { deletions, STOP_WORDS, tokenize, withinOneEdit } from './text';
import { filterFacts, filterPredicate, type ParsedQuery, type TopicMatcher } from './query';

export const INDEX_FORMAT = 'paper-feed.search-index';
export const INDEX_VERSION = 2;

/** What the index keeps of a paper. */
export interface IndexInput {
  readonly id: string;
  readonly title: string;
  readonly authors: readonly string[];
  readonly keywords: readonly string[];
  /** Abstract and AI summary. */
  readonly text: string;
  readonly upvotes: number;
  /** YYYY-MM-DD, or '' when unknown. */
  readonly date: string;
  readonly hasCode: boolean;
  /** Organization name and full name. */
  readonly org: string;
  /** Primary topic id. */
  readonly topic: string;
}

export interface SearchHit {
  readonly id: string;
  readonly score: number;
}

interface Doc {
  readonly id: string;
  /** Title words joined by single spaces (stop words kept): queries are matched against its start. */
  readonly title: string;
  upvotes: number;
  date: string;
  hasCode: boolean;
  org: string;
  authors: string;
  topic: string;
}

const FIELD = { title: 1, authors: 2, keywords: 4, text: 8 } as const;
const FIELD_WEIGHT = new Float32Array(16).map((_, mask) =>
  ((mask & FIELD.title) ? 3 : 0) + ((mask & FIELD.authors) ? 2.5 : 0) + ((mask & FIELD.keywords) ? 1.2 : 0) + ((mask & FIELD.text) ? 1 : 0));
/** Prefix expansions of the word being typed. */
const MAX_EXPANSIONS = 64;
/**
 * A word being typed this short (one or two letters) is matched against title words of the papers
 * the other words found, or, alone, against a short list per prefix: expanding it would touch most
 * of the index.
 */
const TINY_PREFIX = 2;
/** Papers kept per tiny prefix (the most upvoted whose title has a word starting with it). */
const TINY_TOP = 200;
const SHORT_PREFIX = 3;
/** Fuzzy matching: query words this long; index terms at least FUZZY_TERM_MIN long from these fields. */
const FUZZY_WORD_MIN = 5;
const FUZZY_TERM_MIN = 4;
const FUZZY_FIELDS = FIELD.title | FIELD.authors | FIELD.keywords;
const WEIGHT_PREFIX = 0.8;
const WEIGHT_FUZZY = 0.7;
const PHRASE_BONUS = 12;
const TITLE_ALL_BONUS = 4;
/** Papers missing one query word rank below those that have them all. */
const PARTIAL_PENALTY = 1_000;
const MAX_ABSTRACT_TERMS = 400;

interface Delta { docs: number[]; masks: number[] }

export class SearchIndex {
  private docs: Doc[] = [];
  private readonly docIndex = new Map<string, number>();
  private terms: string[] = [];
  /** Term → number; built when terms are added (lookups otherwise search sortedTerms). */
  private termIndexMap: Map<string, number> | undefined = new Map();
  private df: number[] = [];
  private termFields: number[] = [];
  /** Compacted postings of terms [0, baseTerms): doc numbers ascending, with field masks. */
  private offsets = new Int32Array(1);
  private postingDocs = new Int32Array(0);
  private postingMasks = new Uint8Array(0);
  /** Postings added since the last compaction. */
  private readonly delta = new Map<number, Delta>();
  /** Term numbers in term order, for prefix ranges. */
  private sortedTerms: number[] = [];
  /** Most frequent terms for each 1–3 letter prefix. */
  private prefixTop = new Map<string, number[]>();
  /**
   * The deletion index for fuzzy matching: for every fuzzy-eligible term, the hash of the term and
   * of each one-deletion variant, sorted, with the term beside it. Hash collisions only add
   * candidates, which are checked with withinOneEdit anyway. Terms added since are in `pendingFuzzy`.
   */
  private deleteHashes = new Uint32Array(0);
  private deleteTerms = new Int32Array(0);
  private pendingFuzzy: number[] = [];
  /** Doc numbers in title order, for "the query is the start of a title". */
  private titleOrder: number[] = [];
  /** Papers no longer in the cache: kept in the postings, left out of results. */
  private deleted = new Set<number>();
  /** For each 1–2 letter prefix, the most upvoted papers with a title word starting with it. */
  private tinyTop = new Map<string, number[]>();
  // Scratch space for queries, grown with the index.
  private total = new Float32Array(0);
  private wordBest = new Float32Array(0);
  private matched = new Uint8Array(0);
  private titleHits = new Uint8Array(0);
  private titleStamp = new Int32Array(0);
  private stamp = 0;

  get size(): number {
    return this.docs.length;
  }

  has(id: string): boolean {
    return this.docIndex.has(id);
  }

  /** Adds papers, or updates the changing facts (upvotes, date, code, topic) of papers it has. */
  add(inputs: readonly IndexInput[]): void {
    const before = this.docs.length;
    for (const input of inputs) {
      const known = this.docIndex.get(input.id);
      if (known !== undefined) {
        this.deleted.delete(known);
        const doc = this.docs[known] as Doc;
        doc.upvotes = input.upvotes;
        doc.date = input.date || doc.date;
        doc.hasCode = input.hasCode;
        doc.org = tokenize(input.org).join(' ');
        doc.topic = input.topic || doc.topic;
        continue;
      }
      const number = this.docs.length;
      const titleWords = tokenize(input.title);
      this.docs.push({ id: input.id, title: titleWords.join(' '), upvotes: input.upvotes, ...filterFacts(input) });
      this.docIndex.set(input.id, number);
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
      const termIndex = this.termIndex();
      for (const [term, mask] of fields) {
        let termNumber = termIndex.get(term);
        if (termNumber === undefined) {
          termNumber = this.newTerm(term);
        }
        this.df[termNumber] = (this.df[termNumber] ?? 0) + 1;
        const wasFuzzy = this.isFuzzyTerm(termNumber);
        this.termFields[termNumber] = (this.termFields[termNumber] ?? 0) | mask;
        if (!wasFuzzy && this.isFuzzyTerm(termNumber)) {
          this.pendingFuzzy.push(termNumber);
        }
        let delta = this.delta.get(termNumber);
        if (!delta) {
          delta = { docs: [], masks: [] };
          this.delta.set(termNumber, delta);
        }
        delta.docs.push(number);
        delta.masks.push(mask);
      }
    }
    if (this.docs.length !== before) {
      this.titleOrder = [...this.titleOrder, ...Array.from({ length: this.docs.length - before }, (_, index) => before + index)];
      this.titleOrder.sort((a, b) => compareStrings((this.docs[a] as Doc).title, (this.docs[b] as Doc).title));
      this.sortedTerms.sort((a, b) => compareStrings(this.terms[a] as string, this.terms[b] as string));
      this.rebuildPrefixTop();
      this.rebuildTinyTop();
      this.growScratch();
    }
    if (this.pendingFuzzy.length > 2_000) {
      this.rebuildDeletes();
    }
  }

  private termIndex(): Map<string, number> {
    if (!this.termIndexMap) {
      this.termIndexMap = new Map(this.terms.map((term, number) => [term, number]));
    }
    return this.termIndexMap;
  }

  private termNumber(word: string): number | undefined {
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

  /** Leaves out of results every paper whose id is not in `ids`; returns how many were newly left out. */
  retain(ids: ReadonlySet<string>): number {
    let removed = 0;
    this.docs.forEach((doc, number) => {
      if (!ids.has(doc.id) && !this.deleted.has(number)) {
        this.deleted.add(number);
        removed++;
      }
    });
    return removed;
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

  private isFuzzyTerm(term: number): boolean {
    return ((this.termFields[term] ?? 0) & FUZZY_FIELDS) !== 0 && (this.terms[term] as string).length >= FUZZY_TERM_MIN;
  }

  /** Rebuilds the sorted deletion index over every fuzzy-eligible term. */
  private rebuildDeletes(): void {
    const pairs: number[] = [];
    for (let term = 0; term < this.terms.length; term++) {
      if (this.isFuzzyTerm(term)) {
        const text = this.terms[term] as string;
        pairs.push(hash(text) * 2 ** 21 + term);
        for (const variant of deletions(text)) {
          pairs.push(hash(variant) * 2 ** 21 + term);
        }
      }
    }
    const sorted = Float64Array.from(pairs).sort();
    this.deleteHashes = new Uint32Array(sorted.length);
    this.deleteTerms = new Int32Array(sorted.length);
    sorted.forEach((pair, index) => {
      this.deleteHashes[index] = Math.floor(pair / 2 ** 21);
      this.deleteTerms[index] = pair % 2 ** 21;
    });
    this.pendingFuzzy = [];
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

  private rebuildTinyTop(): void {
    const byRank = [...this.docs.keys()].sort((a, b) => this.compareStatic(a, b));
    const top = new Map<string, number[]>();
    for (const doc of byRank) {
      const seen = new Set<string>();
      for (const word of (this.docs[doc] as Doc).title.split(' ')) {
        for (let length = 1; length <= Math.min(TINY_PREFIX, word.length); length++) {
          const key = word.slice(0, length);
          if (!seen.has(key)) {
            seen.add(key);
            const list = top.get(key);
            if (!list) {
              top.set(key, [doc]);
            } else if (list.length < TINY_TOP) {
              list.push(doc);
            }
          }
        }
      }
    }
    this.tinyTop = top;
  }

  /** More upvoted, then newer, then by id. */
  private compareStatic(a: number, b: number): number {
    const docA = this.docs[a] as Doc;
    const docB = this.docs[b] as Doc;
    return docB.upvotes - docA.upvotes || (docA.date < docB.date ? 1 : docA.date > docB.date ? -1 : 0) || (docA.id < docB.id ? -1 : docA.id > docB.id ? 1 : 0);
  }

  /** Whether a title or an author name has a word starting with `prefix`. */
  private hasWordStarting(doc: number, prefix: string): boolean {
    const { title, authors } = this.docs[doc] as Doc;
    return title.startsWith(prefix) || title.includes(` ${prefix}`) || authors.startsWith(prefix) || authors.includes(` ${prefix}`) || authors.includes(`|${prefix}`);
  }

  private growScratch(): void {
    const size = this.docs.length;
    if (this.total.length < size) {
      const capacity = Math.max(size, Math.ceil(this.total.length * 1.5));
      this.total = new Float32Array(capacity);
      this.wordBest = new Float32Array(capacity);
      this.matched = new Uint8Array(capacity);
      this.titleHits = new Uint8Array(capacity);
      this.titleStamp = new Int32Array(capacity);
    }
  }

  /** Terms starting with `prefix`, the most frequent first, at most MAX_EXPANSIONS. */
  private prefixTerms(prefix: string): number[] {
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
  private fuzzyTerms(word: string): number[] {
    const found = new Set<number>();
    for (const key of [word, ...deletions(word)]) {
      const wanted = hash(key);
      for (let index = firstIndex(this.deleteHashes.length, (at) => (this.deleteHashes[at] as number) < wanted); index < this.deleteHashes.length && this.deleteHashes[index] === wanted; index++) {
        found.add(this.deleteTerms[index] as number);
      }
    }
    for (const term of this.pendingFuzzy) {
      found.add(term);
    }
    return [...found].filter((term) => this.terms[term] !== word && withinOneEdit(word, this.terms[term] as string));
  }

  private forEachPosting(term: number, visit: (doc: number, mask: number) => void): void {
    if (term + 1 < this.offsets.length) {
      const end = this.offsets[term + 1] as number;
      for (let index = this.offsets[term] as number; index < end; index++) {
        visit(this.postingDocs[index] as number, this.postingMasks[index] as number);
      }
    }
    const delta = this.delta.get(term);
    if (delta) {
      for (let index = 0; index < delta.docs.length; index++) {
        visit(delta.docs[index] as number, delta.masks[index] as number);
      }
    }
  }

  /** Doc numbers whose title starts with `phrase` (a range of titleOrder). */
  private titlesStartingWith(phrase: string): number[] {
    const found: number[] = [];
    for (let index = firstIndex(this.titleOrder.length, (at) => (this.docs[this.titleOrder[at] as number] as Doc).title < phrase); index < this.titleOrder.length; index++) {
      const doc = this.titleOrder[index] as number;
      if (!(this.docs[doc] as Doc).title.startsWith(phrase)) {
        break;
      }
      found.push(doc);
    }
    return found;
  }

  /**
   * The best `limit` papers for a query, best first. `topicMatches` says whether a topic id
   * matches a `topic:` filter (by id or label).
   */
  search(query: ParsedQuery, limit: number, topicMatches: (topic: string, filter: string) => boolean = (topic, filter) => topic.startsWith(filter)): SearchHit[] {
    const words = query.words;
    const count = this.docs.length;
    const passes = this.filterFor(query, topicMatches);
    if (words.length === 0) {
      if (!passes) {
        return [];
      }
      const all: number[] = [];
      for (let doc = 0; doc < count; doc++) {
        if (passes(doc) && !this.deleted.has(doc)) {
          all.push(doc);
        }
      }
      return this.top(all, (doc) => Math.log10(1 + (this.docs[doc] as Doc).upvotes), limit);
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
      const exact = this.termNumber(word);
      if (exact !== undefined) {
        candidates.push([exact, 1]);
      }
      if (wordIndex === words.length - 1 && query.lastIsPrefix) {
        for (const term of this.prefixTerms(word)) {
          if (term !== exact) {
            candidates.push([term, WEIGHT_PREFIX * Math.sqrt(word.length / (this.terms[term] as string).length)]);
          }
        }
      }
      if (word.length >= FUZZY_WORD_MIN) {
        for (const term of this.fuzzyTerms(word)) {
          candidates.push([term, WEIGHT_FUZZY]);
        }
      }
      const stamp = ++this.stamp;
      const wordTouched: number[] = [];
      for (const [term, weight] of candidates) {
        const idf = Math.log(1 + count / Math.max(1, this.df[term] as number));
        this.forEachPosting(term, (doc, mask) => {
          const score = weight * idf * (FIELD_WEIGHT[mask] as number);
          const best = wordBest[doc] as number;
          if (best === 0) {
            wordTouched.push(doc);
          }
          if (score > best) {
            wordBest[doc] = score;
          }
          if (mask & FIELD.title) {
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
        for (const doc of this.tinyTop.get(last) ?? []) {
          touched.push(doc);
          matched[doc] = 1;
          total[doc] = 1;
          titleHits[doc] = 1;
        }
      } else {
        for (const doc of touched) {
          if (matched[doc] === indexed && this.hasWordStarting(doc, last)) {
            matched[doc] = indexed + 1;
            total[doc] = (total[doc] as number) + 1;
            titleHits[doc] = (titleHits[doc] as number) + 1;
          }
        }
      }
    }
    // The start of a title, typed as people type titles.
    const phraseDocs = query.phrase.length >= 2 || (query.phrase.length === 1 && touched.length === 0) ? this.titlesStartingWith(query.phrase) : [];
    const phrase = new Set(phraseDocs);
    for (const doc of phraseDocs) {
      if (matched[doc] === 0 && total[doc] === 0) {
        touched.push(doc);
      }
    }
    const needed = words.length;
    const live = (doc: number): boolean => !this.deleted.has(doc) && (!passes || passes(doc));
    const full = touched.filter((doc) => (matched[doc] === needed || phrase.has(doc)) && live(doc));
    // A descriptive query may use words the paper does not (one in four): such papers come after.
    const minMatched = needed - Math.max(1, Math.floor(needed / 4));
    const partial = full.length < limit && needed >= 3
      ? touched.filter((doc) => (matched[doc] as number) < needed && (matched[doc] as number) >= minMatched && !phrase.has(doc) && live(doc)) : [];
    const results = partial.length > 0 ? [...full, ...partial] : full;
    const scored = this.top(results, (doc) => (total[doc] as number)
      - (phrase.has(doc) ? 0 : (needed - (matched[doc] as number)) * PARTIAL_PENALTY)
      + (phrase.has(doc) ? PHRASE_BONUS : 0)
      + (titleHits[doc] === needed ? TITLE_ALL_BONUS : 0)
      + 0.3 * Math.log10(1 + (this.docs[doc] as Doc).upvotes), limit);
    for (const doc of touched) {
      total[doc] = 0;
      matched[doc] = 0;
      titleHits[doc] = 0;
    }
    return scored;
  }

  private filterFor(query: ParsedQuery, topicMatches: TopicMatcher): ((doc: number) => boolean) | undefined {
    const passes = filterPredicate(query.filters, topicMatches);
    return passes && ((number) => passes(this.docs[number] as Doc));
  }

  /** The best `limit` docs by score, ties to more upvotes, then newer, then id; a bounded selection. */
  private top(docs: readonly number[], score: (doc: number) => number, limit: number): SearchHit[] {
    const better = (a: [number, number], b: [number, number]): boolean => {
      if (a[1] !== b[1]) {
        return a[1] > b[1];
      }
      const docA = this.docs[a[0]] as Doc;
      const docB = this.docs[b[0]] as Doc;
      if (docA.upvotes !== docB.upvotes) {
        return docA.upvotes > docB.upvotes;
      }
      if (docA.date !== docB.date) {
        return docA.date > docB.date;
      }
      return docA.id < docB.id;
    };
    // A min-heap of the best seen so far: its root is the worst kept.
    const heap: [number, number][] = [];
    const siftDown = (start: number): void => {
      let index = start;
      for (;;) {
        const left = 2 * index + 1;
        const right = left + 1;
        let worst = index;
        if (left < heap.length && better(heap[worst] as [number, number], heap[left] as [number, number])) {
          worst = left;
        }
        if (right < heap.length && better(heap[worst] as [number, number], heap[right] as [number, number])) {
          worst = right;
        }
        if (worst === index) {
          return;
        }
        [heap[index], heap[worst]] = [heap[worst] as [number, number], heap[index] as [number, number]];
        index = worst;
      }
    };
    for (const doc of docs) {
      const entry: [number, number] = [doc, score(doc)];
      if (heap.length < limit) {
        heap.push(entry);
        for (let index = heap.length - 1; index > 0;) {
          const parent = (index - 1) >> 1;
          if (!better(heap[parent] as [number, number], entry)) {
            break;
          }
          [heap[index], heap[parent]] = [heap[parent] as [number, number], entry];
          index = parent;
        }
      } else if (limit > 0 && better(entry, heap[0] as [number, number])) {
        heap[0] = entry;
        siftDown(0);
      }
    }
    return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
      .map(([doc, value]) => ({ id: (this.docs[doc] as Doc).id, score: Math.round(value * 1_000) / 1_000 }));
  }

  /** Merges the postings added since the last compaction into the compact arrays. */
  compact(): void {
    if (this.delta.size === 0) {
      return;
    }
    const termCount = this.terms.length;
    const offsets = new Int32Array(termCount + 1);
    let total = 0;
    for (let term = 0; term < termCount; term++) {
      offsets[term] = total;
      const base = term + 1 < this.offsets.length ? (this.offsets[term + 1] as number) - (this.offsets[term] as number) : 0;
      total += base + (this.delta.get(term)?.docs.length ?? 0);
    }
    offsets[termCount] = total;
    const docs = new Int32Array(total);
    const masks = new Uint8Array(total);
    for (let term = 0; term < termCount; term++) {
      let at = offsets[term] as number;
      this.forEachPosting(term, (doc, mask) => {
        docs[at] = doc;
        masks[at] = mask;
        at++;
      });
    }
    this.offsets = offsets;
    this.postingDocs = docs;
    this.postingMasks = masks;
    this.delta.clear();
  }

  /** A compact binary form: a JSON header (docs, terms) and the posting arrays. */
  serialize(): Uint8Array {
    this.compact();
    if (this.pendingFuzzy.length > 0) {
      this.rebuildDeletes();
    }
    const prefixKeys = [...this.prefixTop.keys()];
    const prefixOffsets = new Int32Array(prefixKeys.length + 1);
    const prefixTerms: number[] = [];
    prefixKeys.forEach((key, index) => {
      prefixOffsets[index] = prefixTerms.length;
      prefixTerms.push(...(this.prefixTop.get(key) as number[]));
    });
    prefixOffsets[prefixKeys.length] = prefixTerms.length;
    const tinyKeys = [...this.tinyTop.keys()];
    const tinyOffsets = new Int32Array(tinyKeys.length + 1);
    const tinyDocs: number[] = [];
    tinyKeys.forEach((key, index) => {
      tinyOffsets[index] = tinyDocs.length;
      tinyDocs.push(...(this.tinyTop.get(key) as number[]));
    });
    tinyOffsets[tinyKeys.length] = tinyDocs.length;
    const sections = [
      this.offsets, this.postingDocs, Int32Array.from(this.sortedTerms), Int32Array.from(this.titleOrder),
      prefixOffsets, Int32Array.from(prefixTerms), this.deleteHashes, this.deleteTerms, tinyOffsets, Int32Array.from(tinyDocs),
    ];
    const header = new TextEncoder().encode(JSON.stringify({
      format: INDEX_FORMAT, version: INDEX_VERSION,
      ids: this.docs.map((doc) => doc.id), titles: this.docs.map((doc) => doc.title), upvotes: this.docs.map((doc) => doc.upvotes),
      dates: this.docs.map((doc) => doc.date), code: this.docs.map((doc) => (doc.hasCode ? 1 : 0)), orgs: this.docs.map((doc) => doc.org),
      authors: this.docs.map((doc) => doc.authors), topics: this.docs.map((doc) => doc.topic),
      terms: this.terms.join('\n'), termFields: this.termFields, prefixKeys: prefixKeys.join('\n'), tinyKeys: tinyKeys.join('\n'),
      deleted: [...this.deleted],
      lengths: sections.map((section) => section.length),
    }));
    const padded = Math.ceil(header.length / 4) * 4;
    const size = 8 + padded + sections.reduce((sum, section) => sum + section.byteLength, 0) + this.postingMasks.length;
    const bytes = new Uint8Array(size);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 0x50465349); // "PFSI"
    view.setUint32(4, header.length);
    bytes.set(header, 8);
    let at = 8 + padded;
    for (const section of sections) {
      bytes.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), at);
      at += section.byteLength;
    }
    bytes.set(this.postingMasks, at);
    return bytes;
  }

  /** Reads `serialize()`'s output; throws on anything else (the caller rebuilds). */
  static deserialize(bytes: Uint8Array): SearchIndex {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < 8 || view.getUint32(0) !== 0x50465349) {
      throw new Error('not a Paper Feed search index');
    }
    const headerLength = view.getUint32(4);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Record<string, unknown>;
    if (header.format !== INDEX_FORMAT || header.version !== INDEX_VERSION) {
      throw new Error(`search index version ${String(header.version)}, expected ${INDEX_VERSION}`);
    }
    const index = new SearchIndex();
    const ids = header.ids as string[];
    const column = <T>(name: string): T[] => header[name] as T[];
    const titles = column<string>('titles');
    const upvotes = column<number>('upvotes');
    const dates = column<string>('dates');
    const code = column<number>('code');
    const orgs = column<string>('orgs');
    const authors = column<string>('authors');
    const topics = column<string>('topics');
    ids.forEach((id, number) => {
      index.docs.push({
        id, title: titles[number] ?? '', upvotes: upvotes[number] ?? 0, date: dates[number] ?? '', hasCode: code[number] === 1,
        org: orgs[number] ?? '', authors: authors[number] ?? '', topic: topics[number] ?? 'other',
      });
      index.docIndex.set(id, number);
    });
    index.deleted = new Set(Array.isArray(header.deleted) ? (header.deleted as number[]) : []);
    index.terms = (header.terms as string).length > 0 ? (header.terms as string).split('\n') : [];
    index.termFields = header.termFields as number[];
    index.termIndexMap = undefined; // built when papers are added; lookups use sortedTerms until then
    const lengths = header.lengths as number[];
    let at = bytes.byteOffset + 8 + Math.ceil(headerLength / 4) * 4;
    // Each section is copied into a fresh, aligned buffer.
    const end = bytes.byteOffset + bytes.byteLength;
    const section = <T>(make: (buffer: ArrayBuffer) => T, index: number, width: number): T => {
      const length = lengths[index] ?? 0;
      if (at + width * length > end) {
        throw new Error('the search index file is truncated');
      }
      const buffer = bytes.buffer.slice(at, at + width * length) as ArrayBuffer;
      at += width * length;
      return make(buffer);
    };
    index.offsets = section((buffer) => new Int32Array(buffer), 0, 4);
    index.postingDocs = section((buffer) => new Int32Array(buffer), 1, 4);
    index.sortedTerms = Array.from(section((buffer) => new Int32Array(buffer), 2, 4));
    index.titleOrder = Array.from(section((buffer) => new Int32Array(buffer), 3, 4));
    const prefixOffsets = section((buffer) => new Int32Array(buffer), 4, 4);
    const prefixTerms = section((buffer) => new Int32Array(buffer), 5, 4);
    index.deleteHashes = section((buffer) => new Uint32Array(buffer), 6, 4);
    index.deleteTerms = section((buffer) => new Int32Array(buffer), 7, 4);
    const tinyOffsets = section((buffer) => new Int32Array(buffer), 8, 4);
    const tinyDocs = section((buffer) => new Int32Array(buffer), 9, 4);
    const postings = index.postingDocs.length;
    if (at + postings > end) {
      throw new Error('the search index file is truncated');
    }
    index.postingMasks = new Uint8Array(bytes.buffer.slice(at, at + postings) as ArrayBuffer);
    const termCount = index.terms.length;
    if (index.postingMasks.length !== postings || index.offsets.length !== termCount + 1 || index.offsets[termCount] !== postings
      || index.sortedTerms.length !== termCount || index.titleOrder.length !== ids.length) {
      throw new Error('the search index file is damaged or truncated');
    }
    index.df = Array.from({ length: termCount }, (_, term) => (index.offsets[term + 1] as number) - (index.offsets[term] as number));
    const prefixKeys = (header.prefixKeys as string).length > 0 ? (header.prefixKeys as string).split('\n') : [];
    prefixKeys.forEach((key, number) => {
      index.prefixTop.set(key, Array.from(prefixTerms.subarray(prefixOffsets[number] as number, prefixOffsets[number + 1] as number)));
    });
    const tinyKeys = (header.tinyKeys as string).length > 0 ? (header.tinyKeys as string).split('\n') : [];
    tinyKeys.forEach((key, number) => {
      index.tinyTop.set(key, Array.from(tinyDocs.subarray(tinyOffsets[number] as number, tinyOffsets[number + 1] as number)));
    });
    index.growScratch();
    return index;
  }
}

/** Binary search: the first index in [0, length) for which `isBefore` is false (it must be true, then false). */
function firstIndex(length: number, isBefore: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (isBefore(middle)) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/** FNV-1a, 32 bits. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
