/**
 * A document's source with what its processor does not read blanked, lengths and line breaks kept so
 * that offsets stay the document's: LaTeX comments, verbatim, `\verb` and `\iffalse` branches;
 * Markdown front matter, fenced code, inline code and HTML comments; Typst comments, raw text, strings
 * and URLs; reStructuredText comments, literal blocks and code directives. Every scanner is linear:
 * they run over whole documents (citeSyntax.ts `citedKeys`), hostile ones included.
 */

function blank(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/[^\n]/g, ' ');
}

/** Replaces the matched spans of `text` by spaces. */
function blankAll(text: string, spans: RegExp): string {
  return text.replace(spans, (span) => span.replace(/[^\n]/g, ' '));
}

/** LaTeX without `%` comments and verbatim, comment and listing environments. */
export function blankLatex(text: string): string {
  let out = '';
  let copied = 0;
  const verbatim = /\\begin\s*\{(verbatim\*?|Verbatim\*?|BVerbatim|LVerbatim|comment|lstlisting|minted|filecontents\*?)\}/y;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '\\') {
      verbatim.lastIndex = index;
      const environment = verbatim.exec(text)?.[1];
      const skipped = environment === undefined ? skippedLatex(text, index) : undefined;
      if (skipped !== undefined) {
        out += text.slice(copied, index) + blank(text, index, skipped);
        copied = skipped;
        index = skipped - 1;
      } else if (environment !== undefined) {
        const close = text.indexOf(`\\end{${environment}}`, verbatim.lastIndex);
        const end = close < 0 ? text.length : close + `\\end{${environment}}`.length;
        out += text.slice(copied, index) + blank(text, index, end);
        copied = end;
        index = end - 1;
      } else {
        index++;
      }
    } else if (character === '%') {
      const newline = text.indexOf('\n', index);
      const end = newline < 0 ? text.length : newline;
      out += text.slice(copied, index) + blank(text, index, end);
      copied = end;
      index = end - 1;
    }
  }
  return out + text.slice(copied);
}

const INLINE_VERBATIM = /\\(?:verb\*?|lstinline)([^A-Za-z\s{*])/y;
const IFFALSE = /\\iffalse(?![A-Za-z@])/y;
const CONDITIONAL_TOKEN = /\\(if(?!thenelse)[A-Za-z@]*|fi)(?![A-Za-z@])/g;

/**
 * Where what TeX does not read, starting at the backslash at `index`, ends: `\verb|…|` and
 * `\lstinline|…|` (on one line), `\iffalse … \fi` (nested conditionals counted). Undefined otherwise.
 */
function skippedLatex(text: string, index: number): number | undefined {
  INLINE_VERBATIM.lastIndex = index;
  const verbatim = INLINE_VERBATIM.exec(text);
  if (verbatim) {
    const delimiter = verbatim[1] ?? '';
    const lineEnd = text.indexOf('\n', INLINE_VERBATIM.lastIndex);
    const close = text.indexOf(delimiter, INLINE_VERBATIM.lastIndex);
    return close < 0 || (lineEnd >= 0 && close > lineEnd) ? (lineEnd < 0 ? text.length : lineEnd) : close + 1;
  }
  IFFALSE.lastIndex = index;
  if (!IFFALSE.test(text)) {
    return undefined;
  }
  let depth = 1;
  CONDITIONAL_TOKEN.lastIndex = IFFALSE.lastIndex;
  for (let token = CONDITIONAL_TOKEN.exec(text); token; token = CONDITIONAL_TOKEN.exec(text)) {
    depth += token[1] === 'fi' ? -1 : 1;
    if (depth === 0) {
      return CONDITIONAL_TOKEN.lastIndex;
    }
  }
  return text.length;
}

/** Markdown without YAML front matter, fenced and indented code, inline code and HTML comments. */
export function blankMarkdown(text: string): string {
  let out = blankAll(text, /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?=\r?\n|$)/);
  // The fence's run is taken whole ((?!`)): letting it shrink backtracks quadratically on a line of backticks.
  out = blankAll(out, /^([ \t]{0,3})(`{3,}(?!`)|~{3,}(?!~))[^\n]*\n[\s\S]*?(?:^\1?[ \t]{0,3}\2[`~]*[ \t]*$|(?![\s\S]))/gm);
  out = blankAll(out, /<!--[\s\S]*?(?:-->|(?![\s\S]))/g);
  return blankCodeSpans(out);
}

/**
 * Inline code spans blanked, line by line: a run of n backticks opens a span that the next run of
 * exactly n backticks on the line closes (a pattern with a back-reference backtracks on a long run).
 */
function blankCodeSpans(text: string): string {
  return text.split('\n').map((line) => {
    if (!line.includes('`')) {
      return line;
    }
    const runs = [...line.matchAll(/`+/g)].map((run) => ({ at: run.index ?? 0, length: run[0].length }));
    let out = '';
    let copied = 0;
    for (let open = 0; open < runs.length; open++) {
      const opener = runs[open];
      let close = open + 1;
      while (close < runs.length && runs[close]?.length !== opener?.length) {
        close++;
      }
      const closer = runs[close];
      if (opener && closer) {
        const end = closer.at + closer.length;
        out += line.slice(copied, opener.at) + ' '.repeat(end - opener.at);
        copied = end;
        open = close;
      }
    }
    return out + line.slice(copied);
  }).join('\n');
}

/** Typst without comments and raw text. */
export function blankTypst(text: string): string {
  let out = blankAll(text, /```[\s\S]*?(?:```|(?![\s\S]))|`[^`\n]*`/g);
  out = blankAll(out, /\/\*[\s\S]*?(?:\*\/|(?![\s\S]))/g);
  out = blankAll(out, /(?<!:)\/\/[^\n]*/g);
  // Strings in code (`"@carol"`, a link's URL) and bare URLs in markup are not references.
  return blankAll(out, /"(?:[^"\\\n]|\\.)*"|\bhttps?:\/\/[^\s)\]]+/g);
}

/** Directives whose content is not text (code, math, raw output). */
const RST_LITERAL_DIRECTIVE = /^[ \t]*\.\.[ \t]+(?:code-block|code|sourcecode|literalinclude|doctest|testcode|testoutput|math|raw|ipython|jupyter-execute)::/;
/** `..` then no directive, footnote, citation, target or substitution: a comment. */
const RST_COMMENT = /^[ \t]*\.\.(?:[ \t]*$|[ \t]+(?!\[|_|\||[\w.+-]+(?::[\w.+-]+)*::))/;
const RST_DIRECTIVE = /^[ \t]*\.\.[ \t]+[\w.+-]+(?::[\w.+-]+)*::/;

/** reStructuredText without comments, literal blocks (after `::`), code and math directives, and inline literals. */
export function blankRst(text: string): string {
  const lines = text.split('\n');
  const indentOf = (line: string): number => /^[ \t]*/.exec(line)?.[0].length ?? 0;
  /** Lines indented deeper than this (and blank lines) are blanked. */
  let blanking: number | undefined;
  /** A paragraph ended with `::` at this indent: the next indented block is literal. */
  let literal: number | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const empty = line.trim() === '';
    const indent = indentOf(line);
    if (blanking !== undefined) {
      if (empty || indent > blanking) {
        lines[index] = line.replace(/[^\r]/g, ' ');
        continue;
      }
      blanking = undefined;
    }
    if (literal !== undefined && !empty) {
      const base = literal;
      literal = undefined;
      if (indent > base) {
        blanking = base;
        lines[index] = line.replace(/[^\r]/g, ' ');
        continue;
      }
    }
    if (RST_COMMENT.test(line) || RST_LITERAL_DIRECTIVE.test(line)) {
      lines[index] = line.replace(/[^\r]/g, ' ');
      blanking = indent;
    } else if (!RST_DIRECTIVE.test(line) && /::[ \t]*\r?$/.test(line)) {
      literal = indent;
    }
  }
  return blankAll(lines.join('\n'), /``(?!\s)[\s\S]*?``/g);
}
