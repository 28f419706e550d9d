/**
 * Every name Paper Feed shares with VS Code or keeps state under: command, view and context-key ids,
 * the panel's view type, and the keys of its global, workspace and secret storage. Nothing else in
 * src spells one out (a unit test checks that); unit tests compare the contributed ones with
 * package.json both ways.
 */

/** The log channel, as the Output view lists it. */
export const LOG_CHANNEL_NAME = 'Paper Feed';

/** Every command id Paper Feed registers; a unit test compares this with package.json both ways. */
export const Commands = {
  refresh: 'paperFeed.refresh',
  selectWindow: 'paperFeed.selectWindow',
  previousPeriod: 'paperFeed.previousPeriod',
  nextPeriod: 'paperFeed.nextPeriod',
  openPaper: 'paperFeed.openPaper',
  search: 'paperFeed.search',
  openOnHuggingFace: 'paperFeed.openOnHuggingFace',
  openOnArxiv: 'paperFeed.openOnArxiv',
  openPdf: 'paperFeed.openPdf',
  copyCitation: 'paperFeed.copyCitation',
  insertCitation: 'paperFeed.insertCitation',
  cloneRepository: 'paperFeed.cloneRepository',
  openClonedRepository: 'paperFeed.openClonedRepository',
  savePaper: 'paperFeed.savePaper',
  unsavePaper: 'paperFeed.unsavePaper',
  exportSaved: 'paperFeed.exportSaved',
  markAllRead: 'paperFeed.markAllRead',
  setGrouping: 'paperFeed.setGrouping',
  filter: 'paperFeed.filter',
  clearFilter: 'paperFeed.clearFilter',
  setToken: 'paperFeed.setToken',
  clearToken: 'paperFeed.clearToken',
  clearCache: 'paperFeed.clearCache',
  showLog: 'paperFeed.showLog',
  downloadArchive: 'paperFeed.downloadArchive',
  /** A date row's one-click switch: topic subgroups inside each day (`grouping` `date-topic`). */
  groupByTopic: 'paperFeed.groupByTopic',
  /** Back to each day as one ranked list (`grouping` `date`). */
  showRankedList: 'paperFeed.showRankedList',
  showLatestPapers: 'paperFeed.showLatestPapers',
  showCachedPapers: 'paperFeed.showCachedPapers',
  markRead: 'paperFeed.markRead',
  markUnread: 'paperFeed.markUnread',
  editNote: 'paperFeed.editNote',
  editTags: 'paperFeed.editTags',
  sortSaved: 'paperFeed.sortSaved',
  filterSaved: 'paperFeed.filterSaved',
  clearSavedFilter: 'paperFeed.clearSavedFilter',
  addWatch: 'paperFeed.addWatch',
  removeWatch: 'paperFeed.removeWatch',
  /** The papers most like one (its name matches the panel's `showSimilar` button: PANEL_COMMANDS). */
  showSimilar: 'paperFeed.showSimilar',
  /** `[paper]`: the paper's full text from Hugging Face, cached, in VS Code's Markdown preview (the panel's `readFullText` button). */
  readFullText: 'paperFeed.readFullText',
  /** A passage selected in a full text, with the paper's citation in the default format. */
  copyQuote: 'paperFeed.copyQuote',
} as const;

/**
 * Registered but not contributed (not in the palette, not in the contract): only Paper Feed's own
 * Markdown runs these, through `command:` links that its MarkdownStrings enable by name.
 */
export const InternalCommands = {
  /** `[url, paperId?]`: a link from a tooltip, opened through the link policy (LinkOpener). */
  openLink: 'paperFeed.openLink',
  /** `[documentUri, paperId, key]`: the quick fix of a missing-key warning adds the paper's entry to the document's .bib. */
  addMissingEntry: 'paperFeed.addMissingEntry',
  /** `{uri, line, character, key, id}`: run by a citation completion item after it inserted a paper's key; adds the .bib entry. */
  citeCompletion: 'paperFeed.citeCompletion',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands] | (typeof InternalCommands)[keyof typeof InternalCommands];

/**
 * Language model tools (`contributes.languageModelTools`, registered with `vscode.lm.registerTool`):
 * what an agent in VS Code's chat can call. A unit test compares these with package.json both ways.
 */
export const LanguageModelTools = {
  searchPapers: 'paperFeed_searchPapers',
  getPaper: 'paperFeed_getPaper',
  listFeed: 'paperFeed_listFeed',
  formatCitation: 'paperFeed_formatCitation',
  insertCitations: 'paperFeed_insertCitations',
  saveToReadingList: 'paperFeed_saveToReadingList',
} as const;

export type LanguageModelToolName = (typeof LanguageModelTools)[keyof typeof LanguageModelTools];

/** The views of the Paper Feed container (`contributes.views`). */
export const Views = {
  papers: 'paperFeed.papers',
  saved: 'paperFeed.saved',
  watches: 'paperFeed.watches',
} as const;

/** Status bar items (`createStatusBarItem` ids: VS Code lets users hide an item by its id). */
export const StatusBarItems = {
  /** The archive backfill's progress, shown only while this window downloads. */
  archive: 'paperFeed.archive',
  /** "Added key to refs.bib" for a few seconds after Paper Feed changed a .bib. */
  bibAdded: 'paperFeed.bibAdded',
} as const;

/**
 * The URI scheme of tree rows' `resourceUri` (`paper-feed-row:/2508.10104?new`): it carries the
 * row's state to `PaperDecorations`, whose badge stays visible when a narrow sidebar cuts the row.
 */
export const ROW_URI_SCHEME = 'paper-feed-row';

/** The scheme of full-text documents (`paper-feed-fulltext:/2508.10104/Title.md`), read-only, from FullTextDocuments. */
export const FULLTEXT_URI_SCHEME = 'paper-feed-fulltext';

/** The paper panel's webview type (`onWebviewPanel:` in activationEvents, and its serializer). */
export const PANEL_VIEW_TYPE = 'paperFeed.paper';

/** Context keys set with `setContext`, read by `when` and `enablement` clauses in package.json. */
export const ContextKeys = {
  /** Previous Period applies to the shown window. */
  canStepBack: 'paperFeed.canStepBack',
  /** Next Period applies (the window is not the current period). */
  canStepForward: 'paperFeed.canStepForward',
  /** The Papers view is filtered (Clear Filter replaces Filter). */
  filtered: 'paperFeed.filtered',
  /** `paperFeed.grouping`, for the date rows' one-click switch between a ranked list and topics. */
  grouping: 'paperFeed.grouping',
  /** What the Papers view shows (`loading`, `empty`, `offline`, `error`, `papers`, `sample`): picks its welcome content. */
  viewState: 'paperFeed.viewState',
  /** The Saved view is filtered (Clear Filter replaces Filter there). */
  savedFiltered: 'paperFeed.savedFiltered',
  /** The active tab shows a full text (its Markdown preview or its document). */
  readingFullText: 'paperFeed.readingFullText',
} as const;

/** Keys in `ExtensionContext.globalState`: shared by every workspace. */
export const GlobalStateKeys = {
  /** Reading state: when the user last looked at the Papers view. */
  newBaseline: 'paperFeed.newBaseline',
  /** Reading state: papers opened since that look. */
  readIds: 'paperFeed.readIds',
  /** Where each paper was cloned, by paper id. */
  clones: 'paperFeed.clones',
  /** The citation format last picked in Copy Citation. */
  lastCitationFormat: 'paperFeed.lastCitationFormat',
  /** .bib files the user agreed to create, by URI. */
  createdBibFiles: 'paperFeed.createdBibFiles',
  /** Watched searches: each watch's last look (when, and the feed date then), by the watch's key. */
  watchLooks: 'paperFeed.watchLooks',
  /** Watched searches: papers opened, which are new for no watch. */
  watchReadIds: 'paperFeed.watchReadIds',
  /** Watched searches: the papers each watch's notification announced, by the watch's key. */
  watchAnnounced: 'paperFeed.watchAnnounced',
} as const;

/** Keys in `ExtensionContext.workspaceState`: this workspace only. */
export const WorkspaceStateKeys = {
  /** Answers about writing a .bib outside the workspace. */
  outsideBibAnswers: 'paperFeed.outsideBibAnswers',
} as const;

/** Keys in `ExtensionContext.secrets`. */
export const SecretKeys = {
  /** The Hugging Face token (Set Token). */
  hfToken: 'paperFeed.hfToken',
} as const;
