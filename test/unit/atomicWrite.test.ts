/** Temp-then-rename writes leave nothing behind when they fail: the helper and each of its callers. */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { PaperCache } from '../../src/core/storage/cache';
import type { Paper } from '../../src/core/paper/model';
import { SavedFile } from '../../src/core/storage/savedList';
import { SearchClient } from '../../src/core/search/workerClient';
import { writeFileAtomic } from '../../src/core/storage/atomicWrite';

function paper(id: string): Paper {
  return { id, title: `Paper ${id}`, authors: [{ name: 'Ada Lovelace' }], abstract: 'Text.', feedDate: '2026-08-21' };
}

/** A directory where a file is to go: the rename over it fails (EISDIR), after the temp file was written. */
function blockWithDirectory(path: string): void {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'occupied'), '');
}

const temps = (dir: string): string[] => readdirSync(dir).filter((name) => name.includes('.tmp-'));

describe('atomic writes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paper-feed-atomic-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces a file whole, and leaves no temp file when the rename fails', async () => {
    const path = join(dir, 'file.json');
    await writeFileAtomic(path, '{"a":1}');
    await writeFileAtomic(path, new TextEncoder().encode('{"a":2}'), { fsync: true });
    assert.equal(readFileSync(path, 'utf8'), '{"a":2}');
    const blocked = join(dir, 'blocked.json');
    blockWithDirectory(blocked);
    await assert.rejects(writeFileAtomic(blocked, 'x'), /EISDIR|ENOTEMPTY|EEXIST|EPERM/);
    assert.deepEqual(temps(dir), []);
  });

  it('the paper cache leaves no temp file when writing its index fails', async () => {
    blockWithDirectory(join(dir, 'index.json'));
    const cache = new PaperCache(dir, { maxPapers: 100 });
    await cache.load();
    await assert.rejects(cache.record('date:2026-08-21', [paper('2608.00001')]));
    assert.deepEqual(temps(dir), []);
  });

  it('the reading list leaves no temp file when writing it fails', async () => {
    const path = join(dir, 'saved.json');
    writeFileSync(path, 'not json');
    // It sets the unreadable file aside and says so; meanwhile something takes its place.
    const saved = new SavedFile(path, () => blockWithDirectory(path));
    await assert.rejects(saved.update({ save: [{ paper: paper('2608.00001'), savedAt: new Date().toISOString() }] }));
    assert.deepEqual(temps(dir), []);
  });

  it('the search worker leaves no temp file when saving its index fails', async function () {
    this.timeout(30_000);
    const workerPath = join(dir, 'searchWorker.js');
    buildSync({ entryPoints: [join(__dirname, '..', '..', 'src', 'core', 'search', 'worker.ts')], outfile: workerPath, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
    const indexDir = join(dir, 'search');
    const indexPath = join(indexDir, 'index.bin');
    blockWithDirectory(indexPath);
    const cacheDir = join(dir, 'cache');
    const cache = new PaperCache(cacheDir, { maxPapers: 100 });
    await cache.load();
    await cache.record('date:2026-08-21', [paper('2608.00001')]);
    let notSaved: () => void = () => undefined;
    const failed = new Promise<void>((resolve) => {
      notSaved = resolve;
    });
    const client = new SearchClient({
      workerPath, indexPath, cacheDir, papers: () => [],
      log: (_level, message) => (/Search index not saved/.test(message) ? notSaved() : undefined),
    });
    client.start();
    try {
      await client.ready;
      await failed;
      assert.deepEqual(temps(indexDir), []);
    } finally {
      await client.dispose();
    }
  });
});
