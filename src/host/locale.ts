import * as vscode from 'vscode';
import type { DateWords } from '../core/time/displayDates';

/**
 * The display language dates and times are written in (`en`, `de`, `zh-cn`…): VS Code's, which
 * core's formatters (core/time/format.ts) take as a parameter since core has no VS Code.
 */
export function displayLocale(): string {
  return vscode.env.language;
}

/** The words around dates in labels, in the display language, for core's formatters. */
export function dateWords(): DateWords {
  return {
    today: vscode.l10n.t('Today'),
    yesterday: vscode.l10n.t('Yesterday'),
    thisWeek: vscode.l10n.t('This week'),
    thisMonth: vscode.l10n.t('This month'),
    trending: vscode.l10n.t('Trending'),
    undated: vscode.l10n.t('Undated'),
    lastDays: (days) => vscode.l10n.t('Last {0} days', days),
    weekOf: (range) => vscode.l10n.t('Week of {0}', range),
    week: (number, range) => vscode.l10n.t('Week {0} · {1}', number, range),
  };
}
