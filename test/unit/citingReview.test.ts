/**
 * What a hostile-input review of citing as you write found: false warnings, keys cut wrong, and scans
 * that were quadratic on hostile documents. Each test failed before its fix.
 */
import * as assert from 'node:assert/strict';
import { parseBib } from '../../src/core/citation/bibEntries';
import { blankMarkdown } from '../../src/core/citation/blankSource';
import { citeContextAt, type CiteKind, citedKeys, definedKeys } from '../../src/core/citation/citeSyntax';
import { planInsertion } from '../../src/core/citation/insert';

function keys(text: string, kind: CiteKind): string[] {
  return citedKeys(text, kind).map((cited) => {
    assert.equal(text.slice(cited.start, cited.end), cited.key, `${cited.key} at ${cited.start}`);
    return cited.key;
  });
}

/** The context at `|` in `text`. */
function contextAt(text: string, kind: CiteKind): ReturnType<typeof citeContextAt> {
  return citeContextAt(text.replace('|', ''), text.indexOf('|'), kind);
}

describe('citing as you write: review fixes', () => {
  it('LaTeX: \\setcitestyle and \\citestyle take options, not keys; capitalised \\Citet and \\Parencite cite', () => {
    assert.deepEqual(keys('\\setcitestyle{square,numbers}\\citestyle{authoryear} \\Citet{a} \\Parencite[p.~2]{b}', 'latex'), ['a', 'b']);
    assert.equal(contextAt('\\setcitestyle{squ|}', 'latex'), undefined);
    assert.equal(contextAt('\\Cite{ab|}', 'latex')?.prefix, 'ab');
  });

  it('LaTeX: citations in \\iffalse … \\fi (with a conditional inside), \\verb and \\lstinline are not read', () => {
    const text = '\\iffalse \\cite{x} \\ifx\\a\\b \\cite{y} \\fi \\cite{z}\\fi \\verb|\\cite{v}| \\lstinline!\\cite{w}! \\cite{ok}\\ifthenelse{1}{2}{3} \\cite{after}';
    assert.deepEqual(keys(text, 'latex'), ['ok', 'after']);
  });

  it('reST: {pre}key{post} notes are not part of the key', () => {
    assert.deepEqual(keys(':cite:p:`{see}key1{p. 3}, key2`', 'rst'), ['key1', 'key2']);
  });

  it('Typst: an @ in a string or a URL is no reference', () => {
    assert.deepEqual(keys('#link("https://mastodon.social/@alice")[A] https://x.com/@bob #let h = "@carol" and @real', 'typst'), ['real']);
    assert.deepEqual([...definedKeys('#cite(<a>) <fig:b>', 'typst')], ['fig:b']);
  });

  it('Pandoc and Typst: accepting a key does not take the full stop after it', () => {
    assert.deepEqual(contextAt('see @smi|. Next', 'pandoc'), { prefix: 'smi', start: 5, end: 8, others: [] });
    assert.equal(contextAt('@ab|c. x', 'typst')?.end, 4);
    assert.equal(contextAt('see @smi|th:2020.', 'pandoc')?.end, 15, 'inner punctuation stays part of the key');
  });

  it('scans hostile documents in linear time: backtick runs, [@@@…, \\citecite…, many groups', () => {
    const started = Date.now();
    blankMarkdown('`'.repeat(50_000));
    blankMarkdown('~'.repeat(50_000));
    citedKeys(`[${'@'.repeat(50_000)}`, 'pandoc');
    citedKeys(`\\${'cite'.repeat(12_500)}`, 'latex');
    assert.equal(citedKeys('[@a] '.repeat(40_000), 'pandoc').length, 40_000);
    // Each took from 2 s to minutes before (quadratic); together they now take milliseconds.
    assert.ok(Date.now() - started < 1_500, `took ${Date.now() - started} ms`);
  });

  it('Markdown: a run of n backticks is closed only by a run of n', () => {
    assert.deepEqual(keys('``a ` @b`` [@c] `@d', 'pandoc'), ['c', 'd']);
  });

  it('.bib: a field with no value, or an unclosed entry, does not swallow the next entry (indented or not)', () => {
    assert.deepEqual(parseBib('@article{a, title={A}, author = \n@article{b, title={B}}').entries.map((entry) => entry.key), ['a', 'b']);
    assert.deepEqual(parseBib('@article{a,\n title = {A},\n  year = \n  @article{b, title={B}}\n@misc{c, title={C}}').entries.map((entry) => entry.key), ['a', 'b', 'c']);
  });

  it('.bib: biblatex ids aliases are keys the entry answers to', () => {
    const database = parseBib('@article{new, ids = {old, older}, title = {N}}');
    assert.equal(database.byKey.get('old')?.key, 'new');
    assert.equal(database.byKey.get('older')?.key, 'new');
  });

  it('Insert Citation does not join \\citeauthor{a} or \\citeyear{a} right before the cursor', () => {
    for (const text of ['\\citeauthor{a} ', '\\citeyear{a}']) {
      const edit = planInsertion({ text, offset: text.length, languageId: 'latex', key: 'b', reference: '', url: '', bibEntry: '' });
      assert.deepEqual(edit, { start: text.length, end: text.length, text: '\\cite{b}' }, text);
    }
    const joined = planInsertion({ text: '\\citep{a}', offset: 9, languageId: 'latex', key: 'b', reference: '', url: '', bibEntry: '' });
    assert.equal(joined.text, ',b');
  });
});
