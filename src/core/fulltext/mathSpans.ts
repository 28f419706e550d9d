/**
 * Finds LaTeXML formulas in one line of text: its rendering in Unicode (`x∈𝒳`) followed by its LaTeX
 * source (`x\in\mathcal{X}`), with or without a space between, and in 2024's answers a content-MathML
 * annotation between them (`subscript 𝑓 𝐼`) and a presentation one after (`italic_f start_POSTSUBSCRIPT
 * …`). The split is accepted only where the letters and digits of both agree (the rendering NFKC-
 * normalised, the LaTeX without its command names): anything uncertain stays text.
 */

export interface MathSpan {
  /** Where the rendering starts and the LaTeX (or the annotation after it) ends, in the line. */
  readonly start: number;
  readonly end: number;
  readonly latex: string;
}

/** Work allowed per line, in character steps, so hostile text costs a bounded time. */
export interface Budget {
  steps: number;
}

const TRIGGER = /\\[A-Za-z]+|\\[{}|,;!]|[_^]\{|[A-Za-z0-9)}\]][_^][A-Za-z0-9]/g;
const LATEX_CHAR = /[A-Za-z0-9\\{}_^()[\]+\-=*/<>|,.;:!'&~@]/;
const OPERATOR_AFTER_SPACE = /[\\=+\-<>{}^_&|]/;
const MAX_LATEX = 2_000;
const MAX_REGION = 120;
const MAX_SKELETON = 400;
/** Command names whose rendering is letters (`\log` is "log"). */
const WORD_COMMANDS: Readonly<Record<string, string>> = {
  log: 'log', ln: 'ln', exp: 'exp', sin: 'sin', cos: 'cos', tan: 'tan', tanh: 'tanh', sinh: 'sinh', cosh: 'cosh',
  max: 'max', min: 'min', arg: 'arg', lim: 'lim', sup: 'sup', inf: 'inf', det: 'det', dim: 'dim', ker: 'ker',
  Pr: 'Pr', deg: 'deg', gcd: 'gcd', ell: 'l', limsup: 'limsup', liminf: 'liminf', argmax: 'argmax', argmin: 'argmin',
};
/** The start of 2024's presentation annotation: `italic_f`, `start_POSTSUBSCRIPT`, `over^`. */
const JUNK_START = /(?:italic|bold|caligraphic|blackboard|fraktur|script|sansserif|typewriter|monospace|start|end|double-struck)_|over[\^~¯→˙¨]|under[\^~¯]/y;
const JUNK_TOKEN = /^(?:(?:[a-z-]+_)+\S+|start_[A-Z]+|end_[A-Z]+|over\S+|under\S+)$/;

/** The formulas of `line`, in order, not overlapping. */
export function findMathSpans(line: string, budget: Budget): MathSpan[] {
  const spans: MathSpan[] = [];
  let cursor = 0;
  TRIGGER.lastIndex = 0;
  for (let match = TRIGGER.exec(line); match && budget.steps > 0; match = TRIGGER.exec(line)) {
    const t = match.index;
    if (t < cursor) {
      continue;
    }
    const end = extendRight(line, t, budget);
    if (end === undefined) {
      TRIGGER.lastIndex = Math.min(line.length, t + MAX_LATEX);
      cursor = TRIGGER.lastIndex;
      continue;
    }
    const span = matchLeft(line, cursor, t, end, budget);
    if (span) {
      spans.push(span);
      cursor = span.end;
      TRIGGER.lastIndex = span.end;
    } else {
      TRIGGER.lastIndex = end;
    }
  }
  return spans;
}

/** The end of the LaTeX that contains `t`: balanced braces, spaces only inside braces or before an operator. */
function extendRight(line: string, t: number, budget: Budget): number | undefined {
  let depth = 0;
  let i = t;
  for (; i < line.length && i - t < MAX_LATEX; i++) {
    budget.steps--;
    const ch = line[i] as string;
    if (depth === 0 && i > t && /[a-z]/.test(ch) && !/[A-Za-z\\]/.test(line[i - 1] as string)) {
      JUNK_START.lastIndex = i;
      if (JUNK_START.test(line)) {
        break;
      }
    }
    if (ch === '\\') {
      const next = line[i + 1];
      if (next !== undefined && next !== ' ' && next !== '\n') {
        i++;
      }
      continue;
    }
    if (ch === '{') {
      depth++;
    } else if (ch === '}') {
      if (--depth < 0) {
        return undefined;
      }
    } else if (ch === ' ') {
      if (depth > 0) {
        continue;
      }
      const after = line[i + 1];
      const afterCommand = /\\[A-Za-z]+$/.test(line.slice(Math.max(t, i - 32), i)) && /^(?:[A-Za-z0-9](?![A-Za-z])|[\\{(])/.test(line.slice(i + 1, i + 3));
      if (!afterCommand && (after === undefined || !OPERATOR_AFTER_SPACE.test(after))) {
        break;
      }
    } else if (!LATEX_CHAR.test(ch)) {
      break;
    }
  }
  if (depth !== 0 || i - t >= MAX_LATEX) {
    return undefined;
  }
  return i;
}

interface Skeleton {
  readonly chars: string;
  /** For each char of `chars`, its index in the text. */
  readonly at: number[];
}

/** The letters and digits of LaTeX with command names removed (`\mathcal{X}` → X, `\log` → log). */
function latexSkeleton(latex: string, offset: number): Skeleton {
  let chars = '';
  const at: number[] = [];
  for (let i = 0; i < latex.length; i++) {
    const ch = latex[i] as string;
    if (ch === '\\') {
      const name = /^[A-Za-z]+/.exec(latex.slice(i + 1, i + 40))?.[0];
      if (name) {
        const word = WORD_COMMANDS[name];
        if (word) {
          for (const letter of word) {
            chars += letter;
            at.push(offset + i);
          }
        }
        i += name.length;
      } else {
        i++;
      }
    } else if (/[A-Za-z0-9]/.test(ch)) {
      chars += ch;
      at.push(offset + i);
    }
  }
  return { chars, at };
}

/** A character's letters and digits after NFKC (𝒳 → X, ℝ → R, ² → 2), or '' for a symbol or space. */
function renderedAlnum(ch: string): string {
  if (ch.charCodeAt(0) < 0x80) {
    return /[A-Za-z0-9]/.test(ch) ? ch : '';
  }
  return ch.normalize('NFKC').replace(/[^A-Za-z0-9]/g, '');
}

/**
 * The rendering before the LaTeX `[k, end)` for the longest LaTeX whose letters match, skipping
 * 2024's annotation between them when present.
 */
function matchLeft(line: string, cursor: number, t: number, end: number, budget: Budget): MathSpan | undefined {
  const regionStart = leftRegion(line, Math.max(cursor, t - MAX_REGION), t);
  const fullEnd = trimEnd(line, t, end);
  const number = /,?\(\d{1,3}\)$/.exec(line.slice(Math.max(t, fullEnd - 8), fullEnd));
  for (const trimmedEnd of number ? [fullEnd, fullEnd - number[0].length + (number[0].startsWith(',') ? 1 : 0)] : [fullEnd]) {
    const span = matchAt(line, cursor, t, regionStart, trimmedEnd, budget);
    if (span) {
      return span;
    }
  }
  return undefined;
}

function matchAt(line: string, cursor: number, t: number, regionStart: number, trimmedEnd: number, budget: Budget): MathSpan | undefined {
  const junkEnd = junkAfter(line, trimmedEnd);
  for (let k = regionStart; k <= t; k++) {
    const first = line[k] as string;
    if (!/[A-Za-z0-9\\({[|-]/.test(first)) {
      continue;
    }
    const latex = line.slice(k, trimmedEnd);
    const skeleton = latexSkeleton(latex, k);
    if (skeleton.chars.length > MAX_SKELETON) {
      return undefined;
    }
    let renderingEnd = k;
    if (junkEnd !== undefined) {
      const annotation = matchBackwards(line, cursor, k, skeleton.chars, budget, true);
      if (annotation !== undefined) {
        renderingEnd = skipAnnotationWords(line, cursor, annotation);
      }
    }
    const start = skeleton.chars.length === 0 ? symbolRendering(line, cursor, renderingEnd) : matchBackwards(line, cursor, renderingEnd, skeleton.chars, budget, false);
    if (start !== undefined && start < renderingEnd) {
      const rendering = line.slice(start, renderingEnd);
      if (!/[\u0080-\uFFFF]/.test(rendering) && !/[_^]/.test(latex) && !latex.includes('\\')) {
        continue;
      }
      const prefix = skeleton.at.length > 0 ? (skeleton.at[0] as number) - k : latex.length;
      return { start: extendSymbols(line, cursor, start, latex.slice(0, prefix)), end: junkEnd ?? trimmedEnd, latex: latex.trim() };
    }
    if (budget.steps <= 0) {
      return undefined;
    }
  }
  return undefined;
}

/** 2024's content annotation starts with operator words (`subscript`, `times`): they go with it. */
function skipAnnotationWords(line: string, limit: number, at: number): number {
  let i = at;
  for (let words = 0; words < 6; words++) {
    const word = /(?<![A-Za-z])[a-z][a-z-]{2,} *$/.exec(line.slice(Math.max(limit, i - 48), i));
    if (!word) {
      break;
    }
    i -= word[0].length;
  }
  return i;
}

/** Where the LaTeX may start at the earliest: LaTeX characters back from `t`, no space. */
function leftRegion(line: string, limit: number, t: number): number {
  let i = t;
  while (i > limit && LATEX_CHAR.test(line[i - 1] as string)) {
    i--;
  }
  return i;
}

function trimEnd(line: string, t: number, end: number): number {
  let e = end;
  while (e > t && line[e - 1] === ' ') {
    e--;
  }
  return e;
}

/**
 * The end of 2024's presentation annotation right after the LaTeX, when there is one: tokens such as
 * `italic_f`, `start_ARG`, with operator words (`divide`), symbols and closing brackets among them.
 */
function junkAfter(line: string, at: number): number | undefined {
  const tokens = /\S+/g;
  tokens.lastIndex = at;
  let lastJunk: number | undefined;
  let expected = at;
  for (let token = tokens.exec(line); token; token = tokens.exec(line)) {
    const gap = line.slice(expected, token.index);
    if (gap !== '' && gap !== ' ') {
      break;
    }
    const punctuation = /[,.;:]+$/.exec(token[0])?.[0] ?? '';
    const text = token[0].slice(0, token[0].length - punctuation.length);
    const end = token.index + text.length;
    if (JUNK_TOKEN.test(text)) {
      lastJunk = end;
      if (punctuation) {
        break;
      }
    } else if (lastJunk !== undefined && /^[\])}]+$/.test(text) && lastJunk === token.index - 1) {
      lastJunk = end;
    } else if (lastJunk === undefined || !(/^[a-z][a-z-]{0,15}$/.test(text) || (text.length <= 3 && !/[A-Za-z]/.test(text)))) {
      break;
    }
    expected = end;
    if (expected - at > MAX_LATEX) {
      break;
    }
  }
  return lastJunk;
}

/**
 * Walks back from `end` (over one space first) matching `skeleton` from its last character; returns
 * where the match starts. With `annotationWords`, lower-case words (`subscript`, `times`) are skipped.
 */
function matchBackwards(line: string, limit: number, end: number, skeleton: string, budget: Budget, annotationWords: boolean): number | undefined {
  let i = end;
  let j = skeleton.length;
  let start: number | undefined;
  while (j > 0 && i > limit) {
    budget.steps--;
    if (annotationWords && line[i - 1] !== undefined && /[a-z-]/.test(line[i - 1] as string)) {
      const word = /(?<![A-Za-z])[a-z][a-z-]{2,}$/.exec(line.slice(Math.max(limit, i - 40), i));
      if (word) {
        i -= word[0].length;
        continue;
      }
    }
    const code = line.codePointAt(i - 1) ?? 0;
    const isLow = code >= 0xdc00 && code <= 0xdfff;
    const from = isLow && i >= 2 ? i - 2 : i - 1;
    const alnum = renderedAlnum(line.slice(from, i));
    for (let a = alnum.length - 1; a >= 0; a--) {
      if (j === 0 || alnum[a] !== skeleton[j - 1]) {
        return undefined;
      }
      j--;
    }
    if (alnum) {
      start = from;
    }
    i = from;
    if (end - i > MAX_LATEX) {
      return undefined;
    }
  }
  return j === 0 ? start : undefined;
}

/** A rendering without letters or digits (α for `\alpha`): the non-ASCII symbols just before. */
function symbolRendering(line: string, limit: number, end: number): number | undefined {
  let i = end;
  if (line[i - 1] === ' ') {
    i--;
  }
  const stop = i;
  while (i > limit && i > stop - 12) {
    const ch = line[i - 1] as string;
    if (ch === ' ' && i - 1 > limit && i < stop && /[\u0080-\uFFFF]/.test(line[i - 2] as string)) {
      i--;
      continue;
    }
    if (!/[\u0080-\uFFFF]/.test(ch) || renderedAlnum(ch) !== '') {
      break;
    }
    i--;
  }
  return i < stop ? i : undefined;
}

/**
 * The rendering's leading symbols belong to it (`η=` before `3×10−5` for `\eta=3\times…`): as many
 * characters without letters or digits as the LaTeX has before its first letter or digit, at most.
 */
function extendSymbols(line: string, limit: number, start: number, latexPrefix: string): number {
  let i = start;
  let room = latexPrefix.replace(/\\[A-Za-z]+|\s/g, 'x').length;
  while (i > limit && room > 0) {
    const ch = line[i - 1] as string;
    if (ch === ' ' && i - 1 > limit && /[\u0080-\uFFFF]/.test(line[i - 2] as string) && renderedAlnum(line[i - 2] as string) === '') {
      i--;
      continue;
    }
    if (ch === ' ' || renderedAlnum(ch) !== '' || /[A-Za-z0-9]/.test(ch)) {
      break;
    }
    i--;
    room--;
  }
  return i;
}
