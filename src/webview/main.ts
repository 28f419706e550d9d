/**
 * The paper panel's page script. Paper text is untrusted: it only ever goes through textContent.
 * Buttons post typed messages; the host decides what runs and what opens. Its words come from the
 * host too (PanelLabels, localised there), so this script has no text of its own.
 */
import {
  isHostToWebview, type LinkedRepo, type LinkedReposView, type PanelCommand, type PanelLabels, type PaperActions, type PaperView,
  type SearchField, type TextRun, type WebviewToHost,
} from '../shared/protocol';
import { element, fill } from './dom';
import { commentIcon } from './icons';
import { arxivSection, publishedLine } from './record';
import { Refocus } from './refocus';
import { renderSimilar, similarSection } from './similarSection';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  setState(state: unknown): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('paper') as HTMLElement;
const SHOWN_AUTHORS = 10;
let current: PaperView | undefined;
let labels: PanelLabels | undefined;
/** The line under the toolbar with a saved paper's tags and note. */
let readingLine: HTMLElement | undefined;
/** The Similar papers section of the shown paper. */
let similarBox: HTMLElement | undefined;
/** Keeps the focus, and the screen reader quiet, when the shown paper is drawn again with newer records. */
const refocus = new Refocus(root);

function button(label: string, ariaLabel: string, onClick: () => void, className = 'action'): HTMLButtonElement {
  const node = element('button', label, className);
  node.type = 'button';
  node.setAttribute('aria-label', ariaLabel);
  node.title = ariaLabel;
  node.addEventListener('click', onClick);
  return node;
}

/** A link drawn as a button: the host validates and opens it, never the webview. */
function linkButton(label: string, url: string, ariaLabel: string): HTMLButtonElement {
  return button(label, ariaLabel, () => vscode.postMessage({ type: 'openLink', url }), 'link');
}

/** Runs a command on the paper the button was drawn for (the host checks it still shows that one). */
function run(command: PanelCommand, paperId: string): void {
  vscode.postMessage({ type: 'run', command, paperId });
}

/** Opens Search Papers for one of the paper's keywords or authors (the host writes the query). */
function searchButton(field: SearchField, value: string, paperId: string, ariaLabel: string, className: string): HTMLButtonElement {
  return button(value, ariaLabel, () => vscode.postMessage({ type: 'search', field, value, paperId }), className);
}

/** The authors, each a button that searches for their papers; past SHOWN_AUTHORS, a toggle for the rest. */
function authorsLine(paper: PaperView, words: PanelLabels): HTMLElement {
  const line = element('p', undefined, 'authors');
  const names = element('span');
  const show = (count: number): void => {
    names.replaceChildren();
    paper.authors.slice(0, count).forEach((name, index) => {
      if (index > 0) {
        names.append(', ');
      }
      const author = searchButton('author', name, paper.id, fill(words.searchAuthorHint, name), 'link');
      author.classList.add('author');
      names.append(author);
    });
  };
  if (paper.authors.length <= SHOWN_AUTHORS) {
    show(paper.authors.length);
    line.append(names);
    return line;
  }
  show(SHOWN_AUTHORS);
  const more = paper.authors.length - SHOWN_AUTHORS;
  const toggle = button(fill(words.moreAuthors, more), fill(words.moreAuthorsHint, paper.authors.length), () => {
    const expanded = toggle.getAttribute('aria-expanded') === 'true';
    show(expanded ? SHOWN_AUTHORS : paper.authors.length);
    toggle.textContent = expanded ? fill(words.moreAuthors, more) : words.fewerAuthors;
    toggle.setAttribute('aria-expanded', String(!expanded));
  }, 'link');
  toggle.setAttribute('aria-expanded', 'false');
  line.append(names, ' ', toggle);
  return line;
}

/** Read ✓ (pressed) or Mark read, on a saved paper. */
function readToggle(read: boolean, paperId: string, words: PanelLabels): HTMLButtonElement {
  const toggle = read
    ? button(words.markUnread, words.markUnreadHint, () => run('markUnread', paperId))
    : button(words.markRead, words.markReadHint, () => run('markRead', paperId));
  toggle.setAttribute('aria-pressed', String(read));
  return toggle;
}

/**
 * Paper text with its URLs as links. A click asks the host to open the URL (its link policy decides),
 * and goes no further: the workbench would otherwise open an <a>'s href itself. A repository the host
 * would clone gets a Clone button beside it.
 */
function linkedText(container: HTMLElement, runs: readonly TextRun[], paperId: string, words: PanelLabels): HTMLElement {
  for (const run of runs) {
    const url = run.url;
    if (url === undefined || !/^https?:\/\//i.test(url)) {
      container.append(run.text); // a text node
      continue;
    }
    const anchor = element('a', run.text);
    anchor.href = url;
    anchor.title = fill(words.openLinkHint, url);
    anchor.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      vscode.postMessage({ type: 'openLink', url });
    });
    container.append(anchor);
    if (run.clone) {
      container.append(' ', button(words.cloneUrl, fill(words.cloneUrlHint, url), () => vscode.postMessage({ type: 'cloneUrl', url, paperId }), 'inline-action'));
    }
  }
  return container;
}

function commentsFact(count: number, words: PanelLabels): HTMLElement {
  const fact = element('span', undefined, 'comments');
  fact.setAttribute('role', 'img');
  fact.setAttribute('aria-label', count === 1 ? words.oneComment : fill(words.comments, count));
  fact.title = fact.getAttribute('aria-label') ?? '';
  fact.append(commentIcon(), ` ${count}`);
  return fact;
}

/** The paper's thumbnail from Hugging Face's CDN; gone without a trace when it cannot load (offline). */
function thumbnailFigure(url: string, words: PanelLabels): HTMLElement {
  const figure = element('figure', undefined, 'thumbnail');
  const image = element('img');
  image.loading = 'lazy';
  image.decoding = 'async';
  image.alt = words.thumbnailAlt;
  image.referrerPolicy = 'no-referrer';
  image.addEventListener('error', () => figure.remove(), { once: true });
  image.src = url;
  figure.append(image);
  return figure;
}

/** The toolbar: Clone appears only for a paper with a repository, Open Clone once it is cloned. */
function renderActions(toolbar: HTMLElement, state: PaperActions, paperId: string, words: PanelLabels): void {
  const on = (command: PanelCommand) => (): void => run(command, paperId);
  toolbar.replaceChildren(
    button(words.insertCitation, words.insertCitationHint, on('insertCitation')),
    button(words.copyCitation, words.copyCitationHint, on('copyCitation')),
    state.saved
      ? button(words.saved, words.savedHint, on('unsavePaper'), 'action saved')
      : button(words.save, words.saveHint, on('savePaper')),
    ...(state.reading ? [readToggle(state.reading.read, paperId, words)] : []),
    ...(state.canClone ? [button(words.cloneRepository, words.cloneRepositoryHint, on('cloneRepository'))] : []),
    ...(state.cloned ? [button(words.openClone, words.openCloneHint, on('openClonedRepository'))] : []),
    button(words.fullText, words.fullTextHint, on('readFullText')),
    button(words.huggingFace, words.huggingFaceHint, on('openOnHuggingFace')),
    button(words.arxiv, words.arxivHint, on('openOnArxiv')),
    button(words.pdf, words.pdfHint, on('openPdf')),
  );
}

/** A saved paper's tags and note, under the toolbar; empty for a paper that is not saved or has neither. */
function renderReading(line: HTMLElement, state: PaperActions, words: PanelLabels): void {
  const parts: HTMLElement[] = [];
  if (state.reading && state.reading.tags.length > 0) {
    const tags = element('span', `${words.tags} `, 'tags');
    const list = element('ul', undefined, 'chips');
    state.reading.tags.forEach((tag) => list.append(element('li', tag, 'chip')));
    tags.append(list);
    parts.push(tags);
  }
  if (state.reading?.note) {
    const note = element('span', undefined, 'note');
    note.append(element('strong', words.note), ' ', element('span', state.reading.note));
    parts.push(note);
  }
  line.replaceChildren(...parts);
  line.hidden = parts.length === 0;
}

function render(paper: PaperView, state: PaperActions, words: PanelLabels): void {
  current = paper;
  labels = words;
  const article = element('article');
  article.dataset.paperId = paper.id;
  article.append(element('h1', paper.title), authorsLine(paper, words));
  if (paper.published) {
    article.append(publishedLine(paper.published, words, linkButton));
  }

  const facts = element('p', undefined, 'facts');
  [
    paper.date,
    `arXiv:${paper.id}`,
    paper.primaryCategory,
    paper.upvotes !== undefined ? `▲ ${paper.upvotes}` : undefined,
    paper.numComments !== undefined ? commentsFact(paper.numComments, words) : undefined,
    paper.organization,
  ].filter((part): part is string | HTMLElement => part !== undefined)
    .forEach((part) => facts.append(typeof part === 'string' ? element('span', part) : part));
  article.append(facts);

  const actions = element('div', undefined, 'actions');
  actions.setAttribute('role', 'toolbar');
  actions.setAttribute('aria-label', words.paperActions);
  renderActions(actions, state, paper.id, words);
  readingLine = element('div', undefined, 'reading');
  renderReading(readingLine, state, words);
  article.append(actions, readingLine);

  const links = element('ul', undefined, 'links');
  if (paper.githubRepo) {
    const item = element('li', `${words.code} `);
    item.append(linkButton(paper.githubRepo.replace(/^https:\/\/(www\.)?github\.com\//, ''), paper.githubRepo, fill(words.codeHint, paper.githubRepo)));
    if (paper.githubStars !== undefined) {
      item.append(element('span', ` ★ ${paper.githubStars}`, 'stars'));
    }
    links.append(item);
  }
  if (paper.projectPage) {
    const item = element('li', `${words.projectPage} `);
    item.append(linkButton(paper.projectPage, paper.projectPage, fill(words.projectPageHint, paper.projectPage)));
    links.append(item);
  }
  if (links.childElementCount > 0) {
    article.append(links);
  }

  if (paper.thumbnail) {
    article.append(thumbnailFigure(paper.thumbnail, words));
  }

  if (paper.aiSummary && paper.aiSummary.length > 0) {
    const summary = element('section', undefined, 'summary');
    summary.append(element('h2', words.aiSummary), linkedText(element('p'), paper.aiSummary, paper.id, words));
    article.append(summary);
  }

  const abstract = element('section', undefined, 'abstract');
  abstract.append(element('h2', words.abstract));
  paper.abstractParagraphs.forEach((paragraph) => abstract.append(linkedText(element('p'), paragraph, paper.id, words)));
  article.append(abstract);

  if (paper.aiKeywords && paper.aiKeywords.length > 0) {
    const keywords = element('section', undefined, 'keywords');
    keywords.append(element('h2', words.keywords));
    const list = element('ul', undefined, 'chips');
    paper.aiKeywords.forEach((keyword) => {
      const item = element('li');
      item.append(searchButton('keyword', keyword, paper.id, fill(words.searchKeywordHint, keyword), 'chip'));
      list.append(item);
    });
    keywords.append(list);
    article.append(keywords);
  }
  if (paper.arxiv) {
    article.append(arxivSection(paper.arxiv, words, linkButton));
  }
  similarBox = similarSection(words);
  article.append(element('section', undefined, 'linked'), similarBox);
  root.replaceChildren(article);
  document.title = paper.title;
}

function renderLinked(repos: LinkedReposView, words: PanelLabels): void {
  const section = root.querySelector('section.linked');
  if (!section) {
    return;
  }
  const groups: [string, readonly LinkedRepo[]][] = [[words.models, repos.models], [words.datasets, repos.datasets], [words.spaces, repos.spaces]];
  const shown = groups.filter(([, list]) => list.length > 0);
  if (shown.length === 0) {
    section.replaceChildren();
    return;
  }
  const children: HTMLElement[] = [element('h2', words.onHuggingFace)];
  for (const [name, list] of shown) {
    children.push(element('h3', name));
    const items = element('ul', undefined, 'repos');
    for (const repo of list) {
      const item = element('li');
      item.append(linkButton(repo.id, repo.url, fill(words.linkedRepoHint, repo.id)));
      if (repo.note) {
        item.append(element('span', ` ${repo.note}`, 'note'));
      }
      items.append(item);
    }
    children.push(items);
  }
  section.replaceChildren(...children);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isHostToWebview(event.data)) {
    return;
  }
  const message = event.data;
  if (message.type === 'showPaper') {
    refocus.beforeRedraw(current?.id === message.paper.id);
    render(message.paper, message.actions, message.labels);
    vscode.setState({ paperId: message.paper.id });
  } else if (!current || !labels || message.paperId !== current.id) {
    return;
  } else if (message.type === 'actions') {
    const toolbar = root.querySelector<HTMLElement>('div.actions');
    if (toolbar) {
      renderActions(toolbar, message.actions, message.paperId, labels);
    }
    if (readingLine) {
      renderReading(readingLine, message.actions, labels);
    }
  } else if (message.type === 'similar') {
    const paperId = message.paperId;
    if (similarBox) {
      renderSimilar(similarBox, message.papers, message.failed, labels, {
        open: (id) => vscode.postMessage({ type: 'openSimilar', paperId, id }),
        more: () => run('showSimilar', paperId),
      });
    }
  } else {
    renderLinked(message.repos, labels);
  }
  // The element focused before a redraw, once the part of the page it is in is drawn again.
  refocus.restore();
});

vscode.postMessage({ type: 'ready' });
