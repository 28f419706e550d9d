/**
 * A .bib file read whole, for citing as you write: every entry's key, type, fields and place, with
 * `@string` macros and `#` concatenation resolved, `crossref` followed for missing fields, and
 * `@comment` / `@preamble` skipped. Entries may use braces or parentheses. Damage is tolerated: an
 * entry that does not close ends where the next line starting with `@` begins. One linear pass
 * (a 5,000-entry, 2.3 MB file in 40–100 ms: `completion.bibParseMs`), so the host keeps the result per
 * file version and never parses on a keystroke.
 */
import { parseArxivId } from '../paper/arxiv';

export interface BibEntry {
  /** As written (keys are matched without regard to case, as BibTeX does). */
  readonly key: string;
  /** Lowercase: article, inproceedings, misc, … */
  readonly type: string;
  /** Offset of the `@`, and of the key. */
  readonly start: number;
  readonly keyStart: number;
  /** Offset just past the entry. */
  readonly end: number;
  /** Lowercase field names; values with macros resolved, outer braces and quotes removed. */
  readonly fields: Readonly<Record<string, string>>;
}

export interface BibDatabase {
  readonly entries: readonly BibEntry[];
  /** Lowercase key, and each biblatex `ids` alias → entry (the first, when a key is defined twice). */
  readonly byKey: ReadonlyMap<string, BibEntry>;
}

const MONTHS: Record<string, string> = {
  jan: 'January', feb: 'February', mar: 'March', apr: 'April', may: 'May', jun: 'June',
  jul: 'July', aug: 'August', sep: 'September', oct: 'October', nov: 'November', dec: 'December',
};

/** Longest value kept per field: a hostile file cannot make entries huge in memory. */
const MAX_FIELD = 20_000;

// Sticky and global patterns, made once: a pattern literal inside the loop is a new object each time.
const SPACE = /\s+/y;
const BRACE_OR_ENTRY = /[{}]|\n@/g;
const WORD = /[^\s,#{}()"=]+/y;
const FIELD_NAME = /[^\s,=#{}()"]+/y;
const ENTRY_TYPE = /[A-Za-z]+/y;
const BRACED_KEY = /[^\s,{}]+/y;
const PARENTHESISED_KEY = /[^\s,()]+/y;

export function parseBib(text: string): BibDatabase {
  const strings = new Map<string, string>(Object.entries(MONTHS));
  const entries: BibEntry[] = [];
  const byKey = new Map<string, BibEntry>();
  let index = 0;
  const length = text.length;

  const skipSpace = (): void => {
    SPACE.lastIndex = index;
    if (SPACE.test(text)) {
      index = SPACE.lastIndex;
    }
  };
  /** A balanced {…} starting at index (on `{`), without its braces; stops at the next `\n@` when unbalanced. */
  const braced = (): string => {
    const start = index + 1;
    let depth = 0;
    // Jumps from brace to brace (and to a line starting with @, where a damaged entry ends).
    BRACE_OR_ENTRY.lastIndex = index;
    for (let match = BRACE_OR_ENTRY.exec(text); match; match = BRACE_OR_ENTRY.exec(text)) {
      index = match.index;
      const character = match[0];
      if (character === '{') {
        depth++;
      } else if (character === '}') {
        depth--;
        if (depth === 0) {
          index++;
          return text.slice(start, index - 1);
        }
      } else if (depth > 0) { // '\n@'
        index++;
        return text.slice(start, index);
      }
    }
    index = length;
    return text.slice(start);
  };
  const quoted = (): string => {
    const start = index + 1;
    let depth = 0;
    for (index++; index < length; index++) {
      const character = text[index];
      if (character === '{') {
        depth++;
      } else if (character === '}') {
        depth = Math.max(0, depth - 1);
      } else if (character === '"' && depth === 0) {
        index++;
        return text.slice(start, index - 1);
      } else if (character === '\n' && text[index + 1] === '@') {
        return text.slice(start, index);
      }
    }
    return text.slice(start);
  };
  /** A value: parts joined by `#`. */
  const value = (): string => {
    let out = '';
    for (;;) {
      skipSpace();
      const character = text[index];
      if (character === '{') {
        out += braced();
      } else if (character === '"') {
        out += quoted();
      } else {
        if (character === '@') {
          return out; // damaged: a field with no value, and the next entry starts
        }
        WORD.lastIndex = index;
        const name = WORD.exec(text)?.[0];
        if (name === undefined) {
          return out;
        }
        index += name.length;
        out += /^\d+$/.test(name) ? name : (strings.get(name.toLowerCase()) ?? name);
      }
      skipSpace();
      if (text[index] !== '#') {
        return out;
      }
      index++;
    }
  };
  /** `name = value` pairs up to the closing delimiter. */
  const fields = (close: string): Record<string, string> => {
    const out: Record<string, string> = {};
    for (;;) {
      skipSpace();
      const character = text[index];
      if (character === undefined || character === close) {
        index++;
        return out;
      }
      if (character === ',') {
        index++;
        continue;
      }
      if (character === '@' && /\n[ \t]*$/.test(text.slice(Math.max(0, index - 200), index))) {
        return out; // damaged: the next entry starts (at the start of a line, perhaps indented)
      }
      FIELD_NAME.lastIndex = index;
      const field = FIELD_NAME.exec(text)?.[0];
      if (field === undefined) {
        index++;
        continue;
      }
      index += field.length;
      skipSpace();
      if (text[index] !== '=') {
        continue;
      }
      index++;
      const parsed = value();
      const lower = field.toLowerCase();
      if (!(lower in out)) {
        out[lower] = parsed.length > MAX_FIELD ? parsed.slice(0, MAX_FIELD) : parsed;
      }
    }
  };

  while (index < length) {
    const at = text.indexOf('@', index);
    if (at < 0) {
      break;
    }
    index = at + 1;
    ENTRY_TYPE.lastIndex = index;
    const name = ENTRY_TYPE.exec(text)?.[0]?.toLowerCase();
    if (name === undefined) {
      continue;
    }
    index += name.length;
    skipSpace();
    const open = text[index];
    if (open !== '{' && open !== '(') {
      continue;
    }
    const close = open === '{' ? '}' : ')';
    if (name === 'comment') {
      if (open === '{') {
        braced();
      }
      continue;
    }
    if (name === 'preamble') {
      index++;
      value();
      skipSpace();
      if (text[index] === close) {
        index++;
      }
      continue;
    }
    index++;
    if (name === 'string') {
      const defined = fields(close);
      for (const [macro, expansion] of Object.entries(defined)) {
        strings.set(macro, expansion);
      }
      continue;
    }
    skipSpace();
    const keyPattern = open === '{' ? BRACED_KEY : PARENTHESISED_KEY;
    keyPattern.lastIndex = index;
    const key = keyPattern.exec(text)?.[0];
    if (key === undefined) {
      continue;
    }
    const keyStart = index;
    index += key.length;
    skipSpace();
    if (text[index] !== ',' && text[index] !== close) {
      continue; // not an entry (an @ in text between entries)
    }
    const entry: BibEntry = { key, type: name, start: at, keyStart, end: 0, fields: fields(close) };
    (entry as { end: number }).end = Math.min(index, length);
    entries.push(entry);
    // biblatex's `ids` names other keys the entry answers to (biber resolves them).
    for (const alias of [key, ...(entry.fields.ids ?? '').split(',').map((id) => id.trim()).filter(Boolean)]) {
      if (!byKey.has(alias.toLowerCase())) {
        byKey.set(alias.toLowerCase(), entry);
      }
    }
  }
  return { entries, byKey };
}

/** Fields a child never takes from its crossref parent (biblatex maps the parent's title to the child's booktitle). */
const NOT_INHERITED = new Set(['title', 'subtitle', 'titleaddon', 'shorttitle', 'crossref', 'ids']);

/** A field of the entry, else of the entry its `crossref` names (one level, as BibTeX does). */
export function bibField(database: BibDatabase, entry: BibEntry, name: string): string | undefined {
  const own = entry.fields[name];
  if (own !== undefined && own.trim() !== '') {
    return own;
  }
  const parent = entry.fields.crossref === undefined ? undefined : database.byKey.get(entry.fields.crossref.trim().toLowerCase());
  if (NOT_INHERITED.has(name)) {
    return undefined; // the parent's title is the child's booktitle, never its title
  }
  const inherited = parent?.fields[name === 'booktitle' ? 'title' : name] ?? parent?.fields[name];
  return inherited !== undefined && inherited.trim() !== '' ? inherited : undefined;
}

/** TeX markup reduced to readable text: braces, common accents and commands dropped, spaces joined. */
export function plainTex(value: string): string {
  return value
    .replace(/\\[`'^"~=.uvHcdbkr]\s*\{?\s*([A-Za-z])\}?/g, '$1')
    .replace(/\\(?:textit|textbf|emph|textsc|texttt|mathrm|url|href)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\([&%$#_{}])/g, '$1')
    .replace(/\\[A-Za-z]+\s*/g, '')
    .replace(/[{}]/g, '')
    .replace(/~/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a completion item or hover shows of an entry. */
export interface BibSummary {
  readonly key: string;
  readonly title: string;
  readonly authors: readonly string[];
  readonly year: string;
  readonly venue: string;
  readonly arxivId?: string;
  readonly abstract: string;
}

export function summarize(database: BibDatabase, entry: BibEntry): BibSummary {
  const field = (name: string): string => plainTex(bibField(database, entry, name) ?? '');
  const authors = (bibField(database, entry, 'author') ?? bibField(database, entry, 'editor') ?? '')
    .split(/\s+and\s+/i).map((name) => plainTex(name)).filter(Boolean)
    .map((name) => (name.includes(',') ? `${name.slice(name.indexOf(',') + 1).trim()} ${name.slice(0, name.indexOf(',')).trim()}`.trim() : name));
  const year = field('year') || field('date').slice(0, 4);
  const venue = field('journal') || field('journaltitle') || field('booktitle') || field('publisher') || field('howpublished') || field('archiveprefix');
  const arxivId = entryArxivId(database, entry);
  return { key: entry.key, title: field('title'), authors, year, venue, abstract: field('abstract'), ...(arxivId ? { arxivId } : {}) };
}

/** The arXiv id an entry names: eprint, an arXiv DOI, or an arXiv URL. */
export function entryArxivId(database: BibDatabase, entry: BibEntry): string | undefined {
  const doi = bibField(database, entry, 'doi')?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '').toLowerCase();
  const fromDoi = doi?.startsWith('10.48550/arxiv.') ? doi.slice('10.48550/arxiv.'.length) : undefined;
  const url = bibField(database, entry, 'url') ?? '';
  const fromUrl = /arxiv\.org\/(?:abs|pdf)\/([^\s}"]+?)(?:v\d+)?(?:\.pdf)?$/i.exec(url.trim())?.[1];
  const journal = /arXiv:?\s*(\d{4}\.\d{4,5})/i.exec(bibField(database, entry, 'journal') ?? '')?.[1];
  return [bibField(database, entry, 'eprint'), fromDoi, fromUrl, journal]
    .map((candidate) => (candidate ? parseArxivId(candidate) : undefined)).find(Boolean);
}
