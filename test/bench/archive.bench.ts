import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArchiveBackfill, archiveTiming } from '../../src/core/feed/archiveBackfill';
import { archiveMonths } from '../../src/core/feed/archivePlan';
import { HfClient } from '../../src/core/feed/hfClient';
import * as htmlReader from '../../src/core/feed/html';
import { sleep } from '../../src/core/feed/http';
import { currentFeedDate } from '../../src/core/feed/windows';
import { Pacer } from '../../src/core/feed/pacer';
import { ArchiveStateFile } from '../../src/core/storage/archiveState';
import { PaperCache } from '../../src/core/storage/cache';
import { FileLock } from '../../src/core/storage/lock';
import { monthOf } from '../../src/core/time/dates';
import { readCorpus } from '../support/corpus';
import { FakeHf } from '../support/fakeHf';
import { TEST_NOW } from '../support/testClock';
import type { Bench } from './harness';

/**
 * `archive.requestsPerMonth`: the backfill as the extension runs it (client, pacer, cache, lock, state
 * file), over every month of the corpus, against the fake Hugging Face with 100 papers a page, with
 * no pause between requests (the pace is not what is measured). Requests counted by the server.
 */
export async function benchArchive(bench: Bench): Promise<void> {
  const corpus = readCorpus();
  const first = monthOf(corpus[0]?.date ?? '2024-05-27');
  const now = new Date(TEST_NOW);
  const current = monthOf(currentFeedDate(now));
  const months = archiveMonths(current, 1_000).filter((month) => month >= first).length;
  const fake = await FakeHf.start();
  const dir = mkdtempSync(join(tmpdir(), 'paper-feed-bench-archive-'));
  try {
    mkdirSync(join(dir, 'cache'));
    const timing = archiveTiming(0);
    const pacer = new Pacer({ intervalMs: 0 });
    const cache = new PaperCache(join(dir, 'cache'), { maxPapers: 1_000_000 });
    const client = new HfClient({ endpoint: fake.url, fetch: pacer.wrap(fetch), userAgent: 'paper-feed-bench', maxAttempts: 1, maxRetryWaitMs: 0, html: async () => htmlReader });
    let papers = 0;
    const backfill = new ArchiveBackfill({
      lock: new FileLock(join(dir, 'cache', '.archive.lock'), { staleMs: 60_000, waitMs: 0 }),
      state: new ArchiveStateFile(join(dir, 'cache')),
      now: () => now,
      months: () => months,
      fetchMonth: async (month, signal) => (await client.fromApi({ kind: 'month', month }, signal)).papers,
      keep: async (month, found) => {
        papers += found.length;
        await cache.record(`month:${month}`, found, { featuredOn: (paper) => paper.feedDate });
      },
      timing,
      sleep,
    });
    const started = performance.now();
    const outcome = await backfill.run(new AbortController().signal);
    const seconds = (performance.now() - started) / 1_000;
    const fetched = new Set(fake.requests.map((request) => /month=([\d-]+)/.exec(request)?.[1]));
    if (outcome !== 'done' || fetched.size !== months || fake.requests.length !== pacer.requests) {
      throw new Error(`archive bench: ${outcome}, ${fetched.size} of ${months} months, ${fake.requests.length} requests seen, ${pacer.requests} sent`);
    }
    bench.record('archive.requestsPerMonth', Math.round((fake.requests.length / months) * 100) / 100, 'requests',
      `${fake.requests.length} requests for ${months} months (${first} to ${current}, ${papers} papers, limit=100), into a fresh cache in ${seconds.toFixed(1)} s without pacing`);
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
