/**
 * Where a .bib path that a document or a setting names really points, and whether that is inside
 * the workspace folders. Paper Feed writes a .bib outside them only after asking (host/bibFiles.ts).
 *
 * A path is resolved as written (relative to `base`, `~` as the home folder, `..` and `.` folded),
 * then made canonical through the file system: the real path of its deepest existing part, so a
 * symlinked folder or file that points out of the workspace counts as outside, and a dangling
 * symlink counts where it points. Folders are compared the same way. Pure: the file system is passed in.
 *
 * The file system is read only where that is safe (decideWrite): a path the document names outside the
 * workspace is asked about as written before anything touches it, and a network share or device path
 * (which Windows would open, or connect to, on a mere read) is refused outright.
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

/**
 * A path that is no file on a local disk, on Windows: a network share (`\\server\share\…`,
 * `//server/share/…`), a device namespace path (`\\?\…`, `\\.\…`) or a DOS device name
 * (`nul.bib`, `COM1.bib`: the device, whatever the extension). Reading one connects to a server or
 * opens a device; none is ever a sensible bibliography for a paper.
 */
export function isNetworkOrDevicePath(target: string, flavor: PathFlavor): boolean {
  return flavor === 'win32' && (/^[\\/]{2}/.test(target) || isDosDevice(target, flavor));
}

function isDosDevice(target: string, flavor: PathFlavor): boolean {
  const name = (nodePath.win32.basename(target).split(/[.:]/)[0] ?? '').trimEnd(); // `nul:`, `com1:.bib` too
  return flavor === 'win32' && /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i.test(name);
}

/** The user's answer about a file outside the workspace: add the entry to it, or copy the entry instead. */
export type OutsideChoice = 'add' | 'copy';

export type WriteDecision =
  /** Write the file at `path` (canonical): inside the workspace, or outside with the user's consent. */
  | { readonly action: 'write'; readonly path: string }
  /** Leave the file alone; the user takes the entry from the clipboard. */
  | { readonly action: 'copy'; readonly path: string }
  /** A network share or device path: never read, never written. */
  | { readonly action: 'refuse'; readonly path: string }
  /** The user cancelled. */
  | { readonly action: 'cancel' };

/**
 * Whether and where to write `target` (absolute), asking through `ask` about a file outside `folders`.
 * A path outside them as written is asked about before the file system is touched at all (reading
 * it could connect to a server, or block on a pipe); only then is it made canonical, and asked
 * about again if a symlink takes it elsewhere. A path inside them as written is made canonical first,
 * and asked about if a symlink takes it out. Network shares and device paths are refused, unread.
 */
export async function decideWrite(target: string, folders: readonly string[], fs: FileSystemView, flavor: PathFlavor,
  ask: (path: string) => PromiseLike<OutsideChoice | undefined>): Promise<WriteDecision> {
  const path = nodePath[flavor];
  const written = path.normalize(target);
  const answer = (choice: OutsideChoice | undefined, at: string): WriteDecision =>
    (choice === 'add' ? { action: 'write', path: at } : choice === 'copy' ? { action: 'copy', path: at } : { action: 'cancel' });
  const writtenInside = folders.some((folder) => isInside(written, path.normalize(folder), flavor));
  // A workspace on a network share may hold its .bib there too; a device is never a file to write.
  if (isDosDevice(written, flavor) || (!writtenInside && isNetworkOrDevicePath(written, flavor))) {
    return { action: 'refuse', path: written };
  }
  if (!writtenInside) {
    const choice = await ask(written);
    if (choice !== 'add') {
      return answer(choice, written);
    }
  }
  const check = await checkWrite(written, folders, fs, flavor);
  if (check.inside || (!writtenInside && path.relative(written, check.path) === '')) {
    return { action: 'write', path: check.path };
  }
  if (isNetworkOrDevicePath(check.path, flavor)) {
    return { action: 'refuse', path: check.path };
  }
  return answer(await ask(check.path), check.path);
}
