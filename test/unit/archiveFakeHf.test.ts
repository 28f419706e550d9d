/** The archive backfill with its real parts (client, pacer, cache, lock, state file) against the local fake Hugging Face. */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArchiveBackfill, archiveTiming } from '../../src/core/feed/archiveBackfill';
import { HfClient } from '../../src/core/feed/hfClient';
import * as htmlReader from '../../src/core/feed/html';
import { sleep } from '../../src/core/feed/http';
import { Pacer } from '../../src/core/feed/pacer';
import type { Paper } from '../../src/core/paper/model';
import { ArchiveStateFile } from '../../src/core/storage/archiveState';
import { PaperCache } from '../../src/core/storage/cache';
import { FileLock } from '../../src/core/storage/lock';
import { FakeHf } from '../support/fakeHf';
import { TEST_NOW } from '../support/testClock';

describe('archive backfill against the fake Hugging Face (real HTTP on 127.0.0.1)', () => {
  let fake: FakeHf;
  let dir: string;
  const warnings: string[] = [];

  before(async () => {
    fake = await FakeHf.start();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paper-feed-archive-fake-'));
    mkdirSync(join(dir, 'cache')); // the host makes the cache folder before it takes the lock
    fake.reset();
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(warnings.splice(0), []);
  });
  after(() => fake.close());

  /** One VS Code window's backfill, as the host builds it. */
  function window(months: number, kept: Map<string, readonly Paper[]>): { backfill: ArchiveBackfill; pacer: Pacer } {
    const timing = archiveTiming(1);
    const pacer = new Pacer({ intervalMs: timing.requestIntervalMs });
    const cache = new PaperCache(join(dir, 'cache'), { maxPapers: 100_000 });
    const client = new HfClient({ endpoint: fake.url, fetch: pacer.wrap(fetch), userAgent: 'paper-feed-test', maxAttempts: 1, maxRetryWaitMs: 0, html: async () => htmlReader });
    const lock = new FileLock(join(dir, 'cache', '.archive.lock'), { staleMs: timing.lockStaleMs, waitMs: 0 });
    const backfill = new ArchiveBackfill({
      lock,
      state: new ArchiveStateFile(join(dir, 'cache')),
      now: () => new Date(TEST_NOW),
      months: () => months,
      fetchMonth: async (month, signal) => (await client.fromApi({ kind: 'month', month }, signal)).papers,
      keep: async (month, papers) => {
        await cache.record(`month:${month}`, papers, { featuredOn: (paper) => paper.feedDate });
        kept.set(month, papers);
      },
      timing,
      sleep,
      requests: () => pacer.requests,
      log: (level, message) => (level === 'warn' ? warnings.push(message) : undefined),
    });
    return { backfill, pacer };
  }

  it('fetches every page of each month, newest first, 100 papers a page, and records the counts', async () => {
    const kept = new Map<string, readonly Paper[]>();
    const { backfill, pacer } = window(3, kept);
    assert.equal(await backfill.run(new AbortController().signal), 'done');
    assert.deepEqual([...kept.keys()], ['2026-08', '2026-07', '2026-06']);
    const expected = [...kept.entries()].flatMap(([month, papers]) =>
      Array.from({ length: Math.ceil(papers.length / 100) }, (_, page) => `/api/daily_papers?month=${month}&limit=100&p=${page}`));
    assert.deepEqual(fake.requests, expected);
    assert.equal(pacer.requests, expected.length);
    for (const [month, papers] of kept) {
      assert.ok(papers.length > 100, `${month}: ${papers.length} papers`);
      assert.ok(papers.every((paper) => paper.feedDate?.startsWith(month)), `${month}: every paper featured in it`);
    }
    const records = await new ArchiveStateFile(join(dir, 'cache')).read();
    assert.deepEqual([...records.entries()].map(([month, record]) => [month, record.papers, record.complete]),
      [...kept.entries()].map(([month, papers]) => [month, papers.length, month !== '2026-08']));
  });

  it('fetches a month again from its first page when a later page fails, and only then records it', async () => {
    fake.setFault({ mode: 'reset', path: '/api/daily_papers?month=2026-07&limit=100&p=2', times: 1 });
    const kept = new Map<string, readonly Paper[]>();
    await window(2, kept).backfill.run(new AbortController().signal);
    const july = fake.requests.filter((request) => request.includes('month=2026-07'));
    const pages = Math.ceil((kept.get('2026-07')?.length ?? 0) / 100);
    assert.deepEqual(july.map((request) => request.slice(-3)), ['p=0', 'p=1', 'p=2', ...Array.from({ length: pages }, (_, page) => `p=${page}`)]);
    assert.equal((await new ArchiveStateFile(join(dir, 'cache')).read()).get('2026-07')?.papers, kept.get('2026-07')?.length);
  });

  it('lets one window backfill at a time: a second one sharing the cache fetches nothing already done', async () => {
    const first = window(3, new Map());
    const second = window(3, new Map());
    const controller = new AbortController();
    const [a, b] = await Promise.all([first.backfill.run(controller.signal), second.backfill.run(controller.signal)]);
    assert.deepEqual([a, b], ['done', 'done']);
    const firstPages = fake.requests.filter((request) => request.endsWith('&p=0'));
    assert.deepEqual(firstPages.map((request) => /month=([\d-]+)/.exec(request)?.[1]), ['2026-08', '2026-07', '2026-06'], 'each month asked for once');
    assert.equal(first.pacer.requests + second.pacer.requests, fake.requests.length);
    assert.ok(first.pacer.requests === 0 || second.pacer.requests === 0, `${first.pacer.requests} and ${second.pacer.requests} requests`);
  });
});
