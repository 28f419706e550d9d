/** The clone arguments with real git, against repositories served on 127.0.0.1 (test/support/gitServer). */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitEnvironment } from '../../src/core/clone/gitEnv';
import { classifyCloneFailure, freeFolderName } from '../../src/core/clone/gitErrors';
import { checkRepoUrl, gitCloneArgs, parseGitProgress } from '../../src/core/clone/repoUrl';
import { LOOPBACK_HOSTS } from '../../src/core/net/hosts';
import { GitServer } from '../support/gitServer';

/**
 * A user whose git speaks German where git's translations are installed: gettext reads LANGUAGE
 * first, under any locale but C (C.UTF-8 is built into glibc; de_DE.UTF-8 often is not installed).
 */
const GERMAN = { ...process.env, LANGUAGE: 'de', LANG: 'C.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined };

/**
 * Runs git as the extension does, in `gitEnvironment` of the user's environment, without blocking the
 * event loop (the git server runs in this process).
 */
function runGit(args: string[], userEnv: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile('git', args, { timeout: 30_000, env: gitEnvironment(userEnv) }, (error, _stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) || 1 : 0, stderr });
    });
  });
}

describe('git clone with the policy\'s arguments (real git, loopback)', () => {
  let server: GitServer;
  let work: string;

  before(async () => {
    server = await GitServer.start();
  });
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'paper-feed-clone-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));
  after(() => server.close());

  it('clones a repository served over http on 127.0.0.1, shallow, reporting progress', async () => {
    const url = server.createRepo('demo', { 'src/model.py': 'print("hello")\n' });
    const check = checkRepoUrl(url, LOOPBACK_HOSTS);
    assert.ok(check.ok);
    const destination = join(work, check.target.name);
    const result = await runGit(gitCloneArgs(check.target, destination, { shallow: true, submodules: false }));
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readFileSync(join(destination, 'src', 'model.py'), 'utf8'), 'print("hello")\n');
    const progress = result.stderr.split(/[\r\n]+/).map(parseGitProgress).filter((entry) => entry !== undefined);
    assert.ok(progress.some((entry) => entry.percent === 100), 'git reported progress up to 100%');
  });

  it('refuses other transports even if one reached git: protocol.allow=never', async () => {
    const bare = join(server.root, 'local.git');
    server.createRepo('local');
    const target = { url: `file://${bare}`, display: 'local', name: 'local' };
    const result = await runGit(gitCloneArgs(target, join(work, 'local'), { shallow: false, submodules: false }));
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /transport 'file' not allowed/);
    assert.equal(classifyCloneFailure(result.stderr).kind, 'transport');
    assert.equal(existsSync(join(work, 'local', 'README.md')), false);
  });

  it('fails fast on a repository that does not exist, without asking for a password', async () => {
    const check = checkRepoUrl(`${server.url}/missing.git`, LOOPBACK_HOSTS);
    assert.ok(check.ok);
    const result = await runGit(gitCloneArgs(check.target, join(work, 'missing'), { shallow: true, submodules: false }));
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /not found|404/i);
    assert.equal(classifyCloneFailure(result.stderr).kind, 'notFound');
  });

  it('classifies git\'s errors whatever the user\'s locale: git speaks English', async () => {
    const check = checkRepoUrl(`${server.url}/missing.git`, LOOPBACK_HOSTS);
    assert.ok(check.ok);
    const missing = await runGit(gitCloneArgs(check.target, join(work, 'missing'), { shallow: true, submodules: false }), GERMAN);
    assert.match(missing.stderr, /^Cloning into /m);
    assert.equal(classifyCloneFailure(missing.stderr).kind, 'notFound', missing.stderr);
    const unreachable = await runGit(gitCloneArgs({ url: 'http://127.0.0.1:9/none.git', display: 'none', name: 'none' }, join(work, 'none'), { shallow: true, submodules: false }), GERMAN);
    assert.equal(classifyCloneFailure(unreachable.stderr).kind, 'network', unreachable.stderr);
  });

  it('says the network is the problem when nothing listens, and refuses a non-empty destination', async () => {
    const unreachable = await runGit(gitCloneArgs({ url: 'http://127.0.0.1:9/none.git', display: 'none', name: 'none' }, join(work, 'none'), { shallow: true, submodules: false }));
    assert.equal(classifyCloneFailure(unreachable.stderr).kind, 'network', unreachable.stderr);
    const url = server.createRepo('twice');
    const check = checkRepoUrl(url, LOOPBACK_HOSTS);
    assert.ok(check.ok);
    const destination = join(work, 'twice');
    assert.equal((await runGit(gitCloneArgs(check.target, destination, { shallow: true, submodules: false }))).code, 0);
    const again = await runGit(gitCloneArgs(check.target, destination, { shallow: true, submodules: false }));
    assert.equal(classifyCloneFailure(again.stderr).kind, 'exists');
  });
});

describe('git\'s environment', () => {
  it('fixes the locale to C and never prompts, keeping the rest of the user\'s environment', () => {
    const user = { PATH: '/usr/bin', HOME: '/home/u', LANG: 'de_DE.UTF-8', LANGUAGE: 'de:en', LC_MESSAGES: 'de_DE.UTF-8', lc_all: 'de_DE.UTF-8', GIT_TERMINAL_PROMPT: '1', EMPTY: undefined };
    const env = gitEnvironment(user);
    assert.deepEqual(env, {
      PATH: '/usr/bin', HOME: '/home/u', LC_MESSAGES: 'de_DE.UTF-8',
      LC_ALL: 'C', LANG: 'C', LANGUAGE: '', GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', SSH_ASKPASS: '', GCM_INTERACTIVE: 'never',
    });
    assert.equal(user.LANG, 'de_DE.UTF-8', 'the user\'s environment is left as it is');
  });
});

describe('clone failures and folder names', () => {
  it('names a missing git and credential prompts', () => {
    assert.equal(classifyCloneFailure('', Object.assign(new Error('spawn git ENOENT'), { code: 'ENOENT' })).kind, 'gitMissing');
    assert.equal(classifyCloneFailure("fatal: could not read Username for 'https://github.com': terminal prompts disabled").kind, 'authentication');
    assert.equal(classifyCloneFailure('fatal: unable to access \'https://x/\': Could not resolve host: x').kind, 'network');
    assert.deepEqual(classifyCloneFailure('something odd\nfatal: the end'), { kind: 'other', message: 'Git failed: the end' });
  });

  it('never takes an existing folder name', () => {
    const taken = new Set(['dinov3', 'dinov3-2']);
    assert.equal(freeFolderName('dinov3', (name) => taken.has(name)), 'dinov3-3');
    assert.equal(freeFolderName('limit', (name) => taken.has(name)), 'limit');
    assert.equal(freeFolderName('../evil name', () => false), '-evil-name');
  });
});
