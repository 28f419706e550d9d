/** Search with no network: the built-in sample papers are searchable too. */
import * as assert from 'node:assert/strict';
import { paperFeed } from '../helpers';

describe('search offline', () => {
  // The first suite of its phase to search: nothing before it may have asked for the index.
  it('starts no search worker with the window, only at the first search', async () => {
    const api = await paperFeed();
    assert.equal(api.testing.search.isStarted, false, 'loading the feed started the worker');
    await api.search('dinov3', 5);
    assert.equal(api.testing.search.isStarted, true);
  });

  it('finds the sample papers', async () => {
    const api = await paperFeed();
    await api.testing.search.ready;
    const found = await api.search('dinov3', 5);
    assert.equal(found[0]?.id, '2508.10104');
    assert.equal((await api.search('big self-supervised models are str', 5))[0]?.title, 'Big Self-Supervised Models are Strong Semi-Supervised Learners');
  });
});
