/** The saved search index files: one per topics configuration, and those no window uses any more removed. */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Paper } from '../../src/core/paper/model';
import { PaperCache } from '../../src/core/storage/cache';
import { indexFileName, removeStaleIndexFiles, STALE_INDEX_MS, staleIndexFiles } from '../../src/core/search/savedIndexes';
import { SearchClient } from '../../src/core/search/workerClient';
import { root } from '../support/paths';

const NOW = Date.parse('2026-08-21T12:00:00Z');
const DAY = 24 * 60 * 60 * 1_000;
const CURRENT = 'index-cccccccccccc.bin';

/** Writes `name` in `folder`, last modified `ageMs` before NOW. */
function file(folder: string, name: string, ageMs: number): string {
  const path = join(folder, name);
  writeFileSync(path, 'x');
  const when = new Date(NOW - ageMs);
  utimesSync(path, when, when);
  return path;
}

describe('search index files', () => {
  it('names a file per topics configuration, as before (existing files are still found)', () => {
    const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 12);
    assert.equal(indexFileName({}), `index-${sha('{}')}.bin`);
    assert.equal(indexFileName(undefined), indexFileName({}));
    assert.equal(indexFileName({ Harness: ['envharness'] }), `index-${sha('{"Harness":["envharness"]}')}.bin`);
    assert.notEqual(indexFileName({ Harness: ['envharness'] }), indexFileName({}));
    assert.match(indexFileName({ a: ['b'] }), /^index-[0-9a-f]{12}\.bin$/);
  });

  it('picks the index files of other configurations unused for a week, nothing else', () => {
    const stale = staleIndexFiles([
      { name: CURRENT, modifiedMs: NOW - 30 * DAY },
      { name: 'index-aaaaaaaaaaaa.bin', modifiedMs: NOW - 30 * DAY },
      { name: 'index-bbbbbbbbbbbb.bin', modifiedMs: NOW - DAY }, // another window's topics, in use
      { name: 'index-dddddddddddd.bin', modifiedMs: NOW - STALE_INDEX_MS },
      { name: 'index-eeeeeeeeeeee.bin.tmp-12-abcdef', modifiedMs: NOW - 30 * DAY }, // a write under way elsewhere
      { name: 'index.bin', modifiedMs: NOW - 30 * DAY },
      { name: 'notes.txt', modifiedMs: NOW - 30 * DAY },
    ], CURRENT, NOW);
    assert.deepEqual(stale, ['index-aaaaaaaaaaaa.bin', 'index-dddddddddddd.bin']);
  });

  it('removes them from the folder and marks the current file as in use', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'paper-feed-index-files-'));
    try {
      const current = file(folder, CURRENT, 30 * DAY);
      file(folder, 'index-aaaaaaaaaaaa.bin', 8 * DAY);
      file(folder, 'index-bbbbbbbbbbbb.bin', 2 * DAY);
      file(folder, 'notes.txt', 30 * DAY);
      mkdirSync(join(folder, 'index-ffffffffffff.bin')); // not a file: left alone
      assert.deepEqual(await removeStaleIndexFiles(current, NOW), ['index-aaaaaaaaaaaa.bin']);
      assert.deepEqual(['index-aaaaaaaaaaaa.bin', 'index-bbbbbbbbbbbb.bin', 'notes.txt', 'index-ffffffffffff.bin', CURRENT].map((name) => existsSync(join(folder, name))),
        [false, true, true, true, true]);
      assert.equal(statSync(current).mtimeMs, NOW, 'the current configuration counts as used now');
      assert.deepEqual(await removeStaleIndexFiles(current, NOW + 4 * DAY), [], 'another window\'s file is kept while in use');
      assert.deepEqual(await removeStaleIndexFiles(current, NOW + 5 * DAY), ['index-bbbbbbbbbbbb.bin'], 'then goes a week after its last use');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('the worker removes them once it has written the index of the current configuration', async function () {
    this.timeout(30_000);
    const work = mkdtempSync(join(tmpdir(), 'paper-feed-index-worker-'));
    try {
      const workerPath = join(work, 'searchWorker.js');
      await build({ entryPoints: [join(root, 'src', 'core', 'search', 'worker.ts')], outfile: workerPath, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
      const folder = join(work, 'search');
      mkdirSync(folder);
      const old = join(folder, 'index-aaaaaaaaaaaa.bin');
      writeFileSync(old, 'an index of topics since changed');
      const longAgo = new Date(Date.now() - 30 * DAY);
      utimesSync(old, longAgo, longAgo);
      const other = join(folder, 'index-bbbbbbbbbbbb.bin');
      writeFileSync(other, 'an index another window uses');
      const indexPath = join(folder, indexFileName({}));
      const client = new SearchClient({ workerPath, indexPath, cacheDir: join(work, 'cache'), papers: () => [] });
      client.start();
      await client.ready;
      for (let tries = 0; tries < 200 && (existsSync(old) || !existsSync(indexPath)); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await client.dispose();
      assert.deepEqual([existsSync(indexPath), existsSync(old), existsSync(other)], [true, false, true]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('a saved index is ready at once and says when it has caught up with papers cached since it was saved', async function () {
    this.timeout(30_000);
    const work = mkdtempSync(join(tmpdir(), 'paper-feed-index-synced-'));
    try {
      const workerPath = join(work, 'searchWorker.js');
      await build({ entryPoints: [join(root, 'src', 'core', 'search', 'worker.ts')], outfile: workerPath, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
      const cacheDir = join(work, 'cache');
      const indexPath = join(work, 'search', indexFileName({}));
      const first = new SearchClient({ workerPath, indexPath, cacheDir, papers: () => [] });
      first.start();
      await first.synced; // built from the empty cache
      for (let tries = 0; tries < 200 && !existsSync(indexPath); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await first.dispose();
      assert.ok(existsSync(indexPath), 'the index was saved');
      const cache = new PaperCache(cacheDir, { maxPapers: 1_000 });
      await cache.load();
      const paper: Paper = { id: '2608.19880', title: 'EnvHarness: Awakening Static Worlds for Agent Learning', authors: [{ name: 'Chengsong Huang' }], abstract: 'Worlds.', feedDate: '2026-08-21' };
      await cache.record('date:2026-08-21', [paper]);
      const second = new SearchClient({ workerPath, indexPath, cacheDir, papers: () => [] });
      second.start();
      await second.ready;
      await second.synced;
      const answer = await second.search('envharness', 5);
      await second.dispose();
      assert.deepEqual({ by: answer.by, ids: answer.hits.map((hit) => hit.id) }, { by: 'index', ids: ['2608.19880'] });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
