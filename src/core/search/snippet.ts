/**
 * The sentence of an abstract that a query matched, for a hit whose words were found only there
 * (`SearchHit.abstractOnly`): the picker shows it under the title, since the card shows none of them.
 * Words match as the index matches them: exactly, as plural or singular, written together or
 * hyphenated, the word being typed as the start of a word, and words of 5+ letters one edit away.
 */
import { parseQuery, type ParsedQuery } from './query';
import { normalise, withinOneEdit } from './text';

/** About how long a snippet is; a longer sentence is cut around its matches, at word boundaries. */
export const SNIPPET_LENGTH = 160;
/** How much of the sentence a cut keeps before its first match. */
const LEAD = 40;
const FUZZY_WORD_MIN = 5;
/** Ends of a sentence: `.`, `!` or `?` (and closing quotes or brackets), then white space. */
const SENTENCE_END = /[.!?]+["'”’)\]]*\s+/g;
/** Words that end with a full stop without ending a sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|et al|etc|vs|cf|fig|figs|eq|eqs|sec|no|approx|resp|incl|[A-Za-z])\.$/i;
/** Words (letters, digits, accents) and hyphenated compounds, as written. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{M}\p{N}]+)*/gu;

interface Token {
  readonly start: number;
  readonly end: number;
  /** Normalised: the word, or a compound's parts and its parts written as one. */
  readonly forms: readonly string[];
}

/**
 * The sentence of `text` (an abstract, or an abstract and AI summary) that best matches the query's
 * words, white space collapsed, cut to about SNIPPET_LENGTH characters around its matches; undefined
 * when no sentence has any of them (or the query has no words).
 */
export function matchedSentence(text: string, query: ParsedQuery | string): string | undefined {
  const parsed = typeof query === 'string' ? parseQuery(query) : query;
  if (parsed.words.length === 0) {
    return undefined;
  }
  let best: { sentence: string; score: number; matches: Match[] } | undefined;
  for (const sentence of sentences(text)) {
    const matches: Match[] = [];
    const bestOfWord = new Map<number, number>();
    for (const token of tokensOf(sentence)) {
      parsed.words.forEach((word, wordIndex) => {
        const typing = parsed.lastIsPrefix && wordIndex === parsed.words.length - 1;
        const alternatives = [word, ...(parsed.joins[wordIndex] ?? []).map((join) => join.text)];
        const value = Math.max(...token.forms.map((form) => formScore(form, alternatives, typing)));
        if (value > 0) {
          matches.push({ token, wordIndex, value });
          bestOfWord.set(wordIndex, Math.max(bestOfWord.get(wordIndex) ?? 0, value));
        }
      });
    }
    const score = [...bestOfWord.values()].reduce((sum, value) => sum + value, 0);
    if (score > 0 && (!best || score > best.score)) {
      best = { sentence, score, matches };
    }
  }
  return best && cut(best.sentence, best.matches);
}

interface Match {
  readonly token: Token;
  readonly wordIndex: number;
  readonly value: number;
}

/** How well a word of the text matches a query word (or its forms written together): 0 when not. */
function formScore(form: string, alternatives: readonly string[], typing: boolean): number {
  const word = alternatives[0] as string;
  if (alternatives.includes(form)) {
    return 1;
  }
  if (form === `${word}s` || (word.endsWith('s') && form === word.slice(0, -1))) {
    return 0.9;
  }
  if (typing && form.startsWith(word)) {
    return 0.8;
  }
  return word.length >= FUZZY_WORD_MIN && withinOneEdit(word, form) ? 0.7 : 0;
}

/** The sentences of a text, white space collapsed (a line break inside a paragraph is a space). */
function sentences(text: string): string[] {
  const found: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    let start = 0;
    for (const end of paragraph.matchAll(SENTENCE_END)) {
      const stop = (end.index ?? 0) + end[0].trimEnd().length;
      if (!ABBREVIATION.test(paragraph.slice(start, stop))) {
        found.push(paragraph.slice(start, stop));
        start = stop;
      }
    }
    found.push(paragraph.slice(start));
  }
  return found.map((sentence) => sentence.replace(/\s+/g, ' ').trim()).filter((sentence) => sentence.length > 0);
}

function tokensOf(sentence: string): Token[] {
  return [...sentence.matchAll(WORD)].map((match) => {
    const parts = normalise(match[0]).split(/[-\u2010\u2011]/);
    const start = match.index ?? 0;
    return { start, end: start + match[0].length, forms: parts.length > 1 ? [...parts, parts.join('')] : parts };
  });
}

/**
 * The sentence, or about SNIPPET_LENGTH characters of it, cut at word boundaries: the stretch with the
 * most of the query's words (the first such), from a little before its first match.
 */
function cut(sentence: string, matches: readonly Match[]): string {
  if (sentence.length <= SNIPPET_LENGTH) {
    return sentence;
  }
  let first = 0;
  let last = 0;
  let most = -1;
  for (const from of matches) {
    const inView = matches.filter((match) => match.token.start >= from.token.start && match.token.end <= from.token.start + SNIPPET_LENGTH - LEAD);
    const byWord = new Map<number, number>();
    inView.forEach((match) => byWord.set(match.wordIndex, Math.max(byWord.get(match.wordIndex) ?? 0, match.value)));
    const value = [...byWord.values()].reduce((sum, one) => sum + one, 0);
    if (value > most) {
      most = value;
      first = from.token.start;
      last = Math.max(...inView.map((match) => match.token.end));
    }
  }
  // From LEAD characters before the first match, earlier if the sentence ends before the window does.
  let start = Math.max(0, Math.min(first - LEAD, sentence.length - SNIPPET_LENGTH));
  if (start > 0) {
    const space = sentence.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(sentence.length, start + SNIPPET_LENGTH);
  if (end < sentence.length) {
    const space = sentence.lastIndexOf(' ', end);
    end = space > Math.max(start, last - 1) ? space : end;
  }
  return `${start > 0 ? '…' : ''}${sentence.slice(start, end).trim()}${end < sentence.length ? '…' : ''}`;
}
