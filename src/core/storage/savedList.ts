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
import { normalizeNote, normalizeTags } from './savedFields';

export const SAVED_FORMAT = 'paper-feed.saved';
/**
 * Still 1 with the reading state, note and tags: they are optional fields that a version-1 reader
 * skips. A newer version number would make an older Paper Feed (another window) refuse the whole
 * file and set it aside; staying at 1 costs only that such a window drops these fields when it
 * writes. From this version on, fields an entry has that this version does not know are kept.
 */
export const SAVED_VERSION = 1;

export interface SavedEntry {
  readonly paper: Paper;
  /** ISO date-time. */
  readonly savedAt: string;
  /** ISO date-time the user marked the paper read; absent while unread (a newly saved paper). */
  readonly readAt?: string;
  /** The user's short note (normalizeNote); absent when empty. */
  readonly note?: string;
  /** The user's tags (normalizeTags); absent when none. */
  readonly tags?: readonly string[];
  /** Fields of the entry this version does not know (written by a newer one): written back as they were. */
  readonly unknown?: Readonly<Record<string, unknown>>;
}

/** What the user edits of saved papers, one field at a time. */
export type SavedEdit =
  | { readonly read: boolean; readonly at: string }
  | { readonly note: string }
  | { readonly tags: readonly string[] };

export type SavedChange =
  | { readonly save: readonly SavedEntry[] }
  | { readonly remove: readonly string[] }
  /** Papers not in the list (another window removed them) are left out. */
  | { readonly edit: readonly string[]; readonly set: SavedEdit };

export interface ParsedSaved {
  readonly entries: SavedEntry[];
  /** The file's own fields this version does not know (written by a newer one): written back as they were. */
  readonly unknown?: Readonly<Record<string, unknown>>;
  /** Why the file could not be used as it is: it is set aside, never overwritten blindly. */
  readonly problem?: string;
}

const KNOWN_FIELDS = new Set(['paper', 'savedAt', 'readAt', 'note', 'tags']);

function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

/** An entry of the file, or undefined when it has no valid paper or save time. */
function parseEntry(value: unknown): SavedEntry | undefined {
  if (!isObject(value)) {
    return undefined;
  }
  const paper = parseStoredPaper(value.paper);
  if (!paper || !isDateTime(value.savedAt)) {
    return undefined;
  }
  const note = normalizeNote(value.note);
  const tags = normalizeTags(value.tags);
  const unknown = Object.fromEntries(Object.entries(value).filter(([key]) => !KNOWN_FIELDS.has(key)));
  return {
    paper, savedAt: value.savedAt,
    ...(isDateTime(value.readAt) ? { readAt: value.readAt } : {}),
    ...(note ? { note } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(Object.keys(unknown).length > 0 ? { unknown } : {}),
  };
}

/** An entry as the file holds it: the unknown fields first, then what this version knows. */
function entryJson(entry: SavedEntry): Record<string, unknown> {
  return {
    ...entry.unknown, paper: entry.paper, savedAt: entry.savedAt,
    ...(entry.readAt ? { readAt: entry.readAt } : {}),
    ...(entry.note ? { note: entry.note } : {}),
    ...(entry.tags && entry.tags.length > 0 ? { tags: entry.tags } : {}),
  };
}

/** The entry with one field edited; the same object when nothing changes. */
function editEntry(entry: SavedEntry, edit: SavedEdit): SavedEntry {
  const { readAt, note, tags, ...rest } = entry;
  if ('read' in edit) {
    if (edit.read === (readAt !== undefined)) {
      return entry; // marking a read paper read again keeps when it was first read
    }
    return { ...rest, ...(edit.read ? { readAt: edit.at } : {}), ...(note ? { note } : {}), ...(tags ? { tags } : {}) };
  }
  if ('note' in edit) {
    const next = normalizeNote(edit.note);
    return { ...rest, ...(readAt ? { readAt } : {}), ...(next ? { note: next } : {}), ...(tags ? { tags } : {}) };
  }
  const next = normalizeTags(edit.tags);
  return { ...rest, ...(readAt ? { readAt } : {}), ...(note ? { note } : {}), ...(next.length > 0 ? { tags: next } : {}) };
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
    const entry = parseEntry(value);
    if (entry && !seen.has(entry.paper.id)) {
      seen.add(entry.paper.id);
      entries.push(entry);
    }
  }
  const unknown = Object.fromEntries(Object.entries(json).filter(([key]) => !['format', 'version', 'papers'].includes(key)));
  return { entries, ...(Object.keys(unknown).length > 0 ? { unknown } : {}) };
}

export function serializeSaved(entries: readonly SavedEntry[], unknown?: Readonly<Record<string, unknown>>): string {
  return `${JSON.stringify({ ...unknown, format: SAVED_FORMAT, version: SAVED_VERSION, papers: entries.map(entryJson) }, null, 1)}\n`;
}

/**
 * Applies a change. Saving a paper already saved refreshes its copy and keeps everything else (when
 * it was first saved, read, its note and tags); a newly saved paper is unread.
 */
export function applySavedChange(entries: readonly SavedEntry[], change: SavedChange): SavedEntry[] {
  if ('remove' in change) {
    const removed = new Set(change.remove);
    return entries.filter((entry) => !removed.has(entry.paper.id));
  }
  if ('edit' in change) {
    const edited = new Set(change.edit);
    return entries.map((entry) => (edited.has(entry.paper.id) ? editEntry(entry, change.set) : entry));
  }
  const result = [...entries];
  for (const incoming of change.save) {
    const index = result.findIndex((entry) => entry.paper.id === incoming.paper.id);
    if (index >= 0) {
      result[index] = { ...(result[index] as SavedEntry), paper: incoming.paper };
    } else {
      result.push({ paper: incoming.paper, savedAt: incoming.savedAt });
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
    return (await this.readParsed()).entries;
  }

  private async readParsed(): Promise<ParsedSaved> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { entries: [] };
      }
      throw error;
    }
    const parsed = parseSaved(text);
    if (parsed.problem) {
      const aside = `${this.path}.unreadable-${Date.now()}`;
      await rename(this.path, aside).catch(() => undefined);
      this.log?.(`The reading list could not be read (${parsed.problem}); it was set aside as ${aside}.`);
    }
    return parsed;
  }

  /** Applies `change` to the file as it is now, under the lock; returns the new list. */
  async update(change: SavedChange): Promise<SavedEntry[]> {
    await mkdir(dirname(this.path), { recursive: true });
    if (!(await this.lock.acquire())) {
      throw new Error('another VS Code window is holding the reading list; try again');
    }
    try {
      const parsed = await this.readParsed();
      const entries = applySavedChange(parsed.entries, change);
      await writeFileAtomic(this.path, serializeSaved(entries, parsed.unknown));
      return entries;
    } finally {
      await this.lock.release();
    }
  }
}
