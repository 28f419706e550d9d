import * as vscode from 'vscode';
import { isValidDate } from '../../core/dates';
import { isWindowId, type WindowId } from '../../core/feed/windows';
import type { FeedService } from '../feedService';
import { UserError } from './register';

interface WindowItem extends vscode.QuickPickItem {
  readonly window?: WindowId;
  readonly ask?: 'date' | 'week' | 'month';
}

/**
 * `paperFeed.selectWindow [id]`: which papers the tree shows. Only a string is an id: menus may pass
 * other arguments (a view-title click passes the view's own context).
 */
export async function selectWindow(feed: FeedService, arg: unknown): Promise<void> {
  if (typeof arg === 'string') {
    if (!isWindowId(arg)) {
      throw new UserError(vscode.l10n.t('"{0}" is not a window: use today, days, week, month, trending, date:YYYY-MM-DD, week:YYYY-Www or month:YYYY-MM.', String(arg).slice(0, 100)));
    }
    await feed.setWindow(arg, true);
    return;
  }
  const current = feed.currentWindow;
  const items: WindowItem[] = [
    { label: '$(calendar) ' + vscode.l10n.t('Today'), description: vscode.l10n.t('the latest batch'), window: 'today' },
    { label: '$(history) ' + feed.labelOf('days'), description: vscode.l10n.t('one group a day (paperFeed.days)'), window: 'days' },
    { label: '$(calendar) ' + vscode.l10n.t('This week'), window: 'week' },
    { label: '$(calendar) ' + vscode.l10n.t('This month'), window: 'month' },
    { label: '$(flame) ' + vscode.l10n.t('Trending'), description: vscode.l10n.t('Hugging Face’s trending ranking'), window: 'trending' },
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(go-to-file) ' + vscode.l10n.t('A day…'), description: 'YYYY-MM-DD', ask: 'date' },
    { label: '$(go-to-file) ' + vscode.l10n.t('A week…'), description: 'YYYY-Www', ask: 'week' },
    { label: '$(go-to-file) ' + vscode.l10n.t('A month…'), description: 'YYYY-MM', ask: 'month' },
  ];
  for (const item of items) {
    if (item.window === current) {
      (item as { picked?: boolean }).picked = true;
      (item as { detail?: string }).detail = vscode.l10n.t('shown now');
    }
  }
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Show Papers From') });
  if (!picked) {
    return;
  }
  if (picked.window) {
    await feed.setWindow(picked.window, true);
    return;
  }
  const kind = picked.ask as 'date' | 'week' | 'month';
  const example = { date: '2026-08-21', week: '2026-W34', month: '2026-08' }[kind];
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Show Papers From'),
    prompt: vscode.l10n.t('Daily Papers started on 2023-05-04.'),
    placeHolder: example,
    validateInput: (text) => (isWindowId(`${kind}:${text.trim()}`) && (kind !== 'date' || isValidDate(text.trim()))
      ? undefined
      : vscode.l10n.t('Type a {0} like {1}.', kind, example)),
  });
  if (value) {
    await feed.setWindow(`${kind}:${value.trim()}` as WindowId, false);
  }
}

export async function stepPeriod(feed: FeedService, direction: -1 | 1): Promise<void> {
  if (!(await feed.step(direction))) {
    void vscode.window.showInformationMessage(direction > 0
      ? vscode.l10n.t('Paper Feed: this is the latest period.')
      : vscode.l10n.t('Paper Feed: "{0}" has no previous period; pick a day, week or month.', feed.resolved().label));
  }
}
