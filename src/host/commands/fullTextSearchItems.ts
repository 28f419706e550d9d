/**
 * Search Papers inside the saved papers' full texts (`in:fulltext`): the title-bar button that adds
 * or removes it, and the items the picker lists for the worker's full-text hits (the paper as usual,
 * the sentence that matched as its detail; Enter reads the full text).
 */
import * as vscode from 'vscode';
import type { PaperCard } from '../../core/search/card';
import type { FullTextHit } from '../../core/search/workerProtocol';
import { escapeIcons } from '../../core/view/present';
import { type PaperItemDeps, type PaperPickItem, paperItem } from './paperItems';

export interface FullTextItem extends PaperPickItem {
  /** A full-text hit: Enter reads its full text rather than opening the panel. */
  readonly fullText?: true;
  readonly help?: true;
}

let toggleButton: vscode.QuickInputButton | undefined;

/** The title bar's "Search Inside Saved Papers' Full Texts" (made on first use). */
export function fullTextToggle(): vscode.QuickInputButton {
  toggleButton ??= { iconPath: new vscode.ThemeIcon('book'), tooltip: vscode.l10n.t('Search Inside Saved Papers\' Full Texts') };
  return toggleButton;
}

/** The card of a hit whose paper the index lacks: its id stands for its title. */
function bareCard(id: string): PaperCard {
  return { id, title: id, authors: [], authorCount: 0, date: '', upvotes: 0, topic: '' };
}

/** One hit: the paper's item, its detail the number of matches and the sentence around the first. */
function fullTextItem(hit: FullTextHit, deps: PaperItemDeps): FullTextItem {
  const item = paperItem(hit.card ?? bareCard(hit.id), deps);
  const matches = hit.matches === 1 ? vscode.l10n.t('1 match') : vscode.l10n.t('{0} matches', hit.matches);
  // Plain text: the picker shows `$(name)` as an icon, so the snippet's are escaped.
  const snippet = hit.snippet.replace(/\s+/g, ' ').trim();
  return { ...item, detail: escapeIcons(hit.matches > 0 ? `${matches} · “${snippet}”` : snippet), fullText: true };
}

/**
 * What the picker lists for an `in:fulltext` query: the hits, or why there are none (no full text
 * kept yet, or none matches). `cached` is how many saved papers have their full text.
 */
export function fullTextItems(hits: readonly FullTextHit[], text: string, cached: number, deps: PaperItemDeps): FullTextItem[] {
  if (hits.length > 0) {
    return hits.map((hit) => fullTextItem(hit, deps));
  }
  const label = cached === 0
    ? vscode.l10n.t('No saved paper\'s full text is cached yet: Read Full Text on a saved paper keeps it.')
    : vscode.l10n.t('No saved paper\'s full text matches “{0}”.', escapeIcons(text));
  return [{ label: `$(book) ${label}`, alwaysShow: true, help: true }];
}
