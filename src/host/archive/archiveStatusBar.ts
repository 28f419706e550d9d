import * as vscode from 'vscode';
import type { ArchiveStatus } from '../../core/feed/archiveBackfill';
import { formatMonth, formatTime } from '../../core/time/displayDates';
import { failureText } from '../feed/failureText';
import { displayLocale } from '../locale';
import { Disposable } from '../disposable';
import { Commands, StatusBarItems } from '../ids';

/**
 * The archive backfill's progress in the status bar, only while this window downloads ("Paper
 * archive: 4,200 papers, back to March 2025"); a click offers Stop and the extents. A finished
 * backfill just goes away, with no notification.
 */
export class ArchiveStatusBar extends Disposable {
  /** Made when there is first something to show, not at activation. */
  private item: vscode.StatusBarItem | undefined;
  private visible = false;

  /** The text while the item shows, else undefined. */
  get text(): string | undefined {
    return this.visible ? this.item?.text : undefined;
  }

  show(status: ArchiveStatus): void {
    const shown = describe(status);
    if (!shown) {
      this.item?.hide();
      this.visible = false;
      return;
    }
    const item = this.item ?? this.create();
    item.text = shown.text;
    item.tooltip = shown.tooltip;
    item.show();
    this.visible = true;
  }

  private create(): vscode.StatusBarItem {
    const item = this._register(vscode.window.createStatusBarItem(StatusBarItems.archive, vscode.StatusBarAlignment.Left, -100));
    item.name = vscode.l10n.t('Paper Archive');
    item.command = { command: Commands.downloadArchive, title: vscode.l10n.t('Stop or change the archive download') };
    this.item = item;
    return item;
  }
}

/** Text and tooltip for a status; undefined when nothing shows (idle, or another window downloads). */
export function describe(status: ArchiveStatus): { readonly text: string; readonly tooltip: string } | undefined {
  if (status.kind === 'idle' || status.kind === 'waitingForLock') {
    return undefined;
  }
  const count = new Intl.NumberFormat(displayLocale()).format(status.papers);
  const progress = status.backTo
    ? vscode.l10n.t('Paper archive: {0} papers, back to {1}', count, formatMonth(status.backTo, displayLocale()))
    : vscode.l10n.t('Paper archive: downloading {0}', formatMonth(status.month, displayLocale()));
  const click = vscode.l10n.t('Click to stop it, or to change how far back it goes.');
  if (status.kind === 'fetching') {
    return {
      text: `$(cloud-download) ${progress}`,
      tooltip: `${vscode.l10n.t('Downloading the Daily Papers archive into the offline cache, newest month first, one request at a time, so that search finds it: {0}, {1} months to go.', formatMonth(status.month, displayLocale()), status.monthsLeft)}\n${click}`,
    };
  }
  const until = formatTime(new Date(Date.now() + status.ms), displayLocale());
  const why = {
    rateLimited: vscode.l10n.t('Paper archive: paused, Hugging Face asked to wait'),
    offline: vscode.l10n.t('Paper archive: paused, offline'),
    failed: vscode.l10n.t('Paper archive: paused after an error'),
  }[status.reason];
  return {
    text: `$(debug-pause) ${why}`,
    tooltip: `${progress}.\n${failureText({ reason: status.failure, detail: status.message })}\n${vscode.l10n.t('Trying {0} again at {1}.', formatMonth(status.month, displayLocale()), until)}\n${click}`,
  };
}
