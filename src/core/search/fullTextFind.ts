/**
 * Finding a query's words and phrases in a full text, and the snippet around the first match. The
 * text is searched in a folded copy (lowercase, accents removed, as `normalise` does) of the same
 * length as the shown text, so that a position found in one is the same place in the other.
 */
import type { QuotedPhrase } from './query';

/** How long a snippet may be, ellipses included. */
export const FULL_TEXT_SNIPPET_MAX = 240;
/** How far back from the match a snippet may start (to the start of its sentence). */
const SNIPPET_LEAD = 120;
/** When the sentence starts further back, how much is kept before the match. */
const SNIPPET_SHORT_LEAD = 60;

/** What a character beyond Latin-1 becomes in the folded text: a letter or digit stays one (as ª), anything else is not. */
const FOREIGN_LETTER = '\u00aa';
const FOREIGN_OTHER = '\u00b7';

/**
 * Lowercase, accents removed, one character for one: positions stay those of `text`. Characters
 * beyond Latin-1 (Greek, math letters, CJK) become ª (letters, digits) or · (anything else), so that
 * the folded text is a one-byte string, half the memory and searched faster; words with such letters
 * are found by the postings, not in the folded text (see `isFoldable`).
 */
export function foldText(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) {
    // A character whose lowercase is longer (İ): folded one by one, kept as it is where that would grow.
    let folded = '';
    for (let index = 0; index < text.length; index++) {
      const char = text[index] as string;
      const low = char.toLowerCase();
      folded += low.length === 1 ? low : char;
    }
    lower = folded;
  }
  // Latin and Greek letters with accents: their base letter (é → e).
  const folded = lower.replace(/[\u00c0-\u024f\u0370-\u03ff\u1e00-\u1eff]/g, (char) => {
    const base = char.normalize('NFD')[0] as string;
    return base.length === 1 ? base : char;
  }).replace(/[\u0100-\uffff]/g, (char) => (/[\p{L}\p{N}]/u.test(char) ? FOREIGN_LETTER : FOREIGN_OTHER));
  // Made a one-byte string (the replacements leave it two-byte when the text was).
  return Buffer.from(folded, 'latin1').toString('latin1');
}

/** Whether a (normalised) word can be found in a folded text: Latin-1 only. */
export function isFoldable(word: string): boolean {
  return !/[\u0100-\uffff]/.test(word);
}

/** Whether the code unit at `index` is part of a word (letter or digit); false outside the text. */
export function isWordChar(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) {
    return false;
  }
  const code = text.charCodeAt(index);
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  }
  if (code >= 0xd800 && code <= 0xdfff) {
    // A surrogate half: judge the whole character.
    const start = code >= 0xdc00 ? index - 1 : index;
    return /^[\p{L}\p{N}]/u.test(text.slice(Math.max(0, start), start + 2));
  }
  return /[\p{L}\p{N}\p{M}]/u.test(text[index] as string);
}

/** The first place at or after `from` where one of `forms` is a whole word (or starts one, `prefix`); -1 when none. */
export function findWord(folded: string, forms: readonly string[], prefix: boolean, from = 0): { readonly at: number; readonly end: number } | undefined {
  let best: { at: number; end: number } | undefined;
  for (const form of forms) {
    if (form === '') {
      continue;
    }
    let at = folded.indexOf(form, from);
    while (at >= 0 && (best === undefined || at < best.at)) {
      let end = at + form.length;
      if (!isWordChar(folded, at - 1) && (prefix || !isWordChar(folded, end))) {
        while (prefix && isWordChar(folded, end)) {
          end++;
        }
        best = { at, end };
        break;
      }
      at = folded.indexOf(form, at + 1);
    }
  }
  return best;
}

/** The phrase's words before `anchor` end right before `at` (spaces and punctuation between): where the first starts, or undefined. */
function matchBackward(folded: string, words: readonly string[], anchor: number, at: number): number | undefined {
  let begin = at;
  for (let index = anchor - 1; index >= 0; index--) {
    let end = begin;
    while (end > 0 && !isWordChar(folded, end - 1)) {
      end--;
    }
    const word = words[index] as string;
    const start = end - word.length;
    if (end === begin || start < 0 || !folded.startsWith(word, start) || isWordChar(folded, start - 1)) {
      return undefined;
    }
    begin = start;
  }
  return begin;
}

/** The phrase's words after `anchor` follow from `end` on: where the last ends, or undefined. */
function matchForward(folded: string, words: readonly string[], anchor: number, end: number, open: boolean): number | undefined {
  let stop = end;
  for (let index = anchor + 1; index < words.length; index++) {
    let next = stop;
    while (next < folded.length && !isWordChar(folded, next)) {
      next++;
    }
    const word = words[index] as string;
    const typing = open && index === words.length - 1;
    if (next === stop || !folded.startsWith(word, next) || (!typing && isWordChar(folded, next + word.length))) {
      return undefined;
    }
    stop = next + word.length;
    while (typing && isWordChar(folded, stop)) {
      stop++;
    }
  }
  return stop;
}

/**
 * The first place at or after `from` where the phrase's words follow one another, with nothing but
 * spaces and punctuation between them (the last word of a phrase still being typed may be the start
 * of a word); undefined when none. Looked for by its longest complete word (likely the rarest), then
 * checked around it.
 */
export function findPhrase(folded: string, phrase: QuotedPhrase, from = 0): { readonly at: number; readonly end: number } | undefined {
  const { words, open } = phrase;
  if (words.length === 0) {
    return undefined;
  }
  const last = words.length - 1;
  let anchor = open && last > 0 ? last - 1 : last;
  words.forEach((word, index) => {
    if (!(open && index === last && last > 0) && word.length > (words[anchor] as string).length) {
      anchor = index;
    }
  });
  let start = from;
  for (;;) {
    const hit = findWord(folded, [words[anchor] as string], open && anchor === last, start);
    if (!hit) {
      return undefined;
    }
    const begin = matchBackward(folded, words, anchor, hit.at);
    const end = begin !== undefined && begin >= from ? matchForward(folded, words, anchor, hit.end, open) : undefined;
    if (begin !== undefined && end !== undefined) {
      return { at: begin, end };
    }
    start = hit.at + 1;
  }
}

/** How many times the phrase occurs (not overlapping), counting at most `cap` (ranking saturates long before). */
export function countPhrase(folded: string, phrase: QuotedPhrase, cap = 100): number {
  let count = 0;
  let from = 0;
  for (let found = findPhrase(folded, phrase, from); found && count < cap; found = findPhrase(folded, phrase, from)) {
    count++;
    from = found.end;
  }
  return count;
}

/** Ends of sentences and paragraphs. */
const SENTENCE_END = /[.!?]["'”’)\]]*\s|\n\s*\n/g;

/**
 * The sentence around position `at` of `text` (or about 200 characters of it), white space
 * collapsed, at most FULL_TEXT_SNIPPET_MAX characters, `…` where it was cut.
 */
export function snippetAt(text: string, at: number): string {
  const windowStart = Math.max(0, at - SNIPPET_LEAD);
  let start = windowStart;
  let cutBefore = windowStart > 0;
  SENTENCE_END.lastIndex = windowStart;
  for (let found = SENTENCE_END.exec(text); found && found.index < at; found = SENTENCE_END.exec(text)) {
    start = found.index + found[0].length;
    cutBefore = false;
  }
  if (cutBefore || at - start > SNIPPET_LEAD) {
    // No sentence start near: a little before the match, from a word's start.
    start = Math.max(start, at - SNIPPET_SHORT_LEAD);
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : start;
    cutBefore = start > 0;
  }
  SENTENCE_END.lastIndex = at;
  const endOfSentence = SENTENCE_END.exec(text);
  const limit = start + FULL_TEXT_SNIPPET_MAX * 2; // collapsing white space shortens it
  let end = endOfSentence && endOfSentence.index < limit ? endOfSentence.index + 1 : Math.min(text.length, limit);
  end = Math.min(end, text.length);
  let snippet = text.slice(start, end).replace(/\s+/g, ' ').trim();
  let cutAfter = end < text.length && !(endOfSentence && endOfSentence.index + 1 === end);
  const room = FULL_TEXT_SNIPPET_MAX - (cutBefore ? 1 : 0) - 1;
  if (snippet.length > room + (cutAfter ? 0 : 1)) {
    const space = snippet.lastIndexOf(' ', room);
    snippet = snippet.slice(0, space > room / 2 ? space : room).trimEnd();
    cutAfter = true;
  }
  return `${cutBefore ? '…' : ''}${snippet}${cutAfter ? '…' : ''}`;
}
