/**
 * The project's .bib file: reading the entries it has, and appending a new one without duplicates.
 * Existing entries are never rewritten or reordered; line endings kept. (Which file a document
 * names: bibliography.ts.)
 */
import { parseArxivId } from '../paper/arxiv';
import type { Paper } from '../paper/model';
import { arxivDoi, bibtex, type EntryOptions } from './bibtex';

export interface BibEntryInfo {
  readonly key: string;
  readonly arxivId?: string;
  /** Lowercase DOI. */
  readonly doi?: string;
}

/** Entries of a .bib file: their keys and, when they say so, arXiv ids and DOIs. Tolerates damage. */
export function parseBibEntries(text: string): BibEntryInfo[] {
  const entries: BibEntryInfo[] = [];
  const head = /@([A-Za-z]+)\s*[{(]\s*([^\s,{}()]+)\s*,/g;
  for (let match = head.exec(text); match; match = head.exec(text)) {
    const type = (match[1] ?? '').toLowerCase();
    if (type === 'comment' || type === 'string' || type === 'preamble') {
      continue;
    }
    const { body, end } = entryBody(text, match.index + match[0].length);
    // The next entry starts after this one's body: an "@misc{x," inside a field (a hostile title or venue) is no entry.
    head.lastIndex = end;
    const field = (name: string): string | undefined => {
      const found = new RegExp(`(?:^|[,\\s])${name}\\s*=\\s*[{"]([^}"]*)[}"]`, 'i').exec(body);
      return found?.[1]?.trim();
    };
    const doi = field('doi')?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '').toLowerCase();
    const eprint = field('eprint');
    const fromDoi = doi?.startsWith('10.48550/arxiv.') ? doi.slice('10.48550/arxiv.'.length) : undefined;
    const fromUrl = /arxiv\.org\/(?:abs|pdf)\/([^\s}"]+?)(?:v\d+)?(?:\.pdf)?(?=[\s}"]|$)/i.exec(body)?.[1];
    const arxivId = [eprint, fromDoi, fromUrl].map((candidate) => (candidate ? parseArxivId(candidate) : undefined)).find(Boolean);
    entries.push({ key: match[2] ?? '', ...(arxivId ? { arxivId } : {}), ...(doi ? { doi } : {}) });
  }
  return entries;
}

/** The text of an entry's body, up to its closing brace (or the next entry when braces are broken), and where it ends. */
function entryBody(text: string, start: number): { body: string; end: number } {
  let depth = 1;
  for (let index = start; index < text.length; index++) {
    const character = text[index];
    if (character === '{' || character === '(') {
      depth++;
    } else if (character === '}' || character === ')') {
      depth--;
      if (depth === 0) {
        return { body: text.slice(start, index), end: index + 1 };
      }
    } else if (character === '@' && text[index - 1] === '\n') {
      return { body: text.slice(start, index), end: index };
    }
  }
  return { body: text.slice(start), end: text.length };
}

export type BibPlan =
  /** The paper is there already (same arXiv id or DOI): cite its key. */
  | { readonly action: 'exists'; readonly key: string }
  /** Append `text` at the end of the file and cite `key`. */
  | { readonly action: 'append'; readonly key: string; readonly text: string };

/**
 * What to do for `arxivId`: reuse an entry for the same paper, else append `entry(key)` under the
 * wanted key, or under key + a, b, … when another paper has it.
 */
export function planBibAppend(text: string, arxivId: string, wantedKey: string, doi: string, entry: (key: string) => string): BibPlan {
  const entries = parseBibEntries(text);
  const same = entries.find((existing) => existing.arxivId === arxivId || existing.doi === doi.toLowerCase());
  if (same) {
    return { action: 'exists', key: same.key };
  }
  const taken = new Set(entries.map((existing) => existing.key.toLowerCase()));
  let key = wantedKey;
  for (let suffix = 0; taken.has(key.toLowerCase()); suffix++) {
    key = `${wantedKey}${suffixLetters(suffix)}`;
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = entry(key).replace(/\r?\n/g, eol);
  const separator = text.length === 0 ? '' : text.endsWith(`${eol}${eol}`) ? '' : text.endsWith(eol) ? eol : `${eol}${eol}`;
  return { action: 'append', key, text: `${separator}${body.endsWith(eol) ? body : `${body}${eol}`}` };
}

/** A paper to add: what planBibAppend takes for it. */
export interface BibCandidate {
  readonly arxivId: string;
  readonly wantedKey: string;
  readonly doi: string;
  readonly entry: (key: string) => string;
}

/** A paper's BibTeX entry (bibtex.ts, in the user's style), wanted under `wantedKey`. */
export function bibtexCandidate(paper: Paper, wantedKey: string, options: EntryOptions = {}): BibCandidate {
  return { arxivId: paper.id, wantedKey, doi: arxivDoi(paper.id), entry: (key) => bibtex(paper, key, options) };
}

/** For each paper, in order, the key to cite it by: the key of its entry in the file, or of the one added. */
type Keys = { readonly keys: readonly string[] };
export type BibListPlan =
  /** The file has every paper already. */
  | Keys & { readonly action: 'exists'; readonly added: 0 }
  /** Append `text`: the entries of `added` papers. */
  | Keys & { readonly action: 'append'; readonly text: string; readonly added: number };

/**
 * planBibAppend for one paper or several, in order: each planned against the text with the entries
 * before it appended, so none is added twice and no two take the same key.
 */
export function planBibAppends(text: string, candidates: readonly BibCandidate[]): BibListPlan {
  let appended = '';
  const keys: string[] = [];
  let added = 0;
  for (const { arxivId, wantedKey, doi, entry } of candidates) {
    const plan = planBibAppend(text + appended, arxivId, wantedKey, doi, entry);
    keys.push(plan.key);
    if (plan.action === 'append') {
      appended += plan.text; // in the file's own line endings
      added++;
    }
  }
  return added === 0 ? { action: 'exists', keys, added: 0 } : { action: 'append', text: appended, keys, added };
}

/** a, b, …, z, aa, ab, … */
function suffixLetters(index: number): string {
  let value = index;
  let letters = '';
  do {
    letters = String.fromCharCode(97 + (value % 26)) + letters;
    value = Math.floor(value / 26) - 1;
  } while (value >= 0);
  return letters;
}
