/**
 * DBLP's publication search (`/search/publ/api?q=…&format=json`): the request, and the one hit that
 * is the paper's published version, taken only with high confidence: the same title (case,
 * punctuation, accents, TeX and dashes aside), the same first author's family name (DBLP's
 * disambiguation numbers aside), a year from the arXiv v1 year to two years later, a conference or
 * journal paper (never DBLP's CoRR listing of arXiv itself), and no second such hit at another venue.
 * The answer is untrusted JSON: every field is type-checked, cleaned and bounded.
 */
import { citationYear, asciiFold } from '../citation/keys';
import { fullFamily, isLiteral, parseName } from '../citation/names';
import { cleanLine } from '../paper/cleanText';
import { isObject } from '../paper/json';
import type { Paper, Publication } from '../paper/model';
import { compact } from '../paper/normalise';
import { safeWebUrl } from '../paper/webUrl';
import { validDoi } from './arxivAtom';
import { venueByShortName } from './venues';

export const DBLP_ENDPOINT = 'https://dblp.org';

/** Hits asked for: the paper, its CoRR listing, and a few near titles. */
export const DBLP_HITS = 10;
const MAX_HITS_READ = 100;
const MAX_QUERY_WORDS = 30;
/** The years after the arXiv v1 within which a venue's version is believed. */
const YEARS_AFTER = 2;

const TYPES = new Map<string, Publication['kind']>([['Conference and Workshop Papers', 'conference'], ['Journal Articles', 'journal']]);

/** `${endpoint}/search/publ/api?q=<title words>&format=json&h=10`. */
export function dblpQueryUrl(endpoint: string, paper: Pick<Paper, 'title' | 'authors'>): string {
  const words = titleTokens(paper.title, false).slice(0, MAX_QUERY_WORDS).join(' ');
  return `${endpoint.replace(/\/+$/, '')}/search/publ/api?q=${encodeURIComponent(words)}&format=json&h=${DBLP_HITS}`;
}

/** TeX accents (`\"o`, `{\'e}`) reduced to their letter, for comparing titles written either way. */
function untex(text: string): string {
  return text.replace(/\{?\\["'^`~=.uvHck]\s*\{?([A-Za-z])\}?\}?/g, '$1').replace(/\\[A-Za-z]+\s*/g, ' ');
}

/**
 * A title's words: letters and digits, lowercase; `fold` also folds accents to ASCII ("Déjà" → "deja"),
 * so that a title compares equal however it is written.
 */
function titleTokens(title: string, fold: boolean): string[] {
  const text = untex(title.slice(0, 2_000)).normalize('NFC').toLowerCase();
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
  return fold ? words.map((word) => asciiFold(word) || word) : words;
}

/** The normalised title two records of one paper share. */
export function normaliseTitle(title: string): string {
  return titleTokens(title, true).join(' ');
}

/** An author's family name folded for comparison; DBLP's " 0001" disambiguation removed. */
function familyKey(raw: string): string {
  const name = parseName(raw.replace(/\s+\d{4}$/, ''));
  const family = isLiteral(name) ? name.literal : fullFamily(name);
  return family.split(/\s+/).map((part) => asciiFold(part) || part).join(' ').toLowerCase();
}

/** DBLP writes one author as an object and several as a list; each as `{ "@pid", "text" }`. */
function firstAuthor(authors: unknown): string | undefined {
  if (!isObject(authors)) {
    return undefined;
  }
  const list = authors.author;
  const first: unknown = Array.isArray(list) ? list[0] : list;
  const text = isObject(first) ? first.text : first;
  return cleanLine(text, 300);
}

/** DBLP's `venue`: a string, or a list of them for a paper listed under several; the first. */
function firstVenue(value: unknown): { venue?: string; corr: boolean } {
  const list: unknown[] = Array.isArray(value) ? value.slice(0, 10) : [value];
  const venues = list.map((entry) => cleanLine(entry, 300)).filter((entry): entry is string => entry !== undefined);
  return { venue: venues[0], corr: venues.some((venue) => venue.toLowerCase() === 'corr') };
}

function field(value: unknown, maxLength: number): string | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : cleanLine(value, maxLength);
}

/** The first https link among DBLP's `ee` (one string or a list). */
function httpsLink(value: unknown): string | undefined {
  const list: unknown[] = Array.isArray(value) ? value.slice(0, 10) : [value];
  return list.map((entry) => safeWebUrl(entry, { httpsOnly: true })).find((url) => url !== undefined);
}

function hits(json: unknown): unknown[] {
  const result = isObject(json) ? json.result : undefined;
  const found = isObject(result) && isObject(result.hits) ? result.hits.hit : undefined;
  return Array.isArray(found) ? found.slice(0, MAX_HITS_READ) : isObject(found) ? [found] : [];
}

/** The published version of `paper` among DBLP's hits, or undefined when none is certain. */
export function matchDblp(json: unknown, paper: Paper): Publication | undefined {
  const arxivYear = Number(citationYear(paper));
  const wantedTitle = normaliseTitle(paper.title);
  const wantedAuthor = paper.authors[0] ? familyKey(paper.authors[0].name) : '';
  if (!Number.isInteger(arxivYear) || wantedTitle.length < 8 || wantedAuthor === '') {
    return undefined;
  }
  const found: Publication[] = [];
  for (const hit of hits(json)) {
    const publication = isObject(hit) ? qualify(hit.info, wantedTitle, wantedAuthor, arxivYear) : undefined;
    if (publication) {
      found.push(publication);
    }
  }
  const venues = new Set(found.map((publication) => publication.venue.toLowerCase()));
  return venues.size === 1 ? found[0] : undefined;
}

/** The hit as a Publication when it is the paper, else undefined. */
function qualify(info: unknown, wantedTitle: string, wantedAuthor: string, arxivYear: number): Publication | undefined {
  if (!isObject(info) || typeof info.title !== 'string' || info.title.length > 2_000) {
    return undefined;
  }
  const kind = typeof info.type === 'string' ? TYPES.get(info.type) : undefined;
  const { venue: venueText, corr } = firstVenue(info.venue);
  const year = field(info.year, 4);
  if (!kind || !venueText || corr || !year || !/^\d{4}$/.test(year)) {
    return undefined;
  }
  if (Number(year) < arxivYear || Number(year) > arxivYear + YEARS_AFTER) {
    return undefined;
  }
  const author = firstAuthor(info.authors);
  if (!author || familyKey(author) !== wantedAuthor || normaliseTitle(info.title) !== wantedTitle) {
    return undefined;
  }
  const known = venueByShortName(venueText);
  return compact({
    kind,
    venue: known?.name ?? venueText,
    venueShort: known?.short,
    year,
    volume: field(info.volume, 50),
    number: field(info.number, 50),
    pages: field(info.pages, 50),
    doi: validDoi(info.doi),
    url: httpsLink(info.ee),
    source: 'dblp' as const,
  });
}
