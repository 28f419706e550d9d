/** Drives the code-server workbench in Debian's Chromium through playwright-core. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { chromiumPath } from './vscodeCache';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Workbench chatter that says nothing about the extension under test. */
const NOISE = /^(?:Unable to (?:read|write) file|\[lifecycle\]|Canceled|Failed to resolve files|MCP migration|Failed snippets|Failed to execute 'abort'|Timed out waiting for authentication provider|Failed to get installed servers)|ChatModelSelection|AgentHost|AccountPolicyGate|socket|connection token|grace-time|Service Worker|builtin extensions cache|open-vsx|Failed to load resource|same-origin|allow-scripts|\[Extension Host\] $/;

export interface WorkbenchUrlOptions {
  readonly folder: string;
  /** Absolute path of an extension loaded in development mode. */
  readonly extensionDevelopmentPath?: string;
  /** Absolute path of the mocha entry run inside the extension host. */
  readonly extensionTestsPath?: string;
  /** Environment variables for the extension host. */
  readonly extensionEnv?: Record<string, string>;
}

export function workbenchUrl(server: CodeServer, options: WorkbenchUrlOptions): string {
  const host = new URL(server.url).host;
  const remote = (path: string): string => `vscode-remote://${host}${path}`;
  const payload: [string, string][] = [['skipWelcome', 'true']];
  if (options.extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]);
  }
  if (options.extensionTestsPath) {
    payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  }
  if (options.extensionEnv) {
    payload.push(['extensionEnvironment', JSON.stringify(options.extensionEnv)]);
  }
  return `${server.url}/?folder=${encodeURIComponent(options.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export class Workbench {
  private exitHandler: ((code: number) => void) | undefined;

  private constructor(readonly context: BrowserContext, readonly page: Page) {}

  /** A browser on a persistent profile: reuse `profileDir` to keep globalState and secrets across phases. */
  static async launch(profileDir: string): Promise<Workbench> {
    mkdirSync(profileDir, { recursive: true });
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: CHROMIUM_ARGS,
    });
    // The extension host's clipboard is the browser's: let the workbench use it without a prompt.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = context.pages()[0] ?? await context.newPage();
    const workbench = new Workbench(context, page);
    // The workbench calls these when it runs extension tests (enable-smoke-test-driver).
    await page.exposeFunction('codeAutomationExit', (code: number) => workbench.exitHandler?.(code));
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      const line = format(...(args ?? []));
      if (process.env.VERBOSE || !NOISE.test(line)) {
        console.log(line);
      }
    });
    return workbench;
  }

  /** Opens the workbench and waits until the status bar is drawn. */
  async open(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'domcontentloaded' });
    await this.page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: 90_000 });
  }

  /** Opens a workbench whose payload names extension tests; resolves with their exit code. */
  async runHostTests(url: string, timeoutMs = 300_000): Promise<number> {
    const exit = new Promise<number>((resolve) => {
      this.exitHandler = resolve;
    });
    await this.leave();
    await this.page.goto(url, { waitUntil: 'domcontentloaded' });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        console.error(`Extension tests did not finish within ${timeoutMs / 1000} s.`);
        resolve(124);
      }, timeoutMs);
    });
    try {
      return await Promise.race([exit, timeout]);
    } finally {
      clearTimeout(timer);
      this.exitHandler = undefined;
    }
  }

  async screenshot(folder: string, name: string): Promise<string> {
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /**
   * Leaves a loaded workbench like a window reload does, and gives the browser time to finish the
   * storage writes (IndexedDB) that the workbench starts while shutting down: open editors, panels.
   */
  private async leave(): Promise<void> {
    if (this.page.url().startsWith('http')) {
      await this.page.goto('about:blank').catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }

  /** Leaves the workbench first, so that it shuts down and flushes its storage into the profile. */
  async close(): Promise<void> {
    await this.leave();
    await this.context.close();
  }
}
