import * as assert from 'node:assert/strict';
import { currentFeedDate, isRelativeWindow, isWindowId, RELATIVE_WINDOWS, resolveWindow, shownLabel, stepWindow, windowCacheKey } from '../../src/core/feed/windows';

describe('feed windows', () => {
  it('rolls "today" over at 21:30 in New York, in summer and in winter', () => {
    assert.equal(currentFeedDate(new Date('2026-08-21T21:29:00-04:00')), '2026-08-21');
    assert.equal(currentFeedDate(new Date('2026-08-21T21:30:00-04:00')), '2026-08-22');
    assert.equal(currentFeedDate(new Date('2026-08-22T03:00:00Z')), '2026-08-22', '23:00 in New York');
    assert.equal(currentFeedDate(new Date('2026-01-15T02:00:00Z')), '2026-01-14', '21:00 EST');
    assert.equal(currentFeedDate(new Date('2026-01-15T02:31:00Z')), '2026-01-15', '21:31 EST');
  });

  it('accepts the contract ids and rejects others', () => {
    for (const id of ['today', 'days', 'week', 'month', 'trending', 'date:2026-08-21', 'week:2026-W34', 'month:2026-08', 'week:2020-W53']) {
      assert.ok(isWindowId(id), id);
    }
    for (const id of ['', 'yesterday', 'date:2026-02-30', 'week:2026-W54', 'week:2021-W53', 'month:2026-13', 'date:', 42, null]) {
      assert.equal(isWindowId(id), false, String(id));
    }
  });

  it('resolves windows into requests', () => {
    assert.deepEqual(resolveWindow('today', '2026-08-22', 7).queries, [{ kind: 'date', date: '2026-08-22' }]);
    assert.equal(resolveWindow('today', '2026-08-22', 7).fallbackDays, 7);
    const days = resolveWindow('days', '2026-08-21', 3);
    assert.deepEqual(days.queries.map((query) => query.kind === 'date' && query.date), ['2026-08-21', '2026-08-20', '2026-08-19']);
    assert.equal(days.label, 'Last 3 days');
    assert.deepEqual(resolveWindow('week', '2026-08-21', 7).queries, [{ kind: 'week', week: '2026-W34' }]);
    assert.deepEqual(resolveWindow('month', '2026-08-21', 7).queries, [{ kind: 'month', month: '2026-08' }]);
    assert.deepEqual(resolveWindow('trending', '2026-08-21', 7).queries, [{ kind: 'trending' }]);
    assert.equal(resolveWindow('date:2026-08-20', '2026-08-21', 7).label, 'Thursday, August 20, 2026');
    assert.match(resolveWindow('week:2026-W33', '2026-08-21', 7).label, /^Week 33 · Aug 10\s–\s16, 2026$/);
    assert.equal(resolveWindow('month:2026-07', '2026-08-21', 7).label, 'July 2026');
  });

  it('writes the dates of its labels in the display language it is given', () => {
    assert.equal(resolveWindow('date:2026-08-20', '2026-08-21', 7, 'de').label, 'Donnerstag, 20. August 2026');
    assert.equal(resolveWindow('month:2026-07', '2026-08-21', 7, 'fr').label, 'juillet 2026');
    assert.equal(shownLabel(resolveWindow('today', '2026-08-23', 7, 'en-GB'), '2026-08-21', 'en-GB'), 'Today · Friday, 21 August 2026');
    assert.equal(resolveWindow('date:2026-08-20', '2026-08-21', 7, 'ja').id, 'date:2026-08-20', 'the id stays');
  });

  it('steps periods like the site and never into the future', () => {
    assert.equal(stepWindow('today', -1, '2026-08-21'), 'date:2026-08-20');
    assert.equal(stepWindow('date:2026-08-20', 1, '2026-08-21'), 'today');
    assert.equal(stepWindow('today', 1, '2026-08-21'), undefined);
    assert.equal(stepWindow('week', -1, '2026-08-21'), 'week:2026-W33');
    assert.equal(stepWindow('week:2026-W01', -1, '2026-08-21'), 'week:2025-W52');
    assert.equal(stepWindow('week:2026-W33', 1, '2026-08-21'), 'week');
    assert.equal(stepWindow('month', -1, '2026-08-21'), 'month:2026-07');
    assert.equal(stepWindow('month:2026-01', -1, '2026-08-21'), 'month:2025-12');
    assert.equal(stepWindow('month:2026-07', 1, '2026-08-21'), 'month');
    assert.equal(stepWindow('days', -1, '2026-08-21'), undefined);
    assert.equal(stepWindow('trending', 1, '2026-08-21'), undefined);
  });

  it('tells the windows named relative to today from dated ones', () => {
    assert.deepEqual([...RELATIVE_WINDOWS], ['today', 'days', 'week', 'month', 'trending']);
    for (const id of RELATIVE_WINDOWS) {
      assert.ok(isRelativeWindow(id), id);
    }
    for (const id of ['date:2026-08-21', 'week:2026-W34', 'month:2026-08', 'yesterday', '', undefined]) {
      assert.equal(isRelativeWindow(id), false, String(id));
    }
  });

  it('keys relative windows by the period they stand for, so a new day or week is a new key', () => {
    assert.equal(windowCacheKey('today', '2026-08-21', 7), 'today@2026-08-21');
    assert.equal(windowCacheKey('days', '2026-08-21', 3), 'days3@2026-08-21');
    assert.equal(windowCacheKey('week', '2026-08-21', 7), 'week:2026-W34');
    assert.equal(windowCacheKey('week', '2026-08-24', 7), 'week:2026-W35', 'Monday starts the next week');
    assert.equal(windowCacheKey('month', '2026-08-31', 7), 'month:2026-08');
    assert.equal(windowCacheKey('month', '2026-09-01', 7), 'month:2026-09');
    assert.equal(windowCacheKey('trending', '2026-08-21', 7), 'trending');
    assert.equal(windowCacheKey('date:2026-08-20', '2026-08-21', 7), 'date:2026-08-20', 'a dated window is its own key');
  });

  it('names the batch that "today" shows, and only for today', () => {
    assert.equal(shownLabel(resolveWindow('today', '2026-08-23', 7), '2026-08-21'), 'Today · Friday, August 21, 2026');
    assert.equal(shownLabel(resolveWindow('today', '2026-08-21', 7), undefined), 'Today');
    assert.equal(shownLabel(resolveWindow('week', '2026-08-21', 7), '2026-08-21'), 'This week');
  });
});
