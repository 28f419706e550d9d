import * as assert from 'node:assert/strict';
import { isStale, staleCheckMs } from '../../src/core/feed/freshness';

describe('feed freshness', () => {
  const fetchedAt = '2026-08-21T12:00:00Z';
  const at = (iso: string): number => Date.parse(iso);
  const record = { ids: ['2608.00001', '2608.00002'], fetchedAt };

  it('fetches a window never fetched', () => {
    assert.equal(isStale(undefined, 0, 60, at(fetchedAt)), true);
  });

  it('fetches again when papers of the window are missing from the cache', () => {
    assert.equal(isStale(record, 1, 60, at(fetchedAt)), true);
    assert.equal(isStale(record, 2, 60, at(fetchedAt)), false);
  });

  it('fetches again once the interval has passed, never with an interval of 0', () => {
    assert.equal(isStale(record, 2, 60, at('2026-08-21T13:00:00Z')), false, 'exactly the interval');
    assert.equal(isStale(record, 2, 60, at('2026-08-21T13:00:01Z')), true);
    assert.equal(isStale(record, 2, 0, at('2027-08-21T12:00:00Z')), false);
  });

  it('checks at the interval, at least every 15 minutes, and never when refreshing is off', () => {
    assert.equal(staleCheckMs(5), 5 * 60_000);
    assert.equal(staleCheckMs(60), 15 * 60_000);
    assert.equal(staleCheckMs(0), undefined);
  });
});
