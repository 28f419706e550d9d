import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchesFilter } from '../../src/core/view/filter';
import type { Paper } from '../../src/core/paper/model';
import { applySavedChange, parseSaved, SavedFile, serializeSaved } from '../../src/core/storage/savedList';

function paper(id: string, title = `Paper ${id}`): Paper {
  return { id, title, authors: [{ name: 'Ada Lovelace' }], abstract: 'An abstract.' };
}

describe('reading list file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paper-feed-saved-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips, keeping the first save time and refreshing the copy', () => {
    const first = applySavedChange([], { save: [{ paper: paper('2401.00001'), savedAt: '2026-01-01T00:00:00.000Z' }] });
    const again = applySavedChange(first, { save: [{ paper: paper('2401.00001', 'New title'), savedAt: '2026-02-01T00:00:00.000Z' }] });
    assert.deepEqual(again.map((entry) => [entry.paper.title, entry.savedAt]), [['New title', '2026-01-01T00:00:00.000Z']]);
    assert.deepEqual(parseSaved(serializeSaved(again)).entries, again);
    assert.deepEqual(applySavedChange(again, { remove: ['2401.00001'] }), []);
  });

  it('refuses damaged, foreign and newer files, and skips bad entries', () => {
    assert.match(parseSaved('{').problem ?? '', /not valid JSON/);
    assert.match(parseSaved('{"papers": []}').problem ?? '', /not a Paper Feed reading list/);
    assert.match(parseSaved('{"format": "paper-feed.saved", "version": 9, "papers": []}').problem ?? '', /newer Paper Feed/);
    const mixed = parseSaved(JSON.stringify({
      format: 'paper-feed.saved', version: 1,
      papers: [{ paper: paper('2401.00001'), savedAt: 'yesterday' }, { paper: { id: 'x' }, savedAt: '2026-01-01T00:00:00Z' }, { paper: paper('2401.00002'), savedAt: '2026-01-01T00:00:00Z' }, 'junk'],
    }));
    assert.deepEqual(mixed.entries.map((entry) => entry.paper.id), ['2401.00002']);
  });

  it('sets a damaged file aside instead of overwriting it, and starts a new list', async () => {
    const path = join(dir, 'saved.json');
    writeFileSync(path, 'not json');
    const file = new SavedFile(path, () => undefined);
    assert.deepEqual(await file.read(), []);
    assert.ok(readdirSync(dir).some((name) => name.startsWith('saved.json.unreadable-')), 'the damaged file is kept aside');
    await file.update({ save: [{ paper: paper('2401.00001'), savedAt: '2026-01-01T00:00:00.000Z' }] });
    assert.equal(parseSaved(readFileSync(path, 'utf8')).entries.length, 1);
  });

  it('keeps every paper when several windows save at once', async () => {
    const path = join(dir, 'saved.json');
    const windows = Array.from({ length: 6 }, () => new SavedFile(path));
    await Promise.all(windows.map((file, index) => file.update({ save: [{ paper: paper(`2401.0000${index}`), savedAt: new Date().toISOString() }] })));
    assert.deepEqual((await windows[0]?.read())?.map((entry) => entry.paper.id).sort(), ['2401.00000', '2401.00001', '2401.00002', '2401.00003', '2401.00004', '2401.00005']);
    assert.equal(existsSync(`${path}.lock`), false, 'the lock is released');
  });
});

describe('tree filter', () => {
  const known: Paper = { ...paper('2508.10104', 'DINOv3'), aiKeywords: ['self-supervised learning'], organization: { name: 'facebook', fullname: 'AI at Meta' } };
  const topic = (): string => 'Computer Vision';

  it('needs every word somewhere: title, author, keyword, organization, topic or id', () => {
    assert.ok(matchesFilter(known, 'dino', topic));
    assert.ok(matchesFilter(known, 'LOVELACE self-supervised', topic));
    assert.ok(matchesFilter(known, 'meta vision 2508.10104', topic));
    assert.equal(matchesFilter(known, 'dino speech', topic), false);
    assert.ok(matchesFilter(known, '   ', topic));
  });
});
