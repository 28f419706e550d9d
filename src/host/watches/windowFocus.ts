import * as vscode from 'vscode';
import { Disposable } from '../disposable';

/**
 * Whether this window has the focus: a look at a watch needs the user in front of it, not a window
 * left in the background with the Watches view open. Tests set it, since the test window's focus is
 * not theirs to give or take.
 */
export class WindowFocus extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private override: boolean | undefined;

  constructor() {
    super();
    this._register(vscode.window.onDidChangeWindowState(() => this.changed.fire()));
  }

  get focused(): boolean {
    return this.override ?? vscode.window.state.focused;
  }

  /** For tests: the window as if focused or not; undefined goes back to the window's own. */
  setForTests(focused: boolean | undefined): void {
    this.override = focused;
    this.changed.fire();
  }
}
