import * as vscode from 'vscode';
import type { Paper } from '../../core/paper/model';
import type { SavedEntry } from '../../core/storage/savedList';
import { matchesSavedFilter, sortSaved, type SavedSortBy } from '../../core/view/savedView';
import { onDidChangeSettings, readSavedSortBy } from '../config';
import { Disposable } from '../disposable';
import { ContextKeys, Views } from '../ids';
import type { SavedPapers } from '../savedPapers';
import type { TopicService } from '../topics';
import type { PaperNode } from './nodes';
import { paperItem, type PaperItemState, paperTooltip, rowUri } from './paperItem';

/**
 * The Saved view: the reading list in the order of `paperFeed.saved.sortBy` (most recently saved
 * first by default), with its own filter; each row shows read or unread and the paper's tags.
 */
export class SavedTree extends Disposable implements vscode.TreeDataProvider<PaperNode> {
  private readonly changed = this._register(new vscode.EventEmitter<PaperNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<PaperNode>;
  private filterText: string | undefined;
  private shown: PaperNode[] = [];

  constructor(
    private readonly saved: SavedPapers,
    private readonly topics: TopicService,
    private readonly state: (paper: Paper) => PaperItemState,
    /** The paper with arXiv's and DBLP's data, for the tooltip. */
    private readonly enrich: (paper: Paper) => Paper = (paper) => paper,
  ) {
    super();
    this.view = this._register(vscode.window.createTreeView(Views.saved, { treeDataProvider: this, canSelectMany: true }));
    this._register(saved.onDidChange(() => this.refresh()));
    this._register(onDidChangeSettings(['saved.sortBy'], () => this.refresh()));
    this.refresh();
  }

  get sortBy(): SavedSortBy {
    return readSavedSortBy();
  }

  get filter(): string | undefined {
    return this.filterText;
  }

  /** Keeps only saved papers matching `text` (words of the paper, note or tags; `tag:x`, `is:read`); undefined clears. */
  setFilter(text: string | undefined): void {
    const trimmed = text?.trim();
    this.filterText = trimmed ? trimmed.slice(0, 200) : undefined;
    void vscode.commands.executeCommand('setContext', ContextKeys.savedFiltered, this.filterText !== undefined);
    this.refresh();
  }

  refresh(): void {
    const entries = this.saved.list();
    const filter = this.filterText;
    const topicLabel = (paper: Paper): string => this.topics.label(this.topics.of(paper).primary);
    const kept = filter === undefined ? entries : entries.filter((entry) => matchesSavedFilter(entry, filter, topicLabel));
    this.shown = sortSaved(kept, this.sortBy).map((entry) => ({ kind: 'paper', id: `saved/paper:${entry.paper.id}`, paper: entry.paper }));
    this.view.description = entries.length > 0 ? String(entries.length) : undefined;
    this.view.message = filter === undefined ? undefined : kept.length === 0
      ? vscode.l10n.t('No saved paper matches “{0}”. Clear the filter to see all {1}.', filter, entries.length)
      : vscode.l10n.t('Filtered by “{0}”: {1} of {2} saved papers.', filter, kept.length, entries.length);
    this.changed.fire(undefined);
  }

  /** The papers selected in the view (one or many). */
  selectedPapers(): Paper[] {
    return this.view.selection.map((node) => node.paper);
  }

  getChildren(node?: PaperNode): PaperNode[] {
    return node ? [] : this.shown;
  }

  getParent(): undefined {
    return undefined;
  }

  getTreeItem(node: PaperNode): vscode.TreeItem {
    const entry = this.saved.entry(node.paper.id);
    // The list itself says it is saved: no "new" dot or saved mark here (menus still need `saved`), but read or unread.
    const topic = this.topics.of(node.paper).primary;
    const state = { ...this.state(node.paper), isNew: false, read: entry?.readAt !== undefined, tags: entry?.tags ?? [] };
    const item = paperItem(node.id, node.paper, state, { id: topic, label: this.topics.label(topic) });
    item.resourceUri = rowUri(node.paper, { ...state, saved: false });
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: PaperNode): vscode.TreeItem {
    const entry = this.saved.entry(node.paper.id);
    item.tooltip = paperTooltip(this.enrich(node.paper), this.topics.of(node.paper), (id) => this.topics.label(id), entry ? readingMarks(entry) : undefined);
    return item;
  }
}

/** What the tooltip adds for a saved paper. */
function readingMarks(entry: SavedEntry): { status: string; note?: string; tags?: readonly string[] } {
  return {
    status: entry.readAt ? vscode.l10n.t('Read') : vscode.l10n.t('Unread'),
    ...(entry.note ? { note: entry.note } : {}),
    ...(entry.tags ? { tags: entry.tags } : {}),
  };
}
