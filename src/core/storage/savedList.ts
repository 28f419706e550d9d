/**
 * The reading list file: the saved papers with a full copy of each (so they outlive the cache),
 * written by every VS Code window on the machine. Changes are applied to what is on disk at the
 * moment of writing (under a lock), so two windows saving at once both keep their papers.
 */
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FileLock } from './lock';
import { isObject } from '../paper/json';
import type { Paper } from '../paper/model';
import { writeFileAtomic } from './atomicWrite';
import { parseStoredPaper } from '../paper/stored';

export const SAVED_FORMAT = 'paper-feed.saved';
export const SAVED_VERSION = 1;

export interface SavedEntry {
  readonly paper: Paper;
  /** ISO date-time. */
  readonly savedAt: string;
}

export type SavedChange = { readonly save: readonly SavedEntry[] } | { readonly remove: readonly string[] };

export interface ParsedSaved {
  readonly entries: SavedEntry[];
  /** Why the file could not be used as it is: it is set aside, never overwritten blindly. */
  readonly problem?: string;
}

export function parseSaved(text: string): ParsedSaved {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { entries: [], problem: 'it is not valid JSON' };
  }
  if (!isObject(json) || json.format !== SAVED_FORMAT || typeof json.version !== 'number' || !Array.isArray(json.papers)) {
    return { entries: [], problem: 'it is not a Paper Feed reading list' };
  }
  if (json.version > SAVED_VERSION) {
    return { entries: [], problem: `it was written by a newer Paper Feed (version ${json.version})` };
  }
  const entries: SavedEntry[] = [];
  const seen = new Set<string>();
  for (const value of json.papers) {
    const paper = isObject(value) ? parseStoredPaper(value.paper) : undefined;
    const savedAt = isObject(value) && typeof value.savedAt === 'string' && !Number.isNaN(Date.parse(value.savedAt)) ? value.savedAt : undefined;
    if (paper && savedAt && !seen.has(paper.id)) {
      seen.add(paper.id);
      entries.push({ paper, savedAt });
    }
  }
  return { entries };
}

export function serializeSaved(entries: readonly SavedEntry[]): string {
  return `${JSON.stringify({ format: SAVED_FORMAT, version: SAVED_VERSION, papers: entries }, null, 1)}\n`;
}

/** Applies a change: saving keeps the first save time of a paper already saved and refreshes its copy. */
export function applySavedChange(entries: readonly SavedEntry[], change: SavedChange): SavedEntry[] {
  if ('remove' in change) {
    const removed = new Set(change.remove);
    return entries.filter((entry) => !removed.has(entry.paper.id));
  }
  const result = [...entries];
  for (const incoming of change.save) {
    const index = result.findIndex((entry) => entry.paper.id === incoming.paper.id);
    if (index >= 0) {
      result[index] = { paper: incoming.paper, savedAt: (result[index] as SavedEntry).savedAt };
    } else {
      result.push(incoming);
    }
  }
  return result;
}

/** The reading list on disk. */
export class SavedFile {
  private readonly lock: FileLock;

  constructor(readonly path: string, private readonly log?: (message: string) => void) {
    this.lock = new FileLock(`${path}.lock`, { staleMs: 30_000, waitMs: 10_000, pollMs: 25 });
  }

  /** The saved papers; a missing file is an empty list; a damaged one is set aside (and said so). */
  async read(): Promise<SavedEntry[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return [];
      }
      throw error;
    }
    const parsed = parseSaved(text);
    if (parsed.problem) {
      const aside = `${this.path}.unreadable-${Date.now()}`;
      await rename(this.path, aside).catch(() => undefined);
      this.log?.(`The reading list could not be read (${parsed.problem}); it was set aside as ${aside}.`);
    }
    return parsed.entries;
  }

  /** Applies `change` to the file as it is now, under the lock; returns the new list. */
  async update(change: SavedChange): Promise<SavedEntry[]> {
    await mkdir(dirname(this.path), { recursive: true });
    if (!(await this.lock.acquire())) {
      throw new Error('another VS Code window is holding the reading list; try again');
    }
    try {
      const entries = applySavedChange(await this.read(), change);
      await writeFileAtomic(this.path, serializeSaved(entries));
      return entries;
    } finally {
      await this.lock.release();
    }
  }
}
