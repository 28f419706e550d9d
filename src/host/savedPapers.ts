import * as vscode from 'vscode';
import type { Paper } from '../core/paper/model';
import { type SavedEntry, SavedFile } from '../core/storage/savedList';
import { Disposable } from './disposable';

export const SAVED_FILE = 'saved.json';

/**
 * The reading list: a file under the extension's global storage (so it survives refreshes,
 * restarts, Clear Paper Cache, and a new browser in code-server or Codespaces), shared by every
 * window: each change is applied to the file as it is on disk, and other windows reload it when it
 * changes or when they get focus.
 */
export class SavedPapers extends Disposable {
  private entries: SavedEntry[] = [];
  private ids = new Set<string>();
  private readonly file: SavedFile;
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(storage: vscode.Uri, private readonly log: vscode.LogOutputChannel) {
    super();
    this.file = new SavedFile(vscode.Uri.joinPath(storage, SAVED_FILE).fsPath, (message) => log.warn(message));
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(storage, SAVED_FILE)));
    this._register(watcher.onDidChange(() => void this.load()));
    this._register(watcher.onDidCreate(() => void this.load()));
    this._register(watcher.onDidDelete(() => void this.load()));
    this._register(vscode.window.onDidChangeWindowState((state) => {
      if (state.focused) {
        void this.load();
      }
    }));
  }

  async load(): Promise<void> {
    try {
      this.set(await this.file.read());
    } catch (error) {
      this.log.warn(`Could not read the reading list: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Saved papers, the most recently saved first. */
  list(): readonly SavedEntry[] {
    return this.entries;
  }

  async save(papers: readonly Paper[]): Promise<void> {
    const savedAt = new Date().toISOString();
    this.set(await this.file.update({ save: papers.map((paper) => ({ paper, savedAt })) }));
  }

  async unsave(ids: readonly string[]): Promise<void> {
    this.set(await this.file.update({ remove: ids }));
  }

  private set(entries: readonly SavedEntry[]): void {
    const sorted = [...entries].sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.paper.id.localeCompare(b.paper.id));
    const same = sorted.length === this.entries.length && sorted.every((entry, index) => entry.paper.id === this.entries[index]?.paper.id);
    this.entries = sorted;
    this.ids = new Set(sorted.map((entry) => entry.paper.id));
    if (!same) {
      this.changed.fire();
    }
  }
}
