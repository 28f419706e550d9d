import * as vscode from 'vscode';
import { cleanWatchQuery, MAX_QUERY_LENGTH, MAX_SETTING_ITEMS, MAX_WATCHES, parseWatches, type Watch, watchKey } from '../../core/search/watchedSearches';
import { escapeIcons, escapeMessageLinks } from '../../core/view/present';
import { updateWatches, watchesByTarget, type WatchesTarget } from '../config';
import { isWatchNode, type WatchesTree } from '../watches/watchesTree';
import type { WatchState } from '../watches/watchState';
import { UserError } from './register';

/** The questions Add Watch and Remove Watch ask (replaced by tests). */
export class WatchQuestions {
  query: (value: string) => Thenable<string | undefined> = (value) => vscode.window.showInputBox({
    title: vscode.l10n.t('Add Watch'),
    prompt: vscode.l10n.t('A Search Papers query to watch: words and filters (author: topic: org: after: before: has:code). New papers of the feed that match it are counted in the Watches view.'),
    placeHolder: vscode.l10n.t('e.g. diffusion has:code'),
    value,
    validateInput: (text) => (text.trim() === '' || cleanWatchQuery(text) !== undefined ? undefined
      : text.length > MAX_QUERY_LENGTH ? vscode.l10n.t('At most {0} characters.', MAX_QUERY_LENGTH) : vscode.l10n.t('Type a word or a filter to search for.')),
  });

  pick: (watches: readonly Watch[]) => Thenable<Watch | undefined> = async (watches) => (await vscode.window.showQuickPick(
    removePickItems(watches),
    { title: vscode.l10n.t('Remove Watch'), placeHolder: vscode.l10n.t('Which watch to remove') },
  ))?.watch;

  /** Said after a watch is added while the Watches view is hidden: where it went. */
  added: (message: string, show: string) => Thenable<string | undefined> = (message, show) => vscode.window.showInformationMessage(message, show);

  /** Said when Add Watch is given a query already watched. */
  already: (message: string) => Thenable<unknown> = (message) => vscode.window.showInformationMessage(message);
}

/**
 * Remove Watch's items: each watch's name (or query) with its query. Both come from the setting,
 * which a cloned repository may write, and a picker shows `$(name)` as an icon: escaped.
 */
export function removePickItems(watches: readonly Watch[]): (vscode.QuickPickItem & { readonly watch: Watch })[] {
  return watches.map((watch) => ({ label: escapeIcons(watch.name ?? watch.query), description: watch.name ? escapeIcons(watch.query) : undefined, watch }));
}

export interface WatchCommandDeps {
  readonly tree: WatchesTree;
  readonly state: WatchState;
  readonly questions: WatchQuestions;
  /** What Search Papers last searched for: Add Watch offers it. */
  readonly lastSearch: () => string | undefined;
}

/**
 * The settings file a watch list is written to: the user's, unless the workspace has its own list
 * (which replaces the user's: a watch added to the user's would not show).
 */
function listTarget(lists: Partial<Record<WatchesTarget, readonly unknown[]>>): WatchesTarget {
  return lists.workspace !== undefined ? 'workspace' : 'global';
}

/**
 * `paperFeed.addWatch [query]`: watches a search. Without a query it asks, offering the last one
 * searched for. A query already watched is refused, saying so; the new watch is shown in the view.
 * Returns the watch's key, or undefined when nothing was added.
 */
export async function addWatch(deps: WatchCommandDeps, arg: unknown): Promise<string | undefined> {
  const typed = typeof arg === 'string' ? arg : await deps.questions.query((deps.lastSearch() ?? '').slice(0, MAX_QUERY_LENGTH));
  if (typed === undefined || typed.trim() === '') {
    return undefined;
  }
  const query = cleanWatchQuery(typed);
  if (query === undefined) {
    throw new UserError(vscode.l10n.t('Paper Feed cannot watch “{0}”: a watch is a search of 1 to {1} characters with a word or a filter.', typed.slice(0, 60), MAX_QUERY_LENGTH));
  }
  const key = watchKey(query);
  const existing = deps.tree.current.find((watch) => watch.key === key);
  if (existing) {
    // The name may come from the setting, and a notification turns `[x](command:…)` into a link.
    void deps.questions.already(vscode.l10n.t('“{0}” is already watched.', escapeMessageLinks(existing.name ?? existing.query)));
    await deps.tree.reveal(key, false);
    return undefined;
  }
  if (deps.tree.current.length >= MAX_WATCHES) {
    throw new UserError(vscode.l10n.t('Paper Feed watches at most {0} searches: remove one first.', MAX_WATCHES));
  }
  const lists = watchesByTarget();
  const target = listTarget(lists);
  await updateWatches(target, [...(lists[target] ?? []), query]);
  await deps.state.start([key]);
  deps.tree.reload(); // the setting's change event may come later: show it now
  if (deps.tree.view.visible) {
    await deps.tree.reveal(key, false);
  } else {
    const show = vscode.l10n.t('Show');
    void deps.questions.added(vscode.l10n.t('Watching “{0}”: new papers that match it are counted in the Watches view.', escapeMessageLinks(query)), show).then(async (answer) => {
      if (answer === show) {
        await deps.tree.reveal(key, false);
      }
    });
  }
  return key;
}

/**
 * `paperFeed.removeWatch [watch node | query]`: stops watching a search, in the settings file whose
 * list the Watches view shows (the workspace's when it has one, which replaces the user's): never in
 * another, where it is another workspace's watch. Removing the last item of the workspace's list
 * removes the list, so the user's watches show again. Without an argument it asks which. Returns
 * whether one was removed.
 */
export async function removeWatch(deps: WatchCommandDeps, arg: unknown): Promise<boolean> {
  let key = isWatchNode(arg) ? arg.watch.key : typeof arg === 'string' ? watchKey(arg) : undefined;
  if (key === undefined) {
    if (deps.tree.current.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No search is watched.'));
      return false;
    }
    key = (await deps.questions.pick(deps.tree.current))?.key;
    if (key === undefined) {
      return false;
    }
  }
  const lists = watchesByTarget();
  const target = listTarget(lists);
  const items = lists[target] ?? [];
  // Item by item, as the setting is read: other items stay exactly as the user wrote them, invalid ones too;
  // items past those read are no watch and are not looked at.
  const kept = items.filter((item, index) => index >= MAX_SETTING_ITEMS || parseWatches([item])[0]?.key !== key);
  if (kept.length === items.length) {
    throw new UserError(vscode.l10n.t('No watch searches for “{0}”.', typeof arg === 'string' ? arg.slice(0, 60) : key));
  }
  await updateWatches(target, kept);
  // The user's list may watch it too, hidden by the workspace's: it keeps its look there.
  const hidden = Object.entries(lists).some(([other, list]) => other !== target && list.slice(0, MAX_SETTING_ITEMS).some((item) => parseWatches([item])[0]?.key === key));
  if (!hidden) {
    await deps.state.forget(key);
  }
  deps.tree.reload();
  return true;
}
