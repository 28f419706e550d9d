/**
 * BibTeX and BibLaTeX entries for arXiv papers: a preprint in one of three forms (BibtexStyle), or
 * the venue's version once the paper is published (Publication), always with arXiv's eprint fields.
 * Over arXiv's own export: a bare arXiv DOI, the first version's year, "Family, Given" names
 * (particles and suffixes survive), protected capitals.
 */
import type { Paper, Publication } from '../paper/model';
import { paperLinks } from '../paper/arxiv';
import { citationYear, firstVersionDate } from './keys';
import { escapeBibtex, escapeLatexSpecials, texTitle } from './latex';
import { cjkFull, isCjk, isLiteral, type Name, parseName } from './names';

export function arxivDoi(id: string): string {
  return `10.48550/arXiv.${id}`;
}

/**
 * One name of an author list: "Family, Given" or "von Family, Jr., Given"; an organisation or a CJK
 * name as one brace group, so BibTeX neither splits nor reorders it ({Google DeepMind}, {山田太郎});
 * a family name of several words braced ({Van Damme}, {De la Cruz}); any part holding the word "and" braced.
 */
function nameForBib(name: Name, escape: (text: string) => string): string {
  if (isLiteral(name)) {
    return `{${escape(name.literal)}}`;
  }
  if (isCjk(name)) {
    return `{${escape(cjkFull(name))}}`;
  }
  const family = name.particle ? `${escape(name.particle)} ${group(name.family, escape, /[\s~]|\band\b/i)}` : group(name.family, escape, /[\s~]|\band\b/i);
  return [family, name.suffix && escape(name.suffix), name.given && group(name.given, escape, /\band\b/i)].filter(Boolean).join(', ');
}

/** `text` escaped, and braced when it matches `when`. */
function group(text: string, escape: (text: string) => string, when: RegExp): string {
  return when.test(text) ? `{${escape(text)}}` : escape(text);
}

function authors(paper: Paper, escape: (text: string) => string): string {
  return paper.authors.map((author) => nameForBib(parseName(author.name), escape)).join(' and ');
}

function entry(type: string, key: string, fields: [string, string | undefined][]): string {
  const lines = fields
    .filter((field): field is [string, string] => field[1] !== undefined && field[1] !== '')
    .map(([name, value]) => `  ${name} = {${value}},`);
  return `@${type}{${key},\n${lines.join('\n')}\n}\n`;
}

/**
 * How a preprint is written in classic BibTeX (`paperFeed.citation.bibtexStyle`):
 * - `portable` (default): @misc with `howpublished = {arXiv preprint arXiv:ID}` and arXiv's fields,
 *   so plain, unsrt, abbrv, alpha, plainnat and IEEEtran all print the id (they ignore `eprint`);
 * - `arxiv`: arXiv's own export (@misc, eprint, archivePrefix, primaryClass): only styles that read
 *   `eprint` (biblatex, some natbib styles) print the id;
 * - `scholar`: Google Scholar's export (@article, `journal = {arXiv preprint arXiv:ID}`).
 */
export const BIBTEX_STYLES = ['portable', 'arxiv', 'scholar'] as const;
export type BibtexStyle = (typeof BIBTEX_STYLES)[number];

export interface EntryOptions {
  readonly style?: BibtexStyle;
  /** Cite the venue's version when the paper has one (`paperFeed.citation.preferPublished`). */
  readonly preferPublished?: boolean;
}

/** The venue's version to cite, if any. */
export function citedPublication(paper: Paper, options: EntryOptions = {}): Publication | undefined {
  return options.preferPublished === false ? undefined : paper.publication;
}

/** A DOI as written raw in a field (styles put it in \\url or \\doi): only one that needs no escaping. */
export function safeDoi(doi: string | undefined): string | undefined {
  return doi !== undefined && /^10\.\d{4,9}\/[^\s{}\\%#~^&$]{1,200}$/.test(doi) ? doi : undefined;
}

/** Pages as BibTeX writes a range: `12--34`. */
function bibPages(pages: string | undefined): string | undefined {
  return pages?.replace(/\s*[-‐-―]+\s*/g, '--');
}

/** arXiv's own fields: enough for biblatex, natbib's eprint-aware styles and .bib deduplication. */
function arxivFields(paper: Paper): [string, string | undefined][] {
  return [
    ['eprint', paper.id],
    ['archivePrefix', 'arXiv'],
    ['primaryClass', paper.primaryCategory ?? paper.arxiv?.categories[0]],
  ];
}

/** The entry type and venue fields of a published paper, in BibTeX's or BibLaTeX's names and escaping. */
function venueEntry(publication: Publication, flavour: 'bibtex' | 'biblatex'): { type: string; fields: [string, string | undefined][] } {
  const escape = flavour === 'bibtex' ? escapeBibtex : escapeLatexSpecials;
  const conference = publication.kind === 'conference';
  const doi = safeDoi(publication.doi);
  return {
    type: conference ? 'inproceedings' : 'article',
    fields: [
      [conference ? 'booktitle' : flavour === 'bibtex' ? 'journal' : 'journaltitle', escape(publication.venue)],
      [flavour === 'bibtex' ? 'year' : 'date', publication.year],
      ['volume', publication.volume && escape(publication.volume)],
      ['number', conference ? undefined : publication.number && escape(publication.number)],
      ['pages', bibPages(publication.pages && escape(publication.pages))],
      // BibTeX: not a DOI with "_": plainnat and its kin print the field as text when the url package is not loaded, and "_" stops LaTeX.
      ['doi', flavour === 'bibtex' && doi?.includes('_') ? undefined : doi],
    ],
  };
}

/** Classic BibTeX: accents as LaTeX commands, so any bibliography style and engine reads it. */
export function bibtex(paper: Paper, key: string, options: EntryOptions = {}): string {
  const title: [string, string] = ['title', texTitle(paper.title, 'bibtex')];
  const author: [string, string] = ['author', authors(paper, escapeBibtex)];
  const publication = citedPublication(paper, options);
  if (publication) {
    const venue = venueEntry(publication, 'bibtex');
    return entry(venue.type, key, [title, author, ...venue.fields, ...arxivFields(paper), ['url', paperLinks.arxivAbstract(paper.id)]]);
  }
  const preprint = `arXiv preprint arXiv:${paper.id}`;
  switch (options.style ?? 'portable') {
    case 'scholar':
      return entry('article', key, [title, author, ['journal', preprint], ['year', citationYear(paper)], ...arxivFields(paper), ['url', paperLinks.arxivAbstract(paper.id)]]);
    case 'arxiv':
      return entry('misc', key, [title, author, ['year', citationYear(paper)], ...arxivFields(paper), ['doi', arxivDoi(paper.id)], ['url', paperLinks.arxivAbstract(paper.id)]]);
    case 'portable':
      return entry('misc', key, [title, author, ['howpublished', preprint], ['year', citationYear(paper)], ...arxivFields(paper), ['doi', arxivDoi(paper.id)], ['url', paperLinks.arxivAbstract(paper.id)]]);
  }
}

/** BibLaTeX: UTF-8 text, eprinttype = {arxiv} (what biblatex and pandoc expect), the full date. */
export function biblatex(paper: Paper, key: string, options: EntryOptions = {}): string {
  const title: [string, string] = ['title', texTitle(paper.title, 'biblatex')];
  const author: [string, string] = ['author', authors(paper, escapeLatexSpecials)];
  const eprint: [string, string | undefined][] = [
    ['eprinttype', 'arxiv'],
    ['eprint', paper.id],
    ['eprintclass', paper.primaryCategory ?? paper.arxiv?.categories[0]],
  ];
  const publication = citedPublication(paper, options);
  if (publication) {
    const venue = venueEntry(publication, 'biblatex');
    return entry(venue.type, key, [title, author, ...venue.fields, ...eprint, ['url', paperLinks.arxivAbstract(paper.id)]]);
  }
  return entry('online', key, [
    title,
    author,
    ['date', firstVersionDate(paper) ?? citationYear(paper)],
    ...eprint,
    ['doi', arxivDoi(paper.id)],
    ['url', paperLinks.arxivAbstract(paper.id)],
  ]);
}
