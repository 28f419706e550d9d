/**
 * Cited keys that no bibliography defines, and which paper such a key means. The decisions behind
 * the "not in refs.bib" warning and its quick fix, with no VS Code in them.
 *
 * A warning must never be false, so a key is reported only when everything it could come from was
 * read: every .bib the document names (reST, which names none, counts `paperFeed.citation.bibFile`),
 * and nothing else (no CSL JSON or YAML bibliography, no inline `references:`, no `\bibitem` of the
 * same key, no Typst label). Some citations are not reported at all: a bare Pandoc `@name` outside
 * brackets (a handle or a mention), Pandoc cross-references (`@fig:plot`, `@sec-intro`), LaTeX macro
 * arguments (`\cite{#1}`), and Typst `@label`s when the document includes other files (their labels
 * are not seen).
 */
import type { Paper } from '../paper/model';
import type { BibDatabase } from './bibEntries';
import type { CiteKind, CitedKey } from './citeSyntax';
import { asciiFold, citationKey, citationYear, firstAuthorKeyName, type KeyFormat, titleWords } from './keys';

export interface ReadBibliography {
  /** The file's name as the warning shows it (`refs.bib`). */
  readonly name: string;
  readonly namedBy: 'document' | 'setting';
  /** Undefined when the file could not be read (missing, too large, unreadable). */
  readonly database: BibDatabase | undefined;
}

export interface MissingKeysInput {
  readonly kind: CiteKind;
  /** The document's text (to tell `#cite(<key>)` from `@key` in Typst, and whether it includes files). */
  readonly text: string;
  readonly keys: readonly CitedKey[];
  /** Keys the document defines (\bibitem, Typst labels). */
  readonly defined: ReadonlySet<string>;
  readonly bibliographies: readonly ReadBibliography[];
  /** The document also names a bibliography Paper Feed does not read (bibliography.ts `namesUnreadBibliography`). */
  readonly namesUnread?: boolean;
}

export interface MissingKey {
  readonly key: CitedKey;
  /** The files looked in, as named. */
  readonly files: readonly string[];
}

/** Quarto and pandoc-crossref references (`@fig-plot`, `@fig:plot`, `@sec:intro`, …). */
const PANDOC_CROSSREF = /^(?:fig|tbl|eq|sec|lst|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|alg|apx|tab|table|figure|equation|section|chapter|ch)[-:]/i;

/** Cited keys that none of the bibliographies defines, in document order (none when that cannot be known). */
export function missingKeys(input: MissingKeysInput): MissingKey[] {
  const { kind, keys, bibliographies } = input;
  if (input.namesUnread) {
    return [];
  }
  // Only files the document names count, except in reST, which can name none.
  const named = bibliographies.filter((bib) => bib.namedBy === 'document' || (kind === 'rst' && bib.namedBy === 'setting'));
  if (named.length === 0 || named.some((bib) => bib.database === undefined)) {
    return [];
  }
  const databases = named.map((bib) => bib.database as BibDatabase);
  const files = named.map((bib) => bib.name);
  const defined = new Set([...input.defined].map((key) => key.toLowerCase()));
  const typstIncludes = kind === 'typst' && /(^|[^\w])#include\b/.test(input.text);
  const missing: MissingKey[] = [];
  for (const cited of keys) {
    if (!reportable(cited, kind, input.text, typstIncludes)) {
      continue;
    }
    const lower = cited.key.toLowerCase();
    if (defined.has(lower) || databases.some((database) => database.byKey.has(lower))) {
      continue;
    }
    missing.push({ key: cited, files });
  }
  return missing;
}

function reportable(cited: CitedKey, kind: CiteKind, text: string, typstIncludes: boolean): boolean {
  if (cited.key === '' || cited.bare) {
    return false;
  }
  switch (kind) {
    case 'latex':
      return !/[#\\]/.test(cited.key); // \newcommand{\mycite}[1]{\cite{#1}}
    case 'pandoc':
      return !PANDOC_CROSSREF.test(cited.key);
    case 'typst':
      return !typstIncludes || text[cited.start - 1] === '<'; // #cite(<key>) is always a citation
    case 'rst':
      return true;
  }
}

// ---- Which paper a key means

/** A key's words as a search query: split at separators, years, digits-to-letters and camelCase; years dropped. */
export function keyQuery(key: string): string {
  return key
    .replace(/(?<![\d.])(?:\d{4}\.\d{4,5}|(?:19|20)\d{2})(?![\d])/g, ' ') // arXiv ids and years
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !/^(?:arxiv|et|al)$/i.test(word))
    .join(' ')
    .slice(0, 200);
}

/** The key folded as keys are compared: lowercase ASCII letters and digits. */
function folded(key: string): string {
  return asciiFold(key).toLowerCase();
}

/** Whether `key` is the key Paper Feed writes for `paper` in one of `formats` (without regard to case). */
export function isKeyOf(key: string, paper: Paper, formats: readonly KeyFormat[]): boolean {
  const lower = key.toLowerCase();
  return formats.some((format) => citationKey(paper, format).toLowerCase() === lower);
}

/**
 * Whether `key` names `paper` by the usual recipe of hand-made keys: it starts with the first author's
 * surname (or holds it, for a surname of four letters or more), holds the year of the paper, and,
 * after those, a word of its title (three letters or more, not a stopword).
 */
export function keyDescribes(key: string, paper: Paper): boolean {
  const text = folded(key);
  const surname = firstAuthorKeyName(paper).toLowerCase();
  const year = citationYear(paper);
  if (surname.length < 2 || !year) {
    return false;
  }
  const at = text.indexOf(surname);
  if (at < 0 || (at > 0 && surname.length < 4)) {
    return false;
  }
  const withoutAuthor = text.slice(0, at) + ' ' + text.slice(at + surname.length);
  const yearAt = withoutAuthor.indexOf(year);
  if (yearAt < 0) {
    return false;
  }
  const rest = withoutAuthor.slice(0, yearAt) + ' ' + withoutAuthor.slice(yearAt + year.length);
  return titleWords(paper).map((word) => word.toLowerCase()).some((word) => word.length >= 3 && rest.includes(word));
}

export interface IdentifiedPaper {
  readonly paper: Paper;
  /** `key`: Paper Feed writes exactly this key for it; `words`: the key describes it, and no other candidate. */
  readonly by: 'key' | 'words';
}

/**
 * The one paper among `candidates` (search hits, best first) that `key` means: the paper whose
 * Paper Feed key it is, else the only candidate the key describes (`keyDescribes`). Two candidates
 * that fit equally well identify none.
 */
export function identifyPaper(key: string, candidates: readonly Paper[], formats: readonly KeyFormat[]): IdentifiedPaper | undefined {
  const unique = [...new Map(candidates.map((paper) => [paper.id, paper])).values()];
  const exact = unique.filter((paper) => isKeyOf(key, paper, formats));
  if (exact.length === 1) {
    return { paper: exact[0] as Paper, by: 'key' };
  }
  if (exact.length > 1) {
    return undefined;
  }
  const described = unique.filter((paper) => keyDescribes(key, paper));
  return described.length === 1 ? { paper: described[0] as Paper, by: 'words' } : undefined;
}
