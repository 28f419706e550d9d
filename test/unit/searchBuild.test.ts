import * as assert from 'node:assert/strict';
import { SearchIndex } from '../../src/core/search/index';
import { toIndexInput } from '../../src/core/search/papers';
import { parseQuery } from '../../src/core/search/query';
import { classifyPaper, compileTaxonomy } from '../../src/core/topics/classify';
import { corpusPapers } from '../support/corpus';

describe('search index built in deferred batches', () => {
  it('is the index one add would build: the same file, the same answers', () => {
    const taxonomy = compileTaxonomy();
    const inputs = [...corpusPapers().values()].slice(0, 2_000).map((paper) => toIndexInput(paper, classifyPaper(taxonomy, paper).primary));
    const whole = new SearchIndex();
    whole.add(inputs);
    const batched = new SearchIndex();
    for (let start = 0; start < inputs.length; start += 300) {
      batched.add(inputs.slice(start, start + 300), { defer: true });
    }
    batched.settle();
    assert.deepEqual(Buffer.from(batched.serialize()), Buffer.from(whole.serialize()));
    for (const query of ['diffusion transformer', 'agent', 'self-attention', 'reasoing', 'vid']) {
      assert.deepEqual(batched.search(parseQuery(query), 10).map((hit) => hit.id), whole.search(parseQuery(query), 10).map((hit) => hit.id), query);
    }
  });
});
