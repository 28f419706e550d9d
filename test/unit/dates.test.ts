import * as assert from 'node:assert/strict';
import { addMonths, isValidMonth, isValidWeek, monthOf, weekMonday } from '../../src/core/time/dates';

describe('weeks and months', () => {
  it('finds the Monday of ISO weeks', () => {
    assert.equal(weekMonday('2026-W34'), '2026-08-17');
    assert.equal(weekMonday('2020-W53'), '2020-12-28');
    assert.equal(weekMonday('2025-W01'), '2024-12-30');
  });

  it('has no Monday for a week the year lacks, or for text that is not a week', () => {
    assert.equal(weekMonday('2021-W53'), undefined);
    assert.equal(weekMonday('2026-34'), undefined);
    assert.equal(weekMonday('2026-W1'), undefined);
  });

  it('accepts ISO weeks that exist and calendar months', () => {
    assert.ok(isValidWeek('2026-W01'));
    assert.ok(isValidWeek('2020-W53'));
    for (const week of ['2026-W00', '2026-W54', '2021-W53', '2026-w34', '2026W34', '']) {
      assert.equal(isValidWeek(week), false, week);
    }
    assert.ok(isValidMonth('2026-01'));
    assert.ok(isValidMonth('2026-12'));
    for (const month of ['2026-00', '2026-13', '2026-8', '2026-08-01', '']) {
      assert.equal(isValidMonth(month), false, month);
    }
  });

  it('steps months across years, from any day of the month', () => {
    assert.equal(monthOf('2026-08-31'), '2026-08');
    assert.equal(addMonths('2026-01', -1), '2025-12');
    assert.equal(addMonths('2025-12', 1), '2026-01');
    assert.equal(addMonths('2026-08', 0), '2026-08');
    assert.equal(addMonths('2026-03', -14), '2025-01');
  });
});
