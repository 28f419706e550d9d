/**
 * MiniSearch used well (./minisearchPlanner.ts), measured beside ours on the same inputs and in the
 * same way where it can be: the keystroke prefixes at 10k and 100k, the typo and labeled top-5
 * rates, the load of its saved JSON, and the heap of a loaded index. It runs in this thread: ours
 * goes through its worker, whose round trip (about 0.1 ms) its figures include and these do not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Paper } from '../../src/core/paper/model';
import type { IndexInput } from '../../src/core/search/index';
import { type Bench, percentile } from './harness';
import { MiniSearchPlanner } from './minisearchPlanner';
import { keystrokeQueries, labeledQueries, latencies, LIMIT, replicated, top5Hits, typoQueries } from './searchInputs';

/** At 100k its queries take a tenth of a second and more: every 4th prefix, after a short warm-up, keeps the bench within minutes. */
const SAMPLE_100K = 4;
const WARMUP_100K = 50;

export async function benchMiniSearchPlanner(bench: Bench, papers: readonly Paper[], inputs: readonly IndexInput[], work: string): Promise<void> {
  let started = performance.now();
  const jsonPath = join(work, 'minisearch.json');
  let buildMs: number;
  { // the built index is held only in this block: the loads below measure their own
    const built = MiniSearchPlanner.build(inputs);
    buildMs = performance.now() - started;
    writeFileSync(jsonPath, built.toJSON());
  }

  // Three loads of the saved JSON, its reading included (as the worker reads its file).
  const loads: number[] = [];
  for (let run = 0; run < 3; run++) {
    global.gc?.();
    started = performance.now();
    const planner = MiniSearchPlanner.load(readFileSync(jsonPath, 'utf8'));
    loads.push(performance.now() - started);
    void planner;
  }
  // Memory of a loaded index, its JSON read beforehand, as ours is measured from its bytes.
  const json = readFileSync(jsonPath, 'utf8');
  global.gc?.();
  const before = process.memoryUsage();
  const loaded = MiniSearchPlanner.load(json);
  global.gc?.();
  const after = process.memoryUsage();
  const heapMB = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1e6;

  const keystrokes = keystrokeQueries(papers);
  const times = await latencies(keystrokes, (query) => loaded.search(query, LIMIT));
  const typos = typoQueries(papers);
  const typoHits = await top5Hits(typos, (query) => loaded.search(query, 5));
  const labeled = labeledQueries();
  const labeledHits = await top5Hits(labeled, (query) => loaded.search(query, 5));

  const bigInputs = replicated(inputs);
  const big = MiniSearchPlanner.build(bigInputs);
  const sample = keystrokes.filter((_, index) => index % SAMPLE_100K === 0);
  const bigTimes = await latencies(sample, (query) => big.search(query, LIMIT), WARMUP_100K);

  const how = 'MiniSearch with a query planner (test/bench/minisearchPlanner.ts), in this thread (no worker round trip)';
  bench.record('search.minisearchPlannerKeystrokeP50Ms', percentile(times, 50), 'ms', `${keystrokes.length} title prefixes as search.keystrokeP50Ms, limit ${LIMIT}; ${how}`);
  bench.record('search.minisearchPlannerKeystrokeP95Ms', percentile(times, 95), 'ms', 'same, p95');
  bench.record('search.minisearchPlannerKeystrokeP50Ms100k', percentile(bigTimes, 50), 'ms', `every ${SAMPLE_100K}th of the same prefixes (${sample.length}), warm-up ${WARMUP_100K}, over ${bigInputs.length} papers (the corpus ×10 as ours)`);
  bench.record('search.minisearchPlannerKeystrokeP95Ms100k', percentile(bigTimes, 95), 'ms', 'same, p95');
  bench.record('search.minisearchPlannerTypoTop5Rate', typoHits / typos.length, 'share', `${typoHits} of ${typos.length} titles with one edit (seed 42) in the top 5; fuzzy is Levenshtein 1 (a transposition is 2)`);
  bench.record('search.minisearchPlannerLabeledTop5Rate', labeledHits / labeled.length, 'share', `${labeledHits} of ${labeled.length} labeled queries in the top 5`);
  bench.record('search.minisearchPlannerBuildMs', buildMs, 'ms', `index ${inputs.length} papers (topics known), in one thread`);
  bench.record('search.minisearchPlannerLoadMs', percentile(loads, 50), 'ms', `read and MiniSearch.loadJSON its saved JSON (${(json.length / 1e6).toFixed(1)} MB) and read its vocabulary from it, p50 of 3, in this thread`);
  bench.record('search.minisearchPlannerHeapMB', heapMB, 'MB', 'heap + array buffers of a loaded 10k index (as search.indexHeapMB)');
}
