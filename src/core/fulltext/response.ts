/**
 * Reads Hugging Face's answer to `GET /papers/{id}.md`: a Jina-style header (`Title:`, `URL Source:`,
 * `Published Time:`, `Markdown Content:`) and the Markdown. Untrusted: an HTML page (Hugging Face's
 * 404), an empty or binary body is refused; the header is optional.
 */
import { cleanLine } from '../paper/cleanText';
import type { FullTextParse, FullTextSource } from './fullText';
import { FULLTEXT_MAX_BYTES } from './fullTextFiles';

/** Header lines are read among the first lines only; a longer header is body text. */
const HEADER_LINES = 24;
const HEADER_LINE_MAX = 4_000;
const HEADER = /^(Title|URL Source|Published Time|Markdown Content):[ \t]*(.*)$/;
/** A body without a header is the paper when it is this long and has this many headings. */
const LONG_BODY = 5_000;
const MIN_HEADINGS = 2;

export function parseFullTextResponse(raw: string, contentType?: string): FullTextParse {
  if (contentType !== undefined && /^\s*(text\/html|application\/xhtml)/i.test(contentType)) {
    return { ok: false, reason: `an HTML answer (${contentType.slice(0, 80)})` };
  }
  if (raw.length > FULLTEXT_MAX_BYTES) {
    return { ok: false, reason: `too long (${raw.length} characters)` };
  }
  if (raw.includes('\u0000')) {
    return { ok: false, reason: 'binary content (NUL bytes)' };
  }
  const text = (raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw).replace(/\r\n?/g, '\n');
  if (/^\s*<(!doctype\b|html\b|head\b|body\b)/i.test(text.slice(0, 1_000))) {
    return { ok: false, reason: 'an HTML page' };
  }
  if (text.trim().length === 0) {
    return { ok: false, reason: 'an empty answer' };
  }
  const { fields, bodyStart } = readHeader(text);
  const markdown = text.slice(bodyStart).replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  if (markdown.trim().length === 0) {
    return { ok: false, reason: 'no text after the header' };
  }
  const title = fields.get('Title') === undefined ? undefined : cleanLine(fields.get('Title'), 1_000);
  const sourceUrl = readUrl(fields.get('URL Source'));
  const published = fields.get('Published Time') === undefined ? undefined : cleanLine(fields.get('Published Time'), 100);
  const source: FullTextSource = {
    ...(title ? { title } : {}),
    ...(sourceUrl ? { sourceUrl } : {}),
    ...(published ? { published } : {}),
    markdown,
    isFullText: decideFullText(sourceUrl, markdown),
  };
  return { ok: true, source };
}

/** The header's fields and where the Markdown starts (0 when there is no header). */
function readHeader(text: string): { fields: Map<string, string>; bodyStart: number } {
  const fields = new Map<string, string>();
  let position = 0;
  let bodyStart = 0;
  for (let count = 0; count < HEADER_LINES && position < text.length; count++) {
    const end = text.indexOf('\n', position);
    const lineEnd = end === -1 ? text.length : end;
    const next = end === -1 ? text.length : end + 1;
    const line = text.slice(position, Math.min(lineEnd, position + HEADER_LINE_MAX));
    if (line.trim() === '') {
      position = next;
      continue;
    }
    const match = HEADER.exec(line);
    if (!match || fields.has(match[1] as string)) {
      break;
    }
    fields.set(match[1] as string, (match[2] as string).trim());
    position = next;
    bodyStart = next;
    if (match[1] === 'Markdown Content') {
      // Anything on the same line after the colon is the first line of the body.
      const rest = (match[2] as string).trim();
      return { fields, bodyStart: rest ? lineEnd - rest.length : next };
    }
  }
  return { fields, bodyStart };
}

function readUrl(value: string | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && url.href.length <= 2_048
      ? url.href
      : undefined;
  } catch {
    return undefined;
  }
}

/** arXiv's HTML (or PDF) is the paper; Hugging Face's own page holds only the abstract. */
function decideFullText(sourceUrl: string | undefined, markdown: string): boolean {
  if (sourceUrl) {
    const url = new URL(sourceUrl);
    const host = url.hostname.toLowerCase();
    if (host === 'arxiv.org' || host.endsWith('.arxiv.org')) {
      return /^\/(html|pdf)\//.test(url.pathname);
    }
    if (host === 'huggingface.co' || host === 'hf.co' || host.endsWith('.huggingface.co')) {
      return false;
    }
  }
  return markdown.length >= LONG_BODY && countHeadings(markdown) >= MIN_HEADINGS;
}

function countHeadings(markdown: string): number {
  const atx = markdown.match(/^ {0,3}#{1,6}[ \t]+\S/gm)?.length ?? 0;
  const setext = markdown.match(/^[^\n]*\S[^\n]*\n {0,3}(?:=+|-+)[ \t]*$/gm)?.length ?? 0;
  return atx + setext;
}
