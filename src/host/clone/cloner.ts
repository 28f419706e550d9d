import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import * as vscode from 'vscode';
import { gitEnvironment } from '../../core/clone/gitEnv';
import { type CloneFailure, classifyCloneFailure } from '../../core/clone/gitErrors';
import { type CloneOptions, type CloneTarget, gitCloneArgs, overallProgress, parseGitProgress } from '../../core/clone/repoUrl';
import { readGitPaths } from '../config';
import { Disposable } from '../disposable';
import { GlobalStateKeys } from '../ids';

/** git's stderr kept for the error message and the log. */
const MAX_STDERR = 64 * 1024;

export type CloneOutcome =
  | { readonly status: 'cloned'; readonly folder: string }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly failure: CloneFailure };

/**
 * Runs `git clone` as a child process (an argument array, never a shell), reports its progress,
 * stops it on cancel and removes what it left, and remembers where each paper was cloned.
 */
export class Cloner extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when a paper's clone is remembered or forgotten. */
  readonly onDidChange = this.changed.event;
  /** Clones under way, by destination folder. */
  private readonly running = new Map<string, vscode.CancellationTokenSource>();

  constructor(private readonly state: vscode.Memento, private readonly log: vscode.LogOutputChannel) {
    super();
    this._register({ dispose: () => this.cancelAll() });
  }

  /** The git VS Code is configured with (`git.path`, a path or a list of paths), else `git` on PATH. */
  gitPath(): string {
    const paths = readGitPaths();
    return paths.find((entry) => existsSync(entry)) ?? paths[0] ?? 'git';
  }

  isCloning(folder: string): boolean {
    return this.running.has(folder);
  }

  /** Cancels every clone under way (also when the extension is deactivated). */
  cancelAll(): void {
    this.running.forEach((source) => source.cancel());
  }

  /** Where the paper was cloned, if that folder still exists. */
  clonedFolder(paperId: string): string | undefined {
    const folder = this.state.get<Record<string, unknown>>(GlobalStateKeys.clones, {})[paperId];
    return typeof folder === 'string' && existsSync(folder) ? folder : undefined;
  }

  async remember(paperId: string, folder: string): Promise<void> {
    const clones = { ...this.state.get<Record<string, unknown>>(GlobalStateKeys.clones, {}), [paperId]: folder };
    await this.state.update(GlobalStateKeys.clones, clones);
    this.changed.fire();
  }

  /**
   * Clones `target` into `folder`, which the caller has just created empty (it is this clone's), with
   * progress in a cancellable notification. On cancel or failure the folder is removed: nothing
   * half-cloned is left behind.
   */
  clone(target: CloneTarget, folder: string, options: CloneOptions): Promise<CloneOutcome> {
    return Promise.resolve(vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Cloning {0}', target.display), cancellable: true },
      async (progress, token) => {
        const source = new vscode.CancellationTokenSource();
        const forward = token.onCancellationRequested(() => source.cancel());
        this.running.set(folder, source);
        try {
          return await this.run(target, folder, options, source.token, (message, increment) => progress.report({ message, increment }));
        } finally {
          this.running.delete(folder);
          forward.dispose();
          source.dispose();
        }
      },
    ));
  }

  private async run(
    target: CloneTarget,
    folder: string,
    options: CloneOptions,
    token: vscode.CancellationToken,
    report: (message: string, increment: number) => void,
  ): Promise<CloneOutcome> {
    const git = this.gitPath();
    const args = gitCloneArgs(target, folder, options);
    this.log.info(`Cloning ${target.url} into ${folder}: ${git} ${args.map((arg) => JSON.stringify(arg)).join(' ')}`);
    let child: ChildProcess;
    try {
      child = spawn(git, args, {
        stdio: ['ignore', 'ignore', 'pipe'],
        // English messages (they are classified by their text) and never a password prompt.
        env: gitEnvironment(process.env),
        // Its own process group, so that cancelling ends git's helpers (remote-https, index-pack) too.
        detached: process.platform !== 'win32',
        windowsHide: true,
      });
    } catch (error) {
      return { status: 'failed', failure: classifyCloneFailure('', error as NodeJS.ErrnoException) };
    }
    let stderr = '';
    let done = 0;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-MAX_STDERR);
      for (const line of chunk.split(/[\r\n]+/)) {
        const parsed = parseGitProgress(line);
        const overall = parsed && overallProgress(parsed.phase, parsed.percent);
        if (parsed && overall !== undefined && overall > done) {
          report(`${parsed.phase} ${parsed.percent}%`, overall - done);
          done = overall;
        }
      }
    });
    const cancel = token.onCancellationRequested(() => {
      this.log.info(`Cancelling the clone of ${target.url}.`);
      stop(child);
    });
    const exit = await new Promise<{ code: number | null; error?: NodeJS.ErrnoException }>((resolve) => {
      child.once('error', (error: NodeJS.ErrnoException) => resolve({ code: null, error }));
      child.once('close', (code) => resolve({ code }));
    });
    cancel.dispose();
    if (exit.code === 0 && !token.isCancellationRequested) {
      this.log.info(`Cloned ${target.url} into ${folder}.`);
      return { status: 'cloned', folder };
    }
    await removeFolder(folder, this.log);
    if (token.isCancellationRequested) {
      this.log.info(`Clone of ${target.url} cancelled; removed ${folder}.`);
      return { status: 'cancelled' };
    }
    const failure = classifyCloneFailure(stderr, exit.error);
    this.log.error(`git clone of ${target.url} failed (${exit.error?.code ?? `exit ${String(exit.code)}`}): ${failure.kind}\n${stderr.trim()}`);
    return { status: 'failed', failure };
  }
}

/** Ends git and the helpers it started: SIGTERM to its process group, SIGKILL if it lingers. */
function stop(child: ChildProcess): void {
  const signal = (name: NodeJS.Signals): void => {
    try {
      if (child.pid === undefined) {
        return;
      }
      if (process.platform === 'win32') {
        // The whole tree: git-remote-https would otherwise keep running and hold the folder's files.
        spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => child.kill(name));
      } else {
        process.kill(-child.pid, name);
      }
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 3_000);
  child.once('close', () => clearTimeout(timer));
}

/** Removes a folder this clone created; git may still be letting go of it, so try a few times. */
async function removeFolder(folder: string, log: vscode.LogOutputChannel): Promise<void> {
  try {
    await rm(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch (error) {
    log.warn(`Could not remove ${folder}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
