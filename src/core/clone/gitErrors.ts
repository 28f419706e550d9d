/** What went wrong in a `git clone`, from git's exit and its stderr, in words for the user. */

export type CloneFailureKind = 'gitMissing' | 'authentication' | 'notFound' | 'network' | 'transport' | 'exists' | 'cancelled' | 'other';

export interface CloneFailure {
  readonly kind: CloneFailureKind;
  readonly message: string;
}

/**
 * Classifies a failed clone. `spawnError` is the error from starting git (ENOENT: git is not
 * installed); `stderr` is what git printed.
 */
export function classifyCloneFailure(stderr: string, spawnError?: NodeJS.ErrnoException): CloneFailure {
  if (spawnError?.code === 'ENOENT') {
    return { kind: 'gitMissing', message: 'Git was not found. Install Git, or set git.path to its location.' };
  }
  const text = stderr.toLowerCase();
  if (/terminal prompts disabled|could not read username|authentication failed|authentication required|http basic: access denied|\b401\b|\b403\b/.test(text)) {
    return { kind: 'authentication', message: 'The repository asks for credentials: it is private or gone. Paper Feed clones public repositories only.' };
  }
  if (/repository not found|not found|\b404\b|does not appear to be a git repository/.test(text)) {
    return { kind: 'notFound', message: 'The repository was not found: it may have moved, been renamed or deleted.' };
  }
  if (/transport '.*' not allowed|unsupported protocol/.test(text)) {
    return { kind: 'transport', message: 'Git refused the repository\'s transport: only https is allowed.' };
  }
  if (/already exists and is not an empty directory/.test(text)) {
    return { kind: 'exists', message: 'The destination folder already exists.' };
  }
  if (/could not resolve host|failed to connect|connection refused|connection timed out|network is unreachable|ssl|tls|early eof|the remote end hung up|rpc failed/.test(text)) {
    return { kind: 'network', message: 'The repository could not be reached: check the network or the proxy settings.' };
  }
  const last = stderr.split(/[\r\n]+/).map((line) => line.trim()).filter(Boolean).pop() ?? 'git failed';
  return { kind: 'other', message: `Git failed: ${last.replace(/^fatal:\s*/, '')}` };
}

/**
 * A folder name for a clone that does not take an existing one: `name`, else `name-2`, `name-3`, …
 * `exists` says whether a name is taken.
 */
export function freeFolderName(name: string, exists: (candidate: string) => boolean): string {
  const base = name.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^\.+/, '') || 'repository';
  if (!exists(base)) {
    return base;
  }
  for (let suffix = 2; suffix < 1_000; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!exists(candidate)) {
      return candidate;
    }
  }
  return `${base}-${Date.now()}`;
}
