/**
 * The best `limit` papers of a result set, best first: a bounded min-heap, so only the kept few
 * are ever sorted, whatever the number of matches. Ties go to the more upvoted, then the newer
 * paper, then the smaller id.
 */
import type { Doc } from './documents';

/** A paper kept: its doc number and score. */
export interface Ranked {
  readonly doc: number;
  readonly score: number;
}

/** The best `limit` of `candidates` (doc numbers into `docs`) by `score`, with the ties above; scores rounded to 1/1000. */
export function topK(docs: readonly Doc[], candidates: readonly number[], score: (doc: number) => number, limit: number): Ranked[] {
  const better = (a: [number, number], b: [number, number]): boolean => {
    if (a[1] !== b[1]) {
      return a[1] > b[1];
    }
    const docA = docs[a[0]] as Doc;
    const docB = docs[b[0]] as Doc;
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
  for (const doc of candidates) {
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
    .map(([doc, value]) => ({ doc, score: Math.round(value * 1_000) / 1_000 }));
}
