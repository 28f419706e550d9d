/**
 * Dates and times as the user's display language writes them (Intl, full ICU in Node): the one
 * formatter behind day, week and month labels and "fetched at" times. Core has no VS Code, so the
 * locale is a parameter (the host passes `vscode.env.language`); an unknown locale falls back to
 * English rather than failing. Calendar days (YYYY-MM-DD) are formatted in UTC, like ./dates.ts
 * computes them, so a label never depends on the machine's zone; instants use the machine's zone.
 */
import { addDays, toDate } from './dates';

/** The locale when none is given (tests, logs): English. */
export const DEFAULT_LOCALE = 'en';

type Style = 'day' | 'shortDay' | 'range' | 'month' | 'dateTime' | 'time';

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  day: { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  shortDay: { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' },
  range: { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' },
  month: { timeZone: 'UTC', month: 'long', year: 'numeric' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
};

/** Made once per locale and style: building a formatter loads locale data. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, style: Style): Intl.DateTimeFormat {
  const key = `${locale ?? ''}\u0000${style}`;
  let made = formatters.get(key);
  if (!made) {
    try {
      made = new Intl.DateTimeFormat(locale || DEFAULT_LOCALE, OPTIONS[style]);
    } catch {
      made = new Intl.DateTimeFormat(DEFAULT_LOCALE, OPTIONS[style]); // not a BCP 47 tag
    }
    formatters.set(key, made);
  }
  return made;
}

/** A feed day: `Friday, August 21, 2026` (en), `Freitag, 21. August 2026` (de). */
export function formatDay(date: string, locale?: string): string {
  return formatter(locale, 'day').format(toDate(date));
}

/** A day without its weekday: `Aug 21, 2026` (en), `21 août 2026` (fr). */
export function formatShortDay(date: string, locale?: string): string {
  return formatter(locale, 'shortDay').format(toDate(date));
}

/** A month, from `2026-08` or a full date: `August 2026` (en), `2026年8月` (ja). */
export function formatMonth(date: string, locale?: string): string {
  return formatter(locale, 'month').format(toDate(date.length === 7 ? `${date}-01` : date));
}

/** The week starting on `monday`, as one range: `Aug 17 – 23, 2026` (en), `17.–23. Aug. 2026` (de). */
export function formatWeekRange(monday: string, locale?: string): string {
  return formatter(locale, 'range').formatRange(toDate(monday), toDate(addDays(monday, 6)));
}

/** An instant with its date, in the machine's zone: `Aug 21, 2026, 6:05 PM` (en), `21.08.2026, 18:05` (de). */
export function formatDateTime(at: Date, locale?: string): string {
  return formatter(locale, 'dateTime').format(at);
}

/** An instant's time of day to the second, in the machine's zone: `06:05:09 PM` (en), `18:05:09` (de). */
export function formatTime(at: Date, locale?: string): string {
  return formatter(locale, 'time').format(at);
}

/**
 * The words around dates in labels ("Today", "Last 7 days", "Week of …"). Core writes them in
 * English; the host passes them in the display language (host/locale.ts).
 */
export interface DateWords {
  readonly today: string;
  readonly yesterday: string;
  readonly thisWeek: string;
  readonly thisMonth: string;
  readonly trending: string;
  readonly undated: string;
  readonly lastDays: (days: number) => string;
  /** A week bucket of the tree: "Week of Aug 17 – 23, 2026". */
  readonly weekOf: (range: string) => string;
  /** A chosen week: "Week 34 · Aug 17 – 23, 2026". */
  readonly week: (number: number, range: string) => string;
}

export const ENGLISH_DATE_WORDS: DateWords = {
  today: 'Today',
  yesterday: 'Yesterday',
  thisWeek: 'This week',
  thisMonth: 'This month',
  trending: 'Trending',
  undated: 'Undated',
  lastDays: (days) => `Last ${days} days`,
  weekOf: (range) => `Week of ${range}`,
  week: (number, range) => `Week ${number} · ${range}`,
};
