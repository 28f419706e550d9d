import * as path from 'node:path';
import * as vscode from 'vscode';
import { shortTitle } from '../../core/present';
import { arxivDoi, bibtex } from '../../core/citation/bibtex';
import { type CitationFormat, isCitationFormat } from '../../core/citation/format';
import { planBibAppend } from '../../core/citation/bibfile';
import { findBibliography } from '../../core/citation/bibliography';
import { kindForDocument, planInsertion, usesBibFile } from '../../core/citation/insert';
import { citationKey } from '../../core/citation/keys';
import { plain } from '../../core/citation/styles';
import type { Paper } from '../../core/model';
import type { Citations } from '../citations';
import { readCitationConfig } from '../config';
import type { EditorTracker } from '../editorTracker';
import { type PaperCommandContext, resolvePaper } from './openPaper';
import { UserError } from './register';

const BIB_CONFIRMED_KEY = 'paperFeed.createdBibFiles';

export interface InsertDeps {
  readonly papers: PaperCommandContext;
  readonly citations: Citations;
  readonly editors: EditorTracker;
  readonly state: vscode.Memento;
  readonly log: vscode.LogOutputChannel;
}

/**
 * `paperFeed.insertCitation [paper] [format]`: the citation in the syntax of the target file at
 * every cursor, as one undoable edit, plus the entry in the project's .bib where the file cites by key.
 * With a format, that formatted citation is inserted as it is. With no editor, the citation goes to the
 * clipboard in that format, else in `paperFeed.citation.defaultFormat`.
 */
export async function insertCitation(deps: InsertDeps, arg: unknown, formatArg: unknown): Promise<void> {
  if (formatArg !== undefined && !isCitationFormat(formatArg)) {
    throw new UserError(vscode.l10n.t('"{0}" is not a citation format.', String(formatArg).slice(0, 60)));
  }
  const editor = deps.editors.target();
  const paper = await resolvePaper(deps.papers, arg);
  if (!paper) {
    return;
  }
  if (!editor) {
    const format = (formatArg as CitationFormat | undefined) ?? readCitationConfig().defaultFormat;
    const text = await deps.citations.format(paper, format);
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(vscode.l10n.t('No editor is open: the citation of “{0}” is on the clipboard.', shortTitle(paper.title)));
    return;
  }
  const document = editor.document;
  const { keyFormat, latexCommand } = readCitationConfig(document.uri);
  const kind = kindForDocument(document.languageId, document.fileName);
  let key = citationKey(paper, keyFormat);

  if (formatArg === undefined && usesBibFile(kind)) {
    const bibKey = await addToBibFile(deps, document, paper, key);
    if (bibKey === undefined) {
      return; // the user declined to create a .bib file
    }
    key = bibKey;
  }

  const formatted = formatArg === undefined ? undefined : await deps.citations.format(paper, formatArg as CitationFormat);
  const text = document.getText();
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  // One edit for every cursor, planned on the text as it is now (a selection counts as its cursor).
  const edits = editor.selections.map((selection) => {
    if (formatted !== undefined) {
      return { range: new vscode.Range(selection.active, selection.active), text: formatted };
    }
    const planned = planInsertion({
      text, offset: document.offsetAt(selection.active), languageId: document.languageId, kind, key,
      reference: plain(paper), url: `https://arxiv.org/abs/${paper.id}`, bibEntry: bibtex(paper, key), latexCommand, eol,
    });
    return { range: new vscode.Range(document.positionAt(planned.start), document.positionAt(planned.end)), text: planned.text };
  }).filter((edit) => edit.text.length > 0);
  if (edits.length === 0) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('{0} is cited there already.', key), 4_000);
    return;
  }
  const applied = await editor.edit((builder) => edits.forEach((edit) => builder.replace(edit.range, edit.text)));
  if (!applied) {
    throw new UserError(vscode.l10n.t('The editor did not accept the citation; try again.'));
  }
}

/** Adds the paper to the document's .bib (reusing an entry it has); returns the key to cite. */
async function addToBibFile(deps: InsertDeps, document: vscode.TextDocument, paper: Paper, wantedKey: string): Promise<string | undefined> {
  const bibUri = bibFileFor(document);
  if (!bibUri) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Paper Feed cited {0} but found no .bib file: name one with \\bibliography, a YAML bibliography field, or paperFeed.citation.bibFile in a workspace.', wantedKey));
    return wantedKey;
  }
  const open = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === bibUri.toString());
  let text: string;
  if (open) {
    text = open.getText();
  } else {
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(bibUri));
    } catch {
      if (!(await confirmCreate(deps.state, bibUri))) {
        return undefined;
      }
      text = '';
    }
  }
  const plan = planBibAppend(text, paper.id, wantedKey, arxivDoi(paper.id), (key) => bibtex(paper, key));
  if (plan.action === 'exists') {
    deps.log.info(`${path.basename(bibUri.fsPath)} already has ${paper.id} as ${plan.key}.`);
    return plan.key;
  }
  if (open) {
    // Edit the open document (it may hold unsaved changes); save it only if it had none.
    const wasDirty = open.isDirty;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(open.uri, open.positionAt(open.getText().length), plan.text);
    if (!(await vscode.workspace.applyEdit(edit))) {
      throw new UserError(vscode.l10n.t('Could not add the entry to {0}.', path.basename(bibUri.fsPath)));
    }
    if (!wasDirty) {
      await open.save();
    }
  } else {
    await vscode.workspace.fs.writeFile(bibUri, new TextEncoder().encode(text + plan.text));
  }
  deps.log.info(`Added ${plan.key} to ${bibUri.fsPath}.`);
  return plan.key;
}

/** The .bib the document names (relative to it), else paperFeed.citation.bibFile in the workspace. */
function bibFileFor(document: vscode.TextDocument): vscode.Uri | undefined {
  const named = findBibliography(kindForDocument(document.languageId, document.fileName), document.getText());
  if (named && document.uri.scheme !== 'untitled') {
    return path.isAbsolute(named) ? vscode.Uri.file(named) : vscode.Uri.joinPath(document.uri, '..', named);
  }
  const folder = vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    return undefined;
  }
  const setting = vscode.workspace.getConfiguration('paperFeed.citation', document.uri).get<string>('bibFile', 'references.bib') || 'references.bib';
  return path.isAbsolute(setting) ? vscode.Uri.file(setting) : vscode.Uri.joinPath(folder.uri, setting);
}

/** Asks once per file before creating a .bib; remembers the answer yes. */
async function confirmCreate(state: vscode.Memento, uri: vscode.Uri): Promise<boolean> {
  const confirmed = state.get<string[]>(BIB_CONFIRMED_KEY, []);
  if (confirmed.includes(uri.toString())) {
    return true;
  }
  const create = vscode.l10n.t('Create');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Create {0} for the bibliography entries Paper Feed inserts?', vscode.workspace.asRelativePath(uri)),
    { modal: true },
    create,
  );
  if (choice !== create) {
    return false;
  }
  await state.update(BIB_CONFIRMED_KEY, [...confirmed, uri.toString()]);
  return true;
}

