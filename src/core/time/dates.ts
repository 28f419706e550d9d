/** Calendar helpers on ISO dates (YYYY-MM-DD), all in UTC so results never depend on the machine's zone. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** The UTC calendar date of an ISO date or date-time string, or undefined when it is not one. */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const match = ISO_DATE.exec(value.trim());
  if (!match) {
    return undefined;
  }
  if (value.trim().length === 10) {
    return isValidDate(match[0]) ? match[0] : undefined;
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

export function isValidDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) {
    return false;
  }
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

export function toDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = toDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return formatIsoDate(d);
}

/** ISO-8601 week (`2026-W34`) of a date. */
export function isoWeek(date: string): string {
  const d = toDate(date);
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday of the ISO week that contains `date`. */
export function weekStart(date: string): string {
  const weekday = toDate(date).getUTCDay() || 7;
  return addDays(date, 1 - weekday);
}

const WEEK = /^(\d{4})-W(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** Whether `week` is an ISO week that exists (`2020-W53` does, `2021-W53` does not). */
export function isValidWeek(week: string): boolean {
  const match = WEEK.exec(week);
  return !!match && Number(match[2]) >= 1 && Number(match[2]) <= 53 && weekMonday(week) !== undefined;
}

/** Whether `month` is a calendar month (`2026-08`). */
export function isValidMonth(month: string): boolean {
  const match = MONTH.exec(month);
  return !!match && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

/** Monday of an ISO week (`2026-W34` → `2026-08-17`), or undefined when the year has no such week. */
export function weekMonday(week: string): string | undefined {
  const match = WEEK.exec(week);
  if (!match) {
    return undefined;
  }
  const jan4 = `${match[1]}-01-04`; // always in week 1
  const monday = addDays(weekStart(jan4), (Number(match[2]) - 1) * 7);
  return isoWeek(monday) === week ? monday : undefined;
}

/** The month (`2026-08`) of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month `months` after (or, negative, before) `month`: `2026-01` − 1 → `2025-12`. */
export function addMonths(month: string, months: number): string {
  const first = toDate(`${month}-01`);
  first.setUTCMonth(first.getUTCMonth() + months);
  return monthOf(formatIsoDate(first));
}
