/**
 * Which feed days the cache has papers for: from the index's window records alone (cheap, for a
 * view message), or from a month file's papers and the days each was featured on.
 */
import type { CachedPaper, WindowRecord } from './cacheFiles';

/**
 * The latest day before `before` (YYYY-MM-DD) that a recorded window showed papers for: a day's
 * own window (`date:2026-08-21`), or the batch "today" showed (`today@…` with its date).
 */
export function latestRecordedDay(windows: ReadonlyMap<string, WindowRecord>, before: string): string | undefined {
  let latest: string | undefined;
  for (const [key, record] of windows) {
    if (record.ids.length === 0) {
      continue;
    }
    const day = key.startsWith('date:') ? key.slice(5) : key.startsWith('today@') ? record.date : undefined;
    if (day !== undefined && day < before && (latest === undefined || day > latest)) {
      latest = day;
    }
  }
  return latest;
}

/** The latest day before `before` on which one of these papers was featured. */
export function latestFeaturedDay(entries: Iterable<CachedPaper>, before: string): string | undefined {
  let latest: string | undefined;
  for (const entry of entries) {
    for (const day of featuredDays(entry)) {
      if (day < before && (latest === undefined || day > latest)) {
        latest = day;
      }
    }
  }
  return latest;
}

/** Whether the paper was on the feed on `day`. */
export function featuredOn(entry: CachedPaper, day: string): boolean {
  return featuredDays(entry).includes(day);
}

function featuredDays(entry: CachedPaper): readonly string[] {
  const feedDate = entry.paper.feedDate;
  return feedDate !== undefined && !entry.days.includes(feedDate) ? [...entry.days, feedDate] : entry.days;
}
