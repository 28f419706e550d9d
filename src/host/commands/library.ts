import * as path from 'node:path';
import * as vscode from 'vscode';
import { bibtexCandidate, planBibAppends } from '../../core/citation/bibfile';
import { citationKey } from '../../core/citation/keys';
import { FOR_YOU_MIN_SAVED } from '../../core/view/forYouOrder';
import { GROUPINGS, type Grouping, isGrouping, SORT_ORDERS, type SortBy } from '../../core/view/groups';
import { escapeIcons } from '../../core/view/present';
import { appendToBib } from '../bibWrite';
import { readCitationConfig, updateSetting } from '../config';
import { Commands } from '../ids';
import type { ReadingState } from '../reading';
import type { SavedPapers } from '../savedPapers';
import type { Paper } from '../../core/paper/model';
import type { PapersTree } from '../tree/papersTree';
import { type PaperCommandContext, resolvePapers } from './openPaper';
import { UserError } from './register';

/** Dialogs of the reading-list commands, replaceable by the integration tests. */
export class LibraryPrompts {
  exportTarget: (defaultUri: vscode.Uri | undefined) => Thenable<vscode.Uri | undefined> = (defaultUri) =>
    vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export the reading list as BibTeX'),
      filters: { BibTeX: ['bib'] },
      saveLabel: vscode.l10n.t('Export'),
      ...(defaultUri ? { defaultUri } : {}),
    });
}

/** Labels as literal l10n.t calls, so that the l10n export finds them. */
function groupingLabel(grouping: Grouping): string {
  const labels: Record<Grouping, string> = {
    'date-topic': vscode.l10n.t('Date, then Topic'),
    'topic-date': vscode.l10n.t('Topic, then Date'),
    date: vscode.l10n.t('Date'),
    topic: vscode.l10n.t('Topic'),
    forYou: vscode.l10n.t('For You'),
  };
  return labels[grouping];
}

function sortLabel(sortBy: SortBy): string {
  const labels: Record<SortBy, string> = {
    upvotes: vscode.l10n.t('Upvotes'), date: vscode.l10n.t('Date'), title: vscode.l10n.t('Title'), forYou: vscode.l10n.t('For You'),
  };
  return labels[sortBy];
}

interface GroupingItem extends vscode.QuickPickItem {
  readonly grouping?: Grouping;
  readonly sortBy?: SortBy;
}

/** What the For you entries say: what they rank by, or what they still need. */
function forYouDetail(savedCount: number, what: string): string {
  return savedCount < FOR_YOU_MIN_SAVED ? vscode.l10n.t('{0} · needs three saved papers (you have {1})', what, savedCount) : what;
}

/** `paperFeed.setGrouping [grouping]`: how the Papers view groups (and sorts), remembered in the settings. */
export async function setGrouping(tree: PapersTree, saved: SavedPapers, arg: unknown): Promise<void> {
  if (arg !== undefined && typeof arg === 'string') {
    if (!isGrouping(arg)) {
      throw new UserError(vscode.l10n.t('"{0}" is not a grouping: use {1}.', arg.slice(0, 40), GROUPINGS.join(', ')));
    }
    await updateSetting('grouping', arg);
    return;
  }
  const savedCount = saved.list().length;
  const items: GroupingItem[] = [
    { label: vscode.l10n.t('Group by'), kind: vscode.QuickPickItemKind.Separator },
    ...GROUPINGS.map((grouping) => ({
      label: `${grouping === tree.grouping ? '$(check) ' : ''}${groupingLabel(grouping)}`, grouping, 
      ...(grouping === 'forYou' ? { description: forYouDetail(savedCount, vscode.l10n.t('a group for each saved paper, papers most like it first')) } : {}),
    })),
    { label: vscode.l10n.t('Sort papers by'), kind: vscode.QuickPickItemKind.Separator },
    ...SORT_ORDERS.map((sortBy) => ({
      label: `${sortBy === tree.sortBy ? '$(check) ' : ''}${sortLabel(sortBy)}`, sortBy, 
      ...(sortBy === 'forYou' ? { description: forYouDetail(savedCount, vscode.l10n.t('most like your saved papers first')) } : {}),
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Group and Sort Papers'), ignoreFocusOut: true });
  if (picked?.grouping) {
    await updateSetting('grouping', picked.grouping);
  } else if (picked?.sortBy) {
    await updateSetting('sortBy', picked.sortBy);
  }
}

/**
 * `paperFeed.groupByTopic` / `paperFeed.showRankedList`: the date rows' one-click switch between
 * each day as one ranked list and each day split into topics.
 */
export function groupDaysByTopic(byTopic: boolean): Thenable<void> {
  return updateSetting('grouping', byTopic ? 'date-topic' : 'date');
}

/**
 * `paperFeed.filter [query]`: keeps only matching papers in the Papers view. It speaks Search
 * Papers' language (words, `author:`, `topic:`, `has:code`…) on the papers the view shows; its
 * prompt says so, and a button hands what was typed to Search Papers, which looks through them all.
 */
export async function filterTree(tree: PapersTree, arg: unknown): Promise<void> {
  if (typeof arg === 'string') {
    tree.setFilter(arg);
    return;
  }
  const input = vscode.window.createInputBox();
  input.title = vscode.l10n.t('Filter Shown Papers');
  input.prompt = vscode.l10n.t('Only the papers in this view. Words and filters as in Search Papers: author:, topic:, org:, has:code, after:, before:. To look through every paper, use Search Papers.');
  input.placeholder = vscode.l10n.t('e.g. diffusion author:"yann lecun" has:code');
  input.value = tree.filter ?? '';
  input.ignoreFocusOut = true;
  const searchInstead: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('search'), tooltip: vscode.l10n.t('Search All Papers Instead') };
  input.buttons = [searchInstead];
  const outcome = await new Promise<{ readonly filter?: string; readonly search?: string } | undefined>((resolve) => {
    input.onDidAccept(() => resolve({ filter: input.value }));
    input.onDidTriggerButton(() => resolve({ search: input.value }));
    input.onDidHide(() => resolve(undefined));
    input.show();
  });
  input.dispose();
  if (outcome?.filter !== undefined) {
    tree.setFilter(outcome.filter);
  } else if (outcome?.search !== undefined) {
    await vscode.commands.executeCommand(Commands.search, outcome.search);
  }
}

export async function savePaper(context: PaperCommandContext, saved: SavedPapers, arg: unknown, selection: unknown): Promise<void> {
  const papers = await resolvePapers(context, arg, selection);
  if (papers.length > 0) {
    await saved.save(papers);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Saved {0} to the reading list.', papers.length === 1 ? `“${escapeIcons(papers[0]?.title ?? '')}”` : String(papers.length)), 4_000);
  }
}

export async function unsavePaper(context: PaperCommandContext, saved: SavedPapers, arg: unknown, selection: unknown): Promise<void> {
  const papers = await resolvePapers(context, arg, selection);
  if (papers.length > 0) {
    await saved.unsave(papers.map((paper) => paper.id));
  }
}

export async function markAllRead(reading: ReadingState): Promise<void> {
  await reading.markAllRead();
}

/**
 * `paperFeed.exportSaved`: the reading list as BibTeX into a .bib file the user picks. An existing
 * file is added to, never overwritten: papers it has (same arXiv id or DOI) are left as they are. The
 * entries go where Insert Citation's go (bibWrite.ts): into the open document when it has unsaved changes.
 * Returns the file written and how many entries were added.
 */
export async function exportSaved(saved: SavedPapers, prompts: LibraryPrompts, enrich: (paper: Paper) => Paper = (paper) => paper): Promise<{ file: string; added: number } | undefined> {
  const entries = saved.list();
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The reading list is empty: save papers from the Papers view or the paper panel first.'));
    return undefined;
  }
  const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.uri.scheme === 'file');
  const target = await prompts.exportTarget(folder ? vscode.Uri.joinPath(folder.uri, 'reading-list.bib') : undefined);
  if (!target) {
    return undefined;
  }
  if (target.scheme !== 'file') {
    throw new UserError(vscode.l10n.t('Paper Feed exports to files on this machine only.'));
  }
  const config = readCitationConfig(target);
  // Oldest saved first, so that a re-export appends new papers at the end.
  const candidates = [...entries].reverse().map(({ paper }) => bibtexCandidate(enrich(paper), citationKey(paper, config.keyFormat), config.entry));
  let added: number;
  try {
    const outcome = await appendToBib(target, (text) => planBibAppends(text, candidates), true);
    added = outcome?.added ?? 0;
  } catch (error) {
    throw new UserError(vscode.l10n.t('Could not export the reading list to {0}: {1}', target.fsPath, error instanceof Error ? error.message : String(error)));
  }
  void vscode.window.showInformationMessage(added === entries.length
    ? vscode.l10n.t('Exported {0} papers to {1}.', added, path.basename(target.fsPath))
    : vscode.l10n.t('Added {0} papers to {1}; {2} were there already.', added, path.basename(target.fsPath), entries.length - added));
  return { file: target.fsPath, added };
}
