/** Messages between the extension host and the search worker. */
import type { Paper } from '../paper/model';
import type { SearchHit } from './index';
import type { ForYouScore, PaperCard, SimilarHit } from './card';

export type { ForYouScore, SimilarHit } from './card';

/** A saved paper whose full text matched an `in:fulltext` query. */
export interface FullTextHit {
  readonly id: string;
  /** The sentence around the first match, plain text, white space collapsed, at most 240 characters. */
  readonly snippet: string;
  /** How many times the query's words occur in the full text (a quoted phrase counting once). */
  readonly matches: number;
  /** The paper's card from the index, for the picker (absent when the index lacks the paper). */
  readonly card?: PaperCard;
}

export interface WorkerInit {
  readonly type: 'init';
  /** Where the index is persisted. */
  readonly indexPath: string;
  /** The paper cache to index (the worker reads it itself: nothing large crosses threads). */
  readonly cacheDir: string;
  /** `paperFeed.topics`. */
  readonly userTopics: Readonly<Record<string, readonly string[]>>;
}

export type ToWorker =
  | WorkerInit
  | { readonly type: 'add'; readonly papers: readonly Paper[] }
  | { readonly type: 'search'; readonly id: number; readonly query: string; readonly limit: number }
  /** Full papers for ids of hits, read from the cache by the worker. */
  | { readonly type: 'papers'; readonly id: number; readonly ids: readonly string[] }
  /** The abstract sentence each paper's text matched for `query` (hits found only in the abstract). */
  | { readonly type: 'snippets'; readonly id: number; readonly query: string; readonly ids: readonly string[] }
  /** The `limit` papers most like paper `paperId` (none when the index lacks it). */
  | { readonly type: 'similar'; readonly id: number; readonly paperId: string; readonly limit: number }
  /** How much each `window` paper is like the `saved` ones, in window order. */
  | { readonly type: 'forYou'; readonly id: number; readonly window: readonly string[]; readonly saved: readonly string[] }
  /** The saved papers whose full text is cached (sent again after any change): what `in:fulltext` searches. */
  | { readonly type: 'fullTextPapers'; readonly ids: readonly string[] }
  /** Search inside those papers' full texts (the index of them is built at the first one). */
  | { readonly type: 'fullTextSearch'; readonly id: number; readonly query: string; readonly limit: number };

export type FromWorker =
  | { readonly type: 'ready'; readonly size: number; readonly source: 'file' | 'built'; readonly loadMs: number }
  | { readonly type: 'updated'; readonly size: number; readonly added: number }
  /** The index has caught up with the cache as it was when the worker started (sent once). */
  | { readonly type: 'synced' }
  | { readonly type: 'result'; readonly id: number; readonly hits: readonly SearchHit[]; readonly ms: number }
  | { readonly type: 'papers'; readonly id: number; readonly papers: readonly Paper[] }
  | { readonly type: 'snippets'; readonly id: number; readonly snippets: Readonly<Record<string, string>> }
  | { readonly type: 'similar'; readonly id: number; readonly hits: readonly SimilarHit[] }
  | { readonly type: 'forYou'; readonly id: number; readonly scores: readonly ForYouScore[] }
  | { readonly type: 'fullTextResult'; readonly id: number; readonly hits: readonly FullTextHit[]; readonly ms: number }
  | { readonly type: 'log'; readonly level: 'info' | 'warn'; readonly message: string };
