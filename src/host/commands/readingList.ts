/**
 * The reading list's own commands: read and unread, a note and tags per saved paper, and how the
 * Saved view sorts and filters. Each paper command takes a tree node (with the multi-selection), an
 * arXiv id, or nothing (then the Saved view's selection, else as every paper command).
 */
import * as vscode from 'vscode';
import type { Paper } from '../../core/paper/model';
import { commonTags, formatTagInput, NOTE_MAX_LENGTH, normalizeNote, parseTagInput, retag } from '../../core/storage/savedFields';
import { isSavedSortBy, SAVED_SORT_ORDERS, type SavedSortBy } from '../../core/view/savedView';
import { escapeIcons, shortTitle } from '../../core/view/present';
import { updateSetting } from '../config';
import type { SavedPapers } from '../savedPapers';
import { isPaperNode } from '../tree/nodes';
import type { SavedTree } from '../tree/savedTree';
import { type PaperCommandContext, resolvePapers } from './openPaper';
import { UserError } from './register';

export interface ReadingListContext {
  readonly papers: PaperCommandContext;
  readonly saved: SavedPapers;
  readonly savedTree: SavedTree;
}

/** A menu passes the clicked node and the selected nodes; the palette passes nothing. */
function isSelection(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0 && value.every(isPaperNode);
}

/** The papers a command is about: the clicked node's selection, an id, else the Saved view's selection, else one paper. */
async function targetPapers(context: ReadingListContext, arg: unknown, selection: unknown): Promise<Paper[]> {
  if (arg === undefined && context.savedTree.view.visible) {
    const selected = context.savedTree.selectedPapers();
    if (selected.length > 0) {
      return selected;
    }
  }
  return resolvePapers(context.papers, arg, isSelection(selection) ? selection : undefined);
}

function titleOf(papers: readonly Paper[]): string {
  return papers.length === 1 ? `“${shortTitle(papers[0]?.title ?? '')}”` : String(papers.length);
}

/** `paperFeed.markRead` / `paperFeed.markUnread [paper]`: on every selected saved paper. */
export async function markRead(context: ReadingListContext, read: boolean, arg: unknown, selection: unknown): Promise<void> {
  const papers = await targetPapers(context, arg, selection);
  const saved = papers.filter((paper) => context.saved.has(paper.id));
  if (papers.length > 0 && saved.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is not on the reading list: save it first to mark it read or unread.', titleOf(papers)));
    return;
  }
  if (saved.length > 0) {
    await context.saved.edit(saved.map((paper) => paper.id), { read, at: new Date().toISOString() });
    vscode.window.setStatusBarMessage(read
      ? vscode.l10n.t('Marked {0} read.', escapeIcons(titleOf(saved)))
      : vscode.l10n.t('Marked {0} unread.', escapeIcons(titleOf(saved))), 4_000);
  }
}

/** Text typed into an input box (a palette or menu run), else the text a caller passed after the paper. */
function givenText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Saves papers that are not saved yet: a note or tags on a paper mean keeping it. */
async function ensureSaved(saved: SavedPapers, papers: readonly Paper[]): Promise<void> {
  const missing = papers.filter((paper) => !saved.has(paper.id));
  if (missing.length > 0) {
    await saved.save(missing);
  }
}

/** The value two or more papers share, else '' (then the box starts empty and sets it on all of them). */
function shared(values: readonly string[]): string {
  return values.every((value) => value === values[0]) ? values[0] ?? '' : '';
}

/**
 * `paperFeed.editNote [paper] [note]`: an input box with the current note (empty clears it); a
 * paper not saved yet is saved with its note. A note passed as the second argument is set as it is.
 */
export async function editNote(context: ReadingListContext, arg: unknown, second: unknown): Promise<void> {
  const papers = await targetPapers(context, arg, second);
  if (papers.length === 0) {
    return;
  }
  const current = shared(papers.map((paper) => context.saved.entry(paper.id)?.note ?? ''));
  // The box is one line: a note of several lines (from another window or the file) shows them with ' / '.
  const shown = current.replace(/\n/g, ' / ');
  const typed = givenText(second) ?? await vscode.window.showInputBox({
    title: vscode.l10n.t('Note for {0}', papers.length === 1 ? shortTitle(papers[0]?.title ?? '') : vscode.l10n.t('{0} papers', papers.length)),
    prompt: vscode.l10n.t('A short note on the reading list, at most {0} characters; empty removes it.', NOTE_MAX_LENGTH),
    value: shown,
    ignoreFocusOut: true,
    validateInput: (value) => (value.length > NOTE_MAX_LENGTH ? vscode.l10n.t('{0} characters: a note holds at most {1}.', value.length, NOTE_MAX_LENGTH) : undefined),
  });
  if (typed === undefined || (givenText(second) === undefined && typed === shown && papers.every((paper) => context.saved.has(paper.id)))) {
    return; // cancelled, or left as it was
  }
  await ensureSaved(context.saved, papers);
  await context.saved.edit(papers.map((paper) => paper.id), { note: normalizeNote(typed) });
}

/** Tags passed as the second argument: `"a, b"` or `["a", "b"]`. */
function givenTags(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string') ? value.join(',') : undefined;
}

/**
 * `paperFeed.editTags [paper] [tags]`: an input box with the current tags, separated by commas, and
 * the tags in use as a reminder; empty removes them; a paper not saved yet is saved with its tags.
 */
export async function editTags(context: ReadingListContext, arg: unknown, second: unknown): Promise<void> {
  const papers = await targetPapers(context, arg, second);
  if (papers.length === 0) {
    return;
  }
  // Several papers: the box holds the tags they all have, and what is added or removed there is
  // added to or removed from each, so that their other tags stay (`retag`).
  const own = papers.map((paper) => context.saved.entry(paper.id)?.tags ?? []);
  const common = commonTags(own);
  const current = formatTagInput(common);
  const inUse = context.saved.tags().slice(0, 20);
  const typed = givenTags(second) ?? await vscode.window.showInputBox({
    title: vscode.l10n.t('Tags for {0}', papers.length === 1 ? shortTitle(papers[0]?.title ?? '') : vscode.l10n.t('{0} papers', papers.length)),
    prompt: inUse.length > 0
      ? vscode.l10n.t('Tags separated by commas; empty removes them. In use: {0}', inUse.join(', '))
      : vscode.l10n.t('Tags separated by commas, e.g. agents, to cite; empty removes them.'),
    value: current,
    ignoreFocusOut: true,
  });
  if (typed === undefined) {
    return;
  }
  const wanted = parseTagInput(typed);
  const retagged = papers.length === 1 ? [wanted] : retag(own, common, wanted);
  if (!retagged || (papers.length === 1 && formatTagInput(wanted) === current && papers.every((paper) => context.saved.has(paper.id)))) {
    return; // left as it was
  }
  await ensureSaved(context.saved, papers);
  for (const [index, paper] of papers.entries()) {
    await context.saved.edit([paper.id], { tags: retagged[index] ?? [] });
  }
}

/** Labels as literal l10n.t calls, so that the l10n export finds them. */
function sortLabel(sortBy: SavedSortBy): string {
  const labels: Record<SavedSortBy, string> = {
    savedAt: vscode.l10n.t('Date Saved'),
    date: vscode.l10n.t('Paper Date'),
    upvotes: vscode.l10n.t('Upvotes'),
    title: vscode.l10n.t('Title'),
  };
  return labels[sortBy];
}

/** `paperFeed.sortSaved [order]`: the Saved view's order (`savedAt`, `date`, `upvotes`, `title`), remembered in the settings. */
export async function sortSaved(tree: SavedTree, arg: unknown): Promise<void> {
  if (typeof arg === 'string') {
    if (!isSavedSortBy(arg)) {
      throw new UserError(vscode.l10n.t('"{0}" is not an order of the Saved view: use {1}.', arg.slice(0, 40), SAVED_SORT_ORDERS.join(', ')));
    }
    await updateSetting('saved.sortBy', arg);
    return;
  }
  const current = tree.sortBy;
  const picked = await vscode.window.showQuickPick(SAVED_SORT_ORDERS.map((sortBy) => ({
    label: `${sortBy === current ? '$(check) ' : '$(blank) '}${sortLabel(sortBy)}`, sortBy,
  })), { title: vscode.l10n.t('Sort Saved Papers'), ignoreFocusOut: true });
  if (picked) {
    await updateSetting('saved.sortBy', picked.sortBy);
  }
}

/** `paperFeed.filterSaved [query]`: keeps only matching papers in the Saved view. */
export async function filterSaved(tree: SavedTree, arg: unknown): Promise<void> {
  const query = typeof arg === 'string' ? arg : await vscode.window.showInputBox({
    title: vscode.l10n.t('Filter Saved Papers'),
    prompt: vscode.l10n.t('Words to find in titles, authors, keywords, topics, notes or tags; tag:name for a tag, is:read or is:unread'),
    value: tree.filter ?? '',
    ignoreFocusOut: true,
  });
  if (query !== undefined) {
    tree.setFilter(query);
  }
}
