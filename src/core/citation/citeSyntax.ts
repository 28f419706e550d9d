/**
 * Citations in a document's source, by syntax: where the cursor is typing a key (for completion), and
 * every key a document cites or defines (for diagnostics, references and hovers). Offsets are the
 * document's own: comments, verbatim and code are blanked, never removed.
 *
 * - LaTeX: `\cite{a,b}` and every command with `cite` in its name (`citep`, `citet`, `autocite`,
 *   `parencite`, `textcite`, `footcite`, `nocite`, …), starred, with up to two optional arguments;
 *   `\bibitem{key}` defines a key.
 * - Pandoc (Markdown, Quarto, R Markdown): `[@a; -@b, p. 4]` and bare `@a`, not after a word
 *   character (an e-mail address), outside code.
 * - Typst: `@key` and `#cite(<key>)`; a `<key>` label in the document defines a key (a figure's).
 * - reStructuredText (sphinxcontrib-bibtex): `` :cite:`a,b` `` and its variants (`:cite:p:`, `:cite:t:`).
 */
import { blankLatex, blankMarkdown, blankRst, blankTypst } from './blankSource';
import type { CitationStyleKind } from './insert';

/** The kinds that cite by key. */
export type CiteKind = Extract<CitationStyleKind, 'latex' | 'pandoc' | 'typst' | 'rst'>;

export function isCiteKind(kind: CitationStyleKind): kind is CiteKind {
  return kind === 'latex' || kind === 'pandoc' || kind === 'typst' || kind === 'rst';
}

/** A key being typed at the cursor. */
export interface CiteContext {
  /** What is typed of the key so far (from its start to the cursor). */
  readonly prefix: string;
  /** The key's range, [start, end): `end` runs on past the cursor to the rest of the key. */
  readonly start: number;
  readonly end: number;
  /** The other keys of the same citation, to leave out of a list. */
  readonly others: readonly string[];
}

/** A cited key, where it is in the document. */
export interface CitedKey {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  /** Pandoc: a bare `@key` outside brackets, which may be a handle or a mention rather than a citation. */
  readonly bare?: boolean;
}

/** How far back from the cursor a citation is looked for (a long line of keys is shorter than this). */
const LOOK_BACK = 2_000;

/** Characters of a key, by syntax (Pandoc's: letters, digits, `_` and internal `:.#$%&-+?<>~/`). */
const KEY_CHAR: Record<CiteKind, RegExp> = {
  latex: /[^\s,{}%\\#~]/u,
  pandoc: /[\p{L}\p{N}_:.#$%&\-+?<>~/]/u,
  typst: /[\p{L}\p{N}_\-:.]/u,
  rst: /[^\s,`]/u,
};

/** A LaTeX command and its optional arguments up to the open brace the cursor is in. */
const LATEX_OPEN = /\\([A-Za-z]+)\*?\s*(?:\[[^\][\n]{0,500}\]\s*){0,2}\{([^{}\n]*)$/;

/** Commands with `cite` in their name that take no keys (natbib and biblatex settings). */
const NOT_CITING = new Set(['setcitestyle', 'citestyle', 'citeindexfalse', 'citeindextrue', 'citereset', 'citesetup', 'mancite', 'citeindextype']);

/** Whether a LaTeX command cites keys: `\cite`, `\Citet`, `\parencite`, `\footcite`, `\nocite`, … (any case). */
export function isLatexCiteCommand(name: string): boolean {
  return /cite/i.test(name) && !NOT_CITING.has(name.toLowerCase());
}
const RST_OPEN = /:cite(?::[a-z]+)*:`([^`\n]*)$/;
const TYPST_CITE_OPEN = /\bcite\(\s*<([\p{L}\p{N}_\-:.]*)$/u;

/** The key the cursor is typing inside a citation of `kind`, or undefined when it is not in one. */
export function citeContextAt(text: string, offset: number, kind: CiteKind): CiteContext | undefined {
  const lineStart = Math.max(0, text.lastIndexOf('\n', offset - 1) + 1, offset - LOOK_BACK);
  const before = text.slice(lineStart, offset);
  const keyEnd = (): number => {
    let end = offset;
    while (end < text.length && KEY_CHAR[kind].test(text[end] ?? '')) {
      end++;
    }
    // Pandoc and Typst keys end before punctuation that no letter or digit follows: the full stop
    // after `@smith.` ends the sentence, and accepting a key must not take it.
    while ((kind === 'pandoc' || kind === 'typst') && end > offset && !/[\p{L}\p{N}_]/u.test(text[end - 1] ?? '')) {
      end--;
    }
    return end;
  };
  const inList = (content: string, separator: RegExp, clean: (key: string) => string = (key) => key): CiteContext => {
    const parts = content.split(separator);
    const prefix = clean((parts[parts.length - 1] ?? '').trimStart());
    const end = keyEnd();
    const rest = text.slice(offset, end);
    const others = parts.slice(0, -1).map((part) => clean(part.trim())).filter(Boolean);
    return { prefix, start: offset - prefix.length, end, others: [...others, ...afterCursor(text, end, kind)].filter((key) => key !== prefix + rest) };
  };
  switch (kind) {
    case 'latex': {
      if (inLatexComment(before)) {
        return undefined;
      }
      const open = LATEX_OPEN.exec(before);
      return open && isLatexCiteCommand(open[1] ?? '') ? inList(open[2] ?? '', /,/) : undefined;
    }
    case 'rst': {
      const open = RST_OPEN.exec(before);
      return open ? inList(open[1] ?? '', /,/) : undefined;
    }
    case 'typst': {
      const cite = TYPST_CITE_OPEN.exec(before);
      if (cite) {
        return inList(cite[1] ?? '', /$^/);
      }
      return bareKey(before, offset, keyEnd, kind);
    }
    case 'pandoc': {
      if (inCodeSpan(before)) {
        return undefined;
      }
      const bare = bareKey(before, offset, keyEnd, kind);
      if (!bare) {
        return undefined;
      }
      const group = /\[([^\][\n]*)$/.exec(before);
      const inGroup = group !== null && /(?:^|[;\s])-?@[^;]*$/.test(group[1] ?? '');
      if (!inGroup) {
        return bare;
      }
      const others = [...(group?.[1] ?? '').matchAll(/-?@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&\-+?<>~/]*)/gu)].map((match) => match[1] ?? '')
        .filter((key) => key !== bare.prefix);
      return { ...bare, others: [...others, ...afterCursor(text, bare.end, kind)] };
    }
  }
}

/**
 * Whether a line after `text` (Markdown or Typst up to the start of the cursor's line) is inside a
 * fenced code block (``` or ~~~, closed by a run as long or longer of the same character): `@` there
 * is code, a decorator or a handle, never a citation. citeContextAt reads only the cursor's line.
 */
export function inFencedCode(text: string): boolean {
  let fence: string | undefined;
  for (const line of text.split('\n')) {
    const match = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(line);
    const run = match?.[1];
    if (match === null || run === undefined) {
      continue;
    }
    const rest = line.slice(match[0].length);
    if (fence === undefined) {
      if (!(run.startsWith('`') && rest.includes('`'))) { // a backtick fence's info string has no backtick
        fence = run;
      }
    } else if (run[0] === fence[0] && run.length >= fence.length && rest.trim() === '') {
      fence = undefined;
    }
  }
  return fence !== undefined;
}

/** `@` then a key (or nothing yet) right before the cursor, not after a word character. */
function bareKey(before: string, offset: number, keyEnd: () => number, kind: CiteKind): CiteContext | undefined {
  const match = /(?:^|[^\p{L}\p{N}_@])-?@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&\-+?<>~/]*|)$/u.exec(before);
  if (!match) {
    return undefined;
  }
  const prefix = match[1] ?? '';
  if (kind === 'typst' && /[^\p{L}\p{N}_\-:.]/u.test(prefix)) {
    return undefined;
  }
  return { prefix, start: offset - prefix.length, end: keyEnd(), others: [] };
}

/** Keys after the cursor in the same citation (up to its end on this line). */
function afterCursor(text: string, from: number, kind: CiteKind): string[] {
  const lineEnd = text.indexOf('\n', from) < 0 ? text.length : text.indexOf('\n', from);
  const rest = text.slice(from, Math.min(lineEnd, from + LOOK_BACK));
  switch (kind) {
    case 'latex': {
      const close = rest.indexOf('}');
      return close < 0 ? [] : rest.slice(0, close).split(',').map((key) => key.trim()).filter(Boolean);
    }
    case 'rst': {
      const close = rest.indexOf('`');
      return close < 0 ? [] : rest.slice(0, close).split(',').map((key) => key.trim()).filter(Boolean);
    }
    case 'pandoc': {
      const close = rest.search(/[\][]/);
      if (close < 0 || rest[close] !== ']') {
        return [];
      }
      return [...rest.slice(0, close).matchAll(/-?@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&\-+?<>~/]*)/gu)].map((match) => match[1] ?? '');
    }
    case 'typst':
      return [];
  }
}

/** Whether an unescaped `%` comes before on the line (`\%` is a percent sign, `\\%` a comment). */
function inLatexComment(before: string): boolean {
  for (let index = 0; index < before.length; index++) {
    const character = before[index];
    if (character === '\\') {
      index++;
    } else if (character === '%') {
      return true;
    }
  }
  return false;
}

/**
 * Whether the line so far has an open inline code span: a run of backticks opens one that only a run
 * of the same length closes (``a ` b`` is one span with a backtick in it).
 */
function inCodeSpan(before: string): boolean {
  let open = 0;
  for (const run of before.match(/`+/g) ?? []) {
    if (open === 0) {
      open = run.length;
    } else if (run.length === open) {
      open = 0;
    }
  }
  return open > 0;
}

// ---- Every key a document cites

/** The citations of a whole document, in order. */
export function citedKeys(text: string, kind: CiteKind): CitedKey[] {
  switch (kind) {
    case 'latex': return latexCited(blankLatex(text));
    case 'pandoc': return pandocCited(blankMarkdown(text));
    case 'typst': return typstCited(blankTypst(text));
    case 'rst': return rstCited(blankRst(text));
  }
}

/** Keys the document defines itself: LaTeX `\bibitem`s, Typst labels. */
export function definedKeys(text: string, kind: CiteKind): Set<string> {
  const keys = new Set<string>();
  if (kind === 'latex') {
    for (const match of blankLatex(text).matchAll(/\\bibitem\s*(?:\[[^\]\n]*\]\s*)?\{([^{}\n]+)\}/g)) {
      keys.add((match[1] ?? '').trim());
    }
  } else if (kind === 'typst') {
    // A label, not the `<key>` of `#cite(<key>)`, which cites it.
    for (const match of blankTypst(text).matchAll(/(?<!\bcite\(\s*)<([\p{L}\p{N}_\-:.]+)>/gu)) {
      keys.add(match[1] ?? '');
    }
  }
  return keys;
}

/** Keys of a comma-separated list at `contentStart`, with their offsets. */
function listKeys(content: string, contentStart: number, out: CitedKey[]): void {
  let at = 0;
  for (const part of content.split(',')) {
    const lead = part.length - part.trimStart().length;
    const key = part.trim();
    if (key !== '' && key !== '*') {
      out.push({ key, start: contentStart + at + lead, end: contentStart + at + lead + key.length });
    }
    at += part.length + 1;
  }
}

function latexCited(code: string): CitedKey[] {
  const out: CitedKey[] = [];
  // The command's name is matched whole, then tested: a pattern with `cite` inside the name
  // backtracks over a long run of letters (`\citecitecite…`).
  for (const match of code.matchAll(/\\([A-Za-z]+)\*?\s*(?:\[[^\][\n]{0,500}\]\s*){0,2}\{([^{}]*)\}/g)) {
    if (!isLatexCiteCommand(match[1] ?? '')) {
      continue;
    }
    const content = match[2] ?? '';
    listKeys(content, (match.index ?? 0) + match[0].length - 1 - content.length, out);
  }
  return out;
}

function rstCited(text: string): CitedKey[] {
  const out: CitedKey[] = [];
  for (const match of text.matchAll(/:cite(?::[a-z]+)*:`([^`\n]*)`/g)) {
    const content = match[1] ?? '';
    const keys: CitedKey[] = [];
    listKeys(content, (match.index ?? 0) + match[0].length - 1 - content.length, keys);
    out.push(...keys.map(withoutRstNotes).filter((key) => key.key !== ''));
  }
  return out;
}

/** sphinxcontrib-bibtex's `{pre}key{post}`: the key without its notes. */
function withoutRstNotes(cited: CitedKey): CitedKey {
  const pre = /^\{[^{}]*\}/.exec(cited.key)?.[0].length ?? 0;
  const post = /\{[^{}]*\}$/.exec(cited.key.slice(pre))?.[0].length ?? 0;
  return pre === 0 && post === 0 ? cited : { key: cited.key.slice(pre, cited.key.length - post).trim(), start: cited.start + pre, end: cited.end - post };
}

const PANDOC_KEY = /(^|[^\p{L}\p{N}_@\\])-?@(?:\{([^{}\n]+)\}|([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*))/gu;

function pandocCited(code: string): CitedKey[] {
  const out: CitedKey[] = [];
  const groups: Array<[number, number]> = [];
  // A bracket with no bracket inside, then whether it holds an @ (one pattern for both backtracks on `[@@@…`).
  for (const match of code.matchAll(/\[[^\][\n]*\](?![([])/g)) {
    if (match[0].includes('@')) {
      groups.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
    }
  }
  let group = 0; // keys come in document order, and so do the groups: one walk over both
  for (const match of code.matchAll(PANDOC_KEY)) {
    const key = match[2] ?? match[3] ?? '';
    const start = (match.index ?? 0) + (match[1] ?? '').length + match[0].slice((match[1] ?? '').length).indexOf(key);
    while (group < groups.length && (groups[group]?.[1] ?? 0) <= start) {
      group++;
    }
    const current = groups[group];
    const bare = !(current && start > current[0] && start < current[1]);
    out.push({ key, start, end: start + key.length, ...(bare ? { bare: true } : {}) });
  }
  return out;
}

function typstCited(code: string): CitedKey[] {
  const out: CitedKey[] = [];
  for (const match of code.matchAll(/(^|[^\p{L}\p{N}_@])@([\p{L}\p{N}_](?:[\p{L}\p{N}_-]|[:.](?=[\p{L}\p{N}_]))*)/gu)) {
    const start = (match.index ?? 0) + (match[1] ?? '').length + 1;
    out.push({ key: match[2] ?? '', start, end: start + (match[2] ?? '').length });
  }
  for (const match of code.matchAll(/\bcite\(\s*<([\p{L}\p{N}_\-:.]+)>/gu)) {
    const key = match[1] ?? '';
    const start = (match.index ?? 0) + match[0].length - 1 - key.length;
    out.push({ key, start, end: start + key.length });
  }
  return out.sort((a, b) => a.start - b.start);
}
