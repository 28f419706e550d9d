/**
 * Reading Paper objects that Paper Feed wrote itself (the embedded sample feed, later the cache).
 * Still validated field by field: a file on disk can be damaged or edited by hand.
 */
import { parseArxivId } from './arxiv';
import { isoDate } from '../time/dates';
import type { Author, Paper } from './model';
import { compact, normaliseOrganization } from './normalise';
import { count, httpsUrlList, isObject } from './json';
import { cleanLine, cleanParagraphs } from './cleanText';
import { normaliseRepoUrl, safeWebUrl } from './webUrl';


export function parseStoredPaper(value: unknown): Paper | undefined {
  if (!isObject(value)) {
    return undefined;
  }
  const id = typeof value.id === 'string' ? parseArxivId(value.id) : undefined;
  const title = cleanLine(value.title, 1_000);
  const authors = Array.isArray(value.authors) ? value.authors.map(parseAuthor).filter(isDefined) : [];
  if (!id || !title || authors.length === 0) {
    return undefined;
  }
  return compact({
    id,
    title,
    authors,
    abstract: cleanParagraphs(value.abstract) ?? '',
    feedDate: isoDate(value.feedDate),
    publishedAt: isoDate(value.publishedAt),
    firstVersionDate: isoDate(value.firstVersionDate),
    upvotes: count(value.upvotes),
    numComments: count(value.numComments),
    githubRepo: normaliseRepoUrl(value.githubRepo),
    githubStars: count(value.githubStars),
    projectPage: safeWebUrl(value.projectPage),
    aiSummary: cleanLine(value.aiSummary, 2_000),
    aiKeywords: stringList(value.aiKeywords),
    organization: normaliseOrganization(value.organization),
    submittedBy: cleanLine(value.submittedBy, 100),
    primaryCategory: category(value.primaryCategory),
    thumbnail: safeWebUrl(value.thumbnail, { httpsOnly: true }),
    mediaUrls: httpsUrlList(value.mediaUrls),
  });
}

/** arXiv category ids such as `cs.CL`, `stat.ML`, `hep-th`, `physics.chem-ph`, `cond-mat.stat-mech`. */
export function category(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 40 && /^[a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]+)?$/.test(value) ? value : undefined;
}

function parseAuthor(value: unknown): Author | undefined {
  if (typeof value === 'string') {
    const name = cleanLine(value, 300);
    return name ? { name } : undefined;
  }
  if (!isObject(value)) {
    return undefined;
  }
  const name = cleanLine(value.name, 300);
  const user = cleanLine(value.user, 100);
  return name ? compact({ name, user }) : undefined;
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const list = value.slice(0, 100).map((entry) => cleanLine(entry, 200)).filter(isDefined);
  return list.length > 0 ? list : undefined;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
