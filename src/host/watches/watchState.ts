import * as vscode from 'vscode';
import { currentFeedDate } from '../../core/feed/windows';
import type { WatchLook } from '../../core/search/watchedSearches';
import type { Clock } from '../../core/time/clock';
import { Disposable } from '../disposable';
import { GlobalStateKeys } from '../ids';

/** Looks kept: more than any settings file holds watches, so a watch hidden by a workspace's list keeps its look. */
const MAX_LOOKS = 200;
/** Opened papers kept (the newest); older ones are long past every look anyway. */
const MAX_READ = 2_000;

/**
 * What the Watches view's "new" is decided from, kept in globalState so that it survives restarts
 * and is shared by windows: each watch's last look (by the watch's key) and the papers opened.
 */
export class WatchState extends Disposable {
  private looks: Record<string, WatchLook>;
  private read: string[];
  private readSet: Set<string>;
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento, private readonly clock: Clock) {
    super();
    this.looks = validLooks(state.get<unknown>(GlobalStateKeys.watchLooks));
    const read = state.get<unknown>(GlobalStateKeys.watchReadIds);
    this.read = Array.isArray(read) ? read.filter((id): id is string => typeof id === 'string').slice(-MAX_READ) : [];
    this.readSet = new Set(this.read);
  }

  lookOf(key: string): WatchLook | undefined {
    return this.looks[key];
  }

  isRead(id: string): boolean {
    return this.readSet.has(id);
  }

  /** Watches never looked at start now: a new watch has nothing new. Resolves once stored. */
  async start(keys: readonly string[]): Promise<void> {
    const fresh = keys.filter((key) => this.looks[key] === undefined);
    if (fresh.length > 0) {
      await this.look(fresh);
    }
  }

  /** The user looked at these watches now: what they match so far is no longer new. */
  async look(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) {
      return;
    }
    const now: WatchLook = { at: new Date().toISOString(), feedDate: currentFeedDate(this.clock()) };
    const looks = { ...this.looks };
    for (const key of keys) {
      delete looks[key]; // re-inserted last: the most recent looks are the ones kept
      looks[key] = now;
    }
    this.looks = Object.fromEntries(Object.entries(looks).slice(-MAX_LOOKS));
    await this.state.update(GlobalStateKeys.watchLooks, this.looks);
    this.changed.fire();
  }

  /** A removed watch's look goes: added again later, it starts afresh. */
  async forget(key: string): Promise<void> {
    if (this.looks[key] !== undefined) {
      const { [key]: _removed, ...rest } = this.looks;
      this.looks = rest;
      await this.state.update(GlobalStateKeys.watchLooks, this.looks);
    }
  }

  /** An opened paper is new for no watch. */
  async markRead(id: string): Promise<void> {
    if (this.readSet.has(id)) {
      return;
    }
    this.read = [...this.read, id].slice(-MAX_READ);
    this.readSet = new Set(this.read);
    await this.state.update(GlobalStateKeys.watchReadIds, this.read);
    this.changed.fire();
  }
}

/** The stored looks, checked entry by entry (globalState is a file another version may have written). */
function validLooks(value: unknown): Record<string, WatchLook> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {};
  }
  const looks: Record<string, WatchLook> = {};
  for (const [key, look] of Object.entries(value as Record<string, unknown>).slice(-MAX_LOOKS)) {
    const { at, feedDate } = (typeof look === 'object' && look !== null ? look : {}) as { at?: unknown; feedDate?: unknown };
    if (typeof at === 'string' && typeof feedDate === 'string') {
      looks[key] = { at, feedDate };
    }
  }
  return looks;
}
