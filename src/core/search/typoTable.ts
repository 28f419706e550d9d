/**
 * The deletion table behind typo tolerance: for every fuzzy-eligible term, the hash of the term and
 * of each one-deletion variant, sorted, with the term beside it. Two words one edit apart share a
 * key, so the terms one edit from a query word are found by looking up the word and its deletions.
 * Hash collisions only add candidates, which the caller checks with withinOneEdit anyway. Terms that
 * became eligible since the last rebuild are kept aside in `pending` and always offered.
 */
import { firstIndex } from './binarySearch';
import { deletions } from './text';

/** Term numbers fit 21 bits beside a 32-bit hash in one exactly representable double. */
const TERM_BITS = 2 ** 21;

export class TypoTable {
  hashes = new Uint32Array(0);
  terms = new Int32Array(0);
  pending: number[] = [];

  /** Rebuilds the table over the terms [0, termCount) that `eligible` accepts. */
  rebuild(termCount: number, eligible: (term: number) => boolean, text: (term: number) => string): void {
    const pairs: number[] = [];
    for (let term = 0; term < termCount; term++) {
      if (eligible(term)) {
        const word = text(term);
        pairs.push(hash(word) * TERM_BITS + term);
        for (const variant of deletions(word)) {
          pairs.push(hash(variant) * TERM_BITS + term);
        }
      }
    }
    const sorted = Float64Array.from(pairs).sort();
    this.hashes = new Uint32Array(sorted.length);
    this.terms = new Int32Array(sorted.length);
    sorted.forEach((pair, index) => {
      this.hashes[index] = Math.floor(pair / TERM_BITS);
      this.terms[index] = pair % TERM_BITS;
    });
    this.pending = [];
  }

  /** Terms that may be one edit from `word` (a superset: check each), the pending ones included. */
  candidates(word: string): Set<number> {
    const found = new Set<number>();
    for (const key of [word, ...deletions(word)]) {
      const wanted = hash(key);
      for (let index = firstIndex(this.hashes.length, (at) => (this.hashes[at] as number) < wanted); index < this.hashes.length && this.hashes[index] === wanted; index++) {
        found.add(this.terms[index] as number);
      }
    }
    for (const term of this.pending) {
      found.add(term);
    }
    return found;
  }
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
