/**
 * The paper cache's files and what is in them, without the cache's rules (what is kept, merged or
 * evicted: ./cache.ts). One folder holds:
 *   index.json               the windows (their paper ids and shards), the paper count per shard, a generation
 *   papers-YYYY-MM.json.gz   papers, sharded by the month they were featured, gzip-compressed JSON
 *   papers-YYYY-MM.json      the same, uncompressed, as cache version 1 wrote it (read, then replaced)
 * A damaged or newer-schema file is set aside (renamed) and never breaks reading.
 */
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { paperDate, type Paper } from '../paper/model';
import { parseStoredPaper } from '../paper/stored';
import { writeFileAtomic } from './atomicWrite';

export const CACHE_FORMAT = 'paper-feed.cache';
/** 2: shards are gzip-compressed and the index counts them; version 1 files are still read. */
export const CACHE_VERSION = 2;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

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
  /** The shards its papers were written to (absent in records cache version 1 wrote: then any shard). */
  readonly shards?: readonly string[];
}

export interface CacheIndex {
  readonly windows: Map<string, WindowRecord>;
  /** Papers per shard; undefined when the index predates the counts (version 1). */
  readonly counts: Map<string, number> | undefined;
  readonly generation: string | undefined;
}

export type Log = (level: 'info' | 'warn', message: string) => void;

const SHARD = /^papers-(\d{4}-\d{2}|undated)\.json(\.gz)?$/;

/** The shard a paper lives in: the month it was put on the feed (stable across fetches), else its date. */
export function shardOf(entry: CachedPaper): string {
  const day = entry.paper.feedDate ?? entry.days[0] ?? paperDate(entry.paper);
  return day ? day.slice(0, 7) : 'undated';
}

/** The shard a paper with this date (YYYY-MM-DD, a search card's date) would be in. */
export function shardOfDate(date: string | undefined): string {
  return date && /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : 'undated';
}

export class CacheFiles {
  constructor(readonly dir: string, private readonly log?: Log) {}

  /** Every shard on disk, oldest first (either file form). */
  async shards(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const months = new Set<string>();
    for (const name of names) {
      const match = SHARD.exec(name);
      if (match?.[1]) {
        months.add(match[1]);
      }
    }
    return [...months].sort();
  }

  async readIndex(): Promise<CacheIndex> {
    const index = await this.readJson('index.json', await readFile(join(this.dir, 'index.json')).catch(() => undefined));
    const windows = new Map<string, WindowRecord>();
    if (index && typeof index.windows === 'object' && index.windows !== null) {
      for (const [key, value] of Object.entries(index.windows as Record<string, unknown>)) {
        const record = parseWindowRecord(value);
        if (record) {
          windows.set(key, record);
        }
      }
    }
    let counts: Map<string, number> | undefined;
    if (index && typeof index.shards === 'object' && index.shards !== null) {
      counts = new Map();
      for (const [month, count] of Object.entries(index.shards as Record<string, unknown>)) {
        if (typeof count === 'number' && Number.isInteger(count) && count > 0) {
          counts.set(month, count);
        }
      }
    }
    return { windows, counts, generation: typeof index?.generation === 'string' ? index.generation : undefined };
  }

  async writeIndex(index: CacheIndex): Promise<void> {
    await writeFileAtomic(join(this.dir, 'index.json'), JSON.stringify({
      format: CACHE_FORMAT, version: CACHE_VERSION, generation: index.generation,
      shards: Object.fromEntries(index.counts ?? []), windows: Object.fromEntries(index.windows),
    }));
  }

  /** A shard's papers by id: both file forms, merged (a version 1 file not yet replaced). */
  async readShard(month: string): Promise<Map<string, CachedPaper>> {
    const papers = new Map<string, CachedPaper>();
    for (const name of [`papers-${month}.json`, `papers-${month}.json.gz`]) {
      const file = await this.readJson(name, await this.readBytes(name));
      for (const entry of Array.isArray(file?.papers) ? file.papers : []) {
        const cached = parseCachedPaper(entry);
        if (cached) {
          papers.set(cached.paper.id, mergeCached(papers.get(cached.paper.id), cached));
        }
      }
    }
    return papers;
  }

  /** Writes a shard compressed (removing its version 1 file), or removes it when empty. */
  async writeShard(month: string, papers: Iterable<CachedPaper>): Promise<void> {
    const list = [...papers];
    if (list.length === 0) {
      await rm(join(this.dir, `papers-${month}.json.gz`), { force: true });
    } else {
      const json = JSON.stringify({ format: CACHE_FORMAT, version: CACHE_VERSION, papers: list });
      await writeFileAtomic(join(this.dir, `papers-${month}.json.gz`), await gzipAsync(json));
    }
    await rm(join(this.dir, `papers-${month}.json`), { force: true });
  }

  /** Removes every cache file (not locks, not files set aside). */
  async removeAll(): Promise<void> {
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      if (SHARD.test(name) || name === 'index.json') {
        await rm(join(this.dir, name), { force: true });
      }
    }
  }

  private async readBytes(name: string): Promise<Buffer | undefined> {
    const bytes = await readFile(join(this.dir, name)).catch(() => undefined);
    if (!bytes || !name.endsWith('.gz')) {
      return bytes;
    }
    try {
      return await gunzipAsync(bytes);
    } catch {
      await this.setAside(name, 'corrupt', 'it is not a readable gzip file');
      return undefined;
    }
  }

  /** Parses a cache file; sets it aside when it is damaged or from a newer Paper Feed. */
  private async readJson(name: string, bytes: Buffer | undefined): Promise<Record<string, unknown> | undefined> {
    if (bytes === undefined) {
      return undefined;
    }
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
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
    this.log?.('warn', `Cache: set ${name} aside as ${aside} because ${why}; the rest of the cache is used.`);
  }
}

/** Newer paper fields win; days are united; the first sighting is kept. */
export function mergeCached(existing: CachedPaper | undefined, incoming: CachedPaper): CachedPaper {
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

export function lastDay(entry: CachedPaper): string {
  return entry.days[entry.days.length - 1] ?? paperDate(entry.paper) ?? '';
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
  const record = value as { ids?: unknown; fetchedAt?: unknown; date?: unknown; shards?: unknown };
  if (!Array.isArray(record.ids) || typeof record.fetchedAt !== 'string' || Number.isNaN(Date.parse(record.fetchedAt))) {
    return undefined;
  }
  const shards = Array.isArray(record.shards) ? record.shards.filter((shard): shard is string => typeof shard === 'string' && /^(\d{4}-\d{2}|undated)$/.test(shard)) : undefined;
  return {
    ids: record.ids.filter((id): id is string => typeof id === 'string'),
    fetchedAt: record.fetchedAt,
    ...(typeof record.date === 'string' ? { date: record.date } : {}),
    ...(shards ? { shards } : {}),
  };
}
