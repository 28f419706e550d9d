import * as assert from 'node:assert/strict';
import { embedFormatted, escapeMarkdownText, escapeTypst } from '../../src/core/citation/embed';
import { formatCitation } from '../../src/core/citation/format';
import type { Paper } from '../../src/core/paper/model';

/** A formatted citation inserted into a document must stay text in that document's language. */
describe('a formatted citation inserted into a document', () => {
  const hostile: Paper = {
    id: '2501.00001',
    title: 'Scaling \\input{/etc/passwd} #read("/etc/passwd") <script>alert(1)</script> [x](javascript:alert(1)) :raw-html:`<b>` $x$ @evil{k,',
    authors: [{ name: '<img src=x onerror=alert(1)>' }, { name: 'Ada #import "x.typ": *' }],
    abstract: '',
    publishedAt: '2025-01-01',
  };
  const plainOptions = { csl: () => Promise.reject(new Error('not needed')) };

  it('in LaTeX, no control word or math from the paper', async () => {
    const text = embedFormatted('latex', 'plain', await formatCitation(hostile, 'plain', plainOptions));
    assert.doesNotMatch(text.replace(/\\text[a-z]+\{\}|\\[{}$#&%_]/g, ''), /\\input|(?<!\\)[#$%&]/);
    assert.match(text, /\\textbackslash\{\}input/);
  });

  it('in Typst, no code, math, label or reference from the paper', () => {
    const text = escapeTypst('#read("/etc/passwd") $x$ <lab> @ref *b* _i_ `r` [c] // c /* c */\n= Heading\n- list');
    // Every special character is escaped: nothing is left unescaped once escapes are removed.
    assert.doesNotMatch(text.replace(/\\./g, ''), /[#$<>@*_`[\]]|\/\/|\/\*|^\s*[=\-+]/m);
    assert.equal(text.replace(/\\(.)/g, '$1'), '#read("/etc/passwd") $x$ <lab> @ref *b* _i_ `r` [c] // c /* c */\n= Heading\n- list', 'reads as the same text');
  });

  it('in Markdown, no HTML, link, emphasis or Pandoc citation from the paper', async () => {
    const text = embedFormatted('pandoc', 'plain', await formatCitation(hostile, 'plain', plainOptions));
    assert.doesNotMatch(text.replace(/\\./g, ''), /[<>[\]()@`*_]/);
    assert.equal(escapeMarkdownText('a <b> & [c](d) @e').replace(/\\(.)/g, '$1'), 'a <b> & [c](d) @e');
  });

  it('the Markdown format escapes the authors as well as the title', async () => {
    const text = await formatCitation(hostile, 'markdown', plainOptions);
    assert.doesNotMatch(text, /(?<!\\)<img/);
    assert.match(text, /\\<img src=x onerror=alert\\\(1\\\)\\>/);
    assert.equal(embedFormatted('pandoc', 'markdown', text), text, 'Markdown into Markdown as it is');
  });

  it('in reStructuredText, no role, link or directive from the paper', () => {
    const text = embedFormatted('rst', 'plain', ':raw-html:`<script>` `x <http://e>`_ |sub|\n.. raw:: html');
    assert.doesNotMatch(text.replace(/\\./g, ''), /[`|:]|^\s*\.\./m);
  });

  it('in a .bib file, no entry from a citation that is not one', () => {
    assert.doesNotMatch(embedFormatted('bibtex', 'apa', 'Eve. @misc{x, title={pwned}}'), /@/);
    assert.equal(embedFormatted('bibtex', 'bibtex', '@misc{k,\n}'), '@misc{k,\n}');
  });
});

describe('a formatted citation: review findings', () => {
  it('in a .bib field, no brace ends the field and no TeX command comes from the paper', () => {
    const text = embedFormatted('bibtex', 'ieee', 'A. Author, “Good}, title = {\\input{/etc/passwd},” arXiv, 2025.');
    assert.doesNotMatch(text.replace(/\\text[a-z]+\{\}|\\[{}]/g, ''), /[{}]|\\input/);
  });

  it('in Typst and reStructuredText, the arXiv and DOI links stay links', () => {
    const reference = 'A. Author. T_x. arXiv:2501.00001 (2025). https://arxiv.org/abs/2501.00001 https://doi.org/10.48550/arXiv.2501.00001';
    for (const kind of ['typst', 'rst'] as const) {
      const text = embedFormatted(kind, 'plain', reference);
      assert.match(text, / https:\/\/arxiv\.org\/abs\/2501\.00001 https:\/\/doi\.org\/10\.48550\/arXiv\.2501\.00001$/, kind);
      assert.match(text, /T\\_x/, `${kind}: the rest is still escaped`);
    }
    assert.match(embedFormatted('typst', 'plain', 'https://evil.example/#read'), /\\#read/, 'other URLs are text');
  });
});
