import type * as vscode from 'vscode';
import { type CitationFormat, isCitationFormat } from '../core/citation/format';
import type { Paper } from '../core/paper/model';
import type { ArchiveService } from './archive/archiveService';
import type { BibFiles } from './bibFiles';
import type { BibStatus } from './bibStatus';
import type { Citations } from './citations';
import type { Enrichment } from './enrichment';
import type { Cloner } from './clone/cloner';
import type { ArchivePrompts } from './commands/archive';
import type { ClonePrompts } from './commands/clone';
import type { FeedService } from './feed/feedService';
import type { LinkOpener } from './linkOpener';
import type { PaperPanels } from './panel/paperPanels';
import type { PaperStore } from './paperStore';
import type { LibraryPrompts } from './commands/library';
import type { searchPickers } from './commands/search';
import type { similarPickers } from './commands/showSimilar';
import type { SearchService } from './searchService';
import type { ReadingState } from './reading';
import type { SavedPapers } from './savedPapers';
import type { PaperTools } from './tools/registerTools';
import type { TopicService } from './topics';
import type { ForYouRanker } from './tree/forYouRanker';
import type { PapersTree } from './tree/papersTree';
import type { SavedTree } from './tree/savedTree';
import type { WatchQuestions } from './commands/watches';
import type { WatchesTree, WatchPrompts } from './watches/watchesTree';
import type { WatchState } from './watches/watchState';
import type { WindowFocus } from './watches/windowFocus';
import type { quotePickers } from './commands/readFullText';
import type { FullTextPrompts, FullTexts } from './fulltext/fullTexts';

/** What `activate()` returns to other extensions; documented in the README. */
export interface PaperFeedApi {
  /** A paper by arXiv id (a version suffix or `arXiv:` prefix is accepted); undefined when unknown. */
  getPaper(id: string): Paper | undefined;
  /** Every paper currently loaded. The objects are frozen. */
  listPapers(): readonly Paper[];
  /**
   * Full-text search over every cached paper (title, authors, keywords, abstract; filters such as
   * `author:`, `topic:`, `after:YYYY-MM-DD`, `has:code` in the query), best first, at most `limit` (≤ 200).
   */
  search(query: string, limit?: number): Promise<readonly Paper[]>;
  /** A citation of a loaded paper in a format of CONTRACT.md (`bibtex`, `apa`, …, or `csl:<name>`). */
  formatCitation(id: string, format: CitationFormat): Promise<string>;
  /** Only when the extension runs in development or test mode: hooks for the project's own tests. */
  readonly testing?: PaperFeedTestHooks;
}

/** Internal, unstable: what the integration tests read that the VS Code API does not expose. */
export interface PaperFeedTestHooks {
  readonly search: SearchService;
  readonly searchPickers: typeof searchPickers;
  readonly similarPickers: typeof similarPickers;
  readonly papersTree: PapersTree;
  readonly forYou: ForYouRanker;
  readonly savedTree: SavedTree;
  readonly topics: TopicService;
  readonly saved: SavedPapers;
  readonly reading: ReadingState;
  readonly libraryPrompts: LibraryPrompts;
  readonly panel: PaperPanels;
  readonly opener: LinkOpener;
  readonly feed: FeedService;
  readonly citations: Citations;
  readonly bibFiles: BibFiles;
  readonly bibStatus: BibStatus;
  readonly cloner: Cloner;
  readonly clonePrompts: ClonePrompts;
  readonly archive: ArchiveService;
  readonly archivePrompts: ArchivePrompts;
  readonly enrichment: Enrichment;
  /** The language model tools as VS Code calls them (prepareInvocation is not reachable through vscode.lm). */
  readonly tools: PaperTools;
  /** Settles when the first load after activation is done. */
  readonly loaded: Promise<void>;
  readonly activationMs: number;
  readonly globalState: vscode.Memento;
  readonly globalStorageUri: vscode.Uri;
  readonly watchesTree: WatchesTree;
  readonly watchState: WatchState;
  readonly watchPrompts: WatchPrompts;
  readonly watchQuestions: WatchQuestions;
  readonly watchFocus: WindowFocus;
  readonly fullTexts: FullTexts;
  readonly fullTextPrompts: FullTextPrompts;
  readonly quotePickers: typeof quotePickers;
}

export function createApi(store: PaperStore, citations: Citations, search: SearchService, testing?: PaperFeedTestHooks): PaperFeedApi {
  return {
    // Papers found are remembered, so getPaper and formatCitation know them afterwards.
    search: async (query: string, limit = 20) => (typeof query === 'string' ? (await search.searchPapers(query, typeof limit === 'number' ? limit : 20)).map((paper) => store.remember(paper)) : []),
    getPaper: (id: string) => (typeof id === 'string' ? store.get(id) : undefined),
    listPapers: () => store.list(),
    formatCitation: async (id: string, format: CitationFormat) => {
      // A cached paper the host does not hold (the archive) is read from the cache.
      const paper = typeof id === 'string' ? (store.get(id) ?? (await search.papers([id]))[0]) : undefined;
      if (!paper) {
        throw new Error(`Paper Feed has no paper ${String(id)}.`);
      }
      if (!isCitationFormat(format)) {
        throw new Error(`Unknown citation format ${String(format)}.`);
      }
      return citations.format(paper, format);
    },
    ...(testing ? { testing } : {}),
  };
}
