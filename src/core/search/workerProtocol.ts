/** Messages between the extension host and the search worker. */
import type { Paper } from '../paper/model';
import type { PaperCard, SearchHit } from './index';

/** A paper like another one (Show Similar Papers, the panel's list). */
export interface SimilarHit {
  readonly id: string;
  /** Cosine similarity, 0..1. */
  readonly score: number;
  readonly card: PaperCard;
}

/** How much a paper of the shown window is like the reading list ("For you"). */
export interface ForYouScore {
  readonly id: string;
  /** 0..1; higher is more like the saved papers. */
  readonly score: number;
  /** The saved paper it is most like (the reason shown: "like <title>"), when any is like it at all. */
  readonly like?: string;
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
  | { readonly type: 'snippets'; readonly id: number; readonly query: string; readonly ids: readonly string[] };

export type FromWorker =
  | { readonly type: 'ready'; readonly size: number; readonly source: 'file' | 'built'; readonly loadMs: number }
  | { readonly type: 'updated'; readonly size: number; readonly added: number }
  /** The index has caught up with the cache as it was when the worker started (sent once). */
  | { readonly type: 'synced' }
  | { readonly type: 'result'; readonly id: number; readonly hits: readonly SearchHit[]; readonly ms: number }
  | { readonly type: 'papers'; readonly id: number; readonly papers: readonly Paper[] }
  | { readonly type: 'snippets'; readonly id: number; readonly snippets: Readonly<Record<string, string>> }
  | { readonly type: 'log'; readonly level: 'info' | 'warn'; readonly message: string };
