import * as vscode from 'vscode';
import { cleanPassage, isPassageOf, quotableParagraphs, quoteWithCitation } from '../../core/fulltext/quote';
import { FORMAT_LABELS, type BuiltInFormat } from '../../core/citation/format';
import { escapeIcons, escapeMessageLinks, shortTitle } from '../../core/view/present';
import type { Citations } from '../citations';
import { readCitationConfig } from '../config';
import { fullTextIdOf } from '../fulltext/fullTextDocuments';
import type { FullTexts } from '../fulltext/fullTexts';
import { confirmOpenMany, type PaperCommandContext, resolvePaper, resolvePapers } from './openPaper';
import { UserError } from './register';

export interface FullTextCommandDeps {
  readonly papers: PaperCommandContext;
  readonly fullTexts: FullTexts;
  readonly citations: Citations;
}

/**
 * `paperFeed.readFullText [paper]`: the paper's full text in VS Code's Markdown preview (fetched once,
 * then kept). From a text editor of the user's it opens beside it, so the document being written stays
 * in view; from the panel or the tree, in the active group.
 */
export async function readFullText(deps: FullTextCommandDeps, arg: unknown, selection?: unknown): Promise<void> {
  const papers = await resolvePapers(deps.papers, arg, selection);
  if (!(await confirmOpenMany(papers.length))) {
    return;
  }
  const active = vscode.window.activeTextEditor;
  const beside = active !== undefined && fullTextIdOf(active.document.uri) === undefined && active.document.uri.scheme !== 'output';
  for (const paper of papers) {
    await deps.fullTexts.open(paper, { beside });
  }
}

/** Test hook: the picker Copy Quote shows when it has no passage, to answer it. */
export const quotePickers: { current?: vscode.QuickPick<vscode.QuickPickItem> } = {};

/**
 * `paperFeed.copyQuote`: a passage of the full text being read, with the paper's citation in
 * `paperFeed.citation.defaultFormat`, on the clipboard. The passage is the selection of the full
 * text's document; from the preview (whose selection VS Code does not give to extensions) it is the
 * text the user copied from it (Ctrl+C), once it is found in the paper; else the user picks a
 * paragraph by typing some of its words.
 */
export async function copyQuote(deps: FullTextCommandDeps, arg: unknown): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const editorId = fullTextIdOf(editor?.document.uri);
  const id = fullTextIdOf(arg) ?? editorId ?? deps.fullTexts.activePaperId();
  if (!id) {
    throw new UserError(vscode.l10n.t('Copy Quote with Citation quotes the full text being read: open one with Read Full Text, then select a passage.'));
  }
  const paper = await resolvePaper(deps.papers, id);
  if (!paper) {
    return;
  }
  let passage: string | undefined;
  if (editor && editorId === id && editor.selections.some((range) => !range.isEmpty)) {
    passage = cleanPassage(editor.selections.filter((range) => !range.isEmpty).map((range) => editor.document.getText(range)).join('\n\n'));
  } else {
    passage = await passageFromPreview(deps, id);
  }
  if (!passage) {
    return;
  }
  const format = readCitationConfig().defaultFormat;
  const citation = await deps.citations.format(paper, format);
  await vscode.env.clipboard.writeText(quoteWithCitation(passage, citation));
  const label = format in FORMAT_LABELS ? FORMAT_LABELS[format as BuiltInFormat] : format;
  void vscode.window.showInformationMessage(vscode.l10n.t('Copied a quote from “{0}” with its citation ({1}).', escapeMessageLinks(shortTitle(paper.title)), label));
}

/** The passage copied from the preview, if it is the paper's; else one picked among its paragraphs. */
async function passageFromPreview(deps: FullTextCommandDeps, id: string): Promise<string | undefined> {
  const document = await deps.fullTexts.renderKept(id);
  if (document === undefined) {
    throw new UserError(vscode.l10n.t('The full text of arXiv:{0} is not kept any more: use Read Full Text again.', id));
  }
  // VS Code gives extensions no webview's selection: what the user copied from the preview (Ctrl+C)
  // is on the clipboard. Asking VS Code to copy would copy from whatever has focus (a line of another
  // editor, with no selection), so the clipboard is only read, and used only if it is this paper's.
  const copied = await Promise.resolve(vscode.env.clipboard.readText()).catch(() => '');
  if (copied.trim() && isPassageOf(copied, document)) {
    return cleanPassage(copied);
  }
  return pickParagraph(quotableParagraphs(document));
}

async function pickParagraph(paragraphs: readonly string[]): Promise<string | undefined> {
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { readonly text?: string }>();
  quotePickers.current = quickPick;
  quickPick.title = vscode.l10n.t('Copy Quote with Citation');
  quickPick.placeholder = vscode.l10n.t('Type words of the passage to quote (or select it in the preview and copy it first)');
  quickPick.matchOnDetail = true;
  quickPick.ignoreFocusOut = true; // the preview taking focus back must not close it
  quickPick.items = paragraphs.map((text) => ({ label: escapeIcons(text.slice(0, 120)), detail: escapeIcons(text.slice(0, 1_000)), text }));
  return new Promise((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.text);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
      if (quotePickers.current === quickPick) {
        quotePickers.current = undefined;
      }
    });
    quickPick.show();
  });
}

/** The paper of a full text named by a menu's argument (its document's URI) or read in the active tab. */
export function fullTextPaperId(fullTexts: FullTexts, arg: unknown): string | undefined {
  return fullTextIdOf(arg) ?? (isWebviewContext(arg) || arg === undefined ? fullTexts.activePaperId() : undefined);
}

/** What VS Code passes a `webview/context` menu's command: `{ webview, … }`. */
function isWebviewContext(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && 'webview' in arg && !(arg instanceof vscode.Uri);
}
