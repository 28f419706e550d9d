/**
 * Link and image destinations in untrusted Markdown, as markdown-it reads them (an inline
 * destination may start on the next line, sit in `<…>`, hold balanced parentheses and escapes, and
 * carry a title), decoded the way markdown-it decodes them (backslash escapes and character
 * references) before the link policy sees them: `&#99;ommand:` is a `command:` link.
 */

export interface ParsedDestination {
  /** The destination, unescaped and decoded. */
  readonly url: string;
  readonly title?: string;
  /** Index just after the closing `)`. */
  readonly end: number;
}

const MAX_DESTINATION = 4_096;
const MAX_TITLE = 2_000;
const MAX_PARENS = 32;

/** Reads `(destination "title")` starting at `open`, the index of `(`; undefined when it is not one. */
export function parseInlineDestination(text: string, open: number): ParsedDestination | undefined {
  let i = skipSpace(text, open + 1);
  if (i === undefined) {
    return undefined;
  }
  let raw: string;
  if (text[i] === '<') {
    const close = findAngleEnd(text, i + 1);
    if (close === undefined) {
      return undefined;
    }
    raw = text.slice(i + 1, close);
    i = close + 1;
  } else {
    const start = i;
    let depth = 0;
    for (; i < text.length && i - start <= MAX_DESTINATION; i++) {
      const code = text.charCodeAt(i);
      if (code <= 0x20 || code === 0x7f) {
        break;
      }
      if (code === 0x5c && i + 1 < text.length && isAsciiPunctuation(text.charCodeAt(i + 1))) {
        i++;
      } else if (code === 0x28) {
        if (++depth > MAX_PARENS) {
          return undefined;
        }
      } else if (code === 0x29) {
        if (depth === 0) {
          break;
        }
        depth--;
      }
    }
    if (depth !== 0 || i - start > MAX_DESTINATION) {
      return undefined;
    }
    raw = text.slice(start, i);
  }
  const afterDestination = i;
  let title: string | undefined;
  const beforeTitle = skipSpace(text, i);
  if (beforeTitle !== undefined && beforeTitle > afterDestination) {
    const quote = text[beforeTitle];
    const closer = quote === '"' ? '"' : quote === "'" ? "'" : quote === '(' ? ')' : undefined;
    if (closer) {
      const close = findTitleEnd(text, beforeTitle + 1, closer);
      if (close === undefined) {
        return undefined;
      }
      title = text.slice(beforeTitle + 1, close);
      i = close + 1;
    }
  }
  const end = skipSpace(text, i);
  if (end === undefined || text[end] !== ')') {
    return undefined;
  }
  return { url: decodeDestination(raw), ...(title !== undefined ? { title } : {}), end: end + 1 };
}

/** Skips spaces and tabs and at most one line ending; undefined at a blank line. */
function skipSpace(text: string, from: number): number | undefined {
  let i = from;
  let newlines = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\n') {
      if (++newlines > 1) {
        return undefined;
      }
    } else if (ch !== ' ' && ch !== '\t') {
      break;
    }
    i++;
  }
  return i;
}

function findAngleEnd(text: string, from: number): number | undefined {
  for (let i = from; i < text.length && i - from <= MAX_DESTINATION; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '<') {
      return undefined;
    }
    if (ch === '\\') {
      i++;
    } else if (ch === '>') {
      return i;
    }
  }
  return undefined;
}

function findTitleEnd(text: string, from: number, closer: string): number | undefined {
  for (let i = from; i < text.length && i - from <= MAX_TITLE; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
    } else if (ch === closer) {
      return i;
    } else if (ch === '\n' && /^[ \t]*\n/.test(text.slice(i + 1, i + 200))) {
      return undefined;
    }
  }
  return undefined;
}

export function isAsciiPunctuation(code: number): boolean {
  return (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', sol: '/', lpar: '(', rpar: ')', period: '.', num: '#', excl: '!', percnt: '%' };

/**
 * Backslash escapes and character references decoded. An unknown named reference is kept as
 * `&name;`, which cannot form a scheme, so the policy still sees what the browser would follow.
 */
export function decodeDestination(raw: string): string {
  const unescaped = raw.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  return unescaped.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (match, entity: string) => {
    if (entity.startsWith('#')) {
      const code = /^#[xX]/.test(entity) ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED[entity.toLowerCase()] ?? match;
  });
}

/** A policy-approved URL as a Markdown destination: nothing in it can end it or start markup. */
export function destinationText(url: string): string {
  return url.replace(/[()<>\\`\s"']/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A link title as plain text in double quotes, or nothing. */
export function titleText(title: string | undefined): string {
  if (!title) {
    return '';
  }
  const clean = decodeDestination(title).replace(/[\s]+/g, ' ').replace(/["\\<>`[\]]/g, '').trim().slice(0, 300);
  return clean ? ` "${clean}"` : '';
}
