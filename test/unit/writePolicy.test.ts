import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix as posixPath } from 'node:path';
import {
  canonicalPath, checkWrite, decideWrite, type FileSystemView, isInside, isNetworkOrDevicePath, nodeFileSystem, type OutsideChoice, type PathFlavor, resolveWrittenPath,
} from '../../src/core/citation/writePolicy';

/**
 * A POSIX file system in memory: folders, files and symlinks (by absolute path), with the
 * realpath and readlink that the operating system would give.
 */
function fakeFs(entries: Record<string, 'dir' | 'file' | { link: string }>): FileSystemView {
  const posix = (...parts: string[]): string => posixPath.join(...parts);
  const resolve = (path: string, hops = 0): string | undefined => {
    if (hops > 40) {
      return undefined; // ELOOP
    }
    let real = '/';
    for (const part of path.split('/').filter(Boolean)) {
      const next = posix(real, part);
      const entry = entries[next];
      if (entry === undefined) {
        return undefined; // ENOENT
      }
      if (typeof entry === 'object') {
        const target = resolve(entry.link.startsWith('/') ? entry.link : posix(real, entry.link), hops + 1);
        if (target === undefined) {
          return undefined;
        }
        real = target;
      } else {
        real = next;
      }
    }
    return real;
  };
  return {
    realpath: async (path) => resolve(path),
    readlink: async (path) => {
      const parent = resolve(path.slice(0, path.lastIndexOf('/')) || '/');
      const entry = parent === undefined ? undefined : entries[posix(parent, path.slice(path.lastIndexOf('/') + 1))];
      return typeof entry === 'object' ? entry.link : undefined;
    },
  };
}

describe('writing outside the workspace: where a path points', () => {
  const posix = { base: '/home/u/ws/chapters', home: '/home/u', flavor: 'posix' } as const;
  const win = { base: 'C:\\Users\\u\\ws', home: 'C:\\Users\\u', flavor: 'win32' } as const;

  it('resolves relative, .., absolute and ~ paths; refuses URLs and empty names', () => {
    assert.equal(resolveWrittenPath('refs.bib', posix), '/home/u/ws/chapters/refs.bib');
    assert.equal(resolveWrittenPath('./bib/../refs.bib', posix), '/home/u/ws/chapters/refs.bib');
    assert.equal(resolveWrittenPath('../refs.bib', posix), '/home/u/ws/refs.bib');
    assert.equal(resolveWrittenPath('foo/../../../x.bib', posix), '/home/u/x.bib');
    assert.equal(resolveWrittenPath('../../../../../../../../etc/x.bib', posix), '/etc/x.bib');
    assert.equal(resolveWrittenPath('/etc/x.bib', posix), '/etc/x.bib');
    assert.equal(resolveWrittenPath('~/refs.bib', posix), '/home/u/refs.bib');
    assert.equal(resolveWrittenPath('~other/refs.bib', posix), '/home/u/ws/chapters/~other/refs.bib', 'only ~ alone is home');
    assert.equal(resolveWrittenPath('  refs.bib ', posix), '/home/u/ws/chapters/refs.bib');
    assert.equal(resolveWrittenPath('', posix), undefined);
    assert.equal(resolveWrittenPath('https://example.com/refs.bib', posix), undefined);
    assert.equal(resolveWrittenPath('refs\0.bib', posix), undefined);
    assert.equal(resolveWrittenPath('D:\\refs.bib', win), 'D:\\refs.bib');
    assert.equal(resolveWrittenPath('..\\..\\refs.bib', win), 'C:\\Users\\refs.bib');
    assert.equal(resolveWrittenPath('~\\refs.bib', win), 'C:\\Users\\u\\refs.bib');
    assert.equal(resolveWrittenPath('\\\\server\\share\\refs.bib', win), '\\\\server\\share\\refs.bib');
  });

  it('is inside a folder only below it: not beside it, above it, or on another drive', () => {
    assert.equal(isInside('/home/u/ws/refs.bib', '/home/u/ws', 'posix'), true);
    assert.equal(isInside('/home/u/ws/a/b/refs.bib', '/home/u/ws', 'posix'), true);
    assert.equal(isInside('/home/u/ws/..refs.bib', '/home/u/ws', 'posix'), true, 'a name starting with .. is inside');
    assert.equal(isInside('/home/u/ws', '/home/u/ws', 'posix'), true);
    assert.equal(isInside('/home/u/refs.bib', '/home/u/ws', 'posix'), false);
    assert.equal(isInside('/home/u/ws-other/refs.bib', '/home/u/ws', 'posix'), false, 'a sibling with the same prefix');
    assert.equal(isInside('/', '/home/u/ws', 'posix'), false);
    assert.equal(isInside('/home/u/WS/refs.bib', '/home/u/ws', 'posix'), false, 'POSIX is case-sensitive');
    assert.equal(isInside('c:\\users\\u\\ws\\refs.bib', 'C:\\Users\\u\\ws', 'win32'), true, 'Windows is not');
    assert.equal(isInside('D:\\Users\\u\\ws\\refs.bib', 'C:\\Users\\u\\ws', 'win32'), false, 'another drive');
    assert.equal(isInside('\\\\server\\share\\refs.bib', 'C:\\Users\\u\\ws', 'win32'), false, 'a network share');
  });

  const fs = fakeFs({
    '/home': 'dir', '/home/u': 'dir', '/home/u/ws': 'dir', '/home/u/ws/chapters': 'dir', '/home/u/ws/refs.bib': 'file',
    '/home/u/ws/out': { link: '/home/u/elsewhere' }, '/home/u/elsewhere': 'dir',
    '/home/u/ws/inner': { link: 'chapters' },
    '/home/u/ws/escape.bib': { link: '../private.bib' }, '/home/u/private.bib': 'file',
    '/home/u/ws/dangling.bib': { link: '/home/u/new/created.bib' },
    '/home/u/ws/loop': { link: 'loop2' }, '/home/u/ws/loop2': { link: 'loop' },
    '/data': { link: '/home/u' },
  });

  it('follows symlinks of the existing part, and a dangling symlink to where it points', async () => {
    assert.equal(await canonicalPath('/home/u/ws/refs.bib', fs, 'posix'), '/home/u/ws/refs.bib');
    assert.equal(await canonicalPath('/home/u/ws/new/deeper/refs.bib', fs, 'posix'), '/home/u/ws/new/deeper/refs.bib');
    assert.equal(await canonicalPath('/home/u/ws/out/refs.bib', fs, 'posix'), '/home/u/elsewhere/refs.bib');
    assert.equal(await canonicalPath('/home/u/ws/out/new/refs.bib', fs, 'posix'), '/home/u/elsewhere/new/refs.bib');
    assert.equal(await canonicalPath('/home/u/ws/inner/refs.bib', fs, 'posix'), '/home/u/ws/chapters/refs.bib');
    assert.equal(await canonicalPath('/home/u/ws/escape.bib', fs, 'posix'), '/home/u/private.bib');
    assert.equal(await canonicalPath('/home/u/ws/dangling.bib', fs, 'posix'), '/home/u/new/created.bib');
    assert.equal(await canonicalPath('/home/u/ws/loop/refs.bib', fs, 'posix'), undefined);
  });

  it('checks a write against every workspace folder, both made canonical', async () => {
    const folders = ['/home/u/ws'];
    assert.deepEqual(await checkWrite('/home/u/ws/refs.bib', folders, fs, 'posix'), { path: '/home/u/ws/refs.bib', inside: true });
    assert.deepEqual(await checkWrite('/home/u/ws/inner/new.bib', folders, fs, 'posix'), { path: '/home/u/ws/chapters/new.bib', inside: true });
    assert.deepEqual(await checkWrite('/home/u/refs.bib', folders, fs, 'posix'), { path: '/home/u/refs.bib', inside: false });
    assert.deepEqual(await checkWrite('/home/u/ws/out/refs.bib', folders, fs, 'posix'), { path: '/home/u/elsewhere/refs.bib', inside: false }, 'a symlinked folder pointing out');
    assert.deepEqual(await checkWrite('/home/u/ws/escape.bib', folders, fs, 'posix'), { path: '/home/u/private.bib', inside: false }, 'a symlinked .bib pointing out');
    assert.deepEqual(await checkWrite('/home/u/ws/dangling.bib', folders, fs, 'posix'), { path: '/home/u/new/created.bib', inside: false }, 'a dangling symlink');
    assert.deepEqual(await checkWrite('/home/u/ws/loop/x.bib', folders, fs, 'posix'), { path: '/home/u/ws/loop/x.bib', inside: false }, 'a loop is never inside');
    assert.deepEqual(await checkWrite('/data/ws/refs.bib', folders, fs, 'posix'), { path: '/home/u/ws/refs.bib', inside: true }, 'the same file by a symlinked path');
    assert.deepEqual(await checkWrite('/home/u/ws/refs.bib', ['/data/ws'], fs, 'posix'), { path: '/home/u/ws/refs.bib', inside: true }, 'a folder opened by a symlinked path');
    assert.deepEqual(await checkWrite('/home/u/elsewhere/x.bib', ['/home/u/ws', '/home/u/elsewhere'], fs, 'posix'), { path: '/home/u/elsewhere/x.bib', inside: true }, 'multi-root');
    assert.equal((await checkWrite('/home/u/x.bib', [], fs, 'posix')).inside, false, 'no folders: nothing is inside');
  });

  it('reads the real file system the same way', async () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'paper-feed-policy-')));
    try {
      mkdirSync(join(root, 'ws'));
      mkdirSync(join(root, 'outside'));
      writeFileSync(join(root, 'ws', 'refs.bib'), '');
      symlinkSync(join(root, 'outside'), join(root, 'ws', 'linked'));
      symlinkSync(join(root, 'outside', 'not-yet.bib'), join(root, 'ws', 'dangling.bib'));
      const ws = [join(root, 'ws')];
      const flavor = process.platform === 'win32' ? 'win32' : 'posix';
      assert.equal((await checkWrite(join(root, 'ws', 'refs.bib'), ws, nodeFileSystem, flavor)).inside, true);
      assert.equal((await checkWrite(join(root, 'ws', 'new', 'x.bib'), ws, nodeFileSystem, flavor)).inside, true);
      assert.deepEqual(await checkWrite(join(root, 'ws', 'linked', 'x.bib'), ws, nodeFileSystem, flavor), { path: join(root, 'outside', 'x.bib'), inside: false });
      assert.deepEqual(await checkWrite(join(root, 'ws', 'dangling.bib'), ws, nodeFileSystem, flavor), { path: join(root, 'outside', 'not-yet.bib'), inside: false });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/** A file system that records every call, over `inner` (by default: everything exists, as written). */
function recording(inner: FileSystemView = { realpath: async (path) => path, readlink: async () => undefined }): { fs: FileSystemView; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fs: {
      realpath: (path) => { calls.push(`realpath ${path}`); return inner.realpath(path); },
      readlink: (path) => { calls.push(`readlink ${path}`); return inner.readlink(path); },
    },
  };
}

/** decideWrite with `answers` given in turn, recording what was asked and how many file system calls came before each question. */
async function decide(target: string, folders: string[], flavor: PathFlavor, answers: (OutsideChoice | undefined)[], inner?: FileSystemView) {
  const { fs, calls } = recording(inner);
  const asked: { path: string; callsBefore: number }[] = [];
  const decision = await decideWrite(target, folders, fs, flavor, async (path) => {
    asked.push({ path, callsBefore: calls.length });
    return answers[asked.length - 1];
  });
  return { decision, asked, calls };
}

describe('writing outside the workspace: asking before touching the file', () => {
  it('refuses a network share or device path on Windows without a question or a file system call', async () => {
    const ws = ['C:\\Users\\u\\ws'];
    for (const path of ['\\\\attacker\\share\\x.bib', '//attacker/share/x.bib', '\\\\?\\C:\\x.bib', '\\\\.\\pipe\\x.bib', '\\\\?\\UNC\\host\\share\\x.bib']) {
      const { decision, asked, calls } = await decide(path, ws, 'win32', ['add', 'add']);
      assert.equal(decision.action, 'refuse', path);
      assert.deepEqual(asked, [], path);
      assert.deepEqual(calls, [], path);
    }
    for (const name of ['nul.bib', 'COM1.bib', 'con.refs.bib', 'LPT9 .bib', 'aux.bib', 'nul:', 'com1:.bib', 'NUL:refs.bib']) {
      const { decision, calls } = await decide(`C:\\Users\\u\\ws\\${name}`, ws, 'win32', ['add']);
      assert.equal(decision.action, 'refuse', `${name}: a device, even inside the workspace`);
      assert.deepEqual(calls, [], name);
    }
  });

  it('a workspace on a network share may keep its .bib there', async () => {
    const { decision, asked } = await decide('\\\\server\\share\\ws\\refs.bib', ['\\\\server\\share\\ws'], 'win32', []);
    assert.deepEqual(decision, { action: 'write', path: '\\\\server\\share\\ws\\refs.bib' });
    assert.deepEqual(asked, []);
  });

  it('asks about a path outside the workspace as written, before any file system call; only consent reads it', async () => {
    const ws = ['/home/u/ws'];
    for (const [answer, action] of [['copy', 'copy'], [undefined, 'cancel']] as const) {
      const { decision, asked, calls } = await decide('/home/u/ws/chapters/../../private.bib', ws, 'posix', [answer]);
      assert.deepEqual(asked, [{ path: '/home/u/private.bib', callsBefore: 0 }]);
      assert.equal(decision.action, action);
      assert.deepEqual(calls, [], 'declined: never touched');
    }
    const { decision, asked, calls } = await decide('/home/u/private.bib', ws, 'posix', ['add']);
    assert.deepEqual(asked, [{ path: '/home/u/private.bib', callsBefore: 0 }]);
    assert.deepEqual(decision, { action: 'write', path: '/home/u/private.bib' });
    assert.ok(calls.length > 0, 'made canonical after the consent');
  });

  it('a path outside as written that a symlink takes elsewhere is asked about again, by where it points', async () => {
    const fs = fakeFs({ '/home': 'dir', '/home/u': 'dir', '/home/u/ws': 'dir', '/tmp': 'dir', '/tmp/x.bib': { link: '/home/u/.bashrc' }, '/home/u/.bashrc': 'file' });
    const added = await decide('/tmp/x.bib', ['/home/u/ws'], 'posix', ['add', 'add'], fs);
    assert.deepEqual(added.asked.map((question) => question.path), ['/tmp/x.bib', '/home/u/.bashrc']);
    assert.equal(added.asked[0]?.callsBefore, 0);
    assert.deepEqual(added.decision, { action: 'write', path: '/home/u/.bashrc' });
    const declined = await decide('/tmp/x.bib', ['/home/u/ws'], 'posix', ['add', 'copy'], fs);
    assert.deepEqual(declined.decision, { action: 'copy', path: '/home/u/.bashrc' });
  });

  it('a path inside the workspace as written is made canonical first, and asked about only if it leads out', async () => {
    const fs = fakeFs({ '/home': 'dir', '/home/u': 'dir', '/home/u/ws': 'dir', '/home/u/ws/refs.bib': 'file', '/home/u/ws/escape.bib': { link: '../private.bib' }, '/home/u/private.bib': 'file' });
    const inside = await decide('/home/u/ws/refs.bib', ['/home/u/ws'], 'posix', [], fs);
    assert.deepEqual(inside.decision, { action: 'write', path: '/home/u/ws/refs.bib' });
    assert.deepEqual(inside.asked, []);
    const escaping = await decide('/home/u/ws/escape.bib', ['/home/u/ws'], 'posix', ['copy'], fs);
    assert.deepEqual(escaping.asked.map((question) => question.path), ['/home/u/private.bib']);
    assert.deepEqual(escaping.decision, { action: 'copy', path: '/home/u/private.bib' });
  });

  it('names network shares and devices only on Windows', () => {
    assert.equal(isNetworkOrDevicePath('\\\\host\\share\\x.bib', 'win32'), true);
    assert.equal(isNetworkOrDevicePath('C:\\ws\\refs.bib', 'win32'), false);
    assert.equal(isNetworkOrDevicePath('C:\\ws\\console.bib', 'win32'), false, 'only the exact device names');
    assert.equal(isNetworkOrDevicePath('//host/share/x.bib', 'posix'), false, 'on POSIX, // is the root');
    assert.equal(isNetworkOrDevicePath('/home/u/nul.bib', 'posix'), false);
  });
});
