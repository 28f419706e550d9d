import * as assert from 'node:assert/strict';
import type { Paper } from '../../src/core/paper/model';
import { onlineAdditions, onlineQuery } from '../../src/core/search/online';
import { topicMatcher } from '../../src/core/search/papers';
import { compileTaxonomy } from '../../src/core/topics/classify';

function paper(id: string, extra: Partial<Paper> = {}): Paper {
  return { id, title: `Paper ${id}`, authors: [{ name: 'Ada Lovelace' }], abstract: '', feedDate: '2025-06-01', ...extra };
}

const PAPERS = [
  paper('1', { authors: [{ name: 'Yann LeCun' }, { name: 'Ada Lovelace' }], githubRepo: 'https://github.com/a/b', feedDate: '2024-03-01' }),
  paper('2', { authors: [{ name: 'Yann Dauphin' }], feedDate: '2025-09-01', organization: { name: 'google', fullname: 'Google' } }),
  paper('3', { githubRepo: 'https://github.com/c/d', feedDate: '2026-01-15' }),
];
const TOPICS: Record<string, string> = { 1: 'vision', 2: 'robotics', 3: 'vision' };

function query(typed: string): ReturnType<typeof onlineQuery> {
  return onlineQuery(typed, topicMatcher(compileTaxonomy()), (found) => TOPICS[found.id] ?? 'other');
}

function kept(typed: string): string[] {
  return (query(typed)?.keep(PAPERS) ?? []).map((found) => found.id);
}

describe('online search from the picker', () => {
  it('sends the free words only: no filter, normalised, stop words kept', () => {
    assert.equal(query('Tabular has:code author:"yann lecun"  after:2025-01-01 Learning')?.text, 'tabular learning');
    assert.equal(query('attention is all you need topic:vision')?.text, 'attention is all you need');
    assert.equal(query('Siméoni org:google')?.text, 'simeoni');
  });

  it('sends nothing for a query of filters only, or of nothing', () => {
    for (const typed of ['has:code', 'author:"yann lecun" topic:vision after:2025-01-01', '', '  ', '…']) {
      assert.equal(query(typed), undefined, typed);
    }
  });

  it('applies the filters to what Hugging Face found, as the index does', () => {
    assert.deepEqual(kept('tabular'), ['1', '2', '3']);
    assert.deepEqual(kept('tabular has:code'), ['1', '3']);
    assert.deepEqual(kept('tabular author:"yann lecun"'), ['1']);
    assert.deepEqual(kept('tabular author:yann'), ['1', '2']);
    assert.deepEqual(kept('tabular after:2025-01-01'), ['2', '3']);
    assert.deepEqual(kept('tabular before:2025-12-31 after:2025-01-01'), ['2']);
    assert.deepEqual(kept('tabular org:google'), ['2']);
    assert.deepEqual(kept('tabular topic:vision'), ['1', '3']);
    assert.deepEqual(kept('tabular topic:robotics has:code'), []);
  });

  it('adds each paper once, none already among the offline results, in Hugging Face\'s order', () => {
    const [one, two, three] = PAPERS as [Paper, Paper, Paper];
    assert.deepEqual(onlineAdditions([two], [three, two, one, three]).map((found) => found.id), ['3', '1']);
    assert.deepEqual(onlineAdditions([one, two, three], [three, two]), []);
    assert.deepEqual(onlineAdditions([], [two]).map((found) => found.id), ['2']);
  });
});
