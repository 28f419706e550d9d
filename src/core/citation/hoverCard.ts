/**
 * The hover card of a citation key or a paper mentioned in any file, as Markdown. Every piece of
 * paper or .bib text is escaped (`escapeMarkdown`), so that nothing from a paper or a .bib becomes a
 * link, an image, HTML or emphasis; the only links are the ones the host passes in (Paper Feed's own
 * commands). Labels come from the host, localised.
 */
import type { Paper } from '../paper/model';
import { abstractTeaser, escapeMarkdown } from '../view/present';
import type { BibSummary } from './bibEntries';
import { citationYear } from './keys';
import { truncate } from '../paper/cleanText';

export interface CardLink {
  /** Our own label (escaped all the same). */
  readonly label: string;
  /** A `command:` URI made by `commandUri` (no spaces, no parentheses). */
  readonly target: string;
}

/** How many authors a card names before "et al.". */
const SHOWN_AUTHORS = 3;
/** How much of a summary or abstract a card shows. */
const TEASER = 400;
/** Longest title or venue a card shows (a damaged .bib can hold a whole file in one field). */
const MAX_LINE = 300;

/** `A, B, C et al.`: the first few names. */
export function shortAuthors(names: readonly string[], shown = SHOWN_AUTHORS): string {
  const kept = names.filter((name) => name.trim() !== '');
  return kept.length <= shown ? kept.join(', ') : `${kept.slice(0, shown).join(', ')} et al.`;
}

function linkLine(links: readonly CardLink[]): string | undefined {
  return links.length === 0 ? undefined : links.map((link) => `[${escapeMarkdown(link.label)}](${link.target})`).join(' · ');
}

/** Plain lines of text, escaped, empty ones left out, as separate paragraphs. */
function paragraphs(...lines: Array<string | undefined>): string[] {
  return lines.filter((line): line is string => line !== undefined && line.trim() !== '').map(escapeMarkdown);
}

export interface CardOptions {
  readonly links: readonly CardLink[];
  /** A line saying where the card comes from (`key in references.bib`), plain text. */
  readonly source?: string;
}

/** A paper Paper Feed knows: title, authors, year, ▲ upvotes, the AI summary or the abstract's start, links. */
export function paperCardMarkdown(paper: Paper, options: CardOptions): string {
  const facts = [
    shortAuthors(paper.authors.map((author) => author.name)),
    citationYear(paper),
    paper.upvotes !== undefined ? `▲ ${paper.upvotes}` : undefined,
  ].filter((part) => part !== undefined && part !== '').join(' · ');
  const teaser = paper.aiSummary || paper.abstract ? abstractTeaser(paper, TEASER) : undefined;
  const parts = [
    `**${escapeMarkdown(truncate(paper.title, MAX_LINE))}**`,
    ...paragraphs(facts, [`arXiv:${paper.id}`, options.source].filter(Boolean).join(' · ')),
  ];
  if (teaser) {
    parts.push('---', ...paragraphs(teaser));
  }
  const links = linkLine(options.links);
  if (links) {
    parts.push(links);
  }
  return parts.join('\n\n');
}

/** A .bib entry Paper Feed has no paper for: title, authors, year, venue, the abstract's start. */
export function bibCardMarkdown(summary: BibSummary, options: CardOptions): string {
  const facts = [shortAuthors(summary.authors), summary.year, truncate(summary.venue, MAX_LINE)].filter(Boolean).join(' · ');
  const parts = [
    summary.title ? `**${escapeMarkdown(truncate(summary.title, MAX_LINE))}**` : `**${escapeMarkdown(truncate(summary.key, MAX_LINE))}**`,
    ...paragraphs(facts, [summary.arxivId ? `arXiv:${summary.arxivId}` : undefined, options.source].filter(Boolean).join(' · ')),
  ];
  if (summary.abstract) {
    parts.push('---', ...paragraphs(truncate(summary.abstract, TEASER)));
  }
  const links = linkLine(options.links);
  if (links) {
    parts.push(links);
  }
  return parts.join('\n\n');
}

/** An arXiv id Paper Feed has no paper for: a short note and the links (Open Paper can fetch it). */
export function unknownPaperMarkdown(id: string, note: string, options: CardOptions): string {
  const parts = [`**arXiv&#58;${escapeMarkdown(id)}**`, ...paragraphs(note, options.source)];
  const links = linkLine(options.links);
  if (links) {
    parts.push(links);
  }
  return parts.join('\n\n');
}
