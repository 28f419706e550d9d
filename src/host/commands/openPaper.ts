import * as vscode from 'vscode';
import { parsePaperRef } from '../../core/paper/arxiv';
import { describeFailure } from '../../core/feed/failureReason';
import { failureText } from '../feed/failureText';
import type { Paper } from '../../core/paper/model';
import { describePaper, escapeIcons } from '../../core/view/present';
import type { PaperPanels } from '../panel/paperPanels';
import type { PaperStore } from '../paperStore';
import { isPaperNode } from '../tree/nodes';
import type { PapersTree } from '../tree/papersTree';
import type { ReadingState } from '../reading';
import { UserError } from './register';

export interface PaperCommandContext {
  readonly store: PaperStore;
  readonly tree: PapersTree;
  readonly panels: PaperPanels;
  /** A paper of the cache the host does not hold (the archive), read from disk. */
  readonly cachedPaper: (id: string) => Promise<Paper | undefined>;
  /** Asks Hugging Face for a paper Paper Feed has not seen. */
  readonly fetchPaper: (id: string) => Promise<Paper | undefined>;
  /** Opening a paper marks it read. */
  readonly reading?: ReadingState;
  /** The paper of a full text a command is about: named by its document (a menu's URI) or read in the active tab. */
  readonly fullTextPaper?: (arg: unknown) => string | undefined;
}

/**
 * The paper a command is about: the full text read (from its menus, or with no argument while it
 * is the active tab), the clicked tree node, an arXiv id or paper URL, else the tree selection, else
 * the paper open in the panel, else one the user picks.
 */
export async function resolvePaper(context: PaperCommandContext, arg: unknown): Promise<Paper | undefined> {
  const reading = context.fullTextPaper?.(arg);
  if (reading) {
    return byId(context, reading);
  }
  if (isPaperNode(arg)) {
    return arg.paper;
  }
  if (typeof arg === 'string') {
    const id = parsePaperRef(arg);
    if (!id) {
      throw new UserError(vscode.l10n.t('"{0}" is not an arXiv id or a paper URL.', arg.slice(0, 200)));
    }
    return byId(context, id);
  }
  return context.tree.selectedPaper()?.paper ?? context.panels.paper ?? pickPaper(context);
}

/**
 * The papers a command run from a tree is about: the tree's multi-selection when the clicked row is
 * part of it (VS Code passes the clicked node, then the selection), or, from the palette, the
 * Papers view's selection of several; else the one paper `resolvePaper` finds.
 */
export async function resolvePapers(context: PaperCommandContext, arg: unknown, selection: unknown): Promise<Paper[]> {
  if (Array.isArray(selection) && selection.length > 1 && selection.every(isPaperNode)
    && (!isPaperNode(arg) || selection.some((node) => node.id === arg.id))) {
    return selection.map((node) => node.paper);
  }
  if (arg === undefined) {
    const selected = context.tree.selectedPapers();
    if (selected.length > 1) {
      return selected;
    }
  }
  const paper = await resolvePaper(context, arg);
  return paper ? [paper] : [];
}

/** Past this many selected papers, opening each (a panel, a browser tab) is asked about first. */
const ASK_ABOVE = 10;

/** Whether to go on opening `count` papers one by one: yes for a few, asked for many. */
export async function confirmOpenMany(count: number): Promise<boolean> {
  if (count <= ASK_ABOVE) {
    return true;
  }
  const open = vscode.l10n.t('Open {0}', count);
  return (await vscode.window.showWarningMessage(vscode.l10n.t('Open {0} papers, each on its own?', count), { modal: true }, open)) === open;
}

/** A known paper, else one fetched from Hugging Face with progress; a clear error when there is none. */
async function byId(context: PaperCommandContext, id: string): Promise<Paper> {
  const known = context.store.get(id) ?? (await context.cachedPaper(id));
  if (known) {
    return known;
  }
  let paper: Paper | undefined;
  try {
    paper = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Paper Feed: looking up arXiv:{0} on Hugging Face', id) },
      () => context.fetchPaper(id),
    );
  } catch (error) {
    throw new UserError(vscode.l10n.t('Paper {0} is not in the cache, and Hugging Face could not be asked: {1}', id, failureText(describeFailure(error))));
  }
  if (!paper) {
    throw new UserError(vscode.l10n.t('Hugging Face has no paper page for arXiv:{0}.', id));
  }
  return paper;
}

interface PaperItem extends vscode.QuickPickItem {
  readonly paper?: Paper;
  readonly id?: string;
}

/** Pick from the papers shown in the tree, or type an arXiv id or paper URL. */
async function pickPaper(context: PaperCommandContext): Promise<Paper | undefined> {
  const papers: PaperItem[] = context.store.view.papers.map((paper) => ({
    label: escapeIcons(paper.title),
    description: escapeIcons(describePaper(paper)),
    detail: paper.id,
    paper,
  }));
  const quickPick = vscode.window.createQuickPick<PaperItem>();
  quickPick.title = vscode.l10n.t('Open Paper');
  quickPick.ignoreFocusOut = true;
  quickPick.placeholder = vscode.l10n.t('Choose a paper, or type an arXiv id or a paper URL');
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = papers;
  const picked = await new Promise<PaperItem | undefined>((resolve) => {
    quickPick.onDidChangeValue((value) => {
      const id = parsePaperRef(value);
      const typed: PaperItem[] = id ? [{ label: `$(link) arXiv:${id}`, description: vscode.l10n.t('open this paper'), alwaysShow: true, id }] : [];
      quickPick.items = [...typed, ...papers];
    });
    quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
  });
  quickPick.dispose();
  if (picked?.paper) {
    return picked.paper;
  }
  return picked?.id ? byId(context, picked.id) : undefined;
}

/**
 * `paperFeed.openPaper [paper]`: shows the paper in the panel and marks it read; opened from
 * anywhere but the tree (search, the palette, a link), it is also revealed in the Papers view.
 */
export async function openPaper(context: PaperCommandContext, arg: unknown, selection?: unknown): Promise<void> {
  const papers = await resolvePapers(context, arg, selection);
  const [paper, ...others] = papers;
  if (!paper || !(await confirmOpenMany(papers.length))) {
    return;
  }
  // Several papers: one panel each, whatever paperFeed.panel.reuse says, the first one last so that it is in front.
  for (const other of others.reverse()) {
    context.panels.show(other, { reuse: false });
    await context.reading?.markRead(other.id);
  }
  context.panels.show(paper, others.length > 0 ? { reuse: false } : {});
  await context.reading?.markRead(paper.id);
  if (context.tree.selectedPaper()?.paper.id !== paper.id) {
    void context.tree.reveal(paper.id);
  }
}
