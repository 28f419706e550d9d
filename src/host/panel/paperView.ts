import { linkedRepoUrl, type LinkedRepo, type LinkedRepos } from '../../core/feed/linkedRepos';
import { paperDate, type ArxivMetadata, type Paper } from '../../core/paper/model';
import { linkPieces } from '../../core/paper/textLinks';
import { formatShortDay } from '../../core/time/displayDates';
import { categoriesOf, checkedDoi, doiUrl, licenseName, line, MAX_COMMENT_LENGTH, publishedParts } from '../../core/view/published';
import type { ArxivView, LinkedRepo as LinkedRepoView, LinkedReposView, PaperView, TextRun } from '../../shared/protocol';

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

/**
 * Every link the view offers, the only ones its page may ask the host to open: the repository, the
 * project page, the URLs of its text, the published version's and the DOI's (both made here from
 * the paper, `https://doi.org/` and a checked DOI).
 */
export function viewLinks(view: PaperView): string[] {
  return [view.githubRepo, view.projectPage, ...textLinks(view), view.published?.url, view.arxiv?.doiUrl]
    .filter((link): link is string => link !== undefined);
}

/** A calendar day in the display language, or nothing for a date that is not one. */
function shortDay(date: string | undefined, locale: string | undefined): string | undefined {
  if (date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    return undefined;
  }
  try {
    return formatShortDay(date, locale);
  } catch {
    return undefined;
  }
}

/** arXiv's record as the panel shows it; nothing when it has nothing to show. */
function arxivView(paper: Paper, arxiv: ArxivMetadata | undefined, locale: string | undefined): ArxivView | undefined {
  if (arxiv === undefined) {
    return undefined;
  }
  const version = Number.isSafeInteger(arxiv.version) && (arxiv.version as number) > 0 ? arxiv.version : undefined;
  const doi = checkedDoi(arxiv.doi);
  const fields = {
    version,
    updated: shortDay(arxiv.versionDate, locale),
    comment: line(arxiv.comment, MAX_COMMENT_LENGTH),
    journalRef: line(arxiv.journalRef),
    doi,
    doiUrl: doi !== undefined ? doiUrl(doi) : undefined,
    license: licenseName(arxiv.license),
  };
  const categories = categoriesOf({ primaryCategory: paper.primaryCategory, arxiv });
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Omit<ArxivView, 'categories'>;
  return categories.length > 0 || Object.keys(present).length > 0 ? { categories, ...present } : undefined;
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
 * abstract to offer Clone beside (each offered once, at its first mention); its date is written in
 * `locale` (the display language).
 */
export function toPaperView(paper: Paper, cloneUrls: Iterable<string> = [], locale?: string): PaperView {
  const date = paperDate(paper);
  const offer = new Set(cloneUrls);
  const image = thumbnail(paper.thumbnail);
  const published = publishedParts(paper.publication);
  const arxiv = arxivView(paper, paper.arxiv, locale);
  return {
    id: paper.id,
    title: paper.title,
    authors: paper.authors.map((author) => author.name),
    date: date === undefined ? undefined : formatShortDay(date, locale),
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
    ...(published !== undefined ? { published } : {}),
    ...(arxiv !== undefined ? { arxiv } : {}),
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
