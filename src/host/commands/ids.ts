/** Every command id Paper Feed registers; a unit test compares this with package.json both ways. */
export const Commands = {
  refresh: 'paperFeed.refresh',
  openPaper: 'paperFeed.openPaper',
  showLog: 'paperFeed.showLog',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];
