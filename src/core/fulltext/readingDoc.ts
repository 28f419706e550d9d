/**
 * The read-only document Read Full Text shows: the paper's heading (title, authors, arXiv id, where
 * the text came from), a contents list linking to the sections, then Hugging Face's Markdown with
 * arXiv's page furniture and the duplicate title taken out, headings below the title, formulas as
 * math (./math.ts), made inert (./inert.ts), and links into the same arXiv page pointed at the
 * sections here.
 */
import { escapeMarkdownText } from '../citation/embed';
import { decideLink } from '../paper/linkPolicy';
import type { FullTextSource, ReadingDocument, ReadingOptions, ReadingPaper, ReadingSection } from './fullText';
import { forEachLine, headingText, listSections, normaliseHeadings } from './headings';
import { makeInert } from './inert';
import { convertMath } from './math';

/** The document's own words, in the display language (the host passes them through `l10n.t`). */
export interface ReadingLabels {
  readonly contents: string;
  /** `{0}`: "arXiv's HTML" as a link when the source passed the link policy. */
  readonly fromArxivHtml: string;
  readonly arxivHtml: string;
  readonly abstractOnly: string;
  readonly etAl: string;
}

export const DEFAULT_LABELS: ReadingLabels = {
  contents: 'Contents',
  fromArxivHtml: "Full text from Hugging Face, converted from {0}.",
  arxivHtml: "arXiv's HTML",
  abstractOnly: 'arXiv has no HTML version of this paper: Hugging Face has only its abstract.',
  etAl: 'et al.',
};

const MAX_AUTHORS = 10;
const MAX_CONTENTS = 300;
/** Contents list levels: sections, subsections and subsubsections (`##` to `####`). */
const CONTENTS_DEPTH = 3;
/** arXiv's page furniture before the paper starts, in its first lines. */
const BOILERPLATE = /^\s*(?:\[?\s*back to arxiv\s*\]?(?:\([^)]*\))?|this is experimental html\b.*|why html\?.*|report issue.*|failed: .*|license: .*|html conversions sometimes display errors.*|authors: achieve the best html results.*|\[?\s*report github issue\s*\]?.*|arxiv:\d{4}\.\d{4,5}(?:v\d+)?\s*\[[^\]]*\].*)$/i;
const BOILERPLATE_LINES = 40;
const TITLE_LINES = 60;

export function readingDocument(source: FullTextSource, paper: ReadingPaper, options: ReadingOptions & { readonly labels?: ReadingLabels }): ReadingDocument {
  const labels = options.labels ?? DEFAULT_LABELS;
  const imageHosts = ['arxiv.org', 'huggingface.co'];
  const sourceHost = hostOf(source.sourceUrl);
  if (sourceHost && !imageHosts.includes(sourceHost)) {
    imageHosts.push(sourceHost);
  }
  let lines = dropBoilerplate(source.markdown.replace(/\r\n?/g, '\n').split('\n'));
  lines = dropTitle(lines, [paper.title, source.title ?? '']);
  lines = dropSourceContents(lines, paper.id);
  lines = collapseBlankLines(normaliseHeadings(lines, 2));
  const math = convertMath(lines.join('\n'));
  const inert = makeInert(math.markdown, { imagesOnline: options.imagesOnline, imageHosts });
  const head = header(source, paper, labels);
  const contentsHeading = `## ${escapeText(labels.contents)}`;
  // Anchors as the preview makes them: the title's and "Contents"' slugs come first.
  const withoutList = [...head, contentsHeading, ''].join('\n');
  const bodyWithSections = `${withoutList}\n${inert.markdown}`;
  const provisional = listSections(bodyWithSections);
  const bodySections = provisional.filter((section) => section.line > head.length);
  const body = pointAtSections(inert.markdown, paper.id, bodySections);
  const list = contentsList(bodySections);
  const parts = list.length > 0 ? [...head, contentsHeading, '', ...list, '', body] : [...head, body];
  const markdown = `${parts.join('\n').trimEnd()}\n`;
  const sections: ReadingSection[] = listSections(markdown);
  return { markdown, sections, formulas: math.formulas, images: inert.images };
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

function header(source: FullTextSource, paper: ReadingPaper, labels: ReadingLabels): string[] {
  const names = paper.authors.slice(0, MAX_AUTHORS).map((author) => escapeText(author.name));
  const authors = names.join(', ') + (paper.authors.length > MAX_AUTHORS ? `, ${escapeText(labels.etAl)}` : '');
  const idLink = decideLink(`https://arxiv.org/abs/${paper.id}`);
  const id = idLink.action === 'reject' ? escapeText(`arXiv:${paper.id}`) : `[${escapeText(`arXiv:${paper.id}`)}](${idLink.url})`;
  let note: string;
  if (source.isFullText) {
    const link = source.sourceUrl ? decideLink(source.sourceUrl) : undefined;
    const where = link && link.action === 'open' ? `[${escapeText(labels.arxivHtml)}](${link.url.replace(/[()\s]/g, encodeURIComponent)})` : escapeText(labels.arxivHtml);
    const [before, after] = splitOnce(labels.fromArxivHtml, '{0}');
    note = `${escapeText(before, false)}${where}${escapeText(after, false)}`;
  } else {
    note = escapeText(labels.abstractOnly);
  }
  return [`# ${escapeText(paper.title)}`, '', [authors, id].filter(Boolean).join(' · '), '', `*${note}*`, ''];
}

function splitOnce(text: string, marker: string): [string, string] {
  const at = text.indexOf(marker);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + marker.length)];
}

/** Plain text as Markdown that shows it as it is: every character that could be markup escaped. */
export function escapeText(text: string, trim = true): string {
  const line = text
    // eslint-disable-next-line no-control-regex -- control characters and bidi controls out
    .replace(/[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ');
  // Markdown's own escapes (shared with the citations written into Markdown), and `-`, `.`, `:` too:
  // here a line may start a list, and `arXiv:…` must not become a link.
  return escapeMarkdownText(trim ? line.trim() : line).replace(/[-.:]/g, '\\$&');
}

/** arXiv's page furniture among the first lines, before any heading. */
function dropBoilerplate(lines: string[]): string[] {
  const out: string[] = [];
  let inHead = true;
  lines.forEach((line, index) => {
    if (inHead && (index >= BOILERPLATE_LINES || /^ {0,3}#/.test(line))) {
      inHead = false;
    }
    if (!(inHead && BOILERPLATE.test(line))) {
      out.push(line);
    }
  });
  return out;
}

/**
 * arXiv's own contents list (list items that are only a link into the same page): the document
 * has its own, so a run of three or more such lines goes.
 */
function dropSourceContents(lines: string[], id: string): string[] {
  const item = new RegExp(`^\\s*(?:\\d{1,3}[.)]|[*+-])\\s+\\[[^\\]]*\\]\\(https://arxiv\\.org/html/${id.replace(/\./g, '\\.')}(?:v\\d{1,3})?/?#[A-Za-z0-9.]+(?: "[^"]*")?\\)\\s*$`);
  const keep = lines.map(() => true);
  let runStart = -1;
  let items = 0;
  const close = (end: number): void => {
    if (items >= 3) {
      for (let index = runStart; index < end; index++) {
        keep[index] = false;
      }
    }
    runStart = -1;
    items = 0;
  };
  lines.forEach((line, index) => {
    if (item.test(line)) {
      if (runStart === -1) {
        runStart = index;
      }
      items++;
    } else if (line.trim() !== '' && runStart !== -1) {
      close(index);
    }
  });
  if (runStart !== -1) {
    close(lines.length);
  }
  return lines.filter((_line, index) => keep[index]);
}

/** Runs of blank lines (left by what was taken out) as one, outside code fences; none at the start. */
function collapseBlankLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  forEachLine(lines, (line, _index, inFence) => {
    const blank = !inFence && line.trim() === '';
    if (!(blank && (out.length === 0 || (out[out.length - 1] as string).trim() === ''))) {
      out.push(blank ? '' : line);
    }
  });
  return out;
}

function comparable(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The paper's title at the top of the body (a setext `===` or an ATX heading): the document has its own. */
function dropTitle(lines: string[], titles: readonly string[]): string[] {
  const wanted = new Set(titles.map(comparable).filter((title) => title.length > 0));
  for (let index = 0; index < Math.min(lines.length, TITLE_LINES); index++) {
    const line = lines[index] as string;
    const atx = /^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/.exec(line);
    if (atx) {
      return wanted.has(comparable(headingText(atx[1] as string))) ? [...lines.slice(0, index), ...lines.slice(index + 1)] : lines;
    }
    const next = lines[index + 1];
    if (next !== undefined && /^ {0,3}=+[ \t]*$/.test(next) && line.trim() !== '') {
      return wanted.has(comparable(headingText(line))) ? [...lines.slice(0, index), ...lines.slice(index + 2)] : lines;
    }
  }
  return lines;
}

/** arXiv's anchor (`S2.SS1`, `A1.SS2`) as a section number (`2.1`, `A.2`). */
function sectionNumber(fragment: string): string | undefined {
  const match = /^(S|A)(\d{1,3})((?:\.S{2,3}\d{1,3}){0,3})$/.exec(fragment);
  if (!match) {
    return undefined;
  }
  const first = match[1] === 'S' ? match[2] as string : String.fromCharCode(64 + Number(match[2]));
  const rest = (match[3] as string).split('.').filter(Boolean).map((part) => part.replace(/^S+/, ''));
  return [first, ...rest].join('.');
}

/** Links into the same arXiv page (`…/html/<id>v4#S2.SS1`) pointed at the section here with that number. */
function pointAtSections(markdown: string, id: string, sections: readonly ReadingSection[]): string {
  const byNumber = new Map<string, string>();
  for (const section of sections) {
    const number = /^(?:Appendix\s+)?([A-Z]|\d{1,3})((?:\.\d{1,3}){0,3})\.?(?:\s|$)/.exec(section.title);
    if (number && !byNumber.has(`${number[1] as string}${number[2] as string}`)) {
      byNumber.set(`${number[1] as string}${number[2] as string}`, section.anchor);
    }
  }
  if (byNumber.size === 0) {
    return markdown;
  }
  const escapedId = id.replace(/\./g, '\\.');
  const link = new RegExp(`\\]\\(https://arxiv\\.org/html/${escapedId}(?:v\\d{1,3})?/?#([A-Za-z0-9.]{1,40})(?=[ )])`, 'g');
  const lines = markdown.split('\n');
  forEachLine(lines, (line, index, inFence) => {
    if (!inFence && line.includes('arxiv.org/html/')) {
      lines[index] = line.replace(link, (whole, fragment: string) => {
        const number = sectionNumber(fragment);
        const anchor = number ? byNumber.get(number) : undefined;
        return anchor ? `](${anchor}` : whole;
      });
    }
  });
  return lines.join('\n');
}

function contentsList(sections: readonly ReadingSection[]): string[] {
  const shown = sections.filter((section) => section.level >= 2 && section.level < 2 + CONTENTS_DEPTH && section.title !== '').slice(0, MAX_CONTENTS);
  let depth = -1;
  return shown.map((section) => {
    // A level skipped (`##` then `####`) nests one step, as a list can.
    depth = Math.min(section.level - 2, depth + 1);
    return `${'  '.repeat(depth)}- [${escapeText(section.title)}](${section.anchor})`;
  });
}
