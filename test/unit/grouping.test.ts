import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseGranularity } from '../../src/core/view/buckets';
import { groupByDate } from '../../src/core/view/groups';
import type { Paper } from '../../src/core/paper/model';
import { normaliseDailyPapers } from '../../src/core/paper/normalise';
import { parseSampleFeed } from '../../src/core/paper/sample';
import { readCorpus } from '../support/corpus';
import { root } from '../support/paths';

function paper(id: string, date: string | undefined, upvotes?: number, title = `Paper ${id}`): Paper {
  return { id, title, authors: [{ name: 'A' }], abstract: '', ...(date ? { feedDate: date } : {}), ...(upvotes === undefined ? {} : { upvotes }) };
}

describe('groupByDate', () => {
  it('groups the sparse sample feed (2018–2025) by year, newest first', () => {
    const sample = parseSampleFeed(JSON.parse(readFileSync(join(root, 'media', 'sample-feed.json'), 'utf8')));
    const groups = groupByDate(sample, '2026-08-21');
    assert.deepEqual(groups.map((group) => group.label), ['2025', '2024', '2023', '2022', '2021', '2020', '2018']);
    assert.deepEqual(groups.map((group) => group.id), ['date:2025', 'date:2024', 'date:2023', 'date:2022', 'date:2021', 'date:2020', 'date:2018']);
    assert.equal(groups.reduce((sum, group) => sum + group.papers.length, 0), 29);
    assert.equal(groups[0]?.papers[0]?.id, '2508.10104', 'the most upvoted 2025 paper (DINOv3, ▲ 7) leads');
  });

  it('groups a week of the real feed by day, with Today and Yesterday', () => {
    const week = readCorpus().filter((day) => day.date >= '2026-08-15');
    const papers = week.flatMap((day) => normaliseDailyPapers(day.response, day.date).papers);
    const groups = groupByDate(papers, '2026-08-21');
    assert.equal(groups[0]?.label, 'Today');
    assert.equal(groups[1]?.label, 'Yesterday');
    assert.equal(groups[1]?.id, 'date:2026-08-20');
    assert.match(groups[2]?.label ?? '', /^Wednesday, August 19, 2026$/);
    for (const group of groups) {
      const upvotes = group.papers.map((entry) => entry.upvotes ?? -1);
      assert.deepEqual(upvotes, [...upvotes].sort((a, b) => b - a), `${group.label} is sorted by upvotes`);
    }
  });

  it('uses week buckets when days are sparse but weeks are not', () => {
    const papers = ['2026-08-03', '2026-08-05', '2026-08-11', '2026-08-13', '2026-08-18', '2026-08-20']
      .map((date, index) => paper(`2608.0000${index}`, date));
    const groups = groupByDate(papers);
    assert.deepEqual(groups.map((group) => group.id), ['date:2026-W34', 'date:2026-W33', 'date:2026-W32']);
    assert.match(groups[0]?.label ?? '', /^Week of Aug 17\s–\s23, 2026$/);
  });

  it('writes date labels in the display language, with the same ids', () => {
    const papers = ['2026-08-03', '2026-08-05', '2026-08-11', '2026-08-13', '2026-08-18', '2026-08-20']
      .map((date, index) => paper(`2608.0000${index}`, date));
    const english = groupByDate(papers);
    const german = groupByDate(papers, undefined, 'de');
    assert.deepEqual(german.map((group) => group.id), english.map((group) => group.id));
    assert.equal(german[0]?.label, 'Week of 17.–23. Aug. 2026');
    assert.equal(groupByDate([paper('2501.00001', '2025-01-02'), paper('2501.00002', '2025-01-20')], undefined, 'ja')[0]?.label, '2025年1月');
    const days = groupByDate([paper('2608.00001', '2026-08-19'), paper('2608.00002', '2026-08-19')], '2026-08-21', 'fr');
    assert.deepEqual(days.map((group) => [group.id, group.label]), [['date:2026-08-19', 'mercredi 19 août 2026']]);
  });

  it('uses months when weeks are too sparse', () => {
    assert.equal(chooseGranularity(['2025-01-02', '2025-01-20', '2025-02-03', '2025-02-25']), 'month');
    assert.equal(groupByDate([paper('2501.00001', '2025-01-02'), paper('2501.00002', '2025-01-20')])[0]?.label, 'January 2025');
  });

  it('keeps a single day as a day, and papers without a date last', () => {
    const groups = groupByDate([paper('2501.00001', undefined), paper('2501.00002', '2025-01-02')], '2026-01-01');
    assert.deepEqual(groups.map((group) => [group.id, group.label]), [['date:2025-01-02', 'Thursday, January 2, 2025'], ['date:none', 'Undated']]);
  });

  it('sorts inside a group by upvotes, unknown upvotes last, then by date and title', () => {
    const groups = groupByDate([
      paper('2501.00001', '2025-01-02', undefined, 'B'),
      paper('2501.00002', '2025-01-02', 3),
      paper('2501.00003', '2025-01-02', undefined, 'A'),
      paper('2501.00004', '2025-01-02', 0),
    ]);
    assert.deepEqual(groups[0]?.papers.map((entry) => entry.id), ['2501.00002', '2501.00004', '2501.00003', '2501.00001']);
  });

  it('returns no groups for no papers', () => {
    assert.deepEqual(groupByDate([]), []);
  });
});
