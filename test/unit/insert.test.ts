import * as assert from 'node:assert/strict';
import { parseBibEntries, planBibAppend } from '../../src/core/citation/bibfile';
import { COMMENT_LANGUAGES, type InsertionInput, kindFor, kindForDocument, planInsertion, planInsertions } from '../../src/core/citation/insert';

/** Applies the planned edit at the `|` of `template`. */
function insert(template: string, languageId: string, extra: Partial<InsertionInput> = {}): string {
  const offset = template.indexOf('|');
  const text = template.replace('|', '');
  const edit = planInsertion({
    text, offset, languageId, key: 'simeoni2025dinov3', reference: 'Oriane Siméoni, et al. DINOv3. arXiv:2508.10104 (2025). https://arxiv.org/abs/2508.10104',
    url: 'https://arxiv.org/abs/2508.10104', bibEntry: '@misc{simeoni2025dinov3,\n}\n', ...extra,
  });
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

describe('citation syntax by language', () => {
  it('LaTeX: \\cite{key}, or the command chosen', () => {
    assert.equal(insert('See |.', 'latex'), 'See \\cite{simeoni2025dinov3}.');
    assert.equal(insert('See |.', 'latex', { latexCommand: 'citep' }), 'See \\citep{simeoni2025dinov3}.');
  });

  it('LaTeX: inside an existing \\cite{…} the key joins the list, once', () => {
    assert.equal(insert('See \\cite{a|}.', 'latex'), 'See \\cite{a, simeoni2025dinov3}.');
    assert.equal(insert('See \\citep[p.~3]{a, b|}.', 'latex'), 'See \\citep[p.~3]{a, b, simeoni2025dinov3}.');
    assert.equal(insert('See \\autocite{a|, b}.', 'latex'), 'See \\autocite{a, simeoni2025dinov3, b}.');
    assert.equal(insert('See \\cite{|}.', 'latex'), 'See \\cite{simeoni2025dinov3}.');
    assert.equal(insert('See \\cite{simeoni2025dinov3|}.', 'latex'), 'See \\cite{simeoni2025dinov3}.');
    assert.equal(insert('\\cite{a} and |', 'latex'), '\\cite{a} and \\cite{simeoni2025dinov3}', 'after a closed \\cite: a new one');
  });

  it('LaTeX: right after a \\cite{…} (spaces between at most) the key joins it, once', () => {
    assert.equal(insert('See \\cite{a}|.', 'latex'), 'See \\cite{a,simeoni2025dinov3}.');
    assert.equal(insert('See \\citep[p.~3]{a}|', 'latex'), 'See \\citep[p.~3]{a,simeoni2025dinov3}');
    assert.equal(insert('See \\parencite[see][12]{a} |', 'latex'), 'See \\parencite[see][12]{a,simeoni2025dinov3} ', 'the blank stays after it');
    assert.equal(insert('See \\textcite*{a}\t |', 'latex'), 'See \\textcite*{a,simeoni2025dinov3}\t ');
    assert.equal(insert('See \\cite{a, b}|', 'latex'), 'See \\cite{a, b, simeoni2025dinov3}', 'separated as the list is');
    assert.equal(insert('See \\cite{a,b }|', 'latex'), 'See \\cite{a,b,simeoni2025dinov3 }');
    assert.equal(insert('See \\cite{}|', 'latex'), 'See \\cite{simeoni2025dinov3}');
    assert.equal(insert('See \\cite{a, simeoni2025dinov3}|.', 'latex'), 'See \\cite{a, simeoni2025dinov3}.', 'cited there already: nothing');
    assert.equal(insert('\\cite{a}\\cite{b}|', 'latex'), '\\cite{a}\\cite{b,simeoni2025dinov3}', 'the nearest one');
  });

  it('LaTeX: not across a line, a word, punctuation, a multicite or into a \\nocite', () => {
    assert.equal(insert('See \\cite{a}\n|', 'latex'), 'See \\cite{a}\n\\cite{simeoni2025dinov3}');
    assert.equal(insert('See \\cite{a}\r\n|x', 'latex'), 'See \\cite{a}\r\n\\cite{simeoni2025dinov3}x');
    assert.equal(insert('See \\cite{a}.|', 'latex'), 'See \\cite{a}.\\cite{simeoni2025dinov3}');
    assert.equal(insert('See \\cite{a}~|', 'latex'), 'See \\cite{a}~\\cite{simeoni2025dinov3}');
    assert.equal(insert('\\nocite{a}|', 'latex'), '\\nocite{a}\\cite{simeoni2025dinov3}');
    assert.equal(insert('\\cites{a}{b}|', 'latex'), '\\cites{a}{b}\\cite{simeoni2025dinov3}');
    assert.equal(insert('\\textbf{a}|', 'latex'), '\\textbf{a}\\cite{simeoni2025dinov3}');
    assert.equal(insert('|\\cite{a}', 'latex'), '\\cite{simeoni2025dinov3}\\cite{a}', 'before one: a new one');
  });

  it('LaTeX and reST with CRLF line endings: the cursor at the end of the line joins', () => {
    assert.equal(insert('One.\r\nSee \\cite{a}|\r\nTwo \\cite{b}\r\n', 'latex'), 'One.\r\nSee \\cite{a,simeoni2025dinov3}\r\nTwo \\cite{b}\r\n');
    assert.equal(insert('One.\r\nAs :cite:`a`|\r\n', 'restructuredtext'), 'One.\r\nAs :cite:`a,simeoni2025dinov3`\r\n');
    assert.equal(insert('As :cite:`a`\r\n|', 'restructuredtext'), 'As :cite:`a`\r\n:cite:`simeoni2025dinov3`');
  });

  it('reST: right after a :cite: role the key joins it, once', () => {
    assert.equal(insert('As :cite:`a`|', 'restructuredtext'), 'As :cite:`a,simeoni2025dinov3`');
    assert.equal(insert('As :cite:p:`a, b` |', 'restructuredtext'), 'As :cite:p:`a, b, simeoni2025dinov3` ');
    assert.equal(insert('As :cite:`simeoni2025dinov3`|', 'restructuredtext'), 'As :cite:`simeoni2025dinov3`');
    assert.equal(insert('As :cite:`a`, |', 'restructuredtext'), 'As :cite:`a`, :cite:`simeoni2025dinov3`');
    assert.equal(insert('As :ref:`a`|', 'restructuredtext'), 'As :ref:`a`:cite:`simeoni2025dinov3`');
  });

  it('several cursors: each planned on the same text, each joining its own citation', () => {
    const text = 'A \\cite{a}. B \\cite{b} and \\cite{simeoni2025dinov3}\r\nC ';
    const cursors = [text.indexOf('.'), text.indexOf(' and'), text.indexOf('\r'), text.length];
    const edits = cursors.map((offset) => planInsertion({ text, offset, languageId: 'latex', key: 'simeoni2025dinov3', reference: '', url: '', bibEntry: '' }));
    let result = text;
    for (const edit of [...edits].sort((x, y) => y.start - x.start)) {
      result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    }
    assert.equal(result, 'A \\cite{a,simeoni2025dinov3}. B \\cite{b,simeoni2025dinov3} and \\cite{simeoni2025dinov3}\r\nC \\cite{simeoni2025dinov3}');
    assert.equal(edits[2]?.text, '', 'already cited there: nothing');
  });

  it('Markdown, Quarto, R Markdown: [@key], merging into an adjacent [@a; @b]', () => {
    for (const language of ['markdown', 'quarto', 'rmd']) {
      assert.equal(insert('Text |', language), 'Text [@simeoni2025dinov3]');
    }
    assert.equal(insert('Text [@a; @b]|.', 'markdown'), 'Text [@a; @b; @simeoni2025dinov3].');
    assert.equal(insert('Text [@a|].', 'quarto'), 'Text [@a; @simeoni2025dinov3].');
    assert.equal(insert('Text [@simeoni2025dinov3]|.', 'markdown'), 'Text [@simeoni2025dinov3].');
    assert.equal(insert('A [link](x)|', 'markdown'), 'A [link](x)[@simeoni2025dinov3]');
  });

  it('Typst, reStructuredText, BibTeX, plain text', () => {
    assert.equal(insert('As |', 'typst'), 'As @simeoni2025dinov3');
    assert.equal(insert('As |', 'restructuredtext'), 'As :cite:`simeoni2025dinov3`');
    assert.equal(insert('As :cite:`a|`', 'restructuredtext'), 'As :cite:`a,simeoni2025dinov3`');
    assert.equal(insert('|', 'bibtex'), '@misc{simeoni2025dinov3,\n}\n');
    assert.equal(insert('|', 'plaintext'), 'Oriane Siméoni, et al. DINOv3. arXiv:2508.10104 (2025). https://arxiv.org/abs/2508.10104');
  });

  it('code: a comment in the language holding the reference and the arXiv URL', () => {
    assert.equal(insert('|x = 1', 'python'), '# Oriane Siméoni, et al. DINOv3. arXiv:2508.10104 (2025).\n# https://arxiv.org/abs/2508.10104\nx = 1');
    assert.equal(insert('|', 'typescript', { eol: '\r\n' }), '// Oriane Siméoni, et al. DINOv3. arXiv:2508.10104 (2025).\r\n// https://arxiv.org/abs/2508.10104\r\n');
    assert.equal(insert('|', 'lua'), '-- Oriane Siméoni, et al. DINOv3. arXiv:2508.10104 (2025).\n-- https://arxiv.org/abs/2508.10104\n');
    assert.equal(insert('|', 'html'), '<!-- Oriane Siméoni, et al. DINOv3. arXiv:2508.10104 (2025). https://arxiv.org/abs/2508.10104 -->');
    assert.equal(kindFor('some-unknown-language'), 'comment');
  });
});

/** Each language's comments as its compiler reads them, written out here apart from insert.ts. */
const LINE_TOKENS: Record<string, readonly string[]> = {
  '#': ['python', 'r', 'julia', 'shellscript', 'ruby', 'perl', 'yaml', 'toml', 'dockerfile', 'makefile', 'powershell', 'coffeescript', 'elixir', 'nim', 'cmake', 'properties'],
  '//': ['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'java', 'c', 'cpp', 'csharp', 'go', 'rust', 'swift', 'kotlin', 'scala', 'dart', 'php', 'groovy',
    'fsharp', 'objective-c', 'objective-cpp', 'zig', 'jsonc', 'cuda', 'glsl', 'hlsl'],
  '--': ['lua', 'sql', 'haskell', 'elm', 'ada', 'vhdl'],
  '%': ['matlab', 'octave', 'erlang', 'prolog'],
  REM: ['bat'], "'": ['vb'], ';': ['lisp', 'clojure', 'scheme', 'ini', 'asm'],
};
/** Block comments: their delimiters, and what must not appear inside (what ends, nests or opens something there). */
const BLOCKS: Record<string, { open: string; close: string; inside: RegExp }> = {
  ...Object.fromEntries(['html', 'xml', 'svg', 'vue'].map((language) => [language, { open: '<!--', close: '-->', inside: /--/ }])), // XML: no -- at all
  ...Object.fromEntries(['css', 'scss', 'less'].map((language) => [language, { open: '/*', close: '*/', inside: /\*\// }])),
  ocaml: { open: '(*', close: '*)', inside: /\(\*|\*\)|"|\{[a-z_%]*\|/ }, // nested comments, "strings" and {|quoted strings|}
  pascal: { open: '{', close: '}', inside: /[{}]|\(\*|\*\)/ }, // Free Pascal nests both kinds
};
const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;
const HOSTILE_TITLES = [
  'Cool Paper --> <script>alert(1)</script> <!--', 'a --!> b', 'dashes --- and <!- ->', 'x */ y /* z', '**/', 'a *) b (* c (*) **)',
  'p } q { r', 'h -} i {- j', 'l ]] m --]] n [[ o --[[', 'p """ q \'\'\' r', 'unbalanced " quote', 'quoted {| string', '{id|x', '{%ext|y',
  'line\nbreak', 'cr\rlf\r\nx', 'ls\u2028ps\u2029nel\u0085end', 'ends with a backslash \\', 'ends with a caret ^', '%~f0 and %PATH%',
];

/** What Insert Citation puts in a file of `languageId` for a paper titled `title` (in its reference and, to be sure, its URL). */
function commented(languageId: string, title: string, eol?: string): string {
  return planInsertion({
    text: '', offset: 0, languageId, key: 'k', reference: title, url: `https://arxiv.org/abs/2508.10104 ${title}`, bibEntry: '', ...(eol ? { eol } : {}),
  }).text;
}

describe('a paper title in a code comment stays in the comment', () => {
  it('every language with a comment syntax is checked here', () => {
    assert.deepEqual([...Object.values(LINE_TOKENS).flat(), ...Object.keys(BLOCKS)].sort(), [...COMMENT_LANGUAGES].sort());
  });

  for (const eol of ['\n', '\r\n']) {
    it(`line comments: two lines, each one comment, whatever the title (${JSON.stringify(eol)})`, () => {
      const languages = [...Object.entries(LINE_TOKENS), ['#', ['some-unknown-language']] as const];
      for (const [token, ids] of languages) {
        for (const languageId of ids) {
          for (const title of HOSTILE_TITLES) {
            const inserted = commented(languageId, title, eol);
            const lines = inserted.split(eol);
            assert.equal(lines.length, 3, `${languageId}: ${JSON.stringify(inserted)}`);
            assert.equal(lines[2], '', 'ends with the line ending');
            for (const line of lines.slice(0, 2)) {
              assert.ok(line.startsWith(`${token} `), `${languageId}: ${JSON.stringify(line)}`);
              assert.doesNotMatch(line, LINE_BREAK, `${languageId}: no line break inside a line`);
              assert.doesNotMatch(line, /[\\^]$/, `${languageId}: no continuation at the end`);
              if (token === 'REM') {
                assert.doesNotMatch(line.replace(/%%/g, ''), /%/, 'cmd sees every % as a percent sign');
              }
            }
          }
        }
      }
    });
  }

  it('block comments: one comment, whose only closer is the final one, whatever the title', () => {
    for (const [languageId, { open, close, inside }] of Object.entries(BLOCKS)) {
      for (const title of HOSTILE_TITLES) {
        const inserted = commented(languageId, title);
        const context = `${languageId}: ${JSON.stringify(inserted)}`;
        assert.ok(inserted.startsWith(`${open} `) && inserted.endsWith(` ${close}`), context);
        assert.equal(inserted.indexOf(close, open.length), inserted.length - close.length, context);
        assert.doesNotMatch(inserted.slice(open.length, -close.length), inside, context);
        assert.doesNotMatch(inserted, LINE_BREAK, context);
      }
    }
  });

  it('line comments inside a block comment, docstring or template literal the cursor is in: nothing in the title closes it', () => {
    const closers = ['*/', '"""', "'''", '`', '-}', ']]', '|#', '#>', '%}', '=#', '*)', '${'];
    for (const [, ids] of Object.entries(LINE_TOKENS)) {
      for (const languageId of ids) {
        const inserted = commented(languageId, `X ${closers.join(' Y ')} Z`);
        for (const closer of closers) {
          assert.ok(!inserted.includes(closer), `${languageId}: ${closer} in ${JSON.stringify(inserted)}`);
        }
      }
    }
  });

  it('after code on the same line, the comment starts on a line of its own', () => {
    const plan = planInsertion({
      text: 'echo hi', offset: 7, languageId: 'shellscript', kind: 'comment', key: 'k',
      reference: 'X; echo PWNED #', url: 'https://arxiv.org/abs/2501.00001', bibEntry: '', eol: '\n',
    });
    assert.equal(plan.text, '\n# X; echo PWNED #\n# https://arxiv.org/abs/2501.00001\n');
    assert.equal(planInsertion({
      text: '  ', offset: 2, languageId: 'python', kind: 'comment', key: 'k', reference: 'R', url: 'U', bibEntry: '', eol: '\n',
    }).text, '# R\n# U\n', 'after blanks only, on the same line');
  });

  it('an ordinary title reads as it is', () => {
    const title = 'A. Author, B. Author. Self-Supervised Vision (Part 2): {Braces} & "Quotes" at 100%. arXiv:2508.10104 (2025).';
    for (const languageId of ['html', 'css', 'python', 'typescript']) {
      assert.ok(commented(languageId, title).includes(title), languageId);
    }
  });
});

describe('.bib files', () => {
  const bib = [
    '@misc{vaswani2017attention,',
    '  title = {Attention Is All You Need},',
    '  eprint = {1706.03762},',
    '  archivePrefix = {arXiv},',
    '}',
    '',
    '@article{simeoni2025dinov3,',
    '  title = {Something else entirely},',
    '  doi = {10.1000/other},',
    '}',
    '',
    '@online{x,',
    '  url = {https://arxiv.org/abs/2506.05333v2},',
    '}',
    '@comment{ignored, stuff}',
    '',
  ].join('\n');

  it('reads keys, arXiv ids (from eprint, the arXiv DOI or the URL) and DOIs', () => {
    assert.deepEqual(parseBibEntries(bib), [
      { key: 'vaswani2017attention', arxivId: '1706.03762' },
      { key: 'simeoni2025dinov3', doi: '10.1000/other' },
      { key: 'x', arxivId: '2506.05333' },
    ]);
    assert.deepEqual(parseBibEntries('@misc{y, doi = {https://doi.org/10.48550/arXiv.2401.00001}}'), [{ key: 'y', arxivId: '2401.00001', doi: '10.48550/arxiv.2401.00001' }]);
  });

  it('takes no entry from inside another entry\'s field (a hostile title or venue), but does after a broken one', () => {
    const hostile = '@inproceedings{real2025,\n  booktitle = {Proc. @misc(vaswani2017attention, x},\n  title = {See @article{fake2024, eprint = {1706.03762}}},\n}\n@misc{next, eprint = {2508.10104}}\n';
    // Before, vaswani2017attention and fake2024 were taken for entries: the real paper would have been written as vaswani2017attentiona.
    assert.deepEqual(parseBibEntries(hostile).map((found) => found.key), ['real2025', 'next']);
    assert.deepEqual(parseBibEntries('@misc{broken, title = {no end\n@misc{after, eprint = {2508.10104}}\n').map((found) => found.key), ['broken', 'after']);
  });

  const entry = (key: string): string => `@misc{${key},\n  eprint = {2508.10104},\n}\n`;

  it('reuses an entry for the same paper, by arXiv id or DOI', () => {
    assert.deepEqual(planBibAppend(bib, '1706.03762', 'whatever', '10.48550/arXiv.1706.03762', entry), { action: 'exists', key: 'vaswani2017attention' });
    assert.deepEqual(planBibAppend('@misc{k, doi = {10.48550/ARXIV.2508.10104}}', '2508.10104', 'z', '10.48550/arXiv.2508.10104', entry), { action: 'exists', key: 'k' });
  });

  it('appends under a suffixed key when another paper has the key', () => {
    const plan = planBibAppend(bib, '2508.10104', 'simeoni2025dinov3', '10.48550/arXiv.2508.10104', entry);
    assert.deepEqual(plan, { action: 'append', key: 'simeoni2025dinov3a', text: '\n@misc{simeoni2025dinov3a,\n  eprint = {2508.10104},\n}\n' });
    const twice = `${bib}@misc{simeoni2025dinov3a, title={Other}}\n`;
    assert.equal(planBibAppend(twice, '2508.10104', 'simeoni2025dinov3', '10.48550/arXiv.2508.10104', entry).key, 'simeoni2025dinov3b');
  });

  it('keeps CRLF line endings and separates entries with one blank line', () => {
    const crlf = '@misc{a,\r\n  eprint = {1},\r\n}';
    assert.deepEqual(planBibAppend(crlf, '2508.10104', 'k', 'd', entry), { action: 'append', key: 'k', text: '\r\n\r\n@misc{k,\r\n  eprint = {2508.10104},\r\n}\r\n' });
    assert.deepEqual(planBibAppend('', '2508.10104', 'k', 'd', entry), { action: 'append', key: 'k', text: entry('k') });
  });
});

describe('document kinds', () => {
  it('fall back to the file extension when VS Code has no language for it', () => {
    assert.equal(kindForDocument('plaintext', '/p/paper.qmd'), 'pandoc');
    assert.equal(kindForDocument('plaintext', '/p/paper.typ'), 'typst');
    assert.equal(kindForDocument('plaintext', '/p/refs.bib'), 'bibtex');
    assert.equal(kindForDocument('plaintext', '/p/notes.txt'), 'plain');
    assert.equal(kindForDocument('latex', '/p/paper.txt'), 'latex');
    assert.equal(kindForDocument('python', '/p/x.py'), 'comment');
  });
});

describe('citing several papers at once', () => {
  const papers = ['a', 'b', 'c'].map((key) => ({ key, reference: `Ref ${key}. https://arxiv.org/abs/${key}`, url: `https://arxiv.org/abs/${key}`, bibEntry: `@misc{${key},\n}\n` }));
  const apply = (text: string, offset: number, languageId: string, count = 3): string => {
    const planned = planInsertions(papers.slice(0, count), { text, offset, languageId });
    return text.slice(0, planned.start) + planned.text + text.slice(planned.end);
  };

  it('makes one citation of every key where the language has one', () => {
    assert.equal(apply('See . Done', 4, 'latex'), 'See \\cite{a,b,c}. Done');
    assert.equal(apply('See \\citep{x} now', 13, 'latex'), 'See \\citep{x,a,b,c} now');
    assert.equal(apply('See . Done', 4, 'markdown'), 'See [@a; @b; @c]. Done');
    assert.equal(apply('See . Done', 4, 'restructuredtext'), 'See :cite:`a,b,c`. Done');
    assert.equal(apply('See . Done', 4, 'typst'), 'See @a @b @c. Done');
  });

  it('skips a key cited there already', () => {
    assert.equal(apply('See \\cite{b} now', 12, 'latex'), 'See \\cite{b,a,c} now');
    assert.equal(apply('See \\cite{b} now', 11, 'latex'), 'See \\cite{b, a, c} now', 'from inside the braces, as one key is joined there');
    assert.equal(apply('See [@b] now', 8, 'markdown'), 'See [@b; @a; @c] now');
  });

  it('writes a reference per line in plain text and comments, entries one after another in a .bib', () => {
    assert.equal(apply('', 0, 'plaintext', 2), 'Ref a. https://arxiv.org/abs/a\nRef b. https://arxiv.org/abs/b');
    assert.equal(apply('', 0, 'python', 2), '# Ref a.\n# https://arxiv.org/abs/a\n# Ref b.\n# https://arxiv.org/abs/b\n');
    assert.equal(apply('', 0, 'bibtex', 2), '@misc{a,\n}\n\n@misc{b,\n}');
  });

  it('is planInsertion itself for one paper', () => {
    for (const [text, offset, languageId] of [['See \\cite{x} now', 11, 'latex'], ['x', 1, 'markdown'], ['', 0, 'python']] as const) {
      assert.deepEqual(planInsertions(papers.slice(0, 1), { text, offset, languageId }), planInsertion({ text, offset, languageId, ...papers[0] as typeof papers[0] }));
    }
  });
});
