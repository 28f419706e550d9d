import * as vscode from 'vscode';
import type { Paper } from '../core/paper/model';
import { type SavedEdit, type SavedEntry, SavedFile } from '../core/storage/savedList';
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
  private byId = new Map<string, SavedEntry>();
  /** What the views show of the list, to tell a change from a reload of the same file. */
  private shown = '[]';
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
    return this.byId.has(id);
  }

  /** A saved paper's entry: when it was saved and read, its note and tags. */
  entry(id: string): SavedEntry | undefined {
    return this.byId.get(id);
  }

  /** Every tag in use, most used first, then A to Z. */
  tags(): string[] {
    const counts = new Map<string, { tag: string; count: number }>();
    for (const tag of this.entries.flatMap((entry) => entry.tags ?? [])) {
      const key = tag.toLowerCase();
      const known = counts.get(key);
      counts.set(key, { tag: known?.tag ?? tag, count: (known?.count ?? 0) + 1 });
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)).map((entry) => entry.tag);
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

  /** Sets one field (read state, note or tags) of the saved papers among `ids`. */
  async edit(ids: readonly string[], set: SavedEdit): Promise<void> {
    this.set(await this.file.update({ edit: ids, set }));
  }

  private set(entries: readonly SavedEntry[]): void {
    const sorted = [...entries].sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.paper.id.localeCompare(b.paper.id));
    const shown = JSON.stringify(sorted.map((entry) => [entry.paper.id, entry.paper.title, entry.readAt, entry.note, entry.tags]));
    this.entries = sorted;
    this.byId = new Map(sorted.map((entry) => [entry.paper.id, entry]));
    if (shown !== this.shown) {
      this.shown = shown;
      this.changed.fire();
    }
  }
}
