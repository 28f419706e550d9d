/**
 * URLs written in a paper's plain text (its abstract, its AI summary), for the panel to show as links.
 * Only http and https, never `javascript:`, `command:`, `file:` or any other scheme; trailing
 * punctuation of the sentence (`).,;:!?` and quotes) is not part of the URL; bounded, so a hostile
 * abstract cannot make the panel draw thousands of links. What is found is only a candidate: the
 * host's link policy decides what a click opens.
 */
import { safeWebUrl } from './webUrl';

/** One piece of a text: plain, or a URL as it is written there. */
export interface TextPiece {
  readonly text: string;
  /** Set when the piece is a URL: the same characters as `text`. */
  readonly url?: string;
}

/** URLs longer than this are left as text. */
export const MAX_TEXT_URL_LENGTH = 2_000;
/** At most this many links per text; the rest stays text. */
export const MAX_TEXT_URLS = 50;

/**
 * What may be part of a URL in prose: not whitespace, not the brackets and quotes that usually close
 * it (`<>"'` and the backtick), not control characters.
 */
const URL_CHAR = '[^\\s<>"\'`\\u0000-\\u001F\\u007F]';
/**
 * A scheme at a word boundary, a host right after `//` (not `https:///x`, which a parser would read
 * as another host), then URL characters. The length bound keeps the scan linear.
 */
const CANDIDATE = new RegExp(`\\bhttps?://(?![/\\\\])${URL_CHAR}{1,${MAX_TEXT_URL_LENGTH}}`, 'gi');
const IS_URL_CHAR = new RegExp(`^${URL_CHAR}$`);
/** Sentence punctuation that ends prose rather than the URL. */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', '*']);
const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/**
 * Drops what follows the URL in the sentence: `https://x.org/a).` is `https://x.org/a`. A closing
 * bracket goes only when the URL did not open it (`(see https://x.org/a)`, unlike `…/Foo_(bar)`).
 * Each bracket is counted once, so that this is linear in the URL's length.
 */
function trimTrailing(candidate: string): string {
  const counts = new Map<string, number>();
  for (const char of candidate) {
    if (char in CLOSERS || Object.values(CLOSERS).includes(char)) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
  }
  let end = candidate.length;
  while (end > 0) {
    const last = candidate.charAt(end - 1);
    const opener = CLOSERS[last];
    if (TRAILING.has(last)) {
      end--;
    } else if (opener !== undefined && (counts.get(last) ?? 0) > (counts.get(opener) ?? 0)) {
      counts.set(last, (counts.get(last) ?? 0) - 1);
      end--;
    } else {
      break;
    }
  }
  return candidate.slice(0, end);
}

/** The http(s) URLs written in `text`, in order, each as written (at most MAX_TEXT_URLS). */
export function findTextUrls(text: string): { readonly start: number; readonly end: number; readonly url: string }[] {
  const found: { start: number; end: number; url: string }[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    if (found.length >= MAX_TEXT_URLS) {
      break;
    }
    const start = match.index;
    const next = text.charAt(start + match[0].length);
    if (next !== '' && IS_URL_CHAR.test(next)) {
      continue; // longer than MAX_TEXT_URL_LENGTH: not cut into a link to somewhere else
    }
    const url = trimTrailing(match[0]);
    // Something a browser can go to: a host, no credentials (`https://good.org@evil.example`).
    if (safeWebUrl(url) === undefined || /^https?:\/\/[^/?#]*@/i.test(url)) {
      continue;
    }
    found.push({ start, end: start + url.length, url });
  }
  return found;
}

/** `text` cut into plain pieces and URL pieces; joined, the pieces are `text` again. */
export function linkPieces(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const { start, end, url } of findTextUrls(text)) {
    if (start > at) {
      pieces.push({ text: text.slice(at, start) });
    }
    pieces.push({ text: url, url });
    at = end;
  }
  if (at < text.length || pieces.length === 0) {
    pieces.push({ text: text.slice(at) });
  }
  return pieces;
}
