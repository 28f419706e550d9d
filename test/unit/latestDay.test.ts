import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedDayInReach, findLatestDay, LATEST_DAY_SEARCH_DAYS, windowStart } from '../../src/core/feed/latestDay';
import { resolveWindow, type FeedQuery } from '../../src/core/feed/windows';
import type { QueryResult } from '../../src/core/feed/hfClient';
import { FeedError } from '../../src/core/feed/http';
import { PaperCache, type WindowRecord } from '../../src/core/storage/cache';
import { latestRecordedDay } from '../../src/core/storage/cachedDays';
import type { Paper } from '../../src/core/paper/model';

function paper(id: string, feedDate: string): Paper {
  return { id, title: `Paper ${id}`, authors: [{ name: 'Ada Lovelace' }], abstract: 'Text.', feedDate };
}

/** A client whose days with papers are given; it records what it was asked. */
function client(days: Record<string, number>): { asked: string[]; fetchQuery: (query: FeedQuery, signal?: AbortSignal) => Promise<QueryResult> } {
  const asked: string[] = [];
  return {
    asked,
    fetchQuery: (query, signal) => {
      if (signal?.aborted) {
        return Promise.reject(new FeedError('cancelled', 'cancelled'));
      }
      const date = query.kind === 'date' ? query.date : '';
      asked.push(date);
      const count = days[date] ?? 0;
      return Promise.resolve({ papers: Array.from({ length: count }, (_, index) => paper(`2608.${date.slice(8)}00${index}`, date)), rejected: 0, source: 'api' });
    },
  };
}

describe('the latest day with papers', () => {
  it('starts looking before the first day a window covers', () => {
    assert.equal(windowStart(resolveWindow('date:2026-08-23', '2026-08-24', 7), '2026-08-24'), '2026-08-23');
    assert.equal(windowStart(resolveWindow('week:2026-W34', '2026-08-24', 7), '2026-08-24'), '2026-08-17');
    assert.equal(windowStart(resolveWindow('month:2026-08', '2026-08-24', 7), '2026-08-24'), '2026-08-01');
    assert.equal(windowStart(resolveWindow('days', '2026-08-24', 3), '2026-08-24'), '2026-08-22');
    assert.equal(windowStart(resolveWindow('trending', '2026-08-24', 7), '2026-08-24'), '2026-08-25', 'Trending: anything up to today');
  });

  it('asks Hugging Face day by day, newest first, and stops at the first day with papers', async () => {
    const hf = client({ '2026-08-21': 3, '2026-08-20': 5 });
    const told: [string, number][] = [];
    const found = await findLatestDay(hf, '2026-08-24', { onDay: (day, index) => told.push([day, index]) });
    assert.equal(found?.day, '2026-08-21');
    assert.equal(found?.papers.length, 3);
    assert.deepEqual(hf.asked, ['2026-08-23', '2026-08-22', '2026-08-21']);
    assert.deepEqual(told, [['2026-08-23', 0], ['2026-08-22', 1], ['2026-08-21', 2]]);
  });

  it('gives up after two weeks of empty days, and stops when cancelled', async () => {
    const empty = client({});
    assert.equal(await findLatestDay(empty, '2026-08-24', {}), undefined);
    assert.equal(empty.asked.length, LATEST_DAY_SEARCH_DAYS);
    const stopped = new AbortController();
    const hf = client({ '2026-08-01': 1 });
    await assert.rejects(findLatestDay(hf, '2026-08-24', { onDay: (_day, index) => (index === 2 ? stopped.abort() : undefined) }, stopped.signal), { kind: 'cancelled' });
    assert.equal(hf.asked.length, 2, 'the third day was never asked');
  });

  it('knows from the index alone only the days of day windows and of "today"\'s batches', () => {
    const record = (ids: string[], date?: string): WindowRecord => ({ ids, fetchedAt: '2026-08-23T10:00:00Z', ...(date ? { date } : {}) });
    const windows = new Map<string, WindowRecord>([
      ['week:2026-W33', record(['a'])],
      ['date:2026-08-23', record([])],
      ['date:2026-08-20', record(['b'])],
      ['today@2026-08-22', record(['c'], '2026-08-21')],
    ]);
    assert.equal(latestRecordedDay(windows, '2026-08-24'), '2026-08-21', 'the empty Sunday does not count');
    assert.equal(latestRecordedDay(windows, '2026-08-21'), '2026-08-20');
    assert.equal(latestRecordedDay(windows, '2026-08-20'), undefined, 'a week window names no day');
  });

  describe('in the cache', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'paper-feed-latest-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('finds it from the recorded windows and from the month files', async () => {
      const cache = new PaperCache(dir, { maxPapers: 1_000 });
      await cache.load();
      await cache.record('week:2026-W33', [paper('2608.10001', '2026-08-13'), paper('2608.10002', '2026-08-14')]);
      await cache.record('date:2026-08-23', []); // a Sunday: no papers
      await cache.record('today@2026-08-22', [paper('2607.20001', '2026-07-31')], { date: '2026-07-31' });
      
      assert.equal(await cache.latestDayBefore('2026-08-23'), '2026-08-14', 'the week\'s papers are in the August file');
      assert.equal(await cache.latestDayBefore('2026-08-14'), '2026-08-13');
      assert.equal(await cache.latestDayBefore('2026-08-13'), '2026-07-31');
      assert.equal(await cache.latestDayBefore('2026-07-31'), undefined);
      assert.deepEqual((await cache.papersOn('2026-08-14')).map((entry) => entry.id), ['2608.10002']);
      assert.deepEqual(await cache.papersOn('2026-08-15'), []);
    });
  });
});

describe('the cache\'s latest day as "the latest papers"', () => {
  it('counts only within the days Hugging Face would be asked about', () => {
    assert.equal(cachedDayInReach('2026-08-14', '2026-08-16'), '2026-08-14');
    assert.equal(cachedDayInReach('2026-08-02', '2026-08-16'), '2026-08-02', `${LATEST_DAY_SEARCH_DAYS} days back still counts`);
    // Before this, a cache last filled in January answered for an empty Sunday in August.
    assert.equal(cachedDayInReach('2026-01-09', '2026-08-16'), undefined);
    assert.equal(cachedDayInReach(undefined, '2026-08-16'), undefined);
  });
});
