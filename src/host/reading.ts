import * as vscode from 'vscode';
import type { Clock } from '../core/time/clock';
import { isNewSince, type Look, LOOK_MS, lookNow, MAX_READ, type NewContext } from '../core/feed/newSince';
import type { Paper } from '../core/paper/model';
import { Disposable } from './disposable';
import { GlobalStateKeys } from './ids';

/**
 * "New since last look": a paper is new when Paper Feed first saw it after the user last looked at
 * the Papers view, it belongs to that day's batch or a later one (so browsing old days adds nothing
 * new), and it has not been opened. Looking means the view was visible for a moment and then left;
 * Mark All Read ends a look at once.
 */
export class ReadingState extends Disposable {
  /** The last look at the Papers view. */
  private baseline: Look | undefined;
  private read: string[];
  private readSet: Set<string>;
  private visibleSince: number | undefined;
  private readonly newContext: NewContext = { seenAt: (id) => this.seenAt(id), isRead: (id) => this.readSet.has(id) };
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly opened = this._register(new vscode.EventEmitter<string>());
  /** A paper was opened (each time, read before or not): the Watches view's marks follow it. */
  readonly onDidMarkRead = this.opened.event;

  constructor(
    private readonly state: vscode.Memento,
    /** When Paper Feed first saw a paper (ISO, real time like the cache's), from the cache. */
    private readonly seenAt: (id: string) => string | undefined,
    private readonly clock: Clock,
  ) {
    super();
    const stored = state.get<Partial<Look>>(GlobalStateKeys.newBaseline);
    this.baseline = typeof stored?.at === 'string' && typeof stored.feedDate === 'string' ? { at: stored.at, feedDate: stored.feedDate } : undefined;
    this.read = state.get<string[]>(GlobalStateKeys.readIds, []).filter((id) => typeof id === 'string');
    this.readSet = new Set(this.read);
  }

  /** After the first load: a first run starts with nothing new. */
  async initialize(): Promise<void> {
    if (this.baseline === undefined) {
      await this.setBaseline();
    }
  }

  /** Follows the Papers view: leaving it after a look moves the baseline. */
  watch(view: vscode.TreeView<unknown>): void {
    this.visibleSince = view.visible ? Date.now() : undefined;
    this._register(view.onDidChangeVisibility(({ visible }) => {
      if (visible) {
        this.visibleSince = Date.now();
      } else if (this.visibleSince !== undefined) {
        const looked = Date.now() - this.visibleSince >= LOOK_MS;
        this.visibleSince = undefined;
        if (looked) {
          void this.setBaseline();
        }
      }
    }));
  }

  isNew(paper: Paper): boolean {
    return isNewSince(paper, this.baseline, this.newContext);
  }

  async markRead(id: string): Promise<void> {
    this.opened.fire(id);
    if (this.readSet.has(id)) {
      return;
    }
    this.read = [...this.read, id].slice(-MAX_READ);
    this.readSet = new Set(this.read);
    await this.state.update(GlobalStateKeys.readIds, this.read);
    this.changed.fire();
  }

  async markAllRead(): Promise<void> {
    await this.setBaseline();
  }

  private async setBaseline(): Promise<void> {
    this.baseline = lookNow(this.clock);
    this.read = [];
    this.readSet = new Set();
    await this.state.update(GlobalStateKeys.newBaseline, this.baseline);
    await this.state.update(GlobalStateKeys.readIds, []);
    this.changed.fire();
  }
}
