import * as vscode from 'vscode';
import { decideLink } from '../core/paper/linkPolicy';
import type { Paper } from '../core/paper/model';

/**
 * Opens links from papers in the user's browser, after the link policy: https to arXiv, Hugging Face,
 * GitHub and the paper's project page directly; other https hosts after asking; nothing else.
 */
export class LinkOpener {
  /** Replaceable by the integration tests, which must never open a real browser. */
  openExternal: (uri: vscode.Uri) => Thenable<boolean> = (uri) => vscode.env.openExternal(uri);
  confirm: (host: string, url: string) => Thenable<boolean> = async (host, url) => {
    const open = vscode.l10n.t('Open Link');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Open a link to {0}?', host),
      { modal: true, detail: url },
      open,
    );
    return choice === open;
  };

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Returns whether the link was opened. */
  async open(url: unknown, paper?: Pick<Paper, 'projectPage'>): Promise<boolean> {
    const decision = decideLink(url, paper);
    if (decision.action === 'reject') {
      this.log.warn(`Refused to open ${JSON.stringify(String(url).slice(0, 200))}: ${decision.reason}.`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Paper Feed did not open that link: {0}.', decision.reason));
      return false;
    }
    if (decision.action === 'ask' && !(await this.confirm(decision.host, decision.url))) {
      return false;
    }
    return this.openExternal(vscode.Uri.parse(decision.url, true));
  }
}
