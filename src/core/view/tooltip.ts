/**
 * A paper's tooltip (tree items, the Saved view) as Markdown: every piece of paper text escaped, so
 * that nothing from the paper becomes a link, an icon or markup; the only links are Paper Feed's own.
 */
import { paperLinks } from '../paper/arxiv';
import { paperDate, type Paper } from '../paper/model';
import { abstractTeaser, authorLine, escapeMarkdown, formatCount } from './present';
import { categoriesOf, line, venueYear } from './published';
import type { PaperTopics } from '../topics/classify';

export interface TooltipLink {
  readonly label: string;
  readonly url: string;
}

/** Hugging Face, arXiv and the PDF from the validated id; the code repository when it is https. */
export function tooltipLinks(paper: Pick<Paper, 'id' | 'githubRepo'>): TooltipLink[] {
  const links = [
    { label: 'Hugging Face', url: paperLinks.huggingFace(paper.id) },
    { label: 'arXiv', url: paperLinks.arxivAbstract(paper.id) },
    { label: 'PDF', url: paperLinks.arxivPdf(paper.id) },
  ];
  // Any other scheme would only be refused when clicked: not offered at all.
  if (paper.githubRepo?.startsWith('https://')) {
    links.push({ label: 'Code', url: paper.githubRepo });
  }
  return links;
}

/** What the Saved view adds to a tooltip: the reading state (as the host words it), the note and the tags. */
export interface ReadingMarks {
  /** "Read" or "Unread", in the user's language. */
  readonly status: string;
  readonly note?: string;
  readonly tags?: readonly string[];
}

/** The words of a tooltip that are not the paper's, in the user's language (the host's l10n). */
export interface TooltipWords {
  /** `4 comments` (on Hugging Face). */
  readonly comments: (count: number) => string;
  /** `Published in NeurIPS 2024`, given `NeurIPS 2024`. */
  readonly publishedIn: (venue: string) => string;
  /** `Comments: 12 pages, accepted at ACL`, given the authors' comment on arXiv. */
  readonly authorsComment: (comment: string) => string;
}

const ENGLISH: TooltipWords = {
  comments: englishComments,
  publishedIn: (venue) => `Published in ${venue}`,
  authorsComment: (comment) => `Comments: ${comment}`,
};

/** The authors' comment is cut to this in a tooltip (the panel shows more). */
const TOOLTIP_COMMENT_LENGTH = 160;

/**
 * Title, authors, id, date and categories, the venue it was published at, the authors' comment on arXiv, topic, the AI summary or the start of the abstract, keywords, the
 * reading state, tags and note of a saved paper (`marks`), why For you ranks it (`reason`, the host's
 * words around a saved paper's title), then the links, each pointing at
 * `target(url)` (the host makes that a command that applies the link policy). `target` must return a URI without spaces or parentheses.
 */
export function paperTooltipMarkdown(
  paper: Paper, topics: PaperTopics | undefined, topicLabel: (id: string) => string, target: (url: string) => string,
  marks?: ReadingMarks, words: TooltipWords = ENGLISH, reason?: string,
): string {
  const details = [paper.id, paperDate(paper), categoriesOf(paper).join(', ')].filter(Boolean).join(' · ');
  const parts = [
    `**${escapeMarkdown(paper.title)}**`,
    escapeMarkdown(authorLine(paper, 6)),
    escapeMarkdown(details),
  ];
  const venue = paper.publication ? venueYear(paper.publication, true) : undefined;
  if (venue !== undefined) {
    parts.push(escapeMarkdown(words.publishedIn(venue)));
  }
  const comment = line(paper.arxiv?.comment, TOOLTIP_COMMENT_LENGTH);
  if (comment !== undefined) {
    parts.push(escapeMarkdown(words.authorsComment(comment)));
  }
  const standing = standingLine(paper, words.comments);
  if (standing) {
    parts.push(escapeMarkdown(standing));
  }
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
  if (marks) {
    // The user's own words, escaped like the paper's: a note is text, never markup or a link.
    parts.push('---', `*${escapeMarkdown([marks.status, ...(marks.tags ?? []).map((tag) => `#${tag}`)].join(' · '))}*`);
    if (marks.note) {
      parts.push(marks.note.split('\n').map(escapeMarkdown).join('  \n'));
    }
  }
  if (reason) {
    // A saved paper's title: paper text, escaped like the rest.
    parts.push('---', `*${escapeMarkdown(reason)}*`);
  }
  parts.push(tooltipLinks(paper).map((link) => `[${link.label}](${target(link.url)})`).join(' · '));
  return parts.join('\n\n');
}

/**
 * What a narrow row cannot show: `▲ 163 · ★ 1.2k · 4 comments · Meta AI` (upvotes and the repository's
 * stars in the rows' symbols, the comments in words (no font draws an emoji everywhere: the test
 * browser showed 💬 as a missing-glyph box), the organization).
 */
export function standingLine(paper: Paper, comments: (count: number) => string = englishComments): string {
  const organization = paper.organization?.fullname ?? paper.organization?.name;
  return [
    paper.upvotes !== undefined ? `▲ ${paper.upvotes}` : undefined,
    paper.githubRepo && paper.githubStars !== undefined ? `★ ${formatCount(paper.githubStars)}` : undefined,
    paper.numComments ? comments(paper.numComments) : undefined,
    organization,
  ].filter(Boolean).join(' · ');
}

function englishComments(count: number): string {
  return count === 1 ? '1 comment' : `${count} comments`;
}

/**
 * A `command:` URI that runs `command` with `args`, as VS Code's Markdown reads it: the arguments
 * JSON-encoded in the query, with parentheses encoded too so that the URI can stand in a link.
 */
export function commandUri(command: string, args: readonly unknown[]): string {
  const query = encodeURIComponent(JSON.stringify(args)).replace(/[()]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${command}?${query}`;
}
