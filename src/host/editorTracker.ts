import * as vscode from 'vscode';
import { Disposable } from './disposable';
import { FULLTEXT_URI_SCHEME } from './ids';

/** A document citations can go into: not a full text being read (those are read-only). */
function isTarget(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
  return editor !== undefined && editor.document.uri.scheme !== FULLTEXT_URI_SCHEME;
}

/**
 * The editor a citation goes into: the active text editor, else the most recently active text
 * editor that is still visible (a focused webview panel leaves no active text editor).
 */
export class EditorTracker extends Disposable {
  private last: vscode.TextEditor | undefined = vscode.window.activeTextEditor;

  constructor() {
    super();
    this._register(vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (isTarget(editor)) {
        this.last = editor;
      }
    }));
  }

  target(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (isTarget(active)) {
      return active;
    }
    const last = isTarget(this.last) ? this.last : undefined;
    return last && vscode.window.visibleTextEditors.some((editor) => editor.document === last.document)
      ? vscode.window.visibleTextEditors.find((editor) => editor.document === last.document)
      : undefined;
  }

  /**
   * The last editor citations went to, shown again in its group (without taking focus) when the
   * reading view covered it: Insert Citation from a full text goes into the document being written.
   */
  async revealLast(): Promise<vscode.TextEditor | undefined> {
    const last = isTarget(this.last) ? this.last : undefined;
    if (!last || last.document.isClosed) {
      return undefined;
    }
    return vscode.window.showTextDocument(last.document, { viewColumn: last.viewColumn, preserveFocus: true, preview: false });
  }
}
