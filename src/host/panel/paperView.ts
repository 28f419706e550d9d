import { linkedRepoUrl, type LinkedRepo, type LinkedRepos } from '../../core/feed/linkedRepos';
import { paperDate, type Paper } from '../../core/paper/model';
import { linkPieces } from '../../core/paper/textLinks';
import type { LinkedRepo as LinkedRepoView, LinkedReposView, PaperView, TextRun } from '../../shared/protocol';

/** The only host the panel shows a paper's thumbnail from (its CSP allows it). */
export const THUMBNAIL_ORIGIN = 'https://cdn-thumbnails.huggingface.co';

/**
 * A text in runs, its URLs as links. `offer`: the repository URLs (as written) still to offer Clone
 * beside; each is offered at its first mention only, and taken out of `offer`.
 */
function runs(text: string, offer: Set<string>): TextRun[] {
  return linkPieces(text).map((piece) => {
    if (piece.url === undefined) {
      return { text: piece.text };
    }
    const clone = offer.delete(piece.url);
    return { text: piece.text, url: piece.url, ...(clone ? { clone: true as const } : {}) };
  });
}

/** The URLs a view's text links: the only ones besides its repository and project page that its page may ask to open. */
export function textLinks(view: PaperView): string[] {
  return [...(view.aiSummary ?? []), ...view.abstractParagraphs.flat()].flatMap((run) => (run.url !== undefined ? [run.url] : []));
}

/** The thumbnail when it is on Hugging Face's thumbnail CDN (the normaliser has already made it https). */
function thumbnail(url: string | undefined): string | undefined {
  if (url === undefined) {
    return undefined;
  }
  try {
    return new URL(url).origin === THUMBNAIL_ORIGIN ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The plain-text view of a paper that the panel renders. `cloneUrls`: the repository URLs of the
 * abstract to offer Clone beside (each offered once, at its first mention).
 */
export function toPaperView(paper: Paper, cloneUrls: Iterable<string> = []): PaperView {
  const offer = new Set(cloneUrls);
  const image = thumbnail(paper.thumbnail);
  return {
    id: paper.id,
    title: paper.title,
    authors: paper.authors.map((author) => author.name),
    date: paperDate(paper),
    upvotes: paper.upvotes,
    numComments: paper.numComments,
    primaryCategory: paper.primaryCategory,
    organization: paper.organization?.fullname ?? paper.organization?.name,
    ...(paper.aiSummary !== undefined ? { aiSummary: runs(paper.aiSummary, new Set()) } : {}),
    abstractParagraphs: paper.abstract.split('\n\n').filter((paragraph) => paragraph.length > 0).map((paragraph) => runs(paragraph, offer)),
    aiKeywords: paper.aiKeywords,
    githubRepo: paper.githubRepo,
    githubStars: paper.githubStars,
    projectPage: paper.projectPage,
    ...(image !== undefined ? { thumbnail: image } : {}),
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
