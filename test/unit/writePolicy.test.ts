import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix as posixPath } from 'node:path';
import { canonicalPath, checkWrite, type FileSystemView, isInside, nodeFileSystem, resolveWrittenPath } from '../../src/core/citation/writePolicy';

/**
 * A POSIX file system in memory: folders, files and symlinks (by absolute path), with the
 * realpath and readlink that the operating system would give.
 */
function fakeFs(entries: Record<string, 'dir' | 'file' | { link: string }>): FileSystemView {
  const posix = posixPath.join;
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
