/**
 * Headings of a full text: setext headings rewritten as ATX (one form to demote and list), levels
 * shifted below the document's title, and the sections of the final Markdown with the anchors VS
 * Code's preview gives them (github-slugger's rules: lower case, punctuation out except `-` and `_`,
 * each space a `-`, a repeated slug suffixed `-1`, `-2`…).
 */
import type { ReadingSection } from './fullText';

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
/** A line that can be a setext heading's text: not a list item, quote, heading, table row or fence. */
const NOT_PLAIN = /^ {0,3}(?:[>#|`~<]|[*+-](?:\s|$)|\d{1,9}[.)](?:\s|$))|^\s*$|^ {4}/;

/** Calls `each` with every line outside code fences and whether it is inside one. */
export function forEachLine(lines: readonly string[], each: (line: string, index: number, inFence: boolean) => void): void {
  let fence: { char: string; length: number } | undefined;
  lines.forEach((line, index) => {
    const match = FENCE.exec(line);
    if (fence) {
      each(line, index, true);
      if (match && (match[1] as string)[0] === fence.char && (match[1] as string).length >= fence.length && (match[2] as string).trim() === '') {
        fence = undefined;
      }
      return;
    }
    if (match && !((match[1] as string)[0] === '`' && (match[2] as string).includes('`'))) {
      fence = { char: (match[1] as string)[0] as string, length: (match[1] as string).length };
      each(line, index, true);
      return;
    }
    each(line, index, false);
  });
}

/**
 * Setext headings become ATX, and every heading moves down so the shallowest is `minLevel`
 * (`######` at most). A one-line paragraph underlined is a heading; a longer paragraph is left alone.
 */
export function normaliseHeadings(lines: readonly string[], minLevel: number): string[] {
  const atx: { index: number; level: number; text: string }[] = [];
  const out = [...lines];
  forEachLine(lines, (line, index, inFence) => {
    if (inFence) {
      return;
    }
    const setext = SETEXT.exec(line);
    const previous = lines[index - 1];
    if (setext && previous !== undefined && !NOT_PLAIN.test(previous) && (lines[index - 2] ?? '').trim() === '') {
      atx.push({ index: index - 1, level: (setext[1] as string)[0] === '=' ? 1 : 2, text: previous.trim() });
      out[index] = '\u0000';
      return;
    }
    const match = ATX.exec(line);
    if (match) {
      atx.push({ index, level: (match[1] as string).length, text: (match[2] ?? '').trim() });
    }
  });
  const shallowest = Math.min(...atx.map((heading) => heading.level));
  const shift = atx.length === 0 ? 0 : minLevel - shallowest;
  for (const heading of atx) {
    const level = Math.min(6, Math.max(minLevel, heading.level + shift));
    out[heading.index] = `${'#'.repeat(level)} ${heading.text}`;
  }
  return out.filter((line) => line !== '\u0000');
}

/** The sections of the final Markdown (ATX headings outside fences), with their anchors and lines. */
export function listSections(markdown: string): ReadingSection[] {
  const sections: ReadingSection[] = [];
  const slugs = new Slugger();
  forEachLine(markdown.split('\n'), (line, index, inFence) => {
    const match = inFence ? null : ATX.exec(line);
    if (match) {
      const title = headingText(match[2] ?? '');
      sections.push({ level: (match[1] as string).length, title, anchor: `#${slugs.slug(title)}`, line: index });
    }
  });
  return sections;
}

/** A heading's text as the preview shows it: links as their text, escapes and emphasis marks gone, math left out. */
export function headingText(markdown: string): string {
  return markdown
    .replace(/(?<!\\)\$[^$]*(?<!\\)\$/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/(\*{1,3}|_{1,3})(\S[^*_]*?)\1/g, '$2')
    .replace(/`+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** github-slugger's slugs, unique within one document. */
export class Slugger {
  private readonly seen = new Map<string, number>();

  slug(text: string): string {
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    let slug = base;
    let count = this.seen.get(base) ?? 0;
    while (this.seen.has(slug)) {
      slug = `${base}-${++count}`;
    }
    this.seen.set(base, count);
    this.seen.set(slug, 0);
    return slug;
  }
}
