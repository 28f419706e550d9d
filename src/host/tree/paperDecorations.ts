import * as vscode from 'vscode';
import { ROW_URI_SCHEME } from '../ids';

/**
 * The marks at the end of a paper's row: a dot for a paper new since the last look, a bookmark
 * for a saved one. A tree row's description is the first thing a narrow sidebar cuts, a
 * decoration's badge the last, so the marks that used to lead the description live here. The
 * row's URI carries its marks (`paper-feed-row:/2508.10104?new,saved`, see `rowUri`): a pure
 * function of the URI, so nothing needs to be told when a paper's state changes.
 */
export class PaperDecorations implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== ROW_URI_SCHEME) {
      return undefined;
    }
    const marks = new Set(uri.query.split(','));
    if (marks.has('new')) {
      return new vscode.FileDecoration('●', vscode.l10n.t('New since you last looked'), new vscode.ThemeColor('notificationsInfoIcon.foreground'));
    }
    if (marks.has('saved')) {
      return new vscode.FileDecoration('✓', vscode.l10n.t('On your reading list'));
    }
    return undefined;
  }

  static register(): vscode.Disposable {
    return vscode.window.registerFileDecorationProvider(new PaperDecorations());
  }
}
