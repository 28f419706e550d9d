/**
 * The paper cache: every paper seen, with the days it was featured, and what each window last
 * showed, in files under one folder (the extension's globalStorageUri; see ./cacheFiles.ts).
 *
 * It holds in memory only what it is asked to: the index (windows and counts) and the papers of the
 * window in use. With the whole Daily Papers archive cached (tens of thousands of papers), the
 * extension host must not carry all of them; the search worker reads the shards itself, one at a time.
 *
 * Writes are atomic and merge with what other windows wrote meanwhile, under a lock: a shard is read
 * from disk, merged and written back each time papers go into it.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Paper } from '../paper/model';
import { CacheFiles, type CachedPaper, lastDay, type Log, mergeCached, shardOf, type WindowRecord } from './cacheFiles';
import { featuredOn, latestFeaturedDay, latestRecordedDay } from './cachedDays';
import { FileLock } from './lock';

export { CACHE_FORMAT, CACHE_VERSION, type CachedPaper, shardOfDate, type WindowRecord } from './cacheFiles';

export interface CacheOptions {
  /** Read at every write, so a changed setting applies at the next refresh. */
  maxPapers: number;
  readonly log?: Log;
  readonly now?: () => Date;
}

/** Papers going into their shards, and the window they were fetched for. */
interface RecordPlan {
  readonly key: string;
  readonly byShard: ReadonlyMap<string, readonly CachedPaper[]>;
  readonly record: WindowRecord;
}

export class PaperCache {
  private readonly files: CacheFiles;
  private windows = new Map<string, WindowRecord>();
  private counts = new Map<string, number>();
  /** Changes with every write, so a reader can tell whether another window wrote since. */
  private generation: string | undefined;
  /** The papers in memory: those of the window in use, and papers recorded or updated meanwhile. */
  private held = new Map<string, CachedPaper>();
  /** The window whose papers are held, and the index generation they were read at. */
  private inUse: { key: string; generation: string | undefined } | undefined;
  private readonly writeLock: FileLock;
  /** Held by the window that is fetching, so other windows wait for its result instead of fetching too. */
  readonly refreshLock: FileLock;

  constructor(readonly dir: string, readonly options: CacheOptions) {
    this.files = new CacheFiles(dir, options.log);
    this.writeLock = new FileLock(join(dir, '.write.lock'), { staleMs: 30_000, waitMs: 15_000, pollMs: 25 });
    this.refreshLock = new FileLock(join(dir, '.refresh.lock'), { staleMs: 120_000, waitMs: 0, pollMs: 200 });
  }

  /** Papers in the cache (from the index's counts). */
  get size(): number {
    let total = 0;
    for (const count of this.counts.values()) {
      total += count;
    }
    return total;
  }

  /** A paper in memory (one of the window in use, or recorded since). */
  get(id: string): CachedPaper | undefined {
    return this.held.get(id);
  }

  /** The papers in memory. */
  heldPapers(): CachedPaper[] {
    return [...this.held.values()];
  }

  window(key: string): WindowRecord | undefined {
    return this.windows.get(key);
  }

  /** Papers of a window record, in its order, skipping any not held (evicted since; call `useWindow` first). */
  windowPapers(key: string): Paper[] | undefined {
    const record = this.windows.get(key);
    return record?.ids.map((id) => this.held.get(id)?.paper).filter((paper): paper is Paper => paper !== undefined);
  }

  /**
   * Reads the index (windows and counts), and nothing else: papers are read when a window is used.
   * A cache version 1 folder (uncompressed shards, no counts) is converted once, under the lock.
   */
  async load(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const index = await this.files.readIndex();
    this.windows = index.windows;
    this.generation = index.generation;
    this.held = new Map();
    this.inUse = undefined;
    if (index.counts) {
      this.counts = index.counts;
    } else if ((await this.files.shards()).length > 0) {
      await this.update(undefined, { convert: true });
    } else {
      this.counts = new Map();
    }
  }

  /** Holds the papers of a window (reading only the shards its papers are in) in place of the last one's. */
  async useWindow(key: string): Promise<void> {
    await this.refreshIndex();
    const record = this.windows.get(key);
    if (this.inUse?.key === key && this.inUse.generation === this.generation && record?.ids.every((id) => this.held.has(id))) {
      return;
    }
    const held = new Map<string, CachedPaper>();
    if (record) {
      const wanted = new Set(record.ids);
      for (const month of record.shards ?? (await this.files.shards())) {
        for (const [id, entry] of await this.files.readShard(month)) {
          if (wanted.has(id)) {
            held.set(id, mergeCached(held.get(id), entry));
          }
        }
      }
    }
    this.held = held;
    this.inUse = { key, generation: this.generation };
  }

  /** The papers of a recorded window, read from its own shards only, leaving what is held as it is. */
  async readWindow(key: string): Promise<Paper[]> {
    await this.refreshIndex();
    const record = this.windows.get(key);
    if (!record) {
      return [];
    }
    const wanted = new Set(record.ids);
    const found = new Map<string, Paper>();
    for (const id of record.ids) {
      const held = this.held.get(id);
      if (held) {
        found.set(id, held.paper);
      }
    }
    for (const month of record.shards ?? (await this.files.shards())) {
      if (found.size === wanted.size) {
        break;
      }
      for (const [id, entry] of await this.files.readShard(month)) {
        if (wanted.has(id) && !found.has(id)) {
          found.set(id, entry.paper);
        }
      }
    }
    return record.ids.map((id) => found.get(id)).filter((paper): paper is Paper => paper !== undefined);
  }

  /**
   * Full entries for paper ids, read from disk: `shardHint` names the shard each is likely in (the
   * month of a search card's date); ids not found there are looked for in every shard.
   */
  async read(ids: readonly string[], shardHint: (id: string) => string | undefined = () => undefined, options: { readonly scan?: boolean } = {}): Promise<Map<string, CachedPaper>> {
    const found = new Map<string, CachedPaper>();
    const missing = new Set(ids.filter((id) => {
      const held = this.held.get(id);
      if (held) {
        found.set(id, held);
      }
      return !held;
    }));
    const hinted = [...new Set([...missing].map(shardHint).filter((month): month is string => month !== undefined))];
    // `scan: false`: the hinted shards only (a miss is not worth reading every month file).
    for (const pass of options.scan === false ? [hinted] : [hinted, undefined]) {
      if (missing.size === 0) {
        break;
      }
      for (const month of pass ?? (await this.files.shards()).filter((shard) => !hinted.includes(shard))) {
        for (const [id, entry] of await this.files.readShard(month)) {
          if (missing.delete(id)) {
            found.set(id, entry);
          }
        }
      }
    }
    return found;
  }

  /**
   * The latest day before `before` on which a cached paper was featured: the index's windows, then
   * the month files, newest first, stopping at the first that has one (or that is older than the index's).
   */
  async latestDayBefore(before: string): Promise<string | undefined> {
    await this.refreshIndex();
    const recorded = latestRecordedDay(this.windows, before);
    const months = [...this.counts.keys()].filter((month) => month !== 'undated' && month <= before.slice(0, 7)).sort().reverse();
    for (const month of months) {
      if (recorded !== undefined && month < recorded.slice(0, 7)) {
        break;
      }
      const day = latestFeaturedDay((await this.files.readShard(month)).values(), before);
      if (day !== undefined) {
        return recorded !== undefined && recorded > day ? recorded : day;
      }
    }
    return recorded;
  }

  /** Cached papers featured on `day` (reads that month's file only), e.g. to show a day no window was recorded for. */
  async papersOn(day: string): Promise<Paper[]> {
    return [...(await this.files.readShard(day.slice(0, 7))).values()].filter((entry) => featuredOn(entry, day)).map((entry) => entry.paper);
  }

  /** Every shard on disk, oldest first, and a way to read one: for the search worker, which reads them one at a time. */
  async shardMonths(): Promise<string[]> {
    return this.files.shards();
  }

  async readShard(month: string): Promise<CachedPaper[]> {
    return [...(await this.files.readShard(month)).values()];
  }

  /** Every paper on disk, merged across shards (tests and tools; the extension host never needs all). */
  async readAll(): Promise<CachedPaper[]> {
    const all = new Map<string, CachedPaper>();
    for (const month of await this.files.shards()) {
      for (const [id, entry] of await this.files.readShard(month)) {
        all.set(id, mergeCached(all.get(id), entry));
      }
    }
    return [...all.values()];
  }

  /**
   * Adds papers from a fetch and records the window, merging with whatever other windows wrote (so
   * no update is lost), then evicts the least recently featured papers past maxPapers.
   */
  async record(key: string, papers: readonly Paper[], extra: { date?: string; featuredOn?: (paper: Paper) => string | undefined } = {}): Promise<void> {
    const now = (this.options.now ?? (() => new Date()))().toISOString();
    const incoming = papers.map((paper): CachedPaper => {
      const day = extra.featuredOn?.(paper) ?? paper.feedDate;
      return { paper, days: day ? [day] : [], seenAt: now };
    });
    const byShard = new Map<string, CachedPaper[]>();
    for (const entry of incoming) {
      byShard.set(shardOf(entry), [...(byShard.get(shardOf(entry)) ?? []), entry]);
    }
    await this.update({
      key,
      byShard,
      record: { ids: papers.map((paper) => paper.id), fetchedAt: now, ...(extra.date ? { date: extra.date } : {}), shards: [...byShard.keys()].sort() },
    });
  }

  /** Forgets everything (files included). */
  async clear(): Promise<void> {
    await this.withWriteLock(() => this.files.removeAll());
    this.windows = new Map();
    this.counts = new Map();
    this.held = new Map();
    this.inUse = undefined;
    this.generation = undefined;
  }

  /** Rereads the index when another window wrote since (the held papers are reread at next use). */
  private async refreshIndex(): Promise<void> {
    const index = await this.files.readIndex();
    if (index.generation === undefined || index.generation !== this.generation) {
      this.windows = index.windows;
      this.counts = index.counts ?? this.counts;
      this.generation = index.generation;
    }
  }

  private async update(plan: RecordPlan | undefined, options: { convert?: boolean } = {}): Promise<void> {
    await this.withWriteLock(async () => {
      await this.refreshIndex(); // what other windows wrote meanwhile
      const counts = options.convert ? new Map<string, number>() : new Map(this.counts);
      if (options.convert) {
        const onDisk = await this.files.shards();
        // Version 1: every shard is read, written compressed and counted.
        for (const month of onDisk) {
          const shard = await this.files.readShard(month);
          await this.files.writeShard(month, shard.values());
          counts.set(month, shard.size);
        }
        this.options.log?.('info', `Cache: converted ${onDisk.length} month files to the compressed format.`);
      }
      const windows = new Map(this.windows);
      if (plan) {
        const written = new Map<string, CachedPaper>();
        for (const [month, entries] of plan.byShard) {
          const shard = await this.files.readShard(month);
          for (const entry of entries) {
            shard.set(entry.paper.id, mergeCached(shard.get(entry.paper.id), entry));
            written.set(entry.paper.id, shard.get(entry.paper.id) as CachedPaper);
          }
          await this.files.writeShard(month, shard.values());
          counts.set(month, shard.size);
        }
        windows.set(plan.key, plan.record);
        this.hold(plan.key, written);
      }
      await this.evict(counts);
      const generation = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
      await this.files.writeIndex({ windows, counts, generation });
      this.windows = windows;
      this.counts = counts;
      if (this.inUse && this.inUse.generation === this.generation) {
        this.inUse = { key: this.inUse.key, generation }; // what it holds is current: our own write
      }
      this.generation = generation;
    });
  }

  /** Keeps a recorded window's papers in memory when it is the one in use; refreshes any held copy. */
  private hold(key: string, written: Map<string, CachedPaper>): void {
    const inUse = this.inUse?.key === key;
    for (const [id, entry] of written) {
      if (inUse || this.held.has(id)) {
        this.held.set(id, entry);
      }
    }
  }

  /** Past maxPapers: the least recently featured papers go, oldest shards first. */
  private async evict(counts: Map<string, number>): Promise<void> {
    let excess = [...counts.values()].reduce((sum, count) => sum + count, 0) - Math.max(1, this.options.maxPapers);
    if (excess <= 0) {
      return;
    }
    const total = excess;
    for (const month of [...counts.keys()].sort()) {
      if (excess <= 0) {
        break;
      }
      const shard = await this.files.readShard(month);
      const byAge = [...shard.values()].sort((a, b) => lastDay(a).localeCompare(lastDay(b)) || a.seenAt.localeCompare(b.seenAt));
      for (const entry of byAge.slice(0, excess)) {
        shard.delete(entry.paper.id);
        this.held.delete(entry.paper.id);
        excess--;
      }
      await this.files.writeShard(month, shard.values());
      if (shard.size === 0) {
        counts.delete(month);
      } else {
        counts.set(month, shard.size);
      }
    }
    this.options.log?.('info', `Cache: evicted ${total - Math.max(0, excess)} papers beyond the limit of ${this.options.maxPapers}.`);
  }

  private async withWriteLock<T>(work: () => Promise<T>): Promise<T> {
    await mkdir(this.dir, { recursive: true });
    if (!(await this.writeLock.acquire())) {
      throw new Error('The paper cache is locked by another window; try again.');
    }
    try {
      return await work();
    } finally {
      await this.writeLock.release();
    }
  }
}
