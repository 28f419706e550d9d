/**
 * The authors' own journal reference on arXiv ("Advances in Neural Information Processing Systems 37
 * (2024)", "ICLR 2024", "Phys. Rev. D 103, 096005 (2021)") read as a Publication: the venue's name,
 * conference or journal, year, volume, number and pages where they are clearly written. References
 * that name no venue yet ("Accepted at …", "Submitted to …", "preprint") give none.
 */
import { cleanLine } from '../paper/cleanText';
import type { ArxivMetadata, Publication } from '../paper/model';
import { compact } from '../paper/normalise';
import { validDoi } from './arxivAtom';
import { venueByFullName, venueByShortName, venueShortNames, type Venue } from './venues';

/** Words that say the paper is not (yet) published where the reference points. */
const NOT_A_VENUE = /\b(?:accepted|submitted|under review|in review|under submission|in submission|in preparation|preprint|pre-print|arxiv|work in progress|draft)\b/i;
/** Words that make a reference a conference's (PNAS and Proceedings of the IEEE are caught first, as journals). */
const CONFERENCE_WORDS = /\b(?:proceedings|proc\.|conference|conf\.|workshops?|symposium|symp\.|meeting|congress|colloquium)/i;
const JOURNAL_PROCEEDINGS = /\bproc(?:eedings|\.)\s*(?:of\s+the\s+)?(?:national\s+academy|natl\.?\s*acad|nat\.?\s*acad|(?:of\s+)?the\s+ieee\b|ieee\s*$|r\.\s*soc|royal\s+society|(?:of\s+)?the\s+royal)/i;
const LEADING = /^(?:published\s+(?:in|at|as)|to\s+appear\s+(?:in|at)|appeared\s+(?:in|at)|appears\s+(?:in|at)|in:?)\s+/i;
/** "Oral", "Spotlight"… after an acronym and year: the same venue. */
const PRESENTATION = /^(?:\(?\s*(?:oral|poster|spotlight|highlight|main(?:\s+(?:conference|track))?)(?:\s+(?:paper|presentation))?\s*\)?)?$/i;
/** What may follow a venue's name: volume, number, pages, article numbers, years. */
const NUMBERS_ONLY = /^(?:[\d\s,:;()\-–—./]|pp?\.|pages?|vol\.?|volume|no\.?|number|art\.?|article|issue|n°|e(?=\d))*$/i;
const ACRONYMS = new Map(venueShortNames().map((name) => [name, new RegExp(`(?:^|[^A-Za-z0-9-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9-])`)]));

/**
 * A Publication (source `arxiv`) from the authors' journal reference and DOI, or undefined when
 * there is no journal reference, it names no venue, or no year can be given to it. A DOI alone gives
 * none: it does not name the venue.
 */
export function publicationFromArxiv(meta: ArxivMetadata, firstVersionYear?: string): Publication | undefined {
  const reference = cleanLine(meta.journalRef, 500);
  if (!reference || NOT_A_VENUE.test(reference) || !/\p{L}{2}/u.test(reference)) {
    return undefined;
  }
  const text = apaVenuePart(reference.replace(LEADING, ''));
  const short = shortForm(text);
  const year = lastYear(reference) ?? short?.year ?? (firstVersionYear !== undefined && /^\d{4}$/.test(firstVersionYear) ? firstVersionYear : undefined);
  if (!year) {
    return undefined;
  }
  const doi = validDoi(meta.doi);
  if (short) {
    const { venue } = short;
    return compact({ kind: venue.kind, venue: venue.name, venueShort: venue.short, year, doi, source: 'arxiv' as const });
  }
  // "Advances in Neural Information Processing Systems 38 (NeurIPS 2025)": the short name in parentheses at the end.
  const tail = /\s*\(\s*([A-Za-z][\w&-]{1,20})\s*(?:['’]\d{2}|\d{4})?\s*\)\s*\.?$/.exec(text);
  const tailVenue = tail ? venueByShortName(tail[1] ?? '') : undefined;
  const parts = splitNumbers(tail && (tailVenue || /\d/.test(tail[0])) ? text.slice(0, tail.index) : text, year);
  const known = venueByFullName(parts.venue) ?? venueByShortName(parts.venue) ?? tailVenue;
  return compact({
    kind: known?.kind ?? kindOf(reference),
    venue: known && known.short.toLowerCase() === parts.venue.toLowerCase() ? known.name : parts.venue,
    venueShort: known?.short,
    year,
    volume: parts.volume,
    number: parts.number,
    pages: parts.pages,
    doi,
    source: 'arxiv' as const,
  });
}

/** The last year from 1990 to 2100 written in the reference. */
function lastYear(text: string): string | undefined {
  let found: string | undefined;
  for (const match of text.matchAll(/(?<!\d)(\d{4})(?!\d)/g)) {
    const value = Number(match[1]);
    if (value >= 1990 && value <= 2100) {
      found = match[1];
    }
  }
  return found;
}

function kindOf(reference: string): Publication['kind'] {
  if (JOURNAL_PROCEEDINGS.test(reference)) {
    return 'journal';
  }
  if (CONFERENCE_WORDS.test(reference)) {
    return 'conference';
  }
  for (const [name, pattern] of ACRONYMS) {
    const venue = venueByShortName(name);
    if (venue?.kind === 'conference' && pattern.test(reference)) {
      return 'conference';
    }
  }
  return 'journal';
}

/** "ICLR 2024", "NeurIPS'23", "CVPR 2024 (Highlight)", "In ICML, 2023": a known short name and a year. */
function shortForm(text: string): { venue: Venue; year?: string } | undefined {
  const match = /^(.{2,30}?)[\s,]*(?:['’](\d{2})|(\d{4}))\b\s*(.*)$/.exec(text.trim());
  if (!match || !PRESENTATION.test((match[4] ?? '').trim())) {
    return undefined;
  }
  const venue = venueByShortName((match[1] ?? '').trim());
  return venue && { venue, ...(match[2] !== undefined ? { year: `20${match[2]}` } : {}) };
}

/**
 * An APA-style whole citation ("Li, Y., … (2017). Title. Journal, 20(10), 101301"): its last
 * sentence is the venue part. Anything else is returned as it is.
 */
function apaVenuePart(text: string): string {
  const after = /\(\d{4}[a-z]?\)\.\s+(.+)$/.exec(text)?.[1];
  if (!after) {
    return text;
  }
  const sentences = after.split(/\.\s+/);
  return sentences.length > 1 ? (sentences[sentences.length - 1] as string).replace(/\.$/, '') : text;
}

interface Parts {
  readonly venue: string;
  readonly volume?: string;
  readonly number?: string;
  readonly pages?: string;
}

/**
 * Splits "Venue Name 37 (2024)" or "Venue, vol. 12, pp. 34-56, 2020" at the first place where only
 * numbers follow; the venue is the text before it. Without such a place, the whole reference less a
 * trailing "(2024)".
 */
function splitNumbers(text: string, year: string): Parts {
  for (const match of text.matchAll(/(?:^|[\s.,:;(])(?=(?:(?:vol|volume|pp?|pages?|no)\.?\s*)?e?\d)/gi)) {
    const at = (match.index ?? 0) + match[0].length;
    const rest = text.slice(at);
    const venue = tidyVenue(text.slice(0, at));
    if (venue.length >= 2 && /\p{L}/u.test(venue) && NUMBERS_ONLY.test(rest)) {
      return { venue, ...numbers(rest, year) };
    }
  }
  return { venue: tidyVenue(text.replace(/\s*\(\s*\d{4}\s*\)\s*\.?$/, '')) };
}

function tidyVenue(text: string): string {
  return text.replace(/(?:[\s,;:(]|\b(?:vol|volume|pp|p|pages?|no|number)\.?)+$/i, '').trim();
}

const RANGE = /(?<![\d(])(\d{1,6})\s*(?:--?|–|—)\s*(\d{1,6})(?![\d)])/;

/** Volume, number and pages from what follows the venue's name ("37 (2024)", "20(10), 101301", "vol. 12, pp. 34-56"). */
function numbers(rest: string, year: string): Omit<Parts, 'venue'> {
  let pages: string | undefined;
  const range = /pp?\.\s*(\d{1,6})\s*(?:--?|–|—)\s*(\d{1,6})/i.exec(rest) ?? RANGE.exec(rest);
  if (range && Number(range[1]) <= Number(range[2]) && !(range[1] === year || range[2] === year)) {
    pages = `${range[1]}-${range[2]}`;
  } else {
    const single = /pp?\.\s*(\d{1,6})(?![\d\-–—])/i.exec(rest);
    pages = single?.[1];
  }
  const lead = /^\s*(?:vol\.?\s*)?(\d{1,4})(?:\s*\(\s*(\d{1,4})\s*\))?(?=$|[\s,:;(])/i.exec(rest);
  let volume = lead?.[1];
  let number = lead?.[2];
  if (volume === year) {
    volume = undefined;
  }
  number ??= /\bno\.?\s*(\d{1,4})\b/i.exec(rest)?.[1];
  if (number === year) {
    number = undefined;
  }
  if (volume === undefined) {
    number = undefined;
  }
  return { volume, number, pages };
}
