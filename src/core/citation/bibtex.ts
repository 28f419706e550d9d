/**
 * BibTeX and BibLaTeX entries for arXiv papers, modelled on arXiv's own export (@misc with eprint,
 * archivePrefix and primaryClass) with deliberate improvements: a bare arXiv DOI, the first
 * version's year, "Family, Given" names (particles and suffixes survive), protected capitals.
 */
import type { Paper } from '../paper/model';
import { paperLinks } from '../paper/arxiv';
import { citationYear } from './keys';
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

/** Classic BibTeX: accents as LaTeX commands, so any bibliography style and engine reads it. */
export function bibtex(paper: Paper, key: string): string {
  return entry('misc', key, [
    ['title', texTitle(paper.title, 'bibtex')],
    ['author', authors(paper, escapeBibtex)],
    ['year', citationYear(paper)],
    ['eprint', paper.id],
    ['archivePrefix', 'arXiv'],
    ['primaryClass', paper.primaryCategory],
    ['doi', arxivDoi(paper.id)],
    ['url', paperLinks.arxivAbstract(paper.id)],
  ]);
}

/** BibLaTeX: UTF-8 text, eprinttype = {arxiv} (what biblatex and pandoc expect), the full date. */
export function biblatex(paper: Paper, key: string): string {
  return entry('online', key, [
    ['title', texTitle(paper.title, 'biblatex')],
    ['author', authors(paper, escapeLatexSpecials)],
    ['date', paper.firstVersionDate ?? paper.publishedAt ?? citationYear(paper)],
    ['eprinttype', 'arxiv'],
    ['eprint', paper.id],
    ['eprintclass', paper.primaryCategory],
    ['doi', arxivDoi(paper.id)],
    ['url', paperLinks.arxivAbstract(paper.id)],
  ]);
}
