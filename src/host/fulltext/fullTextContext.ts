import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import { ContextKeys } from '../ids';
import type { FullTexts } from './fullTexts';

/**
 * `paperFeed.readingFullText`: the active tab shows a full text (its preview or its document), for
 * the reading view's menus (Copy Quote with Citation, Insert Citation) and its title bar.
 */
export class FullTextContext extends Disposable {
  private last: boolean | undefined;

  private watching = false;

  constructor(private readonly fullTexts: FullTexts) {
    super();
    // Tabs are watched from the first full text shown (or restored): a window that reads none pays nothing.
    this._register(fullTexts.onDidLabel(() => {
      this.watch();
      this.update();
    }));
  }

  private watch(): void {
    if (this.watching) {
      return;
    }
    this.watching = true;
    this._register(vscode.window.tabGroups.onDidChangeTabs(() => this.update()));
    this._register(vscode.window.tabGroups.onDidChangeTabGroups(() => this.update()));
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
  }

  private update(): void {
    const reading = this.fullTexts.activePaperId() !== undefined;
    if (reading !== this.last) {
      this.last = reading;
      void vscode.commands.executeCommand('setContext', ContextKeys.readingFullText, reading);
    }
  }
}
