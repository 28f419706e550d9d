/**
 * The best `limit` (doc, score) pairs offered, best first: a bounded min-heap in typed arrays, so
 * that only the kept few are ever sorted. Ties go to the smaller doc number (the older paper).
 */
export class BestOf {
  private readonly docs: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly limit: number) {
    this.docs = new Int32Array(Math.max(0, limit));
    this.scores = new Float64Array(Math.max(0, limit));
  }

  /** Whether (a, sa) ranks below (b, sb). */
  private static worse(sa: number, a: number, sb: number, b: number): boolean {
    return sa < sb || (sa === sb && a > b);
  }

  offer(doc: number, score: number): void {
    if (this.limit <= 0) {
      return;
    }
    if (this.size < this.limit) {
      let at = this.size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!BestOf.worse(score, doc, this.scores[parent] as number, this.docs[parent] as number)) {
          break;
        }
        this.docs[at] = this.docs[parent] as number;
        this.scores[at] = this.scores[parent] as number;
        at = parent;
      }
      this.docs[at] = doc;
      this.scores[at] = score;
      return;
    }
    if (!BestOf.worse(this.scores[0] as number, this.docs[0] as number, score, doc)) {
      return;
    }
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.size) {
        break;
      }
      const right = left + 1;
      let child = left;
      if (right < this.size && BestOf.worse(this.scores[right] as number, this.docs[right] as number, this.scores[left] as number, this.docs[left] as number)) {
        child = right;
      }
      if (!BestOf.worse(this.scores[child] as number, this.docs[child] as number, score, doc)) {
        break;
      }
      this.docs[at] = this.docs[child] as number;
      this.scores[at] = this.scores[child] as number;
      at = child;
    }
    this.docs[at] = doc;
    this.scores[at] = score;
  }

  /** What was kept, best first. */
  sorted(): { doc: number; score: number }[] {
    const kept = Array.from({ length: this.size }, (_, index) => ({ doc: this.docs[index] as number, score: this.scores[index] as number }));
    return kept.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}
