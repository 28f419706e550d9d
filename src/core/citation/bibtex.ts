/**
 * BibTeX and BibLaTeX entries for arXiv papers, modelled on arXiv's own export (@misc with eprint,
 * archivePrefix and primaryClass) with deliberate improvements: a bare arXiv DOI, the first
 * version's year, "Family, Given" names (particles and suffixes survive), protected capitals.
 */
import type { Paper } from '../model';
import { citationYear } from './keys';
import { escapeBibtex, escapeLatexSpecials, protectCapitals } from './latex';
import { isLiteral, type Name, parseName } from './names';

export function arxivDoi(id: string): string {
  return `10.48550/arXiv.${id}`;
}

function nameForBib(name: Name, escape: (text: string) => string): string {
  if (isLiteral(name)) {
    return `{${escape(name.literal)}}`;
  }
  const family = escape(name.particle ? `${name.particle} ${name.family}` : name.family);
  const parts = [family];
  if (name.suffix) {
    parts.push(escape(name.suffix));
  }
  if (name.given) {
    parts.push(escape(name.given));
  }
  // A family name with a space or hyphen stays one name: {Mendes da Silva}.
  return parts.length === 1 || !/\s/.test(name.family) ? parts.join(', ') : `{${name.family}}, ${parts.slice(1).join(', ')}`;
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
    ['title', protectCapitals(paper.title, escapeBibtex)],
    ['author', authors(paper, escapeBibtex)],
    ['year', citationYear(paper)],
    ['eprint', paper.id],
    ['archivePrefix', 'arXiv'],
    ['primaryClass', paper.primaryCategory],
    ['doi', arxivDoi(paper.id)],
    ['url', `https://arxiv.org/abs/${paper.id}`],
  ]);
}

/** BibLaTeX: UTF-8 text, eprinttype = {arxiv} (what biblatex and pandoc expect), the full date. */
export function biblatex(paper: Paper, key: string): string {
  return entry('online', key, [
    ['title', protectCapitals(paper.title, escapeLatexSpecials)],
    ['author', authors(paper, escapeLatexSpecials)],
    ['date', paper.firstVersionDate ?? paper.publishedAt ?? citationYear(paper)],
    ['eprinttype', 'arxiv'],
    ['eprint', paper.id],
    ['eprintclass', paper.primaryCategory],
    ['doi', arxivDoi(paper.id)],
    ['url', `https://arxiv.org/abs/${paper.id}`],
  ]);
}
