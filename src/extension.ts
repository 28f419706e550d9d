import * as vscode from 'vscode';
import { clockFromEnv } from './core/time/clock';
import { onDidChangeSettings, readPanelReuse } from './host/config';
import { createApi, type PaperFeedApi } from './host/api';
import { Commands, InternalCommands, LOG_CHANNEL_NAME, PANEL_VIEW_TYPE } from './host/ids';
import { openPaper, type PaperCommandContext } from './host/commands/openPaper';
import { refresh } from './host/commands/refresh';
import { registerCommand } from './host/commands/register';
import { clearCache, clearToken, setToken } from './host/commands/settings';
import { selectWindow, stepPeriod } from './host/commands/window';
import { FeedService } from './host/feed/feedService';
import { openInBrowser, openLink } from './host/commands/browser';
import { copyCitation } from './host/commands/copyCitation';
import { insertCitation } from './host/commands/insertCitation';
import { canClone, ClonePrompts, cloneRepository, openClonedRepository } from './host/commands/clone';
import { Cloner } from './host/clone/cloner';
import { EditorTracker } from './host/editorTracker';
import { BibFiles } from './host/bibFiles';
import { Citations } from './host/citations';
import { LinkOpener } from './host/linkOpener';
import { PaperPanels } from './host/panel/paperPanels';
import { PaperStore } from './host/paperStore';
import { PapersTree } from './host/tree/papersTree';
import { SearchService } from './host/searchService';
import { searchPapers, searchPickers } from './host/commands/search';
import { SavedTree } from './host/tree/savedTree';
import type { PaperItemState } from './host/tree/paperItem';
import { TopicService } from './host/topics';
import { SavedPapers } from './host/savedPapers';
import { ReadingState } from './host/reading';
import { exportSaved, filterTree, LibraryPrompts, markAllRead, savePaper, setGrouping, unsavePaper } from './host/commands/library';
import type { Paper } from './core/paper/model';
import type { PaperActions } from './shared/protocol';

/**
 * The composition root: builds the services, registers commands and views, and returns at once.
 * Loading papers (cache, then network) happens after activation, off the critical path.
 */
export function activate(context: vscode.ExtensionContext): PaperFeedApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
  context.subscriptions.push(log);
  const clock = clockFromEnv(process.env.PAPER_FEED_NOW, (value) =>
    log.warn(`Ignoring PAPER_FEED_NOW=${value}: not an ISO date or date-time.`));

  const store = new PaperStore();
  const cloner = new Cloner(context.globalState, log);
  const clonePrompts = new ClonePrompts();
  const topics = new TopicService(log);
  const saved = new SavedPapers(context.globalStorageUri, log);
  // The feed is made below; the reading state asks it only after activation.
  let feedRef: FeedService | undefined;
  const reading = new ReadingState(context.globalState, (id) => feedRef?.seenAt(id), clock);
  const paperActions = (paper: Paper): PaperActions => ({
    canClone: canClone(paper), cloned: cloner.clonedFolder(paper.id) !== undefined, saved: saved.has(paper.id),
  });
  const itemState = (paper: Paper): PaperItemState => ({ ...paperActions(paper), isNew: reading.isNew(paper) });
  const tree = new PapersTree({ store, clock, topics, state: itemState, isNew: (paper) => reading.isNew(paper) });
  const savedTree = new SavedTree(saved, topics, itemState);
  reading.watch(tree.view);
  const feed = new FeedService({ context, store, log, clock });
  feedRef = feed;
  const opener = new LinkOpener(log);
  const knownPaper = (id: string): Paper | undefined => store.get(id) ?? saved.list().find((entry) => entry.paper.id === id)?.paper;
  const citations = new Citations(log);
  const bibFiles = new BibFiles(context.workspaceState, context.globalState, log);
  const editors = new EditorTracker();
  const libraryPrompts = new LibraryPrompts();
  const search = new SearchService(context, feed, store, topics, log);
  const panels = new PaperPanels({
    extensionUri: context.extensionUri,
    log,
    opener,
    reuse: readPanelReuse,
    runCommand: (command, paper) => vscode.commands.executeCommand(Commands[command], paper.id),
    actions: paperActions,
    linkedRepos: async (id, signal) => (await feed.createClient()).linkedRepos(id, signal),
  });
  context.subscriptions.push(store, topics, saved, reading, tree, savedTree, panels, feed, editors, cloner, search);
  const actionsChanged = (): void => {
    tree.refreshItems();
    savedTree.refresh();
    panels.refreshActions();
  };
  context.subscriptions.push(cloner.onDidChange(actionsChanged), saved.onDidChange(actionsChanged), reading.onDidChange(() => tree.refreshItems()),
    onDidChangeSettings(['clone.allowedHosts'], actionsChanged));

  const papers: PaperCommandContext = { store, tree, panels, fetchPaper: (id) => feed.fetchPaper(id), reading };
  context.subscriptions.push(
    registerCommand(Commands.refresh, () => refresh(feed), log),
    registerCommand(Commands.selectWindow, (arg) => selectWindow(feed, arg), log),
    registerCommand(Commands.previousPeriod, () => stepPeriod(feed, -1), log),
    registerCommand(Commands.nextPeriod, () => stepPeriod(feed, 1), log),
    registerCommand(Commands.openPaper, (arg) => openPaper(papers, arg), log),
    registerCommand(Commands.search, (arg) => searchPapers({ search, feed, topics, isSaved: (id) => saved.has(id), canClone }, arg), log),
    registerCommand(Commands.openOnHuggingFace, (arg) => openInBrowser(papers, opener, 'huggingFace', arg), log),
    registerCommand(Commands.openOnArxiv, (arg) => openInBrowser(papers, opener, 'arxivAbstract', arg), log),
    registerCommand(Commands.openPdf, (arg) => openInBrowser(papers, opener, 'arxivPdf', arg), log),
    registerCommand(InternalCommands.openLink, (url, id) => openLink(opener, knownPaper, url, id), log),
    registerCommand(Commands.copyCitation, (arg, format) => copyCitation(papers, citations, context.globalState, arg, format), log),
    registerCommand(Commands.insertCitation, (arg, format) => insertCitation({ papers, citations, editors, bibFiles }, arg, format), log),
    registerCommand(Commands.cloneRepository, (arg) => cloneRepository({ papers, cloner, prompts: clonePrompts }, arg), log),
    registerCommand(Commands.openClonedRepository, (arg) => openClonedRepository({ papers, cloner, prompts: clonePrompts }, arg), log),
    registerCommand(Commands.setGrouping, (arg) => setGrouping(tree, arg), log),
    registerCommand(Commands.filter, (arg) => filterTree(tree, arg), log),
    registerCommand(Commands.clearFilter, () => tree.setFilter(undefined), log),
    registerCommand(Commands.markAllRead, () => markAllRead(reading), log),
    registerCommand(Commands.savePaper, (arg, selection) => savePaper(papers, saved, arg, selection), log),
    registerCommand(Commands.unsavePaper, (arg, selection) => unsavePaper(papers, saved, arg, selection), log),
    registerCommand(Commands.exportSaved, () => exportSaved(saved, libraryPrompts), log),
    registerCommand(Commands.setToken, () => setToken(feed), log),
    registerCommand(Commands.clearToken, () => clearToken(feed), log),
    registerCommand(Commands.clearCache, () => clearCache(feed, () => search.restart({ deleteIndex: true })), log),
    registerCommand(Commands.showLog, () => log.show(), log),
  );

  const loaded = new Promise<void>((resolve) => setTimeout(resolve, 0))
    .then(() => Promise.all([feed.start(), saved.load()]))
    .then(() => {
      search.start(); // the worker loads or builds the index; nothing waits for it
      return reading.initialize();
    })
    .catch((error: unknown) => {
    log.error('Could not load papers:', error instanceof Error ? (error.stack ?? error.message) : String(error));
  });

  // Restores paper panels after a window reload (activation event onWebviewPanel:paperFeed.paper).
  context.subscriptions.push(vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
    deserializeWebviewPanel: async (panel, state: unknown) => {
      await loaded;
      const id = (state as { paperId?: unknown } | undefined)?.paperId;
      // A window reloaded before the page saved its state still has the panel's title to go by.
      const paper = typeof id === 'string' ? store.get(id) : panels.findByPanelTitle(store.list(), panel.title);
      log.info(`Restoring a paper panel: ${paper?.id ?? `no paper for "${panel.title}"`}.`);
      panels.restore(panel, paper);
    },
  }));

  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms.`);
  const testing = context.extensionMode === vscode.ExtensionMode.Production ? undefined : {
    search, searchPickers, papersTree: tree, savedTree, panel: panels, opener, feed, citations, cloner, clonePrompts, topics, saved, reading, libraryPrompts, loaded, activationMs,
    bibFiles,
    globalState: context.globalState, globalStorageUri: context.globalStorageUri,
  };
  return createApi(store, citations, search, testing);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
