/** Which cited keys are missing from a document's bibliographies, and which paper a key means (missingKeys.ts). */
import * as assert from 'node:assert/strict';
import { parseBib } from '../../src/core/citation/bibEntries';
import { namesUnreadBibliography } from '../../src/core/citation/bibliography';
import { type CiteKind, citedKeys, definedKeys } from '../../src/core/citation/citeSyntax';
import { citationKey, FULL_ARXIV_KEY } from '../../src/core/citation/keys';
import { identifyPaper, keyDescribes, keyQuery, missingKeys, type ReadBibliography } from '../../src/core/citation/missingKeys';
import type { Paper } from '../../src/core/paper/model';

const TRICKY_BIB = `@string{neurips = "Advances in Neural Information Processing Systems"}
@string(jmlr = {JMLR})
@comment{@misc{commented2020, title = {Not an entry}}}
@inproceedings{Doe:2020-x_y.z/w,
  title = {Colons and Friends},
  booktitle = neurips # " 33",
  year = 2020
}
@inproceedings(paren2021,
  title = "Parenthesised",
  crossref = {proc2021}
)
@proceedings{proc2021, title = {Proceedings}, year = {2021}}
@article{child2022, crossref = {paren2021}, journal = jmlr}
`;

function bib(text: string, name = 'refs.bib', namedBy: ReadBibliography['namedBy'] = 'document'): ReadBibliography {
  return { name, namedBy, database: parseBib(text) };
}

/** The missing keys of `text` (as `key@files`), read as the host reads a document. */
function missing(text: string, kind: CiteKind, bibliographies: readonly ReadBibliography[]): string[] {
  return missingKeys({ kind, text, keys: citedKeys(text, kind), defined: definedKeys(text, kind), bibliographies, namesUnread: namesUnreadBibliography(kind, text) })
    .map(({ key, files }) => `${key.key}@${files.join(',')}`);
}

describe('missing keys', () => {
  it('reports a key in none of the bibliographies, naming them, and no key that one defines', () => {
    const text = '\\cite{Doe:2020-x_y.z/w, nowhere2024}\\bibliography{refs,more}';
    assert.deepEqual(missing(text, 'latex', [bib(TRICKY_BIB), bib('@misc{other, title={x}}', 'more.bib')]), ['nowhere2024@refs.bib,more.bib']);
  });

  it('finds keys with @string macros, crossref, parentheses and : - _ . / in them, without regard to case', () => {
    const text = '\\cite{doe:2020-X_Y.Z/W, PAREN2021, proc2021, child2022, commented2020, neurips}';
    assert.deepEqual(missing(text, 'latex', [bib(TRICKY_BIB)]), ['commented2020@refs.bib', 'neurips@refs.bib']);
  });

  it('each citation of a missing key is reported where it is', () => {
    const text = 'a \\cite{gone} b \\citep{x, gone}';
    const found = missingKeys({ kind: 'latex', text, keys: citedKeys(text, 'latex'), defined: new Set(), bibliographies: [bib('')] });
    assert.deepEqual(found.map(({ key }) => [key.start, key.end]), [[8, 12], [23, 24], [26, 30]]);
  });

  it('keys the document defines (\\bibitem, Typst labels) are not missing, in any case', () => {
    assert.deepEqual(missing('\\cite{One, two}\\bibitem{one}', 'latex', [bib('')]), ['two@refs.bib']);
    assert.deepEqual(missing('See @fig-a and @gone. #figure([x]) <fig-a>', 'typst', [bib('')]), ['gone@refs.bib']);
  });

  it('nothing is reported unless every bibliography the document names was read', () => {
    assert.deepEqual(missing('\\cite{gone}', 'latex', []), []);
    assert.deepEqual(missing('\\cite{gone}', 'latex', [bib(''), { name: 'big.bib', namedBy: 'document', database: undefined }]), []);
  });

  it('the paperFeed.citation.bibFile file counts only for reST, which cannot name one', () => {
    for (const kind of ['latex', 'pandoc', 'typst'] as const) {
      assert.deepEqual(missing(kind === 'latex' ? '\\cite{gone}' : '[@gone] #cite(<gone>)', kind, [bib('', 'refs.bib', 'setting')]), [], kind);
    }
    assert.deepEqual(missing(':cite:`gone,Doe:2020-x_y.z/w`', 'rst', [bib(TRICKY_BIB, 'refs.bib', 'setting')]), ['gone@refs.bib']);
  });

  it('a LaTeX document with thebibliography only (no .bib named) gets no warnings', () => {
    assert.deepEqual(missing('\\cite{a, b}\n\\begin{thebibliography}{9}\\bibitem{a} A.\\end{thebibliography}', 'latex', []), []);
  });

  it('a bare Pandoc @name outside brackets is never reported; one in brackets is', () => {
    assert.deepEqual(missing('Ask @someone, or mail a@b.org, about [@gone].', 'pandoc', [bib('')]), ['gone@refs.bib']);
  });

  it('Pandoc and Quarto cross-references are not citations', () => {
    assert.deepEqual(missing('[@fig-plot] [@fig:plot] [@sec:intro; @tbl-a] [@eq:1] [@gone]', 'pandoc', [bib('')]), ['gone@refs.bib']);
  });

  it('LaTeX macro arguments are not keys', () => {
    assert.deepEqual(missing('\\newcommand{\\mycite}[1]{\\cite{#1}}\\cite{gone}', 'latex', [bib('')]), ['gone@refs.bib']);
  });

  it('a Typst document that includes files reports only #cite(<key>): its @labels may be there', () => {
    assert.deepEqual(missing('#include "chapter.typ"\nSee @fig-elsewhere and #cite(<gone>).', 'typst', [bib('')]), ['gone@refs.bib']);
  });

  it('nothing is reported when the document also names a bibliography Paper Feed does not read', () => {
    assert.deepEqual(missing('---\nbibliography: [refs.bib, more.json]\n---\n[@gone]', 'pandoc', [bib('')]), []);
    assert.deepEqual(missing('---\nbibliography: refs.bib\nreferences:\n- id: gone\n---\n[@gone]', 'pandoc', [bib('')]), []);
    assert.deepEqual(missing('#bibliography(("refs.bib", "more.yml"))\n@gone', 'typst', [bib('')]), []);
    assert.deepEqual(missing('\\addbibresource{refs.bib}\\addbibresource[location=remote]{https://x.org/a.bib}\\cite{gone}', 'latex', [bib('')]), []);
    assert.deepEqual(missing('---\nbibliography: refs.bib\n---\n[@gone]', 'pandoc', [bib('')]), ['gone@refs.bib']);
  });
});

function paper(id: string, title: string, authors: string[], year: string): Paper {
  return { id, title, authors: authors.map((name) => ({ name })), abstract: '', publishedAt: `${year}-06-01` };
}

const DINO = paper('2508.10104', 'DINOv3', ['Oriane Siméoni', 'Huy V. Vo'], '2025');
const ATTENTION = paper('1706.03762', 'Attention Is All You Need', ['Ashish Vaswani', 'Noam Shazeer'], '2017');
const ATTENTION_2 = paper('1801.00001', 'Attention for Everything', ['Ashish Vaswani'], '2017');
const LI = paper('2301.00002', 'Scaling Vision Transformers', ['Wei Li'], '2023');
const OTHER_LI = paper('2301.00003', 'Vision Transformers for Polish', ['Jan Kowalski', 'Wei Li'], '2023');

describe('which paper a key means', () => {
  it('keyQuery: the key words, split at separators, years and camelCase, without years and ids', () => {
    assert.equal(keyQuery('simeoni2025dinov3'), 'simeoni dinov3');
    assert.equal(keyQuery('Vaswani:2017:AttentionIsAll'), 'Vaswani Attention Is All');
    assert.equal(keyQuery('arxiv2508.10104'), '');
    assert.equal(keyQuery('doe_2020-x'), 'doe');
  });

  it('a key Paper Feed writes, in the configured format or a preset, names its paper', () => {
    const candidates = [ATTENTION_2, ATTENTION, DINO];
    for (const format of ['arxiv', '[Title:2][year][auth]']) {
      const key = citationKey(ATTENTION, format);
      assert.deepEqual(identifyPaper(key.toUpperCase(), candidates, [format]), { paper: ATTENTION, by: 'key' }, format);
    }
    assert.deepEqual(identifyPaper('simeoni2025dinov3', candidates, ['[auth]:[year]', 'arxiv']), { paper: DINO, by: 'key' });
    // The long arXiv-like key of earlier versions still names its paper (the quick fix lists FULL_ARXIV_KEY).
    assert.deepEqual(identifyPaper(citationKey(ATTENTION, FULL_ARXIV_KEY), candidates, ['arxiv', FULL_ARXIV_KEY]), { paper: ATTENTION, by: 'key' });
    assert.equal(citationKey(paper('2407.21783', 'The Llama 3 Herd of Models', ['Aaron Grattafiori'], '2024'), FULL_ARXIV_KEY), 'grattafiori2024llama3herdmodels');
    assert.equal(identifyPaper(citationKey(ATTENTION, '[Title:2][year][auth]'), candidates, ['arxiv', 'scholar']), undefined, 'custom format not configured');
    // vaswani2017attention is the Scholar key of both Vaswani papers of 2017: it names neither.
    assert.equal(identifyPaper('vaswani2017attention', candidates, ['scholar']), undefined);
    assert.deepEqual(identifyPaper('vaswani2017attention', [ATTENTION, DINO], ['scholar']), { paper: ATTENTION, by: 'key' });
  });

  it('a hand-made key names a paper only when it describes it (surname, year, title word) and no other candidate', () => {
    assert.deepEqual(identifyPaper('Simeoni_2025_DINO', [ATTENTION, DINO], ['arxiv']), undefined, 'dino is not a title word: dinov3 is');
    assert.deepEqual(identifyPaper('simeoni-dinov3-2025', [ATTENTION, DINO], ['arxiv']), { paper: DINO, by: 'words' });
    assert.equal(identifyPaper('vaswani_2017_attention', [ATTENTION, ATTENTION_2], ['arxiv']), undefined, 'two papers fit: none is chosen');
    assert.deepEqual(identifyPaper('vaswani2017attentionneed', [ATTENTION, ATTENTION_2], ['arxiv']), { paper: ATTENTION, by: 'key' });
    assert.deepEqual(identifyPaper('Vaswani2017Need', [ATTENTION, ATTENTION_2], ['scholar']), { paper: ATTENTION, by: 'words' });
  });

  it('keyDescribes wants the year, the surname (at the start when short) and a title word besides them', () => {
    assert.ok(keyDescribes('li2023scaling', LI));
    assert.ok(!keyDescribes('li2024scaling', LI), 'another year');
    assert.ok(!keyDescribes('li2023', LI), 'no title word');
    assert.ok(!keyDescribes('kowalski2023scaling', LI), 'another author');
    assert.ok(!keyDescribes('kowalski2023polish', LI), 'another first author');
    assert.ok(!keyDescribes('Polish2023Li', OTHER_LI), 'Li is the second author');
    assert.ok(!keyDescribes('oblivion2023vision', LI), 'a short surname must start the key');
    assert.ok(keyDescribes('Kowalski:2023:Polish', OTHER_LI));
    assert.ok(keyDescribes('dinov3simeoni2025', DINO), 'a long surname anywhere');
  });
});
