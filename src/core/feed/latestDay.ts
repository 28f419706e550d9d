/**
 * The latest day with papers before a window that has none (a weekend, or today before Hugging
 * Face posts): where the window starts, and stepping back day by day through Hugging Face, bounded.
 */
import { addDays, weekMonday } from '../time/dates';
import type { Paper } from '../paper/model';
import type { HfClient } from './hfClient';
import type { ResolvedWindow } from './windows';

/** How many days Show Latest Papers asks Hugging Face about before it gives up (two weeks cover any holiday). */
export const LATEST_DAY_SEARCH_DAYS = 14;

/**
 * Whether the cache's latest day with papers before `before` is the answer to "the latest papers":
 * only within the days the search would ask Hugging Face about; a day from months ago is what the
 * cache happens to hold, not the latest (then Hugging Face is asked, and the old day is the fallback).
 */
export function cachedDayInReach(cached: string | undefined, before: string): string | undefined {
  return cached !== undefined && cached >= addDays(before, -LATEST_DAY_SEARCH_DAYS) ? cached : undefined;
}

/** The first day a window covers; a window without days (Trending) starts after `today`. */
export function windowStart(window: ResolvedWindow, today: string): string {
  const starts = window.queries.map((query) => {
    switch (query.kind) {
      case 'date': return query.date;
      case 'week': return weekMonday(query.week) ?? today;
      case 'month': return `${query.month}-01`;
      case 'trending': return addDays(today, 1);
    }
  });
  return starts.reduce((first, day) => (day < first ? day : first), starts[0] ?? addDays(today, 1));
}

export interface LatestDay {
  readonly day: string;
  readonly papers: Paper[];
}

/**
 * Asks Hugging Face for the days before `before`, newest first, up to `maxDays` of them, and returns
 * the first that has papers. `onDay` hears of each day (and its place, from 0) before it is asked;
 * the signal stops it (a cancellation FeedError).
 */
export async function findLatestDay(
  client: Pick<HfClient, 'fetchQuery'>,
  before: string,
  options: { readonly maxDays?: number; readonly onDay?: (day: string, index: number) => void },
  signal?: AbortSignal,
): Promise<LatestDay | undefined> {
  const maxDays = options.maxDays ?? LATEST_DAY_SEARCH_DAYS;
  for (let back = 1; back <= maxDays; back++) {
    const day = addDays(before, -back);
    options.onDay?.(day, back - 1);
    const { papers } = await client.fetchQuery({ kind: 'date', date: day }, signal);
    if (papers.length > 0) {
      return { day, papers };
    }
  }
  return undefined;
}
