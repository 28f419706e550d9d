import * as vscode from 'vscode';
import { LOOK_MS } from '../../core/feed/newSince';
import type { Paper } from '../../core/paper/model';
import { WatchFeatures } from '../../core/search/watchFeatures';
import { matchWatches, type Watch, type WatchMatched, type WatchMatches, withNew } from '../../core/search/watchedSearches';
import { escapeMessageLinks } from '../../core/view/present';
import { onDidChangeSettings, readWatches } from '../config';
import { Disposable } from '../disposable';
import { Views } from '../ids';
import type { PaperStore } from '../paperStore';
import type { TopicService } from '../topics';
import { paperItem, type PaperItemState, paperTooltip } from '../tree/paperItem';
import type { WatchState } from './watchState';
import type { WindowFocus } from './windowFocus';

export interface WatchNode {
  readonly kind: 'watch';
  /** Stable: `watch:<key>`, so that expansion survives refreshes. */
  readonly id: string;
  readonly watch: Watch;
}

/** A paper under a watch: `kind: 'paper'` and `paper`, so every paper command takes it as it takes a Papers view row. */
export interface WatchPaperNode {
  readonly kind: 'paper';
  /** `watch:<key>/paper:<id>`. */
  readonly id: string;
  readonly paper: Paper;
  readonly watch: WatchNode;
}

export type WatchesNode = WatchNode | WatchPaperNode;

export function isWatchNode(value: unknown): value is WatchNode {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'watch'
    && typeof (value as { watch?: { key?: unknown } }).watch?.key === 'string';
}

/** The message a watch's new papers bring (replaced by tests). */
export class WatchPrompts {
  notify: (message: string, show: string) => Thenable<string | undefined> = (message, show) => vscode.window.showInformationMessage(message, show);
}

export interface WatchesTreeDeps {
  readonly store: PaperStore;
  readonly topics: TopicService;
  readonly state: WatchState;
  /** When Paper Feed first saw a paper, from the cache. */
  readonly seenAt: (id: string) => string | undefined;
  /** A paper row's state as the Papers view has it (its "new" is replaced by the watch's). */
  readonly itemState: (paper: Paper) => PaperItemState;
  readonly enrich: (paper: Paper) => Paper;
  readonly prompts: WatchPrompts;
  /** Looks are taken only while the window has the focus. */
  readonly focus: WindowFocus;
  readonly log: vscode.LogOutputChannel;
}

/**
 * The Watches view: a node per watched search with the number of its papers new since the user
 * last looked at it, the papers of the feed that match it under it (new ones first, marked), and
 * the total on the view's badge, which the activity bar shows. A look at a watch is expanding it,
 * or the view being visible a moment with the watch expanded, in the focused window (a window in the
 * background takes no look); its new papers stay marked until the watch is collapsed or the view
 * hidden, so that the user sees what the look was about.
 */
export class WatchesTree extends Disposable implements vscode.TreeDataProvider<WatchesNode> {
  private readonly changed = this._register(new vscode.EventEmitter<WatchesNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<WatchesNode>;
  private watches: Watch[] = [];
  /** Each paper's words and facts, kept between updates while the paper reads the same. */
  private readonly features = new WatchFeatures();
  /** What each watch matches: computed again when the papers, the watches or the topics change. */
  private matched: WatchMatched[] = [];
  /** With the new ones: computed again on every update (a look, a paper opened). */
  private matches = new Map<string, WatchMatches>();
  private nodes = new Map<string, WatchNode>();
  /**
   * Watches expanded in the view (told by VS Code's events, and by it asking for their papers); a
   * watch that has no papers (VS Code shows it without children) or is gone is not.
   */
  private readonly expanded = new Set<string>();
  /** Papers new at a look, still marked while the watch stays expanded in the visible view. */
  private readonly looked = new Map<string, Set<string>>();
  private lookTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: WatchesTreeDeps) {
    super();
    this.view = this._register(vscode.window.createTreeView(Views.watches, { treeDataProvider: this, canSelectMany: true, showCollapseAll: true }));
    this._register(this.view.onDidExpandElement(({ element }) => {
      if (isWatchNode(element)) {
        this.expanded.add(element.watch.key);
        if (deps.focus.focused) {
          void this.look([element.watch.key]);
        } else {
          this.scheduleLook(); // taken when the window has the focus
        }
      }
    }));
    this._register(this.view.onDidCollapseElement(({ element }) => {
      if (isWatchNode(element)) {
        this.expanded.delete(element.watch.key);
        if (this.looked.delete(element.watch.key)) {
          this.changed.fire(this.nodes.get(element.watch.key));
        }
      }
    }));
    this._register(this.view.onDidChangeVisibility(({ visible }) => {
      if (visible) {
        this.scheduleLook();
      } else {
        this.cancelLook();
        if (this.looked.size > 0) {
          this.looked.clear();
          this.changed.fire(undefined);
        }
      }
    }));
    this._register(deps.focus.onDidChange(() => (deps.focus.focused ? this.scheduleLook() : this.cancelLook())));
    this._register(deps.store.onDidChange(() => this.update({ fromStore: true, rematch: true })));
    this._register(deps.state.onDidChange(() => this.update({ fromStore: false, rematch: false })));
    this._register(deps.topics.onDidChange(() => this.update({ fromStore: false, rematch: true })));
    this._register(onDidChangeSettings(['watches'], () => this.reload()));
    this._register({ dispose: () => this.cancelLook() });
    this.reload();
  }

  /** The watches shown, as the setting has them. */
  get current(): readonly Watch[] {
    return this.watches;
  }

  /** The number of papers new for the watch with this key (0 when there is no such watch). */
  newCount(key: string): number {
    return this.matches.get(key)?.newIds.size ?? 0;
  }

  /** The total on the badge. */
  get totalNew(): number {
    return [...this.matches.values()].reduce((sum, entry) => sum + entry.newIds.size, 0);
  }

  nodeOf(key: string): WatchNode | undefined {
    return this.nodes.get(key);
  }

  /** Whether the watch with this key is expanded in the view, as far as the view knows. */
  isExpanded(key: string): boolean {
    return this.expanded.has(key);
  }

  /** Reads the setting again (it changed, or a command just wrote it); new watches start with nothing new. */
  reload(): void {
    this.watches = readWatches((message) => this.deps.log.warn(message));
    this.nodes = new Map(this.watches.map((watch) => [watch.key, { kind: 'watch', id: `watch:${watch.key}`, watch }]));
    void this.deps.state.start(this.watches.map((watch) => watch.key));
    this.update({ fromStore: false, rematch: true });
  }

  /** Shows `key`'s node (selected); with `expand`, opened, which is a look. */
  async reveal(key: string, expand: boolean): Promise<void> {
    const node = this.nodes.get(key);
    if (node) {
      await this.view.reveal(node, { select: true, focus: expand, expand });
    }
  }

  /** The user looked at these watches: their new papers stay marked while they stay expanded, and are counted no more. */
  async look(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      const fresh = this.matches.get(key)?.newIds;
      if (fresh && fresh.size > 0) {
        this.looked.set(key, new Set([...(this.looked.get(key) ?? []), ...fresh]));
      }
    }
    await this.deps.state.look(keys);
  }

  /** Redraws the rows (a paper saved, cloned): their menus and marks. */
  refreshItems(): void {
    this.changed.fire(undefined);
  }

  /**
   * Counts again (with `rematch`, matches again first: the papers, watches or topics changed; a look
   * or a paper opened changes only which are new); after a store change (a refresh, another window
   * of papers), announces the new papers of watches with `notify` that no window has announced yet
   * (remembered in globalState: the same papers read again at startup, after Clear Cache, in another
   * window or back from another window of papers are not news again).
   */
  private update({ fromStore, rematch }: { readonly fromStore: boolean; readonly rematch: boolean }): void {
    const { state, topics } = this.deps;
    if (rematch) {
      this.matched = matchWatches(this.watches, this.deps.store.view.papers, { of: (paper) => topics.of(paper).primary, matches: topics.matcher() }, this.features);
    }
    const computed = withNew(this.matched, (watch) => state.lookOf(watch.key), { seenAt: this.deps.seenAt, isRead: (id) => state.isRead(id) });
    for (const entry of fromStore ? computed : []) {
      const unannounced = entry.watch.notify ? [...entry.newIds].filter((id) => !state.wasAnnounced(entry.watch.key, id)) : [];
      if (unannounced.length > 0) {
        void state.announce(entry.watch.key, unannounced);
        void this.notify(entry.watch, entry.newIds.size);
      }
    }
    this.matches = new Map(computed.map((entry) => [entry.watch.key, entry]));
    for (const key of this.expanded) {
      if ((this.matches.get(key)?.papers.length ?? 0) === 0) {
        this.expanded.delete(key); // shown without children, or gone: expanded again only when VS Code says so
        this.looked.delete(key);
      }
    }
    const total = this.totalNew;
    this.view.badge = total > 0 ? { value: total, tooltip: newPapersText(total) } : undefined;
    this.changed.fire(undefined);
    this.scheduleLook();
  }

  private async notify(watch: Watch, count: number): Promise<void> {
    const label = escapeMessageLinks(watch.name ?? watch.query); // from the setting: a `[x](command:…)` in it is no link
    const message = count === 1 ? vscode.l10n.t('1 new paper matches “{0}”', label) : vscode.l10n.t('{0} new papers match “{1}”', count, label);
    const show = vscode.l10n.t('Show');
    if (await this.deps.prompts.notify(message, show) === show) {
      await this.reveal(watch.key, true);
    }
  }

  /** With the view visible in the focused window, a watch expanded there that has new papers is looked at after LOOK_MS. */
  private scheduleLook(): void {
    if (this.lookTimer !== undefined || !this.view.visible || !this.deps.focus.focused || ![...this.expanded].some((key) => this.newCount(key) > 0)) {
      return;
    }
    this.lookTimer = setTimeout(() => {
      this.lookTimer = undefined;
      if (this.view.visible && this.deps.focus.focused) {
        void this.look([...this.expanded].filter((key) => this.newCount(key) > 0));
      }
    }, LOOK_MS);
  }

  private cancelLook(): void {
    clearTimeout(this.lookTimer);
    this.lookTimer = undefined;
  }

  private isShownNew(node: WatchPaperNode): boolean {
    const key = node.watch.watch.key;
    return (this.matches.get(key)?.newIds.has(node.paper.id) ?? false) || (this.looked.get(key)?.has(node.paper.id) === true && !this.deps.state.isRead(node.paper.id));
  }

  getChildren(node?: WatchesNode): WatchesNode[] {
    if (!node) {
      return [...this.nodes.values()];
    }
    if (node.kind !== 'watch') {
      return [];
    }
    const key = node.watch.key;
    // VS Code asks for the papers of expanded watches only, and tells no expand event for a watch
    // revealed or restored expanded: this is how those are known.
    this.expanded.add(key);
    this.scheduleLook();
    const entry = this.matches.get(key);
    const papers = entry?.papers ?? [];
    // New ones first: those counted now, then those of the last look (still marked), then the rest,
    // each part in the order it has (a stable sort).
    const looked = this.looked.get(key);
    const rank = (paper: Paper): number => (entry?.newIds.has(paper.id) ? 0 : looked?.has(paper.id) ? 1 : 2);
    const ordered = looked ? [...papers].sort((a, b) => rank(a) - rank(b)) : papers;
    return ordered.map((paper) => ({ kind: 'paper', id: `${node.id}/paper:${paper.id}`, paper, watch: node }));
  }

  getParent(node: WatchesNode): WatchesNode | undefined {
    return node.kind === 'paper' ? node.watch : undefined;
  }

  getTreeItem(node: WatchesNode): vscode.TreeItem {
    if (node.kind === 'paper') {
      const topic = this.deps.topics.of(node.paper).primary;
      return paperItem(node.id, node.paper, { ...this.deps.itemState(node.paper), isNew: this.isShownNew(node) }, { id: topic, label: this.deps.topics.label(topic) });
    }
    const { watch } = node;
    const entry = this.matches.get(watch.key);
    const fresh = entry?.newIds.size ?? 0;
    const total = entry?.papers.length ?? 0;
    const item = new vscode.TreeItem(watch.name ?? watch.query, total > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.contextValue = 'watch';
    item.iconPath = new vscode.ThemeIcon(fresh > 0 ? 'eye' : 'eye-closed');
    item.description = fresh > 0 ? vscode.l10n.t('{0} new', fresh) : total === 1 ? vscode.l10n.t('1 paper') : vscode.l10n.t('{0} papers', total);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(watch.query);
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText([
      fresh > 0 ? newPapersText(fresh) : undefined,
      total === 1 ? vscode.l10n.t('1 paper of the feed matches') : vscode.l10n.t('{0} papers of the feed match', total),
      watch.notify ? vscode.l10n.t('A message when a refresh brings new ones') : undefined,
    ].filter(Boolean).join(' · '));
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: [watch.name, watch.query, item.description].filter(Boolean).join(', ') };
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: WatchesNode): vscode.TreeItem {
    if (node.kind === 'paper') {
      item.tooltip = paperTooltip(this.deps.enrich(node.paper), this.deps.topics.of(node.paper), (id) => this.deps.topics.label(id));
    }
    return item;
  }
}

function newPapersText(count: number): string {
  return count === 1 ? vscode.l10n.t('1 new paper') : vscode.l10n.t('{0} new papers', count);
}
