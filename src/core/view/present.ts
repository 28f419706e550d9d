/** How a paper reads in lists: short, plain text (callers escape it for their medium). */
import type { Paper } from '../paper/model';
import { truncate } from '../paper/cleanText';

/** `▲ 163 · ★ 52 · Chengsong Huang et al.`; upvotes only when known, stars only with a repository. */
export function describePaper(paper: Paper, withUpvotes = true): string {
  const parts: string[] = [];
  if (withUpvotes && paper.upvotes !== undefined) {
    parts.push(`▲ ${paper.upvotes}`);
  }
  if (paper.githubRepo && paper.githubStars !== undefined) {
    parts.push(`★ ${formatCount(paper.githubStars)}`);
  }
  const first = paper.authors[0];
  if (first) {
    parts.push(paper.authors.length > 1 ? `${first.name} et al.` : first.name);
  }
  return parts.join(' · ');
}

/**
 * A paper's row in a tree: `▲163 Title`. The upvotes lead, so that they survive when a narrow
 * sidebar cuts the row (VS Code cuts a row's end, and its description goes first); a paper
 * without known upvotes is just its title.
 */
export function rowLabel(paper: Paper): string {
  return paper.upvotes === undefined ? paper.title : `▲${paper.upvotes} ${paper.title}`;
}

/** What follows the row's title where there is room: `★ 52 · Chengsong Huang et al.` (the upvotes are in the label). */
export function rowDescription(paper: Paper): string {
  return describePaper(paper, false);
}

/**
 * The codicon of each built-in topic, the row's icon in the trees: a day's ranked list shows each
 * paper's topic without grouping by it. Topics of the user's own (`paperFeed.topics`) get a tag.
 */
const TOPIC_ICONS: Readonly<Record<string, string>> = {
  llm: 'comment-discussion', agents: 'hubot', multimodal: 'layers', vision: 'eye', generation: 'paintcan',
  '3d': 'package', audio: 'unmute', robotics: 'robot', rl: 'game', efficiency: 'dashboard', safety: 'shield',
  interpretability: 'microscope', data: 'database', code: 'code', science: 'beaker', other: 'file-text',
};

export function topicIcon(topic: string): string {
  return Object.hasOwn(TOPIC_ICONS, topic) ? TOPIC_ICONS[topic] as string : 'tag';
}

/** 950, 1.2k, 12k: counts as they read in a narrow column. */
export function formatCount(value: number): string {
  if (value < 1_000) {
    return String(value);
  }
  const thousands = value / 1_000;
  return `${thousands < 10 ? (Math.floor(thousands * 10) / 10).toString() : Math.floor(thousands).toString()}k`;
}

/** Authors for display, with the rest counted: `A, B, C and 23 more`. */
export function authorLine(paper: Paper, shown = 10): string {
  const names = paper.authors.map((author) => author.name);
  if (names.length <= shown) {
    return names.join(', ');
  }
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}

/** The first sentences of the abstract, for tooltips. */
export function abstractTeaser(paper: Paper, maxLength = 400): string {
  const text = paper.aiSummary ?? paper.abstract.replace(/\n\n/g, ' ');
  return truncate(text, maxLength);
}

/**
 * Escapes untrusted text for Markdown (tooltips, hovers) so that it shows as typed: no links, no
 * emphasis, no HTML. Unlike MarkdownString.appendText it keeps plain spaces, so long text still wraps.
 *
 * VS Code's Markdown renderer (marked, with GitHub's autolinks) turns bare `https://…`, `www.…` and
 * e-mail addresses into links, even when their dots are escaped. `:` and `@` are written as HTML
 * character references instead: the linkifier reads the Markdown source, where `https&#58;//` is no
 * URL, while the reader sees (and copies) exactly the paper's text, with nothing invisible added.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/:/g, '&#58;')
    .replace(/@/g, '&#64;')
    .replace(/\n/g, ' ');
}

/** `$(name)` and `$(name~modifier)` as VS Code's label renderer reads them (its ThemeIcon expressions). */
const THEME_ICON = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;

/**
 * Makes `$(name)` theme-icon syntax in untrusted text show as typed in the VS Code surfaces that
 * render it as an icon: QuickPick item labels, descriptions and details, and status-bar text
 * (messages, window progress). They honour VS Code's own escape, a backslash before each `$(…)`;
 * an escape already in the text gets one more, so `\$(x)` shows as `\$(x)` too.
 *
 * Only there: tree items, tab titles, QuickPick titles and placeholders, notifications (messages,
 * buttons, progress) and dialogs show `$(…)` as text (measured in Code 1.139; test/e2e/hostile.test.ts
 * keeps checking), so their text is left as it is, or the backslash would show.
 */
export function escapeIcons(text: string): string {
  return text.replace(THEME_ICON, '\\$&');
}

/**
 * Makes `[label](target)` in untrusted text show as typed in a VS Code notification, which turns it
 * into a link (https:, file: and command: targets alike) and offers no escape: a word joiner (U+2060,
 * invisible, no line break) between `]` and `(` leaves the words as they read and breaks the link.
 */
export function escapeMessageLinks(text: string): string {
  return text.replace(/\]\(/g, ']\u2060(');
}

/** A title short enough for a tab or a notification: at most 60 characters, with an ellipsis. */
export function shortTitle(title: string, maxLength = 60): string {
  return title.length > maxLength ? `${title.slice(0, maxLength - 1)}…` : title;
}
