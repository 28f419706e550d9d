/**
 * What the panel and the tooltips show of a paper's arXiv record and its published version. All of
 * it came from servers (arXiv's API, DBLP), so every piece is cleaned and bounded here again, and the
 * one link it makes from a DOI is `https://doi.org/` and a DOI of the usual shape, nothing else.
 */
import { cleanLine } from '../paper/cleanText';
import type { Paper, Publication } from '../paper/model';

/** Longer texts are cut (with an ellipsis): a comment or a journal reference is a line, not a page. */
export const MAX_COMMENT_LENGTH = 500;
const MAX_LINE_LENGTH = 300;
const MAX_SHORT_LENGTH = 60;
const MAX_CATEGORY_LENGTH = 40;
const MAX_CATEGORIES = 12;
const MAX_DOI_LENGTH = 200;

/**
 * A DOI as Crossref's recommended pattern reads it (`10.` a registrant code, `/`, a suffix of
 * letters, digits and `-._;()/:`), which matches nearly all DOIs in use and no markup or scheme.
 */
const DOI = /^10\.\d{4,9}\/[-._;()/:A-Za-z0-9]+$/;

/**
 * The DOI itself when it has the usual shape, else undefined: a `doi:` prefix or a doi.org URL
 * around it is taken off; one whose URL a browser would rewrite (`/../`) is refused.
 */
export function checkedDoi(doi: string | undefined): string | undefined {
  if (doi === undefined || doi.length > MAX_DOI_LENGTH + 24) {
    return undefined;
  }
  const bare = doi.trim().replace(/^(?:doi:|https:\/\/(?:dx\.)?doi\.org\/)/i, '');
  if (bare.length > MAX_DOI_LENGTH || !DOI.test(bare)) {
    return undefined;
  }
  try {
    return new URL(`https://doi.org/${bare}`).href === `https://doi.org/${bare}` ? bare : undefined;
  } catch {
    return undefined;
  }
}

/** `https://doi.org/<doi>` for a DOI of the usual shape (see checkedDoi), else undefined. */
export function doiUrl(doi: string | undefined): string | undefined {
  const checked = checkedDoi(doi);
  return checked === undefined ? undefined : `https://doi.org/${checked}`;
}

/** An https URL as given (a venue's page), else undefined. */
function httpsUrl(value: string | undefined): string | undefined {
  if (value === undefined || value.length > 2_048) {
    return undefined;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A line of server text, cleaned and cut, or undefined when nothing is left. */
export function line(value: string | undefined, maxLength = MAX_LINE_LENGTH): string | undefined {
  return cleanLine(value, maxLength);
}

/**
 * The paper's arXiv categories, the primary one first (arXiv's own list when enrichment has it,
 * else Hugging Face's primary category alone); each cleaned and cut, at most a dozen, none twice.
 */
export function categoriesOf(paper: Pick<Paper, 'primaryCategory' | 'arxiv'>): string[] {
  const listed = paper.arxiv?.categories ?? [];
  const primary = paper.primaryCategory ?? listed[0];
  const seen = new Set<string>();
  const categories: string[] = [];
  for (const raw of [primary, ...listed]) {
    const category = line(raw, MAX_CATEGORY_LENGTH);
    if (category !== undefined && !seen.has(category) && categories.length < MAX_CATEGORIES) {
      seen.add(category);
      categories.push(category);
    }
  }
  return categories;
}

/** The venue as a "Published in" line names it: `Advances in … (NeurIPS) 2024`, or `NeurIPS 2024` when `short`. */
export function venueYear(publication: Publication, short = false): string | undefined {
  const venue = line(publication.venue);
  const abbreviation = line(publication.venueShort, MAX_SHORT_LENGTH);
  const year = line(publication.year, MAX_SHORT_LENGTH);
  const name = short
    ? abbreviation ?? venue
    : venue !== undefined && abbreviation !== undefined && abbreviation !== venue ? `${venue} (${abbreviation})` : venue ?? abbreviation;
  if (name === undefined) {
    return undefined;
  }
  return year !== undefined ? `${name} ${year}` : name;
}

/** What the panel shows of the published version; undefined when there is no venue to name. */
export interface PublishedParts {
  /** `Advances in … (NeurIPS) 2024` */
  readonly venue: string;
  readonly volume?: string;
  readonly number?: string;
  readonly pages?: string;
  /** The venue's DOI at doi.org, else the venue's own https page. */
  readonly url?: string;
  readonly source: 'arxiv' | 'dblp';
}

export function publishedParts(publication: Publication | undefined): PublishedParts | undefined {
  if (publication === undefined) {
    return undefined;
  }
  const venue = venueYear(publication);
  if (venue === undefined) {
    return undefined;
  }
  const volume = line(publication.volume, MAX_SHORT_LENGTH);
  const number = line(publication.number, MAX_SHORT_LENGTH);
  // BibTeX's `1234--1250` (as DBLP writes a range) reads `1234–1250`.
  const pages = line(publication.pages, MAX_SHORT_LENGTH)?.replace(/^(\S+?)\s*-{1,3}\s*(\S+)$/, '$1–$2');
  const url = doiUrl(publication.doi) ?? httpsUrl(publication.url);
  return {
    venue,
    ...(volume !== undefined ? { volume } : {}),
    ...(number !== undefined ? { number } : {}),
    ...(pages !== undefined ? { pages } : {}),
    ...(url !== undefined ? { url } : {}),
    source: publication.source === 'dblp' ? 'dblp' : 'arxiv',
  };
}

/**
 * A license URL as people name it: `CC BY 4.0`, `CC BY-NC-SA 4.0`, `CC0 1.0` for Creative Commons,
 * else the URL itself (as text: the panel does not link it).
 */
export function licenseName(license: string | undefined): string | undefined {
  const text = line(license);
  if (text === undefined) {
    return undefined;
  }
  const cc = /^https?:\/\/creativecommons\.org\/(licenses|publicdomain)\/([a-z-]+)\/(\d+(?:\.\d+)?)\/?$/i.exec(text);
  if (cc) {
    const [, kind, name, version] = cc as unknown as [string, string, string, string];
    if (kind.toLowerCase() === 'publicdomain') {
      return name.toLowerCase() === 'zero' ? `CC0 ${version}` : `Public Domain Mark ${version}`;
    }
    return `CC ${name.toUpperCase()} ${version}`;
  }
  const arxiv = /^https?:\/\/arxiv\.org\/licenses\/nonexclusive-distrib\/(\d+(?:\.\d+)?)\/?$/i.exec(text);
  if (arxiv) {
    return `arXiv non-exclusive license ${arxiv[1] ?? ''}`.trim();
  }
  return text;
}
