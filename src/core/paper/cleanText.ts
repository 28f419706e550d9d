/** Text cleaning for untrusted strings from feeds. */

// C0 and C1 control characters except tab and line feed, plus bidi overrides and zero-width
// joiners' dangerous cousins (U+202A-U+202E, U+2066-U+2069) that can disguise text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Removes control characters, collapses all whitespace to single spaces, trims, caps the length. */
export function cleanLine(value: unknown, maxLength = 2_000): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  if (value.length > 0 && isCleanLine(value)) {
    return truncate(value, maxLength);
  }
  const text = collapseWhitespace(stripControl(value)).trim();
  return text.length === 0 ? undefined : truncate(text, maxLength);
}

/**
 * Cleans an abstract while keeping its paragraphs. arXiv abstracts are hard-wrapped with a lone
 * newline, and a new paragraph starts with a blank line or an indented line (`\n  `).
 * Returns paragraphs joined by `\n\n`.
 */
export function cleanParagraphs(value: unknown, maxLength = 20_000): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  if (value.length > 0 && isCleanParagraphs(value)) {
    return truncate(value, maxLength);
  }
  const text = stripControl(value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value);
  const paragraphs = text
    .split(/\n(?:[ \t]*\n|[ \t]+)/)
    .map((paragraph) => collapseWhitespace(paragraph).trim())
    .filter((paragraph) => paragraph.length > 0);
  return paragraphs.length === 0 ? undefined : truncate(paragraphs.join('\n\n'), maxLength);
}

// Text Paper Feed wrote itself (the cache) is already clean: these checks cost one scan and no
// allocation, against ~50 µs a paper for cleaning it again.
// eslint-disable-next-line no-control-regex -- as CONTROL
const UNCLEAN_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[^\S ]| {2}|^ | $/;
// eslint-disable-next-line no-control-regex -- as CONTROL
const UNCLEAN_PARAGRAPHS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[^\S \n]| {2}| \n|\n |^\s|\s$|(?<!\n)\n(?!\n)|\n{3}/;

/** Whether `cleanLine` would return the text unchanged. */
export function isCleanLine(text: string): boolean {
  return !UNCLEAN_LINE.test(text);
}

/** Whether `cleanParagraphs` would return the text unchanged. */
export function isCleanParagraphs(text: string): boolean {
  return !UNCLEAN_PARAGRAPHS.test(text);
}

// Most feed text is already clean: test before replacing.
const CONTROL_TEST = new RegExp(CONTROL.source);
/** Whitespace runs other than a lone space: matching every single space would cost 1.5× more. */
const WHITESPACE_RUN = / *[^\S ]\s*| {2,}\s*/g;

function stripControl(text: string): string {
  return CONTROL_TEST.test(text) ? text.replace(CONTROL, '') : text;
}

function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ');
}

export function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) {
    return text;
  }
  return `${text.slice(0, Math.max(0, maxLength - 1)).trimEnd()}…`;
}
