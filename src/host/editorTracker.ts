import * as vscode from 'vscode';
import { Disposable } from './disposable';

/**
 * The editor a citation goes into: the active text editor, else the most recently active text
 * editor that is still visible (a focused webview panel leaves no active text editor).
 */
export class EditorTracker extends Disposable {
  private last: vscode.TextEditor | undefined = vscode.window.activeTextEditor;

  constructor() {
    super();
    this._register(vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor) {
        this.last = editor;
      }
    }));
  }

  target(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active) {
      return active;
    }
    const last = this.last;
    return last && vscode.window.visibleTextEditors.some((editor) => editor.document === last.document)
      ? vscode.window.visibleTextEditors.find((editor) => editor.document === last.document)
      : undefined;
  }
}
