import { paperDate, type Paper } from '../../core/model';
import type { PaperView } from '../../shared/protocol';

/** The plain-text view of a paper that the panel renders. */
export function toPaperView(paper: Paper): PaperView {
  return {
    id: paper.id,
    title: paper.title,
    authors: paper.authors.map((author) => author.name),
    date: paperDate(paper),
    upvotes: paper.upvotes,
    primaryCategory: paper.primaryCategory,
    organization: paper.organization?.fullname ?? paper.organization?.name,
    aiSummary: paper.aiSummary,
    abstractParagraphs: paper.abstract.split('\n\n').filter((paragraph) => paragraph.length > 0),
    githubRepo: paper.githubRepo,
    projectPage: paper.projectPage,
  };
}
