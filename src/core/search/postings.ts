/**
 * The postings of a search index: for each term, the papers that have it (doc numbers ascending)
 * with a mask of the fields it is in. Compact typed arrays for what was saved or compacted, plus
 * the postings added since, merged in by `compact`.
 */

import { FIELD_BITS } from '../discovery/discoverySource';

/** Field bits of a posting's mask (discovery reads them too: defined there, below search). */
export const FIELD = FIELD_BITS;

/** A posting added since the last compaction: doc number × MASKS + mask, one number. */
const MASKS = 16;

export class Postings {
  /** Postings of term t are at [offsets[t], offsets[t + 1]) of `docs` and `masks`. */
  offsets = new Int32Array(1);
  docs = new Int32Array(0);
  masks = new Uint8Array(0);
  /** Postings added since the last compaction, by term number (packed, see MASKS). */
  private delta: (number[] | undefined)[] = [];
  private deltaCount = 0;

  add(term: number, doc: number, mask: number): void {
    const delta = this.delta[term];
    if (delta) {
      delta.push(doc * MASKS + mask);
    } else {
      while (this.delta.length < term) {
        this.delta.push(undefined);
      }
      this.delta[term] = [doc * MASKS + mask];
    }
    this.deltaCount++;
  }

  forEach(term: number, visit: (doc: number, mask: number) => void): void {
    if (term + 1 < this.offsets.length) {
      const end = this.offsets[term + 1] as number;
      for (let index = this.offsets[term] as number; index < end; index++) {
        visit(this.docs[index] as number, this.masks[index] as number);
      }
    }
    const delta = this.delta[term];
    if (delta) {
      for (let index = 0; index < delta.length; index++) {
        const packed = delta[index] as number;
        visit(Math.floor(packed / MASKS), packed % MASKS);
      }
    }
  }

  /** How many papers have each term [0, termCount), from the compact arrays (after a load). */
  counts(termCount: number): number[] {
    return Array.from({ length: termCount }, (_, term) => (this.offsets[term + 1] as number) - (this.offsets[term] as number));
  }

  /** Merges the postings added since the last compaction into the compact arrays. */
  compact(termCount: number): void {
    if (this.deltaCount === 0) {
      return;
    }
    const offsets = new Int32Array(termCount + 1);
    let total = 0;
    for (let term = 0; term < termCount; term++) {
      offsets[term] = total;
      const base = term + 1 < this.offsets.length ? (this.offsets[term + 1] as number) - (this.offsets[term] as number) : 0;
      total += base + (this.delta[term]?.length ?? 0);
    }
    offsets[termCount] = total;
    const docs = new Int32Array(total);
    const masks = new Uint8Array(total);
    for (let term = 0; term < termCount; term++) {
      let at = offsets[term] as number;
      this.forEach(term, (doc, mask) => {
        docs[at] = doc;
        masks[at] = mask;
        at++;
      });
    }
    this.offsets = offsets;
    this.docs = docs;
    this.masks = masks;
    this.delta = [];
    this.deltaCount = 0;
  }
}
