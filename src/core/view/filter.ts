import type { Paper } from '../paper/model';

/** The words of a filter typed by the user, lower-cased; none for a blank filter. */
export function filterWords(filter: string): string[] {
  return filter.toLowerCase().split(/\s+/).filter(Boolean);
}

/** What a filter word is looked for in: title, authors, AI keywords, organization, arXiv id and topic, lower-cased. */
export function paperFilterText(paper: Paper, topicLabel: (paper: Paper) => string): string {
  return [
    paper.title, paper.id, ...paper.authors.map((author) => author.name), ...(paper.aiKeywords ?? []),
    paper.organization?.name ?? '', paper.organization?.fullname ?? '', topicLabel(paper),
  ].join('\n').toLowerCase();
}

/**
 * Whether a paper matches a filter typed by the user: every word of it (case-insensitive) appears
 * in the title, an author, an AI keyword, the organization, the arXiv id or the paper's topic.
 */
export function matchesFilter(paper: Paper, filter: string, topicLabel: (paper: Paper) => string): boolean {
  const words = filterWords(filter);
  if (words.length === 0) {
    return true;
  }
  const haystack = paperFilterText(paper, topicLabel);
  return words.every((word) => haystack.includes(word));
}
