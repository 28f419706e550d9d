/**
 * `npm run test:integration`: runs test/integration inside a real extension host (code-server in
 * Chromium), then the multi-phase persistence test across a window reload and a server restart.
 * Exits non-zero when any phase fails.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CodeServer, freePort } from './codeServer';
import { FakeHf } from './fakeHf';
import { root } from './paths';
import { TEST_NOW } from './testClock';
import { cacheDir, ensureVscode } from './vscodeCache';
import { Workbench, workbenchUrl } from './workbench';

interface PhaseResult { readonly phase: string; readonly code: number; readonly seconds: number }

function build(): void {
  for (const args of [['esbuild.mjs'], ['esbuild.mjs', '--tests']]) {
    const result = spawnSync('node', args, { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
      process.exit(result.status ?? 1);
    }
  }
}

async function main(): Promise<number> {
  ensureVscode();
  build();
  const runDir = join(cacheDir, 'runs', 'integration');
  rmSync(runDir, { recursive: true, force: true });
  const workspace = join(runDir, 'workspace');
  mkdirSync(runDir, { recursive: true });
  cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  const profile = join(runDir, 'chromium-profile');
  const testsPath = join(root, 'out', 'test', 'integration', 'index.js');
  const token = randomBytes(8).toString('hex');
  const results: PhaseResult[] = [];
  // While working on one feature: `PAPER_FEED_TEST_GREP=clone npm run test:integration` (and
  // PAPER_FEED_TEST_PHASES=main to skip the other phases). CI runs everything.
  const grep = process.env.PAPER_FEED_TEST_GREP;
  const phases = process.env.PAPER_FEED_TEST_PHASES?.split(',');
  const wanted = (phase: string): boolean => !phases || phases.includes(phase);

  const fake = await FakeHf.start();
  // arXiv and DBLP on a second fake, so that their requests do not mix with Hugging Face's in the log tests read.
  const enrichFake = await FakeHf.start();
  // Nothing listens there: "offline" is a refused connection on loopback, never the internet.
  const offline = `http://127.0.0.1:${await freePort()}`;
  // The archive backfill is off (tests that count requests stay exact); the archive tests turn it on.
  const server = new CodeServer({ runDir, devMode: true, userSettings: { 'paperFeed.archive.months': 0 } });
  let workbench: Workbench | undefined;
  const runPhase = async (phase: string, endpoint: string, enrichEndpoint = endpoint === fake.url ? enrichFake.url : endpoint): Promise<void> => {
    console.log(`\n--- extension host tests: ${phase}`);
    const started = Date.now();
    const url = workbenchUrl(server, {
      folder: workspace,
      extensionDevelopmentPath: root,
      extensionTestsPath: testsPath,
      extensionEnv: {
        PAPER_FEED_TEST_PHASE: phase, PAPER_FEED_TEST_TOKEN: token, PAPER_FEED_NOW: TEST_NOW,
        // 20 ms between archive requests instead of 1 s (and every archive wait scaled alike).
        PAPER_FEED_ARCHIVE_INTERVAL_MS: '20',
        HF_ENDPOINT: endpoint, PAPER_FEED_FAKE_HF: fake.url,
        PAPER_FEED_ARXIV_ENDPOINT: enrichEndpoint, PAPER_FEED_DBLP_ENDPOINT: enrichEndpoint, PAPER_FEED_FAKE_ENRICH: enrichFake.url,
        ...(grep ? { PAPER_FEED_TEST_GREP: grep } : {}),
        // The bench's timed tests write their samples there (test/bench/fullTextOpen.bench.ts).
        ...(process.env.PAPER_FEED_BENCH_OUT ? { PAPER_FEED_BENCH_OUT: process.env.PAPER_FEED_BENCH_OUT } : {}),
      },
    });
    const code = await (workbench as Workbench).runHostTests(url);
    results.push({ phase, code, seconds: (Date.now() - started) / 1000 });
  };

  // Interrupted (Ctrl+C, a CI timeout): end what this run started, by process group, then exit.
  const interrupt = (): void => {
    void Promise.allSettled([workbench?.close(), server.stop(), fake.close(), enrichFake.close()]).then(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    await server.start();
    workbench = await Workbench.launch(profile);
    if (wanted('offline')) {
      await runPhase('offline', offline); // first, on a fresh profile: no cache, no network
    }
    if (wanted('main')) {
      await runPhase('main', fake.url);
    }
    if (wanted('persistence')) {
      // Writes state, then reloads the window itself (Reload Window); the reloaded window checks it.
      await runPhase('persistence:write', offline);
      await workbench.close();
      workbench = undefined;
      await server.stop();
      await server.start(); // same user-data and extensions folders
      workbench = await Workbench.launch(profile); // same browser profile
      await runPhase('persistence:restart', offline);
    }
  } finally {
    await workbench?.close().catch(() => undefined);
    await server.stop();
    await fake.close();
    await enrichFake.close();
  }

  console.log('\nintegration phases:');
  for (const result of results) {
    console.log(`  ${result.code === 0 ? 'pass' : 'FAIL'}  ${result.phase.padEnd(22)} ${result.seconds.toFixed(1)} s`);
  }
  const failed = results.filter((result) => result.code !== 0);
  if (failed.length > 0) {
    console.log(`code-server log: ${server.logFile}`);
  }
  return failed.length === 0 && results.length === (phases ? results.length : 4) && results.length > 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
