import * as vscode from 'vscode';
import { clockFromEnv } from './core/clock';
import { createApi, type PaperFeedApi } from './host/api';
import { Commands } from './host/commands/ids';
import { openPaper, type PaperCommandContext } from './host/commands/openPaper';
import { refresh } from './host/commands/refresh';
import { registerCommand } from './host/commands/register';
import { clearCache, clearToken, setToken } from './host/commands/settings';
import { selectWindow, stepPeriod } from './host/commands/window';
import { FeedService } from './host/feedService';
import { PaperPanel } from './host/panel/paperPanel';
import { PaperStore } from './host/paperStore';
import { PapersTree } from './host/tree/papersTree';

/**
 * The composition root: builds the services, registers commands and views, and returns at once.
 * Loading papers (cache, then network) happens after activation, off the critical path.
 */
export function activate(context: vscode.ExtensionContext): PaperFeedApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Paper Feed', { log: true });
  context.subscriptions.push(log);
  const clock = clockFromEnv(process.env.PAPER_FEED_NOW, (value) =>
    log.warn(`Ignoring PAPER_FEED_NOW=${value}: not an ISO date or date-time.`));

  const store = new PaperStore();
  const tree = new PapersTree(store, clock);
  const panel = new PaperPanel(context.extensionUri, log);
  const feed = new FeedService({ context, store, log, clock });
  context.subscriptions.push(store, tree, panel, feed);

  const papers: PaperCommandContext = { store, tree, panel };
  context.subscriptions.push(
    registerCommand(Commands.refresh, () => refresh(feed), log),
    registerCommand(Commands.selectWindow, (arg) => selectWindow(feed, arg), log),
    registerCommand(Commands.previousPeriod, () => stepPeriod(feed, -1), log),
    registerCommand(Commands.nextPeriod, () => stepPeriod(feed, 1), log),
    registerCommand(Commands.openPaper, (arg) => openPaper(papers, arg), log),
    registerCommand(Commands.setToken, () => setToken(feed), log),
    registerCommand(Commands.clearToken, () => clearToken(feed), log),
    registerCommand(Commands.clearCache, () => clearCache(feed), log),
    registerCommand(Commands.showLog, () => log.show(), log),
  );

  const loaded = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => feed.start()).catch((error: unknown) => {
    log.error('Could not load papers:', error instanceof Error ? (error.stack ?? error.message) : String(error));
  });

  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms.`);
  const testing = context.extensionMode === vscode.ExtensionMode.Production ? undefined : {
    papersTree: tree, panel, feed, loaded, activationMs,
    globalState: context.globalState, globalStorageUri: context.globalStorageUri,
  };
  return createApi(store, testing);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
