/**
 * `npm start`: VS Code in the browser (code-server on 127.0.0.1) with Paper Feed loaded from this
 * folder and a sample workspace. The first run installs the test VS Code into .vscode-test/.
 * State (settings, cache, reading list) is kept in .vscode-test/start between runs.
 * `npm start -- --fake-hf`: against the local fake Hugging Face (months of real papers, offline),
 * with the clock at the corpus's last day.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CodeServer, freePort } from './codeServer';
import { FakeHf } from './fakeHf';
import { root } from './paths';
import { TEST_NOW } from './testClock';
import { cacheDir, ensureVscode } from './vscodeCache';
import { workbenchUrl } from './workbench';

async function main(): Promise<void> {
  ensureVscode();
  if (spawnSync('node', ['esbuild.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) {
    process.exit(1);
  }
  const fakeHf = process.argv.includes('--fake-hf');
  const runDir = join(cacheDir, fakeHf ? 'start-fake-hf' : 'start');
  const workspace = join(runDir, 'workspace');
  if (!existsSync(workspace)) {
    mkdirSync(runDir, { recursive: true });
    cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  }
  const wanted = Number(process.env.PORT ?? 8137);
  const port = await portIfFree(wanted) ?? await freePort();
  const fake = fakeHf ? await FakeHf.start() : undefined;
  const env = fake ? { HF_ENDPOINT: fake.url, PAPER_FEED_ARXIV_ENDPOINT: fake.url, PAPER_FEED_DBLP_ENDPOINT: fake.url, PAPER_FEED_NOW: TEST_NOW } : {};
  const server = new CodeServer({ runDir, devMode: true, port, env });
  await server.start();
  const url = workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: root });
  if (fake) {
    console.log(`\nThe fake Hugging Face serves ../shared/corpus on ${fake.url}; the clock is ${TEST_NOW}.`);
  }
  console.log(`
Paper Feed is running in VS Code for the browser. Open:

  ${url}

(Open that exact address: it tells VS Code to load the extension from ${root}.
Rebuild with \`npm run build\` and reload the page to see changes. Log: ${server.logFile})
Press Ctrl+C to stop.`);
  const stop = (): void => {
    void server.stop().then(() => fake?.close()).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function portIfFree(port: number): Promise<number | undefined> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(500) });
    return undefined; // something answers there already
  } catch {
    return port;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
