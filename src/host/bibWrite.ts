/**
 * Adding entries to a .bib, the one way Insert Citation and Export Reading List do it: to the file as
 * it is at that moment. An open document with unsaved changes gets an edit (the file on disk is left
 * to the user's save, which would otherwise overwrite the entries or be lost); else the file on disk is
 * appended to (core/citation/bibAppend.ts); a file system without append (a virtual workspace) is read
 * and written at once.
 */
import * as vscode from 'vscode';
import { appendBibEntry, appendPlanned, type BibChange, type BibOutcome, type BibStore, outcomeOf } from '../core/citation/bibAppend';

/** What was done: as on disk (AppendOutcome), or `edited`: added to the open document, not yet saved. */
export type BibWriteOutcome<P extends BibChange> = BibOutcome<P, 'exists' | 'appended' | 'created' | 'edited'>;

/**
 * Adds what `plan` asks for (planned against the text as it is now) to the .bib at `uri`, also known
 * as `aliases` (the path a document gave, before symlinks). A missing file is created if `create` is
 * true, or when it is a question and its answer is yes; then everything is looked at again, since the
 * file may have appeared, or been opened, meanwhile. Undefined when the answer was no.
 */
export async function appendToBib<P extends BibChange>(
  uri: vscode.Uri,
  plan: (text: string) => P,
  create: boolean | (() => Thenable<boolean>),
  aliases: readonly vscode.Uri[] = [],
): Promise<BibWriteOutcome<P> | undefined> {
  const names = [uri, ...aliases].map((name) => name.toString());
  let mayCreate = create === true;
  for (;;) {
    const open = vscode.workspace.textDocuments.find((document) => names.includes(document.uri.toString()));
    if (open?.isDirty) {
      return editOpen(open, plan);
    }
    const outcome = uri.scheme === 'file' ? await appendBibEntry(uri.fsPath, plan, mayCreate) : await appendPlanned(workspaceBib(uri), plan, mayCreate);
    if (outcome.outcome !== 'missing') {
      return outcome;
    }
    if (typeof create !== 'function' || !(await create())) {
      return undefined;
    }
    mayCreate = true;
  }
}

/** Edits an open document with unsaved changes, as one undoable step. */
async function editOpen<P extends BibChange>(open: vscode.TextDocument, plan: (text: string) => P): Promise<BibWriteOutcome<P>> {
  const planned = plan(open.getText());
  if (planned.action === 'exists') {
    return outcomeOf('exists', planned);
  }
  const edit = new vscode.WorkspaceEdit();
  edit.insert(open.uri, open.positionAt(open.getText().length), planned.text);
  if (!(await vscode.workspace.applyEdit(edit))) {
    throw new Error(vscode.l10n.t('the editor did not accept the change'));
  }
  return outcomeOf('edited', planned);
}

/**
 * A file system other than the disk (a virtual workspace) has no append: read, plan and write at
 * once, so the window for a lost change is as short as it can be; create only what is still missing.
 */
function workspaceBib(uri: vscode.Uri): BibStore {
  const read = async (): Promise<string | undefined> => vscode.workspace.fs.readFile(uri).then(
    (bytes) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
    (error: unknown) => {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
        return undefined;
      }
      throw error;
    });
  const write = async (text: string): Promise<void> => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return {
    read,
    append: async (text, current) => write(current + text),
    create: async (text) => ((await read()) === undefined ? write(text).then(() => true) : false),
  };
}
