import type { Paper } from '../paper/model';

/**
 * Whether a paper matches a filter typed by the user: every word of it (case-insensitive) appears
 * in the title, an author, an AI keyword, the organization, the arXiv id or the paper's topic.
 */
export function matchesFilter(paper: Paper, filter: string, topicLabel: (paper: Paper) => string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return true;
  }
  const haystack = [
    paper.title, paper.id, ...paper.authors.map((author) => author.name), ...(paper.aiKeywords ?? []),
    paper.organization?.name ?? '', paper.organization?.fullname ?? '', topicLabel(paper),
  ].join('\n').toLowerCase();
  return words.every((word) => haystack.includes(word));
}
