/**
 * Writes LaTeXML's formulas (its Unicode rendering followed by the LaTeX source, see ./mathSpans.ts)
 * as `$latex$`, and a paragraph that is only a formula as `$$\nlatex\n$$`, so VS Code's Markdown
 * preview renders them with KaTeX; the duplicate rendering goes. Every other `$` in text is escaped
 * (`\$`), so prices are never math. Code fences and code spans are left alone. The work is bounded
 * per document; past the bound the text stays as it is (only `$` escaped).
 */
import { findMathSpans, type Budget } from './mathSpans';

export interface MathResult {
  readonly markdown: string;
  /** Formulas written as math. */
  readonly formulas: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
/** Character steps for a whole document: far above a long paper's need, well under a second. */
const DOCUMENT_BUDGET = 40_000_000;
/** A single letter repeated (`for T T steps`): a one-letter formula, except words that are letters. */
const SINGLE_LETTER = /(?<![\p{L}\p{N}\\$])([B-HJ-Zb-z]) \1(?![\p{L}\p{N}])/gu;
/**
 * A formula without LaTeX commands, written twice (`f<0.9 f<0.9`, `a(x)a(x)`): a token with a letter
 * and an operator or bracket, repeated at once.
 */
const REPEATED = /(?<![^\s(])([^\s$\\`]{2,40}?) ?\1(?=[\s,.;:)]|$)/g;
const MATH_TOKEN = /^(?=.*[A-Za-z])(?=.*[()=<>+\u2212\u00D7\u2264\u2265\u2260\u2208|]).+$/;
const EQUATION_NUMBER = /^\s*\((\d{1,3}(?:\.\d{1,3})?[a-z]?)\)\s*$/;

export function convertMath(markdown: string): MathResult {
  const lines = markdown.split('\n');
  const budget: Budget = { steps: DOCUMENT_BUDGET };
  const out: string[] = [];
  let formulas = 0;
  let fence: { char: string; length: number } | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      out.push(line);
      if (fenceMatch && (fenceMatch[1] as string)[0] === fence.char && (fenceMatch[1] as string).length >= fence.length && (fenceMatch[2] as string).trim() === '') {
        fence = undefined;
      }
      continue;
    }
    if (fenceMatch) {
      fence = { char: (fenceMatch[1] as string)[0] as string, length: (fenceMatch[1] as string).length };
      out.push(line);
      continue;
    }
    const alone = (lines[index - 1] ?? '').trim() === '' && (lines[index + 1] ?? '').trim() === '';
    const converted = convertLine(line, budget, alone);
    formulas += converted.formulas;
    out.push(converted.text);
  }
  return { markdown: out.join('\n'), formulas };
}

interface LineResult {
  readonly text: string;
  readonly formulas: number;
}

/** One line: code spans kept, formulas converted in the text between them. */
function convertLine(line: string, budget: Budget, alone: boolean): LineResult {
  if (!line.includes('`')) {
    return convertText(line, budget, alone);
  }
  const parts: string[] = [];
  let formulas = 0;
  let last = 0;
  for (const match of line.matchAll(/(`+)(?:(?!\1)[^`]|`(?!`))*?\1(?!`)/g)) {
    const text = convertText(line.slice(last, match.index), budget, false);
    parts.push(text.text, match[0]);
    formulas += text.formulas;
    last = match.index + match[0].length;
  }
  const tail = convertText(line.slice(last), budget, false);
  parts.push(tail.text);
  return { text: parts.join(''), formulas: formulas + tail.formulas };
}

function convertText(text: string, budget: Budget, alone: boolean): LineResult {
  if (text.trim() === '') {
    return { text, formulas: 0 };
  }
  const spans = budget.steps > 0 ? findMathSpans(text, budget) : [];
  if (alone && spans.length === 1) {
    const span = spans[0] as (typeof spans)[number];
    const before = text.slice(0, span.start);
    const after = text.slice(span.end);
    const number = EQUATION_NUMBER.exec(after);
    if (before.trim() === '' && (after.trim() === '' || number)) {
      const tag = number ? ` \\tag{${number[1] as string}}` : '';
      return { text: `$$\n${span.latex}${tag}\n$$`, formulas: 1 };
    }
  }
  const counter = { formulas: spans.length };
  const parts: string[] = [];
  let last = 0;
  for (const span of spans) {
    parts.push(plain(text.slice(last, span.start), counter));
    const { latex, trailing } = splitTrailing(span.latex);
    parts.push(`$${latex}$${trailing}`);
    last = span.end;
  }
  parts.push(plain(text.slice(last), counter));
  return { text: parts.join(''), formulas: counter.formulas };
}

/** Text: `$` escaped (one already escaped stays so), then a repeated single letter as a formula. */
function plain(text: string, counter: { formulas: number }): string {
  const escaped = text.includes('$') ? text.replace(/(?<!\\)\$/g, '\\$') : text;
  const repeated = escaped.replace(REPEATED, (match, token: string) => {
    if (!MATH_TOKEN.test(token) || !balanced(token)) {
      return match;
    }
    counter.formulas++;
    return `$${token}$`;
  });
  return repeated.replace(SINGLE_LETTER, (_match, letter: string) => {
    counter.formulas++;
    return `$${letter}$`;
  });
}

function balanced(token: string): boolean {
  let depth = 0;
  for (const ch of token) {
    depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    if (depth < 0) {
      return false;
    }
  }
  return depth === 0;
}

/** A comma or full stop at the end of inline LaTeX is the sentence's, not the formula's. */
function splitTrailing(latex: string): { latex: string; trailing: string } {
  const match = /^(.*?[^\\\s])([.,;:]+)$/.exec(latex);
  return match ? { latex: match[1] as string, trailing: match[2] as string } : { latex, trailing: '' };
}
