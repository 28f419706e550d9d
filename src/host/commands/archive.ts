import * as vscode from 'vscode';
import { ARCHIVE_ALL_MONTHS } from '../../core/feed/archivePlan';
import type { ArchiveService } from '../archive/archiveService';
import { readArchiveMonths, updateSetting } from '../config';
import { UserError } from './register';

/** What an item of Download Paper Archive does: stop this session's download, or keep that many months. */
export type ArchiveAction = 'stop' | number;

export interface ArchiveItem extends vscode.QuickPickItem {
  readonly action?: ArchiveAction;
}

/** The command's QuickPick, replaceable by the integration tests. */
export class ArchivePrompts {
  pick: (items: readonly ArchiveItem[]) => Thenable<ArchiveItem | undefined> = (items) =>
    vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Download Paper Archive'),
      placeHolder: vscode.l10n.t('How much of the Daily Papers archive to keep offline for search'),
    });
}

/** The choices, the current setting marked; Stop first while this window downloads. */
export function archiveItems(downloading: boolean, months: number): ArchiveItem[] {
  const current = vscode.l10n.t('current setting');
  const mark = (action: number, description?: string): string | undefined =>
    action === months ? [description, current].filter(Boolean).join(' · ') : description;
  const extents: ArchiveItem[] = [
    { label: '$(history) ' + vscode.l10n.t('Last 12 Months'), action: 12, description: mark(12) },
    { label: '$(history) ' + vscode.l10n.t('Last 2 Years'), action: 24, description: mark(24) },
    { label: '$(cloud-download) ' + vscode.l10n.t('Everything Since May 2023'), action: ARCHIVE_ALL_MONTHS, description: mark(ARCHIVE_ALL_MONTHS, vscode.l10n.t('about 30,000 papers')) },
    { label: '$(circle-slash) ' + vscode.l10n.t('Off'), action: 0, description: mark(0, vscode.l10n.t('no download in the background')) },
  ];
  if (![12, 24, ARCHIVE_ALL_MONTHS, 0].includes(months)) {
    extents.unshift({ label: '$(history) ' + vscode.l10n.t('Last {0} Months', months), action: months, description: current });
  }
  return downloading
    ? [
      { label: '$(debug-stop) ' + vscode.l10n.t('Stop Downloading'), action: 'stop', description: vscode.l10n.t('until VS Code starts again; the setting stays') },
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      ...extents,
    ]
    : extents;
}

/**
 * `paperFeed.downloadArchive [months | 'all' | 'stop']`: how far back the background download goes
 * (remembered in `paperFeed.archive.months`), or Stop for this session while it runs.
 */
export async function downloadArchive(archive: ArchiveService, prompts: ArchivePrompts, arg?: unknown): Promise<void> {
  let action = parseAction(arg);
  if (action === undefined) {
    action = (await prompts.pick(archiveItems(archive.isDownloading, readArchiveMonths())))?.action;
  }
  if (action === undefined) {
    return;
  }
  if (action === 'stop') {
    await archive.stop({ byUser: true });
    return;
  }
  await updateSetting('archive.months', action);
  // At once, not only when the settings change arrives (an unchanged value sends none).
  if (action > 0) {
    archive.resume();
  } else {
    await archive.stop({ byUser: false });
  }
}

function parseAction(arg: unknown): ArchiveAction | undefined {
  if (arg === undefined || (typeof arg !== 'string' && typeof arg !== 'number')) {
    return undefined; // a menu's own argument, or none: ask
  }
  if (arg === 'stop') {
    return 'stop';
  }
  if (arg === 'all') {
    return ARCHIVE_ALL_MONTHS;
  }
  const months = typeof arg === 'number' ? arg : Number(arg);
  if (!Number.isInteger(months) || months < 0 || months > ARCHIVE_ALL_MONTHS) {
    throw new UserError(vscode.l10n.t('"{0}" is not an archive extent: use a number of months (0 for none), all, or stop.', String(arg).slice(0, 40)));
  }
  return months;
}
