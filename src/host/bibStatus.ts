import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseBib } from '../core/citation/bibEntries';
import { escapeIcons } from '../core/view/present';
import type { BibAdded, BibFiles } from './bibFiles';
import { Disposable } from './disposable';
import { StatusBarItems } from './ids';

/** How long the message stays, unless the next entry replaces it. */
const SHOWN_MS = 10_000;

/**
 * "$(book) Added key to refs.bib" in the status bar after Paper Feed changed a .bib (Insert Citation,
 * or anything else that adds through BibFiles), for a few seconds; a click opens the file at the
 * entry. Nothing when the entry was there already. The item is made the first time, not at activation.
 */
export class BibStatus extends Disposable {
  private item: vscode.StatusBarItem | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Each add's turn: a slower lookup of an earlier entry never shows over a later one. */
  private turn = 0;
  /** Replaceable by the integration tests. */
  shownMs = SHOWN_MS;

  constructor(bibFiles: BibFiles, private readonly log: vscode.LogOutputChannel) {
    super();
    this._register(bibFiles.onDidAdd((added) => void this.show(added)));
    this._register({ dispose: () => clearTimeout(this.timer) });
  }

  /** What the item shows while it shows (for the tests), else undefined. */
  get shown(): { readonly text: string; readonly tooltip: string; readonly command: vscode.Command } | undefined {
    const item = this.item;
    return item && this.timer !== undefined && typeof item.command === 'object'
      ? { text: item.text, tooltip: typeof item.tooltip === 'string' ? item.tooltip : '', command: item.command } : undefined;
  }

  private async show(added: BibAdded): Promise<void> {
    const turn = ++this.turn;
    if (added.outcome === 'exists') {
      this.hide(); // the last message is about an earlier citation
      return;
    }
    const line = await this.entryLine(added);
    if (turn !== this.turn) {
      return;
    }
    const name = path.posix.basename(added.uri.path);
    const item = this.item ?? this.create();
    item.text = `$(book) ${vscode.l10n.t('Added {0} to {1}', escapeIcons(added.key), escapeIcons(name))}`;
    item.tooltip = vscode.l10n.t('Open {0} at the entry Paper Feed added', name);
    const at = new vscode.Range(line, 0, line, 0);
    item.command = { command: 'vscode.open', title: item.tooltip, arguments: [added.uri, { selection: at } satisfies vscode.TextDocumentShowOptions] };
    item.show();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.hide(), this.shownMs);
  }

  private hide(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.item?.hide();
  }

  /** The line of the entry, in the open document or else the file; the first line if it is not found. */
  private async entryLine(added: BibAdded): Promise<number> {
    try {
      const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === added.uri.toString());
      const text = open?.getText() ?? new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(added.uri));
      const start = parseBib(text).byKey.get(added.key.toLowerCase())?.start;
      return start === undefined ? 0 : text.slice(0, start).split('\n').length - 1;
    } catch (error) {
      this.log.warn(`Could not read ${added.uri.toString(true)} to find ${added.key}:`, error instanceof Error ? error.message : String(error));
      return 0;
    }
  }

  private create(): vscode.StatusBarItem {
    const item = this._register(vscode.window.createStatusBarItem(StatusBarItems.bibAdded, vscode.StatusBarAlignment.Left, -101));
    item.name = vscode.l10n.t('Paper Feed Bibliography');
    this.item = item;
    return item;
  }
}
