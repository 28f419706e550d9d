/**
 * How a citation goes into a file, by language: LaTeX `\cite{key}` (joining a \cite{…} the cursor is
 * in or right after), Pandoc `[@key]` (merging into an adjacent `[@a; @b]`), Typst `@key`,
 * reStructuredText :cite:`key` (joining one the cursor is in or right after), a .bib file the entry
 * itself, code a comment, plain text a plain reference.
 */

export type LatexCommand = 'cite' | 'citep' | 'citet' | 'autocite' | 'parencite';
export const LATEX_COMMANDS: readonly LatexCommand[] = ['cite', 'citep', 'citet', 'autocite', 'parencite'];

export type CitationStyleKind = 'latex' | 'pandoc' | 'typst' | 'rst' | 'bibtex' | 'plain' | 'comment';

/** Whether the language cites by key from a .bib file. */
export function usesBibFile(kind: CitationStyleKind): boolean {
  return kind === 'latex' || kind === 'pandoc' || kind === 'typst' || kind === 'rst';
}

const LINE_COMMENTS: Record<string, string> = {
  python: '#', r: '#', julia: '#', shellscript: '#', ruby: '#', perl: '#', yaml: '#', toml: '#', dockerfile: '#',
  makefile: '#', powershell: '#', coffeescript: '#', elixir: '#', nim: '#', cmake: '#', properties: '#',
  javascript: '//', typescript: '//', javascriptreact: '//', typescriptreact: '//', java: '//', c: '//', cpp: '//',
  csharp: '//', go: '//', rust: '//', swift: '//', kotlin: '//', scala: '//', dart: '//', php: '//', groovy: '//',
  fsharp: '//', 'objective-c': '//', 'objective-cpp': '//', zig: '//', jsonc: '//', cuda: '//', glsl: '//', hlsl: '//',
  lua: '--', sql: '--', haskell: '--', elm: '--', ada: '--', vhdl: '--',
  matlab: '%', octave: '%', erlang: '%', prolog: '%',
  bat: 'REM', vb: "'", lisp: ';', clojure: ';', scheme: ';', ini: ';', asm: ';',
};
const BLOCK_COMMENTS: Record<string, [string, string]> = {
  html: ['<!--', '-->'], xml: ['<!--', '-->'], svg: ['<!--', '-->'], vue: ['<!--', '-->'], css: ['/*', '*/'], scss: ['/*', '*/'], less: ['/*', '*/'],
  ocaml: ['(*', '*)'], pascal: ['{', '}'],
};

/** Every character some language ends a line (and so a line comment) at: JavaScript also at U+2028 and U+2029, YAML 1.1 at U+0085. */
const LINE_BREAKS = /[\r\n\u0085\u2028\u2029]+/g;

/**
 * The reference and URL (paper text: untrusted) made safe inside a comment, so that nothing in them
 * ends it: one line with no trailing backslash (a continuation in C and Make), and the block's own
 * delimiters broken, with what a block comment lexes inside (OCaml's strings) taken out.
 */
function commentText(text: string, line: string | undefined, block: readonly [string, string] | undefined): string {
  let safe = text.replace(LINE_BREAKS, ' ').replace(/[\\^\s]+$/, ''); // ^ continues a line in cmd
  if (line) {
    // A line comment may sit inside what another construct opened: a block comment or docstring the
    // cursor is in, a template literal. Their closers are broken too.
    safe = safe.replace(ENCLOSING_CLOSERS, (closer) => (closer === '`' ? "'" : closer.split('').join(' '))).replace(/\$\{/g, '$ {');
  }
  if (line === 'REM') { // cmd expands %…% even in REM lines, and %~ stops the batch file
    return safe.replace(/%/g, '%%');
  }
  switch (block?.[1]) {
    case '-->': // HTML ends a comment at --> and --!>, XML forbids -- in one
      return safe.replace(/-(?=-)/g, '- ');
    case '*/':
      return safe.replace(/\*\//g, '* /');
    case '*)': // OCaml nests (* *) and lexes "strings" and {|quoted strings|} inside comments
      return safe.replace(/"/g, "'").replace(/\{(?=[a-z_%|])/g, '{ ').replace(/\(\*/g, '( *').replace(/\*\)/g, '* )');
    case '}': // Pascal ends { at }; Free Pascal nests { } and (* *)
      safe = safe.replace(/\{/g, '(').replace(/\}/g, ')');
      return safe.replace(/\(\*/g, '( *').replace(/\*\)/g, '* )');
    default:
      return safe;
  }
}

/** Whether the line holds anything but blanks before `offset`. */
export function textBeforeOnLine(text: string, offset: number): boolean {
  const start = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  return /\S/.test(text.slice(start, offset));
}

/** What ends a block comment, docstring, multi-line string or template literal in a language with line comments. */
const ENCLOSING_CLOSERS = /\*\/|"""|'''|`|-\}|\]\]|\|#|#>|%\}|=#|\*\)/g;

/** The languages with a comment syntax of their own (others get `#` lines). */
export const COMMENT_LANGUAGES: readonly string[] = [...Object.keys(LINE_COMMENTS), ...Object.keys(BLOCK_COMMENTS)];

export function kindFor(languageId: string): CitationStyleKind {
  switch (languageId) {
    case 'latex': case 'tex': case 'context': case 'bibtex-style': return 'latex';
    case 'markdown': case 'quarto': case 'rmd': case 'rmarkdown': case 'pandoc': return 'pandoc';
    case 'typst': return 'typst';
    case 'restructuredtext': case 'rst': return 'rst';
    case 'bibtex': case 'biblatex': return 'bibtex';
    case 'plaintext': case '': return 'plain';
    default: return 'comment';
  }
}

const KINDS_BY_EXTENSION: Record<string, CitationStyleKind> = {
  '.tex': 'latex', '.ltx': 'latex', '.md': 'pandoc', '.markdown': 'pandoc', '.qmd': 'pandoc', '.rmd': 'pandoc',
  '.typ': 'typst', '.rst': 'rst', '.bib': 'bibtex', '.txt': 'plain',
};

/**
 * The kind for a document: by its language, else (a plain-text document VS Code has no language for,
 * such as .qmd, .typ or .bib without their extensions installed) by its file extension.
 */
export function kindForDocument(languageId: string, fileName: string): CitationStyleKind {
  const byLanguage = kindFor(languageId);
  if (byLanguage !== 'plain') {
    return byLanguage;
  }
  const extension = /\.[A-Za-z]+$/.exec(fileName)?.[0]?.toLowerCase() ?? '';
  return KINDS_BY_EXTENSION[extension] ?? 'plain';
}

export interface InsertionInput {
  /** The document's text and the cursor's offset in it. */
  readonly text: string;
  readonly offset: number;
  readonly languageId: string;
  /** Decided by `kindForDocument`; defaults to the language's kind. */
  readonly kind?: CitationStyleKind;
  readonly key: string;
  /** A plain reference, for code comments and plain text. */
  readonly reference: string;
  readonly url: string;
  /** The BibTeX entry, for .bib documents. */
  readonly bibEntry: string;
  readonly latexCommand?: LatexCommand;
  /** The document's line ending. */
  readonly eol?: string;
}

/** A replacement of [start, end) by `text`; an empty text with start === end means "nothing to do". */
export interface PlannedEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** What to insert at the cursor, merging with a citation the cursor is in or next to. */
export function planInsertion(input: InsertionInput): PlannedEdit {
  const { text, offset, key } = input;
  const at = (insert: string): PlannedEdit => ({ start: offset, end: offset, text: insert });
  switch (input.kind ?? kindFor(input.languageId)) {
    case 'latex': {
      const open = enclosingGroup(text, offset, /\\(?!(?:set)?citestyle\b)[A-Za-z]*cite[A-Za-z]*\*?(?:\[[^\]]*\]){0,2}\{([^{}]*)$/);
      if (open) {
        return joinList(open, offset, key, ',', ', ', text);
      }
      // \nocite lists what the bibliography shows without citing it in the text: never joined from outside.
      // Only commands that cite a list in the text: joining into \citeauthor{a} or \citeyear{a} would change what it prints.
      const before = precedingGroup(text, offset, /\\(?:[Cc]ite[pt]?|citeal[pt]|[Aa]utocite|[Pp]arencite|[Tt]extcite|[Ff]ootcite|[Ss]upercite|[Ss]martcite)\*?(?:\[[^\]]*\]){0,2}\{([^{}]*)\}([ \t]*)$/);
      if (before) {
        return appendToList(before, key);
      }
      return at(`\\${input.latexCommand ?? 'cite'}{${key}}`);
    }
    case 'pandoc': {
      const bracket = pandocGroup(text, offset);
      if (bracket) {
        const keys = bracket.content.split(';').map((part) => part.trim().replace(/^-?@/, ''));
        if (keys.includes(key)) {
          return at('');
        }
        return { start: bracket.close, end: bracket.close, text: `; @${key}` };
      }
      return at(`[@${key}]`);
    }
    case 'typst':
      return at(`@${key}`);
    case 'rst': {
      const open = enclosingGroup(text, offset, /:cite(?::[a-z]+)?:`([^`]*)$/, '`');
      if (open) {
        return joinList(open, offset, key, ',', ',', text);
      }
      const before = precedingGroup(text, offset, /:cite(?::[a-z]+)?:`([^`]*)`([ \t]*)$/);
      if (before) {
        return appendToList(before, key);
      }
      return at(`:cite:\`${key}\``);
    }
    case 'bibtex':
      return at(input.bibEntry);
    case 'plain':
      return at(`${input.reference}`);
    case 'comment': {
      const reference = input.reference.replace(/\s*https?:\/\/\S+$/, '');
      return at(asComment(input.languageId, [reference, input.url], input.eol ?? '\n', textBeforeOnLine(text, offset)));
    }
  }
}

/** One paper's part of an insertion of several (`planInsertions`). */
export type CitedPaper = Pick<InsertionInput, 'key' | 'reference' | 'url' | 'bibEntry'>;

/**
 * What to insert at the cursor for several papers at once: one citation of all their keys where
 * the language has one (each key joined in turn as `planInsertion` joins a cursor's neighbour:
 * `\cite{a,b}`, `[@a; @b]`, :cite:`a,b`), `@a @b` in Typst, a reference per line in plain text and
 * comments, one entry after another in a .bib. The result is one replacement of the text as it is.
 */
export function planInsertions(papers: readonly CitedPaper[], input: Omit<InsertionInput, keyof CitedPaper>): PlannedEdit {
  const [first] = papers;
  if (!first || papers.length === 1) {
    return first ? planInsertion({ ...input, ...first }) : { start: input.offset, end: input.offset, text: '' };
  }
  const kind = input.kind ?? kindFor(input.languageId);
  const eol = input.eol ?? '\n';
  const at = (insert: string): PlannedEdit => ({ start: input.offset, end: input.offset, text: insert });
  switch (kind) {
    case 'typst':
      return at(papers.map((paper) => `@${paper.key}`).join(' '));
    case 'plain':
      return at(papers.map((paper) => paper.reference).join(eol));
    case 'bibtex':
      return at(papers.map((paper) => paper.bibEntry.replace(/\s+$/, '')).join(`${eol}${eol}`));
    case 'comment':
      return at(asComment(input.languageId, papers.flatMap((paper) => [paper.reference.replace(/\s*https?:\/\/\S+$/, ''), paper.url]), eol,
        textBeforeOnLine(input.text, input.offset)));
    default:
      break;
  }
  // Each key joins the citation the previous one made (the cursor right after it), on the text as it becomes.
  let text = input.text;
  let offset = input.offset;
  for (const paper of papers) {
    const planned = planInsertion({ ...input, ...paper, text, offset });
    text = text.slice(0, planned.start) + planned.text + text.slice(planned.end);
    offset = planned.start + planned.text.length;
    // Right after the citation rather than inside it, so that the next key is appended as the first was.
    if (/^[}\]`]/.test(text.slice(offset, offset + 1))) {
      offset++;
    }
  }
  // The one replacement from the original text to the result: what lies between their common ends.
  const original = input.text;
  let start = 0;
  while (start < original.length && start < text.length && original[start] === text[start]) {
    start++;
  }
  let tail = 0;
  while (tail < original.length - start && tail < text.length - start && original[original.length - 1 - tail] === text[text.length - 1 - tail]) {
    tail++;
  }
  return { start, end: original.length - tail, text: text.slice(start, text.length - tail) };
}

/**
 * Parts of text as a comment of the language: a line comment each, or one block comment, with the
 * text unable to end the comment early (see `commentText`).
 */
export function asComment(languageId: string, parts: readonly string[], eol: string, afterText = false): string {
  const line = LINE_COMMENTS[languageId];
  const block = BLOCK_COMMENTS[languageId];
  if (line || !block) {
    const token = line ?? '#';
    // After code on the same line the token may not start a comment (`echo hi#`): start a new line.
    return (afterText ? eol : '') + parts.map((part) => `${token} ${commentText(part, token, undefined)}${eol}`).join('');
  }
  return `${block[0]} ${parts.map((part) => commentText(part, undefined, block)).join(' ')} ${block[1]}`;
}

interface OpenGroup {
  /** Offset of the first character inside the braces. */
  readonly contentStart: number;
  /** Offset of the closing brace. */
  readonly close: number;
  readonly content: string;
}

/** The `{…}` of a citation command (or `…` of a role) that the cursor is inside. */
function enclosingGroup(text: string, offset: number, head: RegExp, closer = '}'): OpenGroup | undefined {
  const lineStart = Math.max(0, text.lastIndexOf('\n', offset - 1) + 1, offset - 2_000);
  const match = head.exec(text.slice(lineStart, offset));
  if (!match) {
    return undefined;
  }
  const close = text.indexOf(closer, offset);
  const newline = text.indexOf('\n', offset);
  if (close < 0 || (newline >= 0 && newline < close)) {
    return undefined;
  }
  const contentStart = offset - (match[1] ?? '').length;
  return { contentStart, close, content: text.slice(contentStart, close) };
}

/** Adds `key` to a comma-separated key list, where the cursor is, unless it is there already. */
function joinList(group: OpenGroup, offset: number, key: string, separator: string, joiner: string, text: string): PlannedEdit {
  const keys = group.content.split(separator).map((part) => part.trim());
  if (keys.includes(key)) {
    return { start: offset, end: offset, text: '' };
  }
  if (group.content.trim() === '') {
    return { start: group.contentStart, end: group.close, text: key };
  }
  // Insert after the key the cursor is in (or at the end), keeping the others as they are.
  const nextSeparator = text.indexOf(separator, offset);
  const insertAt = nextSeparator >= 0 && nextSeparator < group.close ? nextSeparator : group.close;
  const before = text.slice(group.contentStart, insertAt).trimEnd();
  const start = group.contentStart + before.length;
  return { start, end: start, text: `${joiner}${key}` };
}

/**
 * The key list of a citation that ends right before the cursor, on its line, with only spaces or
 * tabs between (`\cite{a}|`, `\citep[p.~3]{a} |`, :cite:`a`|): `head` matches the line up to the
 * cursor, group 1 being the list, then one closing character, then group 2 the blanks.
 */
function precedingGroup(text: string, offset: number, head: RegExp): OpenGroup | undefined {
  const lineStart = Math.max(0, text.lastIndexOf('\n', offset - 1) + 1, text.lastIndexOf('\r', offset - 1) + 1, offset - 2_000);
  const match = head.exec(text.slice(lineStart, offset));
  if (!match) {
    return undefined;
  }
  const list = match[1] ?? '';
  const close = offset - (match[2] ?? '').length - 1;
  return { contentStart: close - list.length, close, content: list };
}

/**
 * Adds `key` at the end of a list the cursor is outside of, unless it is there already; separated as
 * the list's keys are (`a, b` or `a,b`), else with a comma alone.
 */
function appendToList(group: OpenGroup, key: string): PlannedEdit {
  const keys = group.content.split(',').map((part) => part.trim());
  if (keys.includes(key)) {
    return { start: group.close, end: group.close, text: '' };
  }
  if (group.content.trim() === '') {
    return { start: group.contentStart, end: group.close, text: key };
  }
  const joiner = /,\s/.test(group.content) ? ', ' : ',';
  const start = group.contentStart + group.content.trimEnd().length;
  return { start, end: start, text: `${joiner}${key}` };
}

/** A Pandoc citation group `[@a; @b]` the cursor is inside or right after. */
function pandocGroup(text: string, offset: number): { close: number; content: string } | undefined {
  const lineStart = Math.max(0, text.lastIndexOf('\n', offset - 1) + 1);
  const lineEnd = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd);
  const group = /\[(-?@[^\][]*)\]/g;
  for (let match = group.exec(line); match; match = group.exec(line)) {
    const open = lineStart + match.index;
    const close = open + match[0].length - 1;
    if (offset > open && offset <= close + 1) {
      return { close, content: match[1] ?? '' };
    }
  }
  return undefined;
}
