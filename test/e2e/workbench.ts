/** Shared steps of the UI tests: start code-server, open the workbench, find things in it. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { CodeServer, freePort } from '../support/codeServer';
import { FakeHf } from '../support/fakeHf';
import { root } from '../support/paths';
import { TEST_NOW } from '../support/testClock';
import { cacheDir, ensureVscode } from '../support/vscodeCache';
import { Workbench, workbenchUrl } from '../support/workbench';

export const screenshots = join(root, 'test-results', 'screenshots');

export interface Session {
  readonly server: CodeServer;
  readonly fake?: FakeHf;
  readonly workbench: Workbench;
  readonly workspace: string;
  /** Where Paper Feed clones repositories in this session (`paperFeed.clone.directory`). */
  readonly clones: string;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${String(result.status)})`);
  }
}

/**
 * Starts code-server with Paper Feed: from the development folder, or installed from the packaged
 * .vsix (`vsix: true`), so that what ships is what is tested. `online` points it at the local fake
 * Hugging Face; otherwise at a closed port on loopback (offline: the sample feed).
 */
export async function startSession(name: string, options: { vsix: boolean; online: boolean }): Promise<Session> {
  ensureVscode();
  const runDir = join(cacheDir, 'runs', `e2e-${name}`);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const workspace = join(runDir, 'workspace');
  cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  const fake = options.online ? await FakeHf.start() : undefined;
  const endpoint = fake?.url ?? `http://127.0.0.1:${await freePort()}`;
  const clones = join(runDir, 'clones');
  const server = new CodeServer({
    runDir, devMode: !options.vsix, env: { PAPER_FEED_NOW: TEST_NOW, HF_ENDPOINT: endpoint },
    machineSettings: { 'paperFeed.clone.directory': clones },
  });
  if (options.vsix) {
    run('npm', ['run', '--silent', 'package']);
    server.installExtension(join(root, 'dist', 'paper-feed.vsix'));
  } else {
    run('node', ['esbuild.mjs']);
  }
  await server.start();
  const workbench = await Workbench.launch(join(runDir, 'chromium-profile'));
  const url = options.vsix
    ? `${server.url}/?folder=${encodeURIComponent(workspace)}`
    : workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: root });
  await workbench.open(url);
  return { server, workbench, workspace, clones, ...(fake ? { fake } : {}) };
}

export async function endSession(session: Session | undefined): Promise<void> {
  await session?.workbench.close().catch(() => undefined);
  await session?.server.stop();
  await session?.fake?.close();
}

/** The Paper Feed entry of the activity bar. */
export function activityBarItem(session: Session): Locator {
  return session.workbench.page.locator('.part.activitybar .action-item').filter({
    has: session.workbench.page.locator('[aria-label^="Paper Feed"]'),
  }).or(session.workbench.page.locator('.part.activitybar .action-item[aria-label^="Paper Feed"]')).first();
}

/** Rows of the Papers tree. */
export function treeRows(session: Session): Locator {
  return session.workbench.page.locator('.part.sidebar .monaco-list-row');
}

/** The paper panel's own document (a webview is an iframe inside an iframe). */
export function paperPanel(session: Session): FrameLocator {
  return session.workbench.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}
