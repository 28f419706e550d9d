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
} as const;

/**
 * Registered but not contributed (not in the palette, not in the contract): only Paper Feed's own
 * Markdown runs these, through `command:` links that its MarkdownStrings enable by name.
 */
export const InternalCommands = {
  /** `[url, paperId?]`: a link from a tooltip, opened through the link policy (LinkOpener). */
  openLink: 'paperFeed.openLink',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands] | (typeof InternalCommands)[keyof typeof InternalCommands];
