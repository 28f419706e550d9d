/**
 * Running Debian's BibTeX, pdflatex and Biber, and reading what they wrote: the .bbl's entries by
 * key and the .blg's complaints. A missing tool fails the layer with the command that installs it.
 */
import { spawnSync } from 'node:child_process';

/** The Debian packages the layer needs (installed by .ci/run). */
export const TEX_PACKAGES = [
  'texlive-binaries',
  'texlive-base',
  'texlive-latex-base',
  'texlive-latex-recommended',
  'texlive-publishers',
  'texlive-bibtex-extra',
  'biber',
] as const;

export const INSTALL_COMMAND = `sudo apt-get install --no-install-recommends ${TEX_PACKAGES.join(' ')}`;

/** Each program or TeX file the layer uses, and the package that brings it. */
const PROGRAMS: [string, string][] = [
  ['bibtex', 'texlive-binaries'],
  ['pdflatex', 'texlive-binaries'],
  ['kpsewhich', 'texlive-binaries'],
  ['biber', 'biber'],
];
const TEX_FILES: [string, string][] = [
  ['plain.bst', 'texlive-base'],
  ['article.cls', 'texlive-latex-base'],
  ['plainnat.bst', 'texlive-latex-recommended'],
  ['IEEEtran.bst', 'texlive-publishers'],
  ['biblatex.sty', 'texlive-bibtex-extra'],
];

export interface RunResult {
  readonly status: number | null;
  readonly output: string;
}

/** Runs a TeX program in `cwd` with no terminal input, for at most `timeoutMs`. */
export function run(program: string, args: readonly string[], cwd: string, timeoutMs = 30_000): RunResult {
  const result = spawnSync(program, args, { cwd, encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) {
    throw new Error(`${program} ${args.join(' ')} could not run: ${result.error.message}`);
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Why the layer cannot run here (every missing program and file, and the command that installs them), or undefined. */
export function missingTools(): string | undefined {
  const missing: string[] = [];
  for (const [program, pkg] of PROGRAMS) {
    const probe = spawnSync(program, ['--version'], { encoding: 'utf8', stdio: 'ignore' });
    if (probe.error) {
      missing.push(`${program} (${pkg})`);
    }
  }
  if (missing.length === 0) {
    for (const [file, pkg] of TEX_FILES) {
      if (spawnSync('kpsewhich', [file], { encoding: 'utf8' }).stdout.trim() === '') {
        missing.push(`${file} (${pkg})`);
      }
    }
  }
  return missing.length === 0
    ? undefined
    : `The TeX layer runs the real BibTeX and Biber, and this machine lacks ${missing.join(', ')}. Install them with:\n  ${INSTALL_COMMAND}\n(.ci/run does this on CI.)`;
}

/** The text BibTeX wrote for each \bibitem, by key, on one line (the .bbl's line breaks undone). */
export function bibitems(bbl: string): Map<string, string> {
  const items = new Map<string, string>();
  const parts = bbl.split('\\bibitem').slice(1);
  for (const part of parts) {
    let index = 0;
    if (part[index] === '[') {
      // The label (natbib's, alpha's) may hold braces and brackets: skip to its closing bracket at depth 0.
      let depth = 0;
      for (index = 1; index < part.length; index++) {
        const character = part[index];
        if (character === '{') depth++;
        else if (character === '}') depth--;
        else if (character === ']' && depth === 0) break;
      }
      index++;
    }
    const match = /^\{([^}]*)\}/.exec(part.slice(index));
    if (!match?.[1]) {
      throw new Error(`A \\bibitem without a key: ${part.slice(0, 200)}`);
    }
    const text = part.slice(index + match[0].length).replace(/\\end\{thebibliography\}[\s\S]*$/, '');
    items.set(match[1], oneLine(text));
  }
  return items;
}

/** BibTeX's wrapped output as one line: a `%` at a line's end joins it to the next. */
export function oneLine(text: string): string {
  return text.replace(/%\n/g, '').replace(/\s+/g, ' ').trim();
}

/** BibTeX's warnings (`Warning--…`) and errors from its .blg. */
export function blgProblems(blg: string): { warnings: string[]; errors: string[] } {
  const lines = blg.split('\n');
  return {
    warnings: lines.filter((line) => line.startsWith('Warning--')),
    errors: lines.filter((line) => /error message|^I couldn't|^I found no|---line \d+ of file/.test(line)),
  };
}

export interface BiberEntry {
  readonly type: string;
  /** `\field{name}{value}` and `\verb{name}` values. */
  readonly fields: Map<string, string>;
  readonly text: string;
}

/** The entries Biber wrote to the .bbl (`\entry{key}{type}{}` … `\endentry`), by key. */
export function biberEntries(bbl: string): Map<string, BiberEntry> {
  const entries = new Map<string, BiberEntry>();
  for (const match of bbl.matchAll(/\\entry\{([^}]+)\}\{([^}]+)\}\{[^}]*\}([\s\S]*?)\\endentry/g)) {
    const [, key = '', type = '', text = ''] = match;
    const fields = new Map<string, string>();
    for (const field of text.matchAll(/\\field\{(\w+)\}\{(.*)\}\s*$/gm)) {
      fields.set(field[1] ?? '', field[2] ?? '');
    }
    for (const verb of text.matchAll(/\\verb\{(\w+)\}\n\s*\\verb (.*)\n\s*\\endverb/g)) {
      fields.set(verb[1] ?? '', verb[2] ?? '');
    }
    entries.set(key, { type, fields, text });
  }
  return entries;
}
