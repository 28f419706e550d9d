import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchesFilter } from '../../src/core/view/filter';
import type { Paper } from '../../src/core/paper/model';
import { applySavedChange, parseSaved, SavedFile, type SavedEntry, serializeSaved } from '../../src/core/storage/savedList';
import { commonTags, formatTagInput, MAX_TAGS, NOTE_MAX_LENGTH, NOTE_MAX_LINES, normalizeNote, normalizeTags, parseTagInput, retag, TAG_MAX_LENGTH } from '../../src/core/storage/savedFields';
import { isSavedSortBy, matchesSavedFilter, SAVED_SORT_ORDERS, sortSaved } from '../../src/core/view/savedView';

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

describe('reading list: read state, note and tags', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paper-feed-saved-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const saved = (id: string, savedAt: string, extra: Partial<SavedEntry> = {}): SavedEntry => ({ paper: paper(id), savedAt, ...extra });

  it('saves new papers unread and keeps read state, note, tags and unknown fields when a paper is saved again', () => {
    const first = applySavedChange([], { save: [saved('2401.00001', '2026-01-01T00:00:00.000Z', { readAt: '2026-01-02T00:00:00.000Z', note: 'x' })] });
    assert.deepEqual(first, [saved('2401.00001', '2026-01-01T00:00:00.000Z')], 'a newly saved paper is unread, without note or tags');
    const marked = applySavedChange(first, { edit: ['2401.00001'], set: { read: true, at: '2026-01-03T00:00:00.000Z' } });
    const noted = applySavedChange(marked, { edit: ['2401.00001'], set: { note: 'Read §3 again.' } });
    const tagged = applySavedChange(noted, { edit: ['2401.00001'], set: { tags: ['agents', 'To Read'] } });
    const withUnknown = tagged.map((entry) => ({ ...entry, unknown: { rating: 5 } }));
    const again = applySavedChange(withUnknown, { save: [saved('2401.00001', '2026-02-01T00:00:00.000Z', {})].map((entry) => ({ ...entry, paper: paper('2401.00001', 'New title') })) });
    assert.deepEqual(again, [{
      paper: paper('2401.00001', 'New title'), savedAt: '2026-01-01T00:00:00.000Z', readAt: '2026-01-03T00:00:00.000Z',
      note: 'Read §3 again.', tags: ['agents', 'To Read'], unknown: { rating: 5 },
    }]);
  });

  it('marks read and unread on several papers, keeping the first read time and ignoring papers no longer saved', () => {
    const list = [saved('2401.00001', '2026-01-01T00:00:00Z'), saved('2401.00002', '2026-01-02T00:00:00Z', { readAt: '2026-01-05T00:00:00Z' })];
    const read = applySavedChange(list, { edit: ['2401.00001', '2401.00002', '2401.09999'], set: { read: true, at: '2026-01-09T00:00:00Z' } });
    assert.deepEqual(read.map((entry) => [entry.paper.id, entry.readAt]), [['2401.00001', '2026-01-09T00:00:00Z'], ['2401.00002', '2026-01-05T00:00:00Z']]);
    assert.equal(read[1], list[1], 'an entry that does not change is the same object');
    const unread = applySavedChange(read, { edit: ['2401.00002'], set: { read: false, at: '2026-01-10T00:00:00Z' } });
    assert.deepEqual(unread.map((entry) => entry.readAt), ['2026-01-09T00:00:00Z', undefined]);
    assert.equal('readAt' in (unread[1] as SavedEntry), false);
  });

  it('clears a note set to blank and tags set to none, leaving no empty field in the file', () => {
    const list = [saved('2401.00001', '2026-01-01T00:00:00Z', { note: 'n', tags: ['t'] })];
    const cleared = applySavedChange(applySavedChange(list, { edit: ['2401.00001'], set: { note: '  \n ' } }), { edit: ['2401.00001'], set: { tags: [' ', ''] } });
    assert.deepEqual(cleared, [saved('2401.00001', '2026-01-01T00:00:00Z')]);
    assert.doesNotMatch(serializeSaved(cleared), /"note"|"tags"|"readAt"/);
  });

  it('round-trips the new fields, keeps fields and file keys it does not know, and normalises what it reads', () => {
    const text = JSON.stringify({
      format: 'paper-feed.saved', version: 1, writtenBy: 'a newer Paper Feed',
      papers: [
        { paper: paper('2401.00001'), savedAt: '2026-01-01T00:00:00Z', readAt: '2026-01-02T00:00:00Z', note: ' a\r\n\r\n\r\n b\u0007 ', tags: ['x', 'X', ' y ', 3], rating: 5, links: ['a'] },
        { paper: paper('2401.00002'), savedAt: '2026-01-01T00:00:00Z', readAt: 'someday', note: 42, tags: 'x' },
      ],
    });
    const parsed = parseSaved(text);
    assert.equal(parsed.problem, undefined);
    assert.deepEqual(parsed.entries, [
      { paper: paper('2401.00001'), savedAt: '2026-01-01T00:00:00Z', readAt: '2026-01-02T00:00:00Z', note: 'a\n\nb', tags: ['x', 'y'], unknown: { rating: 5, links: ['a'] } },
      { paper: paper('2401.00002'), savedAt: '2026-01-01T00:00:00Z' },
    ]);
    const written = JSON.parse(serializeSaved(parsed.entries, parsed.unknown)) as { writtenBy: string; papers: Record<string, unknown>[] };
    assert.equal(written.writtenBy, 'a newer Paper Feed');
    assert.deepEqual(written.papers[0], { rating: 5, links: ['a'], paper: paper('2401.00001'), savedAt: '2026-01-01T00:00:00Z', readAt: '2026-01-02T00:00:00Z', note: 'a\n\nb', tags: ['x', 'y'] });
    assert.deepEqual(parseSaved(serializeSaved(parsed.entries, parsed.unknown)), parsed);
  });

  it('reads a reading list written before read state, notes and tags, and keeps what it does not know through a change on disk', async () => {
    const path = join(dir, 'saved.json');
    writeFileSync(path, JSON.stringify({ format: 'paper-feed.saved', version: 1, papers: [{ paper: paper('2401.00001'), savedAt: '2026-01-01T00:00:00.000Z', stars: 3 }] }));
    const file = new SavedFile(path);
    assert.deepEqual((await file.read()).map((entry) => [entry.paper.id, entry.readAt, entry.note, entry.tags]), [['2401.00001', undefined, undefined, undefined]]);
    await file.update({ edit: ['2401.00001'], set: { tags: ['agents'] } });
    await file.update({ save: [{ paper: paper('2401.00002'), savedAt: '2026-01-02T00:00:00.000Z' }] });
    const onDisk = JSON.parse(readFileSync(path, 'utf8')) as { version: number; papers: Record<string, unknown>[] };
    assert.equal(onDisk.version, 1, 'older versions keep reading the file');
    assert.deepEqual(onDisk.papers.map((entry) => [entry.stars, entry.tags]), [[3, ['agents']], [undefined, undefined]]);
  });

  it('applies edits from several windows at once to the file as it is on disk', async () => {
    const path = join(dir, 'saved.json');
    await new SavedFile(path).update({ save: [saved('2401.00001', '2026-01-01T00:00:00Z'), saved('2401.00002', '2026-01-01T00:00:00Z')] });
    await Promise.all([
      new SavedFile(path).update({ edit: ['2401.00001'], set: { read: true, at: '2026-01-02T00:00:00Z' } }),
      new SavedFile(path).update({ edit: ['2401.00002'], set: { note: 'two' } }),
      new SavedFile(path).update({ edit: ['2401.00001', '2401.00002'], set: { tags: ['both'] } }),
    ]);
    assert.deepEqual((await new SavedFile(path).read()).map((entry) => [entry.paper.id, entry.readAt, entry.note, entry.tags]), [
      ['2401.00001', '2026-01-02T00:00:00Z', undefined, ['both']], ['2401.00002', undefined, 'two', ['both']],
    ]);
  });

  it('normalises notes: no control characters, whitespace collapsed, few lines, capped', () => {
    assert.equal(normalizeNote('  hello\t  world \u202E'), 'hello world');
    assert.equal(normalizeNote('\n\na\n\n\n\nb\n\n'), 'a\n\nb');
    assert.equal(normalizeNote(undefined), '');
    assert.equal(normalizeNote(Array.from({ length: 20 }, (_, index) => `line ${index}`).join('\n')).split('\n').length, NOTE_MAX_LINES);
    const long = normalizeNote('word '.repeat(400));
    assert.equal(long.length, NOTE_MAX_LENGTH);
    assert.ok(long.endsWith('…'));
  });

  it('normalises tags: trimmed, no commas, duplicates ignoring case dropped, capped in length and number', () => {
    assert.deepEqual(parseTagInput(' agents, To Read ,,AGENTS, to read, rl '), ['agents', 'To Read', 'rl']);
    assert.deepEqual(normalizeTags(['a,b', '\u0000c', 42, null]), ['a b', 'c']);
    assert.equal(normalizeTags(['x'.repeat(100)])[0]?.length, TAG_MAX_LENGTH);
    assert.equal(parseTagInput(Array.from({ length: 30 }, (_, index) => `t${index}`).join(',')).length, MAX_TAGS);
    assert.deepEqual(parseTagInput(formatTagInput(['agents', 'To Read'])), ['agents', 'To Read']);
    assert.deepEqual(parseTagInput(''), []);
  });
});

describe('Saved view order and filter', () => {
  const entry = (id: string, title: string, savedAt: string, date: string, upvotes: number | undefined, extra: Partial<SavedEntry> = {}): SavedEntry => ({
    paper: { ...paper(id, title), feedDate: date, ...(upvotes !== undefined ? { upvotes } : {}) }, savedAt, ...extra,
  });
  const entries = [
    entry('2401.00001', 'beta', '2026-01-03T00:00:00Z', '2024-01-01', 10),
    entry('2401.00002', 'Alpha', '2026-01-01T00:00:00Z', '2024-03-01', 50, { readAt: '2026-01-04T00:00:00Z', note: 'Compare with the DINO baseline', tags: ['Vision', 'to read'] }),
    entry('2401.00003', 'gamma 10', '2026-01-02T00:00:00Z', '2024-02-01', undefined),
    entry('2401.00004', 'gamma 9', '2026-01-02T00:00:00Z', '2024-02-01', 10, { tags: ['agents'] }),
  ];
  const ids = (list: readonly SavedEntry[]): string[] => list.map((item) => item.paper.id.slice(-1));

  it('sorts by date saved, paper date, upvotes or title, ties broken the same way every time', () => {
    assert.deepEqual(SAVED_SORT_ORDERS, ['savedAt', 'date', 'upvotes', 'title']);
    assert.deepEqual(ids(sortSaved(entries, 'savedAt')), ['1', '4', '3', '2'], 'newest saved first; same time by title');
    assert.deepEqual(ids(sortSaved(entries, 'date')), ['2', '4', '3', '1'], 'newest paper first; same day by title, numbers in order');
    assert.deepEqual(ids(sortSaved(entries, 'upvotes')), ['2', '1', '4', '3'], 'most upvoted first; a tie by the most recently saved; no count last');
    assert.deepEqual(ids(sortSaved(entries, 'title')), ['2', '1', '4', '3'], 'A to Z ignoring case, numbers in order');
    assert.deepEqual(ids(entries), ['1', '2', '3', '4'], 'the list given is left as it was');
    assert.ok(isSavedSortBy('upvotes') && !isSavedSortBy('stars') && !isSavedSortBy(undefined));
  });

  it('filters on the paper, the note and the tags, with tag: and is:read / is:unread', () => {
    const topic = (): string => 'Computer Vision';
    const matching = (query: string): string[] => ids(entries.filter((item) => matchesSavedFilter(item, query, topic)));
    assert.deepEqual(matching(''), ['1', '2', '3', '4']);
    assert.deepEqual(matching('dino baseline'), ['2'], 'words of the note');
    assert.deepEqual(matching('AGENTS'), ['4'], 'a tag, ignoring case');
    assert.deepEqual(matching('tag:vision'), ['2']);
    assert.deepEqual(matching('tag:vis'), [], 'tag: needs the whole tag');
    assert.deepEqual(matching('vision'), ['1', '2', '3', '4'], 'the topic, as in the Papers view');
    assert.deepEqual(matching('is:unread gamma'), ['3', '4']);
    assert.deepEqual(matching('is:read'), ['2']);
    assert.deepEqual(matching('lovelace alpha'), ['2'], 'authors and titles, as in the Papers view');
  });
});

describe('Edit Tags on several papers', () => {
  const own = [['agents', 'to-cite'], ['Agents', 'vision'], ['agents']];

  it('shows the tags they all have, ignoring case', () => {
    assert.deepEqual(commonTags(own), ['agents']);
    assert.deepEqual(commonTags([]), []);
  });

  it('adds and removes only what changed in the box, and keeps each paper\'s other tags', () => {
    // Before this, the box's text replaced every paper's tags: `to-cite` and `vision` were lost.
    assert.deepEqual(retag(own, ['agents'], ['agents', 'survey']), [['agents', 'to-cite', 'survey'], ['Agents', 'vision', 'survey'], ['agents', 'survey']]);
    assert.deepEqual(retag(own, ['agents'], []), [['to-cite'], ['vision'], []]);
    assert.deepEqual(retag(own, ['agents'], ['AGENTS']), undefined, 'the same tag in another case: left as it was');
  });

  it('writes nothing when the box is left as it was, even when it was empty', () => {
    // Before this, Enter on an empty box wiped every selected paper's tags.
    assert.equal(retag([['a'], ['b']], commonTags([['a'], ['b']]), []), undefined);
  });
});
