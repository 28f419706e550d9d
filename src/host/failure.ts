import * as vscode from 'vscode';
import { escapeMessageLinks } from '../core/view/present';

/**
 * Shows a failure VS Code would otherwise keep to itself (a failed activation or a failed load in
 * the background): logged with its stack, and an error message with a Show Log action. The action
 * opens the channel directly, so it works even when activation failed before the commands existed.
 */
export async function showFailure(log: vscode.LogOutputChannel, message: string, error: unknown): Promise<void> {
  log.error(message, error instanceof Error ? (error.stack ?? error.message) : String(error));
  await showErrorWithLog(log, message);
}

/** An error message with a Show Log action; what failed was logged already. */
export async function showErrorWithLog(log: vscode.LogOutputChannel, message: string): Promise<void> {
  const showLog = vscode.l10n.t('Show Log');
  // The message names what failed, which may carry paper text or paths: no `[label](target)` links.
  const choice = await vscode.window.showErrorMessage(escapeMessageLinks(message), showLog);
  if (choice === showLog) {
    log.show();
  }
}

/** An error's one-line description for a message. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
