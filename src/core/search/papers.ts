import { paperDate, type Paper } from '../model';
import type { IndexInput } from './index';
import { normalise } from './text';

/** What the search index keeps of a paper, with its primary topic. */
export function toIndexInput(paper: Paper, topic: string): IndexInput {
  return {
    id: paper.id,
    title: paper.title,
    authors: paper.authors.map((author) => author.name),
    keywords: paper.aiKeywords ?? [],
    text: paper.aiSummary ? `${paper.abstract}\n${paper.aiSummary}` : paper.abstract,
    upvotes: paper.upvotes ?? 0,
    date: paperDate(paper) ?? '',
    hasCode: paper.githubRepo !== undefined,
    org: [paper.organization?.name, paper.organization?.fullname].filter(Boolean).join(' '),
    topic,
  };
}

/**
 * The plain linear scan: one pre-lowercased string per paper, and every query word must be a
 * substring of it; matches are ranked by title start, then upvotes. Used while the index loads, and
 * as the baseline the index must beat.
 */
export class LinearScan {
  private readonly haystacks: string[];
  private readonly titles: string[];

  constructor(private readonly papers: readonly Paper[]) {
    this.haystacks = papers.map((paper) => normalise([
      paper.title, paper.authors.map((author) => author.name).join(' '), (paper.aiKeywords ?? []).join(' '), paper.abstract,
    ].join('\n')));
    this.titles = papers.map((paper) => normalise(paper.title));
  }

  search(text: string, limit: number): Paper[] {
    const words = normalise(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (words.length === 0) {
      return [];
    }
    const start = normalise(text).trim();
    // The best `limit` so far, best first: no sort of every match.
    const best: { paper: Paper; rank: number }[] = [];
    for (let index = 0; index < this.haystacks.length; index++) {
      const haystack = this.haystacks[index] as string;
      let all = true;
      for (const word of words) {
        if (!haystack.includes(word)) {
          all = false;
          break;
        }
      }
      if (all) {
        const paper = this.papers[index] as Paper;
        const rank = ((this.titles[index] as string).startsWith(start) ? 1e9 : 0) + (paper.upvotes ?? 0);
        if (best.length < limit || rank > (best[best.length - 1] as { rank: number }).rank) {
          let at = best.length;
          while (at > 0 && (best[at - 1] as { rank: number }).rank < rank) {
            at--;
          }
          best.splice(at, 0, { paper, rank });
          if (best.length > limit) {
            best.pop();
          }
        }
      }
    }
    return best.map((entry) => entry.paper);
  }
}
