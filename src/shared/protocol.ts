/**
 * Messages between the extension host and the paper panel's webview, typed both ways.
 * No `vscode` and no DOM here: both sides import it. The host validates everything it receives.
 */

/**
 * A piece of paper text: plain, or a URL written in it (`url`, the same characters), which the page
 * shows as a link that asks the host to open it. `clone`: a repository the host would clone.
 */
export interface TextRun {
  readonly text: string;
  readonly url?: string;
  readonly clone?: true;
}

/** What the panel shows of a paper: plain text only, rendered with textContent. */
export interface PaperView {
  readonly id: string;
  readonly title: string;
  readonly authors: readonly string[];
  readonly date?: string;
  readonly upvotes?: number;
  readonly numComments?: number;
  readonly primaryCategory?: string;
  readonly organization?: string;
  readonly aiSummary?: readonly TextRun[];
  readonly abstractParagraphs: readonly (readonly TextRun[])[];
  readonly aiKeywords?: readonly string[];
  readonly githubRepo?: string;
  readonly githubStars?: number;
  readonly projectPage?: string;
  /** The social thumbnail, only ever on Hugging Face's CDN (the one image host the CSP allows for it). */
  readonly thumbnail?: string;
  /** The venue's version ("Published in …"), once enrichment has found one. */
  readonly published?: PublishedView;
  /** arXiv's own record of the paper, once enrichment has asked arXiv. */
  readonly arxiv?: ArxivView;
}

/** A venue's version of the paper: plain text, and one link the host made (doi.org or the venue's https page). */
export interface PublishedView {
  /** The venue, its short name and the year: `Advances in Neural Information Processing Systems (NeurIPS) 2024`. */
  readonly venue: string;
  readonly volume?: string;
  readonly number?: string;
  readonly pages?: string;
  readonly url?: string;
  /** Who said so: the authors on arXiv, or DBLP. */
  readonly source: PublishedSource;
}

export const PUBLISHED_SOURCES = ['arxiv', 'dblp'] as const;
export type PublishedSource = (typeof PUBLISHED_SOURCES)[number];

/** What arXiv's record adds, as text; the DOI's link is made by the host (`https://doi.org/` and a checked DOI). */
export interface ArxivView {
  /** The categories, the primary one first. */
  readonly categories: readonly string[];
  /** The latest version's number. */
  readonly version?: number;
  /** The latest version's date, written in the display language. */
  readonly updated?: string;
  readonly comment?: string;
  readonly journalRef?: string;
  readonly doi?: string;
  readonly doiUrl?: string;
  /** `CC BY 4.0`, or the license's URL as text. */
  readonly license?: string;
}

export interface LinkedRepo {
  /** e.g. `google/envharness-7b` */
  readonly id: string;
  readonly url: string;
  /** A short note: likes, downloads, an emoji. */
  readonly note?: string;
}

export interface LinkedReposView {
  readonly models: readonly LinkedRepo[];
  readonly datasets: readonly LinkedRepo[];
  readonly spaces: readonly LinkedRepo[];
}

/** A paper like the shown one, as the panel's Similar papers section lists it: plain text. */
export interface SimilarPaperView {
  readonly id: string;
  readonly title: string;
  readonly firstAuthor?: string;
  /** More authors than the first ("et al."). */
  readonly moreAuthors: boolean;
  /** The feed day, written in the display language by the host. */
  readonly date?: string;
  readonly upvotes: number;
}

/** Which of the actions that depend on the paper's state the panel offers. */
export interface PaperActions {
  /** The paper has a repository Paper Feed would clone. */
  readonly canClone: boolean;
  /** The paper was cloned here, and the folder is still there. */
  readonly cloned: boolean;
  /** The paper is on the reading list. */
  readonly saved: boolean;
  /** A saved paper's reading state, note and tags (absent when it is not saved). */
  readonly reading?: ReadingView;
}

/** What the panel shows of a saved paper's place on the reading list: plain text, like the paper. */
export interface ReadingView {
  readonly read: boolean;
  readonly note: string;
  readonly tags: readonly string[];
}

/**
 * Every word the panel shows that is not the paper's, in VS Code's display language (the host
 * localises them with vscode.l10n; the page script has no text of its own). `…Hint` is a button's
 * accessible name and tooltip; `{0}` is where the page puts a number or a name.
 */
export const PANEL_LABEL_KEYS = [
  'paperActions',
  'insertCitation', 'insertCitationHint', 'copyCitation', 'copyCitationHint',
  'save', 'saveHint', 'saved', 'savedHint',
  'markRead', 'markReadHint', 'markUnread', 'markUnreadHint', 'note', 'tags',
  'cloneRepository', 'cloneRepositoryHint', 'openClone', 'openCloneHint',
  'huggingFace', 'huggingFaceHint', 'arxiv', 'arxivHint', 'pdf', 'pdfHint', 'fullText', 'fullTextHint',
  'moreAuthors', 'moreAuthorsHint', 'fewerAuthors',
  'code', 'codeHint', 'projectPage', 'projectPageHint',
  'aiSummary', 'abstract', 'keywords',
  'onHuggingFace', 'models', 'datasets', 'spaces', 'linkedRepoHint',
  'searchKeywordHint', 'searchAuthorHint', 'openLinkHint', 'cloneUrl', 'cloneUrlHint', 'comments', 'oneComment', 'thumbnailAlt',
  'publishedIn', 'publishedHint', 'volume', 'issue', 'pages', 'viaArxiv', 'viaArxivHint', 'viaDblp', 'viaDblpHint',
  'categories', 'primaryCategory', 'version', 'updated', 'authorsComment', 'journalRef', 'doi', 'doiHint', 'license',
  'similarPapers', 'similarLoading', 'similarNone', 'similarFailed', 'similarMore', 'similarMoreHint', 'similarOpenHint', 'etAl', 'upvotes',
] as const;
export type PanelLabels = { readonly [key in (typeof PANEL_LABEL_KEYS)[number]]: string };

export type HostToWebview =
  | { readonly type: 'showPaper'; readonly paper: PaperView; readonly actions: PaperActions; readonly labels: PanelLabels }
  | { readonly type: 'actions'; readonly paperId: string; readonly actions: PaperActions }
  | { readonly type: 'linkedRepos'; readonly paperId: string; readonly repos: LinkedReposView }
  /**
   * The papers most like `paperId`, best first (none: the section says so), or `failed` (no papers:
   * the section says they could not be found); until it comes, the page says it is looking.
   */
  | { readonly type: 'similar'; readonly paperId: string; readonly papers: readonly SimilarPaperView[]; readonly failed: boolean };

/** Commands a panel button runs on the panel's paper; each is also a palette and tree command. */
export const PANEL_COMMANDS = [
  'insertCitation', 'copyCitation', 'openOnHuggingFace', 'openOnArxiv', 'openPdf', 'cloneRepository', 'openClonedRepository',
  'savePaper', 'unsavePaper', 'markRead', 'markUnread', 'showSimilar', 'readFullText',
] as const;
export type PanelCommand = (typeof PANEL_COMMANDS)[number];

export type WebviewToHost =
  | { readonly type: 'ready' }
  /** `paperId`: the paper the button was drawn for; the host ignores a run for a paper it no longer shows. */
  | { readonly type: 'run'; readonly command: PanelCommand; readonly paperId: string }
  | { readonly type: 'openLink'; readonly url: string }
  /** A keyword chip or an author's name: opens Search Papers for it (the host writes the query). */
  | { readonly type: 'search'; readonly field: SearchField; readonly value: string; readonly paperId: string }
  /** The Clone beside a repository URL in the abstract: the host clones it only if the paper's abstract has it. */
  | { readonly type: 'cloneUrl'; readonly url: string; readonly paperId: string }
  /** A paper of the Similar papers section (`id`) was clicked in the panel showing `paperId`: the host opens it if it listed it. */
  | { readonly type: 'openSimilar'; readonly paperId: string; readonly id: string };

/** What a panel's search is for: one of the paper's keywords, or one of its authors. */
export const SEARCH_FIELDS = ['keyword', 'author'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

const MAX_URL_LENGTH = 2_048;
const MAX_ID_LENGTH = 200;
/** A keyword or an author's name: longer ones are not the paper's (the normaliser cuts text far shorter). */
const MAX_SEARCH_VALUE_LENGTH = 500;

function isPaperId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

function hasExactly(message: Record<string, unknown>, keys: readonly string[]): boolean {
  const present = Object.keys(message);
  return present.length === keys.length && keys.every((key) => present.includes(key));
}

/** Validates a message from the webview: the exact keys of a known type, with values of the right type. */
export function isWebviewToHost(value: unknown): value is WebviewToHost {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return hasExactly(message, ['type']);
    case 'run':
      return hasExactly(message, ['type', 'command', 'paperId'])
        && typeof message.command === 'string' && (PANEL_COMMANDS as readonly string[]).includes(message.command)
        && isPaperId(message.paperId);
    case 'openLink':
      return hasExactly(message, ['type', 'url']) && typeof message.url === 'string' && message.url.length <= MAX_URL_LENGTH;
    case 'search':
      return hasExactly(message, ['type', 'field', 'value', 'paperId'])
        && typeof message.field === 'string' && (SEARCH_FIELDS as readonly string[]).includes(message.field)
        && typeof message.value === 'string' && message.value.trim().length > 0 && message.value.length <= MAX_SEARCH_VALUE_LENGTH
        && isPaperId(message.paperId);
    case 'openSimilar':
      return hasExactly(message, ['type', 'paperId', 'id']) && isPaperId(message.paperId) && isPaperId(message.id);
    case 'cloneUrl':
      return hasExactly(message, ['type', 'url', 'paperId'])
        && typeof message.url === 'string' && /^https?:\/\//i.test(message.url) && message.url.length <= MAX_URL_LENGTH
        && isPaperId(message.paperId);
    default:
      return false;
  }
}

/** Checks the shape of a message from the host (the webview trusts its host, but not blindly). */
export function isHostToWebview(value: unknown): value is HostToWebview {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const message = value as Record<string, unknown>;
  if (message.type === 'actions') {
    return typeof message.paperId === 'string' && isActions(message.actions);
  }
  if (message.type === 'linkedRepos') {
    const repos = message.repos as Record<string, unknown> | undefined;
    return typeof message.paperId === 'string' && typeof repos === 'object' && repos !== null
      && Array.isArray(repos.models) && Array.isArray(repos.datasets) && Array.isArray(repos.spaces);
  }
  if (message.type === 'similar') {
    return typeof message.paperId === 'string' && Array.isArray(message.papers) && message.papers.every(isSimilar)
      && typeof message.failed === 'boolean' && !(message.failed && message.papers.length > 0);
  }
  const paper = message.paper as Record<string, unknown> | undefined;
  return message.type === 'showPaper' && typeof paper === 'object' && paper !== null && isActions(message.actions)
    && typeof paper.id === 'string' && typeof paper.title === 'string'
    && Array.isArray(paper.authors) && Array.isArray(paper.abstractParagraphs) && paper.abstractParagraphs.every(isRuns)
    && (paper.aiSummary === undefined || isRuns(paper.aiSummary)) && isLabels(message.labels)
    && (paper.published === undefined || isPublished(paper.published)) && (paper.arxiv === undefined || isArxiv(paper.arxiv));
}

function isSimilar(value: unknown): value is SimilarPaperView {
  const paper = value as Record<string, unknown> | undefined;
  return typeof paper === 'object' && paper !== null && typeof paper.id === 'string' && typeof paper.title === 'string'
    && isOptional(paper.firstAuthor, 'string') && typeof paper.moreAuthors === 'boolean' && isOptional(paper.date, 'string')
    && typeof paper.upvotes === 'number';
}

function isOptional(value: unknown, type: 'string' | 'number'): boolean {
  return value === undefined || typeof value === type;
}

/** A link the host made: https only (the page draws nothing else as a link). */
function isLink(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value.startsWith('https://') && value.length <= MAX_URL_LENGTH);
}

function isPublished(value: unknown): value is PublishedView {
  const published = value as Record<string, unknown> | undefined;
  return typeof published === 'object' && published !== null && typeof published.venue === 'string'
    && typeof published.source === 'string' && (PUBLISHED_SOURCES as readonly string[]).includes(published.source)
    && isOptional(published.volume, 'string') && isOptional(published.number, 'string') && isOptional(published.pages, 'string')
    && isLink(published.url);
}

function isArxiv(value: unknown): value is ArxivView {
  const arxiv = value as Record<string, unknown> | undefined;
  return typeof arxiv === 'object' && arxiv !== null
    && Array.isArray(arxiv.categories) && arxiv.categories.every((category) => typeof category === 'string')
    && isOptional(arxiv.version, 'number') && isOptional(arxiv.updated, 'string') && isOptional(arxiv.comment, 'string')
    && isOptional(arxiv.journalRef, 'string') && isOptional(arxiv.doi, 'string') && isOptional(arxiv.license, 'string')
    && isLink(arxiv.doiUrl) && (arxiv.doiUrl === undefined || (typeof arxiv.doiUrl === 'string' && arxiv.doiUrl.startsWith('https://doi.org/')));
}

function isRuns(value: unknown): value is readonly TextRun[] {
  return Array.isArray(value) && value.every((run: unknown) => typeof run === 'object' && run !== null
    && typeof (run as Record<string, unknown>).text === 'string');
}

function isLabels(value: unknown): value is PanelLabels {
  const labels = value as Record<string, unknown> | undefined;
  return typeof labels === 'object' && labels !== null && PANEL_LABEL_KEYS.every((key) => typeof labels[key] === 'string');
}

function isActions(value: unknown): value is PaperActions {
  const actions = value as Record<string, unknown> | undefined;
  return typeof actions === 'object' && actions !== null && typeof actions.canClone === 'boolean' && typeof actions.cloned === 'boolean'
    && typeof actions.saved === 'boolean' && (actions.reading === undefined || isReading(actions.reading));
}

function isReading(value: unknown): value is ReadingView {
  const reading = value as Record<string, unknown> | undefined;
  return typeof reading === 'object' && reading !== null && typeof reading.read === 'boolean' && typeof reading.note === 'string'
    && Array.isArray(reading.tags) && reading.tags.every((tag) => typeof tag === 'string');
}
