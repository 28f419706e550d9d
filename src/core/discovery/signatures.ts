/**
 * Each paper's signature: its heaviest terms (at most `size`) with their weights, a min-heap per paper
 * in flat typed arrays (no object per paper), so that a 30k-paper model is a few megabytes.
 */
export class Signatures {
  private terms: Int32Array;
  private weights: Float32Array;
  private lengths: Uint8Array;

  constructor(private readonly size: number, capacity: number) {
    this.terms = new Int32Array(capacity * size);
    this.weights = new Float32Array(capacity * size);
    this.lengths = new Uint8Array(capacity);
  }

  get capacity(): number {
    return this.lengths.length;
  }

  get bytes(): number {
    return this.terms.byteLength + this.weights.byteLength + this.lengths.byteLength;
  }

  /** Room for papers up to `count` (grown by half again at least). */
  grow(count: number): void {
    if (count <= this.lengths.length) {
      return;
    }
    const capacity = Math.max(count, Math.ceil(this.lengths.length * 1.5));
    const terms = new Int32Array(capacity * this.size);
    terms.set(this.terms);
    const weights = new Float32Array(capacity * this.size);
    weights.set(this.weights);
    const lengths = new Uint8Array(capacity);
    lengths.set(this.lengths);
    this.terms = terms;
    this.weights = weights;
    this.lengths = lengths;
  }

  length(doc: number): number {
    return this.lengths[doc] ?? 0;
  }

  term(doc: number, index: number): number {
    return this.terms[doc * this.size + index] as number;
  }

  weight(doc: number, index: number): number {
    return this.weights[doc * this.size + index] as number;
  }

  /** The norm of a paper's signature, for the cosine of two signatures. */
  norm(doc: number): number {
    let sum = 0;
    for (let index = 0; index < this.length(doc); index++) {
      const weight = this.weight(doc, index);
      sum += weight * weight;
    }
    return Math.sqrt(sum);
  }

  /** Keeps `term` in the paper's signature when it is among its `size` heaviest so far. */
  offer(doc: number, term: number, weight: number): void {
    const k = this.size;
    const base = doc * k;
    const length = this.lengths[doc] as number;
    const terms = this.terms;
    const weights = this.weights;
    let at: number;
    if (length < k) {
      at = length;
      this.lengths[doc] = length + 1;
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
}
