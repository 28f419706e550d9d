/**
 * Citation key completion as data: which .bib entries and papers match what is typed, in what order,
 * the text VS Code filters them by, and the Markdown of an item's documentation. No VS Code here, so
 * the bench measures exactly what the provider runs on each keystroke.
 *
 * A .bib's entries are prepared once per parse (the host caches the parse per file version): each
 * entry's key and a lowercase haystack of its key, title, authors and year. Matching a typed prefix is
 * then one pass of string tests over the prepared entries, with no TeX clean-up; only the entries
 * shown are summarised (bibEntries.ts `summarize`).
 */
import { truncate } from '../paper/cleanText';
import type { Paper } from '../paper/model';
import { escapeMarkdown } from '../view/present';
import { type BibDatabase, type BibEntry, bibField, type BibSummary, entryArxivId, summarize } from './bibEntries';

/** Something that can be offered: a key and the words it can be found by. */
export interface Matchable {
  readonly key: string;
  /** Lowercase key. */
  readonly keyLower: string;
  /** The words of the key, title, authors and year (`typedWords`), each after a space. */
  readonly haystack: string;
}

export interface BibCandidate extends Matchable {
  readonly entry: BibEntry;
}

const prepared = new WeakMap<BibDatabase, readonly BibCandidate[]>();

/** The entries of a parsed .bib as candidates, prepared once per database object. */
export function bibCandidates(database: BibDatabase): readonly BibCandidate[] {
  let candidates = prepared.get(database);
  if (!candidates) {
    candidates = database.entries.map((entry) => {
      const keyLower = entry.key.toLowerCase();
      const words = [bibField(database, entry, 'title'), bibField(database, entry, 'author') ?? bibField(database, entry, 'editor'),
        bibField(database, entry, 'year') ?? bibField(database, entry, 'date')];
      return { key: entry.key, keyLower, haystack: haystackOf(`${entry.key} ${words.filter(Boolean).join(' ')}`), entry };
    });
    prepared.set(database, candidates);
  }
  return candidates;
}

const arxivIds = new WeakMap<BibDatabase, ReadonlySet<string>>();

/** The arXiv ids of every entry of a parsed .bib (found once per database object). */
export function bibArxivIds(database: BibDatabase): ReadonlySet<string> {
  let ids = arxivIds.get(database);
  if (!ids) {
    ids = new Set(database.entries.map((entry) => entryArxivId(database, entry)).filter((id): id is string => id !== undefined));
    arxivIds.set(database, ids);
  }
  return ids;
}

/** A paper as a candidate under `key`. */
export function paperMatchable(key: string, title: string, authors: readonly string[], year: string | undefined): Matchable {
  const keyLower = key.toLowerCase();
  return { key, keyLower, haystack: haystackOf(`${key} ${title} ${authors.join(' ')} ${year ?? ''}`) };
}

/** Lowercase words without accents or TeX braces, each after a space: ` vaswani 2017 attention is all`. */
function haystackOf(text: string): string {
  const lower = text.toLowerCase();
  return /[^\s!-~]/.test(lower) ? ` ${typedWords(lower).join(' ')}` : ` ${lower.replace(/[^a-z0-9]+/g, ' ')}`;
}

/**
 * How well `candidate` matches the typed `prefix` (lower is better), or undefined when it does not:
 * 0 the key starts with it, 1 the key contains it, 2 every typed word starts a word of the key,
 * title, authors or year, 3 its letters appear in the key in order from its first (as VS Code's own filter allows: `vas17`).
 */
export function matchRank(candidate: Matchable, prefixLower: string, words: readonly string[]): number | undefined {
  if (prefixLower === '' || candidate.keyLower.startsWith(prefixLower)) {
    return 0;
  }
  if (candidate.keyLower.includes(prefixLower)) {
    return 1;
  }
  if (words.length > 0 && words.every((word) => candidate.haystack.includes(` ${word}`))) {
    return 2;
  }
  return prefixLower[0] === candidate.keyLower[0] && isSubsequence(prefixLower, candidate.keyLower) ? 3 : undefined;
}

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const character of needle) {
    if (character === ' ') {
      continue;
    }
    at = haystack.indexOf(character, at) + 1;
    if (at === 0) {
      return false;
    }
  }
  return true;
}

/** The typed text as the lowercase words `matchRank` looks for (letters and digits, accents dropped). */
export function typedWords(prefix: string): string[] {
  const lower = prefix.toLowerCase();
  // Most text is ASCII: the Unicode pass (five times slower) only when it is not.
  return (/[^\s!-~]/.test(lower) ? lower.normalize('NFD').replace(/\p{M}/gu, '').split(/[^\p{L}\p{N}]+/u) : lower.split(/[^a-z0-9]+/))
    .filter(Boolean);
}

/**
 * The candidates that match `prefix`, best first (then in their own order), at most `limit`,
 * leaving out keys in `exclude` (lowercase: the other keys of the same citation).
 */
export function matchCandidates<T extends Matchable>(candidates: readonly T[], prefix: string, exclude: ReadonlySet<string>, limit: number): T[] {
  const prefixLower = prefix.trim().toLowerCase();
  const words = typedWords(prefix);
  const ranked: Array<{ readonly candidate: T; readonly rank: number; readonly index: number }> = [];
  for (let index = 0; index < candidates.length; index++) {
    const candidate = candidates[index] as T;
    if (exclude.has(candidate.keyLower)) {
      continue;
    }
    const rank = matchRank(candidate, prefixLower, words);
    if (rank !== undefined) {
      ranked.push({ candidate, rank, index });
    }
  }
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return ranked.slice(0, limit).map((match) => match.candidate);
}

/**
 * What VS Code filters an item by. VS Code matches the text from the key's start to the cursor (the
 * typed prefix) against it, and would drop a paper the search found by its title ("vision transformer"
 * against `oquab2023dinov2`): starting with the typed text, every item offered for it survives, ranks
 * alike, and keeps the order of `sortText`; the key and title after it keep later keystrokes matching
 * until the next list arrives.
 */
export function completionFilterText(prefix: string, key: string, title: string): string {
  return `${prefix} ${key} ${title}`.replace(/\s+/g, ' ').trimStart();
}

/** The sort text of the `index`th item of a group: the .bib (`a`), saved papers (`b`), the archive (`c`). */
export function completionSortText(group: 'a' | 'b' | 'c', index: number): string {
  return `${group}${String(index).padStart(5, '0')}`;
}

/** `Vaswani 2017` (surname of the first author, and the year), as the list shows it next to the key. */
export function authorYear(authors: readonly string[], year: string | undefined): string {
  const first = authors[0]?.trim() ?? '';
  const surname = first.includes(',') ? first.slice(0, first.indexOf(',')).trim() : (first.split(/\s+/).pop() ?? '');
  return [surname + (authors.length > 1 ? ' et al.' : ''), year].filter(Boolean).join(' ');
}

/** What an item's documentation shows. */
export interface CompletionDoc {
  readonly title: string;
  readonly authors: readonly string[];
  /** How many authors there are in all, when more than `authors` lists. */
  readonly authorCount?: number;
  readonly year?: string;
  readonly venue?: string;
  readonly arxivId?: string;
  readonly upvotes?: number;
  readonly abstract?: string;
}

const DOC_AUTHORS = 3;
const DOC_ABSTRACT = 300;

/** The documentation's Markdown: every piece of text escaped (it comes from a paper or a .bib), no links. */
export function completionDocMarkdown(doc: CompletionDoc): string {
  const count = Math.max(doc.authorCount ?? 0, doc.authors.length);
  const authors = doc.authors.slice(0, DOC_AUTHORS).join(', ') + (count > DOC_AUTHORS ? ' et al.' : '');
  const where = doc.venue ? doc.venue : doc.arxivId ? `arXiv ${doc.arxivId}` : '';
  const facts = [authors, doc.year, where, doc.upvotes !== undefined ? `▲ ${doc.upvotes}` : ''].filter(Boolean);
  const parts = [`**${escapeMarkdown(doc.title || '(no title)')}**`];
  if (facts.length > 0) {
    parts.push(escapeMarkdown(facts.join(' · ')));
  }
  const abstract = (doc.abstract ?? '').replace(/\s+/g, ' ').trim();
  if (abstract) {
    parts.push(escapeMarkdown(truncate(abstract, DOC_ABSTRACT)));
  }
  return parts.join('\n\n');
}

/** A .bib entry's documentation. */
export function bibEntryDoc(summary: BibSummary): CompletionDoc {
  return {
    title: summary.title, authors: summary.authors, year: summary.year,
    ...(summary.venue && summary.venue.toLowerCase() !== 'arxiv' ? { venue: summary.venue } : {}),
    ...(summary.arxivId ? { arxivId: summary.arxivId } : {}), abstract: summary.abstract,
  };
}

/** A paper's documentation (the abstract, else the AI summary). */
export function paperDoc(paper: Paper, year: string | undefined): CompletionDoc {
  return {
    title: paper.title, authors: paper.authors.map((author) => author.name), ...(year ? { year } : {}), arxivId: paper.id,
    ...(paper.upvotes !== undefined ? { upvotes: paper.upvotes } : {}), abstract: paper.abstract || paper.aiSummary || '',
  };
}

const summaries = new WeakMap<BibEntry, BibSummary>();

/** An entry's summary, made once per parsed entry (the list asks again on every keystroke). */
export function entrySummary(database: BibDatabase, entry: BibEntry): BibSummary {
  let summary = summaries.get(entry);
  if (!summary) {
    summary = summarize(database, entry);
    summaries.set(entry, summary);
  }
  return summary;
}

/** What the list shows of a .bib entry next to its key: `Vaswani et al. 2017 · Attention Is All You Need`. */
export function bibEntryDescription(summary: BibSummary): string {
  return [authorYear(summary.authors, summary.year), summary.title].filter(Boolean).join(' · ');
}
