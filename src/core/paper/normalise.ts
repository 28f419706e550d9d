/**
 * One normaliser for every shape of Hugging Face paper data: `daily_papers` items (2024 and 2026
 * shapes), `/api/papers/{id}` objects and `/api/papers/search` items. Input is untrusted: every key
 * but `paper.id` may be missing or of the wrong type, and nothing here throws on bad items.
 */
import { parseArxivId } from './arxiv';
import { isoDate } from '../time/dates';
import type { Author, Organization, Paper } from './model';
import { count, httpsUrlList, isObject, type Json } from './json';
import { cleanLine, cleanParagraphs } from './cleanText';
import { absoluteHfUrl, asWrittenWebUrl, normaliseRepoUrl, safeWebUrl } from './webUrl';
import { HF_ACCOUNT } from '../net/repoNames';


export class FeedFormatError extends Error {
  override readonly name = 'FeedFormatError';
}

export interface NormaliseResult {
  /** Distinct papers in response order. */
  readonly papers: Paper[];
  /** Items that were not usable (no valid id, title or authors). */
  readonly rejected: number;
}

/**
 * Normalises a `daily_papers` (or search) response. `requestedDate` is the `date=` asked for: the
 * feed date of items older than March 2025, which lack `paper.submittedOnDailyAt`.
 * Throws FeedFormatError only when the response is not an array at all.
 */
export function normaliseDailyPapers(response: unknown, requestedDate?: string): NormaliseResult {
  if (!Array.isArray(response)) {
    throw new FeedFormatError(`Expected a JSON array of papers but got ${describeJson(response)}.`);
  }
  const seen = new Set<string>();
  const papers: Paper[] = [];
  let rejected = 0;
  for (const item of response) {
    const paper = normaliseDailyItem(item, requestedDate);
    if (!paper) {
      rejected++;
    } else if (!seen.has(paper.id)) {
      seen.add(paper.id);
      papers.push(paper);
    }
  }
  return { papers, rejected };
}

/** A `daily_papers` or search item: `{paper: {...}, title, summary, submittedBy, ...}`. */
export function normaliseDailyItem(item: unknown, requestedDate?: string): Paper | undefined {
  if (!isObject(item) || !isObject(item.paper)) {
    return undefined;
  }
  return normalisePaperObject(item.paper, item, requestedDate);
}

/**
 * A bare paper object (`/api/papers/{id}`, or `item.paper`). `item` is the enclosing daily item,
 * whose duplicates of paper fields fill gaps.
 */
export function normalisePaperObject(paper: unknown, item: Json = {}, requestedDate?: string): Paper | undefined {
  if (!isObject(paper)) {
    return undefined;
  }
  const id = typeof paper.id === 'string' ? parseArxivId(paper.id) : undefined;
  const title = cleanLine(paper.title, 1_000) ?? cleanLine(item.title, 1_000);
  const authors = normaliseAuthors(paper.authors);
  if (!id || !title || authors.length === 0) {
    return undefined;
  }
  const feedDate = isoDate(paper.submittedOnDailyAt) ?? isoDate(requestedDate);
  const submitter = isObject(item.submittedBy) ? item.submittedBy.name : undefined;
  const dailyBy = isObject(paper.submittedOnDailyBy)
    ? paper.submittedOnDailyBy.user ?? paper.submittedOnDailyBy.name
    : undefined;
  return compact({
    id,
    title,
    authors,
    abstract: cleanParagraphs(paper.summary) ?? cleanParagraphs(item.summary) ?? '',
    feedDate,
    publishedAt: isoDate(paper.publishedAt),
    upvotes: count(paper.upvotes),
    numComments: count(item.numComments) ?? count(paper.numComments),
    githubRepo: normaliseRepoUrl(paper.githubRepo),
    githubStars: count(paper.githubStars),
    projectPage: asWrittenWebUrl(paper.projectPage),
    aiSummary: cleanLine(paper.ai_summary, 2_000),
    aiKeywords: normaliseKeywords(paper.ai_keywords),
    organization: normaliseOrganization(paper.organization) ?? normaliseOrganization(item.organization),
    submittedBy: username(submitter) ?? username(dailyBy),
    thumbnail: safeWebUrl(item.thumbnail, { httpsOnly: true }),
    mediaUrls: httpsUrlList(paper.mediaUrls) ?? httpsUrlList(item.mediaUrls),
  });
}

function normaliseAuthors(value: unknown): Author[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const authors: Author[] = [];
  for (const entry of value.slice(0, 5_000)) {
    if (!isObject(entry) || entry.hidden === true) {
      continue;
    }
    const name = cleanLine(entry.name, 300);
    if (!name) {
      continue;
    }
    const account = isObject(entry.user) ? username(entry.user.user ?? entry.user.name) : undefined;
    authors.push(account ? { name, user: account } : { name });
  }
  return authors;
}

/** An organization (`{name, fullname, avatar}`), the same in the feed and in Paper Feed's own files. */
export function normaliseOrganization(value: unknown): Organization | undefined {
  if (!isObject(value)) {
    return undefined;
  }
  const name = cleanLine(value.name, 200);
  if (!name) {
    return undefined;
  }
  return compact({ name, fullname: cleanLine(value.fullname, 300), avatar: absoluteHfUrl(value.avatar) });
}

function normaliseKeywords(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const keywords = new Map<string, string>();
  for (const entry of value.slice(0, 100)) {
    const keyword = cleanLine(entry, 200);
    if (keyword && !keywords.has(keyword.toLowerCase())) {
      keywords.set(keyword.toLowerCase(), keyword);
    }
  }
  return keywords.size > 0 ? [...keywords.values()] : undefined;
}

/** Hugging Face usernames: letters, digits, `-`, `_`, `.`. */
function username(value: unknown): string | undefined {
  return typeof value === 'string' && HF_ACCOUNT.test(value) ? value : undefined;
}

function describeJson(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Drops keys whose value is undefined, so absent stays absent (and JSON stays small). */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) {
      delete value[key];
    }
  }
  return value;
}
