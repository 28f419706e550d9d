/**
 * What a document's processor reads of its source: LaTeX without comments and skipped branches,
 * YAML lines without comments, Typst without comments and raw text. Used to find commands such
 * as \bibliography that only count when they are not commented out.
 */

// ---- LaTeX

/** TeX's own conditionals (and those the document declares with \newif) open a group that \fi closes. */
const TEX_CONDITIONALS = ['if', 'ifcat', 'ifnum', 'ifdim', 'ifodd', 'ifvmode', 'ifhmode', 'ifmmode', 'ifinner', 'ifvoid', 'ifhbox',
  'ifvbox', 'ifx', 'ifeof', 'iftrue', 'iffalse', 'ifcase', 'ifdefined', 'ifcsname', 'iffontchar', 'ifincsname'];
/** Environments whose content TeX does not read as commands. */
const VERBATIM = /\\begin\s*\{(verbatim\*?|Verbatim\*?|BVerbatim|LVerbatim|comment|lstlisting|minted|filecontents\*?|luacode\*?)\}/y;

const PLAIN_TEX = /[^%\\]+/y;

interface Conditional { readonly kind: 'true' | 'false' | 'other'; inElse: boolean }

/**
 * The LaTeX source without what TeX skips: `%` comments (not `\%`; `\\%` is a comment), `\verb`,
 * verbatim and comment environments, and the false branches of `\iffalse` / `\iftrue … \else`.
 */
export function latexCode(text: string): string {
  const conditionals = new Set(TEX_CONDITIONALS);
  for (const match of text.matchAll(/\\newif\s*\\(if[A-Za-z@]+)/g)) {
    conditionals.add(match[1] ?? '');
  }
  const stack: Conditional[] = [];
  // How many open conditionals are in a false branch, kept as they open and close: asking the whole
  // stack at every token costs tokens × depth, seconds for a file of unclosed \iftrue.
  let falseBranches = 0;
  const skips = (open: Conditional | undefined): number => (open && open.kind !== 'other' && (open.kind === 'false') !== open.inElse ? 1 : 0);
  const skipping = (): boolean => falseBranches > 0;
  let out = '';
  let index = 0;
  const lineEnd = (from: number): number => (text.indexOf('\n', from) < 0 ? text.length : text.indexOf('\n', from));
  while (index < text.length) {
    const character = text[index] ?? '';
    if (character === '%') {
      index = lineEnd(index);
      continue;
    }
    if (character !== '\\') { // a run of plain text
      PLAIN_TEX.lastIndex = index;
      const run = PLAIN_TEX.exec(text)?.[0] ?? character;
      out += skipping() ? '' : run;
      index += run.length;
      continue;
    }
    const word = /[A-Za-z@]+/y;
    word.lastIndex = index + 1;
    const name = word.exec(text)?.[0];
    if (name === undefined) { // a control symbol: \%, \\, \{ …
      out += skipping() ? '' : text.slice(index, index + 2);
      index += 2;
      continue;
    }
    VERBATIM.lastIndex = index;
    const environment = name === 'begin' ? VERBATIM.exec(text)?.[1] : undefined;
    if (environment !== undefined) {
      const end = text.indexOf(`\\end{${environment}}`, VERBATIM.lastIndex);
      index = end < 0 ? text.length : end + `\\end{${environment}}`.length;
      continue;
    }
    if (name === 'verb') { // \verb|…| or \verb*|…|, on one line
      const delimiterAt = text[index + 5] === '*' ? index + 6 : index + 5;
      const delimiter = text[delimiterAt];
      // Look no further than the line's end: searching the rest of the file at every \verb is quadratic.
      let close = delimiterAt + 1;
      while (delimiter !== undefined && delimiter !== '\n' && close < text.length && text[close] !== delimiter && text[close] !== '\n') {
        close++;
      }
      index = delimiter === undefined || delimiter === '\n' ? Math.min(delimiterAt, text.length) : text[close] === delimiter ? close + 1 : close;
      continue;
    }
    index += 1 + name.length;
    if (name === 'newif') { // \newif\ifdraft declares a conditional; it does not open one
      const declared = /\s*\\[A-Za-z@]+/y;
      declared.lastIndex = index;
      index += declared.exec(text)?.[0].length ?? 0;
      continue;
    }
    if (conditionals.has(name) || name.startsWith('if@')) {
      const open: Conditional = { kind: name === 'iftrue' ? 'true' : name === 'iffalse' ? 'false' : 'other', inElse: false };
      stack.push(open);
      falseBranches += skips(open);
    } else if (name === 'else') {
      const top = stack[stack.length - 1];
      if (top) {
        falseBranches -= skips(top);
        top.inElse = true;
        falseBranches += skips(top);
      }
    } else if (name === 'fi') {
      falseBranches -= skips(stack.pop());
    }
    out += skipping() ? '' : `\\${name}`;
  }
  return out;
}

// ---- YAML

/** A YAML line without its comment: `#` at the start or after a space, outside quotes. */
export function stripYamlComment(line: string): string {
  let quote: string | undefined;
  for (let index = 0; index < line.length; index++) {
    const character = line[index];
    if (quote !== undefined) {
      if (quote === '"' && character === '\\') {
        index++;
      } else if (character === quote) {
        if (quote === "'" && line[index + 1] === "'") {
          index++;
        } else {
          quote = undefined;
        }
      }
    } else if ((character === '"' || character === "'") && (index === 0 || /[\s[,{]/.test(line[index - 1] ?? ''))) {
      quote = character;
    } else if (character === '#' && (index === 0 || /\s/.test(line[index - 1] ?? ''))) {
      return line.slice(0, index);
    }
  }
  return line;
}

// ---- Typst

/** Runs of text with nothing that starts a comment, raw text, a string, code or a group. */
const PLAIN_MARKUP = /[^/`"\\#[\]]+/y;
const PLAIN_CODE = /[^/"(){}[\]\n]+/y;
const TYPST_STATEMENTS = new Set(['let', 'set', 'show', 'import', 'include', 'if', 'for', 'while', 'return', 'context']);
/**
 * Groups nest this deep at most; deeper brackets are read as plain text. The scanner recurses once
 * per level, and ~5,000 levels overflow the stack; real documents nest a few dozen at most.
 */
const TYPST_MAX_DEPTH = 256;

/**
 * The Typst source without comments (`//`, nested `/* *\/`) and raw text (backticks). Quotes in
 * markup are typographic, not strings: they come out as “, so prose cannot look like a call.
 */
export function typstCode(text: string): string {
  let out = '';
  let index = 0;
  const at = (offset = 0): string => text[index + offset] ?? '';
  /** Copies what the sticky `pattern` matches here (else `fallback`) to the output, and returns it. */
  const copy = (pattern: RegExp, fallback: string): string => {
    pattern.lastIndex = index;
    const taken = pattern.exec(text)?.[0] ?? fallback;
    out += taken;
    index += taken.length;
    return taken;
  };

  const comment = (): boolean => {
    if (text.startsWith('//', index) && !/https?:$/i.test(text.slice(Math.max(0, index - 6), index))) {
      const end = text.indexOf('\n', index);
      index = end < 0 ? text.length : end;
      return true;
    }
    if (text.startsWith('/*', index)) {
      let depth = 0;
      do {
        if (text.startsWith('/*', index)) {
          depth++;
          index += 2;
        } else if (text.startsWith('*/', index)) {
          depth--;
          index += 2;
        } else {
          index++;
        }
      } while (depth > 0 && index < text.length);
      out += ' ';
      return true;
    }
    return false;
  };

  const raw = (): void => {
    const fence = /`+/y;
    fence.lastIndex = index;
    const ticks = fence.exec(text)?.[0] ?? '`';
    if (ticks.length === 2) { // an empty raw
      index += 2;
      return;
    }
    const close = text.indexOf(ticks, index + ticks.length);
    index = close < 0 ? text.length : close + ticks.length;
    out += ' ';
  };

  let depth = 0;
  /** A group's content up to `closer` (consumed here), in code or in markup. */
  const group = (opener: string, closer: string, mode: 'code' | 'markup'): void => {
    out += opener;
    index++;
    if (depth >= TYPST_MAX_DEPTH) { // too deep: the opener is text, and the enclosing group reads on
      return;
    }
    depth++;
    if (mode === 'code') {
      code(closer, false);
    } else {
      markup(closer);
    }
    depth--;
    if (at() === closer) {
      out += closer;
      index++;
    }
  };

  const code = (closer: string | undefined, untilNewline: boolean): void => {
    while (index < text.length && at() !== closer && !(untilNewline && at() === '\n')) {
      if (comment()) {
        continue;
      }
      const character = at();
      if (character === '"') {
        copy(/"(?:[^"\\]|\\[\s\S])*"?/y, '"');
      } else if (character === '(' || character === '{') {
        group(character, character === '(' ? ')' : '}', 'code');
      } else if (character === '[') {
        group('[', ']', 'markup');
      } else {
        copy(PLAIN_CODE, character);
      }
    }
  };

  /** After `#`: an expression (a call with its arguments and trailing content) or a statement to the line's end. */
  const expression = (enclosing: string | undefined): void => {
    const first = at();
    if (first === '{' || first === '(') {
      group(first, first === '(' ? ')' : '}', 'code');
      return;
    }
    if (first === '[') {
      group('[', ']', 'markup');
      return;
    }
    const identifier = /[A-Za-z_][\w-]*/y;
    const name = copy(identifier, '');
    if (TYPST_STATEMENTS.has(name)) {
      code(enclosing, true);
      return;
    }
    for (;;) {
      if (at() === '(') {
        group('(', ')', 'code');
      } else if (at() === '[') {
        group('[', ']', 'markup');
      } else if (at() === '.' && /[A-Za-z_]/.test(at(1))) {
        out += '.';
        index++;
        copy(identifier, '');
      } else {
        return;
      }
    }
  };

  const markup = (closer: string | undefined): void => {
    while (index < text.length && at() !== closer) {
      if (comment()) {
        continue;
      }
      const character = at();
      if (character === '\\') { // an escape: \#, \", \/ …
        out += `\\${at(1) === '"' ? '“' : at(1)}`;
        index += 2;
      } else if (character === '`') {
        raw();
      } else if (character === '#' && /[A-Za-z_{([]/.test(at(1))) {
        out += '#';
        index++;
        expression(closer);
      } else if (character === '[' && closer !== undefined) {
        group('[', ']', 'markup');
      } else if (character === '"') {
        out += '“';
        index++;
      } else {
        copy(PLAIN_MARKUP, character);
      }
    }
  };

  markup(undefined);
  return out;
}
