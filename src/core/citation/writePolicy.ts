/**
 * Where a .bib path that a document or a setting names really points, and whether that is inside
 * the workspace folders. Paper Feed writes a .bib outside them only after asking (host/bibFiles.ts).
 *
 * A path is resolved as written (relative to `base`, `~` as the home folder, `..` and `.` folded),
 * then made canonical through the file system: the real path of its deepest existing part, so a
 * symlinked folder or file that points out of the workspace counts as outside, and a dangling
 * symlink counts where it points. Folders are compared the same way. Pure: the file system is passed in.
 */
import { readlink, realpath } from 'node:fs/promises';
import * as nodePath from 'node:path';

export type PathFlavor = 'posix' | 'win32';

/** What the policy reads of the file system; both answer undefined where there is nothing to read. */
export interface FileSystemView {
  /** The real path of an existing file or folder (every symlink followed). */
  realpath(path: string): Promise<string | undefined>;
  /** The target of a symlink, as stored in it. */
  readlink(path: string): Promise<string | undefined>;
}

/** The file system of this machine. */
export const nodeFileSystem: FileSystemView = {
  realpath: (path) => realpath(path).catch(() => undefined),
  readlink: (path) => readlink(path).catch(() => undefined),
};

export interface ResolveOptions {
  /** The absolute folder a relative path is relative to (the document's folder, the workspace folder). */
  readonly base: string;
  readonly home: string;
  readonly flavor: PathFlavor;
}

/** The absolute, normalised path that `written` names; undefined when it names no local file. */
export function resolveWrittenPath(written: string, options: ResolveOptions): string | undefined {
  const path = nodePath[options.flavor];
  const trimmed = written.trim();
  if (trimmed === '' || trimmed.includes('\0') || /^[a-z][a-z0-9+.-]+:\/\//i.test(trimmed)) {
    return undefined;
  }
  const home = options.flavor === 'win32' ? /^~(?=$|[\\/])/ : /^~(?=$|\/)/;
  const expanded = home.test(trimmed) ? path.join(options.home, trimmed.slice(1)) : trimmed;
  return path.resolve(options.base, expanded);
}

/** Whether `target` is `folder` or inside it; both absolute and in the same form (see canonicalPath). */
export function isInside(target: string, folder: string, flavor: PathFlavor): boolean {
  const path = nodePath[flavor];
  const relative = path.relative(folder, target); // case-insensitive for win32; absolute across drives
  return relative === '' || (!path.isAbsolute(relative) && relative !== '..' && !relative.startsWith(`..${path.sep}`));
}

const MAX_LINKS = 40;

/**
 * The canonical form of an absolute path: the real path of its deepest existing ancestor with the
 * rest appended; a dangling symlink is followed to where it points. Undefined for a symlink loop.
 */
export async function canonicalPath(target: string, fs: FileSystemView, flavor: PathFlavor, links = 0): Promise<string | undefined> {
  const path = nodePath[flavor];
  if (links > MAX_LINKS) {
    return undefined;
  }
  const real = await fs.realpath(target);
  if (real !== undefined) {
    return real;
  }
  const link = await fs.readlink(target);
  if (link !== undefined) {
    return canonicalPath(path.resolve(path.dirname(target), link), fs, flavor, links + 1);
  }
  const parent = path.dirname(target);
  if (parent === target) {
    return target;
  }
  const canonicalParent = await canonicalPath(parent, fs, flavor, links);
  return canonicalParent === undefined ? undefined : path.join(canonicalParent, path.basename(target));
}

export interface WriteCheck {
  /** Where a write would land (the canonical path), or the resolved path when that is unknowable. */
  readonly path: string;
  /** Whether that is inside one of the folders. */
  readonly inside: boolean;
}

/** Whether writing `target` (absolute) stays inside one of `folders` (absolute), symlinks followed. */
export async function checkWrite(target: string, folders: readonly string[], fs: FileSystemView, flavor: PathFlavor): Promise<WriteCheck> {
  const canonical = await canonicalPath(nodePath[flavor].normalize(target), fs, flavor);
  if (canonical === undefined) {
    return { path: target, inside: false };
  }
  for (const folder of folders) {
    const canonicalFolder = await canonicalPath(nodePath[flavor].normalize(folder), fs, flavor);
    if (canonicalFolder !== undefined && isInside(canonical, canonicalFolder, flavor)) {
      return { path: canonical, inside: true };
    }
  }
  return { path: canonical, inside: false };
}
