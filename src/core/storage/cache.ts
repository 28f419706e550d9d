/**
 * The paper cache: every paper seen, with the days it was featured, and what each window last
 * showed. Files under one folder (the extension's globalStorageUri):
 *   index.json             windows and their paper ids
 *   papers-YYYY-MM.json    papers, sharded by the month they were first featured
 * Writes are atomic (temp file + rename) and merge with what other windows wrote meanwhile, under a
 * lock. A damaged or newer-schema file is set aside (renamed) and never breaks loading.
 */
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { paperDate, type Paper } from '../paper/model';
import { writeFileAtomic } from './atomicWrite';
import { parseStoredPaper } from '../paper/stored';
import { FileLock } from './lock';

export const CACHE_FORMAT = 'paper-feed.cache';
export const CACHE_VERSION = 1;

export interface CachedPaper {
  readonly paper: Paper;
  /** Feed days it was featured on (YYYY-MM-DD), ascending. */
  readonly days: readonly string[];
  /** When Paper Feed first saw it (ISO date-time). */
  readonly seenAt: string;
}

export interface WindowRecord {
  readonly ids: readonly string[];
  /** ISO date-time of the fetch. */
  readonly fetchedAt: string;
  /** For `today`: the date whose batch this is. */
  readonly date?: string;
}

export interface CacheOptions {
  /** Read at every write, so a changed setting applies at the next refresh. */
  maxPapers: number;
  readonly log?: (level: 'info' | 'warn', message: string) => void;
  readonly now?: () => Date;
}

const SHARD = /^papers-(\d{4}-\d{2}|undated)\.json$/;

export class PaperCache {
  private papers = new Map<string, CachedPaper>();
  private windows = new Map<string, WindowRecord>();
  /** Changes with every write, so a writer can tell whether another window wrote since it loaded. */
  private generation: string | undefined;
  private readonly writeLock: FileLock;
  /** Held by the window that is fetching, so other windows wait for its result instead of fetching too. */
  readonly refreshLock: FileLock;

  constructor(readonly dir: string, readonly options: CacheOptions) {
    this.writeLock = new FileLock(join(dir, '.write.lock'), { staleMs: 30_000, waitMs: 15_000, pollMs: 25 });
    this.refreshLock = new FileLock(join(dir, '.refresh.lock'), { staleMs: 120_000, waitMs: 0, pollMs: 200 });
  }

  get size(): number {
    return this.papers.size;
  }

  get(id: string): CachedPaper | undefined {
    return this.papers.get(id);
  }

  all(): CachedPaper[] {
    return [...this.papers.values()];
  }

  window(key: string): WindowRecord | undefined {
    return this.windows.get(key);
  }

  /** Papers of a window record, in its order, skipping any evicted since. */
  windowPapers(key: string): Paper[] | undefined {
    const record = this.windows.get(key);
    return record?.ids.map((id) => this.papers.get(id)?.paper).filter((paper): paper is Paper => paper !== undefined);
  }

  /** Reads every file; damaged ones are set aside. Yields between files so a large cache never blocks long. */
  async load(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const papers = new Map<string, CachedPaper>();
    const index = await this.readJson('index.json');
    const windows = new Map<string, WindowRecord>();
    if (index && typeof index.windows === 'object' && index.windows !== null) {
      for (const [key, value] of Object.entries(index.windows as Record<string, unknown>)) {
        const record = parseWindowRecord(value);
        if (record) {
          windows.set(key, record);
        }
      }
    }
    for (const name of (await readdir(this.dir)).filter((file) => SHARD.test(file)).sort()) {
      const shard = await this.readJson(name);
      for (const entry of Array.isArray(shard?.papers) ? shard.papers : []) {
        const cached = parseCachedPaper(entry);
        if (cached) {
          papers.set(cached.paper.id, merge(papers.get(cached.paper.id), cached));
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.papers = papers;
    this.windows = windows;
    this.generation = typeof index?.generation === 'string' ? index.generation : undefined;
  }

  /** Reloads only when another window wrote since our last load or write. */
  private async refreshFromDisk(): Promise<void> {
    const index = await this.readJson('index.json');
    const generation = typeof index?.generation === 'string' ? index.generation : undefined;
    if (generation === undefined || generation !== this.generation) {
      await this.load();
    }
  }

  /**
   * Adds papers from a fetch and records the window, merging with whatever other windows wrote since
   * our last load (so no update is lost), then evicts the least recently featured papers past maxPapers.
   */
  async record(key: string, papers: readonly Paper[], extra: { date?: string; featuredOn?: (paper: Paper) => string | undefined } = {}): Promise<void> {
    const now = (this.options.now ?? (() => new Date()))().toISOString();
    const incoming = papers.map((paper): CachedPaper => {
      const day = extra.featuredOn?.(paper) ?? paper.feedDate;
      return { paper, days: day ? [day] : [], seenAt: now };
    });
    const record: WindowRecord = { ids: papers.map((paper) => paper.id), fetchedAt: now, ...(extra.date ? { date: extra.date } : {}) };
    await this.update((state) => {
      for (const entry of incoming) {
        state.papers.set(entry.paper.id, merge(state.papers.get(entry.paper.id), entry));
      }
      state.windows.set(key, record);
    });
  }

  /** Forgets everything (files included). */
  async clear(): Promise<void> {
    await this.withWriteLock(async () => {
      for (const name of await readdir(this.dir).catch(() => [] as string[])) {
        if (SHARD.test(name) || name === 'index.json') {
          await rm(join(this.dir, name), { force: true });
        }
      }
    });
    this.papers = new Map();
    this.windows = new Map();
    this.generation = undefined;
  }

  private async update(change: (state: { papers: Map<string, CachedPaper>; windows: Map<string, WindowRecord> }) => void): Promise<void> {
    await this.withWriteLock(async () => {
      await this.refreshFromDisk(); // what other windows wrote meanwhile
      const before = new Map(this.papers);
      const state = { papers: new Map(this.papers), windows: new Map(this.windows) };
      change(state);
      this.evict(state);
      const dirty = new Set<string>();
      for (const [id, entry] of state.papers) {
        if (before.get(id) !== entry) {
          dirty.add(shardOf(entry));
        }
      }
      for (const [id, entry] of before) {
        if (state.papers.get(id) !== entry) {
          dirty.add(shardOf(entry));
        }
      }
      for (const shard of dirty) {
        const entries = [...state.papers.values()].filter((entry) => shardOf(entry) === shard);
        const name = `papers-${shard}.json`;
        if (entries.length === 0) {
          await rm(join(this.dir, name), { force: true });
        } else {
          await this.writeJson(name, { format: CACHE_FORMAT, version: CACHE_VERSION, papers: entries });
        }
      }
      const generation = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
      await this.writeJson('index.json', {
        format: CACHE_FORMAT, version: CACHE_VERSION, generation, windows: Object.fromEntries(state.windows),
      });
      this.generation = generation;
      this.papers = state.papers;
      this.windows = state.windows;
    });
  }

  private evict(state: { papers: Map<string, CachedPaper>; windows: Map<string, WindowRecord> }): void {
    const excess = state.papers.size - Math.max(1, this.options.maxPapers);
    if (excess <= 0) {
      return;
    }
    const byAge = [...state.papers.values()].sort((a, b) => lastDay(a).localeCompare(lastDay(b)) || a.seenAt.localeCompare(b.seenAt));
    for (const entry of byAge.slice(0, excess)) {
      state.papers.delete(entry.paper.id);
    }
    this.options.log?.('info', `Cache: evicted ${excess} papers beyond the limit of ${this.options.maxPapers}.`);
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

  /** Parses a cache file; sets it aside when it is damaged or from a newer Paper Feed. */
  private async readJson(name: string): Promise<Record<string, unknown> | undefined> {
    const path = join(this.dir, name);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return undefined;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      await this.setAside(name, 'corrupt', 'it is not valid JSON');
      return undefined;
    }
    const file = json as { format?: unknown; version?: unknown } | null;
    if (typeof file !== 'object' || file === null || file.format !== CACHE_FORMAT || typeof file.version !== 'number') {
      await this.setAside(name, 'corrupt', 'it is not a Paper Feed cache file');
      return undefined;
    }
    if (file.version > CACHE_VERSION) {
      await this.setAside(name, `v${file.version}`, `it was written by a newer Paper Feed (cache version ${file.version})`);
      return undefined;
    }
    return json as Record<string, unknown>;
  }

  private async setAside(name: string, reason: string, why: string): Promise<void> {
    const aside = `${name}.${reason}-${Date.now()}`;
    await rename(join(this.dir, name), join(this.dir, aside)).catch(() => undefined);
    this.options.log?.('warn', `Cache: set ${name} aside as ${aside} because ${why}; the rest of the cache is used.`);
  }

  private async writeJson(name: string, value: unknown): Promise<void> {
    await writeFileAtomic(join(this.dir, name), JSON.stringify(value));
  }
}

function shardOf(entry: CachedPaper): string {
  const day = entry.days[0] ?? paperDate(entry.paper);
  return day ? day.slice(0, 7) : 'undated';
}

function lastDay(entry: CachedPaper): string {
  return entry.days[entry.days.length - 1] ?? paperDate(entry.paper) ?? '';
}

/** Newer paper fields win; days are united; the first sighting is kept. */
function merge(existing: CachedPaper | undefined, incoming: CachedPaper): CachedPaper {
  if (!existing) {
    return incoming;
  }
  const days = [...new Set([...existing.days, ...incoming.days])].sort();
  return {
    paper: { ...existing.paper, ...incoming.paper },
    days,
    seenAt: existing.seenAt < incoming.seenAt ? existing.seenAt : incoming.seenAt,
  };
}

function parseCachedPaper(value: unknown): CachedPaper | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const entry = value as { paper?: unknown; days?: unknown; seenAt?: unknown };
  const paper = parseStoredPaper(entry.paper);
  if (!paper) {
    return undefined;
  }
  const days = Array.isArray(entry.days) ? entry.days.filter((day): day is string => typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day)).sort() : [];
  const seenAt = typeof entry.seenAt === 'string' && !Number.isNaN(Date.parse(entry.seenAt)) ? entry.seenAt : new Date(0).toISOString();
  return { paper, days, seenAt };
}

function parseWindowRecord(value: unknown): WindowRecord | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const record = value as { ids?: unknown; fetchedAt?: unknown; date?: unknown };
  if (!Array.isArray(record.ids) || typeof record.fetchedAt !== 'string' || Number.isNaN(Date.parse(record.fetchedAt))) {
    return undefined;
  }
  return {
    ids: record.ids.filter((id): id is string => typeof id === 'string'),
    fetchedAt: record.fetchedAt,
    ...(typeof record.date === 'string' ? { date: record.date } : {}),
  };
}
