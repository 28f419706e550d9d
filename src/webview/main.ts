/**
 * The paper panel's page script. Paper text is untrusted: it only ever goes through textContent.
 * Buttons post typed messages; the host decides what runs and what opens.
 */
import { isHostToWebview, type LinkedRepo, type LinkedReposView, type PanelCommand, type PaperActions, type PaperView, type WebviewToHost } from '../shared/protocol';

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

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  return node;
}

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

function authorsLine(paper: PaperView): HTMLElement {
  const line = element('p', undefined, 'authors');
  const all = paper.authors.join(', ');
  if (paper.authors.length <= SHOWN_AUTHORS) {
    line.textContent = all;
    return line;
  }
  const text = element('span', paper.authors.slice(0, SHOWN_AUTHORS).join(', '));
  const more = paper.authors.length - SHOWN_AUTHORS;
  const toggle = button(`and ${more} more`, `Show all ${paper.authors.length} authors`, () => {
    const expanded = toggle.getAttribute('aria-expanded') === 'true';
    text.textContent = expanded ? paper.authors.slice(0, SHOWN_AUTHORS).join(', ') : all;
    toggle.textContent = expanded ? `and ${more} more` : 'show fewer';
    toggle.setAttribute('aria-expanded', String(!expanded));
  }, 'link');
  toggle.setAttribute('aria-expanded', 'false');
  line.append(text, ' ', toggle);
  return line;
}

/** The toolbar: Clone appears only for a paper with a repository, Open Clone once it is cloned. */
function renderActions(toolbar: HTMLElement, state: PaperActions, paperId: string): void {
  const on = (command: PanelCommand) => (): void => run(command, paperId);
  toolbar.replaceChildren(
    button('Insert citation', 'Insert a citation into the editor', on('insertCitation')),
    button('Copy citation…', 'Copy a citation', on('copyCitation')),
    state.saved
      ? button('Saved ✓', 'Remove from the reading list', on('unsavePaper'), 'action saved')
      : button('Save', 'Save to the reading list', on('savePaper')),
    ...(state.canClone ? [button('Clone repository', 'Clone the code repository into a folder', on('cloneRepository'))] : []),
    ...(state.cloned ? [button('Open clone', 'Open the folder it was cloned into', on('openClonedRepository'))] : []),
    button('Hugging Face', 'Open on Hugging Face', on('openOnHuggingFace')),
    button('arXiv', 'Open the arXiv abstract', on('openOnArxiv')),
    button('PDF', 'Open the PDF', on('openPdf')),
  );
}

function render(paper: PaperView, state: PaperActions): void {
  current = paper;
  const article = element('article');
  article.dataset.paperId = paper.id;
  article.append(element('h1', paper.title), authorsLine(paper));

  const facts = element('p', undefined, 'facts');
  [
    paper.date,
    `arXiv:${paper.id}`,
    paper.primaryCategory,
    paper.upvotes !== undefined ? `▲ ${paper.upvotes}` : undefined,
    paper.numComments !== undefined ? `💬 ${paper.numComments}` : undefined,
    paper.organization,
  ].filter((part): part is string => part !== undefined).forEach((part) => facts.append(element('span', part)));
  article.append(facts);

  const actions = element('div', undefined, 'actions');
  actions.setAttribute('role', 'toolbar');
  actions.setAttribute('aria-label', 'Paper actions');
  renderActions(actions, state, paper.id);
  article.append(actions);

  const links = element('ul', undefined, 'links');
  if (paper.githubRepo) {
    const item = element('li', 'Code: ');
    item.append(linkButton(paper.githubRepo.replace(/^https:\/\/(www\.)?github\.com\//, ''), paper.githubRepo, `Open the code repository ${paper.githubRepo}`));
    if (paper.githubStars !== undefined) {
      item.append(element('span', ` ★ ${paper.githubStars}`, 'stars'));
    }
    links.append(item);
  }
  if (paper.projectPage) {
    const item = element('li', 'Project page: ');
    item.append(linkButton(paper.projectPage, paper.projectPage, `Open the project page ${paper.projectPage}`));
    links.append(item);
  }
  if (links.childElementCount > 0) {
    article.append(links);
  }

  if (paper.aiSummary) {
    const summary = element('section', undefined, 'summary');
    summary.append(element('h2', 'AI summary'), element('p', paper.aiSummary));
    article.append(summary);
  }

  const abstract = element('section', undefined, 'abstract');
  abstract.append(element('h2', 'Abstract'));
  paper.abstractParagraphs.forEach((paragraph) => abstract.append(element('p', paragraph)));
  article.append(abstract);

  if (paper.aiKeywords && paper.aiKeywords.length > 0) {
    const keywords = element('section', undefined, 'keywords');
    keywords.append(element('h2', 'Keywords'));
    const list = element('ul', undefined, 'chips');
    paper.aiKeywords.forEach((keyword) => list.append(element('li', keyword, 'chip')));
    keywords.append(list);
    article.append(keywords);
  }
  article.append(element('section', undefined, 'linked'));
  root.replaceChildren(article);
  document.title = paper.title;
}

function renderLinked(repos: LinkedReposView): void {
  const section = root.querySelector('section.linked');
  if (!section) {
    return;
  }
  const groups: [string, readonly LinkedRepo[]][] = [['Models', repos.models], ['Datasets', repos.datasets], ['Spaces', repos.spaces]];
  const shown = groups.filter(([, list]) => list.length > 0);
  if (shown.length === 0) {
    section.replaceChildren();
    return;
  }
  const children: HTMLElement[] = [element('h2', 'On Hugging Face')];
  for (const [name, list] of shown) {
    children.push(element('h3', name));
    const items = element('ul', undefined, 'repos');
    for (const repo of list) {
      const item = element('li');
      item.append(linkButton(repo.id, repo.url, `Open ${repo.id} on Hugging Face`));
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
    render(message.paper, message.actions);
    vscode.setState({ paperId: message.paper.id });
  } else if (!current || message.paperId !== current.id) {
    return;
  } else if (message.type === 'actions') {
    const toolbar = root.querySelector<HTMLElement>('div.actions');
    if (toolbar) {
      renderActions(toolbar, message.actions, message.paperId);
    }
  } else {
    renderLinked(message.repos);
  }
});

vscode.postMessage({ type: 'ready' });
