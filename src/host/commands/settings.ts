import * as vscode from 'vscode';
import type { FeedService } from '../feed/feedService';

/** `paperFeed.setToken`: an optional Hugging Face token, kept in SecretStorage. */
export async function setToken(feed: FeedService): Promise<void> {
  const token = await vscode.window.showInputBox({
    title: vscode.l10n.t('Hugging Face Token'),
    prompt: vscode.l10n.t('Optional: a read token from huggingface.co/settings/tokens raises the rate limit. It is stored in VS Code’s secret storage and sent only to huggingface.co.'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (text) => (/^\S{8,}$/.test(text.trim()) ? undefined : vscode.l10n.t('A token is one word of at least 8 characters (it usually starts with hf_).')),
  });
  if (token) {
    await feed.setToken(token.trim());
    void vscode.window.showInformationMessage(vscode.l10n.t('Paper Feed will send your Hugging Face token with its requests.'));
  }
}

export async function clearToken(feed: FeedService): Promise<void> {
  await feed.setToken(undefined);
  void vscode.window.showInformationMessage(vscode.l10n.t('Paper Feed forgot your Hugging Face token.'));
}

/** `paperFeed.clearCache`: asks first. */
export async function clearCache(feed: FeedService, cleared?: () => Promise<void>): Promise<void> {
  const clear = vscode.l10n.t('Clear Cache');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Forget the {0} papers Paper Feed has cached? They will be fetched again as needed.', feed.cache.size),
    { modal: true },
    clear,
  );
  if (choice === clear) {
    await feed.clearCache();
    await cleared?.();
  }
}
