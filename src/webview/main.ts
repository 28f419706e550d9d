/** The paper panel's page script. Paper text is untrusted: it only ever goes through textContent. */
import { isHostToWebview, type PaperView } from '../shared/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('paper') as HTMLElement;

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

const SHOWN_AUTHORS = 10;

function render(paper: PaperView): void {
  const article = element('article');
  article.append(element('h1', paper.title));

  const authors = paper.authors.length > SHOWN_AUTHORS
    ? `${paper.authors.slice(0, SHOWN_AUTHORS).join(', ')} and ${paper.authors.length - SHOWN_AUTHORS} more`
    : paper.authors.join(', ');
  article.append(element('p', authors, 'authors'));

  const facts = element('p', undefined, 'facts');
  const parts = [
    paper.date,
    `arXiv:${paper.id}`,
    paper.primaryCategory,
    paper.upvotes !== undefined ? `▲ ${paper.upvotes}` : undefined,
    paper.organization,
  ].filter((part): part is string => part !== undefined);
  parts.forEach((part) => facts.append(element('span', part)));
  article.append(facts);

  if (paper.aiSummary) {
    const summary = element('section', undefined, 'summary');
    summary.append(element('h2', 'AI summary'), element('p', paper.aiSummary));
    article.append(summary);
  }

  const abstract = element('section', undefined, 'abstract');
  abstract.append(element('h2', 'Abstract'));
  paper.abstractParagraphs.forEach((paragraph) => abstract.append(element('p', paragraph)));
  article.append(abstract);

  const links = [
    paper.githubRepo ? `Code: ${paper.githubRepo}` : undefined,
    paper.projectPage ? `Project page: ${paper.projectPage}` : undefined,
  ].filter((line): line is string => line !== undefined);
  if (links.length > 0) {
    const list = element('ul', undefined, 'links');
    links.forEach((line) => list.append(element('li', line)));
    article.append(list);
  }
  root.replaceChildren(article);
  document.title = paper.title;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostToWebview(event.data)) {
    render(event.data.paper);
    vscode.setState({ paperId: event.data.paper.id });
  }
});

vscode.postMessage({ type: 'ready' });
