/**
 * `npm run test:electron`: the same integration suite through @vscode/test-electron, which downloads
 * VS Code (Electron) on first use. For machines with internet access; it cannot run where only the npm
 * registry is reachable (use `npm run test:integration` there).
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { FakeHf } from './fakeHf';
import { root } from './paths';
import { TEST_NOW } from './testClock';

async function main(): Promise<void> {
  const runDir = join(root, '.vscode-test', 'runs', 'electron');
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const workspace = join(runDir, 'workspace');
  cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  // As in npm run test:integration: the archive backfill off, and fast when a test turns it on.
  mkdirSync(join(runDir, 'data', 'User'), { recursive: true });
  writeFileSync(join(runDir, 'data', 'User', 'settings.json'), `${JSON.stringify({ 'paperFeed.archive.months': 0 }, null, 2)}\n`);
  const fake = await FakeHf.start();
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'out', 'test', 'integration', 'index.js'),
      extensionTestsEnv: { PAPER_FEED_TEST_PHASE: 'main', PAPER_FEED_NOW: TEST_NOW, HF_ENDPOINT: fake.url, PAPER_FEED_FAKE_HF: fake.url, PAPER_FEED_ARCHIVE_INTERVAL_MS: '20' },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(runDir, 'data')],
    });
  } finally {
    await fake.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
