import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARCHIVE_STATE_FORMAT, ArchiveStateFile } from '../../src/core/storage/archiveState';

describe('archive state file', () => {
  let dir: string;
  let warnings: string[];
  let state: ArchiveStateFile;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paper-feed-archive-state-'));
    warnings = [];
    state = new ArchiveStateFile(join(dir, 'cache'), (level, message) => (level === 'warn' ? warnings.push(message) : undefined));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts empty without a file, and keeps each month recorded with its count, time and completeness', async () => {
    assert.equal((await state.read()).size, 0);
    await state.recordMonth('2026-07', { papers: 512, fetchedAt: '2026-08-21T10:00:00.000Z', complete: true });
    await state.recordMonth('2026-08', { papers: 300, fetchedAt: '2026-08-21T10:01:00.000Z', complete: false });
    const reread = await new ArchiveStateFile(join(dir, 'cache')).read();
    assert.deepEqual([...reread.entries()], [
      ['2026-08', { papers: 300, fetchedAt: '2026-08-21T10:01:00.000Z', complete: false }],
      ['2026-07', { papers: 512, fetchedAt: '2026-08-21T10:00:00.000Z', complete: true }],
    ]);
    const file = JSON.parse(readFileSync(state.path, 'utf8')) as { format: string; version: number };
    assert.equal(file.format, ARCHIVE_STATE_FORMAT);
    assert.equal(file.version, 1);
    assert.deepEqual(readdirSync(join(dir, 'cache')), ['archive.json'], 'atomic writes leave no temp file');
    assert.deepEqual(warnings, []);
  });

  it('merges into the file as it is at each write (another window may have written)', async () => {
    const other = new ArchiveStateFile(join(dir, 'cache'));
    await state.recordMonth('2026-07', { papers: 1, fetchedAt: '2026-08-21T10:00:00.000Z', complete: true });
    await other.recordMonth('2026-06', { papers: 2, fetchedAt: '2026-08-21T10:00:00.000Z', complete: true });
    await state.recordMonth('2026-05', { papers: 3, fetchedAt: '2026-08-21T10:00:00.000Z', complete: true });
    assert.deepEqual([...(await other.read()).keys()], ['2026-07', '2026-06', '2026-05']);
  });

  for (const [name, content, aside] of [
    ['not JSON', '{"format":"paper-feed.archive","version":1,"months":{"2026-07":', 'corrupt'],
    ['another format', JSON.stringify({ format: 'paper-feed.cache', version: 1, months: {} }), 'corrupt'],
    ['months not an object', JSON.stringify({ format: 'paper-feed.archive', version: 1, months: [] }), 'corrupt'],
    ['a newer version', JSON.stringify({ format: 'paper-feed.archive', version: 2, months: {} }), 'v2'],
  ] as const) {
    it(`sets a damaged file aside (${name}) and starts over`, async () => {
      await state.recordMonth('2026-07', { papers: 1, fetchedAt: '2026-08-21T10:00:00.000Z', complete: true });
      writeFileSync(state.path, content);
      assert.equal((await state.read()).size, 0);
      const names = readdirSync(join(dir, 'cache'));
      assert.ok(names.some((file) => file.startsWith(`archive.json.${aside}-`)), names.join());
      assert.ok(!names.includes('archive.json'));
      assert.equal(warnings.length, 1);
      await state.recordMonth('2026-06', { papers: 2, fetchedAt: '2026-08-21T10:00:00.000Z', complete: true });
      assert.deepEqual([...(await state.read()).keys()], ['2026-06'], 'a fresh file after the damaged one');
    });
  }

  it('drops entries it cannot trust and keeps the rest', async () => {
    await state.recordMonth('2026-07', { papers: 1, fetchedAt: '2026-08-21T10:00:00.000Z', complete: true });
    writeFileSync(state.path, JSON.stringify({
      format: 'paper-feed.archive',
      version: 1,
      months: {
        '2026-07': { papers: 5, fetchedAt: '2026-08-21T10:00:00.000Z', complete: true },
        '2026-13': { papers: 5, fetchedAt: '2026-08-21T10:00:00.000Z', complete: true },
        '2026-06': { papers: -1, fetchedAt: '2026-08-21T10:00:00.000Z', complete: true },
        '2026-05': { papers: 5, fetchedAt: 'yesterday', complete: true },
        '2026-04': { papers: 5, fetchedAt: '2026-08-21T10:00:00.000Z', complete: 'yes' },
        '2026-03': null,
      },
    }));
    assert.deepEqual([...(await state.read()).keys()], ['2026-07']);
    assert.deepEqual(warnings, []);
  });

  it('forgets every month (after Clear Paper Cache)', async () => {
    await state.recordMonth('2026-07', { papers: 1, fetchedAt: '2026-08-21T10:00:00.000Z', complete: true });
    await state.forget();
    assert.equal((await state.read()).size, 0);
    await state.forget(); // no file: nothing to do
  });
});
