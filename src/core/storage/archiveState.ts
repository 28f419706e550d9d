/**
 * The archive backfill's state file, `archive.json` in the cache folder: the months it fetched, with
 * their paper counts, when, and whether they are complete, so that a reload, a restart or an
 * interruption never fetches a complete month again. Format and versioning like the cache's files;
 * written atomically, each write merged into the file as it is then; a damaged file, or one from a
 * newer Paper Feed, is set aside (renamed) and the backfill starts over.
 */
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidMonth } from '../time/dates';
import { writeFileAtomic } from './atomicWrite';

export const ARCHIVE_STATE_FORMAT = 'paper-feed.archive';
export const ARCHIVE_STATE_VERSION = 1;
export const ARCHIVE_STATE_FILE = 'archive.json';

/** What the backfill knows of a month it fetched. */
export interface ArchiveMonth {
  /** Papers it held. */
  readonly papers: number;
  /** ISO date-time of the fetch. */
  readonly fetchedAt: string;
  /** Every page arrived after the month was over: it is never fetched again. */
  readonly complete: boolean;
}

export type ArchiveRecords = ReadonlyMap<string, ArchiveMonth>;

export class ArchiveStateFile {
  readonly path: string;

  constructor(readonly dir: string, private readonly log?: (level: 'info' | 'warn', message: string) => void) {
    this.path = join(dir, ARCHIVE_STATE_FILE);
  }

  /** The months recorded; none when there is no file, or it was damaged (then it is set aside). */
  async read(): Promise<Map<string, ArchiveMonth>> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return new Map();
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      await this.setAside('corrupt', 'it is not valid JSON');
      return new Map();
    }
    const file = json as { format?: unknown; version?: unknown; months?: unknown } | null;
    if (typeof file !== 'object' || file === null || file.format !== ARCHIVE_STATE_FORMAT || typeof file.version !== 'number'
      || typeof file.months !== 'object' || file.months === null || Array.isArray(file.months)) {
      await this.setAside('corrupt', 'it is not a Paper Feed archive state file');
      return new Map();
    }
    if (file.version > ARCHIVE_STATE_VERSION) {
      await this.setAside(`v${file.version}`, `it was written by a newer Paper Feed (version ${file.version})`);
      return new Map();
    }
    const months = new Map<string, ArchiveMonth>();
    for (const [month, value] of Object.entries(file.months as Record<string, unknown>)) {
      const record = parseMonth(value);
      if (isValidMonth(month) && record) {
        months.set(month, record);
      }
    }
    return months;
  }

  /** Records one month into the file as it is now (another window may have written since); returns the months. */
  async recordMonth(month: string, record: ArchiveMonth): Promise<Map<string, ArchiveMonth>> {
    const months = await this.read();
    months.set(month, record);
    await mkdir(this.dir, { recursive: true });
    const sorted = [...months.entries()].sort(([a], [b]) => b.localeCompare(a));
    await writeFileAtomic(this.path, `${JSON.stringify({
      format: ARCHIVE_STATE_FORMAT, version: ARCHIVE_STATE_VERSION, months: Object.fromEntries(sorted),
    }, null, 1)}\n`);
    return months;
  }

  /** Forgets every month (after the cache was cleared, the papers they stood for are gone). */
  async forget(): Promise<void> {
    await rm(this.path, { force: true });
  }

  private async setAside(reason: string, why: string): Promise<void> {
    const aside = `${ARCHIVE_STATE_FILE}.${reason}-${Date.now()}`;
    await rename(this.path, join(this.dir, aside)).catch(() => undefined);
    this.log?.('warn', `Archive: set ${ARCHIVE_STATE_FILE} aside as ${aside} because ${why}; the archive is fetched again.`);
  }
}

function parseMonth(value: unknown): ArchiveMonth | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const { papers, fetchedAt, complete } = value as { papers?: unknown; fetchedAt?: unknown; complete?: unknown };
  if (typeof papers !== 'number' || !Number.isInteger(papers) || papers < 0 || typeof fetchedAt !== 'string'
    || Number.isNaN(Date.parse(fetchedAt)) || typeof complete !== 'boolean') {
    return undefined;
  }
  return { papers, fetchedAt, complete };
}
