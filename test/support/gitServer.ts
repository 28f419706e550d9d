/**
 * Git repositories served over smart HTTP on 127.0.0.1 by git's own `git http-backend` (CGI), so
 * clone tests use real git end to end without the network. Repositories are made on the fly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const IDENTITY = {
  GIT_AUTHOR_NAME: 'Paper Feed tests', GIT_AUTHOR_EMAIL: 'tests@paper-feed.invalid',
  GIT_COMMITTER_NAME: 'Paper Feed tests', GIT_COMMITTER_EMAIL: 'tests@paper-feed.invalid',
};

function git(args: string[], cwd: string): void {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...IDENTITY } });
  if (result.status !== 0) {
    throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  }
}

export interface RepoOptions {
  /** Adds this many files of 16 kB of random (incompressible) bytes, so that a clone has weight. */
  readonly bulkFiles?: number;
  /** Serves the repository's pack slowly (one 64 kB chunk per `slowMs`), so that a clone can be caught midway. */
  readonly slowMs?: number;
}

export class GitServer {
  /** Repository names whose packs are served slowly, with the delay per chunk. */
  private readonly slow = new Map<string, number>();

  private constructor(private readonly server: Server, readonly root: string) {}

  static async start(): Promise<GitServer> {
    const root = mkdtempSync(join(tmpdir(), 'paper-feed-git-'));
    const git = new GitServer(createServer(), root);
    git.server.on('request', (request: IncomingMessage, response: ServerResponse) => serve(root, request, response, git.slowMsFor(request.url)));
    await new Promise<void>((resolve) => git.server.listen(0, '127.0.0.1', resolve));
    return git;
  }

  private slowMsFor(url: string | undefined): number {
    const name = /^\/([^/]+)\.git\/git-upload-pack$/.exec(new URL(url ?? '/', 'http://127.0.0.1').pathname)?.[1];
    return name ? (this.slow.get(name) ?? 0) : 0;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Makes a bare repository `name.git` with a README and `files`; returns its URL. */
  createRepo(name: string, files: Record<string, string> = {}, options: RepoOptions = {}): string {
    const work = mkdtempSync(join(tmpdir(), 'paper-feed-repo-'));
    git(['init', '-q', '-b', 'main'], work);
    writeFileSync(join(work, 'README.md'), `# ${name}\n`);
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(dirname(join(work, file)), { recursive: true });
      writeFileSync(join(work, file), content);
    }
    if (options.bulkFiles) {
      mkdirSync(join(work, 'weights'));
      for (let index = 0; index < options.bulkFiles; index++) {
        writeFileSync(join(work, 'weights', `part-${index}.bin`), randomBytes(16 * 1024));
      }
    }
    if (options.slowMs) {
      this.slow.set(name, options.slowMs);
    }
    git(['add', '-A'], work);
    git(['commit', '-q', '-m', 'Initial commit'], work);
    git(['clone', '-q', '--bare', work, join(this.root, `${name}.git`)], tmpdir());
    rmSync(work, { recursive: true, force: true });
    return `${this.url}/${name}.git`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    rmSync(this.root, { recursive: true, force: true });
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** One request through `git http-backend`, which speaks CGI: env in, headers and body out. */
function serve(root: string, request: IncomingMessage, response: ServerResponse, slowMs: number): void {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const header = (name: string): string | undefined => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const backend = spawn('git', ['http-backend'], {
    env: {
      ...process.env,
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      GATEWAY_INTERFACE: 'CGI/1.1',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      REQUEST_METHOD: request.method ?? 'GET',
      REMOTE_ADDR: '127.0.0.1',
      CONTENT_TYPE: header('content-type') ?? '',
      ...(header('content-length') ? { CONTENT_LENGTH: header('content-length') } : {}),
      ...(header('content-encoding') ? { HTTP_CONTENT_ENCODING: header('content-encoding') } : {}),
      ...(header('git-protocol') ? { GIT_PROTOCOL: header('git-protocol') } : {}),
    },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  request.pipe(backend.stdin);
  let head = Buffer.alloc(0);
  let started = false;
  backend.stdout.on('data', (chunk: Buffer) => {
    if (started) {
      response.write(chunk);
      if (slowMs > 0) {
        backend.stdout.pause();
        setTimeout(() => backend.stdout.resume(), slowMs);
      }
      return;
    }
    head = Buffer.concat([head, chunk]);
    const crlf = head.indexOf('\r\n\r\n');
    const lf = head.indexOf('\n\n');
    const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf;
    if (end < 0) {
      return;
    }
    started = true;
    let status = 200;
    for (const line of head.subarray(0, end).toString('utf8').split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') {
        status = Number.parseInt(value, 10);
      } else {
        response.setHeader(name, value);
      }
    }
    response.writeHead(status);
    response.write(head.subarray(end + (end === crlf ? 4 : 2)));
  });
  // 'end' of stdout, not the process's exit: a paused (slow) stream still has data after git exits.
  backend.stdout.on('end', () => response.end());
  backend.on('error', () => response.destroy());
}
