/** Date buckets (day, week, month, year) whose size reads well for dense feeds and sparse lists alike. */
import { addDays, isoWeek, weekStart } from '../time/dates';
import { type DateWords, ENGLISH_DATE_WORDS, formatDay, formatMonth, formatWeekRange } from '../time/displayDates';
import { paperDate, type Paper } from '../paper/model';

export type DateGranularity = 'day' | 'week' | 'month' | 'year';

const GRANULARITIES: readonly DateGranularity[] = ['day', 'week', 'month', 'year'];
/** A bucket layout is fine when buckets hold at least this many papers on average… */
const MIN_AVERAGE_PER_BUCKET = 2;
/** …and there are not more buckets than this. */
const MAX_BUCKETS = 31;

export function bucketKey(date: string, granularity: DateGranularity): string {
  switch (granularity) {
    case 'day': return date;
    case 'week': return isoWeek(date);
    case 'month': return date.slice(0, 7);
    case 'year': return date.slice(0, 4);
  }
}

/**
 * The finest granularity whose buckets hold at least two papers on average and number at most 31:
 * a week of Daily Papers groups by day, a list of papers spread over years groups by year.
 */
export function chooseGranularity(dates: readonly string[]): DateGranularity {
  for (const granularity of GRANULARITIES) {
    const buckets = new Set(dates.map((date) => bucketKey(date, granularity))).size;
    if (buckets <= 1 || (dates.length / buckets >= MIN_AVERAGE_PER_BUCKET && buckets <= MAX_BUCKETS)) {
      return granularity;
    }
  }
  return 'year';
}

/** A bucket's label, its dates in `locale` and its words in `words` (the display language); the key stays the group's stable id. */
export function bucketLabel(key: string, granularity: DateGranularity, today: string | undefined, papers: readonly Paper[], locale?: string, words: DateWords = ENGLISH_DATE_WORDS): string {
  switch (granularity) {
    case 'day':
      if (today !== undefined && key === today) {
        return words.today;
      }
      if (today !== undefined && key === addDays(today, -1)) {
        return words.yesterday;
      }
      return formatDay(key, locale);
    case 'week': {
      const sample = paperDate(papers[0] as Paper) as string;
      return words.weekOf(formatWeekRange(weekStart(sample), locale));
    }
    case 'month':
      return formatMonth(key, locale);
    case 'year':
      return key;
  }
}
