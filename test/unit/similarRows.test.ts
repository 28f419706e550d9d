import * as assert from 'node:assert/strict';
import { PANEL_SIMILAR, rankSimilar, similarRows, type SimilarInput } from '../../src/core/view/similarRows';

function hit(id: string, score: number, card: Partial<SimilarInput['card']> = {}): SimilarInput {
  return { id, score, card: { title: `Paper ${id}`, authors: ['Ada Lovelace', 'Alan Turing'], authorCount: 2, date: '2026-08-21', upvotes: 7, ...card } };
}

describe('similar papers as lists show them', () => {
  it('leaves out the paper itself and repeats, and orders by score (ties in the model\'s order)', () => {
    const hits = [hit('b', 0.4), hit('self', 1), hit('a', 0.9), hit('c', 0.4), hit('a', 0.2), hit('d', 0.7)];
    assert.deepEqual(rankSimilar('self', hits, 10).map((each) => each.id), ['a', 'd', 'b', 'c']);
  });

  it('keeps at most the limit, the best ones', () => {
    const hits = Array.from({ length: 25 }, (_, index) => hit(`p${index}`, index / 25));
    const rows = similarRows('self', hits, PANEL_SIMILAR);
    assert.equal(rows.length, 10);
    assert.equal(rows[0]?.id, 'p24');
    assert.equal(rows[9]?.id, 'p15');
    assert.deepEqual(similarRows('self', hits, 0), []);
    assert.deepEqual(similarRows('self', hits, -3), []);
  });

  it('drops hits with no id or no title, and treats a score that is not a number as the lowest', () => {
    const hits = [hit('', 0.9), hit('blank', 0.8, { title: '   ' }), hit('nan', Number.NaN), hit('ok', 0.1)];
    assert.deepEqual(rankSimilar('self', hits, 10).map((each) => each.id), ['ok', 'nan']);
  });

  it('writes the first author with "et al." marked, the date in the display language and the upvotes', () => {
    const [row] = similarRows('self', [hit('a', 0.5)], 10, 'en-US');
    assert.deepEqual(row, { id: 'a', title: 'Paper a', firstAuthor: 'Ada Lovelace', moreAuthors: true, date: 'Aug 21, 2026', upvotes: 7 });
    const [german] = similarRows('self', [hit('a', 0.5)], 10, 'de');
    assert.equal(german?.date, '21. Aug. 2026');
  });

  it('counts the authors the card does not name: one named of three is still "et al."', () => {
    const [row] = similarRows('self', [hit('a', 0.5, { authors: ['Ada Lovelace'], authorCount: 3 })], 10);
    assert.equal(row?.moreAuthors, true);
    const [alone] = similarRows('self', [hit('b', 0.5, { authors: ['Ada Lovelace'], authorCount: 1 })], 10);
    assert.equal(alone?.moreAuthors, false);
  });

  it('leaves out what is not known or not sane: no authors, no date, a date that is not one, odd upvotes', () => {
    const [none] = similarRows('self', [hit('a', 0.5, { authors: [], authorCount: 0, date: '', upvotes: -4 })], 10);
    assert.deepEqual(none, { id: 'a', title: 'Paper a', moreAuthors: false, upvotes: 0 });
    const [odd] = similarRows('self', [hit('b', 0.5, { date: '2026-13-45<script>', upvotes: 1.5 })], 10);
    assert.equal(odd?.date, undefined);
    const [impossible] = similarRows('self', [hit('c', 0.5, { date: '2026-02-30' })], 10);
    assert.equal(impossible?.date, undefined, 'February 30th is no date (Intl would write Mar 2)');
    assert.equal(odd?.upvotes, 0);
  });

  it('cuts a title or a name too long for a list, and trims them', () => {
    const [row] = similarRows('self', [hit('a', 0.5, { title: `  ${'T'.repeat(5_000)}  `, authors: ['N'.repeat(1_000)] })], 10);
    assert.ok(row && row.title.length <= 300 && row.title.endsWith('…') && row.title.startsWith('T'));
    assert.ok(row.firstAuthor !== undefined && row.firstAuthor.length <= 120);
  });
});
