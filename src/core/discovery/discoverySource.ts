/**
 * What the discovery model reads of a search index: its postings (term → papers, with a mask of the
 * fields each paper has the term in), and which papers are left out of results. Defined here, below
 * search, so that the model knows nothing of how the index stores them.
 */

/** Field bits of a posting's mask (the search index's FIELD). */
export const FIELD_BITS = { title: 1, authors: 2, keywords: 4, text: 8 } as const;

export interface DiscoverySource {
  /** Papers, numbered 0..docCount-1 in the order they were added (numbers never change). */
  readonly docCount: number;
  /** Terms, numbered 0..termCount-1. */
  readonly termCount: number;
  /** How many papers have `term` (deleted ones included). */
  df(term: number): number;
  /** Every paper with `term` and the fields it has it in (FIELD_BITS). */
  forEachPosting(term: number, visit: (doc: number, mask: number) => void): void;
  /** Papers the cache no longer has: never shown. */
  isDeleted(doc: number): boolean;
  /** The normalised title (for leaving out the same paper under another id). */
  titleOf(doc: number): string;
  /** The primary topic id ('' or `other` when none). */
  topicOf(doc: number): string;
}
