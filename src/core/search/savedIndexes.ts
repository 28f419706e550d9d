/**
 * Where the search index is saved: one file per topics configuration (the topics are part of what
 * it stores), `index-<hash of paperFeed.topics>.bin` in one folder. Files of a configuration no
 * window has used for a while are removed, so that changing the topics does not leave an index
 * behind for ever; one another window still uses (say, a workspace with its own topics) is kept,
 * since it would otherwise be rebuilt at each start.
 */
import { createHash } from 'node:crypto';
import { readdir, rm, stat, utimes } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A configuration's file not loaded or written for this long is stale. */
export const STALE_INDEX_MS = 7 * 24 * 60 * 60 * 1_000;
const INDEX_FILE = /^index-[0-9a-f]{12}\.bin$/;

/** The index file's name for a topics configuration (`paperFeed.topics`). */
export function indexFileName(userTopics: unknown): string {
  const key = createHash('sha256').update(JSON.stringify(userTopics ?? {})).digest('hex').slice(0, 12);
  return `index-${key}.bin`;
}

export interface IndexFileEntry {
  readonly name: string;
  /** Last loaded or written. */
  readonly modifiedMs: number;
}

/** The names among `entries` that are index files of other configurations, unused for STALE_INDEX_MS. */
export function staleIndexFiles(entries: readonly IndexFileEntry[], current: string, nowMs: number): string[] {
  return entries
    .filter((entry) => entry.name !== current && INDEX_FILE.test(entry.name) && nowMs - entry.modifiedMs >= STALE_INDEX_MS)
    .map((entry) => entry.name);
}

/**
 * Marks `indexPath` as in use (its modification time is now) and removes the stale index files of
 * other configurations beside it; returns the names removed. Each is best effort: a file another
 * process removed first, or one that cannot be removed, is skipped.
 */
export async function removeStaleIndexFiles(indexPath: string, nowMs = Date.now()): Promise<string[]> {
  const now = new Date(nowMs);
  await utimes(indexPath, now, now).catch(() => undefined);
  const folder = dirname(indexPath);
  const names = (await readdir(folder)).filter((name) => INDEX_FILE.test(name));
  const entries: IndexFileEntry[] = [];
  for (const name of names) {
    const info = await stat(join(folder, name)).catch(() => undefined);
    if (info?.isFile()) {
      entries.push({ name, modifiedMs: info.mtimeMs });
    }
  }
  const removed: string[] = [];
  for (const name of staleIndexFiles(entries, basename(indexPath), nowMs)) {
    if (await rm(join(folder, name), { force: true }).then(() => true, () => false)) {
      removed.push(name);
    }
  }
  return removed;
}
