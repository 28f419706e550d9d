import * as vscode from 'vscode';
import { formatDateTime } from '../../core/time/displayDates';
import { ContextKeys } from '../ids';
import { displayLocale } from '../locale';
import type { WindowView } from '../paperStore';

/**
 * What the Papers view is showing, as the `paperFeed.viewState` context key: package.json's
 * `viewsWelcome` picks the welcome content (shown when the tree has no rows) by it.
 *   loading  the window's papers are on their way
 *   empty    Hugging Face has no papers for the window (Show Latest Papers)
 *   offline  nothing to show and no connection (Retry, Show Cached Papers)
 *   error    nothing to show and Hugging Face failed (Retry, Show Cached Papers)
 *   papers   the tree has papers (cached ones after a failure too); `sample`: the built-in sample
 */
export type ViewState = 'loading' | 'empty' | 'offline' | 'error' | 'papers' | 'sample';

export function viewState(view: WindowView): ViewState {
  if (view.source === 'sample') {
    return 'sample';
  }
  if (view.papers.length > 0) {
    return 'papers';
  }
  if (view.error) {
    return view.offline ? 'offline' : 'error';
  }
  return view.source === 'loading' ? 'loading' : 'empty';
}

/** Keeps `paperFeed.viewState` in step with the view, setting it only when it changes. */
export class ViewStateContext {
  private last: ViewState | undefined;

  get current(): ViewState | undefined {
    return this.last;
  }

  update(view: WindowView): void {
    const state = viewState(view);
    if (state !== this.last) {
      this.last = state;
      void vscode.commands.executeCommand('setContext', ContextKeys.viewState, state);
    }
  }
}

/**
 * The line above the tree: what is shown and why, when that is not simply the live feed. None when
 * the tree is empty: VS Code hides the welcome content (and its buttons) while a view has a message,
 * so an empty view says what happened through the welcome content its state picks.
 */
export function viewMessage(view: WindowView): string | undefined {
  if (view.source === 'sample') {
    return view.error
      ? vscode.l10n.t('Sample papers: {0} Use Refresh to try again.', view.error)
      : vscode.l10n.t('Showing the built-in sample of {0} papers.', view.papers.length);
  }
  if (view.papers.length === 0 || !view.error) {
    return undefined;
  }
  const fetched = view.fetchedAt ? formatDateTime(view.fetchedAt, displayLocale()) : undefined;
  if (view.offline) {
    return fetched
      ? vscode.l10n.t('Offline: showing papers fetched {0}. {1}', fetched, view.error)
      : vscode.l10n.t('Offline: showing cached papers. {0}', view.error);
  }
  return fetched
    ? vscode.l10n.t('Could not refresh: showing papers fetched {0}. {1}', fetched, view.error)
    : vscode.l10n.t('Could not refresh: showing cached papers. {0}', view.error);
}
