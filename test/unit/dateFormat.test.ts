import * as assert from 'node:assert/strict';
import { type DateWords, formatDateTime, formatDay, formatMonth, formatShortDay, formatTime, formatWeekRange } from '../../src/core/time/displayDates';
import { resolveWindow } from '../../src/core/feed/windows';
import type { Paper } from '../../src/core/paper/model';
import { bucketLabel } from '../../src/core/view/buckets';
import { buildGroups } from '../../src/core/view/groups';

describe('dates in the display language', () => {
  it('writes a feed day as each language does', () => {
    assert.equal(formatDay('2026-08-21', 'en'), 'Friday, August 21, 2026');
    assert.equal(formatDay('2026-08-21', 'en-GB'), 'Friday, 21 August 2026');
    assert.equal(formatDay('2026-08-21', 'de'), 'Freitag, 21. August 2026');
    assert.equal(formatDay('2026-08-21', 'fr'), 'vendredi 21 août 2026');
    assert.equal(formatDay('2026-08-21', 'ja'), '2026年8月21日金曜日');
  });

  it('writes months, short days and week ranges as each language does', () => {
    assert.equal(formatMonth('2025-08', 'en'), 'August 2025');
    assert.equal(formatMonth('2025-08', 'de'), 'August 2025');
    assert.equal(formatMonth('2025-08-14', 'fr'), 'août 2025');
    assert.equal(formatMonth('2025-08', 'ja'), '2025年8月');
    assert.equal(formatShortDay('2026-08-21', 'en'), 'Aug 21, 2026');
    assert.equal(formatShortDay('2026-08-21', 'fr'), '21 août 2026');
    assert.match(formatWeekRange('2026-08-17', 'en'), /^Aug 17\s–\s23, 2026$/); // ICU puts thin spaces around the dash
    assert.equal(formatWeekRange('2026-08-17', 'de'), '17.–23. Aug. 2026');
    assert.match(formatWeekRange('2026-08-31', 'fr'), /^31 août\s–\s6 sept\. 2026$/);
    assert.match(formatWeekRange('2025-12-29', 'en'), /^Dec 29, 2025\s–\sJan 4, 2026$/);
    assert.match(formatWeekRange('2026-08-17', 'ja'), /^2026\/08\/17\s*～\s*2026\/08\/23$/);
  });

  it('keeps the calendar day whatever the machine\'s zone: days are formatted in UTC', () => {
    // Midnight UTC is the previous evening in New York; the label must still say the 21st.
    assert.match(formatDay('2026-08-21', 'en'), /21/);
    assert.match(formatShortDay('2026-01-01', 'de'), /^1\. Jan\. 2026$/);
  });

  it('writes instants with the language\'s clock: 24-hour in German and French, AM/PM in English', () => {
    const at = new Date(2026, 7, 21, 18, 5, 9); // local time: the formatter uses the machine's zone
    assert.match(formatDateTime(at, 'en'), /^Aug 21, 2026, 6:05\sPM$/);
    assert.equal(formatDateTime(at, 'de'), '21.08.2026, 18:05');
    assert.match(formatDateTime(at, 'fr'), /^21 août 2026,? 18:05$/);
    assert.equal(formatDateTime(at, 'ja'), '2026/08/21 18:05');
    assert.equal(formatTime(at, 'de'), '18:05:09');
    assert.match(formatTime(at, 'en'), /^06:05:09\sPM$/);
  });

  it('takes VS Code\'s lower-case language ids and falls back to English for a tag that is not one', () => {
    assert.equal(formatDay('2026-08-21', 'pt-br'), 'sexta-feira, 21 de agosto de 2026');
    assert.equal(formatDay('2026-08-21', 'not a locale!'), formatDay('2026-08-21', 'en'));
    assert.equal(formatDay('2026-08-21'), 'Friday, August 21, 2026', 'no locale: English');
  });
});

describe('words around dates in the display language', () => {
  const german: DateWords = {
    today: 'Heute', yesterday: 'Gestern', thisWeek: 'Diese Woche', thisMonth: 'Dieser Monat', trending: 'Im Trend', undated: 'Ohne Datum',
    lastDays: (days) => `Letzte ${days} Tage`, weekOf: (range) => `Woche vom ${range}`, week: (number, range) => `KW ${number} · ${range}`,
  };
  const paper = (id: string, feedDate: string): Paper => ({ id, title: id, authors: [{ name: 'A B' }], abstract: '', feedDate });

  it('labels windows with the words the host passes, and English without them', () => {
    assert.equal(resolveWindow('today', '2026-08-21', 7).label, 'Today');
    assert.equal(resolveWindow('today', '2026-08-21', 7, 'de', german).label, 'Heute');
    assert.equal(resolveWindow('days', '2026-08-21', 5, 'de', german).label, 'Letzte 5 Tage');
    assert.equal(resolveWindow('week', '2026-08-21', 7, 'de', german).label, 'Diese Woche');
    assert.equal(resolveWindow('month', '2026-08-21', 7, 'de', german).label, 'Dieser Monat');
    assert.equal(resolveWindow('trending', '2026-08-21', 7, 'de', german).label, 'Im Trend');
    assert.match(resolveWindow('week:2026-W34', '2026-08-21', 7, 'de', german).label, /^KW 34 · 17\./);
  });

  it('labels the tree\'s date groups with them: Today, Yesterday, weeks, undated', () => {
    const days = buildGroups([paper('2608.00001', '2026-08-21'), paper('2608.00005', '2026-08-21'), paper('2608.00002', '2026-08-20'), paper('2608.00003', '2026-08-20'), { ...paper('2608.00004', ''), feedDate: undefined }], {
      grouping: 'date', sortBy: 'upvotes', today: '2026-08-21', locale: 'de', words: german, topicOf: () => 'other', topicLabel: () => 'Other',
    });
    assert.deepEqual(days.map((group) => group.label), ['Heute', 'Gestern', 'Ohne Datum']);
    assert.equal(bucketLabel('2026-W34', 'week', undefined, [paper('2608.00001', '2026-08-18')], 'de', german).slice(0, 9), 'Woche vom');
    assert.equal(bucketLabel('2026-08-21', 'day', '2026-08-21', [], 'en'), 'Today');
  });
});
