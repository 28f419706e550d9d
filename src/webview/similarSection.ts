/**
 * The panel's Similar papers section: "Finding similar papers…" until the host answers, then the
 * papers, each a button that asks the host to open it (Up and Down move between them), or a line
 * saying there are none, or that they could not be found. Paper text only through textContent.
 */
import type { PanelLabels, SimilarPaperView } from '../shared/protocol';
import { element, fill } from './dom';

const HEADING_ID = 'similar-heading';

export interface SimilarActions {
  /** Asks the host to open a listed paper. */
  readonly open: (id: string) => void;
  /** Runs Show Similar Papers on the shown paper. */
  readonly more: () => void;
}

/** The section's header: its heading (which labels the section), and room for Show more. */
function sectionHeader(words: PanelLabels): HTMLElement {
  const heading = element('h2', words.similarPapers);
  heading.id = HEADING_ID;
  const header = element('div', undefined, 'similar-header');
  header.append(heading);
  return header;
}

/** The section as a paper is shown: its heading and the line saying the host is looking. */
export function similarSection(words: PanelLabels): HTMLElement {
  const section = element('section', undefined, 'similar');
  section.setAttribute('aria-labelledby', HEADING_ID);
  section.setAttribute('aria-busy', 'true');
  section.append(sectionHeader(words), element('p', words.similarLoading, 'similar-status'));
  return section;
}

/** `First Author et al. · Aug 21, 2026 · ▲ 42`, the upvotes with a spoken label. */
function meta(paper: SimilarPaperView, words: PanelLabels): HTMLElement {
  const line = element('span', undefined, 'similar-meta');
  const parts: (string | HTMLElement)[] = [];
  if (paper.firstAuthor !== undefined) {
    parts.push(paper.moreAuthors ? fill(words.etAl, paper.firstAuthor) : paper.firstAuthor);
  }
  if (paper.date !== undefined) {
    parts.push(paper.date);
  }
  const upvotes = element('span', `▲ ${paper.upvotes}`, 'similar-upvotes');
  upvotes.setAttribute('role', 'img');
  upvotes.setAttribute('aria-label', fill(words.upvotes, paper.upvotes));
  parts.push(upvotes);
  parts.forEach((part, index) => line.append(...(index > 0 ? [' · ', part] : [part])));
  return line;
}

/** Where each key moves focus in the list, from `at` among `count` papers (keys are KeyboardEvent.key names). */
const MOVES: Readonly<Record<string, (at: number, count: number) => number>> = {
  ArrowDown: (at) => at + 1,
  ArrowUp: (at) => at - 1,
  Home: () => 0,
  End: (_at, count) => count - 1,
};

/** Up and Down move between the list's papers; Home and End go to the first and the last. */
function arrowKeys(list: HTMLElement, buttons: readonly HTMLButtonElement[]): void {
  list.addEventListener('keydown', (event) => {
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const move = Object.hasOwn(MOVES, event.key) ? MOVES[event.key] : undefined;
    const target = at >= 0 && move ? buttons[Math.max(0, Math.min(buttons.length - 1, move(at, buttons.length)))] : undefined;
    if (target) {
      event.preventDefault();
      target.focus();
    }
  });
}

/**
 * The host's answer: the papers (with Show more, which lists more of them in a picker), or the line
 * for none, or the one saying they could not be found (`failed`: the host asks again when it can).
 */
export function renderSimilar(section: HTMLElement, papers: readonly SimilarPaperView[], failed: boolean, words: PanelLabels,
  actions: SimilarActions): void {
  section.removeAttribute('aria-busy');
  const header = sectionHeader(words);
  if (failed || papers.length === 0) {
    section.replaceChildren(header, element('p', failed ? words.similarFailed : words.similarNone, 'similar-status'));
    return;
  }
  const more = element('button', words.similarMore, 'inline-action');
  more.type = 'button';
  more.title = words.similarMoreHint;
  more.setAttribute('aria-label', words.similarMoreHint);
  more.addEventListener('click', actions.more);
  header.append(more);
  const list = element('ol', undefined, 'similar-list');
  const titles: HTMLButtonElement[] = [];
  for (const paper of papers) {
    const item = element('li');
    item.dataset.paperId = paper.id;
    const title = element('button', paper.title, 'link');
    title.classList.add('similar-title');
    title.type = 'button';
    titles.push(title);
    title.title = fill(words.similarOpenHint, paper.title);
    title.addEventListener('click', () => actions.open(paper.id));
    item.append(title, meta(paper, words));
    list.append(item);
  }
  arrowKeys(list, titles);
  section.replaceChildren(header, list);
}
