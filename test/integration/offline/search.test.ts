/** Search with no network: the built-in sample papers are searchable too. */
import * as assert from 'node:assert/strict';
import { paperFeed } from '../helpers';

describe('search offline', () => {
  it('finds the sample papers', async () => {
    const api = await paperFeed();
    await api.testing.search.ready;
    const found = await api.search('dinov3', 5);
    assert.equal(found[0]?.id, '2508.10104');
    assert.equal((await api.search('big self-supervised models are str', 5))[0]?.title, 'Big Self-Supervised Models are Strong Semi-Supervised Learners');
  });
});
