/**
 * arXiv's API (`/api/query?id_list=…`): the request URL and the reader of its Atom answer, in both
 * the format before August 2025 (namespace prefixes declared per element, hard-wrapped text) and the
 * one since November 2025 (prefixes on `<feed>`, single-line text). See HF-FEED.md §5. Everything in
 * the answer is untrusted: bounded, cleaned and validated before it reaches an `ArxivEntry`.
 */
import { FeedError } from '../feed/http';
import { parseArxivId } from '../paper/arxiv';
import { cleanLine } from '../paper/cleanText';
import type { ArxivMetadata } from '../paper/model';
import { compact } from '../paper/normalise';
import { category } from '../paper/stored';
import { isValidDate } from '../time/dates';
import { readXml, XmlError, type XmlElement } from './xmlEvents';

/** arXiv's API host (the one arXiv asks programs to use). */
export const ARXIV_ENDPOINT = 'https://export.arxiv.org';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const ARXIV_NS = 'http://arxiv.org/schemas/atom';

/** Larger answers are refused unread: 2,000 entries of a real feed are about 6 MB. */
export const MAX_ATOM_CHARS = 8 * 1024 * 1024;
/** arXiv's own cap on `max_results` per call. */
export const MAX_ENTRIES = 2_000;
const MAX_AUTHORS = 1_000;
const MAX_CATEGORIES = 20;
/** Text kept per field while reading; cleaning then caps each field further. */
const MAX_FIELD_CHARS = 20_000;

export interface ArxivEntry {
  /** Without version, e.g. `2508.10104` or `hep-th/9901001`. */
  readonly id: string;
  readonly version?: number;
  readonly title?: string;
  readonly authors: readonly string[];
  /** The v1 date (YYYY-MM-DD). */
  readonly published?: string;
  /** This version's date (YYYY-MM-DD). */
  readonly updated?: string;
  readonly primaryCategory?: string;
  /** Primary first, deduplicated. */
  readonly categories: readonly string[];
  readonly comment?: string;
  readonly journalRef?: string;
  readonly doi?: string;
}

/** `${endpoint}/api/query?id_list=ID1,ID2&start=0&max_results=N` (ids as given, commas unescaped as arXiv writes them). */
export function arxivQueryUrl(endpoint: string, ids: readonly string[]): string {
  const list = ids.map((id) => encodeURIComponent(id).replace(/%2F/gi, '/')).join(',');
  return `${endpoint.replace(/\/+$/, '')}/api/query?id_list=${list}&start=0&max_results=${ids.length}`;
}

/** The fields read from one `<entry>`, as raw text until the entry closes. */
interface Draft {
  id: string;
  title: string;
  summary: string;
  published: string;
  updated: string;
  primary?: string;
  categories: string[];
  comment: string;
  journalRef: string;
  doi: string;
  authors: string[];
}

type Field = 'id' | 'title' | 'summary' | 'published' | 'updated' | 'comment' | 'journalRef' | 'doi' | 'author';

const ATOM_FIELDS = new Map<string, Field>([['id', 'id'], ['title', 'title'], ['summary', 'summary'], ['published', 'published'], ['updated', 'updated']]);
const ARXIV_FIELDS = new Map<string, Field>([['comment', 'comment'], ['journal_ref', 'journalRef'], ['doi', 'doi']]);

/**
 * The entries of an arXiv Atom answer, in its order. Throws FeedError('format') for anything that is
 * not an Atom feed (a plain-text `Rate exceeded.`, an HTML page, cut-off XML, a DOCTYPE) and for
 * arXiv's error entry (its summary is the message). Entries without a valid arXiv id are left out.
 */
export function parseArxivAtom(xml: string): ArxivEntry[] {
  if (typeof xml !== 'string' || xml.length > MAX_ATOM_CHARS) {
    throw new FeedError('format', `arXiv sent ${typeof xml === 'string' ? `${Math.round(xml.length / 1_048_576)} MB` : 'no text'}, more than Paper Feed reads.`);
  }
  if (!xml.trimStart().startsWith('<')) {
    const said = cleanLine(xml, 80);
    throw new FeedError('format', said ? `arXiv answered "${said}" instead of a feed.` : 'arXiv sent an empty answer.');
  }
  const entries: ArxivEntry[] = [];
  let draft: Draft | undefined;
  let field: Field | undefined;
  let authorName = false;
  let buffer = '';
  let sawFeed = false;
  const append = (text: string): void => {
    if (buffer.length < MAX_FIELD_CHARS) {
      buffer += text.slice(0, MAX_FIELD_CHARS - buffer.length);
    }
  };
  try {
    readXml(xml, {
      open(element) {
        if (element.depth === 1) {
          if (element.ns !== ATOM_NS || element.local !== 'feed') {
            throw new FeedError('format', `arXiv sent <${element.local.slice(0, 40)}> where an Atom feed was expected.`);
          }
          sawFeed = true;
        } else if (element.depth === 2 && isAtom(element, 'entry')) {
          draft = { id: '', title: '', summary: '', published: '', updated: '', categories: [], comment: '', journalRef: '', doi: '', authors: [] };
        } else if (draft && element.depth === 3) {
          field = entryField(element, draft);
          buffer = '';
        } else if (draft && field === 'author' && element.depth === 4 && isAtom(element, 'name')) {
          authorName = true;
          buffer = '';
        }
      },
      text(text) {
        if (draft && ((field !== undefined && field !== 'author') || authorName)) {
          append(text);
        }
      },
      close(element) {
        if (!draft) {
          return;
        }
        if (element.depth === 4 && authorName) {
          authorName = false;
          if (draft.authors.length < MAX_AUTHORS) {
            const name = cleanLine(buffer, 300);
            if (name) {
              draft.authors.push(name);
            }
          }
        } else if (element.depth === 3) {
          if (field !== undefined && field !== 'author') {
            draft[field] = buffer;
          }
          field = undefined;
        } else if (element.depth === 2) {
          const entry = finishEntry(draft);
          if (entry && entries.length < MAX_ENTRIES) {
            entries.push(entry);
          }
          draft = undefined;
        }
      },
    }, { maxDepth: 16, maxElements: 2_000_000 });
  } catch (error) {
    if (error instanceof XmlError) {
      throw new FeedError('format', `arXiv sent XML that cannot be read (${error.message}).`);
    }
    throw error;
  }
  if (!sawFeed) {
    throw new FeedError('format', 'arXiv sent no feed.');
  }
  return entries;
}

function isAtom(element: XmlElement, local: string): boolean {
  return element.ns === ATOM_NS && element.local === local;
}

/** Which text field an entry's child carries; categories are taken from attributes here. */
function entryField(element: XmlElement, draft: Draft): Field | undefined {
  if (element.ns === ATOM_NS) {
    if (element.local === 'category') {
      const term = element.attributes.get('term');
      if (term !== undefined && draft.categories.length < MAX_CATEGORIES * 5) {
        draft.categories.push(term);
      }
      return undefined;
    }
    return element.local === 'author' ? 'author' : ATOM_FIELDS.get(element.local);
  }
  if (element.ns === ARXIV_NS) {
    if (element.local === 'primary_category') {
      draft.primary ??= element.attributes.get('term');
      return undefined;
    }
    return ARXIV_FIELDS.get(element.local);
  }
  return undefined;
}

const ABS_URL = /^https?:\/\/(?:export\.)?arxiv\.org\/abs\/(.+)$/;
const ERROR_URL = /^https?:\/\/(?:export\.)?arxiv\.org\/api\/errors\b/;

function finishEntry(draft: Draft): ArxivEntry | undefined {
  const idText = draft.id.trim();
  if (ERROR_URL.test(idText)) {
    const message = cleanLine(draft.summary, 300) ?? cleanLine(idText.replace(/^.*#/, '').replace(/_/g, ' '), 300) ?? 'an error';
    throw new FeedError('format', `arXiv answered with an error: ${message}`);
  }
  const versioned = ABS_URL.exec(idText)?.[1] ?? '';
  const id = parseArxivId(versioned);
  if (!id) {
    return undefined;
  }
  const versionText = /v(\d{1,4})$/.exec(versioned)?.[1];
  const version = versionText ? Number(versionText) : undefined;
  const primaryCategory = category(draft.primary);
  const categories = [...new Set([primaryCategory, ...draft.categories.map(category)])]
    .filter((term): term is string => term !== undefined)
    .slice(0, MAX_CATEGORIES);
  return compact({
    id,
    version: version !== undefined && version >= 1 ? version : undefined,
    title: cleanLine(draft.title, 1_000),
    authors: draft.authors,
    published: atomDate(draft.published),
    updated: atomDate(draft.updated),
    primaryCategory,
    categories,
    comment: cleanLine(draft.comment, 1_000),
    journalRef: cleanLine(draft.journalRef, 500),
    doi: validDoi(draft.doi),
  });
}

/** The calendar date of an Atom date-time as arXiv writes it (`2025-11-11T18:27:50Z`). */
function atomDate(text: string): string | undefined {
  const date = /^\s*(\d{4}-\d{2}-\d{2})(?:T|\s*$)/.exec(text)?.[1];
  return date && isValidDate(date) ? date : undefined;
}

/** A DOI as arXiv lists it: `10.` and a registrant, no whitespace, at most 200 characters; the first when several are given. */
export function validDoi(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const first = value.trim().split(/\s+/)[0] ?? '';
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  return first.length <= 200 && /^10\.\d{4,9}\/[^\s\u0000-\u001F\u007F-\u009F"<>]+$/.test(first) ? first : undefined;
}

/** What Paper Feed keeps of an entry on the paper. The Atom API carries no license, so it stays unset. */
export function toArxivMetadata(entry: ArxivEntry): ArxivMetadata {
  return compact({
    categories: [...entry.categories],
    version: entry.version,
    versionDate: entry.updated,
    comment: entry.comment,
    journalRef: entry.journalRef,
    doi: entry.doi,
  });
}
