/**
 * Makes untrusted Markdown inert for VS Code's Markdown preview (markdown-it with `html: true`,
 * linkify and the math extension): nothing renders as HTML, every link and image goes through the
 * link policy (images only from the document's own hosts, and only online), and the shape is
 * bounded (line length, nesting, headings, table columns) so the preview stays responsive.
 * Linear in the input: one pass over the lines here, one over the text in ./inertInline.ts.
 * Fenced code blocks are kept as they are (they render as text); see inertInline.ts for the rest.
 */
import { decideLink } from '../paper/linkPolicy';
import { inertInline } from './inertInline';
import { decodeDestination, destinationText } from './inertLinks';

export interface InertOptions {
  readonly imagesOnline: boolean;
  /** Hosts images may come from, e.g. `arxiv.org` and `huggingface.co`. */
  readonly imageHosts: readonly string[];
}

export interface InertResult {
  readonly markdown: string;
  readonly images: { readonly kept: number; readonly dropped: number };
}

export const MAX_LINE = 20_000;
export const MAX_DEPTH = 6;
export const MAX_HEADINGS = 1_000;
export const MAX_COLUMNS = 64;
const MAX_INDENT = MAX_DEPTH * 4;
const CUT_MARK = ' […]';

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const CONTROL_TEST = new RegExp(CONTROL.source);
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const CONTAINER = /^[ \t]*(?:>|[*+-](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;
const DEFINITION = /^((?:[ \t]*(?:>[ \t]?|[*+-][ \t]+|\d{1,9}[.)][ \t]+))*[ \t]*)\[((?:[^\]\\\n]|\\.){1,999})\]:[ \t]*(.*)$/;

export function makeInert(markdown: string, options: InertOptions): InertResult {
  const images = { kept: 0, dropped: 0 };
  const context = { imagesOnline: options.imagesOnline, imageHosts: new Set(options.imageHosts.map((host) => host.toLowerCase())), images };
  const lines = boundLines(markdown.replace(/\r\n?/g, '\n').split('\n'));
  const out: string[] = [];
  let segment: string[] = [];
  const flush = (): void => {
    if (segment.length > 0) {
      out.push(inertInline(segment.join('\n'), context));
      segment = [];
    }
  };
  let fence: { char: string; length: number; indent: number } | undefined;
  const headings = { count: 0 };
  const lists: number[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    const fenceMatch = FENCE.exec(line);
    if (fence && fence.indent > 0 && line.trim() !== '' && indentOf(line) < fence.indent) {
      // An indented fence may sit in a list item, which ends (and closes it) at a shallower line.
      fence = undefined;
    }
    if (fence) {
      out.push(line);
      if (fenceMatch && (fenceMatch[1] as string)[0] === fence.char && (fenceMatch[1] as string).length >= fence.length && (fenceMatch[2] as string).trim() === '') {
        fence = undefined;
      }
      continue;
    }
    if (fenceMatch && !((fenceMatch[1] as string)[0] === '`' && (fenceMatch[2] as string).includes('`'))) {
      flush();
      out.push(line);
      fence = { char: (fenceMatch[1] as string)[0] as string, length: (fenceMatch[1] as string).length, indent: indentOf(line) };
      continue;
    }
    segment.push(boundListDepth(blockLine(line, lines, index, headings), lists));
  }
  flush();
  return { markdown: out.join('\n'), images };
}

function indentOf(line: string): number {
  return /^ */.exec(line)?.[0].length ?? 0;
}

/** Control characters and bidi controls out (a line of nothing else dropped), long lines split. */
function boundLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = CONTROL_TEST.test(raw) ? raw.replace(CONTROL, '') : raw;
    if (line !== raw && line.trim() === '' && raw.trim() !== '') {
      continue;
    }
    if (line.length <= MAX_LINE) {
      out.push(line);
    } else {
      out.push(...splitLong(line));
    }
  }
  return out;
}

/** A line over MAX_LINE split at spaces; a stretch with no space is cut, marked with […]. */
export function splitLong(line: string): string[] {
  const parts: string[] = [];
  let start = 0;
  while (line.length - start > MAX_LINE) {
    const space = line.lastIndexOf(' ', start + MAX_LINE);
    if (space > start + MAX_LINE / 2) {
      parts.push(line.slice(start, space));
      start = space + 1;
      continue;
    }
    parts.push(line.slice(start, start + MAX_LINE - CUT_MARK.length) + CUT_MARK);
    const next = line.indexOf(' ', start + MAX_LINE);
    if (next === -1) {
      return parts;
    }
    start = next + 1;
  }
  parts.push(line.slice(start));
  return parts;
}

/** One line outside code fences: nesting, headings, table columns and reference definitions bounded. */
function blockLine(line: string, lines: string[], index: number, headings: { count: number }): string {
  let result = flattenNesting(line);
  if (ATX.test(result)) {
    if (++headings.count > MAX_HEADINGS) {
      result = result.replace(/#/, '\\#');
    }
  } else if (SETEXT.test(result) && index > 0 && (lines[index - 1] ?? '').trim() !== '' && !FENCE.test(lines[index - 1] ?? '')) {
    if (++headings.count > MAX_HEADINGS) {
      result = '';
    }
  }
  if (result.includes('[') && result.includes(']:')) {
    result = definition(result, lines, index);
  }
  return boundColumns(result);
}

/** Containers (`>`, list markers) past MAX_DEPTH dropped, leading indentation capped. */
export function flattenNesting(line: string): string {
  const first = line.charCodeAt(0);
  if (first !== 0x20 && first !== 0x09 && first !== 0x3e && !CONTAINER.test(line)) {
    return line;
  }
  let rest = line;
  let kept = '';
  let depth = 0;
  let indent = 0;
  for (;;) {
    const match = CONTAINER.exec(rest);
    if (!match) {
      break;
    }
    const marker = match[0].trimStart();
    const space = match[0].length - marker.length;
    if (depth < MAX_DEPTH) {
      const width = Math.min(space, Math.max(0, MAX_INDENT - indent));
      kept += ' '.repeat(width) + marker;
      indent += width + marker.length;
    }
    depth++;
    rest = rest.slice(match[0].length);
    if (depth > MAX_DEPTH * 64) {
      break;
    }
  }
  const leading = /^[ \t]*/.exec(rest)?.[0] ?? '';
  const columns = [...leading].reduce((sum, ch) => sum + (ch === '\t' ? 4 : 1), 0);
  const room = depth > 0 ? Math.max(1, Math.min(columns, 4)) : Math.min(columns, MAX_INDENT);
  const content = rest.slice(leading.length);
  if (depth === 0 && columns <= MAX_INDENT) {
    return line;
  }
  return kept + (leading.length > 0 || depth === 0 ? ' '.repeat(content ? room : 0) : '') + content;
}

/**
 * List items nested past MAX_DEPTH by indentation become siblings of the deepest allowed one.
 * `lists` holds the indentation of the open items, outermost first.
 */
function boundListDepth(line: string, lists: number[]): string {
  const item = /^( *)(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)/.exec(line);
  if (!item) {
    if (line.trim() !== '' && !/^\s/.test(line)) {
      lists.length = 0;
    }
    return line;
  }
  const indent = (item[1] as string).length;
  while (lists.length > 0 && (lists[lists.length - 1] as number) >= indent) {
    lists.pop();
  }
  if (lists.length >= MAX_DEPTH) {
    return ' '.repeat(lists[MAX_DEPTH - 1] as number) + line.slice(indent);
  }
  lists.push(indent);
  return line;
}

/** `|` past MAX_COLUMNS escaped, so a row cannot make thousands of cells. */
function boundColumns(line: string): string {
  let count = 0;
  for (let i = line.indexOf('|'); i !== -1; i = line.indexOf('|', i + 1)) {
    if (line[i - 1] !== '\\' && ++count > MAX_COLUMNS) {
      return line.slice(0, i) + line.slice(i).replace(/(?<!\\)\|/g, '\\|');
    }
  }
  return line;
}

/**
 * A reference definition `[x]: url` stays when the policy allows its URL (written back normalised);
 * otherwise it goes, with its destination if that sits on the next line.
 */
function definition(line: string, lines: string[], index: number): string {
  const match = DEFINITION.exec(line);
  if (!match) {
    return line;
  }
  const prefix = match[1] as string;
  const rest = (match[3] as string).trim();
  if (rest === '') {
    const next = lines[index + 1];
    if (next !== undefined && next.trim() !== '') {
      lines[index + 1] = '';
    }
    return prefix;
  }
  const raw = rest.startsWith('<') ? /^<([^<>\n]*)>/.exec(rest)?.[1] : /^\S+/.exec(rest)?.[0];
  const decision = raw === undefined ? undefined : decideLink(decodeDestination(raw));
  if (decision && decision.action !== 'reject') {
    return `${prefix}[${match[2] as string}]: ${destinationText(decision.url)}`;
  }
  return prefix;
}
