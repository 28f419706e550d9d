import * as vscode from 'vscode';
import { currentFeedDate } from '../../core/feed/windows';
import { groupByDate } from '../../core/grouping';
import type { Clock } from '../../core/clock';
import { abstractTeaser, authorLine, describePaper, escapeMarkdown } from '../../core/present';
import { type Paper, paperDate } from '../../core/model';
import { Commands } from '../commands/ids';
import { Disposable } from '../disposable';
import type { PaperStore, WindowView } from '../paperStore';
import type { PaperActions } from '../../shared/protocol';
import type { DateNode, PaperNode, TreeNode } from './nodes';

export const PAPERS_VIEW_ID = 'paperFeed.papers';
/** Newest groups start expanded; the tree remembers what the user changes, by node id. */
const EXPANDED_GROUPS = 3;

/** The Papers view: date groups of papers, newest first. */
export class PapersTree extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private roots: DateNode[] = [];
  private readonly changed = this._register(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<TreeNode>;

  constructor(
    private readonly store: PaperStore,
    private readonly clock: Clock,
    /** The paper's state-dependent actions, which its context menu offers. */
    private readonly actions: (paper: Paper) => PaperActions = () => ({ canClone: false, cloned: false }),
  ) {
    super();
    this.view = this._register(vscode.window.createTreeView(PAPERS_VIEW_ID, {
      treeDataProvider: this,
      showCollapseAll: true,
    }));
    this._register(store.onDidChange(() => this.rebuild()));
    this.rebuild();
  }

  /** Redraws the items (their menus and icons) after a paper's state changed, e.g. a clone. */
  refreshItems(): void {
    this.changed.fire(undefined);
  }

  /** The paper the user selected in the tree, if any. */
  selectedPaper(): PaperNode | undefined {
    return this.view.selection.find((node): node is PaperNode => node.kind === 'paper');
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) {
      return this.roots;
    }
    return node.kind === 'date' ? node.children : [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.kind === 'paper' ? node.parent : undefined;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.kind === 'date') {
      const index = this.roots.indexOf(node);
      const item = new vscode.TreeItem(
        node.label,
        index >= 0 && index < EXPANDED_GROUPS
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.id = node.id;
      item.description = String(node.children.length);
      item.tooltip = vscode.l10n.t('{0} papers', node.children.length);
      item.accessibilityInformation = { label: vscode.l10n.t('{0}, {1} papers', node.label, node.children.length) };
      item.contextValue = 'dateGroup';
      return item;
    }
    const { paper } = node;
    const item = new vscode.TreeItem(paper.title, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = describePaper(paper);
    const actions = this.actions(paper);
    item.iconPath = new vscode.ThemeIcon(actions.cloned ? 'repo-clone' : paper.githubRepo ? 'repo' : 'file-text');
    item.contextValue = paperContextValue(actions);
    item.accessibilityInformation = { label: `${paper.title}, ${describePaper(paper)}` };
    item.command = { command: Commands.openPaper, title: vscode.l10n.t('Open Paper'), arguments: [paper.id] };
    return item;
  }

  /** Tooltips are built only when the user hovers. */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.kind === 'paper') {
      item.tooltip = paperTooltip(node);
    }
    return item;
  }

  private rebuild(): void {
    const view = this.store.view;
    // Only with papers: the first time-zone lookup is slow, and activation builds an empty tree.
    const today = view.papers.length > 0 ? currentFeedDate(this.clock()) : undefined;
    this.roots = groupByDate(view.papers, today).map((group) => {
      const dateNode: DateNode = { kind: 'date', id: group.id, label: group.label, children: [] };
      dateNode.children = group.papers.map((paper) => ({
        kind: 'paper', id: `${group.id}/paper:${paper.id}`, paper, parent: dateNode,
      }));
      return dateNode;
    });
    this.view.description = view.label;
    this.view.message = viewMessage(view);
    this.changed.fire(undefined);
  }
}

/** The line above the tree: what is shown and why, when that is not simply the live feed. */
export function viewMessage(view: WindowView): string | undefined {
  if (view.source === 'sample') {
    return view.error
      ? vscode.l10n.t('Sample papers: {0} Use Refresh to try again.', view.error)
      : vscode.l10n.t('Showing the built-in sample of {0} papers.', view.papers.length);
  }
  if (view.error) {
    return view.papers.length > 0 && view.fetchedAt
      ? vscode.l10n.t('Offline: showing papers fetched {0}. {1}', view.fetchedAt.toLocaleString(), view.error)
      : vscode.l10n.t('Could not load papers: {0}', view.error);
  }
  if (view.papers.length === 0) {
    return view.source === 'loading'
      ? vscode.l10n.t('Loading papers from Hugging Face…')
      : vscode.l10n.t('No papers on Hugging Face for {0}.', view.label);
  }
  return undefined;
}

function paperTooltip({ paper }: PaperNode): vscode.MarkdownString {
  const details = [paper.id, paperDate(paper), paper.primaryCategory].filter(Boolean).join(' · ');
  const parts = [
    `**${escapeMarkdown(paper.title)}**`,
    escapeMarkdown(authorLine(paper, 6)),
    escapeMarkdown(details),
  ];
  if (paper.abstract || paper.aiSummary) {
    parts.push('---', escapeMarkdown(abstractTeaser(paper)));
  }
  return new vscode.MarkdownString(parts.join('\n\n'));
}

/**
 * A paper item's contextValue: `paper`, then a flag per state the menus depend on, each after a
 * colon: `paper:hasRepo:cloned`. Menus match a flag with `viewItem =~ /:hasRepo\b/`.
 */
export function paperContextValue(actions: PaperActions): string {
  return ['paper', ...(actions.canClone ? ['hasRepo'] : []), ...(actions.cloned ? ['cloned'] : [])].join(':');
}
