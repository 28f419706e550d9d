import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PaperCache } from '../../src/core/storage/cache';
import { HfClient } from '../../src/core/feed/hfClient';
import * as htmlReader from '../../src/core/feed/html';
import { normaliseDailyPapers } from '../../src/core/paper/normalise';
import { readCorpus } from '../support/corpus';
import { dailyPapersPage, FakeHf } from '../support/fakeHf';
import { type Bench, percentile } from './harness';
import { isoWeek } from '../../src/core/time/dates';

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/** heapUsed (MB, after a forced GC) while what `make` returns is alive. */
async function heapOf(make: () => Promise<unknown>): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    throw new Error('run with node --expose-gc');
  }
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = await make();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (kept === undefined) {
    throw new Error('nothing kept');
  }
  return (after - before) / 1_048_576;
}

async function timeAsync(work: () => Promise<unknown>, runs: number, warmup = 1): Promise<number[]> {
  for (let index = 0; index < warmup; index++) {
    await work();
  }
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** The live feed: a month from the fake server, the cache at corpus size, and HTML island parsing. */
export async function benchFeed(bench: Bench): Promise<void> {
  const fake = await FakeHf.start();
  try {
    let papers = 0;
    const month = await timeAsync(async () => {
      const client = new HfClient({ endpoint: fake.url, fetch, userAgent: 'paper-feed-bench', html: async () => htmlReader });
      papers = (await client.fetchQuery({ kind: 'month', month: '2026-07' })).papers.length;
    }, 5);
    bench.record('feed.monthFetchMs', percentile(month, 50), 'ms', `July 2026 (${papers} papers, ${Math.ceil(papers / 100)} pages) from the fake server on loopback, new client each run, p50 of 5`);
  } finally {
    await fake.close();
  }

  const corpus = readCorpus();
  const dir = mkdtempSync(join(tmpdir(), 'paper-feed-bench-cache-'));
  try {
    const writer = new PaperCache(dir, { maxPapers: 20_000 });
    await writer.load();
    const byMonth = new Map<string, ReturnType<typeof normaliseDailyPapers>['papers']>();
    for (const day of corpus) {
      const list = byMonth.get(day.date.slice(0, 7)) ?? [];
      list.push(...normaliseDailyPapers(day.response, day.date).papers);
      byMonth.set(day.date.slice(0, 7), list);
    }
    for (const [month, list] of byMonth) {
      await writer.record(`month:${month}`, list);
    }
    // The week the view shows, recorded as the refresher records it.
    const lastDate = corpus[corpus.length - 1]?.date ?? '2026-08-21';
    const weekKey = `week:${isoWeek(lastDate)}`;
    const weekPapers = corpus.filter((day) => isoWeek(day.date) === isoWeek(lastDate)).flatMap((day) => normaliseDailyPapers(day.response, day.date).papers);
    await writer.record(weekKey, weekPapers);
    const all = await timeAsync(async () => {
      const cache = new PaperCache(dir, { maxPapers: 20_000 });
      const count = (await cache.readAll()).length;
      if (count !== 9_877) {
        throw new Error(`cache holds ${count} papers`);
      }
    }, 5);
    bench.record('feed.cacheLoadMs', percentile(all, 50), 'ms', `read all 9877 corpus papers from ${byMonth.size} month files (what the search worker does when it builds), p50 of 5`);
    const window = await timeAsync(async () => {
      const cache = new PaperCache(dir, { maxPapers: 20_000 });
      await cache.load();
      await cache.useWindow(weekKey);
      if (cache.windowPapers(weekKey)?.length !== new Set(weekPapers.map((paper) => paper.id)).size) {
        throw new Error('the week is not all there');
      }
    }, 5);
    bench.record('feed.windowLoadMs', percentile(window, 50), 'ms', `${weekKey} (${weekPapers.length} papers) from a cache of the whole corpus: the index and the week's shards, what the view needs to paint; target <= 100; p50 of 5`);
    bench.record('archive.diskBytesPerPaper', Math.round(folderBytes(dir) / 9_877), 'B', `cache folder size over 9877 corpus papers (gzip-compressed month files + index); target <= 2000`);
    const held = await heapOf(async () => {
      const cache = new PaperCache(dir, { maxPapers: 20_000 });
      await cache.load();
      await cache.useWindow(weekKey);
      return cache;
    });
    const empty = mkdtempSync(join(tmpdir(), 'paper-feed-bench-empty-'));
    const none = await heapOf(async () => {
      const cache = new PaperCache(empty, { maxPapers: 20_000 });
      await cache.load();
      await cache.useWindow(weekKey);
      return cache;
    });
    rmSync(empty, { recursive: true, force: true });
    const everything = await heapOf(async () => new PaperCache(dir, { maxPapers: 20_000 }).readAll());
    bench.record('archive.hostHeapMB', held - none, 'MB', `extension host's cache with the whole corpus cached and ${weekKey} shown, over an empty cache (heapUsed after GC); target <= 40`);
    bench.record('archive.hostHeapAllPapersMB', everything, 'MB', 'baseline: every corpus paper in memory, as the host held them before it read only the shown window');
    const last = corpus[corpus.length - 1];
    const dayPapers = last ? normaliseDailyPapers(last.response, last.date).papers : [];
    const record = await timeAsync(() => writer.record(`date:${last?.date}`, dayPapers), 5);
    bench.record('feed.cacheRecordDayMs', percentile(record, 50), 'ms', `write one day (${dayPapers.length} papers) into the full cache, p50 of 5`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const items = corpus.flatMap((day) => day.response as unknown[]);
  const pages: string[] = [];
  for (let index = 0; index + 50 <= items.length && pages.length < 100; index += 50) {
    pages.push(dailyPapersPage(items.slice(index, index + 50), 'day', '2026-08-21'));
  }
  const parse = await timeAsync(async () => pages.forEach((page) => htmlReader.extractDailyPapers(page)), 3);
  const seconds = percentile(parse, 50) / 1_000;
  bench.record('feed.htmlParsePagesPerSec', Math.round(pages.length / seconds), 'pages/s', `DailyPapers island of 50 papers (${Math.round(pages.reduce((sum, page) => sum + page.length, 0) / pages.length / 1024)} kB a page), ${pages.length} pages, p50 of 3`);
}
