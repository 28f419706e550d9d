/**
 * References for the one entry type Paper Feed cites, an arXiv preprint, in styles whose CSL files
 * are not shipped with the CSL engine (IEEE, MLA 9, Chicago author-date), plus CSL-JSON, a Markdown
 * link and a plain reference. Each follows its style's rules for preprints and author lists.
 */
import type { Paper } from '../paper/model';
import { paperLinks } from '../paper/arxiv';
import { arxivDoi } from './bibtex';
import { escapeMarkdownText } from './embed';
import { citationYear } from './keys';
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

/** IEEE: initials first; more than six authors: the first, then "et al." */
export function ieee(paper: Paper): string {
  const list = names(paper).map((name) => display(name, initialsFamily));
  const authors = list.length > 6 ? `${list[0]} et al.`
    : list.length <= 2 ? list.join(' and ') : `${list.slice(0, -1).join(', ')}, and ${list[list.length - 1]}`;
  const category = paper.primaryCategory ? ` [${paper.primaryCategory}]` : '';
  return `${authors}, ${quotedWith(paper.title, ',')} arXiv:${paper.id}${category}, ${citationYear(paper) ?? 'n.d.'}. doi: ${arxivDoi(paper.id)}.`;
}

/** MLA 9: one author inverted; two joined with "and"; three or more: the first, then "et al." */
export function mla(paper: Paper): string {
  const list = names(paper);
  const first = list[0];
  let authors = first ? inverted(first) : '';
  if (list.length === 2 && list[1]) {
    authors = `${authors}, and ${natural(list[1])}`;
  } else if (list.length > 2) {
    authors = `${authors}, et al`;
  }
  const date = paper.firstVersionDate ?? paper.publishedAt;
  const when = date ? `${Number(date.slice(8, 10))} ${MONTHS_MLA[Number(date.slice(5, 7)) - 1] ?? ''} ${date.slice(0, 4)}` : 'n.d.';
  return `${period(authors)} ${quotedWith(paper.title, '.')} arXiv, ${when}, ${doiUrl(paper)}.`;
}

/** Chicago author-date (17th): up to ten authors listed; more: the first seven, then "et al." */
export function chicago(paper: Paper): string {
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
  return `${period(authors)} ${citationYear(paper) ?? 'n.d.'}. ${quotedWith(paper.title, '.')} arXiv preprint, arXiv:${paper.id}. ${doiUrl(paper)}.`;
}

/** A Markdown link with authors and year: `[Title](https://arxiv.org/abs/ID), Author et al., 2025`. */
export function markdown(paper: Paper): string {
  const title = escapeMarkdownText(paper.title);
  const list = names(paper);
  const first = list[0];
  const who = first ? `${escapeMarkdownText(display(first, fullFamily))}${list.length > 1 ? ' et al.' : ''}` : '';
  return `[${title}](${paperLinks.arxivAbstract(paper.id)})${who ? `, ${who}` : ''}, ${citationYear(paper) ?? 'n.d.'}`;
}

/** A plain-text reference for comments and notes. */
export function plain(paper: Paper): string {
  const list = names(paper).map(natural);
  const authors = list.length > 3 ? `${list.slice(0, 3).join(', ')}, et al.` : list.join(', ');
  return `${period(authors)} ${period(paper.title)} arXiv:${paper.id} (${citationYear(paper) ?? 'n.d.'}). ${paperLinks.arxivAbstract(paper.id)}`;
}

/** A CSL-JSON item (what Zotero, pandoc and citeproc read) for an arXiv preprint. */
export function cslItem(paper: Paper, key: string): Record<string, unknown> {
  const date = paper.firstVersionDate ?? paper.publishedAt;
  const parts = date ? date.split('-').map(Number) : citationYear(paper) ? [Number(citationYear(paper))] : undefined;
  return {
    id: key,
    type: 'article',
    title: paper.title,
    author: names(paper).map((name) => (isLiteral(name) ? { literal: name.literal } : {
      family: name.family,
      ...(name.given ? { given: name.given } : {}),
      ...(name.particle ? { 'non-dropping-particle': name.particle } : {}),
      ...(name.suffix ? { suffix: name.suffix } : {}),
    })),
    ...(parts ? { issued: { 'date-parts': [parts] } } : {}),
    publisher: 'arXiv',
    number: `arXiv:${paper.id}`,
    DOI: arxivDoi(paper.id),
    URL: paperLinks.arxivAbstract(paper.id),
  };
}

export function cslJson(paper: Paper, key: string): string {
  return `${JSON.stringify([cslItem(paper, key)], null, 2)}\n`;
}
