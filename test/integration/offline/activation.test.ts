/** What loading the window does not start: the search worker waits until the index is needed. */
import * as assert from 'node:assert/strict';
import { paperFeed } from '../helpers';

describe('activation offline', () => {
  // The first suite of its phase (files run in name order): nothing before it may have asked for the
  // index, by a search or by a paper panel (whose Similar papers the worker finds).
  it('starts no search worker with the window, only at the first search', async () => {
    const api = await paperFeed();
    assert.equal(api.testing.search.isStarted, false, 'loading the feed started the worker');
    await api.search('dinov3', 5);
    assert.equal(api.testing.search.isStarted, true);
  });
});
