/**
 * References for an arXiv preprint, or its published version (a conference paper or a journal
 * article, when `preferPublished` and the paper has one), in styles whose CSL files are not shipped
 * with the CSL engine (IEEE, MLA 9, Chicago author-date), plus CSL-JSON, a Markdown link and a plain
 * reference. Each follows its style's rules for preprints, venues and author lists.
 */
import type { Paper, Publication } from '../paper/model';
import { paperLinks } from '../paper/arxiv';
import { arxivDoi, citedPublication, type EntryOptions, safeDoi } from './bibtex';
import { escapeMarkdownText } from './embed';
import { citationYear, firstVersionDate } from './keys';
import { cjkFull, fullFamily, initials, isCjk, isLiteral, type Name, parseName, type PersonName } from './names';

const MONTHS_MLA = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

function names(paper: Paper): Name[] {
  return paper.authors.map((author) => parseName(author.name));
}

function doiUrl(paper: Paper): string {
  return `https://doi.org/${arxivDoi(paper.id)}`;
}

/** A person through `format`; an organisation as written, a CJK name whole, family first ("山田太郎"), in every style. */
function display(name: Name, format: (person: PersonName) => string): string {
  if (isLiteral(name)) {
    return name.literal;
  }
  return isCjk(name) ? cjkFull(name) : format(name);
}

/** "Given Family" for display. */
function natural(name: Name): string {
  return display(name, givenFamily);
}

function givenFamily(person: PersonName): string {
  return [person.given, fullFamily(person), person.suffix].filter(Boolean).join(' ');
}

/** "Family, Given" for the first author of MLA and Chicago. */
function inverted(name: Name): string {
  return display(name, familyGiven);
}

function familyGiven(person: PersonName): string {
  return [fullFamily(person), person.given, person.suffix].filter(Boolean).join(', ');
}

/** IEEE: "J.-C. Van Damme". */
function initialsFamily(person: PersonName): string {
  return [initials(person.given), fullFamily(person), person.suffix].filter(Boolean).join(' ');
}

/** Ends a piece with a period unless it already ends in terminal punctuation. */
function period(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

/** Title followed by a comma inside the quotes (IEEE, American punctuation), unless it ends in ? or !. */
function quotedWith(title: string, punctuation: ',' | '.'): string {
  return /[?!]$/.test(title) ? `“${title}”` : `“${title}${punctuation}”`;
}

/** Pages for a reference: an en dash between the two. */
function pageRange(pages: string): string {
  return pages.replace(/\s*[-\u2010-\u2015]+\s*/g, '–');
}

/** The venue's DOI as a link, when it has one fit to print. */
function venueDoiUrl(publication: Publication): string | undefined {
  const doi = safeDoi(publication.doi);
  return doi ? `https://doi.org/${doi}` : undefined;
}

/** Volume, issue and pages as IEEE writes them: "vol. 37, no. 2, pp. 12–34". */
function ieeeLocation(publication: Publication): string[] {
  return [
    publication.volume && `vol. ${publication.volume}`,
    publication.kind === 'journal' && publication.number ? `no. ${publication.number}` : undefined,
    publication.pages && `pp. ${pageRange(publication.pages)}`,
  ].filter((piece): piece is string => Boolean(piece));
}

/** IEEE: initials first; more than six authors: the first, then "et al." */
export function ieee(paper: Paper, options: EntryOptions = {}): string {
  const list = names(paper).map((name) => display(name, initialsFamily));
  const authors = list.length > 6 ? `${list[0]} et al.`
    : list.length <= 2 ? list.join(' and ') : `${list.slice(0, -1).join(', ')}, and ${list[list.length - 1]}`;
  const publication = citedPublication(paper, options);
  if (publication) {
    const doi = safeDoi(publication.doi);
    const pieces = publication.kind === 'conference'
      ? [`in ${publication.venue}`, publication.year, ...ieeeLocation(publication)]
      : [publication.venue, ...ieeeLocation(publication), publication.year];
    return `${authors}, ${quotedWith(paper.title, ',')} ${pieces.join(', ')}${doi ? `, doi: ${doi}` : ''}.`;
  }
  const category = paper.primaryCategory ? ` [${paper.primaryCategory}]` : '';
  return `${authors}, ${quotedWith(paper.title, ',')} arXiv:${paper.id}${category}, ${citationYear(paper) ?? 'n.d.'}. doi: ${arxivDoi(paper.id)}.`;
}

/** MLA 9: one author inverted; two joined with "and"; three or more: the first, then "et al." */
export function mla(paper: Paper, options: EntryOptions = {}): string {
  const list = names(paper);
  const first = list[0];
  let authors = first ? inverted(first) : '';
  if (list.length === 2 && list[1]) {
    authors = `${authors}, and ${natural(list[1])}`;
  } else if (list.length > 2) {
    authors = `${authors}, et al`;
  }
  const publication = citedPublication(paper, options);
  if (publication) {
    const link = venueDoiUrl(publication);
    const pieces = [
      publication.venue,
      publication.volume && `vol. ${publication.volume}`,
      publication.kind === 'journal' && publication.number ? `no. ${publication.number}` : undefined,
      publication.year,
      publication.pages && `pp. ${pageRange(publication.pages)}`,
      link,
    ].filter(Boolean);
    return `${period(authors)} ${quotedWith(paper.title, '.')} ${pieces.join(', ')}.`;
  }
  const date = firstVersionDate(paper);
  const when = date ? `${Number(date.slice(8, 10))} ${MONTHS_MLA[Number(date.slice(5, 7)) - 1] ?? ''} ${date.slice(0, 4)}` : 'n.d.';
  return `${period(authors)} ${quotedWith(paper.title, '.')} arXiv, ${when}, ${doiUrl(paper)}.`;
}

/** Chicago author-date (17th): up to ten authors listed; more: the first seven, then "et al." */
export function chicago(paper: Paper, options: EntryOptions = {}): string {
  const list = names(paper);
  const shown = list.length > 10 ? list.slice(0, 7) : list;
  const pieces = shown.map((name, index) => (index === 0 ? inverted(name) : natural(name)));
  let authors: string;
  if (list.length > 10) {
    authors = `${pieces.join(', ')}, et al`;
  } else if (pieces.length <= 1) {
    authors = pieces[0] ?? '';
  } else if (pieces.length === 2) {
    authors = `${pieces[0]}, and ${pieces[1]}`;
  } else {
    authors = `${pieces.slice(0, -1).join(', ')}, and ${pieces[pieces.length - 1]}`;
  }
  const publication = citedPublication(paper, options);
  if (publication) {
    const link = venueDoiUrl(publication);
    const pages = publication.pages ? pageRange(publication.pages) : undefined;
    const where = publication.kind === 'conference'
      ? `In ${publication.venue}${pages ? `, ${pages}` : ''}.`
      : `${publication.venue}${publication.volume ? ` ${publication.volume}` : ''}${publication.number ? ` (${publication.number})` : ''}${pages ? `: ${pages}` : ''}.`;
    return `${period(authors)} ${publication.year}. ${quotedWith(paper.title, '.')} ${where}${link ? ` ${link}.` : ''}`;
  }
  return `${period(authors)} ${citationYear(paper) ?? 'n.d.'}. ${quotedWith(paper.title, '.')} arXiv preprint, arXiv:${paper.id}. ${doiUrl(paper)}.`;
}

/** A Markdown link with authors and year: `[Title](https://arxiv.org/abs/ID), Author et al., 2025`. */
export function markdown(paper: Paper, options: EntryOptions = {}): string {
  const title = escapeMarkdownText(paper.title);
  const list = names(paper);
  const first = list[0];
  const who = first ? `${escapeMarkdownText(display(first, fullFamily))}${list.length > 1 ? ' et al.' : ''}` : '';
  const publication = citedPublication(paper, options);
  const when = publication ? `${escapeMarkdownText(publication.venueShort ?? publication.venue)} ${publication.year}` : citationYear(paper) ?? 'n.d.';
  return `[${title}](${paperLinks.arxivAbstract(paper.id)})${who ? `, ${who}` : ''}, ${when}`;
}

/** A plain-text reference for comments and notes. */
export function plain(paper: Paper, options: EntryOptions = {}): string {
  const list = names(paper).map(natural);
  const authors = list.length > 3 ? `${list.slice(0, 3).join(', ')}, et al.` : list.join(', ');
  const publication = citedPublication(paper, options);
  if (publication) {
    const where = `${publication.kind === 'conference' ? 'In ' : ''}${publication.venue}${publication.volume ? ` ${publication.volume}` : ''}${publication.pages ? `, pp. ${pageRange(publication.pages)}` : ''}`;
    return `${period(authors)} ${period(paper.title)} ${where} (${publication.year}). arXiv:${paper.id}. ${paperLinks.arxivAbstract(paper.id)}`;
  }
  return `${period(authors)} ${period(paper.title)} arXiv:${paper.id} (${citationYear(paper) ?? 'n.d.'}). ${paperLinks.arxivAbstract(paper.id)}`;
}

/**
 * A CSL-JSON item (what Zotero, pandoc and citeproc read) for an arXiv preprint, or for its published
 * version: a conference paper or journal article with the venue, its volume, issue, pages and DOI
 * (the arXiv abstract stays the URL), in the variables every CSL style reads.
 */
export function cslItem(paper: Paper, key: string, options: EntryOptions = {}): Record<string, unknown> {
  const author = names(paper).map((name) => (isLiteral(name) ? { literal: name.literal } : {
    family: name.family,
    ...(name.given ? { given: name.given } : {}),
    ...(name.particle ? { 'non-dropping-particle': name.particle } : {}),
    ...(name.suffix ? { suffix: name.suffix } : {}),
  }));
  const publication = citedPublication(paper, options);
  if (publication) {
    const doi = safeDoi(publication.doi);
    return {
      id: key,
      type: publication.kind === 'conference' ? 'paper-conference' : 'article-journal',
      title: paper.title,
      author,
      issued: { 'date-parts': [[Number(publication.year)]] },
      'container-title': publication.venue,
      ...(publication.venueShort ? { 'container-title-short': publication.venueShort } : {}),
      ...(publication.volume ? { volume: publication.volume } : {}),
      ...(publication.kind === 'journal' && publication.number ? { issue: publication.number } : {}),
      ...(publication.pages ? { page: publication.pages.replace(/\s*[-\u2010-\u2015]+\s*/g, '-') } : {}),
      ...(doi ? { DOI: doi } : {}),
      URL: paperLinks.arxivAbstract(paper.id),
    };
  }
  const date = firstVersionDate(paper);
  const parts = date ? date.split('-').map(Number) : citationYear(paper) ? [Number(citationYear(paper))] : undefined;
  return {
    id: key,
    type: 'article',
    title: paper.title,
    author,
    ...(parts ? { issued: { 'date-parts': [parts] } } : {}),
    publisher: 'arXiv',
    number: `arXiv:${paper.id}`,
    DOI: arxivDoi(paper.id),
    URL: paperLinks.arxivAbstract(paper.id),
  };
}

export function cslJson(paper: Paper, key: string, options: EntryOptions = {}): string {
  return `${JSON.stringify([cslItem(paper, key, options)], null, 2)}\n`;
}
