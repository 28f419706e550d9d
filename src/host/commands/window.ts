import * as vscode from 'vscode';
import { isValidDate } from '../../core/time/dates';
import { isWindowId, type WindowId } from '../../core/feed/windows';
import type { FeedService } from '../feed/feedService';
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
      (item as { detail?: string }).detail = vscode.l10n.t('shown now');
    }
  }
  const chosen = await pickWindow(items);
  if (chosen) {
    await feed.setWindow(chosen.window, chosen.remember);
  }
}

const EXAMPLES = { date: '2026-08-21', week: '2026-W34', month: '2026-08' } as const;

/**
 * The list, then (for "A day…" and its kin) the box to type it in, as one quick input: the box is
 * shown over the list before the list goes, so VS Code never hides the widget in between. Hiding
 * it hands focus back to whatever had it (a paper panel, say), and a webview taking focus back
 * late closed the box as it opened: the user saw it flash and vanish.
 *
 * The same happens to any picker a command opens right after the command palette closed over a
 * focused paper panel, so Paper Feed's pickers and boxes ignore focus leaving them (`ignoreFocusOut`,
 * as VS Code's own Git: Clone box does); Escape still closes them.
 */
function pickWindow(items: readonly WindowItem[]): Promise<{ window: WindowId; remember: boolean } | undefined> {
  return new Promise((resolve) => {
    const title = vscode.l10n.t('Show Papers From');
    const pick = vscode.window.createQuickPick<WindowItem>();
    pick.title = title;
    pick.ignoreFocusOut = true;
    pick.items = items;
    const current = items.find((item) => item.detail !== undefined);
    if (current) {
      pick.activeItems = [current];
    }
    let settled = false;
    const settle = (value: { window: WindowId; remember: boolean } | undefined): void => {
      if (!settled) {
        settled = true;
        resolve(value);
      }
    };
    pick.onDidAccept(() => {
      const picked = pick.selectedItems[0];
      if (!picked) {
        return;
      }
      if (picked.window) {
        settle({ window: picked.window, remember: true });
        pick.dispose();
        return;
      }
      const kind = picked.ask as 'date' | 'week' | 'month';
      askPeriod(kind, title).then((window) => settle(window ? { window, remember: false } : undefined), () => settle(undefined));
      pick.dispose(); // after the box replaced it: see above
    });
    pick.onDidHide(() => {
      pick.dispose();
      // Hidden by the box replacing it is not a cancel: the box settles then.
      if (!pick.selectedItems[0]?.ask) {
        settle(undefined);
      }
    });
    pick.show();
  });
}

/** Asks for a day, ISO week or month; shows the box at once, resolves when it is accepted or closed. */
function askPeriod(kind: 'date' | 'week' | 'month', title: string): Promise<WindowId | undefined> {
  const example = EXAMPLES[kind];
  const box = vscode.window.createInputBox();
  box.title = title;
  box.ignoreFocusOut = true;
  box.prompt = vscode.l10n.t('Daily Papers started on 2023-05-04.');
  box.placeholder = example;
  const problem = (text: string): string | undefined => (isWindowId(`${kind}:${text.trim()}`) && (kind !== 'date' || isValidDate(text.trim()))
    ? undefined
    : vscode.l10n.t('Type a {0} like {1}.', kind, example));
  const done = new Promise<WindowId | undefined>((resolve) => {
    box.onDidChangeValue((text) => {
      box.validationMessage = text.trim() === '' ? undefined : problem(text);
    });
    box.onDidAccept(() => {
      const message = problem(box.value);
      if (message) {
        box.validationMessage = message;
        return;
      }
      resolve(`${kind}:${box.value.trim()}` as WindowId);
      box.hide();
    });
    box.onDidHide(() => {
      resolve(undefined);
      box.dispose();
    });
  });
  box.show();
  return done;
}

export async function stepPeriod(feed: FeedService, direction: -1 | 1): Promise<void> {
  if (!(await feed.step(direction))) {
    void vscode.window.showInformationMessage(direction > 0
      ? vscode.l10n.t('Paper Feed: this is the latest period.')
      : vscode.l10n.t('Paper Feed: "{0}" has no previous period; pick a day, week or month.', feed.resolved().label));
  }
}
