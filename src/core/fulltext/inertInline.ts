/**
 * The inline half of ./inert.ts: one left-to-right pass over a run of lines outside code fences,
 * in the order markdown-it reads them, that leaves nothing which could render as HTML or as a link
 * the policy refuses. Every `<` is removed (tags, comments) or escaped; every `](` is either a link
 * the policy allows or escaped; every `![` that is not an allowed image is escaped or written as
 * text; bare `http:`/`mailto:` URLs and `name.tld` words are escaped so the preview's linkify cannot
 * link them; `$` is math only where the span is safe as plain text too (math may be turned off).
 * Code spans on one line stay as they are; a backtick run with no partner on its line is escaped.
 */
import { decideLink } from '../paper/linkPolicy';
import { decodeDestination, destinationText, isAsciiPunctuation, parseInlineDestination, titleText } from './inertLinks';

export interface InlineContext {
  readonly imagesOnline: boolean;
  /** Hosts images may come from (lower case). */
  readonly imageHosts: ReadonlySet<string>;
  readonly images: { kept: number; dropped: number };
}

const SPECIAL = /[\\`$<[\]!:./]/g;
const MAX_TAG = 1_000;
const MAX_MATH = 20_000;
const MAX_OPENERS = 4_096;
/** Elements whose content is code or metadata, never prose: removed with the tags. */
const RAW_CONTENT = new Set(['script', 'style', 'iframe', 'textarea', 'title', 'noscript', 'xmp', 'template', 'object', 'svg', 'math']);
// eslint-disable-next-line no-control-regex -- an autolink holds no control character, as CommonMark says
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\u0000-\u001f]*)>/y;
const OPEN_TAG = /<([A-Za-z][A-Za-z0-9-]{0,63})(?:\s+[A-Za-z_:][\w.:-]{0,200}(?:\s*=\s*(?:[^\s"'=<>`]{1,1000}|'[^']{0,1000}'|"[^"]{0,1000}"))?){0,64}\s*\/?>/y;
const CLOSE_TAG = /<\/([A-Za-z][A-Za-z0-9-]{0,63})\s*>/y;
const LINKIFY_SCHEME = /((?:https?|ftp|mailto):)$/i;
/** What a bare URL is kept with: nothing that could start or end Markdown markup. */
const BARE_URL = /[A-Za-z0-9\-.~%/?#=&+,;:@]*/y;
/** Text that is not safe as plain Markdown if the preview does not render it as math. */
const UNSAFE_MATH = /\\(?:href|url|includegraphics|html[A-Za-z]*)\b|\]\(|\]:|!\[|:\/|`|\n[ \t]*\n|[A-Za-z0-9-]\.[A-Za-z]{2}|[|]|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z-]+\s*=|\s*\/?>)/;

interface Opener {
  readonly piece: number;
  readonly image: boolean;
}

export function inertInline(text: string, context: InlineContext): string {
  const out: string[] = [];
  const openers: Opener[] = [];
  const noCloser = new Map<string, number>();
  let copied = 0;
  SPECIAL.lastIndex = 0;
  for (let match = SPECIAL.exec(text); match; match = SPECIAL.exec(text)) {
    const i = match.index;
    if (i < copied) {
      SPECIAL.lastIndex = copied;
      continue;
    }
    out.push(text.slice(copied, i));
    const next = step(text, i, out, openers, noCloser, context);
    copied = next;
    SPECIAL.lastIndex = next;
  }
  out.push(text.slice(copied));
  return out.join('');
}

/** Handles the special character at `i`: writes what replaces it and returns where to go on. */
function step(text: string, i: number, out: string[], openers: Opener[], noCloser: Map<string, number>, context: InlineContext): number {
  const ch = text[i];
  switch (ch) {
    case '\\':
      if (i + 1 < text.length && isAsciiPunctuation(text.charCodeAt(i + 1))) {
        out.push(text.slice(i, i + 2));
        return i + 2;
      }
      out.push('\\');
      return i + 1;
    case '`':
      return codeSpan(text, i, out, noCloser);
    case '$':
      return math(text, i, out, noCloser);
    case '<':
      return angle(text, i, out, noCloser);
    case '[':
      pushOpener(openers, { piece: out.length, image: false });
      out.push('[');
      return i + 1;
    case '!':
      if (text[i + 1] === '[') {
        pushOpener(openers, { piece: out.length, image: true });
        out.push('![');
        return i + 2;
      }
      out.push('!');
      return i + 1;
    case ']':
      return closeBracket(text, i, out, openers, context);
    case ':':
      return colon(text, i, out);
    case '/':
      // `//host` is a link to linkify.
      out.push(text[i + 1] === '/' && text[i - 1] !== ':' ? '\\/' : '/');
      return i + 1;
    default:
      // '.': a `name.tld` word would become an http link (linkify's fuzzy links).
      out.push(/[A-Za-z0-9-]/.test(text[i - 1] ?? '') && /^[A-Za-z]{2}/.test(text.slice(i + 1, i + 3)) ? '\\.' : '.');
      return i + 1;
  }
}

function pushOpener(openers: Opener[], opener: Opener): void {
  if (openers.length >= MAX_OPENERS) {
    openers.shift();
  }
  openers.push(opener);
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

function runLength(text: string, from: number, ch: string): number {
  let n = 0;
  while (text[from + n] === ch) {
    n++;
  }
  return n;
}

/** A code span closed on the same line stays as it is; otherwise each backtick is escaped. */
function codeSpan(text: string, i: number, out: string[], noCloser: Map<string, number>): number {
  const n = runLength(text, i, '`');
  const end = lineEnd(text, i);
  const key = `\`${n}`;
  if ((noCloser.get(key) ?? -1) < i) {
    let j = i + n;
    while (j < end) {
      const k = text.indexOf('`', j);
      if (k === -1 || k >= end) {
        break;
      }
      const m = runLength(text, k, '`');
      if (m === n) {
        const span = text.slice(i, k + m);
        // A table row splits at `|` before code spans are read: such a span is not one there.
        if (!span.includes('|')) {
          out.push(span);
          return k + m;
        }
        break;
      }
      j = k + m;
    }
    if (j >= end) {
      noCloser.set(key, end);
    }
  }
  out.push('\\`'.repeat(n));
  return i + n;
}

/** `$…$` and `$$…$$` stay math only when their text is inert as Markdown too; other `$` are escaped. */
function math(text: string, i: number, out: string[], noCloser: Map<string, number>): number {
  const display = text[i + 1] === '$';
  const delimiter = display ? '$$' : '$';
  const from = i + delimiter.length;
  const limit = display ? Math.min(text.length, from + MAX_MATH) : lineEnd(text, i);
  const key = delimiter;
  let close = -1;
  if ((noCloser.get(key) ?? -1) < i) {
    close = findDelimiter(text, from, limit, delimiter);
    if (close === -1 && limit === text.length) {
      noCloser.set(key, text.length);
    }
  }
  if (close > from) {
    const body = text.slice(from, close);
    const ok = !UNSAFE_MATH.test(body) && (display || (!/^\s/.test(body) && !/\s$/.test(body)));
    if (ok) {
      out.push(delimiter, body.replace(/</g, '\\lt ').replace(/>/g, '\\gt '), delimiter);
      return close + delimiter.length;
    }
  }
  out.push(display ? '\\$\\$' : '\\$');
  return from;
}

function findDelimiter(text: string, from: number, limit: number, delimiter: string): number {
  let j = from;
  while (j < limit) {
    const k = text.indexOf(delimiter, j);
    if (k === -1 || k >= limit) {
      return -1;
    }
    if (text[k - 1] !== '\\' && (delimiter === '$$' || text[k + 1] !== '$')) {
      return k;
    }
    j = k + delimiter.length;
  }
  return -1;
}

/** Comments and tags are removed (with script-like content); allowed autolinks kept; other `<` escaped. */
function angle(text: string, i: number, out: string[], noCloser: Map<string, number>): number {
  if (text.startsWith('<!--', i)) {
    const end = (noCloser.get('-->') ?? -1) < i ? text.indexOf('-->', i + 4) : -1;
    if (end !== -1) {
      return end + 3;
    }
    noCloser.set('-->', text.length);
    out.push('\\<');
    return i + 1;
  }
  AUTOLINK.lastIndex = i;
  const autolink = AUTOLINK.exec(text);
  if (autolink) {
    const decision = decideLink(autolink[1]);
    out.push(decision.action === 'reject' ? '\\[link removed\\]' : `<${destinationText(decision.url)}>`);
    return AUTOLINK.lastIndex;
  }
  CLOSE_TAG.lastIndex = i;
  const close = CLOSE_TAG.exec(text);
  if (close) {
    return CLOSE_TAG.lastIndex;
  }
  OPEN_TAG.lastIndex = i;
  const open = text.length - i > 1 && /[A-Za-z]/.test(text[i + 1] as string) ? execBounded(OPEN_TAG, text, i) : undefined;
  if (open) {
    const name = (open[1] as string).toLowerCase();
    const after = i + open[0].length;
    if (RAW_CONTENT.has(name) && !open[0].endsWith('/>')) {
      const key = `</${name}`;
      const closer = (noCloser.get(key) ?? -1) < i ? new RegExp(`</${name}\\s*>`, 'gi') : undefined;
      if (closer) {
        closer.lastIndex = after;
        const found = closer.exec(text);
        if (found) {
          return closer.lastIndex;
        }
        noCloser.set(key, text.length);
      }
    }
    return after;
  }
  out.push('\\<');
  return i + 1;
}

/** The open-tag pattern on at most MAX_TAG characters, so a stray `<` costs little. */
function execBounded(pattern: RegExp, text: string, i: number): RegExpExecArray | null {
  const window = text.slice(i, i + MAX_TAG);
  pattern.lastIndex = 0;
  return pattern.exec(window);
}

function closeBracket(text: string, i: number, out: string[], openers: Opener[], context: InlineContext): number {
  const opener = openers.pop();
  if (text[i + 1] === ':') {
    const refused = refusedDefinition(text, i + 2);
    if (refused !== undefined) {
      // A reference definition whose label spans lines (the line pass sees only one-line ones).
      out.push('\\]:');
      return refused;
    }
  }
  if (text[i + 1] !== '(') {
    if (opener?.image) {
      out[opener.piece] = '\\![';
    }
    out.push(']');
    return i + 1;
  }
  const destination = parseInlineDestination(text, i + 1);
  if (!destination) {
    if (opener?.image) {
      out[opener.piece] = '\\![';
    }
    out.push(']\\(');
    return i + 2;
  }
  if (opener?.image) {
    const href = allowedImage(destination.url, context);
    if (href) {
      context.images.kept++;
      out.push(`](${destinationText(href)}${titleText(destination.title)})`);
    } else {
      context.images.dropped++;
      out[opener.piece] = '*\\[Figure: ';
      out.push('\\]*');
    }
    return destination.end;
  }
  const local = /^#[\w.%-]{1,200}$/.test(destination.url);
  const decision = local ? undefined : decideLink(destination.url);
  if (local || (decision && decision.action !== 'reject')) {
    const href = decision && decision.action !== 'reject' ? decision.url : destination.url;
    out.push(`](${destinationText(href)}${titleText(destination.title)})`);
    return destination.end;
  }
  // Refused: the link becomes its text.
  if (opener) {
    out[opener.piece] = '';
  } else {
    out.push('\\]');
  }
  return destination.end;
}

/** After `]:`: the end of a destination the policy refuses, or undefined (none, or allowed). */
function refusedDefinition(text: string, from: number): number | undefined {
  const found = /^[ \t]*\n?[ \t]*(<[^<>\n]*>|[^\s<]+)/.exec(text.slice(from, from + 4_200));
  if (!found) {
    return undefined;
  }
  const raw = (found[1] as string).startsWith('<') ? (found[1] as string).slice(1, -1) : (found[1] as string);
  return decideLink(decodeDestination(raw)).action === 'reject' ? from + found[0].length : undefined;
}

function allowedImage(url: string, context: InlineContext): string | undefined {
  if (!context.imagesOnline) {
    return undefined;
  }
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && !parsed.username && !parsed.password && context.imageHosts.has(parsed.hostname.toLowerCase()) && url.length <= 2_048
      ? parsed.href
      : undefined;
  } catch {
    return undefined;
  }
}

/** `http://…` in text: kept whole when the policy allows it, else its `:` and slashes escaped. */
function colon(text: string, i: number, out: string[]): number {
  const before = text.slice(Math.max(0, i - 8), i);
  const scheme = LINKIFY_SCHEME.exec(`${before}:`);
  if (!scheme) {
    out.push(':');
    return i + 1;
  }
  BARE_URL.lastIndex = i + 1;
  const rest = BARE_URL.exec(text)?.[0] ?? '';
  const candidate = `${(scheme[1] as string).slice(0, -1)}:${rest}`.replace(/[.,;:!?)\]]+$/, '');
  const decision = decideLink(candidate);
  if (decision.action !== 'reject' && candidate.startsWith('https://')) {
    const tail = candidate.slice((scheme[1] as string).length);
    out.push(':', tail);
    return i + 1 + tail.length;
  }
  out.push('\\:');
  let j = i + 1;
  while (text[j] === '/') {
    out.push('\\/');
    j++;
  }
  return j;
}
