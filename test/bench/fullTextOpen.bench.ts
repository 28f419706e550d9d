/**
 * `fulltext.openMs`: Read Full Text for a kept paper, from the command to its preview, in the real
 * VS Code (code-server's extension host in Chromium): the bench runs the integration test that
 * times it (test/integration/suite/fullText.test.ts, "timed for the bench"), which writes its
 * samples to the file named by PAPER_FEED_BENCH_OUT. A preview is counted as open once its tab is
 * the active one; drawing the page is VS Code's Markdown preview's own work, after that.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../support/paths';
import { type Bench, percentile } from './harness';

export function benchFullTextOpen(bench: Bench): void {
  const work = mkdtempSync(join(tmpdir(), 'paper-feed-bench-open-'));
  const out = join(work, 'open.json');
  try {
    const run = spawnSync('npx', ['tsx', 'test/support/runIntegration.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, PAPER_FEED_TEST_GREP: 'timed for the bench', PAPER_FEED_TEST_PHASES: 'main', PAPER_FEED_BENCH_OUT: out },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) {
      throw new Error(`The timed Read Full Text test failed (exit ${run.status ?? 'none'}):\n${run.stdout.slice(-4_000)}\n${run.stderr.slice(-2_000)}`);
    }
    const { openMs } = JSON.parse(readFileSync(out, 'utf8')) as { openMs: number[] };
    bench.record('fulltext.openMs', percentile(openMs, 95), 'ms', `Read Full Text of a kept paper to its preview tab, real host, p95 of ${openMs.length} (target ≤ 300)`);
    bench.record('fulltext.openMsP50', percentile(openMs, 50), 'ms', 'same, p50');
  } finally {
    rmSync(work, { recursive: true, force: true });
    // The integration runner built the development bundle: back to the production one the bench measures.
    spawnSync('node', ['esbuild.mjs', '--production'], { cwd: root, stdio: 'ignore' });
  }
}
