/**
 * Similar papers as lists show them (the panel's section, Show Similar Papers): the model's answer
 * made safe to show, whatever it holds. Plain text; callers escape or render it with textContent.
 */
import { truncate } from '../paper/cleanText';
import { isValidDate } from '../time/dates';
import { formatShortDay } from '../time/displayDates';

/** How many similar papers the panel lists. */
export const PANEL_SIMILAR = 10;
/** How many Show Similar Papers lists: more than the panel, so that "Show more" shows more. */
export const PICKER_SIMILAR = 30;
/** A title longer than this is cut (the normaliser keeps titles far shorter; a card is still untrusted). */
const MAX_TITLE = 300;
const MAX_NAME = 120;

/** What a similar paper carries, as far as a list reads it (the search worker's `SimilarHit`). */
export interface SimilarInput {
  readonly id: string;
  readonly score: number;
  readonly card: {
    readonly title: string;
    readonly authors: readonly string[];
    readonly authorCount: number;
    /** YYYY-MM-DD, or '' when unknown. */
    readonly date: string;
    readonly upvotes: number;
  };
}

/** One similar paper's row: `Title` over `First Author et al. · Aug 21, 2026 · ▲ 42`. */
export interface SimilarRow {
  readonly id: string;
  readonly title: string;
  /** The first author, when the paper names any. */
  readonly firstAuthor?: string;
  /** More authors than the first: the list writes "et al.". */
  readonly moreAuthors: boolean;
  /** The feed day in the display language, when known. */
  readonly date?: string;
  readonly upvotes: number;
}

/**
 * The papers like `selfId`, at most `limit`, best first: the paper itself, repeats and hits without
 * an id or a title are left out, and the order is by score whatever order they came in (a tie keeps
 * the model's order).
 */
export function rankSimilar<T extends SimilarInput>(selfId: string, hits: readonly T[], limit: number): T[] {
  const seen = new Set<string>([selfId]);
  return hits
    .map((hit, index) => ({ hit, index }))
    .filter(({ hit }) => {
      const fresh = hit.id.length > 0 && hit.card.title.trim().length > 0 && !seen.has(hit.id);
      seen.add(hit.id);
      return fresh;
    })
    .sort((a, b) => score(b.hit) - score(a.hit) || a.index - b.index)
    .slice(0, Math.max(0, limit))
    .map(({ hit }) => hit);
}

/** The rows of `rankSimilar`'s papers; `locale` is the display language the dates are written in. */
export function similarRows(selfId: string, hits: readonly SimilarInput[], limit: number, locale?: string): SimilarRow[] {
  return rankSimilar(selfId, hits, limit).map((hit) => row(hit, locale));
}

function score(hit: SimilarInput): number {
  return Number.isFinite(hit.score) ? hit.score : 0;
}

function row(hit: SimilarInput, locale: string | undefined): SimilarRow {
  const first = hit.card.authors[0]?.trim();
  const date = shortDay(hit.card.date, locale);
  return {
    id: hit.id,
    title: truncate(hit.card.title.trim(), MAX_TITLE),
    ...(first ? { firstAuthor: truncate(first, MAX_NAME) } : {}),
    moreAuthors: Math.max(hit.card.authorCount, hit.card.authors.length) > 1,
    ...(date !== undefined ? { date } : {}),
    upvotes: Number.isSafeInteger(hit.card.upvotes) && hit.card.upvotes > 0 ? hit.card.upvotes : 0,
  };
}

function shortDay(date: string, locale: string | undefined): string | undefined {
  if (!isValidDate(date)) {
    return undefined; // 2026-02-30 would be written as Mar 2
  }
  try {
    return formatShortDay(date, locale);
  } catch {
    return undefined; // a locale Intl does not know
  }
}
