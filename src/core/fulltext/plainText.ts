/**
 * A full text as plain text, for searching inside it and for the snippets Search Papers shows: the
 * body of Hugging Face's answer (./fullTextFiles.ts) without its header, its Markdown markup, its link
 * targets and image URLs, and the LaTeX commands that follow each formula's Unicode rendering.
 * Paragraphs stay apart (a blank line), so that a snippet does not run from one into the next.
 * Untrusted text: bounded to FULLTEXT_MAX_BYTES characters, every pattern linear (no nested or
 * unbounded repetition that could backtrack), line by line.
 */
import { FULLTEXT_MAX_BYTES } from './fullTextFiles';

/** The header lines Hugging Face puts before the Markdown (`Title:`, `URL Source:`, `Published Time:`). */
const HEADER_LINE = /^(?:Title|URL Source|Published Time|Warning|Number of Pages):/;
const CONTENT_MARK = 'Markdown Content:';
/** How far into the answer the header may run. */
const HEADER_SCAN = 8_192;

/** `![alt](url "title")`: the alt text (without Hugging Face's `Image 3:` lead). */
const IMAGE = /!\[(?:Image \d{1,4}:\s?)?([^[\]\n]{0,1000})\]\([^()\s]{0,4000}(?:\s{1,8}"[^"\n]{0,1000}")?\)/g;
/** `[text](url "title")`: the text. */
const LINK = /\[([^[\]\n]{0,1000})\]\([^()\s]{0,4000}(?:\s{1,8}"[^"\n]{0,1000}")?\)/g;
/** A bare `<https://…>` autolink or an HTML tag. */
const TAG = /<\/?[A-Za-z][^<>\n]{0,500}>/g;
/** ATX heading marks, blockquote marks, list bullets and numbers at the start of a line. */
const LINE_LEAD = /^[ \t]{0,3}(?:#{1,6}(?=[ \t]|$)|(?:>[ \t]?){1,10}|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))/;
/** Closing `#`s of an ATX heading. */
const HEADING_TAIL = /[ \t]+#+[ \t]*$/;
/** A setext underline, a thematic break, or a table's alignment row: nothing but these marks. */
const RULE_LINE = /^[-=*_|: \t]*$/;
/** LaTeX commands (`\mathcal`, `\in`) and escapes (`\{`, `\,`). */
const LATEX = /\\(?:[A-Za-z]{1,40}|[^A-Za-z\n])/g;
/** Emphasis and code marks, math delimiters, braces: gone. */
const MARKS = /\*{1,3}|~~|`{1,3}|[{}$]/g;
/** Heading anchors left as `#` (arXiv's `[#](…#S1)` links) and other lone `#`s. */
const LONE_HASH = /(?<!\S)#{1,6}(?!\S)/g;
/** Underscores that mark emphasis (or subscripts): not inside a word. */
const UNDERSCORES = /(?<![\p{L}\p{N}])_{1,3}|_{1,3}(?![\p{L}\p{N}])/gu;

/** The Markdown body of Hugging Face's answer: after `Markdown Content:` when the header is there. */
export function fullTextBody(raw: string): string {
  const text = raw.length > FULLTEXT_MAX_BYTES ? raw.slice(0, FULLTEXT_MAX_BYTES) : raw;
  if (!HEADER_LINE.test(text)) {
    return text;
  }
  const mark = text.indexOf(CONTENT_MARK);
  if (mark >= 0 && mark < HEADER_SCAN) {
    return text.slice(mark + CONTENT_MARK.length);
  }
  // A header with no content mark: drop its lines.
  const lines = text.split('\n');
  let first = 0;
  while (first < lines.length && HEADER_LINE.test(lines[first] as string)) {
    first++;
  }
  return lines.slice(first).join('\n');
}

/** One line of Markdown as plain text. */
function plainLine(line: string): string {
  if (RULE_LINE.test(line)) {
    return '';
  }
  return line
    .replace(LINE_LEAD, '')
    .replace(HEADING_TAIL, '')
    .replace(IMAGE, '$1')
    // A heading's anchor link (`[#](…#S1)`, `[¶](…)`) says nothing.
    .replace(LINK, (_match, text: string) => (/^[\s#¶§]*$/.test(text) ? ' ' : text))
    .replace(TAG, ' ')
    .replace(LATEX, ' ')
    .replace(MARKS, '')
    .replace(UNDERSCORES, '')
    .replace(/\|/g, ' ')
    .replace(LONE_HASH, ' ')
    .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
    .trim();
}

/**
 * The answer's body as plain text: header dropped, links as their text, images as their alt text,
 * no heading, emphasis, code or table marks, LaTeX commands dropped; lines of a paragraph kept as
 * lines, paragraphs separated by one blank line.
 */
export function fullTextPlain(raw: string): string {
  const out: string[] = [];
  let blank = true;
  for (const line of fullTextBody(raw).split('\n')) {
    const plain = plainLine(line);
    if (plain === '') {
      if (!blank) {
        out.push('');
        blank = true;
      }
      continue;
    }
    out.push(plain);
    blank = false;
  }
  if (blank && out.length > 0) {
    out.pop();
  }
  return out.join('\n');
}
