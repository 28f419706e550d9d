import * as vscode from 'vscode';
import { formatDateTime, formatDay } from '../../core/time/displayDates';
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

/** The line above the tree: what is shown and why, when that is not simply the live feed. */
export function viewMessage(view: WindowView): string | undefined {
  const locale = displayLocale();
  if (view.source === 'sample') {
    return view.error
      ? vscode.l10n.t('Sample papers: {0} Use Refresh to try again.', view.error)
      : vscode.l10n.t('Showing the built-in sample of {0} papers.', view.papers.length);
  }
  if (view.error) {
    if (view.papers.length === 0) {
      return vscode.l10n.t('Could not load papers. {0}', view.error);
    }
    const fetched = view.fetchedAt ? formatDateTime(view.fetchedAt, locale) : undefined;
    if (view.offline) {
      return fetched
        ? vscode.l10n.t('Offline: showing papers fetched {0}. {1}', fetched, view.error)
        : vscode.l10n.t('Offline: showing cached papers. {0}', view.error);
    }
    return fetched
      ? vscode.l10n.t('Could not refresh: showing papers fetched {0}. {1}', fetched, view.error)
      : vscode.l10n.t('Could not refresh: showing cached papers. {0}', view.error);
  }
  if (view.papers.length === 0) {
    if (view.source === 'loading') {
      return vscode.l10n.t('Loading papers from Hugging Face…');
    }
    return view.latestDay
      ? vscode.l10n.t('No papers for {0}. The latest are from {1}.', view.label, formatDay(view.latestDay, locale))
      : vscode.l10n.t('No papers on Hugging Face for {0}.', view.label);
  }
  return undefined;
}
