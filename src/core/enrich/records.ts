/**
 * What Paper Feed learned about papers from arXiv and DBLP, kept beside the paper cache
 * (`enrichment.json`): one record per paper, when each service was last asked, and how a record
 * goes into a Paper. Pure: the host reads and writes the file and decides when to ask.
 */
import type { ArxivMetadata, Paper, Publication } from '../paper/model';
import { cleanLine } from '../paper/cleanText';
import { parseArxivId } from '../paper/arxiv';
import { category } from '../paper/stored';
import { isoDate } from '../time/dates';
import { licenseUrl } from './arxivOai';
import { publicationFromArxiv } from './journalRef';

export interface EnrichmentRecord {
  /** arXiv's record; absent when arXiv has not answered for the paper (or does not know it). */
  readonly arxiv?: ArxivMetadata;
  /** arXiv's first version date (YYYY-MM-DD): the year a citation gives. */
  readonly firstVersionDate?: string;
  /** When arXiv last answered a request naming the paper (ISO date-time), whether or not it knew it. */
  readonly arxivCheckedAt?: string;
  /** The venue version DBLP lists, when one matched. */
  readonly dblp?: Publication;
  /** When DBLP was last asked about the paper. */
  readonly dblpCheckedAt?: string;
  /** The license arXiv's OAI-PMH interface gave (an https URL), for papers cited or opened. */
  readonly license?: string;
  readonly licenseCheckedAt?: string;
}

export const ENRICHMENT_FILE_VERSION = 1;
/** Records beyond this are dropped, the longest unasked first (about 300 bytes each). */
export const MAX_RECORDS = 20_000;

const DAY_MS = 86_400_000;

/** The paper with what the record adds: arXiv's metadata, its v1 date and category, the venue version. */
export function applyEnrichment(paper: Paper, record: EnrichmentRecord | undefined): Paper {
  if (!record || (!record.arxiv && !record.dblp)) {
    return paper;
  }
  // arXiv's v1 date goes into its record, not over the paper's own dates, which the key is made of.
  const arxiv = record.arxiv && {
    ...record.arxiv,
    ...(record.firstVersionDate ? { firstVersionDate: record.firstVersionDate } : {}),
    ...(record.license ? { license: record.license } : {}),
  };
  const firstYear = (record.firstVersionDate ?? paper.firstVersionDate ?? paper.publishedAt)?.slice(0, 4);
  const publication = (arxiv ? publicationFromArxiv(arxiv, firstYear) : undefined) ?? record.dblp;
  return {
    ...paper,
    ...(arxiv ? { arxiv } : {}),
    ...(arxiv?.categories[0] ?? paper.primaryCategory ? { primaryCategory: arxiv?.categories[0] ?? paper.primaryCategory } : {}),
    ...(publication ? { publication } : {}),
  };
}

/**
 * Whether to ask arXiv (again): never asked; then monthly for two years (versions and journal
 * references come), then twice a year; a paper arXiv's answer left out, the next day.
 */
export function arxivDue(record: EnrichmentRecord | undefined, paper: Pick<Paper, 'firstVersionDate' | 'publishedAt' | 'feedDate'>, now: number): boolean {
  const checked = record?.arxivCheckedAt ? Date.parse(record.arxivCheckedAt) : NaN;
  if (Number.isNaN(checked)) {
    return true;
  }
  if (!record?.arxiv) {
    return now - checked > DAY_MS; // arXiv did not know it (or dropped it from an answer): again tomorrow
  }
  const born = Date.parse(record?.firstVersionDate ?? paper.firstVersionDate ?? paper.publishedAt ?? paper.feedDate ?? '');
  const young = Number.isNaN(born) || now - born < 730 * DAY_MS;
  const settled = record?.arxiv?.journalRef !== undefined;
  return now - checked > (young && !settled ? 30 : 180) * DAY_MS;
}

/**
 * Whether to ask DBLP (again): only when arXiv gives no venue; never asked; else monthly while the
 * paper is under three years old and DBLP had no match.
 */
export function dblpDue(record: EnrichmentRecord | undefined, paper: Paper, now: number): boolean {
  if (applyEnrichment(paper, record).publication?.source === 'arxiv') {
    return false;
  }
  const checked = record?.dblpCheckedAt ? Date.parse(record.dblpCheckedAt) : NaN;
  if (Number.isNaN(checked)) {
    return true;
  }
  if (record?.dblp) {
    return now - checked > 365 * DAY_MS;
  }
  const born = Date.parse(record?.firstVersionDate ?? paper.firstVersionDate ?? paper.publishedAt ?? paper.feedDate ?? '');
  return (Number.isNaN(born) || now - born < 3 * 365 * DAY_MS) && now - checked > 30 * DAY_MS;
}

/** Whether to ask arXiv's OAI-PMH interface for the license (again): never asked, else twice a year. */
export function licenseDue(record: EnrichmentRecord | undefined, now: number): boolean {
  const checked = record?.licenseCheckedAt ? Date.parse(record.licenseCheckedAt) : NaN;
  return Number.isNaN(checked) || now - checked > 180 * DAY_MS;
}

/** Two records of one paper (this window's and the file's): the later answer of each service wins. */
export function mergeRecords(a: EnrichmentRecord | undefined, b: EnrichmentRecord | undefined): EnrichmentRecord | undefined {
  if (!a || !b) {
    return a ?? b;
  }
  const arxivSide = (a.arxivCheckedAt ?? '') >= (b.arxivCheckedAt ?? '') ? a : b;
  const dblpSide = (a.dblpCheckedAt ?? '') >= (b.dblpCheckedAt ?? '') ? a : b;
  const licenseSide = (a.licenseCheckedAt ?? '') >= (b.licenseCheckedAt ?? '') ? a : b;
  return compactRecord({
    arxiv: arxivSide.arxiv,
    firstVersionDate: arxivSide.firstVersionDate,
    arxivCheckedAt: arxivSide.arxivCheckedAt,
    dblp: dblpSide.dblp,
    dblpCheckedAt: dblpSide.dblpCheckedAt,
    license: licenseSide.license,
    licenseCheckedAt: licenseSide.licenseCheckedAt,
  });
}

/** The file's text for `records`, the most recently asked first, at most MAX_RECORDS. */
export function serializeRecords(records: ReadonlyMap<string, EnrichmentRecord>): string {
  const latest = (record: EnrichmentRecord): string => [record.arxivCheckedAt ?? '', record.dblpCheckedAt ?? '', record.licenseCheckedAt ?? ''].sort().pop() ?? '';
  const entries = [...records].sort((x, y) => latest(y[1]).localeCompare(latest(x[1]))).slice(0, MAX_RECORDS);
  return JSON.stringify({ version: ENRICHMENT_FILE_VERSION, papers: Object.fromEntries(entries) });
}

/** Reads the file's text, dropping whatever does not validate (the file may be damaged or edited). */
export function parseRecords(text: string): Map<string, EnrichmentRecord> {
  const records = new Map<string, EnrichmentRecord>();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return records;
  }
  const papers = isObject(value) && value.version === ENRICHMENT_FILE_VERSION && isObject(value.papers) ? value.papers : {};
  for (const [key, raw] of Object.entries(papers).slice(0, MAX_RECORDS)) {
    const id = parseArxivId(key);
    const record = id === key ? parseRecord(raw) : undefined;
    if (id && record) {
      records.set(id, record);
    }
  }
  return records;
}

function parseRecord(value: unknown): EnrichmentRecord | undefined {
  if (!isObject(value)) {
    return undefined;
  }
  const record = compactRecord({
    arxiv: parseArxivMetadata(value.arxiv),
    firstVersionDate: isoDate(value.firstVersionDate),
    arxivCheckedAt: dateTime(value.arxivCheckedAt),
    dblp: parsePublication(value.dblp),
    dblpCheckedAt: dateTime(value.dblpCheckedAt),
    license: typeof value.license === 'string' ? licenseUrl(value.license) ?? undefined : undefined,
    licenseCheckedAt: dateTime(value.licenseCheckedAt),
  });
  return record.arxivCheckedAt || record.dblpCheckedAt || record.licenseCheckedAt ? record : undefined;
}

export function parseArxivMetadata(value: unknown): ArxivMetadata | undefined {
  if (!isObject(value) || !Array.isArray(value.categories)) {
    return undefined;
  }
  const categories = value.categories.slice(0, 20).map(category).filter((entry): entry is string => entry !== undefined);
  const version = typeof value.version === 'number' && Number.isInteger(value.version) && value.version > 0 && value.version < 1_000 ? value.version : undefined;
  return strip({
    categories,
    version,
    versionDate: isoDate(value.versionDate),
    comment: cleanLine(value.comment, 1_000),
    journalRef: cleanLine(value.journalRef, 500),
    doi: doi(value.doi),
    license: typeof value.license === 'string' && /^https:\/\/[\w./-]{1,200}$/.test(value.license) ? value.license : undefined,
  });
}

export function parsePublication(value: unknown): Publication | undefined {
  if (!isObject(value)) {
    return undefined;
  }
  const kind = value.kind === 'conference' || value.kind === 'journal' ? value.kind : undefined;
  const source = value.source === 'arxiv' || value.source === 'dblp' ? value.source : undefined;
  const venue = cleanLine(value.venue, 300);
  const year = typeof value.year === 'string' && /^(19|20|21)\d\d$/.test(value.year) ? value.year : undefined;
  if (!kind || !source || !venue || !year) {
    return undefined;
  }
  return strip<Publication>({
    kind,
    venue,
    venueShort: cleanLine(value.venueShort, 60),
    year,
    volume: cleanLine(value.volume, 40),
    number: cleanLine(value.number, 40),
    pages: cleanLine(value.pages, 40),
    doi: doi(value.doi),
    url: typeof value.url === 'string' && /^https:\/\/[^\s"<>]{1,500}$/.test(value.url) ? value.url : undefined,
    source,
  });
}

function doi(value: unknown): string | undefined {
  return typeof value === 'string' && /^10\.\d{4,9}\/\S{1,200}$/.test(value) ? value : undefined;
}

function dateTime(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined;
}

function compactRecord(record: EnrichmentRecord): EnrichmentRecord {
  return strip(record);
}

/** The object without its undefined fields (records are written to a file). */
function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
