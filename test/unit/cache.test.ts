import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_VERSION, PaperCache } from '../../src/core/storage/cache';
import { FileLock } from '../../src/core/storage/lock';
import type { Paper } from '../../src/core/paper/model';

function paper(id: string, feedDate: string, upvotes = 1): Paper {
  return { id, title: `Paper ${id}`, authors: [{ name: 'Ada Lovelace' }], abstract: 'Text.', feedDate, upvotes };
}

describe('PaperCache', () => {
  let dir: string;
  const warnings: string[] = [];
  const open = (maxPapers = 20_000): PaperCache =>
    new PaperCache(dir, { maxPapers, log: (level, message) => (level === 'warn' ? warnings.push(message) : undefined) });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paper-feed-cache-'));
    warnings.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps papers and windows across instances, sharded by month, with no temp files left', async () => {
    const first = open();
    await first.load();
    await first.record('date:2026-08-21', [paper('2608.00001', '2026-08-21'), paper('2607.00002', '2026-07-30')]);
    const second = open();
    await second.load();
    assert.equal(second.size, 2);
    assert.equal(second.heldPapers().length, 0, 'loading reads the index only');
    await second.useWindow('date:2026-08-21');
    assert.deepEqual(second.windowPapers('date:2026-08-21')?.map((entry) => entry.id), ['2608.00001', '2607.00002']);
    assert.deepEqual(second.get('2608.00001')?.days, ['2026-08-21']);
    assert.deepEqual(readdirSync(dir).filter((name) => !name.startsWith('.')).sort(), ['index.json', 'papers-2026-07.json.gz', 'papers-2026-08.json.gz']);
  });

  it('updates a paper seen again: new counts win, days accumulate, the first sighting stays', async () => {
    const cache = open();
    await cache.load();
    await cache.useWindow('date:2026-08-21');
    await cache.record('date:2026-08-20', [paper('2608.00001', '2026-08-20', 3)]);
    const seenAt = (await cache.read(['2608.00001'])).get('2608.00001')?.seenAt;
    assert.ok(seenAt);
    await cache.record('date:2026-08-21', [paper('2608.00001', '2026-08-21', 9)]);
    assert.equal(cache.get('2608.00001')?.paper.upvotes, 9, 'held: it is in the window in use');
    assert.deepEqual(cache.get('2608.00001')?.days, ['2026-08-20', '2026-08-21']);
    assert.equal(cache.get('2608.00001')?.seenAt, seenAt);
  });

  it('loses no update when two windows write one after the other from stale views', async () => {
    const a = open();
    const b = open();
    await a.load();
    await b.load();
    await a.record('date:2026-08-21', [paper('2608.00001', '2026-08-21')]);
    await b.record('date:2026-08-20', [paper('2608.00002', '2026-08-20')]);
    const c = open();
    await c.load();
    assert.equal(c.size, 2);
    assert.ok(c.window('date:2026-08-21') && c.window('date:2026-08-20'));
  });

  it('loses no update when two windows write at the same moment', async () => {
    const a = open();
    const b = open();
    await Promise.all([a.load(), b.load()]);
    await Promise.all([
      a.record('date:2026-08-21', [paper('2608.00001', '2026-08-21')]),
      b.record('date:2026-08-21b', [paper('2608.00002', '2026-08-21')]),
    ]);
    const c = open();
    await c.load();
    assert.equal(c.size, 2);
  });

  it('sets a corrupt file aside with a warning and keeps the rest', async () => {
    const cache = open();
    await cache.load();
    await cache.record('date:2026-08-21', [paper('2608.00001', '2026-08-21'), paper('2607.00002', '2026-07-30')]);
    writeFileSync(join(dir, 'papers-2026-07.json.gz'), 'not gzip at all');
    writeFileSync(join(dir, 'papers-2026-08.json'), '{"format": "paper-feed.cache", "version": 1, "papers": [');
    const reloaded = open();
    await reloaded.load();
    await reloaded.useWindow('date:2026-08-21');
    assert.deepEqual(reloaded.windowPapers('date:2026-08-21')?.map((entry) => entry.id), ['2608.00001'], 'the good file of the shard is read');
    assert.equal(warnings.length, 2);
    assert.match(warnings.join('\n'), /set papers-2026-07\.json\.gz aside as papers-2026-07\.json\.gz\.corrupt-\d+ because it is not a readable gzip file/);
    assert.match(warnings.join('\n'), /set papers-2026-08\.json aside as papers-2026-08\.json\.corrupt-\d+ because it is not valid JSON/);
    assert.ok(readdirSync(dir).some((name) => name.startsWith('papers-2026-07.json.gz.corrupt-')));
  });

  it('sets aside files from a newer Paper Feed and files that are not cache files', async () => {
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ format: 'paper-feed.cache', version: 99, windows: {} }));
    writeFileSync(join(dir, 'papers-2026-08.json'), JSON.stringify([{ id: 'x' }]));
    const cache = open();
    await cache.load();
    assert.equal(cache.size, 0);
    assert.equal(warnings.length, 2);
    assert.ok(warnings.some((warning) => /newer Paper Feed \(cache version 99\)/.test(warning)));
    assert.ok(readdirSync(dir).some((name) => name.startsWith('index.json.v99-')));
    await cache.record('today', [paper('2608.00001', '2026-08-21')]);
    assert.equal((JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { version: unknown }).version, CACHE_VERSION);
  });

  it('drops damaged entries but keeps good ones in the same file', async () => {
    writeFileSync(join(dir, 'papers-2026-08.json'), JSON.stringify({
      format: 'paper-feed.cache', version: 1,
      papers: [{ paper: { id: 'bad' } }, { paper: paper('2608.00001', '2026-08-21'), days: ['2026-08-21', 'nope'], seenAt: 'x' }],
    }));
    const cache = open();
    await cache.load();
    assert.equal(cache.size, 1);
    assert.deepEqual((await cache.read(['2608.00001'])).get('2608.00001')?.days, ['2026-08-21']);
  });

  it('evicts the least recently featured papers beyond maxPapers', async () => {
    const cache = open(2);
    await cache.load();
    await cache.record('a', [paper('2606.00001', '2026-06-01'), paper('2607.00001', '2026-07-01')]);
    await cache.record('b', [paper('2608.00001', '2026-08-01')]);
    assert.equal(cache.size, 2);
    assert.equal((await cache.read(['2606.00001'])).size, 0);
    await cache.useWindow('a');
    assert.deepEqual(cache.windowPapers('a')?.map((entry) => entry.id), ['2607.00001']);
    assert.ok(!readdirSync(dir).includes('papers-2026-06.json.gz'), 'the emptied shard is removed');
  });

  it('applies a lowered limit at the next write', async () => {
    const cache = open(10);
    await cache.load();
    await cache.record('a', [paper('2606.00001', '2026-06-01'), paper('2607.00001', '2026-07-01'), paper('2608.00001', '2026-08-01')]);
    assert.equal(cache.size, 3);
    cache.options.maxPapers = 1;
    await cache.record('b', [paper('2608.00002', '2026-08-02')]);
    assert.deepEqual((await cache.readAll()).map((entry) => entry.paper.id), ['2608.00002']);
  });

  it('holds only the window in use, and reads other papers from their shards when asked', async () => {
    const cache = open();
    await cache.load();
    await cache.record('month:2026-06', [paper('2606.00001', '2026-06-03'), paper('2606.00002', '2026-06-04')]);
    await cache.record('month:2026-07', [paper('2607.00001', '2026-07-03')]);
    await cache.useWindow('month:2026-07');
    assert.deepEqual(cache.heldPapers().map((entry) => entry.paper.id), ['2607.00001']);
    assert.deepEqual(cache.window('month:2026-06')?.shards, ['2026-06']);
    const found = await cache.read(['2606.00002', '2607.00001', '2601.99999'], (id) => (id.startsWith('2606') ? '2026-06' : undefined));
    assert.deepEqual([...found.keys()].sort(), ['2606.00002', '2607.00001']);
    await cache.record('month:2026-06', [paper('2606.00003', '2026-06-05')]);
    assert.deepEqual(cache.heldPapers().map((entry) => entry.paper.id), ['2607.00001'], 'recording another window holds none of it');
    assert.equal(cache.size, 4);
  });

  it('sees at the next use what another window wrote to the window in use', async () => {
    const a = open();
    const b = open();
    await a.load();
    await a.record('date:2026-08-21', [paper('2608.00001', '2026-08-21', 1)]);
    await a.useWindow('date:2026-08-21');
    await b.load();
    await b.record('date:2026-08-21', [paper('2608.00001', '2026-08-21', 7), paper('2608.00002', '2026-08-21')]);
    await a.useWindow('date:2026-08-21');
    assert.deepEqual(a.windowPapers('date:2026-08-21')?.map((entry) => `${entry.id}:${entry.upvotes}`), ['2608.00001:7', '2608.00002:1']);
  });

  it('converts a version 1 cache (uncompressed shards, no counts) once, keeping its papers and windows', async () => {
    const v1 = (papers: Paper[]) => JSON.stringify({ format: 'paper-feed.cache', version: 1, papers: papers.map((entry) => ({ paper: entry, days: [entry.feedDate], seenAt: '2026-08-01T00:00:00.000Z' })) });
    writeFileSync(join(dir, 'papers-2026-07.json'), v1([paper('2607.00001', '2026-07-30')]));
    writeFileSync(join(dir, 'papers-2026-08.json'), v1([paper('2608.00001', '2026-08-21'), paper('2608.00002', '2026-08-21')]));
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ format: 'paper-feed.cache', version: 1, generation: 'g1', windows: { 'date:2026-08-21': { ids: ['2608.00001', '2607.00001'], fetchedAt: '2026-08-21T10:00:00.000Z' } } }));
    const cache = open();
    await cache.load();
    assert.equal(cache.size, 3);
    assert.deepEqual(readdirSync(dir).filter((name) => name.startsWith('papers-')).sort(), ['papers-2026-07.json.gz', 'papers-2026-08.json.gz']);
    await cache.useWindow('date:2026-08-21');
    assert.deepEqual(cache.windowPapers('date:2026-08-21')?.map((entry) => entry.id), ['2608.00001', '2607.00001'], 'a record without shards is read from every shard');
    assert.equal(warnings.length, 0);
  });

  it('clears everything', async () => {
    const cache = open();
    await cache.load();
    await cache.record('a', [paper('2608.00001', '2026-08-01')]);
    await cache.clear();
    const reloaded = open();
    await reloaded.load();
    assert.equal(reloaded.size, 0);
    assert.equal(reloaded.window('a'), undefined);
  });
});

describe('FileLock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paper-feed-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lets one holder in at a time, and the other waits for the release', async () => {
    const a = new FileLock(join(dir, 'l'), { staleMs: 60_000, waitMs: 0, pollMs: 10 });
    const b = new FileLock(join(dir, 'l'), { staleMs: 60_000, waitMs: 0, pollMs: 10 });
    assert.equal(await a.tryAcquire(), true);
    assert.equal(await b.tryAcquire(), false);
    assert.equal(await b.isHeldElsewhere(), true);
    setTimeout(() => void a.release(), 50);
    assert.equal(await b.waitUntilFree(2_000), true);
    assert.equal(await b.tryAcquire(), true);
  });

  it('takes over a lock whose holder died', async () => {
    const path = join(dir, 'l');
    const old = (Date.now() - 120_000) / 1_000;
    writeFileSync(path, JSON.stringify({ pid: 1, token: 'dead', at: new Date(Date.now() - 120_000).toISOString() }));
    utimesSync(path, old, old); // its holder stopped touching it two minutes ago
    const first = new FileLock(path, { staleMs: 60_000, waitMs: 0 });
    assert.equal(await first.tryAcquire(), true);
    await first.release();
    writeFileSync(path, 'half-writ');
    utimesSync(path, old, old);
    const lock = new FileLock(path, { staleMs: 60_000, waitMs: 0 });
    assert.equal(await lock.tryAcquire(), true);
  });
});
