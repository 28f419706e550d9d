import * as vscode from 'vscode';
import type { Paper } from '../../core/paper/model';
import { rowDescription, rowLabel, topicIcon } from '../../core/view/present';
import { commandUri, paperTooltipMarkdown, type ReadingMarks, type TooltipWords } from '../../core/view/tooltip';
import type { PaperTopics } from '../../core/topics/classify';
import { Commands, InternalCommands, ROW_URI_SCHEME } from '../ids';

/** What a paper item's icon, description and menus depend on. */
export interface PaperItemState {
  readonly canClone: boolean;
  readonly cloned: boolean;
  readonly saved: boolean;
  readonly isNew: boolean;
  /** In the Saved view only: whether the user marked the paper read (else undefined). */
  readonly read?: boolean;
  /** In the Saved view only: the user's tags. */
  readonly tags?: readonly string[];
}

/** The paper's primary topic, shown as the row's icon. */
export interface RowTopic {
  readonly id: string;
  readonly label: string;
}

/**
 * A paper item's contextValue: `paper`, then a flag per state the menus depend on, each after a
 * colon: `paper:hasRepo:cloned:saved:new`, and in the Saved view `:read` or `:unread`. Menus match
 * a flag with `viewItem =~ /:saved\b/`.
 */
export function paperContextValue(state: PaperItemState): string {
  return ['paper', ...(state.canClone ? ['hasRepo'] : []), ...(state.cloned ? ['cloned'] : []),
    ...(state.saved ? ['saved'] : []), ...(state.isNew ? ['new'] : []),
    ...(state.read === undefined ? [] : [state.read ? 'read' : 'unread'])].join(':');
}

/** At most three tags, then how many more: the row stays short. */
function tagsText(tags: readonly string[] | undefined): string | undefined {
  if (!tags || tags.length === 0) {
    return undefined;
  }
  const shown = tags.slice(0, 3).map((tag) => `#${tag}`).join(' ');
  return tags.length > 3 ? `${shown} +${tags.length - 3}` : shown;
}

/** A saved paper's icon in the Saved view: a dot while unread, a check once read. */
function readIcon(read: boolean): vscode.ThemeIcon {
  return read ? new vscode.ThemeIcon('check') : new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor('notificationsInfoIcon.foreground'));
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
 * which VS Code keeps visible however narrow the sidebar. `reason` (For you's `like SAM 2`) comes
 * last, so a narrow sidebar cuts it first. The tooltip is added by `resolvePaperTooltip` when the
 * user hovers.
 */
export function paperItem(id: string, paper: Paper, state: PaperItemState, topic?: RowTopic, reason?: string): vscode.TreeItem {
  const item = new vscode.TreeItem(rowLabel(paper), vscode.TreeItemCollapsibleState.None);
  item.id = id;
  const description = rowDescription(paper);
  const tags = tagsText(state.tags);
  item.description = [tags, description, reason].filter(Boolean).join(' · ');
  item.resourceUri = rowUri(paper, state);
  // The Saved view's rows show read or unread where the Papers view shows the topic.
  item.iconPath = state.read !== undefined ? readIcon(state.read) : new vscode.ThemeIcon(topic ? topicIcon(topic.id) : paper.githubRepo ? 'repo' : 'file-text');
  item.contextValue = paperContextValue(state);
  const readFlag = state.read === undefined ? undefined : state.read ? vscode.l10n.t('read') : vscode.l10n.t('unread');
  const flags = [state.isNew ? vscode.l10n.t('new') : undefined, state.saved ? vscode.l10n.t('saved') : undefined, readFlag].filter(Boolean).join(', ');
  const upvotes = paper.upvotes !== undefined ? vscode.l10n.t('{0} upvotes', paper.upvotes) : undefined;
  item.accessibilityInformation = { label: [paper.title, upvotes, topic?.label, flags, tags, description, reason].filter(Boolean).join(', ') };
  item.command = { command: Commands.openPaper, title: vscode.l10n.t('Open Paper'), arguments: [paper.id] };
  return item;
}

/** The tooltip's own words, in the display language. */
const tooltipWords: TooltipWords = {
  comments: (count) => (count === 1 ? vscode.l10n.t('1 comment') : vscode.l10n.t('{0} comments', count)),
  publishedIn: (venue) => vscode.l10n.t('Published in {0}', venue),
  authorsComment: (comment) => vscode.l10n.t('Comments: {0}', comment),
};

/**
 * Authors, topic, the AI summary or the start of the abstract, keywords and links; paper text
 * escaped. The links run `paperFeed.openLink`, the only command this Markdown may run, so they open
 * through the link policy like the panel's: no link from a tooltip reaches the browser unchecked.
 */
export function paperTooltip(paper: Paper, topics: PaperTopics | undefined, topicLabel: (id: string) => string, marks?: ReadingMarks, reason?: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(paperTooltipMarkdown(paper, topics, topicLabel, (url) => commandUri(InternalCommands.openLink, [url, paper.id]), marks, tooltipWords, reason));
  markdown.isTrusted = { enabledCommands: [InternalCommands.openLink] };
  markdown.supportHtml = false;
  markdown.supportThemeIcons = false;
  return markdown;
}
