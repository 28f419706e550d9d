import * as vscode from 'vscode';
import { isOfflineReason } from '../../core/feed/failureReason';
import { escapeMessageLinks } from '../../core/view/present';
import { errorText, showFailure } from '../failure';
import { Commands } from '../ids';
import { userFailure } from './failureText';

/** What the feed tells the user: a failed refresh (once until it changes), a failed first load. */
export class FeedMessages {
  /** Messages shown to the user, newest last (read by the integration tests). */
  readonly shown: string[] = [];
  private lastShownError: string | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** A refresh brought papers: the next failure is news again. */
  refreshed(): void {
    this.lastShownError = undefined;
  }

  /**
   * A refresh failed and `message` says why. A background refresh reports a failure only once until
   * it changes; one the user asked for always reports it. `retry` runs when the user picks Retry.
   */
  refreshFailed(message: string, options: { readonly interactive: boolean; readonly showingSample: boolean; readonly retry: () => void }): void {
    if (!options.interactive && this.lastShownError === message) {
      return;
    }
    this.lastShownError = message;
    const kept = options.showingSample
      ? vscode.l10n.t('Showing the built-in sample papers.')
      : vscode.l10n.t('Showing the papers from the last successful refresh.');
    const text = vscode.l10n.t('Paper Feed could not refresh: {0} {1}', message, kept);
    this.shown.push(text);
    const retry = vscode.l10n.t('Retry');
    const showLog = vscode.l10n.t('Show Log');
    void vscode.window.showWarningMessage(escapeMessageLinks(text), retry, showLog).then((choice) => {
      if (choice === retry) {
        options.retry();
      } else if (choice === showLog) {
        void vscode.commands.executeCommand(Commands.showLog);
      }
    });
  }

  /** Loading papers after activation failed past the feed's own handling: said, not only logged. */
  loadFailed(error: unknown): void {
    const text = vscode.l10n.t('Paper Feed could not load papers: {0}', errorText(error));
    this.shown.push(text);
    void showFailure(this.log, text, error);
  }
}

/**
 * Why a refresh failed, for the user (a plain sentence; the codes go to the log under `what`), and
 * whether it means offline; undefined when the user cancelled it.
 */
export function refreshFailure(error: unknown, log: vscode.LogOutputChannel, what: string): { readonly text: string; readonly offline: boolean } | undefined {
  const { failure, text } = userFailure(error, log, what);
  return failure.reason === 'cancelled' ? undefined : { text, offline: isOfflineReason(failure.reason) };
}
