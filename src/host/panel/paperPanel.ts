import * as vscode from 'vscode';
import type { Paper } from '../../core/model';
import { isWebviewToHost, type HostToWebview } from '../../shared/protocol';
import { Disposable } from '../disposable';
import { toPaperView } from './paperView';

export const PAPER_PANEL_VIEW_TYPE = 'paperFeed.paper';

/**
 * The read-only paper panel: one panel, reused. The page is static; paper text arrives as a message
 * after the webview says it is ready and is rendered with textContent.
 */
export class PaperPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private pending: HostToWebview | undefined;
  private current: Paper | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly log: vscode.LogOutputChannel) {
    super();
  }

  /** The paper shown in the panel, if the panel is open. */
  get paper(): Paper | undefined {
    return this.panel ? this.current : undefined;
  }

  show(paper: Paper): void {
    this.current = paper;
    if (!this.panel) {
      this.panel = this.createPanel();
    } else {
      this.panel.reveal(undefined, false);
    }
    this.panel.title = paper.title.length > 60 ? `${paper.title.slice(0, 59)}…` : paper.title;
    this.post({ type: 'showPaper', paper: toPaperView(paper) });
  }

  override dispose(): void {
    this.panel?.dispose();
    super.dispose();
  }

  private createPanel(): vscode.WebviewPanel {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel(
      PAPER_PANEL_VIEW_TYPE,
      vscode.l10n.t('Paper'),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      { enableScripts: true, enableForms: false, localResourceRoots: [media, dist] },
    );
    panel.iconPath = vscode.Uri.joinPath(media, 'paper-feed.svg');
    this.ready = false;
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      panel.onDidDispose(() => {
        subscriptions.forEach((subscription) => subscription.dispose());
        this.panel = undefined;
        this.ready = false;
      }),
    ];
    panel.webview.html = this.html(panel.webview);
    return panel;
  }

  private receive(message: unknown): void {
    if (!isWebviewToHost(message)) {
      this.log.warn('Ignored an unexpected message from the paper panel.');
      return;
    }
    this.ready = true;
    if (this.pending) {
      void this.panel?.webview.postMessage(this.pending);
      this.pending = undefined;
    }
  }

  private post(message: HostToWebview): void {
    if (this.ready && this.panel) {
      void this.panel.webview.postMessage(message);
    } else {
      this.pending = message;
    }
  }

  private html(webview: vscode.Webview): string {
    const nonce = makeNonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'paper.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Paper</title>
</head>
<body>
<main id="paper" aria-live="polite"><p class="loading">Loading…</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }
}

function makeNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[+/=]/g, '');
}
