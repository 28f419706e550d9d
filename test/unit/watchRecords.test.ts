import * as assert from 'node:assert/strict';
import { looksValue, MAX_LOOKS, MAX_READ, readIds, readLooks, withLooks, withReadIds } from '../../src/core/search/watchRecords';

const look = { at: '2026-08-21T12:00:00.000Z', feedDate: '2026-08-21' };
const later = { at: '2026-08-22T12:00:00.000Z', feedDate: '2026-08-22' };

describe('watches: what globalState keeps', () => {
  it('keeps a watch named like a property of every object as a watch like any other', () => {
    assert.equal(readLooks([]).get('constructor'), undefined);
    const stored = JSON.parse(JSON.stringify(looksValue(withLooks(undefined, ['constructor', '__proto__', 'toString', 'hasOwnProperty'], look)))) as unknown;
    const looks = readLooks(stored);
    assert.deepEqual([...looks.keys()], ['constructor', '__proto__', 'toString', 'hasOwnProperty']);
    assert.deepEqual(looks.get('__proto__'), look);
    // As an earlier version stored them (an object by key): own properties only, even `__proto__` from JSON.
    const old = readLooks(JSON.parse('{"__proto__": {"at": "2026-08-21T12:00:00.000Z", "feedDate": "2026-08-21"}, "diffusion": {"at": 1}}'));
    assert.deepEqual([...old], [['__proto__', look]]);
    assert.equal(old.get('toString'), undefined);
  });

  it('merges a change into the value stored now: the other keys stay, the latest look wins', () => {
    const stored = looksValue(new Map([['a', look], ['b', later]]));
    const merged = withLooks(stored, ['b', 'c'], look);
    assert.deepEqual([...merged], [['a', look], ['b', later], ['c', look]], 'b was looked at later elsewhere');
    assert.deepEqual([...withLooks(stored, ['a'], later).keys()], ['b', 'a'], 'the most recent last');
    const many = looksValue(new Map(Array.from({ length: MAX_LOOKS + 10 }, (_, index) => [`w${index}`, look])));
    assert.equal(many.length, MAX_LOOKS);
    assert.equal(many[0]?.key, 'w10', 'the oldest go');
  });

  it('reads stored values entry by entry, whatever wrote them', () => {
    assert.deepEqual([...readLooks([{ key: 'a', at: 1, feedDate: 'x' }, null, 'b', { key: 7, at: 'x', feedDate: 'y' }, { key: 'c', ...look }])], [['c', look]]);
    assert.deepEqual([...readLooks('nonsense')], []);
    assert.deepEqual(readIds(['a', 3, 'b'], 10), ['a', 'b']);
    assert.deepEqual(readIds({ 0: 'a' }, 10), []);
  });

  it('adds opened papers to the list stored now, the newest kept', () => {
    assert.deepEqual(withReadIds(['a', 'b'], ['b', 'c']), ['a', 'b', 'c']);
    const full = Array.from({ length: MAX_READ }, (_, index) => `p${index}`);
    const added = withReadIds(full, ['new']);
    assert.equal(added.length, MAX_READ);
    assert.equal(added.at(-1), 'new');
    assert.equal(added[0], 'p1');
  });
});
