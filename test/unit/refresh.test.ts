/** Refreshes taking turns: another window aborts the one under way, dispose aborts it, nothing aborted lands. */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileLock } from '../../src/core/storage/lock';
import { refreshUnderLock, RefreshRunner } from '../../src/core/feed/refreshRunner';

/** A fetch that answers only when told to, or fails as a real one does when its signal aborts. */
function pendingFetch(): { fetch: (signal: AbortSignal) => Promise<string>; answer: (value: string) => void; started: Promise<void> } {
  let answer: (value: string) => void = () => undefined;
  let started: () => void = () => undefined;
  const startedPromise = new Promise<void>((resolve) => {
    started = resolve;
  });
  return {
    started: startedPromise,
    answer: (value) => answer(value),
    fetch: (signal) => new Promise<string>((resolve, reject) => {
      started();
      answer = resolve;
      signal.addEventListener('abort', () => reject(new Error('The refresh was cancelled.')), { once: true });
    }),
  };
}

describe('refreshes', () => {
  let dir: string;
  let lock: FileLock;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paper-feed-refresh-'));
    lock = new FileLock(join(dir, '.refresh.lock'), { staleMs: 60_000, waitMs: 0, pollMs: 10 });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const steps = (fetch: (signal: AbortSignal) => Promise<string>, landed: string[]) => ({
    lock, waitForOtherMs: 5_000, fetchedByOther: async () => false, fetch, land: async (result: string) => {
      landed.push(result);
    },
  });

  it('another window aborts the fetch under way; its result never lands, the new one does', async () => {
    const runner = new RefreshRunner();
    const landed: string[] = [];
    const outcomes: string[] = [];
    const week = pendingFetch();
    const first = runner.run('week:2026-W33', async (signal) => {
      outcomes.push(await refreshUnderLock(steps(week.fetch, landed), signal));
    });
    await week.started;
    assert.equal(runner.run('week:2026-W33', async () => assert.fail('the same window shares the refresh under way')), first);
    const day = pendingFetch();
    const second = runner.run('date:2026-08-13', async (signal) => {
      outcomes.push(await refreshUnderLock(steps(day.fetch, landed), signal));
    });
    await first;
    await day.started;
    week.answer('week papers'); // too late: it was aborted
    day.answer('day papers');
    await second;
    assert.deepEqual(outcomes, ['aborted', 'fetched']);
    assert.deepEqual(landed, ['day papers']);
    assert.equal(existsSync(lock.path), false, 'the lock is let go');
    assert.equal(runner.running, undefined);
  });

  it('a result that arrives after the abort does not land either', async () => {
    const controller = new AbortController();
    const landed: string[] = [];
    const outcome = await refreshUnderLock(steps(async () => {
      controller.abort();
      return 'late papers';
    }, landed), controller.signal);
    assert.equal(outcome, 'aborted');
    assert.deepEqual(landed, []);
  });

  it('dispose aborts the fetch under way, and nothing runs after it', async () => {
    const runner = new RefreshRunner();
    const landed: string[] = [];
    const fetch = pendingFetch();
    let outcome = '';
    const running = runner.run('today@2026-08-21', async (signal) => {
      outcome = await refreshUnderLock(steps(fetch.fetch, landed), signal);
    });
    await fetch.started;
    runner.dispose();
    await running;
    assert.equal(outcome, 'aborted');
    await runner.run('date:2026-08-13', async () => assert.fail('disposed'));
    assert.deepEqual(landed, []);
  });

  it('waits for another window\'s fetch and takes its result; an abort ends the wait at once', async () => {
    const other = new FileLock(lock.path, { staleMs: 60_000, waitMs: 0 });
    assert.equal(await other.tryAcquire(), true);
    const waits: string[] = [];
    const brought = refreshUnderLock({
      ...steps(async () => assert.fail('the other window fetched it'), []), onWait: () => waits.push('waiting'), fetchedByOther: async () => true,
    }, new AbortController().signal);
    setTimeout(() => void other.release(), 50);
    assert.equal(await brought, 'other');
    assert.deepEqual(waits, ['waiting']);

    assert.equal(await other.tryAcquire(), true);
    const controller = new AbortController();
    const started = Date.now();
    const waiting = refreshUnderLock({ ...steps(async () => assert.fail('aborted'), []), waitForOtherMs: 20_000 }, controller.signal);
    setTimeout(() => controller.abort(), 50);
    assert.equal(await waiting, 'aborted');
    assert.ok(Date.now() - started < 5_000, 'not the whole wait');
    await other.release();
  });
});
