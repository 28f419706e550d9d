/**
 * Feed windows: which papers the tree shows. Ids follow CONTRACT.md: `today`, `days`, `week`,
 * `month`, `trending`, `date:YYYY-MM-DD`, `week:YYYY-Www`, `month:YYYY-MM`.
 */
import { type DateWords, ENGLISH_DATE_WORDS, formatDay, formatMonth, formatWeekRange } from '../time/displayDates';
import { addDays, addMonths, isoWeek, isValidDate, isValidMonth, isValidWeek, monthOf, weekMonday } from '../time/dates';

export type WindowId =
  | RelativeWindowId
  | `date:${string}` | `week:${string}` | `month:${string}`;

/** What to ask Hugging Face for. */
export type FeedQuery =
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'week'; readonly week: string }
  | { readonly kind: 'month'; readonly month: string }
  | { readonly kind: 'trending' };

export interface ResolvedWindow {
  readonly id: WindowId;
  readonly label: string;
  /** Requests that together make the window. */
  readonly queries: readonly FeedQuery[];
  /** For `today`: step back day by day (up to this many) while a batch is empty, e.g. at weekends. */
  readonly fallbackDays: number;
  /** Whether previous/next period apply. */
  readonly dated: boolean;
}

/** The windows named relative to today: the picker remembers these as the startup default. */
export const RELATIVE_WINDOWS = ['today', 'days', 'week', 'month', 'trending'] as const;
export type RelativeWindowId = (typeof RELATIVE_WINDOWS)[number];

export function isRelativeWindow(id: unknown): id is RelativeWindowId {
  return (RELATIVE_WINDOWS as readonly unknown[]).includes(id);
}

export function isWindowId(value: unknown): value is WindowId {
  if (typeof value !== 'string') {
    return false;
  }
  if (isRelativeWindow(value)) {
    return true;
  }
  const [kind, arg = ''] = value.split(/:(.*)/s);
  switch (kind) {
    case 'date': return isValidDate(arg);
    case 'week': return isValidWeek(arg);
    case 'month': return isValidMonth(arg);
    default: return false;
  }
}

/** Made once: the first time-zone formatter loads ICU's zone data, which costs tens of milliseconds. */
let newYork: Intl.DateTimeFormat | undefined;

/**
 * The Daily Papers date that is "today": the date in America/New_York, moving to the next date at
 * 21:30 there, when Hugging Face rolls over (after arXiv's 20:00 ET announcement).
 */
export function currentFeedDate(now: Date): string {
  newYork ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  const parts = newYork.formatToParts(now);
  const part = (type: string): string => parts.find((entry) => entry.type === type)?.value ?? '';
  const date = `${part('year')}-${part('month')}-${part('day')}`;
  const minutes = Number(part('hour')) * 60 + Number(part('minute'));
  return minutes >= 21 * 60 + 30 ? addDays(date, 1) : date;
}

/**
 * Turns a window id into requests and a label, given "today", the Last-N-days setting and the
 * display language the label's dates are written in.
 */
export function resolveWindow(id: WindowId, today: string, days: number, locale?: string, words: DateWords = ENGLISH_DATE_WORDS): ResolvedWindow {
  const n = Math.max(1, Math.min(31, Math.floor(days)));
  switch (id) {
    case 'today':
      return { id, label: words.today, queries: [{ kind: 'date', date: today }], fallbackDays: 7, dated: true };
    case 'days':
      return {
        id,
        label: words.lastDays(n),
        queries: Array.from({ length: n }, (_, index) => ({ kind: 'date' as const, date: addDays(today, -index) })),
        fallbackDays: 0,
        dated: false,
      };
    case 'week':
      return { id, label: words.thisWeek, queries: [{ kind: 'week', week: isoWeek(today) }], fallbackDays: 0, dated: true };
    case 'month':
      return { id, label: words.thisMonth, queries: [{ kind: 'month', month: monthOf(today) }], fallbackDays: 0, dated: true };
    case 'trending':
      return { id, label: words.trending, queries: [{ kind: 'trending' }], fallbackDays: 0, dated: false };
  }
  const [kind, arg = ''] = id.split(/:(.*)/s);
  if (kind === 'date') {
    return { id, label: formatDay(arg, locale), queries: [{ kind: 'date', date: arg }], fallbackDays: 0, dated: true };
  }
  if (kind === 'week') {
    const monday = weekMonday(arg) ?? today;
    return { id, label: words.week(Number(arg.slice(6)), formatWeekRange(monday, locale)), queries: [{ kind: 'week', week: arg }], fallbackDays: 0, dated: true };
  }
  return { id, label: formatMonth(arg, locale), queries: [{ kind: 'month', month: arg }], fallbackDays: 0, dated: true };
}

/**
 * The window one period before or after, like the site's own arrows: a day steps by a day, a week
 * by a week, a month by a month. Never steps past the current period. Undefined when the window has
 * no periods (Last N days, Trending) or the step would go into the future.
 */
export function stepWindow(id: WindowId, step: -1 | 1, today: string): WindowId | undefined {
  const [kind, arg = ''] = id.split(/:(.*)/s);
  let next: WindowId | undefined;
  if (id === 'today' || kind === 'date') {
    const date = id === 'today' ? today : arg;
    const moved = addDays(date, step);
    next = moved > today ? undefined : moved === today ? 'today' : `date:${moved}`;
  } else if (id === 'week' || kind === 'week') {
    const week = id === 'week' ? isoWeek(today) : arg;
    const moved = isoWeek(addDays(weekMonday(week) ?? today, 7 * step));
    next = moved > isoWeek(today) ? undefined : moved === isoWeek(today) ? 'week' : `week:${moved}`;
  } else if (id === 'month' || kind === 'month') {
    const month = id === 'month' ? monthOf(today) : arg;
    const moved = addMonths(month, step);
    next = moved > monthOf(today) ? undefined : moved === monthOf(today) ? 'month' : `month:${moved}`;
  }
  return next;
}

/** A stable cache key for a request. */
export function queryKey(query: FeedQuery): string {
  switch (query.kind) {
    case 'date': return `date:${query.date}`;
    case 'week': return `week:${query.week}`;
    case 'month': return `month:${query.month}`;
    case 'trending': return 'trending';
  }
}

/** The cache key of a window shown on `today`: relative windows are keyed by the period they stand for. */
export function windowCacheKey(id: WindowId, today: string, days: number): string {
  switch (id) {
    case 'today': return `today@${today}`;
    case 'days': return `days${days}@${today}`;
    case 'week': return `week:${isoWeek(today)}`;
    case 'month': return `month:${monthOf(today)}`;
    default: return id;
  }
}

/** The label above the tree: `today` names the batch it shows (`Today · Thu 20 Aug 2026` on a weekend). */
export function shownLabel(window: ResolvedWindow, batchDate: string | undefined, locale?: string): string {
  return window.id === 'today' && batchDate ? `${window.label} · ${formatDay(batchDate, locale)}` : window.label;
}
