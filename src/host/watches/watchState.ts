import * as vscode from 'vscode';
import { type Look, lookNow, MAX_READ } from '../../core/feed/newSince';
import {
  looksValue, readAnnounced, readIds, readLooks, withAnnounced, withLooks, withoutAnnounced, withReadIds,
} from '../../core/search/watchRecords';
import type { Clock } from '../../core/time/clock';
import { Disposable } from '../disposable';
import { GlobalStateKeys } from '../ids';

/** A value of the memento as last parsed: parsed again only when the memento holds another value (another window, or this one, wrote it). */
class Parsed<T> {
  private raw: unknown = Symbol('never read');
  private value: T | undefined;

  constructor(private readonly parse: (raw: unknown) => T) {}

  of(raw: unknown): T {
    if (raw !== this.raw || this.value === undefined) {
      this.raw = raw;
      this.value = this.parse(raw);
    }
    return this.value;
  }
}

/**
 * What the Watches view's "new" is decided from, kept in globalState so that it survives restarts
 * and is shared by windows: each watch's last look (by the watch's key), the papers opened, and the
 * papers each watch has announced (so that no window announces them again, after a restart either).
 * Every value is read from the memento when asked, and again just before each change, which is
 * merged into it entry by entry: what another window stored since is kept, never overwritten by a
 * copy this window read earlier.
 */
export class WatchState extends Disposable {
  private readonly looks = new Parsed(readLooks);
  private readonly read = new Parsed((raw) => new Set(readIds(raw, MAX_READ)));
  private readonly announced = new Parsed(readAnnounced);
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento, private readonly clock: Clock) {
    super();
  }

  private stored(key: string): unknown {
    return this.state.get<unknown>(key);
  }

  lookOf(key: string): Look | undefined {
    return this.looks.of(this.stored(GlobalStateKeys.watchLooks)).get(key);
  }

  isRead(id: string): boolean {
    return this.read.of(this.stored(GlobalStateKeys.watchReadIds)).has(id);
  }

  /** Whether `id` was announced for the watch with this key. */
  wasAnnounced(key: string, id: string): boolean {
    return this.announced.of(this.stored(GlobalStateKeys.watchAnnounced)).get(key)?.includes(id) === true;
  }

  /** Watches never looked at start now: a new watch has nothing new. Resolves once stored. */
  async start(keys: readonly string[]): Promise<void> {
    const fresh = keys.filter((key) => this.lookOf(key) === undefined);
    if (fresh.length > 0) {
      await this.look(fresh);
    }
  }

  /** The user looked at these watches now: what they match so far is no longer new. */
  async look(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) {
      return;
    }
    await this.state.update(GlobalStateKeys.watchLooks, looksValue(withLooks(this.stored(GlobalStateKeys.watchLooks), keys, lookNow(this.clock))));
    this.changed.fire();
  }

  /** These papers were announced for the watch with this key: no window announces them again. */
  async announce(key: string, ids: readonly string[]): Promise<void> {
    if (ids.length > 0) {
      await this.state.update(GlobalStateKeys.watchAnnounced, withAnnounced(this.stored(GlobalStateKeys.watchAnnounced), key, ids));
    }
  }

  /** A removed watch's look and announcements go: added again later, it starts afresh. */
  async forget(key: string): Promise<void> {
    const looks = readLooks(this.stored(GlobalStateKeys.watchLooks));
    if (looks.delete(key)) {
      await this.state.update(GlobalStateKeys.watchLooks, looksValue(looks));
    }
    if (readAnnounced(this.stored(GlobalStateKeys.watchAnnounced)).has(key)) {
      await this.state.update(GlobalStateKeys.watchAnnounced, withoutAnnounced(this.stored(GlobalStateKeys.watchAnnounced), key));
    }
  }

  /** An opened paper is new for no watch. */
  async markRead(id: string): Promise<void> {
    if (this.isRead(id)) {
      return;
    }
    await this.state.update(GlobalStateKeys.watchReadIds, withReadIds(this.stored(GlobalStateKeys.watchReadIds), [id]));
    this.changed.fire();
  }
}
