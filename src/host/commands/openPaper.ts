import * as vscode from 'vscode';
import { parsePaperRef } from '../../core/arxiv';
import type { Paper } from '../../core/model';
import { describePaper } from '../../core/present';
import type { PaperPanels } from '../panel/paperPanels';
import type { PaperStore } from '../paperStore';
import { isPaperNode } from '../tree/nodes';
import type { PapersTree } from '../tree/papersTree';
import { UserError } from './register';

export interface PaperCommandContext {
  readonly store: PaperStore;
  readonly tree: PapersTree;
  readonly panels: PaperPanels;
}

/**
 * The paper a command is about: the clicked tree node, an arXiv id or paper URL, else the tree
 * selection, else the paper open in the panel, else one the user picks.
 */
export async function resolvePaper(context: PaperCommandContext, arg: unknown): Promise<Paper | undefined> {
  if (isPaperNode(arg)) {
    return arg.paper;
  }
  if (typeof arg === 'string') {
    const id = parsePaperRef(arg);
    if (!id) {
      throw new UserError(vscode.l10n.t('"{0}" is not an arXiv id or a paper URL.', arg.slice(0, 200)));
    }
    const paper = context.store.get(id);
    if (!paper) {
      throw new UserError(vscode.l10n.t('Paper {0} is not in the feed that Paper Feed has loaded.', id));
    }
    return paper;
  }
  return context.tree.selectedPaper()?.paper ?? context.panels.paper ?? pickPaper(context.store);
}

async function pickPaper(store: PaperStore): Promise<Paper | undefined> {
  const items = store.list().map((paper) => ({
    label: paper.title,
    description: describePaper(paper),
    detail: paper.id,
    paper,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Open Paper'),
    placeHolder: vscode.l10n.t('Choose a paper'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.paper;
}

export async function openPaper(context: PaperCommandContext, arg: unknown): Promise<void> {
  const paper = await resolvePaper(context, arg);
  if (paper) {
    context.panels.show(paper);
  }
}
