import * as assert from 'node:assert/strict';
import { MAX_READ } from '../../src/core/feed/newSince';
import {
  looksValue, MAX_ANNOUNCED, MAX_ANNOUNCING_WATCHES, MAX_LOOKS, readAnnounced, readIds, readLooks, withAnnounced, withLooks, withoutAnnounced, withReadIds,
} from '../../src/core/search/watchRecords';

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

  it('remembers what each watch announced, merged with what other windows announced, bounded', () => {
    let stored: unknown = withAnnounced(undefined, 'diffusion', ['a', 'b']);
    stored = withAnnounced(JSON.parse(JSON.stringify(stored)), '__proto__', ['c']);
    stored = withAnnounced(stored, 'diffusion', ['b', 'd']);
    assert.deepEqual([...readAnnounced(stored)], [['__proto__', ['c']], ['diffusion', ['a', 'b', 'd']]]);
    assert.deepEqual([...readAnnounced(withoutAnnounced(stored, 'diffusion'))], [['__proto__', ['c']]]);
    const many = withAnnounced(undefined, 'w', Array.from({ length: MAX_ANNOUNCED + 5 }, (_, index) => `p${index}`));
    assert.equal(many[0]?.ids.length, MAX_ANNOUNCED);
    assert.equal(many[0]?.ids[0], 'p5', 'the newest kept');
    let watches: unknown;
    for (let index = 0; index < MAX_ANNOUNCING_WATCHES + 3; index++) {
      watches = withAnnounced(watches, `w${index}`, ['p']);
    }
    assert.equal(readAnnounced(watches).size, MAX_ANNOUNCING_WATCHES);
    assert.equal(readAnnounced(watches).has('w0'), false, 'the watch announced longest ago goes');
    assert.deepEqual([...readAnnounced([{ key: 'x', ids: 'nope' }, { ids: ['y'] }, 3])], [['x', []]]);
  });
});
