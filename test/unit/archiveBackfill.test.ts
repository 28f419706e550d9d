import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArchiveBackfill, type ArchiveBackfillDeps, archiveIntervalFromEnv, type ArchiveLock, type ArchiveStatus, archiveTiming } from '../../src/core/feed/archiveBackfill';
import { waitReason, withPatience } from '../../src/core/feed/archiveRunner';
import { FeedError } from '../../src/core/feed/http';
import type { Paper } from '../../src/core/paper/model';
import { ArchiveStateFile } from '../../src/core/storage/archiveState';

const START = Date.parse('2026-08-21T22:00:00-04:00'); // feed date 2026-08-22: the current month is 2026-08
const TIMING = archiveTiming(1_000);

function papers(month: string, count: number): Paper[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${month.slice(2, 4)}${month.slice(5, 7)}.${String(index).padStart(5, '0')}`,
    title: `Paper ${index} of ${month}`,
    authors: [{ name: 'A. Author' }],
    abstract: '',
    feedDate: `${month}-10`,
  }));
}

class FakeLock implements ArchiveLock {
  held = false;
  /** Another window holds it. */
  elsewhere = false;
  acquired = 0;
  async tryAcquire(): Promise<boolean> {
    if (this.elsewhere || this.held) {
      return false;
    }
    this.held = true;
    this.acquired++;
    return true;
  }
  async release(): Promise<void> {
    this.held = false;
  }
  get isHeld(): boolean {
    return this.held;
  }
}

interface World {
  readonly lock: FakeLock;
  readonly state: ArchiveStateFile;
  readonly fetched: string[];
  readonly kept: string[];
  readonly sleeps: number[];
  readonly statuses: ArchiveStatus[];
  readonly logs: string[];
  now: number;
  months: number;
  /** Errors each month's next fetches throw, in order. */
  readonly failures: Map<string, Error[]>;
  /** Called before each sleep (a test can change the world while the backfill waits). */
  onSleep?: (ms: number) => void;
  backfill(overrides?: Partial<ArchiveBackfillDeps>): ArchiveBackfill;
}

describe('archive backfill', () => {
  let dir: string;
  let world: World;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paper-feed-backfill-'));
    const state = new ArchiveStateFile(dir);
    const w: World = {
      lock: new FakeLock(), state, fetched: [], kept: [], sleeps: [], statuses: [], logs: [], now: START, months: 3, failures: new Map(),
      backfill: (overrides = {}) => new ArchiveBackfill({
        lock: w.lock,
        state: w.state,
        now: () => new Date(w.now),
        months: () => w.months,
        fetchMonth: async (month) => {
          w.fetched.push(month);
          const failure = w.failures.get(month)?.shift();
          if (failure !== undefined) {
            throw failure;
          }
          return papers(month, month === '2026-08' ? 3 : 10);
        },
        keep: async (month) => {
          w.kept.push(month);
        },
        timing: TIMING,
        sleep: async (ms, signal) => {
          w.onSleep?.(ms);
          if (signal.aborted) {
            throw new FeedError('cancelled', 'stopped');
          }
          w.sleeps.push(ms);
          w.now += ms;
        },
        log: (_level, message) => w.logs.push(message),
        onStatus: (status) => w.statuses.push(status),
        ...overrides,
      }),
    };
    world = w;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fetches the extent month by month, newest first, and records which months are complete', async () => {
    assert.equal(await world.backfill().run(new AbortController().signal), 'done');
    assert.deepEqual(world.fetched, ['2026-08', '2026-07', '2026-06']);
    assert.deepEqual(world.kept, world.fetched, 'each month kept in the cache');
    const records = await world.state.read();
    assert.deepEqual([...records.entries()].map(([month, record]) => [month, record.papers, record.complete]),
      [['2026-08', 3, false], ['2026-07', 10, true], ['2026-06', 10, true]], 'the current month is never complete');
    assert.deepEqual(world.sleeps, [], 'no waits: pacing is the client\'s (pacer.ts)');
    assert.equal(world.lock.isHeld, false, 'the lock is let go');
    assert.deepEqual(world.statuses.at(-1), { kind: 'idle' });
    assert.ok(world.logs.some((line) => /^Archive: 2026-07: 10 papers/.test(line)), world.logs.join('\n'));
  });

  it('reports progress: papers so far and how far back, before each month', async () => {
    await world.backfill().run(new AbortController().signal);
    const fetching = world.statuses.filter((status) => status.kind === 'fetching');
    assert.deepEqual(fetching, [
      { kind: 'fetching', month: '2026-08', monthsLeft: 3, papers: 0 },
      { kind: 'fetching', month: '2026-07', monthsLeft: 2, papers: 3, backTo: '2026-08' },
      { kind: 'fetching', month: '2026-06', monthsLeft: 1, papers: 13, backTo: '2026-07' },
    ]);
  });

  it('resumes in a new session without fetching complete months again; the current month only after a day', async () => {
    world.failures.set('2026-06', [new FeedError('format', 'bad'), new FeedError('format', 'bad'), new FeedError('format', 'bad')]);
    await world.backfill().run(new AbortController().signal);
    assert.deepEqual(world.fetched, ['2026-08', '2026-07', '2026-06', '2026-06', '2026-06'], 'June given up on after 3 failures');
    world.fetched.length = 0;
    await world.backfill().run(new AbortController().signal); // a reload: a new session, the same state file
    assert.deepEqual(world.fetched, ['2026-06'], 'only the month that did not complete');
    world.fetched.length = 0;
    assert.equal(await world.backfill().run(new AbortController().signal), 'done');
    assert.deepEqual(world.fetched, []);
    assert.equal(world.lock.acquired, 2, 'with nothing to fetch, the lock is not even taken');
    world.now += 25 * 3_600_000;
    await world.backfill().run(new AbortController().signal);
    assert.deepEqual(world.fetched, ['2026-08'], 'the current month, a day later');
  });

  it('fetches a month that was current when fetched again once it is over, then marks it complete', async () => {
    world.months = 1;
    await world.backfill().run(new AbortController().signal);
    world.now = Date.parse('2026-09-02T12:00:00Z');
    world.months = 2;
    world.fetched.length = 0;
    await world.backfill().run(new AbortController().signal);
    assert.deepEqual(world.fetched, ['2026-09', '2026-08']);
    assert.equal((await world.state.read()).get('2026-08')?.complete, true);
  });

  it('follows a changed extent between months', async () => {
    const backfill = world.backfill({
      keep: async (month) => {
        world.kept.push(month);
        if (month === '2026-07') {
          world.months = 5;
        }
      },
    });
    await backfill.run(new AbortController().signal);
    assert.deepEqual(world.fetched, ['2026-08', '2026-07', '2026-06', '2026-05', '2026-04']);
  });

  it('when offline, waits 30 s, then twice as long each time up to 30 min, and resumes the same month', async () => {
    const offline = Array.from({ length: 9 }, () => new FeedError('network', 'Hugging Face could not be reached (ECONNREFUSED).'));
    world.failures.set('2026-07', offline);
    assert.equal(await world.backfill().run(new AbortController().signal), 'done');
    assert.deepEqual(world.sleeps, [30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_800_000, 1_800_000, 1_800_000]);
    assert.deepEqual(world.fetched.filter((month) => month === '2026-07').length, 10, 'never given up');
    assert.equal((await world.state.read()).get('2026-07')?.complete, true);
    const paused = world.statuses.filter((status) => status.kind === 'paused');
    assert.ok(paused.length === 9 && paused.every((status) => status.reason === 'offline' && status.month === '2026-07'));
  });

  it('after a 429, pauses as long as Hugging Face asked, then goes on', async () => {
    world.failures.set('2026-07', [new FeedError('rateLimited', 'Hugging Face is limiting requests.', 429, 120_000)]);
    await world.backfill().run(new AbortController().signal);
    assert.deepEqual(world.sleeps, [120_000]);
    assert.deepEqual(world.fetched, ['2026-08', '2026-07', '2026-07', '2026-06']);
    const paused = world.statuses.find((status) => status.kind === 'paused');
    assert.deepEqual(paused && paused.kind === 'paused' ? [paused.reason, paused.ms] : undefined, ['rateLimited', 120_000]);
  });

  it('a month whose pages did not all arrive is not recorded: the whole month is fetched again', async () => {
    let keptBeforeFailure = 0;
    world.failures.set('2026-07', [new FeedError('timeout', 'Hugging Face did not answer within 15 seconds.')]);
    await world.backfill({
      keep: async (month) => {
        world.kept.push(month);
        keptBeforeFailure = world.kept.length;
      },
    }).run(new AbortController().signal);
    assert.equal(keptBeforeFailure, 3);
    assert.deepEqual(world.kept, ['2026-08', '2026-07', '2026-06'], 'July kept once, after its second fetch');
  });

  it('a cache that cannot be written counts as a failure: retried, then left for the next session', async () => {
    const backfill = world.backfill({
      keep: async (month) => {
        if (month === '2026-07') {
          throw new Error('ENOSPC: no space left on device');
        }
      },
    });
    await backfill.run(new AbortController().signal);
    assert.deepEqual(world.fetched, ['2026-08', '2026-07', '2026-07', '2026-07', '2026-06']);
    assert.equal((await world.state.read()).has('2026-07'), false);
    assert.ok(world.logs.some((line) => line.includes('2026-07 left for the next session: ENOSPC')));
  });

  it('stops at once when cancelled, mid-wait, keeping the months done and letting go of the lock', async () => {
    const controller = new AbortController();
    world.failures.set('2026-07', [new FeedError('network', 'offline')]);
    world.onSleep = () => controller.abort();
    assert.equal(await world.backfill().run(controller.signal), 'cancelled');
    assert.deepEqual([...(await world.state.read()).keys()], ['2026-08']);
    assert.equal(world.lock.isHeld, false);
    assert.deepEqual(world.statuses.at(-1), { kind: 'idle' });
  });

  it('waits while another window holds the archive lock, and tries again later', async () => {
    world.lock.elsewhere = true;
    world.onSleep = (ms) => {
      if (ms === TIMING.lockRetryMs && world.sleeps.length === 1) {
        world.lock.elsewhere = false; // the other window finished (or closed) during the second wait
      }
    };
    assert.equal(await world.backfill().run(new AbortController().signal), 'done');
    assert.deepEqual(world.sleeps, [60_000, 60_000]);
    assert.ok(world.statuses.some((status) => status.kind === 'waitingForLock'));
    assert.deepEqual(world.fetched, ['2026-08', '2026-07', '2026-06']);
  });

  it('finds the months another window completed while it waited for the lock', async () => {
    world.lock.elsewhere = true;
    world.onSleep = () => {
      world.lock.elsewhere = false;
    };
    await world.state.recordMonth('2026-08', { papers: 3, fetchedAt: new Date(START).toISOString(), complete: false });
    await world.state.recordMonth('2026-07', { papers: 10, fetchedAt: new Date(START).toISOString(), complete: true });
    await world.backfill().run(new AbortController().signal);
    assert.deepEqual(world.fetched, ['2026-06']);
  });

  it('stops fetching when its lock was taken over, and waits for it again', async () => {
    let lost = false;
    const backfill = world.backfill({
      keep: async (month) => {
        world.kept.push(month);
        if (month === '2026-08' && !lost) {
          lost = true;
          world.lock.held = false; // taken over after this window stalled
          world.lock.elsewhere = true;
        }
      },
    });
    world.onSleep = () => {
      world.lock.elsewhere = false;
    };
    await backfill.run(new AbortController().signal);
    assert.deepEqual(world.fetched, ['2026-08', '2026-07', '2026-06']);
    assert.deepEqual(world.sleeps, [TIMING.lockRetryMs]);
    assert.ok(world.logs.some((line) => line.includes('taken over')));
  });

  it('waits and tries again when the lock or the state file cannot be used', async () => {
    let failures = 1;
    const backfill = world.backfill({
      lock: {
        tryAcquire: async () => {
          if (failures-- > 0) {
            throw new Error('EACCES: permission denied');
          }
          return world.lock.tryAcquire();
        },
        release: () => world.lock.release(),
        get isHeld() {
          return world.lock.isHeld;
        },
      },
    });
    assert.equal(await backfill.run(new AbortController().signal), 'done');
    assert.deepEqual(world.sleeps, [TIMING.lockRetryMs]);
    assert.ok(world.logs.some((line) => line.includes('EACCES')));
  });

  it('does nothing when the extent is 0', async () => {
    world.months = 0;
    assert.equal(await world.backfill().run(new AbortController().signal), 'done');
    assert.deepEqual(world.fetched, []);
    assert.equal(world.lock.acquired, 0);
  });
});

describe('archive patience and timing', () => {
  const never = new AbortController().signal;

  it('sorts failures: rate limits, offline (retried for ever), and the rest', () => {
    assert.equal(waitReason(new FeedError('rateLimited', 'x', 429, 1)), 'rateLimited');
    for (const kind of ['network', 'timeout'] as const) {
      assert.equal(waitReason(new FeedError(kind, 'x')), 'offline');
    }
    for (const kind of ['server', 'http', 'format'] as const) {
      assert.equal(waitReason(new FeedError(kind, 'x')), 'failed');
    }
    assert.equal(waitReason(new Error('disk')), 'failed');
  });

  it('backs off on a 429 without Retry-After like on other failures', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withPatience(async () => {
      if (calls++ < 2) {
        throw new FeedError('rateLimited', 'limited', 429);
      }
      return 'ok';
    }, { backoffFirstMs: 10, backoffMaxMs: 100, sleep: async (ms) => void waits.push(ms) }, never);
    assert.equal(result, 'ok');
    assert.deepEqual(waits, [10, 20]);
  });

  it('gives up after maxFailures failures other than the network\'s, with the last error', async () => {
    let calls = 0;
    await assert.rejects(withPatience(async () => {
      calls++;
      throw new FeedError('server', `HTTP 500 #${calls}`, 500);
    }, { backoffFirstMs: 1, backoffMaxMs: 1, maxFailures: 2, sleep: async () => undefined }, never), /HTTP 500 #2/);
    assert.equal(calls, 2);
  });

  it('scales every wait with the request interval (the test hook)', () => {
    assert.deepEqual(archiveTiming(), { requestIntervalMs: 1_000, backoffFirstMs: 30_000, backoffMaxMs: 1_800_000, lockRetryMs: 60_000, lockStaleMs: 120_000 });
    assert.deepEqual(archiveTiming(20), { requestIntervalMs: 20, backoffFirstMs: 600, backoffMaxMs: 36_000, lockRetryMs: 1_200, lockStaleMs: 2_400 });
    const invalid: string[] = [];
    assert.equal(archiveIntervalFromEnv(undefined), undefined);
    assert.equal(archiveIntervalFromEnv('20'), 20);
    assert.equal(archiveIntervalFromEnv('0'), 0);
    assert.equal(archiveIntervalFromEnv('fast', (value) => invalid.push(value)), undefined);
    assert.equal(archiveIntervalFromEnv('-5', (value) => invalid.push(value)), undefined);
    assert.deepEqual(invalid, ['fast', '-5']);
  });
});
