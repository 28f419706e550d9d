/**
 * The items of citation key completion, as plain data, in the order they are listed: the entries of
 * the document's .bib files, then saved papers not in them, then papers of the archive the search
 * found for the typed text (neither in the .bib nor saved). The host turns each into a
 * `CompletionItem`; the bench times these functions as the provider calls them.
 */
import type { Paper } from '../paper/model';
import type { BibDatabase, BibEntry, BibSummary } from './bibEntries';
import { authorYear, bibArxivIds, bibCandidates, bibEntryDescription, completionFilterText, completionSortText, entrySummary, matchCandidates, paperMatchable } from './bibCompletion';
import { citationKey, citationYear, type KeyFormat } from './keys';

/** Most items of each group: VS Code asks again as the user types (the list is incomplete). */
export const BIB_ITEMS = 200;
export const SAVED_ITEMS = 50;
/** Papers asked of the search per keystroke. */
export const ARCHIVE_ITEMS = 20;

/** What a search hit's card says of a paper (search/card.ts `PaperCard`, which citation/ may not import). */
export interface CardFacts {
  readonly id: string;
  readonly title: string;
  /** The first few names. */
  readonly authors: readonly string[];
  readonly authorCount: number;
  /** The feed day (YYYY-MM-DD), or ''. */
  readonly date: string;
  readonly upvotes: number;
}

export type CompletionSource =
  | { readonly from: 'bib'; readonly file: string; readonly database: BibDatabase; readonly entry: BibEntry; readonly summary: BibSummary }
  | { readonly from: 'saved'; readonly paper: Paper }
  | { readonly from: 'archive'; readonly paper: Paper; readonly card: CardFacts };

export interface PlannedItem {
  /** The key inserted (for a paper not in the .bib, the key Insert Citation would write). */
  readonly key: string;
  /** `Vaswani et al. 2017 · Attention Is All You Need`. */
  readonly description: string;
  readonly filterText: string;
  readonly sortText: string;
  readonly source: CompletionSource;
}

/** What the typed citation is: the text typed of the key, and the other keys of the citation (lowercase). */
export interface Typed {
  readonly prefix: string;
  readonly exclude: ReadonlySet<string>;
}

/** What the listed items already cover, so that later groups leave it out. */
export interface Covered {
  /** arXiv ids. */
  readonly ids: Set<string>;
  /** Lowercase keys. */
  readonly keys: Set<string>;
}

export function emptyCovered(): Covered {
  return { ids: new Set(), keys: new Set() };
}

/** The .bib entries that match, from every bibliography in order (a key defined twice is listed once). */
export function bibItems(typed: Typed, bibs: ReadonlyArray<{ readonly file: string; readonly database: BibDatabase }>, covered: Covered): PlannedItem[] {
  const items: PlannedItem[] = [];
  for (const { file, database } of bibs) {
    // Every entry's paper, matched or not, is left out of the later groups.
    bibArxivIds(database).forEach((id) => covered.ids.add(id));
    for (const candidate of matchCandidates(bibCandidates(database), typed.prefix, typed.exclude, BIB_ITEMS - items.length)) {
      if (covered.keys.has(candidate.keyLower)) {
        continue;
      }
      covered.keys.add(candidate.keyLower);
      const summary = entrySummary(database, candidate.entry);
      items.push({
        key: candidate.key, description: bibEntryDescription(summary), filterText: completionFilterText(typed.prefix, candidate.key, summary.title),
        sortText: completionSortText('a', items.length), source: { from: 'bib', file, database, entry: candidate.entry, summary },
      });
    }
  }
  return items;
}

/** Saved papers that match and are not in the .bib. */
export function savedItems(typed: Typed, papers: readonly Paper[], keyFormat: KeyFormat, covered: Covered): PlannedItem[] {
  const candidates = papers.filter((paper) => !covered.ids.has(paper.id)).map((paper) => {
    const key = citationKey(paper, keyFormat);
    return { ...paperMatchable(key, paper.title, paper.authors.map((author) => author.name), citationYear(paper)), paper };
  });
  const items: PlannedItem[] = [];
  for (const candidate of matchCandidates(candidates, typed.prefix, typed.exclude, SAVED_ITEMS)) {
    covered.ids.add(candidate.paper.id);
    items.push(paperItem(typed, candidate.key, candidate.paper, 'b', items.length, { from: 'saved', paper: candidate.paper }));
  }
  return items;
}

/** Papers the search found for the typed text, in its order, that no earlier group lists. */
export function archiveItems(typed: Typed, hits: ReadonlyArray<{ readonly id: string; readonly card: CardFacts }>, keyFormat: KeyFormat, covered: Covered): PlannedItem[] {
  const items: PlannedItem[] = [];
  for (const hit of hits) {
    if (covered.ids.has(hit.id)) {
      continue;
    }
    const paper = cardPaper(hit.card);
    const key = citationKey(paper, keyFormat);
    if (typed.exclude.has(key.toLowerCase())) {
      continue;
    }
    covered.ids.add(hit.id);
    items.push(paperItem(typed, key, paper, 'c', items.length, { from: 'archive', paper, card: hit.card }));
  }
  return items;
}

function paperItem(typed: Typed, key: string, paper: Paper, group: 'b' | 'c', index: number, source: CompletionSource): PlannedItem {
  const authors = paper.authors.map((author) => author.name);
  return {
    key, description: [authorYear(authors, citationYear(paper)), paper.title].filter(Boolean).join(' · '),
    filterText: completionFilterText(typed.prefix, key, paper.title), sortText: completionSortText(group, index), source,
  };
}

/**
 * The paper a search card stands for, as far as the card knows it: enough for its key (first author,
 * year, title). The year is the feed day's; the command that adds the entry reads the full paper and
 * puts its key right if the first version's year differs.
 */
export function cardPaper(card: CardFacts): Paper {
  return {
    id: card.id, title: card.title, authors: card.authors.map((name) => ({ name })), abstract: '', upvotes: card.upvotes,
    ...(card.date ? { feedDate: card.date } : {}),
  };
}
