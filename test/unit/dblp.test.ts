import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DBLP_ENDPOINT, dblpQueryUrl, matchDblp, normaliseTitle } from '../../src/core/enrich/dblp';
import type { Paper } from '../../src/core/paper/model';
import { root } from '../support/paths';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'dblp', `${name}.json`), 'utf8'));

const paper: Paper = {
  id: '2305.01234',
  title: 'Sparse Mixtures of Tiny Experts for Fast Decoding',
  authors: [{ name: 'Jian Sun' }, { name: 'Marta Kovács' }],
  abstract: 'An abstract.',
  firstVersionDate: '2023-05-10',
  publishedAt: '2023-06-01',
};

describe('DBLP: the request', () => {
  it('asks for the title words as JSON, ten hits', () => {
    assert.equal(DBLP_ENDPOINT, 'https://dblp.org');
    assert.equal(dblpQueryUrl(DBLP_ENDPOINT, paper), 'https://dblp.org/search/publ/api?q=sparse%20mixtures%20of%20tiny%20experts%20for%20fast%20decoding&format=json&h=10');
  });

  it("drops the characters of DBLP's query syntax and TeX, keeps letters of any script", () => {
    const url = dblpQueryUrl('http://127.0.0.1:9/', { title: 'Self-Play | "Fine-Tuning" $\\alpha$* Déjà 视觉 & more', authors: [] });
    assert.equal(url, `http://127.0.0.1:9/search/publ/api?q=${encodeURIComponent('self play fine tuning déjà 视觉 more')}&format=json&h=10`);
  });
});

describe('DBLP: the published version, with high confidence only', () => {
  it('takes the conference paper and never the CoRR listing, the venue named in full', () => {
    assert.deepEqual(matchDblp(fixture('conference'), paper), {
      kind: 'conference', venue: 'Advances in Neural Information Processing Systems', venueShort: 'NeurIPS', year: '2023', source: 'dblp',
    });
  });

  it('keeps pages and DOI, and the first https link only', () => {
    assert.deepEqual(matchDblp(fixture('conference-pages'), paper), {
      kind: 'conference', venue: 'Annual Meeting of the Association for Computational Linguistics', venueShort: 'ACL', year: '2024',
      pages: '1234-1250', doi: '10.18653/V1/2024.ACL-LONG.67', url: 'https://doi.org/10.18653/v1/2024.acl-long.67', source: 'dblp',
    });
  });

  it('reads a journal article with a single author object', () => {
    assert.deepEqual(matchDblp(fixture('journal'), paper), {
      kind: 'journal', venue: 'Transactions on Machine Learning Research', venueShort: 'TMLR', year: '2024', volume: '2024',
      url: 'https://openreview.net/forum?id=abcdEFGH12', source: 'dblp',
    });
  });

  it("keeps DBLP's venue string when the table does not know it, and a different title case", () => {
    assert.deepEqual(matchDblp(fixture('journal-unknown-venue'), paper), {
      kind: 'journal', venue: 'Neural Comput.', year: '2025', volume: '36', number: '4', pages: '512-540',
      doi: '10.1162/NECO_A_01234', url: 'https://doi.org/10.1162/neco_a_01234', source: 'dblp',
    });
  });

  it('takes the same record listed twice', () => {
    assert.equal(matchDblp(fixture('duplicate'), paper)?.venueShort, 'NeurIPS');
  });

  for (const [name, why] of [
    ['corr-only', 'only the CoRR listing of the arXiv version'],
    ['ambiguous', 'two venues (a workshop and a conference)'],
    ['title-differs', 'a different title'],
    ['author-differs', 'a different first author'],
    ['too-late', 'a year more than two after v1'],
    ['too-early', 'a year before v1'],
    ['other-type', 'neither a conference nor a journal paper'],
    ['empty', 'no hits'],
    ['malformed', 'hits of the wrong types'],
  ] as const) {
    it(`gives none for ${why}`, () => {
      assert.equal(matchDblp(fixture(name), paper), undefined);
    });
  }

  it('needs the arXiv year, a first author and a real title to match anything', () => {
    const { firstVersionDate: _v1, publishedAt: _published, ...undated } = paper;
    assert.equal(matchDblp(fixture('conference'), undated), undefined);
    assert.equal(matchDblp(fixture('conference'), { ...paper, authors: [] }), undefined);
    assert.equal(matchDblp(fixture('conference'), { ...paper, title: '!!!' }), undefined);
  });

  it('takes the year from v1: a paper whose v1 was 2021 is not matched by a 2024 record', () => {
    assert.equal(matchDblp(fixture('conference-pages'), { ...paper, firstVersionDate: '2021-01-01' }), undefined);
  });

  it('survives anything JSON can be', () => {
    for (const value of [undefined, null, 0, 'text', [], {}, { result: null }, { result: { hits: null } }, { result: { hits: { hit: 'x' } } }]) {
      assert.equal(matchDblp(value, paper), undefined);
    }
  });

  it('bounds huge strings', () => {
    const info = { authors: { author: { text: 'Jian Sun' } }, title: `${'word '.repeat(1_000_000)}.`, venue: 'NeurIPS', year: '2023', type: 'Conference and Workshop Papers' };
    const started = Date.now();
    assert.equal(matchDblp({ result: { hits: { hit: Array.from({ length: 200 }, () => ({ info })) } } }, paper), undefined);
    const big = { ...info, title: 'Sparse Mixtures of Tiny Experts for Fast Decoding.', pages: 'p'.repeat(1_000_000), venue: 'V'.repeat(1_000_000) };
    const found = matchDblp({ result: { hits: { hit: { info: big } } } }, paper);
    assert.ok(found && found.venue.length <= 300 && (found.pages?.length ?? 0) <= 50);
    assert.ok(Date.now() - started < 2_000, `took ${Date.now() - started} ms`);
  });
});

describe('DBLP: titles compared', () => {
  it('ignores case, punctuation, the trailing period, TeX accents and braces, and dashes', () => {
    assert.equal(normaliseTitle('Déjà Vu: Pre–training {BERT} for Caf\\\'e Menus.'), normaliseTitle('Deja vu - pre-training BERT for café menus'));
    assert.notEqual(normaliseTitle('Pretraining BERT'), normaliseTitle('Pre-training BERT'));
    assert.notEqual(normaliseTitle('Faster Decoding'), normaliseTitle('Fast Decoding'));
  });

  it("folds the first author's accents and DBLP's number: Kovács 0002 is Kovacs", () => {
    const hit = { info: { authors: { author: [{ '@pid': '1', text: 'Marta Kovács 0002' }] }, title: 'Sparse Mixtures of Tiny Experts for Fast Decoding.', venue: 'ICML', year: '2023', type: 'Conference and Workshop Papers' } };
    assert.equal(matchDblp({ result: { hits: { hit: [hit] } } }, { ...paper, authors: [{ name: 'Marta Kovacs' }] })?.venueShort, 'ICML');
  });
});
