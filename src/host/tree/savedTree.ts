import * as vscode from 'vscode';
import type { Paper } from '../../core/paper/model';
import { Disposable } from '../disposable';
import { Views } from '../ids';
import type { SavedPapers } from '../savedPapers';
import type { TopicService } from '../topics';
import type { PaperNode } from './nodes';
import { paperItem, type PaperItemState, paperTooltip, rowUri } from './paperItem';

/** The Saved view: the reading list, most recently saved first. */
export class SavedTree extends Disposable implements vscode.TreeDataProvider<PaperNode> {
  private readonly changed = this._register(new vscode.EventEmitter<PaperNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<PaperNode>;

  constructor(
    private readonly saved: SavedPapers,
    private readonly topics: TopicService,
    private readonly state: (paper: Paper) => PaperItemState,
  ) {
    super();
    this.view = this._register(vscode.window.createTreeView(Views.saved, { treeDataProvider: this, canSelectMany: true }));
    this._register(saved.onDidChange(() => this.refresh()));
    this.refresh();
  }

  refresh(): void {
    const count = this.saved.list().length;
    this.view.description = count > 0 ? String(count) : undefined;
    this.changed.fire(undefined);
  }

  selectedPapers(): Paper[] {
    return this.view.selection.map((node) => node.paper);
  }

  getChildren(node?: PaperNode): PaperNode[] {
    return node ? [] : this.saved.list().map((entry) => ({ kind: 'paper', id: `saved/paper:${entry.paper.id}`, paper: entry.paper }));
  }

  getParent(): undefined {
    return undefined;
  }

  getTreeItem(node: PaperNode): vscode.TreeItem {
    // The list itself says it is saved: no "new" dot or saved mark here (menus still need `saved`).
    const topic = this.topics.of(node.paper).primary;
    const state = { ...this.state(node.paper), isNew: false };
    const item = paperItem(node.id, node.paper, state, { id: topic, label: this.topics.label(topic) });
    item.resourceUri = rowUri(node.paper, { ...state, saved: false });
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: PaperNode): vscode.TreeItem {
    item.tooltip = paperTooltip(node.paper, this.topics.of(node.paper), (id) => this.topics.label(id));
    return item;
  }
}
