/**
 * Messages between the extension host and the paper panel's webview, typed both ways.
 * No `vscode` and no DOM here: both sides import it. The host validates everything it receives.
 */

/** What the panel shows of a paper: plain text only, rendered with textContent. */
export interface PaperView {
  readonly id: string;
  readonly title: string;
  readonly authors: readonly string[];
  readonly date?: string;
  readonly upvotes?: number;
  readonly primaryCategory?: string;
  readonly organization?: string;
  readonly aiSummary?: string;
  readonly abstractParagraphs: readonly string[];
  readonly githubRepo?: string;
  readonly projectPage?: string;
}

export type HostToWebview = { readonly type: 'showPaper'; readonly paper: PaperView };

export type WebviewToHost = { readonly type: 'ready' };

export function isWebviewToHost(value: unknown): value is WebviewToHost {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const message = value as Record<string, unknown>;
  return message.type === 'ready' && Object.keys(message).length === 1;
}

export function isHostToWebview(value: unknown): value is HostToWebview {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const message = value as Record<string, unknown>;
  const paper = message.paper as Record<string, unknown> | undefined;
  return message.type === 'showPaper' && typeof paper === 'object' && paper !== null
    && typeof paper.id === 'string' && typeof paper.title === 'string'
    && Array.isArray(paper.authors) && Array.isArray(paper.abstractParagraphs);
}
