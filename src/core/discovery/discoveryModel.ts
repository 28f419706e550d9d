/**
 * Discovery: "similar papers" and "For you", from the search index's own postings (no second copy
 * of the text). TF-IDF with a binary term frequency per field, as the index keeps it:
 *
 *   weight(paper, term) = fieldWeight(fields the paper has the term in) · log(N / df(term))
 *
 * where fieldWeight sums the weights of those fields (title, AI keywords, abstract + AI summary;
 * authors not at all: measured, they added nothing), and idf = log(N / df) ** 0.5 (damped: with
 * the full idf, rare words shared by two papers of different subjects outweigh the words of their
 * subject). Each paper gets the norm of its full vector and a "signature": its `signature` (64)
 * heaviest terms that another paper also has. Built in one pass over the postings at the first
 * request, and extended as papers are added.
 *
 * A similarity is the cosine, blended with the papers' primary topic (the classifier's, which the
 * index keeps): (1 − topic) · cosine + topic when both have the same topic. With topic = 0.1 the
 * share of a paper's ten similar papers in its hand-labelled topic went from 0.32 to 0.62 (ceiling
 * 0.85), and For you's precision from 0.36 to 0.60: the topics are words chosen by people.
 *
 * similar(q): for each term of q's signature, every paper with it through the full postings
 * (cosine of q's signature with the papers' full vectors, over the full norms), a bounded heap of
 * the best; q itself, deleted papers and papers with q's exact title are left out.
 * forYou(window, saved): each window paper's cosine with each saved paper, combined (see
 * `combineNearest`); the reason is the nearest saved paper.
 */
import { BestOf } from './bestOf';
import { type DiscoverySource, FIELD_BITS } from './discoverySource';

export interface FieldWeights {
  readonly title: number;
  readonly authors: number;
  readonly keywords: number;
  readonly text: number;
}

export interface DiscoveryOptions {
  readonly fields: FieldWeights;
  /** Terms kept per paper for asking (its heaviest). */
  readonly signature: number;
  /** How much of the second and third nearest saved papers adds to the nearest one's similarity. */
  readonly nextShare: number;
  /** idf = log(N / df) ** idfPower: below 1, rare terms count less against the topical ones. */
  readonly idfPower: number;
  /** The weight of a paper's primary topic (from the classifier), as one more term of its vector; 0 for none. */
  readonly topic: number;
}

/** Chosen on topics-labeled.json's simulated readers and similar-paper agreement, checked on topics-holdout.json (see discovery.bench.ts). */
export const DEFAULT_DISCOVERY: DiscoveryOptions = {
  fields: { title: 1, authors: 0, keywords: 1, text: 1 },
  signature: 64,
  nextShare: 0.5,
  idfPower: 0.5,
  topic: 0.1,
};

/** A window paper is "like" its nearest saved paper only above this cosine. */
export const LIKE_THRESHOLD = 0.05;
/** The model is rebuilt (idf from every paper) once the index has grown this much since. */
const REBUILD_GROWTH = 1.25;

export interface Scored {
  readonly doc: number;
  readonly score: number;
}

export interface ForYouResult {
  readonly score: number;
  /** Index into `saved` of the nearest saved paper, -1 when none is like it. */
  readonly like: number;
}

/** Combines a paper's cosines with the saved papers, nearest first, into 0..1. */
export function combineNearest(sorted: readonly number[], nextShare: number): number {
  const [first = 0, second = 0, third = 0] = sorted;
  return (first + nextShare * (second + third)) / (1 + 2 * nextShare);
}

export class DiscoveryModel {
  private readonly fieldWeight = new Float64Array(16);
  private idf = new Float64Array(0);
  private norms = new Float64Array(0);
  private sigTerms = new Int32Array(0);
  private sigWeights = new Float32Array(0);
  private sigLength = new Uint8Array(0);
  /** Papers the model has (the index may have more: see `catchUp`). */
  private docCount = 0;
  private builtFor = 0;
  private acc = new Float64Array(0);
  private touched = new Int32Array(0);

  constructor(private readonly source: DiscoverySource, private readonly options: DiscoveryOptions = DEFAULT_DISCOVERY) {
    for (let mask = 0; mask < 16; mask++) {
      const { title, authors, keywords, text } = options.fields;
      this.fieldWeight[mask] = (mask & FIELD_BITS.title ? title : 0) + (mask & FIELD_BITS.authors ? authors : 0)
        + (mask & FIELD_BITS.keywords ? keywords : 0) + (mask & FIELD_BITS.text ? text : 0);
    }
    this.build();
  }

  /** Bytes of the model's arrays. */
  get bytes(): number {
    return this.idf.byteLength + this.norms.byteLength + this.sigTerms.byteLength + this.sigWeights.byteLength
      + this.sigLength.byteLength + this.acc.byteLength + this.touched.byteLength;
  }

  /** One pass over every term's postings: idf, norms and signatures. */
  private build(): void {
    const source = this.source;
    const n = source.docCount;
    const k = this.options.signature;
    this.docCount = n;
    this.builtFor = n;
    this.idf = new Float64Array(Math.max(16, source.termCount));
    this.norms = new Float64Array(Math.max(16, n));
    this.sigTerms = new Int32Array(this.norms.length * k);
    this.sigWeights = new Float32Array(this.norms.length * k);
    this.sigLength = new Uint8Array(this.norms.length);
    for (let term = 0; term < source.termCount; term++) {
      const df = source.df(term);
      const idf = this.idfOf(n, df);
      this.idf[term] = idf;
      if (idf <= 0) {
        continue;
      }
      source.forEachPosting(term, (doc, mask) => {
        if (doc < n) {
          this.addWeight(doc, term, this.fieldWeight[mask] as number * idf, df > 1);
        }
      });
    }
  }

  private idfOf(n: number, df: number): number {
    return df > 0 && n > df ? Math.log(n / df) ** this.options.idfPower : 0;
  }

  /** Adds a term's weight to a paper's norm and, when another paper may share it, its signature (a min-heap by weight). */
  private addWeight(doc: number, term: number, weight: number, shared: boolean): void {
    if (weight <= 0) {
      return;
    }
    this.norms[doc] = (this.norms[doc] as number) + weight * weight;
    if (!shared) {
      return;
    }
    const k = this.options.signature;
    const base = doc * k;
    const length = this.sigLength[doc] as number;
    const terms = this.sigTerms;
    const weights = this.sigWeights;
    let at: number;
    if (length < k) {
      at = length;
      this.sigLength[doc] = length + 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if ((weights[base + parent] as number) <= weight) {
          break;
        }
        terms[base + at] = terms[base + parent] as number;
        weights[base + at] = weights[base + parent] as number;
        at = parent;
      }
    } else {
      if (weight <= (weights[base] as number)) {
        return;
      }
      at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= k) {
          break;
        }
        const child = left + 1 < k && (weights[base + left + 1] as number) < (weights[base + left] as number) ? left + 1 : left;
        if ((weights[base + child] as number) >= weight) {
          break;
        }
        terms[base + at] = terms[base + child] as number;
        weights[base + at] = weights[base + child] as number;
        at = child;
      }
    }
    terms[base + at] = term;
    weights[base + at] = weight;
  }

  /**
   * A paper the index just added (doc number `doc`, the next one), with its terms and their field
   * masks. Terms new since the build get their idf now.
   */
  added(doc: number, terms: ArrayLike<number>, masks: ArrayLike<number>): void {
    if (doc !== this.docCount) {
      return; // out of order: catchUp rebuilds
    }
    this.grow(doc + 1);
    const n = this.source.docCount;
    for (let index = 0; index < terms.length; index++) {
      const term = terms[index] as number;
      if (term >= this.idf.length) {
        const idf = new Float64Array(Math.max(term + 1, this.idf.length * 2));
        idf.set(this.idf);
        this.idf = idf;
      }
      const df = this.source.df(term);
      if (this.idf[term] === 0 && df > 0) {
        this.idf[term] = this.idfOf(Math.max(n, df), df);
      }
      this.addWeight(doc, term, (this.fieldWeight[(masks[index] as number) & 15] as number) * (this.idf[term] as number), df > 1);
    }
    this.docCount = doc + 1;
  }

  private grow(count: number): void {
    if (count <= this.norms.length) {
      return;
    }
    const k = this.options.signature;
    const size = Math.max(count, Math.ceil(this.norms.length * 1.5));
    const norms = new Float64Array(size);
    norms.set(this.norms);
    const sigTerms = new Int32Array(size * k);
    sigTerms.set(this.sigTerms);
    const sigWeights = new Float32Array(size * k);
    sigWeights.set(this.sigWeights);
    const sigLength = new Uint8Array(size);
    sigLength.set(this.sigLength);
    this.norms = norms;
    this.sigTerms = sigTerms;
    this.sigWeights = sigWeights;
    this.sigLength = sigLength;
  }

  /** Rebuilds when the index has papers the model missed, or has grown much since the build (idf drifts). */
  private catchUp(): void {
    if (this.source.docCount !== this.docCount || this.docCount > this.builtFor * REBUILD_GROWTH) {
      this.build();
    }
  }

  /**
   * For paper `doc`, each paper's dot product with doc's signature, accumulated in `acc`; returns how
   * many papers were touched (their numbers in `touched`; the caller zeroes `acc` for them).
   */
  private accumulate(doc: number): number {
    if (this.acc.length < this.source.docCount) {
      this.acc = new Float64Array(Math.ceil(this.source.docCount * 1.25));
      this.touched = new Int32Array(this.acc.length);
    }
    const acc = this.acc;
    const touched = this.touched;
    const k = this.options.signature;
    let count = 0;
    for (let index = 0; index < (this.sigLength[doc] as number); index++) {
      const term = this.sigTerms[doc * k + index] as number;
      const factor = (this.sigWeights[doc * k + index] as number) * (this.idf[term] as number);
      this.source.forEachPosting(term, (other, mask) => {
        if (acc[other] === 0) {
          touched[count++] = other;
        }
        acc[other] = (acc[other] as number) + factor * (this.fieldWeight[mask] as number);
      });
    }
    return count;
  }

  /** The cosine of `doc`'s signature with the full vector of `other`, from an accumulated dot product. */
  private cosine(doc: number, other: number, dot: number): number {
    const norms = (this.norms[doc] as number) * (this.norms[other] as number);
    const cosine = norms > 0 ? Math.min(1, dot / Math.sqrt(norms)) : 0;
    const share = this.options.topic;
    if (share <= 0) {
      return cosine;
    }
    const topic = this.source.topicOf(doc);
    return cosine * (1 - share) + (topic !== '' && topic !== 'other' && topic === this.source.topicOf(other) ? share : 0);
  }

  /**
   * The `limit` papers most like paper `doc`, best first, with their cosine (0..1); `accept` may
   * restrict the candidates (e.g. to a labelled set).
   */
  similar(doc: number, limit: number, accept?: (doc: number) => boolean): Scored[] {
    this.catchUp();
    if (!Number.isInteger(doc) || doc < 0 || doc >= this.docCount || !(limit > 0)) {
      return [];
    }
    const count = this.accumulate(doc);
    const title = this.source.titleOf(doc);
    // A few more than asked for: papers of one title among the best are then dropped.
    const best = new BestOf(Math.ceil(limit) + 5);
    for (let index = 0; index < count; index++) {
      const other = this.touched[index] as number;
      const dot = this.acc[other] as number;
      this.acc[other] = 0;
      if (other !== doc && other < this.docCount && !this.source.isDeleted(other) && (!accept || accept(other))) {
        best.offer(other, this.cosine(doc, other, dot));
      }
    }
    const titles = new Set([title]);
    const kept: Scored[] = [];
    for (const hit of best.sorted()) {
      const otherTitle = this.source.titleOf(hit.doc);
      if (kept.length < limit && hit.score > 0 && !titles.has(otherTitle)) {
        titles.add(otherTitle);
        kept.push(hit);
      }
    }
    return kept;
  }

  /**
   * "For you": each `window` paper's likeness to the `saved` papers (doc numbers; -1 for a paper the
   * index lacks, which scores 0), in window order. A saved paper is not compared with itself.
   */
  forYou(window: readonly number[], saved: readonly number[]): ForYouResult[] {
    this.catchUp();
    const valid = (doc: number): boolean => Number.isInteger(doc) && doc >= 0 && doc < this.docCount;
    const slots = new Map<number, number>();
    window.forEach((doc) => {
      if (valid(doc) && !slots.has(doc)) {
        slots.set(doc, slots.size);
      }
    });
    const savedDocs = [...new Set(saved.filter(valid))];
    const columns = savedDocs.length;
    const dots = new Float64Array(slots.size * Math.max(1, columns));
    savedDocs.forEach((savedDoc, column) => {
      const count = this.accumulate(savedDoc);
      for (let index = 0; index < count; index++) {
        const other = this.touched[index] as number;
        const slot = slots.get(other);
        if (slot !== undefined) {
          dots[slot * columns + column] = this.acc[other] as number;
        }
        this.acc[other] = 0;
      }
    });
    // Every pair, not only those sharing a term: a paper of a saved paper's topic shares the topic.
    const cosines = new Float64Array(dots.length);
    slots.forEach((slot, doc) => savedDocs.forEach((savedDoc, column) => {
      cosines[slot * columns + column] = savedDoc === doc ? 0 : this.cosine(savedDoc, doc, dots[slot * columns + column] as number);
    }));
    return window.map((doc) => {
      const slot = valid(doc) ? slots.get(doc) : undefined;
      if (slot === undefined || savedDocs.length === 0) {
        return { score: 0, like: -1 };
      }
      const row = Array.from(cosines.subarray(slot * columns, (slot + 1) * columns));
      let nearest = 0;
      row.forEach((value, column) => {
        if (value > (row[nearest] as number)) {
          nearest = column;
        }
      });
      const sorted = [...row].sort((a, b) => b - a);
      const score = combineNearest(sorted, this.options.nextShare);
      const likeDoc = (row[nearest] as number) >= LIKE_THRESHOLD ? savedDocs[nearest] as number : -1;
      return { score: Math.round(score * 1_000) / 1_000, like: likeDoc < 0 ? -1 : saved.indexOf(likeDoc) };
    });
  }
}
