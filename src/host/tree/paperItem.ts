import * as vscode from 'vscode';
import type { Paper } from '../../core/paper/model';
import { describePaper } from '../../core/view/present';
import { commandUri, paperTooltipMarkdown } from '../../core/view/tooltip';
import type { PaperTopics } from '../../core/topics/classify';
import { Commands, InternalCommands } from '../ids';

/** What a paper item's icon, description and menus depend on. */
export interface PaperItemState {
  readonly canClone: boolean;
  readonly cloned: boolean;
  readonly saved: boolean;
  readonly isNew: boolean;
}

/**
 * A paper item's contextValue: `paper`, then a flag per state the menus depend on, each after a
 * colon: `paper:hasRepo:cloned:saved:new`. Menus match a flag with `viewItem =~ /:saved\b/`.
 */
export function paperContextValue(state: PaperItemState): string {
  return ['paper', ...(state.canClone ? ['hasRepo'] : []), ...(state.cloned ? ['cloned'] : []),
    ...(state.saved ? ['saved'] : []), ...(state.isNew ? ['new'] : [])].join(':');
}

function icon(paper: Paper, state: PaperItemState): vscode.ThemeIcon {
  if (state.isNew) {
    return new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor('notificationsInfoIcon.foreground'));
  }
  if (state.saved) {
    return new vscode.ThemeIcon('bookmark');
  }
  if (state.cloned) {
    return new vscode.ThemeIcon('repo-clone');
  }
  return new vscode.ThemeIcon(paper.githubRepo ? 'repo' : 'file-text');
}

/** A paper as a tree item; the tooltip is added by `resolvePaperTooltip` when the user hovers. */
export function paperItem(id: string, paper: Paper, state: PaperItemState): vscode.TreeItem {
  const item = new vscode.TreeItem(paper.title, vscode.TreeItemCollapsibleState.None);
  item.id = id;
  const description = describePaper(paper);
  item.description = state.isNew ? `${vscode.l10n.t('new')} · ${description}` : description;
  item.iconPath = icon(paper, state);
  item.contextValue = paperContextValue(state);
  const flags = [state.isNew ? vscode.l10n.t('new') : undefined, state.saved ? vscode.l10n.t('saved') : undefined].filter(Boolean).join(', ');
  item.accessibilityInformation = { label: [paper.title, flags, description].filter(Boolean).join(', ') };
  item.command = { command: Commands.openPaper, title: vscode.l10n.t('Open Paper'), arguments: [paper.id] };
  return item;
}

/**
 * Authors, topic, the AI summary or the start of the abstract, keywords and links; paper text
 * escaped. The links run `paperFeed.openLink`, the only command this Markdown may run, so they open
 * through the link policy like the panel's: no link from a tooltip reaches the browser unchecked.
 */
export function paperTooltip(paper: Paper, topics: PaperTopics | undefined, topicLabel: (id: string) => string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(paperTooltipMarkdown(paper, topics, topicLabel, (url) => commandUri(InternalCommands.openLink, [url, paper.id])));
  markdown.isTrusted = { enabledCommands: [InternalCommands.openLink] };
  markdown.supportHtml = false;
  markdown.supportThemeIcons = false;
  return markdown;
}
