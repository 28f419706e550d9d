import { linkedRepoUrl, type LinkedRepo, type LinkedRepos } from '../../core/feed/linkedRepos';
import { paperDate, type Paper } from '../../core/paper/model';
import type { LinkedRepo as LinkedRepoView, LinkedReposView, PaperView } from '../../shared/protocol';

/** The plain-text view of a paper that the panel renders. */
export function toPaperView(paper: Paper): PaperView {
  return {
    id: paper.id,
    title: paper.title,
    authors: paper.authors.map((author) => author.name),
    date: paperDate(paper),
    upvotes: paper.upvotes,
    numComments: paper.numComments,
    primaryCategory: paper.primaryCategory,
    organization: paper.organization?.fullname ?? paper.organization?.name,
    aiSummary: paper.aiSummary,
    abstractParagraphs: paper.abstract.split('\n\n').filter((paragraph) => paragraph.length > 0),
    aiKeywords: paper.aiKeywords,
    githubRepo: paper.githubRepo,
    githubStars: paper.githubStars,
    projectPage: paper.projectPage,
  };
}

function repoView(repo: LinkedRepo): LinkedRepoView {
  const notes = [
    repo.emoji,
    repo.likes !== undefined ? `♥ ${repo.likes}` : undefined,
    repo.downloads !== undefined ? `↓ ${repo.downloads}` : undefined,
  ].filter((note): note is string => note !== undefined);
  return { id: repo.id, url: linkedRepoUrl(repo), ...(notes.length > 0 ? { note: notes.join(' ') } : {}) };
}

export function toLinkedReposView(repos: LinkedRepos): LinkedReposView {
  return { models: repos.models.map(repoView), datasets: repos.datasets.map(repoView), spaces: repos.spaces.map(repoView) };
}
