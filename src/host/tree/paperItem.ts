import * as vscode from 'vscode';
import type { Paper } from '../../core/paper/model';
import { rowDescription, rowLabel, topicIcon } from '../../core/view/present';
import { commandUri, paperTooltipMarkdown } from '../../core/view/tooltip';
import type { PaperTopics } from '../../core/topics/classify';
import { Commands, InternalCommands, ROW_URI_SCHEME } from '../ids';

/** What a paper item's icon, description and menus depend on. */
export interface PaperItemState {
  readonly canClone: boolean;
  readonly cloned: boolean;
  readonly saved: boolean;
  readonly isNew: boolean;
}

/** The paper's primary topic, shown as the row's icon. */
export interface RowTopic {
  readonly id: string;
  readonly label: string;
}

/**
 * A paper item's contextValue: `paper`, then a flag per state the menus depend on, each after a
 * colon: `paper:hasRepo:cloned:saved:new`. Menus match a flag with `viewItem =~ /:saved\b/`.
 */
export function paperContextValue(state: PaperItemState): string {
  return ['paper', ...(state.canClone ? ['hasRepo'] : []), ...(state.cloned ? ['cloned'] : []),
    ...(state.saved ? ['saved'] : []), ...(state.isNew ? ['new'] : [])].join(':');
}

/**
 * The row's URI for `PaperDecorations`: the paper id and the marks it shows, so that a change of
 * state is a new URI (and VS Code asks for its decoration again).
 */
export function rowUri(paper: Paper, state: PaperItemState): vscode.Uri {
  const marks = [state.isNew ? 'new' : undefined, state.saved ? 'saved' : undefined].filter(Boolean).join(',');
  return vscode.Uri.from({ scheme: ROW_URI_SCHEME, path: `/${paper.id}`, query: marks });
}

/**
 * A paper as a tree item: `▲163 Title`, the topic as its icon, ★ and the first author after it
 * where there is room, and the "new" and "saved" marks as a decoration badge at the row's end,
 * which VS Code keeps visible however narrow the sidebar. The tooltip is added by
 * `resolvePaperTooltip` when the user hovers.
 */
export function paperItem(id: string, paper: Paper, state: PaperItemState, topic?: RowTopic): vscode.TreeItem {
  const item = new vscode.TreeItem(rowLabel(paper), vscode.TreeItemCollapsibleState.None);
  item.id = id;
  const description = rowDescription(paper);
  item.description = description;
  item.resourceUri = rowUri(paper, state);
  item.iconPath = new vscode.ThemeIcon(topic ? topicIcon(topic.id) : paper.githubRepo ? 'repo' : 'file-text');
  item.contextValue = paperContextValue(state);
  const flags = [state.isNew ? vscode.l10n.t('new') : undefined, state.saved ? vscode.l10n.t('saved') : undefined].filter(Boolean).join(', ');
  const upvotes = paper.upvotes !== undefined ? vscode.l10n.t('{0} upvotes', paper.upvotes) : undefined;
  item.accessibilityInformation = { label: [paper.title, upvotes, topic?.label, flags, description].filter(Boolean).join(', ') };
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
