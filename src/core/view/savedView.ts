/**
 * The Saved view as data: its sort orders and its filter, over the reading list's entries. Pure, so
 * that the view can redo both on every change.
 */
import { paperDate } from '../paper/model';
import type { SavedEntry } from '../storage/savedList';
import { filterWords, paperFilterText } from './filter';
import type { Paper } from '../paper/model';

export const SAVED_SORT_ORDERS = ['savedAt', 'date', 'upvotes', 'title'] as const;
export type SavedSortBy = (typeof SAVED_SORT_ORDERS)[number];

export function isSavedSortBy(value: unknown): value is SavedSortBy {
  return typeof value === 'string' && (SAVED_SORT_ORDERS as readonly string[]).includes(value);
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

type Compare = (a: SavedEntry, b: SavedEntry) => number;
const newestFirst = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);
const bySavedAt: Compare = (a, b) => newestFirst(a.savedAt, b.savedAt);
const byDate: Compare = (a, b) => newestFirst(paperDate(a.paper) ?? '', paperDate(b.paper) ?? '');
const byUpvotes: Compare = (a, b) => (b.paper.upvotes ?? -1) - (a.paper.upvotes ?? -1);
const byTitle: Compare = (a, b) => collator.compare(a.paper.title, b.paper.title);
const byId: Compare = (a, b) => (a.paper.id < b.paper.id ? -1 : a.paper.id > b.paper.id ? 1 : 0);

const ORDERS: Record<SavedSortBy, readonly Compare[]> = {
  savedAt: [bySavedAt, byTitle],
  date: [byDate, bySavedAt, byTitle],
  upvotes: [byUpvotes, bySavedAt, byTitle],
  title: [byTitle, bySavedAt],
};

/**
 * A sorted copy: most recently saved, newest paper, most upvoted first, or by title A to Z; ties
 * fall back to the most recently saved, then the title, then the id, so the order is always the same.
 */
export function sortSaved(entries: readonly SavedEntry[], sortBy: SavedSortBy): SavedEntry[] {
  const order = [...ORDERS[sortBy], byId];
  return [...entries].sort((a, b) => {
    for (const compare of order) {
      const result = compare(a, b);
      if (result !== 0) {
        return result;
      }
    }
    return 0;
  });
}

/**
 * Whether a saved paper matches a filter typed by the user: every word appears in what the Papers
 * view's filter looks at, in the note or in a tag; `tag:x` needs a tag that is `x` (ignoring case),
 * `is:read` and `is:unread` the reading state.
 */
export function matchesSavedFilter(entry: SavedEntry, filter: string, topicLabel: (paper: Paper) => string): boolean {
  const words = filterWords(filter);
  if (words.length === 0) {
    return true;
  }
  const tags = (entry.tags ?? []).map((tag) => tag.toLowerCase());
  let haystack: string | undefined;
  return words.every((word) => {
    if (word.startsWith('tag:') && word.length > 4) {
      return tags.includes(word.slice(4));
    }
    if (word === 'is:read' || word === 'is:unread') {
      return (entry.readAt !== undefined) === (word === 'is:read');
    }
    haystack ??= [paperFilterText(entry.paper, topicLabel), entry.note?.toLowerCase() ?? '', ...tags].join('\n');
    return haystack.includes(word);
  });
}
