/**
 * Which months of the Daily Papers archive the background backfill fetches, newest first: from the
 * current feed month back over `months` months (the current one included), never before May 2023,
 * leaving out the months already done. A past month is done once all its pages arrived; the current
 * month is never complete (it still grows), so it counts as done for a day after any window fetched it.
 */
import type { ArchiveRecords } from '../storage/archiveState';
import { addMonths } from '../time/dates';

/** The month of the first Daily Papers batch (2023-05-04). */
export const ARCHIVE_FIRST_MONTH = '2023-05';

/** `paperFeed.archive.months` for the whole archive: any extent that reaches past May 2023 is all of it. */
export const ARCHIVE_ALL_MONTHS = 999;

/** How long the current month, fetched by any window, is left alone. */
export const CURRENT_MONTH_REFETCH_MS = 24 * 60 * 60_000;

/** The months an extent covers, newest first: `months` of them ending with `currentMonth`, none before May 2023. */
export function archiveMonths(currentMonth: string, months: number): string[] {
  const found: string[] = [];
  for (let back = 0; back < Math.floor(months); back++) {
    const month = addMonths(currentMonth, -back);
    if (month < ARCHIVE_FIRST_MONTH) {
      break;
    }
    found.push(month);
  }
  return found;
}

export interface PlanInput {
  /** The month of the current feed date (`currentFeedDate` of the clock). */
  readonly currentMonth: string;
  /** `paperFeed.archive.months`: 0 = none. */
  readonly months: number;
  readonly records: ArchiveRecords;
  /** Milliseconds since the epoch (the clock). */
  readonly now: number;
  /** Months this session gave up on (they failed for reasons other than the network). */
  readonly skip?: ReadonlySet<string>;
}

/** Whether a month needs no fetch now: complete, or the current month fetched within a day. */
export function isMonthDone(month: string, input: Pick<PlanInput, 'currentMonth' | 'records' | 'now'>): boolean {
  const record = input.records.get(month);
  if (!record) {
    return false;
  }
  if (month < input.currentMonth) {
    return record.complete;
  }
  // Either way round: a clock set back a little (a pinned test clock starts again in each window) is no reason to fetch.
  const fetched = Date.parse(record.fetchedAt);
  return !Number.isNaN(fetched) && Math.abs(input.now - fetched) < CURRENT_MONTH_REFETCH_MS;
}

/** The months to fetch, newest first. */
export function planArchive(input: PlanInput): string[] {
  return archiveMonths(input.currentMonth, input.months)
    .filter((month) => !input.skip?.has(month) && !isMonthDone(month, input));
}

export interface ArchiveSummary {
  /** Papers in the months of the extent that are done. */
  readonly papers: number;
  /** The oldest month such that it and every month after it are done; undefined while the newest is not. */
  readonly backTo?: string;
}

/** What the status shows: how many papers the archive holds and how far back it reaches without a gap. */
export function summarizeArchive(input: Omit<PlanInput, 'skip'>): ArchiveSummary {
  let papers = 0;
  let backTo: string | undefined;
  let contiguous = true;
  for (const month of archiveMonths(input.currentMonth, input.months)) {
    if (isMonthDone(month, input)) {
      papers += input.records.get(month)?.papers ?? 0;
      if (contiguous) {
        backTo = month;
      }
    } else {
      contiguous = false;
    }
  }
  return backTo === undefined ? { papers } : { papers, backTo };
}
