import * as vscode from 'vscode';
import { paperLinks } from '../../core/arxiv';
import { paperDate, type Paper } from '../../core/model';
import { abstractTeaser, authorLine, describePaper, escapeMarkdown } from '../../core/present';
import type { PaperTopics } from '../../core/topics/classify';
import { Commands } from '../commands/ids';

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

/** Authors, topic, the AI summary or the start of the abstract, keywords and links; paper text escaped. */
export function paperTooltip(paper: Paper, topics: PaperTopics | undefined, topicLabel: (id: string) => string): vscode.MarkdownString {
  const details = [paper.id, paperDate(paper), paper.primaryCategory].filter(Boolean).join(' · ');
  const parts = [
    `**${escapeMarkdown(paper.title)}**`,
    escapeMarkdown(authorLine(paper, 6)),
    escapeMarkdown(details),
  ];
  if (topics) {
    const tags = topics.tags.map(topicLabel);
    parts.push(escapeMarkdown(`${topicLabel(topics.primary)}${tags.length > 0 ? ` (also ${tags.join(', ')})` : ''}`));
  }
  if (paper.abstract || paper.aiSummary) {
    parts.push('---', escapeMarkdown(abstractTeaser(paper)));
  }
  if (paper.aiKeywords && paper.aiKeywords.length > 0) {
    parts.push(escapeMarkdown(paper.aiKeywords.slice(0, 8).join(' · ')));
  }
  // Links are built from the validated id (and an https repository): no paper text goes into a URL.
  const linkParts = [
    `[Hugging Face](${paperLinks.huggingFace(paper.id)})`, `[arXiv](${paperLinks.arxivAbstract(paper.id)})`, `[PDF](${paperLinks.arxivPdf(paper.id)})`,
  ];
  if (paper.githubRepo?.startsWith('https://') && !/[()\s]/.test(paper.githubRepo)) {
    linkParts.push(`[Code](${paper.githubRepo})`);
  }
  parts.push(linkParts.join(' · '));
  const markdown = new vscode.MarkdownString(parts.join('\n\n'));
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  return markdown;
}
