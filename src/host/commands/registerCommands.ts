import type * as vscode from 'vscode';
import type { Paper } from '../../core/paper/model';
import type { ArchiveService } from '../archive/archiveService';
import type { BibFiles } from '../bibFiles';
import type { Citations } from '../citations';
import type { Cloner } from '../clone/cloner';
import type { EditorTracker } from '../editorTracker';
import type { FeedService } from '../feed/feedService';
import { Commands, InternalCommands } from '../ids';
import type { LinkOpener } from '../linkOpener';
import type { PaperPanels } from '../panel/paperPanels';
import type { PaperStore } from '../paperStore';
import type { ReadingState } from '../reading';
import type { SavedPapers } from '../savedPapers';
import type { SearchService } from '../searchService';
import type { TopicService } from '../topics';
import type { PapersTree } from '../tree/papersTree';
import type { SavedTree } from '../tree/savedTree';
import type { WatchesTree } from '../watches/watchesTree';
import type { WatchState } from '../watches/watchState';
import { type ArchivePrompts, downloadArchive } from './archive';
import { openInBrowser, openLink } from './browser';
import { canClone, type ClonePrompts, cloneRepository, openClonedRepository } from './clone';
import { citeCompletion } from './citeCompletion';
import { copyCitation } from './copyCitation';
import { insertCitation } from './insertCitation';
import { showCachedPapers, showLatestPapers } from './latestPapers';
import { exportSaved, filterTree, groupDaysByTopic, type LibraryPrompts, markAllRead, savePaper, setGrouping, unsavePaper } from './library';
import { openPaper, type PaperCommandContext } from './openPaper';
import { editNote, editTags, filterSaved, markRead, type ReadingListContext, sortSaved } from './readingList';
import { refresh } from './refresh';
import { registerCommand } from './register';
import { searchPapers } from './search';
import { showSimilar } from './showSimilar';
import { clearCache, clearToken, setToken } from './settings';
import { addWatch, removeWatch, type WatchQuestions } from './watches';
import type { FullTexts } from '../fulltext/fullTexts';
import { copyQuote, fullTextPaperId, readFullText } from './readFullText';
import { selectWindow, stepPeriod } from './window';

/** What the commands work on: the services the composition root built. */
export interface CommandServices {
  readonly log: vscode.LogOutputChannel;
  readonly globalState: vscode.Memento;
  readonly store: PaperStore;
  readonly tree: PapersTree;
  readonly savedTree: SavedTree;
  readonly panels: PaperPanels;
  readonly feed: FeedService;
  readonly search: SearchService;
  readonly topics: TopicService;
  readonly saved: SavedPapers;
  readonly reading: ReadingState;
  readonly opener: LinkOpener;
  readonly citations: Citations;
  readonly bibFiles: BibFiles;
  readonly editors: EditorTracker;
  readonly cloner: Cloner;
  readonly clonePrompts: ClonePrompts;
  readonly libraryPrompts: LibraryPrompts;
  readonly archive: ArchiveService;
  readonly archivePrompts: ArchivePrompts;
  readonly watchesTree: WatchesTree;
  readonly watchState: WatchState;
  readonly watchQuestions: WatchQuestions;
  readonly fullTexts: FullTexts;
}

/** Registers every command (each handler in its feature's file), its failures logged and shown. */
export function registerCommands(services: CommandServices): vscode.Disposable[] {
  const { log, globalState, store, tree, savedTree, panels, feed, search, topics, saved, reading, opener, citations, bibFiles, editors, cloner, clonePrompts, libraryPrompts, archive, archivePrompts } = services;
  let lastSearch: string | undefined;
  const watches = { tree: services.watchesTree, state: services.watchState, questions: services.watchQuestions, lastSearch: () => lastSearch };
  const { fullTexts } = services;
  const papers: PaperCommandContext = {
    store, tree, panels, cachedPaper: (id) => search.cachedPaper(id), fetchPaper: (id) => feed.fetchPaper(id), reading, fullTextPaper: (arg) => fullTextPaperId(fullTexts, arg),
  };
  const readingList: ReadingListContext = { papers, saved, savedTree };
  const knownPaper = (id: string): Paper | undefined => store.get(id) ?? saved.list().find((entry) => entry.paper.id === id)?.paper;
  return [
    registerCommand(Commands.refresh, () => refresh(feed), log),
    registerCommand(Commands.selectWindow, (arg) => selectWindow(feed, arg), log),
    registerCommand(Commands.previousPeriod, () => stepPeriod(feed, -1), log),
    registerCommand(Commands.nextPeriod, () => stepPeriod(feed, 1), log),
    registerCommand(Commands.showLatestPapers, () => showLatestPapers(feed), log),
    registerCommand(Commands.showCachedPapers, () => showCachedPapers(feed), log),
    registerCommand(Commands.openPaper, (arg, selection) => openPaper(papers, arg, selection), log),
    registerCommand(Commands.search, (arg) => searchPapers({ search, feed, topics, isSaved: (id) => saved.has(id), canClone, remember: (query) => { lastSearch = query; } }, arg), log),
    registerCommand(Commands.showSimilar, (arg) => showSimilar({ papers, topics, isSaved: (id) => saved.has(id), canClone, similar: (paper, limit) => search.similar(paper, limit) }, arg), log),
    registerCommand(Commands.readFullText, (arg, selection) => readFullText({ papers, fullTexts, citations }, arg, selection), log),
    registerCommand(Commands.copyQuote, (arg) => copyQuote({ papers, fullTexts, citations }, arg), log),
    registerCommand(Commands.openOnHuggingFace, (arg, selection) => openInBrowser(papers, opener, 'huggingFace', arg, selection), log),
    registerCommand(Commands.openOnArxiv, (arg, selection) => openInBrowser(papers, opener, 'arxivAbstract', arg, selection), log),
    registerCommand(Commands.openPdf, (arg, selection) => openInBrowser(papers, opener, 'arxivPdf', arg, selection), log),
    registerCommand(InternalCommands.openLink, (url, id) => openLink(opener, knownPaper, url, id), log),
    registerCommand(Commands.copyCitation, (arg, format, more) => copyCitation(papers, citations, globalState, arg, format, more), log),
    registerCommand(Commands.insertCitation, (arg, format, more) => insertCitation({ papers, citations, editors, bibFiles }, arg, format, more), log),
    registerCommand(InternalCommands.citeCompletion, (arg) => citeCompletion({ log, bibFiles, store, saved, search }, arg), log),
    registerCommand(Commands.cloneRepository, (arg, url) => cloneRepository({ papers, cloner, prompts: clonePrompts }, arg, url), log),
    registerCommand(Commands.openClonedRepository, (arg) => openClonedRepository({ papers, cloner, prompts: clonePrompts }, arg), log),
    registerCommand(Commands.setGrouping, (arg) => setGrouping(tree, saved, arg), log),
    registerCommand(Commands.groupByTopic, () => groupDaysByTopic(true), log),
    registerCommand(Commands.showRankedList, () => groupDaysByTopic(false), log),
    registerCommand(Commands.filter, (arg) => filterTree(tree, arg), log),
    registerCommand(Commands.clearFilter, () => tree.setFilter(undefined), log),
    registerCommand(Commands.markAllRead, () => markAllRead(reading), log),
    registerCommand(Commands.savePaper, (arg, selection) => savePaper(papers, saved, arg, selection), log),
    registerCommand(Commands.unsavePaper, (arg, selection) => unsavePaper(papers, saved, arg, selection), log),
    registerCommand(Commands.exportSaved, () => exportSaved(saved, libraryPrompts, (paper) => citations.prepare(paper)), log),
    registerCommand(Commands.markRead, (arg, selection) => markRead(readingList, true, arg, selection), log),
    registerCommand(Commands.markUnread, (arg, selection) => markRead(readingList, false, arg, selection), log),
    registerCommand(Commands.editNote, (arg, second) => editNote(readingList, arg, second), log),
    registerCommand(Commands.editTags, (arg, second) => editTags(readingList, arg, second), log),
    registerCommand(Commands.sortSaved, (arg) => sortSaved(savedTree, arg), log),
    registerCommand(Commands.filterSaved, (arg) => filterSaved(savedTree, arg), log),
    registerCommand(Commands.clearSavedFilter, () => savedTree.setFilter(undefined), log),
    registerCommand(Commands.addWatch, (arg) => addWatch(watches, arg), log),
    registerCommand(Commands.removeWatch, (arg) => removeWatch(watches, arg), log),
    registerCommand(Commands.setToken, () => setToken(feed), log),
    registerCommand(Commands.clearToken, () => clearToken(feed), log),
    registerCommand(Commands.clearCache, () => clearCache(feed, async () => {
      await search.restart({ deleteIndex: true });
      await archive.forget(); // its months are gone from the cache: download them again
    }), log),
    registerCommand(Commands.downloadArchive, (arg) => downloadArchive(archive, archivePrompts, arg), log),
    registerCommand(Commands.showLog, () => log.show(), log),
  ];
}
