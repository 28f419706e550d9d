import type { Paper } from '../core/model';
import type { PaperStore } from './paperStore';

/** What `activate()` returns to other extensions; documented in the README. */
export interface PaperFeedApi {
  /** A paper by arXiv id (a version suffix or `arXiv:` prefix is accepted); undefined when unknown. */
  getPaper(id: string): Paper | undefined;
  /** Every paper currently loaded. The objects are frozen. */
  listPapers(): readonly Paper[];
}

export function createApi(store: PaperStore): PaperFeedApi {
  return {
    getPaper: (id: string) => (typeof id === 'string' ? store.get(id) : undefined),
    listPapers: () => store.list(),
  };
}
