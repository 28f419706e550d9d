/**
 * What Paper Feed keeps about watches in globalState, read and written value by value: each
 * watch's last look, the papers opened, and each watch's papers already announced by a notification.
 * The values are shared by every window and may have been written by another version, so each is
 * checked entry by entry; a watch's key is the user's query, so it is never an object's property name
 * (a watch of `constructor` or `__proto__` is a watch like any other): lists of entries, read into Maps.
 */
import { type Look, MAX_READ } from '../feed/newSince';

/** Looks kept: more than any settings file holds watches, so a watch hidden by a workspace's list keeps its look. */
export const MAX_LOOKS = 200;
/** Papers announced kept per watch (the newest), and watches with any (the most recently announced). */
export const MAX_ANNOUNCED = 200;
export const MAX_ANNOUNCING_WATCHES = 50;
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The stored looks, oldest first: a list of `{ key, at, feedDate }`, or (as an earlier version wrote them) an object by key, own properties only. */
export function readLooks(value: unknown): Map<string, Look> {
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.filter(isRecord).map((entry) => [typeof entry.key === 'string' ? entry.key : '', entry])
    : isRecord(value) ? Object.entries(value) : [];
  const looks = new Map<string, Look>();
  for (const [key, look] of entries.slice(-MAX_LOOKS)) {
    const { at, feedDate } = isRecord(look) ? look : {};
    if (key !== '' && typeof at === 'string' && typeof feedDate === 'string') {
      looks.delete(key); // a repeated key: the later entry, in its place
      looks.set(key, { at, feedDate });
    }
  }
  return looks;
}

/** Looks as stored, the newest MAX_LOOKS. */
export function looksValue(looks: ReadonlyMap<string, Look>): { key: string; at: string; feedDate: string }[] {
  return [...looks].slice(-MAX_LOOKS).map(([key, look]) => ({ key, at: look.at, feedDate: look.feedDate }));
}

/**
 * The stored looks with `keys` looked at `look`, each moved last (the most recent are the ones kept).
 * `stored` is the value as it is now (another window may have written it since this one read it):
 * its other keys stay as they are.
 */
export function withLooks(stored: unknown, keys: readonly string[], look: Look): Map<string, Look> {
  const looks = readLooks(stored);
  for (const key of keys) {
    const other = looks.get(key);
    looks.delete(key);
    looks.set(key, other !== undefined && other.at > look.at ? other : look);
  }
  return looks;
}

/** A list of ids as stored, the newest `max`. */
export function readIds(value: unknown, max: number): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string').slice(-max) : [];
}

/** The stored list of opened papers with `ids` added (those another window added since stay). */
export function withReadIds(stored: unknown, ids: readonly string[]): string[] {
  const read = readIds(stored, MAX_READ);
  const known = new Set(read);
  return [...read, ...ids.filter((id) => !known.has(id))].slice(-MAX_READ);
}

/** The stored announced papers, by watch: a list of `{ key, ids }`. */
export function readAnnounced(value: unknown): Map<string, string[]> {
  const announced = new Map<string, string[]>();
  const entries = Array.isArray(value) ? value.filter(isRecord).map((entry) => [typeof entry.key === 'string' ? entry.key : '', entry.ids] as const) : [];
  for (const [key, ids] of entries.slice(-MAX_ANNOUNCING_WATCHES)) {
    if (key !== '') {
      announced.delete(key);
      announced.set(key, readIds(ids, MAX_ANNOUNCED));
    }
  }
  return announced;
}

/** The stored announced papers with `ids` added to `key`'s (what another window announced stays). */
export function withAnnounced(stored: unknown, key: string, ids: readonly string[]): { key: string; ids: string[] }[] {
  const announced = readAnnounced(stored);
  const before = announced.get(key) ?? [];
  const known = new Set(before);
  announced.delete(key);
  announced.set(key, [...before, ...ids.filter((id) => !known.has(id))].slice(-MAX_ANNOUNCED));
  return [...announced].slice(-MAX_ANNOUNCING_WATCHES).map(([watch, list]) => ({ key: watch, ids: list }));
}

/** The stored announced papers without `key`'s. */
export function withoutAnnounced(stored: unknown, key: string): { key: string; ids: string[] }[] {
  return [...readAnnounced(stored)].filter(([watch]) => watch !== key).map(([watch, ids]) => ({ key: watch, ids }));
}
