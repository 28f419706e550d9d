import * as vscode from 'vscode';
import { abstractRepos } from './core/clone/candidates';
import type { Paper } from './core/paper/model';
import { clockFromEnv } from './core/time/clock';
import { archiveIntervalFromEnv } from './core/feed/archiveBackfill';
import { createApi, type PaperFeedApi } from './host/api';
import { ArchiveService } from './host/archive/archiveService';
import { BibFiles } from './host/bibFiles';
import { BibStatus } from './host/bibStatus';
import { BibIndex } from './host/citing/bibIndex';
import { DocumentCites } from './host/citing/documentCites';
import { registerCiting } from './host/citing/registerCiting';
import { Citations } from './host/citations';
import { Cloner } from './host/clone/cloner';
import { ArchivePrompts } from './host/commands/archive';
import { allowedHosts, canClone, ClonePrompts } from './host/commands/clone';
import { LibraryPrompts } from './host/commands/library';
import { registerCommands } from './host/commands/registerCommands';
import { searchPickers } from './host/commands/search';
import { similarPickers } from './host/commands/showSimilar';
import { onDidChangeSettings, readPanelReuse } from './host/config';
import { EditorTracker } from './host/editorTracker';
import { Enrichment } from './host/enrichment';
import { errorText, showFailure } from './host/failure';
import { FeedService } from './host/feed/feedService';
import { userAgent } from './host/feed/hfClientFactory';
import { Commands, LOG_CHANNEL_NAME, PANEL_VIEW_TYPE } from './host/ids';
import { LinkOpener } from './host/linkOpener';
import { PaperPanels } from './host/panel/paperPanels';
import { PaperStore } from './host/paperStore';
import { ReadingState } from './host/reading';
import { SavedPapers } from './host/savedPapers';
import { SearchService } from './host/searchService';
import { registerTools } from './host/tools/registerTools';
import { TopicService } from './host/topics';
import { ForYouRanker } from './host/tree/forYouRanker';
import type { PaperItemState } from './host/tree/paperItem';
import { PaperDecorations } from './host/tree/paperDecorations';
import { PapersTree } from './host/tree/papersTree';
import { SavedTree } from './host/tree/savedTree';
import { WatchQuestions } from './host/commands/watches';
import { quotePickers } from './host/commands/readFullText';
import { WatchesTree, WatchPrompts } from './host/watches/watchesTree';
import { WatchState } from './host/watches/watchState';
import { WindowFocus } from './host/watches/windowFocus';
import { FullTextPrompts, FullTexts } from './host/fulltext/fullTexts';
import { FullTextContext } from './host/fulltext/fullTextContext';
import type { PaperActions } from './shared/protocol';

/**
 * The composition root: builds the services, registers commands and views, and returns at once.
 * Loading papers (cache, then network) happens after activation, off the critical path. A failure
 * of either is shown to the user (VS Code itself shows nothing), with the log a click away.
 */
export function activate(context: vscode.ExtensionContext): PaperFeedApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
  context.subscriptions.push(log);
  try {
    return compose(context, log, started);
  } catch (error) {
    void showFailure(log, vscode.l10n.t('Paper Feed could not start: {0}', errorText(error)), error);
    throw error;
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

function compose(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, started: number): PaperFeedApi {
  const clock = clockFromEnv(process.env.PAPER_FEED_NOW, (value) =>
    log.warn(`Ignoring PAPER_FEED_NOW=${value}: not an ISO date or date-time.`));

  const store = new PaperStore();
  const feed = new FeedService({ context, store, log, clock });
  const cloner = new Cloner(context.globalState, log);
  const clonePrompts = new ClonePrompts();
  const topics = new TopicService(log);
  const saved = new SavedPapers(context.globalStorageUri, log);
  const reading = new ReadingState(context.globalState, (id) => feed.seenAt(id), clock);
  const itemState = (paper: Paper): PaperItemState => ({
    canClone: canClone(paper), cloned: cloner.clonedFolder(paper.id) !== undefined, saved: saved.has(paper.id), isNew: reading.isNew(paper),
  });
  const paperActions = (paper: Paper): PaperActions => {
    const entry = saved.entry(paper.id);
    return {
      canClone: canClone(paper), cloned: cloner.clonedFolder(paper.id) !== undefined, saved: entry !== undefined,
      ...(entry ? { reading: { read: entry.readAt !== undefined, note: entry.note ?? '', tags: entry.tags ?? [] } } : {}),
    };
  };
  // The search service exists by the time the first load is over, when the ranker starts asking it.
  const forYou = new ForYouRanker({
    store, saved, log, score: (window, savedPapers) => search.forYou(window, savedPapers), onIndexUpdated: (listener) => search.onDidUpdate(listener),
  });
  const tree = new PapersTree({ store, clock, topics, state: itemState, isNew: (paper) => reading.isNew(paper), enrich: (paper) => enrichment.apply(paper), forYou });
  const savedTree = new SavedTree(saved, topics, itemState, (paper) => enrichment.apply(paper));
  reading.watch(tree.view);
  const watchState = new WatchState(context.globalState, clock);
  const watchPrompts = new WatchPrompts();
  const watchFocus = new WindowFocus();
  const watchQuestions = new WatchQuestions();
  const watchesTree = new WatchesTree({
    store, topics, state: watchState, seenAt: (id) => feed.seenAt(id), itemState, enrich: (paper) => enrichment.apply(paper), prompts: watchPrompts, focus: watchFocus, log,
  });
  const opener = new LinkOpener(log);
  const enrichment = new Enrichment(context.globalStorageUri, () => userAgent(context), log);
  const citations = new Citations(log, enrichment);
  const bibFiles = new BibFiles(context.workspaceState, context.globalState, log, undefined, (paper) => citations.prepare(paper));
  const bibStatus = new BibStatus(bibFiles, log);
  const bibIndex = new BibIndex(bibFiles, log);
  const cites = new DocumentCites();
  const editors = new EditorTracker();
  const libraryPrompts = new LibraryPrompts();
  const search = new SearchService(context, feed, store, topics, log);
  // The archive's months go to the cache and, as they come, to the search index (not into the store).
  const archive = new ArchiveService({
    feed, log, clock,
    intervalMs: archiveIntervalFromEnv(process.env.PAPER_FEED_ARCHIVE_INTERVAL_MS, (value) =>
      log.warn(`Ignoring PAPER_FEED_ARCHIVE_INTERVAL_MS=${value}: not a whole number of milliseconds.`)),
    onMonth: (papers, key) => {
      search.addFound(papers);
      void feed.recorded(key); // the Papers view may be showing that month
    },
  });
  const archivePrompts = new ArchivePrompts();
  const fullTextPrompts = new FullTextPrompts();
  const fullTexts = new FullTexts({
    cacheDir: feed.cache.dir,
    client: () => feed.createClient(),
    explainFailure: (error, what) => feed.explainFailure(error, what),
    offline: () => store.view.error !== undefined && store.view.offline === true,
    savedIds: () => saved.list().map((entry) => entry.paper.id),
    onDidChangeSaved: saved.onDidChange,
    searchFullTexts: (ids) => search.setFullTextPapers(ids),
    paperOf: async (id) => store.get(id) ?? saved.entry(id)?.paper ?? (await search.cachedPaper(id)),
    openLink: (url, paper) => opener.open(url, paper),
    log,
    prompts: fullTextPrompts,
  });

  const panels = new PaperPanels({
    extensionUri: context.extensionUri,
    log,
    opener,
    reuse: readPanelReuse,
    runCommand: (command, paper) => vscode.commands.executeCommand(Commands[command], paper.id),
    actions: paperActions,
    linkedRepos: (id, signal) => feed.createClient().linkedRepos(id, signal),
    papers: store,
    // Asked only when VS Code restores a panel, after activate has returned and `loaded` exists.
    loaded: () => loaded,
    search: (query) => vscode.commands.executeCommand(Commands.search, query),
    abstractRepos: (paper) => abstractRepos(paper, allowedHosts()),
    cloneFromAbstract: (paper, url) => vscode.commands.executeCommand(Commands.cloneRepository, paper.id, url),
    enrich: enrichment,
    // Looked up through `search` at each ask, so that the integration tests can hold an answer back.
    similar: (paper, limit) => search.similar(paper, limit),
    similarUpdated: search.onDidUpdate,
    openPaper: (id) => vscode.commands.executeCommand(Commands.openPaper, id),
  });
  context.subscriptions.push(fullTexts, new FullTextContext(fullTexts));
  context.subscriptions.push(enrichment, store, topics, saved, reading, forYou, tree, savedTree, watchState, watchFocus, watchesTree, panels, feed, editors, cloner, search, archive, bibIndex, cites, bibFiles, bibStatus);
  // Restores paper panels after a window reload (activation event onWebviewPanel:paperFeed.paper).
  context.subscriptions.push(vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, panels));
  context.subscriptions.push(PaperDecorations.register());
  const actionsChanged = (): void => {
    tree.refreshItems();
    savedTree.refresh();
    watchesTree.refreshItems();
    panels.refreshActions();
  };
  context.subscriptions.push(cloner.onDidChange(actionsChanged), saved.onDidChange(actionsChanged), reading.onDidChange(() => tree.refreshItems()),
    reading.onDidMarkRead((id) => void watchState.markRead(id)),
    onDidChangeSettings(['clone.allowedHosts'], actionsChanged));
  // arXiv is asked about the papers on screen; an answer updates the panels showing them.
  context.subscriptions.push(store.onDidChange(() => enrichment.want(store.view.papers, 'shown')),
    saved.onDidChange(() => enrichment.want(saved.list().map((entry) => entry.paper), 'shown')),
    enrichment.onDidChange((ids) => panels.refreshPapers(ids)));
  context.subscriptions.push(...registerCommands({
    log, globalState: context.globalState, store, tree, savedTree, panels, feed, search, topics, saved, reading, opener, citations, bibFiles, editors, cloner, clonePrompts, libraryPrompts,
    archive, archivePrompts, watchesTree, watchState, watchQuestions, fullTexts,
  }));
  context.subscriptions.push(...registerCiting({ log, bibIndex, cites, bibFiles, search, saved, store }));
  // Language model tools for agents in VS Code's chat; they wait for the first load themselves.
  const tools = registerTools({ log, store, search, feed, topics, citations, bibFiles, editors, saved, loaded: () => loaded, isTrusted: () => vscode.workspace.isTrusted });
  context.subscriptions.push(...tools.disposables);

  // Loading starts once everything is registered, so a failed activation loads nothing.
  const loaded = new Promise<void>((resolve) => setTimeout(resolve, 0))
    .then(() => Promise.all([feed.start(), saved.load(), enrichment.start()]))
    .finally(() => search.firstLoadDone())
    .then(() => reading.initialize())
    .catch((error: unknown) => feed.reportLoadFailure(error));
  // The archive downloads in the background once the feed's first load is over.
  void loaded.then(() => archive.start());
  void loaded.then(() => fullTexts.start());
  // For you ranks once the reading list is read (before, it would ask for three saved papers).
  void loaded.then(() => forYou.start());

  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms.`);
  const testing = context.extensionMode === vscode.ExtensionMode.Production ? undefined : {
    search, searchPickers, similarPickers, papersTree: tree, forYou, savedTree, panel: panels, opener, feed, citations, cloner, clonePrompts, topics, saved, reading, libraryPrompts, loaded, activationMs,
    bibFiles, bibStatus, bibIndex, archive, archivePrompts, enrichment, tools: tools.tools,
    globalState: context.globalState, globalStorageUri: context.globalStorageUri, watchesTree, watchState, watchPrompts, watchQuestions, watchFocus,
    fullTexts, fullTextPrompts, quotePickers,
  };
  return createApi(store, citations, search, testing);
}
