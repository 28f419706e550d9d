/** The paper panel's static page and its Content Security Policy: paper text never goes in here. */
import * as vscode from 'vscode';
import { THUMBNAIL_ORIGIN } from './paperView';

/** Hugging Face's CDN hosts: the only image sources the panel's CSP allows. */
const IMAGE_HOSTS = ['https://cdn-avatars.huggingface.co', THUMBNAIL_ORIGIN, 'https://cdn-uploads.huggingface.co'];

/** The page: a stylesheet, the bundled script by nonce, and "Loading…" until the paper arrives as a message. */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = makeNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'paper.css'));
  const loading = vscode.l10n.t('Loading…').replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${panelCsp(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Paper</title>
</head>
<body>
<main id="paper" aria-live="polite"><p class="loading">${loading}</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

/** The panel's Content Security Policy. */
export function panelCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${IMAGE_HOSTS.join(' ')}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function makeNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[+/=]/g, '');
}
