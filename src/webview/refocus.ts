/**
 * The page is drawn anew when the shown paper's records change (arXiv's or DBLP's answer came):
 * the element that had keyboard focus is gone with it, and the live region would read the whole page
 * again. A redraw of the same paper keeps the focus where it was (on the same paper of the Similar
 * list, whose list comes a moment later, or the same button) and is quiet for screen readers.
 */

/** How long the live region stays quiet after a redraw of the same paper (its lists are sent right after it). */
const QUIET_MS = 1_000;

/** What identifies a focused element across a redraw: a similar paper's id, else its kind and its words. */
function focusKey(node: Element): string {
  const item = node.closest('li');
  if (node.classList.contains('similar-title') && item?.dataset.paperId !== undefined) {
    return JSON.stringify(['similar', item.dataset.paperId]);
  }
  return JSON.stringify([node.tagName, node.className, node.getAttribute('aria-label'), node.textContent]);
}

export class Refocus {
  private pending: string | undefined;
  private quietTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly root: HTMLElement) {
    // Focus moved by the person meanwhile (a click, Tab) wins over a focus still to be given back.
    document.addEventListener('focusin', () => {
      this.pending = undefined;
    });
  }

  /** Before a redraw: remembers what has focus in the page, if the same paper is drawn again; quiets the live region. */
  beforeRedraw(samePaper: boolean): void {
    this.pending = undefined;
    if (!samePaper) {
      return;
    }
    const active = document.activeElement;
    if (active && active !== this.root && this.root.contains(active)) {
      this.pending = focusKey(active);
    }
    this.root.setAttribute('aria-live', 'off');
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => this.root.setAttribute('aria-live', 'polite'), QUIET_MS);
  }

  /** After a part of the page is drawn: focuses the element remembered, once it is there. */
  restore(): void {
    const key = this.pending;
    if (key === undefined) {
      return;
    }
    const focusable = [...this.root.querySelectorAll('button'), ...this.root.querySelectorAll('a')];
    const again = focusable.find((node) => focusKey(node) === key);
    if (again) {
      this.pending = undefined;
      again.focus();
    }
  }
}
