import * as assert from 'node:assert/strict';
import { lookNow } from '../../src/core/feed/newSince';

describe('new since a look: taking a look', () => {
  it('is real time, with the feed date of the clock (pinned by tests and demos)', () => {
    const before = new Date().toISOString();
    // 2026-08-21 22:00 in New York, past the 21:30 batch: the feed day is the 22nd.
    const look = lookNow(() => new Date('2026-08-22T02:00:00.000Z'));
    assert.equal(look.feedDate, '2026-08-22');
    assert.ok(look.at >= before && look.at <= new Date().toISOString(), `${look.at}: now, not the pinned clock`);
    assert.equal(lookNow(() => new Date('2026-08-21T20:00:00.000Z')).feedDate, '2026-08-21', '16:00 in New York: that day');
  });
});
