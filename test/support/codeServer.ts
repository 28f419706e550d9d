/** Starts and stops code-server on 127.0.0.1, in its own process group, with its own folders. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { codeServerEntry, node24, node24Dir } from './vscodeCache';

export interface CodeServerOptions {
  /** Holds user-data, extensions, xdg and the log; reused across restarts for multi-phase tests. */
  readonly runDir: string;
  /** Loads development extensions from the URL payload (needed for extensionDevelopmentPath). */
  readonly devMode: boolean;
  readonly port?: number;
  /** Environment for the server and so for its extension hosts. */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Settings of the machine the extension host runs on (data/Machine/settings.json): code-server's
   * host is a remote one, which reads machine-scoped settings (paths such as clone.directory) only there.
   */
  readonly machineSettings?: Record<string, unknown>;
  /** User settings added to the defaults below at the first start (e.g. the archive backfill off). */
  readonly userSettings?: Record<string, unknown>;
}

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export class CodeServer {
  private child: ChildProcess | undefined;
  port = 0;

  constructor(private readonly options: CodeServerOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get dataDir(): string {
    return join(this.options.runDir, 'data');
  }

  get extensionsDir(): string {
    return join(this.options.runDir, 'extensions');
  }

  get logFile(): string {
    return join(this.options.runDir, 'code-server.log');
  }

  private baseArgs(): string[] {
    return [
      codeServerEntry,
      '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', this.dataDir,
      '--extensions-dir', this.extensionsDir,
    ];
  }

  private env(): NodeJS.ProcessEnv {
    const xdg = join(this.options.runDir, 'xdg');
    return {
      ...process.env,
      ...this.options.env,
      PATH: `${join(node24Dir, 'bin')}:${process.env.PATH ?? ''}`,
      XDG_CONFIG_HOME: xdg,
      XDG_DATA_HOME: xdg,
    };
  }

  /** `code-server --install-extension`, into this server's extensions folder. */
  installExtension(vsix: string): void {
    this.prepareFolders();
    const result = spawnSync(node24, [...this.baseArgs(), '--install-extension', vsix, '--force'], {
      env: this.env(), encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new Error(`code-server --install-extension ${vsix} failed:\n${result.stdout}\n${result.stderr}`);
    }
  }

  private prepareFolders(): void {
    mkdirSync(join(this.dataDir, 'User'), { recursive: true });
    mkdirSync(this.extensionsDir, { recursive: true });
    // Only the first start writes them: a restart keeps what the tests (or the user) changed since.
    if (!existsSync(join(this.dataDir, 'User', 'settings.json'))) {
      writeFileSync(join(this.dataDir, 'User', 'settings.json'), `${JSON.stringify({ ...USER_SETTINGS, ...this.options.userSettings }, null, 2)}\n`);
    }
    if (this.options.machineSettings) {
      mkdirSync(join(this.dataDir, 'Machine'), { recursive: true });
      writeFileSync(join(this.dataDir, 'Machine', 'settings.json'), `${JSON.stringify(this.options.machineSettings, null, 2)}\n`);
    }
  }

  async start(): Promise<void> {
    this.prepareFolders();
    // A restart keeps the port: the browser keeps globalState per origin, and the origin includes it.
    this.port = this.options.port ?? (this.port || await freePort());
    const args = [
      ...this.baseArgs(),
      '--bind-addr', `127.0.0.1:${this.port}`,
      '--reconnection-grace-time', '5',
      '--config', join(this.options.runDir, 'config.yaml'),
      ...(this.options.devMode ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ];
    writeFileSync(join(this.options.runDir, 'config.yaml'), `bind-addr: 127.0.0.1:${this.port}\nauth: none\ncert: false\n`);
    const log = openSync(this.logFile, 'a');
    this.child = spawn(node24, args, { env: this.env(), detached: true, stdio: ['ignore', log, log] });
    closeSync(log);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) {
        break;
      }
      try {
        const response = await fetch(`${this.url}/healthz`);
        if (response.ok) {
          return;
        }
      } catch {
        // not up yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const tail = readFileSync(this.logFile, 'utf8').split('\n').slice(-30).join('\n');
    await this.stop();
    throw new Error(`code-server did not come up on ${this.url}. Its log (${this.logFile}) ends:\n${tail}`);
  }

  /** Stops the whole process group (the server and every extension host it started). */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child?.pid) {
      return;
    }
    const group = -child.pid;
    const alive = (): boolean => {
      try {
        process.kill(group, 0);
        return true;
      } catch {
        return false;
      }
    };
    try {
      process.kill(group, 'SIGTERM');
    } catch {
      return;
    }
    for (let waited = 0; waited < 10_000 && alive(); waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (alive()) {
      process.kill(group, 'SIGKILL');
    }
  }
}
