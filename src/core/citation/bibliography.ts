/**
 * The bibliography a document names: LaTeX `\addbibresource{refs.bib}` (biblatex) or
 * `\bibliography{refs}` (BibTeX); a `bibliography:` field (a value or a list) in the YAML front
 * matter of Markdown, Quarto and R Markdown; Typst `bibliography("refs.bib")`. reStructuredText has
 * no such command (sphinxcontrib-bibtex names its files in conf.py).
 *
 * Only what the document's processor would read counts: commands in comments (`%`, `//`, `/* *\/`,
 * YAML `#`), in `\iffalse … \fi`, in verbatim or comment environments and in Typst raw text are
 * skipped. Only local .bib files count (not URLs, not .json or .yml); paths are as written.
 */
import type { CitationStyleKind } from './insert';
import { latexCode, stripYamlComment, typstCode } from './sourceText';

/**
 * How much of a document is read: its first 4 Mi characters (4 MiB of ASCII). The scanners are linear, but a 10 MB file still
 * takes a second or so, on every Insert Citation; real sources are far smaller (a long thesis in one
 * file is ~1 MB), so only generated or hostile files are cut. The beginning is kept because
 * \addbibresource, YAML front matter and Typst templates are there; a \bibliography beyond the
 * limit is missed, and paperFeed.citation.bibFile applies as for a document that names none.
 */
export const SCAN_LIMIT = 4 * 1024 * 1024;

export function findBibliography(kind: CitationStyleKind, whole: string): string | undefined {
  return findBibliographies(kind, whole)[0];
}

/** Every bibliography the document names, in the order its processor reads them (duplicates removed). */
export function findBibliographies(kind: CitationStyleKind, whole: string): string[] {
  const text = whole.length > SCAN_LIMIT ? whole.slice(0, SCAN_LIMIT) : whole;
  switch (kind) {
    case 'latex': return [...new Set(latexBibliographies(latexCode(text)))];
    case 'pandoc': return [...new Set(yamlBibliographies(text).map(localBib).filter((name): name is string => name !== undefined))];
    case 'typst': return [...new Set([...typstBibliographies(typstCode(text))].map(localBib).filter((name): name is string => name !== undefined))];
    default: return [];
  }
}

/**
 * Whether the document also takes references from somewhere Paper Feed does not read: a CSL JSON or
 * YAML bibliography, a URL, a remote biblatex resource, or Pandoc's inline `references:`. A key
 * missing from its .bib files may be defined there, so it is not reported.
 */
export function namesUnreadBibliography(kind: CitationStyleKind, whole: string): boolean {
  const text = whole.length > SCAN_LIMIT ? whole.slice(0, SCAN_LIMIT) : whole;
  switch (kind) {
    case 'latex':
      return [...latexCode(text).matchAll(LATEX_RESOURCE)].some((match) => !localBib(match[2]) || /location\s*=\s*remote/i.test(match[1] ?? ''));
    case 'pandoc':
      return yamlBibliographies(text).some((name) => !localBib(name)) || /^["']?references["']?[ \t]*:/m.test(frontMatter(text) ?? '');
    case 'typst':
      return [...typstBibliographies(typstCode(text))].some((name) => !localBib(name));
    default:
      return false;
  }
}

/**
 * Whether a LaTeX document reads its .bib through biblatex (`\usepackage{biblatex}`, `\addbibresource`):
 * biblatex prints `eprint` itself, so the `portable` BibTeX form's `howpublished` would show the id twice.
 */
export function usesBiblatex(kind: CitationStyleKind, whole: string): boolean {
  if (kind !== 'latex') {
    return false;
  }
  const code = latexCode(whole.length > SCAN_LIMIT ? whole.slice(0, SCAN_LIMIT) : whole);
  return /\\usepackage\s*(?:\[[^\][]{0,1000}\]\s*)?\{[^{}]*\bbiblatex\b[^{}]*\}/.test(code) || /\\addbibresource\b/.test(code);
}

/** A name that is a local .bib file, not a URL (`https://…`, `file://…`; `C:/…` is a path). */
function localBib(name: string | undefined): string | undefined {
  const trimmed = name?.trim() ?? '';
  return trimmed.toLowerCase().endsWith('.bib') && !/^[a-z][a-z0-9+.-]+:\/\//i.test(trimmed) && !trimmed.includes('\0') ? trimmed : undefined;
}

// ---- LaTeX

const LATEX_RESOURCE = /\\(?:addbibresource|addglobalbib|addsectionbib)\s*(?:\[([^\][]{0,1000})\]\s*)?\{([^{}]*)\}/g;

function* latexBibliographies(code: string): Generator<string> {
  // Options are short and end before the next [, and spaces are matched once: a regex that may scan
  // far on (or split a run of spaces every way) from every \addbibresource is quadratic in a hostile document.
  for (const match of code.matchAll(LATEX_RESOURCE)) {
    const name = localBib(match[2]);
    if (name && !/location\s*=\s*remote/i.test(match[1] ?? '')) {
      yield name;
    }
  }
  for (const match of code.matchAll(/\\(?:no)?bibliography\s*\{([^{}]*)\}/g)) {
    for (const written of (match[1] ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
      const name = localBib(written.toLowerCase().endsWith('.bib') ? written : `${written}.bib`);
      if (name) {
        yield name;
      }
    }
  }
}

// ---- YAML front matter

function frontMatter(text: string): string | undefined {
  return /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text)?.[1];
}

/** The names in the front matter's `bibliography` field, as written (unquoted, any kind). */
function yamlBibliographies(text: string): string[] {
  const front = frontMatter(text);
  if (front === undefined) {
    return [];
  }
  const lines = front.split(/\r?\n/).map((line) => stripYamlComment(line).trimEnd()).filter((line) => line.trim() !== '');
  const at = lines.findIndex((line) => /^["']?bibliography["']?[ \t]*:(?:[ \t]|$)/.test(line));
  if (at < 0) {
    return [];
  }
  const value = (lines[at] ?? '').replace(/^["']?bibliography["']?[ \t]*:/, '').trim();
  let names: string[];
  if (value.startsWith('[')) { // a flow list, which may go on over the next lines
    let flow = value;
    let closed = flow.includes(']');
    for (let next = at + 1; !closed && next < lines.length; next++) { // each line looked at once
      const line = lines[next]?.trim() ?? '';
      flow += ` ${line}`;
      closed = line.includes(']');
    }
    names = flow.slice(1, flow.includes(']') ? flow.indexOf(']') : undefined).split(',');
  } else if (value !== '') {
    names = [value];
  } else { // a block list: `- a.bib` lines
    names = [];
    for (let next = at + 1; next < lines.length && /^[ \t]*-(?:[ \t]|$)/.test(lines[next] ?? ''); next++) {
      names.push((lines[next] ?? '').replace(/^[ \t]*-/, ''));
    }
  }
  return names.map((name) => unquoteYaml(name.trim())).filter((name) => name !== '');
}

function unquoteYaml(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(["\\/])/g, '$1');
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) {
    return value.slice(1, -1).replace(/''/g, "'");
  }
  return value;
}

// ---- Typst

function* typstBibliographies(code: string): Generator<string> {
  for (const match of code.matchAll(/(?<![\w.-])bibliography\(\s*\(?\s*((?:"(?:[^"\\]|\\.)*"\s*,?\s*)+)/g)) {
    for (const literal of (match[1] ?? '').matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
      yield (literal[1] ?? '').replace(/\\(["\\])/g, '$1');
    }
  }
}
