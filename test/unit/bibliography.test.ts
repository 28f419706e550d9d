import * as assert from 'node:assert/strict';
import { findBibliography, SCAN_LIMIT, usesBiblatex } from '../../src/core/citation/bibliography';
import type { CitationStyleKind } from '../../src/core/citation/insert';

const latex = (text: string): string | undefined => findBibliography('latex', text);
const yaml = (text: string): string | undefined => findBibliography('pandoc', text);
const typst = (text: string): string | undefined => findBibliography('typst', text);

describe('the bibliography a document names', () => {
  it('LaTeX: \\addbibresource (a .bib) before \\bibliography (the first name, .bib added)', () => {
    assert.equal(latex('\\bibliography{refs, more}'), 'refs.bib');
    assert.equal(latex('\\bibliography{refs.bib}'), 'refs.bib');
    assert.equal(latex('\\bibliography {refs}'), 'refs.bib');
    assert.equal(latex('\\nobibliography{refs}'), 'refs.bib');
    assert.equal(latex('\\addbibresource[datatype=bibtex]{bib/main.bib}'), 'bib/main.bib');
    assert.equal(latex('\\addbibresource{data.json}\n\\addbibresource{main.bib}'), 'main.bib');
    assert.equal(latex('\\bibliography{a}\n\\addbibresource{b.bib}'), 'b.bib');
    assert.equal(latex('\\addglobalbib{global.bib}'), 'global.bib');
    assert.equal(latex('no bibliography'), undefined);
    assert.equal(latex('\\bibliography{}'), undefined);
    assert.equal(latex('\\bibliographystyle{plain}'), undefined);
  });

  it('LaTeX: not in % comments, anywhere on a line, but \\% is a percent sign', () => {
    assert.equal(latex('% \\bibliography{old}\n\\bibliography{new}'), 'new.bib');
    assert.equal(latex('%\\addbibresource{old.bib}\n\\addbibresource{new.bib}'), 'new.bib');
    assert.equal(latex('Text. % \\addbibresource{old.bib}\n\\bibliography{new}'), 'new.bib');
    assert.equal(latex('  %% \\bibliography{old}\n'), undefined);
    assert.equal(latex('50\\% done \\bibliography{real}'), 'real.bib', 'an escaped percent is text');
    assert.equal(latex('a line break \\\\% \\bibliography{old}\n\\bibliography{new}'), 'new.bib', '\\\\ then % is a comment');
    assert.equal(latex('\\\\\\% \\bibliography{real}'), 'real.bib', '\\\\ then \\% is a percent sign');
    assert.equal(latex('\\bibliography{% a comment inside the argument\nreal}'), 'real.bib');
    assert.equal(latex('\\bibliography{old%\n}\n'), 'old.bib');
    assert.equal(latex('% \\bibliography{old}\r\n\\bibliography{new}\r\n'), 'new.bib', 'CRLF');
  });

  it('LaTeX: not in \\iffalse … \\fi, but in its \\else, and \\iftrue … \\else skips', () => {
    assert.equal(latex('\\iffalse\n\\bibliography{old}\n\\fi\n\\bibliography{new}'), 'new.bib');
    assert.equal(latex('\\iffalse \\bibliography{old} \\else \\bibliography{new} \\fi'), 'new.bib');
    assert.equal(latex('\\iftrue \\bibliography{new} \\else \\bibliography{old} \\fi'), 'new.bib');
    assert.equal(latex('\\iftrue\\else \\bibliography{old}\\fi \\addbibresource{new.bib}'), 'new.bib');
    assert.equal(latex('\\iffalse \\ifx\\a\\b \\bibliography{x}\\fi \\bibliography{old} \\fi \\bibliography{new}'), 'new.bib', 'nested');
    assert.equal(latex('\\newif\\ifdraft\n\\iffalse \\ifdraft \\fi \\bibliography{old} \\fi\\bibliography{new}'), 'new.bib', '\\newif conditionals nest');
    assert.equal(latex('\\iffalse % \\fi\n\\bibliography{old}\\fi\\bibliography{new}'), 'new.bib', 'a \\fi in a comment does not close');
    assert.equal(latex('\\iffalse \\finally \\bibliography{old} \\fi \\bibliography{new}'), 'new.bib', '\\finally is not \\fi');
    assert.equal(latex('\\ifthenelse{\\boolean{x}}{a}{b} \\iffalse \\bibliography{old}\\fi \\bibliography{new}'), 'new.bib', '\\ifthenelse has no \\fi');
    assert.equal(latex('\\iffalse \\bibliography{old}'), undefined, 'an unclosed \\iffalse hides the rest');
  });

  it('LaTeX: not in verbatim, comment, listings or filecontents environments, nor \\verb', () => {
    assert.equal(latex('\\begin{verbatim}\n\\bibliography{old}\n\\end{verbatim}\n\\bibliography{new}'), 'new.bib');
    assert.equal(latex('\\begin{comment}\\addbibresource{old.bib}\\end{comment}\\addbibresource{new.bib}'), 'new.bib');
    assert.equal(latex('\\begin{lstlisting}[language=TeX]\n\\bibliography{old}\n\\end{lstlisting}\\bibliography{new}'), 'new.bib');
    assert.equal(latex('\\begin{minted}{latex}\n\\bibliography{old}\n\\end{minted}\\bibliography{new}'), 'new.bib');
    assert.equal(latex('\\begin{filecontents*}{x.tex}\n\\bibliography{old}\n\\end{filecontents*}\\bibliography{new}'), 'new.bib');
    assert.equal(latex('\\begin{verbatim} 100% \\end{verbatim}\\bibliography{new}'), 'new.bib', 'a % in verbatim is text');
    assert.equal(latex('Use \\verb|\\bibliography{old}| and \\verb*+\\addbibresource{old.bib}+.\n\\bibliography{new}'), 'new.bib');
    assert.equal(latex('\\begin{itemize}\\item \\bibliography{real}\\end{itemize}'), 'real.bib');
  });

  it('LaTeX: a remote resource or a URL is not a file to write', () => {
    assert.equal(latex('\\addbibresource[location=remote]{http://example.com/x.bib}\n\\bibliography{local}'), 'local.bib');
    assert.equal(latex('\\addbibresource{https://example.com/refs.bib}'), undefined);
    assert.equal(latex('\\addbibresource{file:///etc/refs.bib}'), undefined);
    assert.equal(latex('\\addbibresource{C:/papers/refs.bib}'), 'C:/papers/refs.bib', 'a drive letter is a path');
    assert.equal(latex('\\addbibresource{../shared/refs.bib}'), '../shared/refs.bib', 'paths are as written');
  });

  it('YAML front matter: a value, a flow list or a block list; the first .bib', () => {
    assert.equal(yaml('---\ntitle: x\nbibliography: refs.bib\n---\ntext'), 'refs.bib');
    assert.equal(yaml('---\nbibliography:\n  - refs.json\n  - "papers.bib"\n---\n'), 'papers.bib');
    assert.equal(yaml('---\r\nbibliography: [a.json, b.bib]\r\n---\r\n'), 'b.bib');
    assert.equal(yaml('---\nbibliography: [\n  a.json,\n  \'c.bib\'\n]\n...\n'), 'c.bib');
    assert.equal(yaml('---\nbibliography:\n- compact.bib\n---\n'), 'compact.bib');
    assert.equal(yaml('\uFEFF---\nbibliography: bom.bib\n---\n'), 'bom.bib');
    assert.equal(yaml('---\nbibliography: "it\'s here.bib"\n---\n'), "it's here.bib");
    assert.equal(yaml("---\nbibliography: 'it''s.bib'\n---\n"), "it's.bib");
    assert.equal(yaml('bibliography: not front matter.bib'), undefined);
    assert.equal(yaml('text\n---\nbibliography: late.bib\n---\n'), undefined, 'front matter starts the document');
    assert.equal(yaml('---\nbibliography: refs.json\n---\n'), undefined);
    assert.equal(yaml('---\nbibliography: https://example.com/refs.bib\n---\n'), undefined);
  });

  it('YAML front matter: # comments are not fields, and end a value', () => {
    assert.equal(yaml('---\n# bibliography: old.bib\nbibliography: new.bib\n---\n'), 'new.bib');
    assert.equal(yaml('---\n#bibliography: old.bib\n---\n'), undefined);
    assert.equal(yaml('---\n  # bibliography: old.bib\ntitle: x\n---\n'), undefined);
    assert.equal(yaml('---\nbibliography: new.bib # was old.bib\n---\n'), 'new.bib');
    assert.equal(yaml('---\nbibliography: new.bib  # TODO: more\n---\n'), 'new.bib');
    assert.equal(yaml('---\nbibliography:\n#  - old.bib\n  - new.bib\n---\n'), 'new.bib');
    assert.equal(yaml('---\nbibliography:\n  # the old one:\n\n  - new.bib   # current\n---\n'), 'new.bib');
    assert.equal(yaml('---\nbibliography: [old.json, # old.bib\n  new.bib]\n---\n'), 'new.bib');
    assert.equal(yaml('---\nbibliography: "refs #2.bib"\n---\n'), 'refs #2.bib', 'a # in quotes is text');
    assert.equal(yaml('---\nbibliography: refs#2.bib\n---\n'), 'refs#2.bib', 'a # after a non-space is text');
    assert.equal(yaml('---\nabstract: |\n  bibliography: fake.bib\n---\n'), undefined, 'an indented line is not a top-level field');
    assert.equal(yaml('---\nmybibliography: x.bib\n---\n'), undefined);
  });

  it('Typst: bibliography("….bib") in code, not in comments, raw text or prose', () => {
    assert.equal(typst('#bibliography("works.bib", style: "ieee")'), 'works.bib');
    assert.equal(typst('#bibliography(("a.yml", "b.bib"))'), 'b.bib');
    assert.equal(typst('#show: ieee.with(\n  title: [A],\n  bibliography: bibliography("refs.bib"),\n)'), 'refs.bib', 'a template argument');
    assert.equal(typst('#let bib = bibliography("lib.bib")'), 'lib.bib');
    assert.equal(typst('// #bibliography("old.bib")\n#bibliography("new.bib")'), 'new.bib');
    assert.equal(typst('Text // #bibliography("old.bib")\n#bibliography("new.bib")'), 'new.bib');
    assert.equal(typst('/* #bibliography("old.bib") */ #bibliography("new.bib")'), 'new.bib');
    assert.equal(typst('/* outer /* inner */ #bibliography("old.bib") */ #bibliography("new.bib")'), 'new.bib', 'block comments nest');
    assert.equal(typst('/*\n#bibliography("old.bib")\n*/\n'), undefined);
    assert.equal(typst('#bibliography(\n  // "old.bib",\n  "new.bib",\n)'), 'new.bib', 'a comment inside the call');
    assert.equal(typst('See https://example.org/x #bibliography("new.bib")'), 'new.bib', '// in a URL is not a comment');
    assert.equal(typst('#link("https://example.org")[x] #bibliography("new.bib")'), 'new.bib', '// in a string is not a comment');
    assert.equal(typst('Write `#bibliography("old.bib")` to cite.\n#bibliography("new.bib")'), 'new.bib', 'inline raw');
    assert.equal(typst('```typ\n#bibliography("old.bib")\n```\n#bibliography("new.bib")'), 'new.bib', 'a raw block');
    assert.equal(typst('The bibliography("old.bib") call.'), undefined, 'prose is not a call');
    assert.equal(typst('\\#bibliography("old.bib")'), undefined, 'an escaped # is text');
    assert.equal(typst('#show bibliography: set text(8pt)\n#bibliography("new.bib")'), 'new.bib');
    assert.equal(typst('#bibliography("https://example.com/x.bib")'), undefined);
  });

  it('reStructuredText and other kinds name no bibliography', () => {
    assert.equal(findBibliography('rst', '---\nbibliography: x.bib\n---\n.. bibliography:: refs.bib'), undefined);
    assert.equal(findBibliography('comment', '\\bibliography{x}'), undefined);
  });
});

/** The best of three runs, in ms: the least disturbed by the rest of a busy machine. */
function fastest(run: () => void): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3; attempt++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/**
 * Scanning `hostile` costs at most 20 times scanning `flat`, a plain document of about the same
 * size measured here and now: linear work passes easily, work that grows with depth × length does not.
 */
function assertLinear(kind: CitationStyleKind, hostile: string, flat: string, expected: string | undefined): void {
  assert.ok(Math.abs(hostile.length - flat.length) < flat.length / 10, `sizes ${hostile.length} and ${flat.length}`);
  assert.equal(findBibliography(kind, hostile), expected);
  const baseline = fastest(() => findBibliography(kind, flat));
  const cost = fastest(() => findBibliography(kind, hostile));
  assert.ok(cost <= 20 * Math.max(baseline, 1), `${cost.toFixed(1)} ms for the hostile document, ${baseline.toFixed(1)} ms for a flat one`);
}

/** `size` characters of ordinary LaTeX, then \\bibliography{x}. */
function flatLatex(size: number): string {
  const line = 'Some text, \\emph{a} word. % a comment\n';
  return `${line.repeat(Math.ceil(size / line.length)).slice(0, size)}\n\\bibliography{x}`;
}

describe('the bibliography of a hostile document', () => {
  it('LaTeX: thousands of unclosed conditionals cost time linear in the file, not in depth × tokens', () => {
    const deep = `${'\\iftrue'.repeat(20_000)}${'\\relax'.repeat(20_000)}\n\\bibliography{x}`;
    assertLinear('latex', deep, flatLatex(deep.length), 'x.bib');
    const skipped = `${'\\iffalse\\else'.repeat(10_000)}${'\\relax'.repeat(20_000)}\\fi\n\\bibliography{x}`;
    assertLinear('latex', skipped, flatLatex(skipped.length), 'x.bib');
  });

  it('LaTeX: still skips exactly the false branches, however deep', () => {
    assert.equal(latex(`${'\\iftrue'.repeat(5_000)}\\iffalse \\bibliography{old}\\else \\bibliography{new}\\fi`), 'new.bib');
    assert.equal(latex(`\\iffalse${'\\iftrue'.repeat(5_000)}${'\\fi'.repeat(5_000)} \\bibliography{old}\\fi \\bibliography{new}`), 'new.bib');
    assert.equal(latex(`\\iffalse${'\\iftrue'.repeat(5_000)} \\bibliography{old}`), undefined);
  });

  it('LaTeX: \\verb, \\addbibresource options and spaces are read in linear time', () => {
    const verbs = `${'\\verb|x|'.repeat(200_000)} \\bibliography{x}`;
    assertLinear('latex', verbs, flatLatex(verbs.length), 'x.bib');
    const options = `${'\\addbibresource['.repeat(30_000)}\n\\bibliography{x}`;
    assertLinear('latex', options, flatLatex(options.length), 'x.bib');
    const spaces = `\\addbibresource${' '.repeat(200_000)}\n\\bibliography{x}`;
    assertLinear('latex', spaces, flatLatex(spaces.length), 'x.bib');
    assert.equal(latex('Use \\verb|a| and \\verb*+b+ or \\verb!c\n\\bibliography{new}'), 'new.bib', 'an unclosed \\verb ends with its line');
  });

  it('YAML: an unclosed flow list is read in linear time', () => {
    const unclosed = `---\nbibliography: [\n${'  a.json,\n'.repeat(25_000)}---\n`;
    const flat = `---\ntitle: x\n${'tags: a.json\n'.repeat(Math.round(unclosed.length / 13))}bibliography: x.bib\n---\n`;
    assertLinear('pandoc', unclosed, flat, undefined);
  });

  it('Typst: thousands of nested brackets neither overflow the stack nor hide a later bibliography', () => {
    for (const [open, close] of [['(', ')'], ['[', ']'], ['{', '}'], ['[#f(', ')]']] as const) {
      assert.equal(typst(`#f${open.repeat(5_000)}${close.repeat(5_000)}\n#bibliography("x.bib")`), 'x.bib', open);
      // Unclosed, the rest of the file is inside the groups: past the depth limit it is read as
      // plain text, which may or may not show a call; it must only not throw.
      assert.doesNotThrow(() => typst(`#f${open.repeat(100_000)}\n#bibliography("x.bib")`), `${open} unclosed`);
    }
    assert.equal(typst(`#f${'('.repeat(5_000)}${')'.repeat(5_000)}\n// #bibliography("old.bib")\n#bibliography("new.bib")`), 'new.bib', 'comments still count');
    const deep = `#f${'['.repeat(60_000)}${']'.repeat(60_000)}\n#bibliography("x.bib")`;
    const flat = `${'Some text #f(a)[b] more. '.repeat(Math.round(deep.length / 25))}\n#bibliography("x.bib")`;
    assertLinear('typst', deep, flat, 'x.bib');
  });

  it('reads the first 4 Mi characters of a longer document: names there count, names beyond do not', () => {
    const filler = flatLatex(SCAN_LIMIT + 1_000).replace('\\bibliography{x}', '');
    assert.equal(latex(`\\addbibresource{early.bib}\n${filler}`), 'early.bib');
    assert.equal(latex(`${filler}\\bibliography{late}`), undefined);
    assert.equal(typst(`${'Text. '.repeat(SCAN_LIMIT / 5)}#bibliography("late.bib")`), undefined);
    assert.equal(yaml(`---\nbibliography: front.bib\n---\n${'Text. '.repeat(SCAN_LIMIT / 5)}`), 'front.bib');
  });
});

describe('whether a document reads its .bib through biblatex', () => {
  it('knows \\usepackage{biblatex} (with options, among other packages) and \\addbibresource, not in comments', () => {
    assert.ok(usesBiblatex('latex', '\\usepackage[backend=biber,style=numeric]{biblatex}\n'));
    assert.ok(usesBiblatex('latex', '\\usepackage{amsmath,biblatex}\n'));
    assert.ok(usesBiblatex('latex', '\\addbibresource{refs.bib}\n'));
    assert.ok(!usesBiblatex('latex', '\\bibliographystyle{plain}\n\\bibliography{refs}\n'));
    assert.ok(!usesBiblatex('latex', '% \\usepackage{biblatex}\n\\bibliography{refs}\n'));
    assert.ok(!usesBiblatex('latex', '\\usepackage{biblatexfoo}\n'));
    assert.ok(!usesBiblatex('pandoc', '\\addbibresource{refs.bib}\n'));
  });
});
