/** When a window's cached papers are due for a refresh, and how often to check. */

/** What the cache knows of a window: the papers it had and when they were fetched. */
export interface WindowFetch {
  readonly ids: readonly string[];
  /** ISO date-time. */
  readonly fetchedAt: string;
}

/**
 * Whether to fetch the window again: never fetched, some of its papers missing from the cache
 * (evicted, or a damaged file set aside), or older than the refresh interval (0 = never too old).
 */
export function isStale(record: WindowFetch | undefined, cachedPapers: number, refreshIntervalMinutes: number, now: number): boolean {
  if (!record || cachedPapers < record.ids.length) {
    return true;
  }
  return refreshIntervalMinutes > 0 && now - Date.parse(record.fetchedAt) > refreshIntervalMinutes * 60_000;
}

/**
 * How often to look whether the shown window is stale: at the interval, but at least every quarter
 * of an hour (so a window left open across Hugging Face's rollover refreshes soon after it); never
 * when the interval is 0.
 */
export function staleCheckMs(refreshIntervalMinutes: number): number | undefined {
  return refreshIntervalMinutes > 0 ? Math.min(refreshIntervalMinutes, 15) * 60_000 : undefined;
}
