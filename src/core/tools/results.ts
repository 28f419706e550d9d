/**
 * What Paper Feed's language model tools answer, as compact text: a line of facts Paper Feed vouches
 * for (id, date, upvotes, topic, code) outside the fence, the paper's own words (title, authors,
 * abstract, summary) inside it. Every field is bounded, and a whole result stops adding papers at
 * MAX_RESULT_CHARS, saying how many it left out.
 */
import type { LinkedRepos } from '../feed/linkedRepos';
import { paperLinks } from '../paper/arxiv';
import { type Paper, paperDate } from '../paper/model';
import { authorLine } from '../view/present';
import { categoriesOf, doiUrl, publishedParts } from '../view/published';
import { fence, neutralise, newFenceTag, quoteLine, quoteParagraphs, untrustedNote } from './untrusted';

/** A result's size at most (characters), whatever the limit asked for. */
export const MAX_RESULT_CHARS = 16_000;
/** A short abstract excerpt in lists. */
export const EXCERPT_CHARS = 280;
export const MAX_ABSTRACT_CHARS = 4_000;
export const MAX_SUMMARY_CHARS = 1_200;
const MAX_TITLE_CHARS = 300;
const MAX_KEYWORDS = 20;
const MAX_LINKED_PER_KIND = 10;

/** What a host knows about a paper beyond the paper itself. */
export interface PaperFacts {
  /** The topic's label (Paper Feed's taxonomy or the user's). */
  readonly topic?: string;
  readonly saved?: boolean;
}

/** The facts line: `arXiv:2608.19880 · 2026-08-21 · ▲163 · topic: Agents · code: yes`. */
export function factsLine(paper: Paper, facts: PaperFacts): string {
  const date = paperDate(paper)?.slice(0, 10);
  return [
    `arXiv:${paper.id}`,
    ...(date ? [date] : []),
    ...(typeof paper.upvotes === 'number' ? [`▲${paper.upvotes}`] : []),
    ...(facts.topic ? [`topic: ${quoteLine(facts.topic, 60)}`] : []),
    `code: ${paper.githubRepo ? 'yes' : 'no'}`,
    ...(facts.saved ? ['saved'] : []),
  ].join(' · ');
}

/** One paper in a list: the facts, then its title, authors and a short abstract excerpt, fenced with the result's `tag`. */
export function paperEntry(index: number, paper: Paper, facts: PaperFacts, excerpt: string | undefined, tag: string): string {
  return `${index}. ${factsLine(paper, facts)}\n${fence(paper.id, [
    `Title: ${quoteLine(paper.title, MAX_TITLE_CHARS)}`,
    `Authors: ${quoteLine(authorLine(paper, 6), 400)}`,
    `Abstract (excerpt): ${quoteLine(excerpt ?? paper.abstract, EXCERPT_CHARS)}`,
  ], tag)}`;
}

export interface ListResult {
  /** The first line: what was asked and what was found. */
  readonly heading: string;
  readonly papers: readonly { readonly paper: Paper; readonly facts: PaperFacts; readonly excerpt?: string }[];
  /** Lines after the heading (a clamped limit, where the papers came from). */
  readonly notes?: readonly string[];
  /** Said instead of a list when there are no papers. */
  readonly empty: string;
}

/** A list of papers, bounded to MAX_RESULT_CHARS: papers that would pass it are counted, not shown. `tag`: the fence's (random by default). */
export function listText(result: ListResult, tag = newFenceTag()): string {
  const head = [result.heading, ...(result.notes ?? [])];
  if (result.papers.length === 0) {
    return [...head, result.empty].join('\n');
  }
  const parts = [...head, untrustedNote(tag), ''];
  let size = parts.join('\n').length;
  let shown = 0;
  for (const { paper, facts, excerpt } of result.papers) {
    const entry = paperEntry(shown + 1, paper, facts, excerpt, tag);
    if (size + entry.length + 1 > MAX_RESULT_CHARS - 200) {
      break;
    }
    parts.push(entry);
    size += entry.length + 1;
    shown += 1;
  }
  if (shown < result.papers.length) {
    parts.push(`(${result.papers.length - shown} more not shown, to keep this result short: ask for fewer or narrow the query.)`);
  }
  return parts.join('\n');
}

/**
 * A paper's full record: the facts and the links Paper Feed makes outside the fence; inside it, its
 * text and everything its authors wrote, links and the venue of their journal reference included.
 */
export function recordText(paper: Paper, facts: PaperFacts, linked?: LinkedRepos | string, tag = newFenceTag()): string {
  const links = [
    `arXiv: ${paperLinks.arxivAbstract(paper.id)}`,
    `PDF: ${paperLinks.arxivPdf(paper.id)}`,
    `Hugging Face: ${paperLinks.huggingFace(paper.id)}`,
  ];
  const published = publishedParts(paper.publication);
  const doi = doiUrl(paper.publication?.doi ?? paper.arxiv?.doi);
  const categories = categoriesOf(paper);
  const meta = [
    factsLine(paper, facts),
    ...(categories.length > 0 ? [`arXiv categories: ${categories.slice(0, 10).map((category) => quoteLine(category, 40)).join(', ')}`] : []),
    ...(doi ? [`DOI: ${doi}`] : []),
    ...links,
    ...linkedLines(linked),
  ];
  const keywords = (paper.aiKeywords ?? []).slice(0, MAX_KEYWORDS).map((keyword) => quoteLine(keyword, 60)).filter(Boolean);
  const text = [
    `Title: ${quoteLine(paper.title, MAX_TITLE_CHARS)}`,
    `Authors: ${quoteLine(authorLine(paper, 30), 2_000)}`,
    ...(paper.organization ? [`Organization: ${quoteLine(paper.organization.fullname ?? paper.organization.name, 200)}`] : []),
    ...(keywords.length > 0 ? [`Keywords: ${keywords.join(', ')}`] : []),
    ...(paper.aiSummary ? [`AI summary (Hugging Face): ${quoteParagraphs(paper.aiSummary, MAX_SUMMARY_CHARS)}`] : []),
    `Abstract: ${quoteParagraphs(paper.abstract, MAX_ABSTRACT_CHARS)}`,
    ...(paper.arxiv?.comment ? [`Authors' comment: ${quoteLine(paper.arxiv.comment, 300)}`] : []),
    ...(published ? [`Published (${paper.publication?.source === 'dblp' ? 'as DBLP lists it' : 'as its authors say on arXiv'}): ${quoteLine([published.venue, published.volume && `vol. ${published.volume}`, published.pages && `pp. ${published.pages}`].filter(Boolean).join(', '), 300)}`] : []),
    ...(paper.githubRepo ? [`Code: ${quoteLine(paper.githubRepo, 300)}${typeof paper.githubStars === 'number' ? ` (★${paper.githubStars})` : ''}`] : []),
    ...(paper.projectPage ? [`Project page: ${quoteLine(paper.projectPage, 300)}`] : []),
  ];
  return [...meta, untrustedNote(tag), fence(paper.id, text, tag)].join('\n');
}

/** The Hugging Face repos that cite the paper, or why they are not known. */
function linkedLines(linked: LinkedRepos | string | undefined): string[] {
  if (linked === undefined) {
    return [];
  }
  if (typeof linked === 'string') {
    return [`Linked Hugging Face models, datasets and Spaces: not known (${linked}).`];
  }
  const kinds = [['Models', linked.models], ['Datasets', linked.datasets], ['Spaces', linked.spaces]] as const;
  return kinds.filter(([, repos]) => repos.length > 0).map(([label, repos]) =>
    `${label} citing it on Hugging Face: ${repos.slice(0, MAX_LINKED_PER_KIND).map((repo) => quoteLine(repo.id, 100)).join(', ')}${repos.length > MAX_LINKED_PER_KIND ? ` and ${repos.length - MAX_LINKED_PER_KIND} more` : ''}`);
}

/** A citation's text as a result: the citation comes from paper text, so it is fenced too. */
export function citationText(paper: Paper, formatLabel: string, citation: string, tag = newFenceTag()): string {
  const bounded = citation.length > MAX_RESULT_CHARS - 600 ? `${citation.slice(0, MAX_RESULT_CHARS - 600)}…` : citation;
  return [`Citation of arXiv:${paper.id} in ${formatLabel}:`, untrustedNote(tag), fence(paper.id, [neutraliseBlock(bounded)], tag)].join('\n');
}

/** A block of generated text (a BibTeX entry) keeps its lines; fence markers and look-alikes are neutralised. */
function neutraliseBlock(text: string): string {
  return text.split('\n').map(neutralise).join('\n');
}
