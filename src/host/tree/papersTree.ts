import * as vscode from 'vscode';
import type { Clock } from '../../core/time/clock';
import { currentFeedDate } from '../../core/feed/windows';
import { isForYou, REST_GROUP } from '../../core/view/forYouOrder';
import { buildGroups, type Group, type Grouping, type SortBy } from '../../core/view/groups';
import type { Paper } from '../../core/paper/model';
import { viewFilter } from '../../core/search/viewFilter';
import { onDidChangeSettings, readViewConfig } from '../config';
import { Disposable } from '../disposable';
import { ContextKeys, Views } from '../ids';
import { dateWords, displayLocale } from '../locale';
import type { PaperStore } from '../paperStore';
import type { TopicService } from '../topics';
import type { ForYouView } from './forYouRanker';
import type { GroupNode, PaperNode, TreeNode } from './nodes';
import { paperItem, type PaperItemState, paperTooltip } from './paperItem';
import { viewMessage, ViewStateContext } from './viewMessage';

/** Newest groups start expanded; the tree remembers what the user changes, by node id. */
const EXPANDED_GROUPS = 3;

export interface PapersTreeDeps {
  readonly store: PaperStore;
  readonly clock: Clock;
  readonly topics: TopicService;
  /** A paper's state: what its icon, description and menus show. */
  readonly state: (paper: Paper) => PaperItemState;
  /** Just the "new" mark, for the badge: cheaper than the whole state of every paper. */
  readonly isNew: (paper: Paper) => boolean;
  /** The paper with arXiv's and DBLP's data, for the tooltip. */
  readonly enrich?: (paper: Paper) => Paper;
  /** For you's scores, reasons and message (./forYou.ts), when the view is sorted or grouped by it. */
  readonly forYou?: ForYouView;
}

/** The Papers view: the current window's papers grouped by date and topic (`paperFeed.grouping`). */
export class PapersTree extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private roots: TreeNode[] = [];
  private readonly byPaperId = new Map<string, PaperNode>();
  private filterText: string | undefined;
  /** Rows carry For you's reasons only while the view is ranked by it. */
  private ranked = false;
  private readonly changed = this._register(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private readonly rebuilt = this._register(new vscode.EventEmitter<void>());
  readonly view: vscode.TreeView<TreeNode>;
  /** `paperFeed.viewState`, for the welcome content (./viewMessage.ts). */
  readonly state = new ViewStateContext();

  constructor(private readonly deps: PapersTreeDeps) {
    super();
    this.view = this._register(vscode.window.createTreeView(Views.papers, {
      treeDataProvider: this,
      showCollapseAll: true,
      canSelectMany: true,
    }));
    this._register(deps.store.onDidChange(() => this.rebuild()));
    this._register(deps.topics.onDidChange(() => this.rebuild()));
    if (deps.forYou) {
      this._register(deps.forYou.onDidChange(() => this.rebuild()));
    }
    this._register(onDidChangeSettings(['grouping', 'sortBy'], () => this.rebuild()));
    this.rebuild();
  }

  get grouping(): Grouping {
    return readViewConfig().grouping;
  }

  get sortBy(): SortBy {
    return readViewConfig().sortBy;
  }

  get filter(): string | undefined {
    return this.filterText;
  }

  /** Keeps only papers matching `text` (every word, in title, authors, keywords, topic or id); undefined clears. */
  setFilter(text: string | undefined): void {
    const trimmed = text?.trim();
    this.filterText = trimmed ? trimmed.slice(0, 200) : undefined;
    void vscode.commands.executeCommand('setContext', ContextKeys.filtered, this.filterText !== undefined);
    this.rebuild();
  }

  /** Redraws the items (their menus and icons) after a paper's state changed. */
  refreshItems(): void {
    this.rebuild();
  }

  /** The paper the user selected in the tree, if any (the first, when several are). */
  selectedPaper(): PaperNode | undefined {
    return this.view.selection.find((node): node is PaperNode => node.kind === 'paper');
  }

  /** Every paper the user selected in the tree, in the tree's order of selection. */
  selectedPapers(): Paper[] {
    return this.view.selection.filter((node): node is PaperNode => node.kind === 'paper').map((node) => node.paper);
  }

  /** Papers the view shows (after the filter). */
  shownPapers(): Paper[] {
    return [...this.byPaperId.values()].map((node) => node.paper);
  }

  /**
   * Selects the paper in the tree (expanding its groups) without taking focus, when the view is
   * open; waits for the tree to settle when it is still loading.
   */
  async reveal(paperId: string): Promise<boolean> {
    if (!this.view.visible) {
      return false;
    }
    let node = this.byPaperId.get(paperId);
    if (!node && this.deps.store.view.source === 'loading') {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          listener.dispose();
          resolve();
        };
        const timer = setTimeout(done, 10_000);
        const listener = this.rebuilt.event(done);
      });
      node = this.byPaperId.get(paperId);
    }
    if (!node) {
      return false;
    }
    await this.view.reveal(node, { select: true, focus: false, expand: true });
    return true;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) {
      return this.roots;
    }
    return node.kind === 'group' ? node.children : [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const expanded = node.parent === undefined ? this.roots.indexOf(node) < EXPANDED_GROUPS : true;
      const item = new vscode.TreeItem(node.label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = String(node.count);
      item.tooltip = vscode.l10n.t('{0}: {1} papers', node.label, node.count);
      item.accessibilityInformation = { label: vscode.l10n.t('{0}, {1} papers', node.label, node.count) };
      item.contextValue = node.by === 'date' ? (node.parent ? 'dateGroup' : 'dateGroup:top') : node.by === 'like' ? 'likeGroup' : 'topicGroup';
      item.iconPath = node.by === 'topic' ? new vscode.ThemeIcon('tag') : node.by === 'like' && node.id !== `like:${REST_GROUP}` ? new vscode.ThemeIcon('heart') : undefined;
      return item;
    }
    const topic = this.deps.topics.of(node.paper).primary;
    return paperItem(node.id, node.paper, this.deps.state(node.paper), { id: topic, label: this.deps.topics.label(topic) }, this.reason(node.paper));
  }

  /** Tooltips are built only when the user hovers. */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.kind === 'paper') {
      const reason = this.reason(node.paper);
      item.tooltip = paperTooltip(this.deps.enrich?.(node.paper) ?? node.paper, this.deps.topics.of(node.paper), (id) => this.deps.topics.label(id), undefined,
        reason === undefined ? undefined : vscode.l10n.t('For you: {0}', reason));
    }
    return item;
  }

  private reason(paper: Paper): string | undefined {
    return this.ranked ? this.deps.forYou?.reason(paper.id) : undefined;
  }

  private rebuild(): void {
    const view = this.deps.store.view;
    // Only with papers: the first time-zone lookup is slow, and activation builds an empty tree.
    const today = view.papers.length > 0 ? currentFeedDate(this.deps.clock()) : undefined;
    const grouping = this.grouping;
    void vscode.commands.executeCommand('setContext', ContextKeys.grouping, grouping);
    const topicOf = (paper: Paper): string => this.deps.topics.of(paper).primary;
    const topicLabel = (id: string): string => this.deps.topics.label(id);
    const filter = this.filterText;
    const papers = filter === undefined ? view.papers
      : view.papers.filter(viewFilter(filter, { of: topicOf, label: topicLabel, matches: this.deps.topics.matcher() }));
    const sortBy = this.sortBy;
    const forYouPicked = isForYou({ grouping, sortBy });
    const forYou = forYouPicked ? this.deps.forYou?.options() : undefined;
    this.ranked = forYou !== undefined;
    // Topics are worked out only when the tree groups by them (or filters by them).
    const groups = buildGroups(papers, {
      grouping, sortBy, ...(today ? { today } : {}), locale: displayLocale(), words: dateWords(),
      topicOf: grouping === 'topic' || grouping === 'date-topic' || grouping === 'topic-date' ? topicOf : () => 'other', topicLabel,
      ...(forYou ? { forYou } : {}),
    });
    this.byPaperId.clear();
    this.roots = groups.map((group) => this.node(group, undefined));
    this.view.description = view.label;
    // Not over an empty window: VS Code hides welcome content (its buttons) while a view has a message.
    this.view.message = filter !== undefined && view.papers.length > 0
      ? vscode.l10n.t('Filtered by “{0}”: {1} of {2} papers.', filter, papers.length, view.papers.length)
      : viewMessage(view) ?? (view.papers.length > 0 && forYouPicked ? this.deps.forYou?.message() : undefined);
    this.state.update(view);
    const newCount = papers.filter((paper) => this.deps.isNew(paper)).length;
    this.view.badge = newCount > 0 ? { value: newCount, tooltip: vscode.l10n.t('{0} new papers', newCount) } : undefined;
    this.changed.fire(undefined);
    this.rebuilt.fire();
  }

  private node(group: Group, parent: GroupNode | undefined): GroupNode {
    const node: GroupNode = { kind: 'group', id: group.id, label: group.label, by: group.by, count: group.count, children: [], ...(parent ? { parent } : {}) };
    if (group.groups) {
      node.children = group.groups.map((child) => this.node(child, node));
    } else {
      // In the For you grouping a paper's row keeps its id when it moves to another group (saving it
      // makes it like no saved paper): each paper is in one group only, and the selection stays on it.
      const prefix = group.by === 'like' ? 'forYou' : group.id;
      node.children = (group.papers ?? []).map((paper) => {
        const paperNode: PaperNode = { kind: 'paper', id: `${prefix}/paper:${paper.id}`, paper, parent: node };
        this.byPaperId.set(paper.id, paperNode);
        return paperNode;
      });
    }
    return node;
  }
}
