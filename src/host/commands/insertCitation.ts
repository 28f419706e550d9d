import * as vscode from 'vscode';
import { escapeIcons, escapeMessageLinks, shortTitle } from '../../core/view/present';
import { bibtex } from '../../core/citation/bibtex';
import { embedFormatted } from '../../core/citation/embed';
import { type CitationFormat, isCitationFormat, joinCitations } from '../../core/citation/format';
import { asComment, kindForDocument, planInsertions, textBeforeOnLine, usesBibFile } from '../../core/citation/insert';
import { citationKey } from '../../core/citation/keys';
import { plain } from '../../core/citation/styles';
import { paperLinks } from '../../core/paper/arxiv';
import type { Paper } from '../../core/paper/model';
import type { BibFiles } from '../bibFiles';
import type { Citations } from '../citations';
import { readCitationConfig } from '../config';
import type { EditorTracker } from '../editorTracker';
import { type PaperCommandContext, resolvePapers } from './openPaper';
import { describeArg, UserError } from './register';

export interface InsertDeps {
  readonly papers: PaperCommandContext;
  readonly citations: Citations;
  readonly editors: EditorTracker;
  readonly bibFiles: BibFiles;
}

/**
 * `paperFeed.insertCitation [paper] [format]`: the citation in the syntax of the target file at
 * every cursor, as one undoable edit, plus the entry in the project's .bib where the file cites by key.
 * With a format, that formatted citation is inserted as it is. With no editor, the citation goes to the
 * clipboard in that format, else in `paperFeed.citation.defaultFormat`. From a tree menu VS Code passes
 * the selected rows where the format would be: every selected paper is cited, in one citation
 * where the language has one (`\cite{a,b}`, `[@a; @b]`), each with its .bib entry.
 */
export async function insertCitation(deps: InsertDeps, arg: unknown, formatOrSelection: unknown, formatAfterSelection?: unknown): Promise<void> {
  const selection = Array.isArray(formatOrSelection) ? formatOrSelection : undefined;
  const formatArg = selection ? formatAfterSelection : formatOrSelection;
  if (formatArg !== undefined && !isCitationFormat(formatArg)) {
    throw new UserError(vscode.l10n.t('"{0}" is not a citation format.', describeArg(formatArg)));
  }
  const fromFullText = deps.papers.fullTextPaper?.(arg) !== undefined;
  const papers = await resolvePapers(deps.papers, arg, selection);
  // From a full text being read: into the document last written in, shown again if the reading view covered it.
  const editor = deps.editors.target() ?? (fromFullText ? await deps.editors.revealLast() : undefined);
  const [first] = papers;
  if (!first) {
    return;
  }
  if (!editor) {
    const format = formatArg ?? readCitationConfig().defaultFormat;
    const text = joinCitations(format, await Promise.all(papers.map((paper) => deps.citations.format(paper, format))));
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(papers.length === 1
      ? vscode.l10n.t('No editor is open: the citation of “{0}” is on the clipboard.', escapeMessageLinks(shortTitle(first.title)))
      : vscode.l10n.t('No editor is open: the citations of {0} papers are on the clipboard.', papers.length));
    return;
  }
  await citeInEditor(deps, editor, papers, formatArg);
}

/** What citing in an editor did: the keys cited, or why nothing was inserted. */
export type CiteOutcome =
  | { readonly kind: 'inserted'; readonly keys: readonly string[] }
  | { readonly kind: 'alreadyCited'; readonly keys: readonly string[] }
  | { readonly kind: 'cancelled' };

/**
 * Insert Citation's work once the papers and the editor are known (the language model tool calls
 * this too): the .bib entries where the file cites by key, then one edit for every cursor.
 */
export async function citeInEditor(deps: Omit<InsertDeps, 'papers' | 'editors'>, editor: vscode.TextEditor, papers: readonly Paper[], formatArg?: CitationFormat): Promise<CiteOutcome> {
  const document = editor.document;
  const { keyFormat, latexCommand, entry } = readCitationConfig(document.uri);
  const kind = kindForDocument(document.languageId, document.fileName);
  const keys: string[] = [];
  for (const paper of papers) {
    let key = citationKey(paper, keyFormat);
    if (formatArg === undefined && usesBibFile(kind)) {
      const bibKey = await deps.bibFiles.add(document, paper, key);
      if (bibKey === undefined) {
        return { kind: 'cancelled' }; // the user cancelled writing the .bib file
      }
      key = bibKey;
    }
    keys.push(key);
  }

  const formatted = formatArg === undefined ? undefined
    : joinCitations(formatArg, await Promise.all(papers.map((paper) => deps.citations.format(paper, formatArg, document.uri))));
  const text = document.getText();
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const citing = papers.map((given, index) => {
    const paper = deps.citations.prepare(given);
    return { key: keys[index] as string, reference: plain(paper, entry), url: paperLinks.arxivAbstract(paper.id), bibEntry: bibtex(paper, keys[index] as string, entry) };
  });
  // One edit for every cursor, planned on the text as it is now (a selection counts as its cursor).
  const edits = editor.selections.map((selection) => {
    if (formatted !== undefined) {
      // In code, the citation goes into a comment, as the default one does: it is text, not code.
      const embedded = kind === 'comment'
        ? asComment(document.languageId, formatted.split(/\r?\n/), eol, textBeforeOnLine(text, document.offsetAt(selection.active)))
        : embedFormatted(kind, formatArg as CitationFormat, formatted);
      return { range: new vscode.Range(selection.active, selection.active), text: embedded };
    }
    const planned = planInsertions(citing, { text, offset: document.offsetAt(selection.active), languageId: document.languageId, kind, latexCommand, eol });
    return { range: new vscode.Range(document.positionAt(planned.start), document.positionAt(planned.end)), text: planned.text };
  }).filter((edit, index, all) => edit.text.length > 0
    // Two cursors joining the same citation (in and right after it) add the key to it once.
    && all.findIndex((other) => other.text.length > 0 && other.range.isEqual(edit.range)) === index);
  if (edits.length === 0) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('{0} is cited there already.', escapeIcons(keys.join(', '))), 4_000); // the key may come from the .bib
    return { kind: 'alreadyCited', keys };
  }
  const applied = await editor.edit((builder) => edits.forEach((edit) => builder.replace(edit.range, edit.text)));
  if (!applied) {
    throw new UserError(vscode.l10n.t('The editor did not accept the citation; try again.'));
  }
  return { kind: 'inserted', keys };
}
