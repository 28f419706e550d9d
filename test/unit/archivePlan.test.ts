import * as assert from 'node:assert/strict';
import { ARCHIVE_ALL_MONTHS, archiveMonths, CURRENT_MONTH_REFETCH_MS, planArchive, summarizeArchive } from '../../src/core/feed/archivePlan';
import type { ArchiveMonth } from '../../src/core/storage/archiveState';

const NOW = Date.parse('2026-08-21T22:00:00-04:00');
const at = (ms: number): string => new Date(ms).toISOString();
const complete = (papers: number): ArchiveMonth => ({ papers, fetchedAt: at(NOW - 3_600_000), complete: true });

describe('archive plan', () => {
  it('lists the months of an extent newest first, the current one included', () => {
    assert.deepEqual(archiveMonths('2026-08', 3), ['2026-08', '2026-07', '2026-06']);
    assert.deepEqual(archiveMonths('2026-02', 3), ['2026-02', '2026-01', '2025-12'], 'across a year');
    assert.equal(archiveMonths('2026-08', 12).at(-1), '2025-09');
    assert.deepEqual(archiveMonths('2026-08', 0), []);
    assert.deepEqual(archiveMonths('2026-08', 1), ['2026-08']);
  });

  it('never goes back past May 2023, the first Daily Papers batch', () => {
    const all = archiveMonths('2026-08', ARCHIVE_ALL_MONTHS);
    assert.equal(all.length, 40);
    assert.equal(all.at(-1), '2023-05');
    assert.deepEqual(archiveMonths('2023-06', 24), ['2023-06', '2023-05']);
  });

  it('leaves out complete months and those skipped in this session', () => {
    const records = new Map([['2026-07', complete(500)], ['2026-05', complete(400)]]);
    assert.deepEqual(planArchive({ currentMonth: '2026-08', months: 5, records, now: NOW }), ['2026-08', '2026-06', '2026-04']);
    assert.deepEqual(planArchive({ currentMonth: '2026-08', months: 5, records, now: NOW, skip: new Set(['2026-06']) }), ['2026-08', '2026-04']);
    assert.deepEqual(planArchive({ currentMonth: '2026-08', months: 0, records, now: NOW }), [], '0 = off');
  });

  it('fetches the current month again only a day after the last fetch, since it is never complete', () => {
    const fetched = (ago: number): Map<string, ArchiveMonth> => new Map([['2026-08', { papers: 300, fetchedAt: at(NOW - ago), complete: false }]]);
    assert.deepEqual(planArchive({ currentMonth: '2026-08', months: 1, records: fetched(3_600_000), now: NOW }), []);
    assert.deepEqual(planArchive({ currentMonth: '2026-08', months: 1, records: fetched(CURRENT_MONTH_REFETCH_MS + 1), now: NOW }), ['2026-08']);
    assert.deepEqual(planArchive({ currentMonth: '2026-08', months: 1, records: fetched(-60_000), now: NOW }), [], 'a clock set back a minute (a pinned clock in a new window)');
    assert.deepEqual(planArchive({ currentMonth: '2026-08', months: 1, records: fetched(-CURRENT_MONTH_REFETCH_MS - 1), now: NOW }), ['2026-08'], 'a fetch more than a day "in the future" does not count');
  });

  it('fetches a month again once it is over if it was fetched while it was the current one', () => {
    const records = new Map([['2026-07', { papers: 310, fetchedAt: at(NOW - 3_600_000), complete: false }]]);
    assert.deepEqual(planArchive({ currentMonth: '2026-08', months: 2, records, now: NOW }), ['2026-08', '2026-07']);
  });

  it('sums the papers of the months done and says how far back they reach without a gap', () => {
    const records = new Map<string, ArchiveMonth>([
      ['2026-08', { papers: 300, fetchedAt: at(NOW - 60_000), complete: false }],
      ['2026-07', complete(500)],
      ['2026-05', complete(400)],
      ['2025-01', complete(999)], // outside the extent
    ]);
    assert.deepEqual(summarizeArchive({ currentMonth: '2026-08', months: 4, records, now: NOW }), { papers: 1_200, backTo: '2026-07' });
    assert.deepEqual(summarizeArchive({ currentMonth: '2026-08', months: 4, records: new Map(), now: NOW }), { papers: 0 });
  });
});
