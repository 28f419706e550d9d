/**
 * Which repository URLs Paper Feed will hand to git. Repository URLs come from untrusted feeds, so
 * only https to code hosts (or hosts the user adds), in a normalised form; this machine (plain http
 * allowed) only when listed among the hosts: the host adds it when Paper Feed's own endpoint is on this
 * machine (a local mirror or test server), so a feed from the internet never points git at a local
 * service; never credentials, other transports (ssh, ext::, file:), option-like values,
 * whitespace or control characters, and nothing a URL parser would normalise first (see rawUrl.ts).
 */

import { isLoopbackHost } from '../net/hosts';
import { githubShorthandUrl } from '../net/repoNames';
import { parseRawUrl, SEGMENT } from './rawUrl';

export const DEFAULT_CLONE_HOSTS = ['github.com', 'gitlab.com', 'huggingface.co', 'bitbucket.org', 'codeberg.org'];
/** This machine's names: cloned from only when listed among the allowed hosts. */

export interface CloneTarget {
  /** What git clones, e.g. `https://github.com/owner/repo.git`. */
  readonly url: string;
  /** For people: `github.com/owner/repo`. */
  readonly display: string;
  /** A folder name for the clone: the repository's name. */
  readonly name: string;
  /** A branch named in the URL (`/tree/<branch>`). */
  readonly branch?: string;
}

export type RepoCheck = { readonly ok: true; readonly target: CloneTarget } | { readonly ok: false; readonly reason: string };

/** First path segments that are site pages, not owners: `github.com/features/x`, `huggingface.co/papers/2401.1`. */
const RESERVED: Record<string, ReadonlySet<string>> = {
  'github.com': new Set(['about', 'apps', 'collections', 'enterprise', 'events', 'explore', 'features', 'login', 'marketplace', 'notifications', 'orgs', 'pricing', 'search', 'settings', 'sponsors', 'topics', 'trending', 'users']),
  'huggingface.co': new Set(['api', 'blog', 'chat', 'collections', 'docs', 'join', 'learn', 'login', 'models', 'organizations', 'papers', 'posts', 'pricing', 'settings', 'tasks']),
};

function reject(reason: string): RepoCheck {
  return { ok: false, reason };
}

/** Checks and normalises a repository reference: a URL, or GitHub's `owner/repo`. */
export function checkRepoUrl(value: unknown, extraHosts: readonly string[] = []): RepoCheck {
  if (typeof value !== 'string') {
    return reject('not text');
  }
  const text = value.trim();
  if (text.length === 0 || text.length > 500) {
    return reject('empty or too long');
  }
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\s\u0000-\u001F\u007F]/.test(text)) {
    return reject('it contains whitespace or control characters');
  }
  if (text.startsWith('-')) {
    return reject('it looks like a command-line option');
  }
  const shorthand = githubShorthandUrl(text);
  if (shorthand !== undefined) {
    return checkRepoUrl(shorthand, extraHosts);
  }
  if (/^[a-z][a-z0-9+.-]*::/i.test(text) || /^[^/:]+@[^/:]+:/.test(text)) {
    return reject('only https repositories are cloned (not ssh or git transports)');
  }
  // Decided on the text as received: a URL parser would first resolve `..`, `%2e`, `\`, look-alikes.
  const raw = parseRawUrl(text);
  if (!raw.ok) {
    return raw;
  }
  const { scheme, host, port } = raw.url;
  const extras = extraHosts.map((entry) => entry.trim().toLowerCase()).filter(Boolean);
  const loopback = isLoopbackHost(host);
  if (loopback && !extras.includes(host) && !extras.includes(`${host}:${port ?? ''}`)) {
    return reject(`${host} is this machine, and Paper Feed clones from it only when it is listed in paperFeed.clone.allowedHosts`);
  }
  if (scheme !== 'https' && !(scheme === 'http' && loopback)) {
    return reject(`${scheme} URLs are not cloned; only https`);
  }
  if (!loopback && port !== undefined && !extras.includes(`${host}:${port}`)) {
    return reject(`${host}:${port} is not a known code host (add it to paperFeed.clone.allowedHosts)`);
  }
  if (!loopback && port === undefined && !DEFAULT_CLONE_HOSTS.includes(host) && !extras.includes(host)) {
    return reject(`${host} is not a known code host (add it to paperFeed.clone.allowedHosts)`);
  }
  let segments = [...raw.url.segments];
  if (RESERVED[host]?.has((segments[0] ?? '').toLowerCase())) {
    return reject(`${host}/${segments[0] ?? ''} is a page of the site, not a repository`);
  }
  let branch: string | undefined;
  const tree = segments.findIndex((segment, index) => segment === 'tree' && index >= 2);
  if (tree >= 0) {
    branch = segments[tree + 1];
    segments = segments.slice(0, segments[tree - 1] === '-' ? tree - 1 : tree);
  }
  let repoSegments: string[];
  if (host === 'huggingface.co') {
    const kind = segments[0] === 'spaces' || segments[0] === 'datasets' ? [segments[0]] : [];
    repoSegments = [...kind, ...segments.slice(kind.length, kind.length + 2)];
    if (repoSegments.length !== kind.length + 2) {
      return reject('not a Hugging Face repository');
    }
  } else if (host === 'gitlab.com' || loopback || !DEFAULT_CLONE_HOSTS.includes(host)) {
    repoSegments = segments; // GitLab groups nest; local and added hosts are taken as they are
    if (repoSegments.length < 1) {
      return reject('no repository in the URL');
    }
  } else {
    repoSegments = segments.slice(0, 2);
    if (repoSegments.length !== 2) {
      return reject('no owner/repository in the URL');
    }
  }
  const last = (repoSegments[repoSegments.length - 1] ?? '').replace(/\.git$/, '');
  repoSegments[repoSegments.length - 1] = last;
  if (!last || last.startsWith('.')) {
    return reject('no repository name');
  }
  const path = repoSegments.join('/');
  const authority = port === undefined ? host : `${host}:${port}`;
  const suffix = host === 'huggingface.co' ? '' : '.git';
  return {
    ok: true,
    target: {
      url: `${scheme}://${authority}/${path}${suffix}`,
      display: `${authority}/${path}`,
      name: last,
      ...(branch && SEGMENT.test(branch) && !branch.startsWith('-') ? { branch } : {}),
    },
  };
}

export interface CloneOptions {
  readonly shallow: boolean;
  readonly submodules: boolean;
}

/**
 * git's arguments: transports limited to https (http only for this machine), no submodules unless
 * asked, shallow when asked, progress on stderr, `--` before the URL and the folder.
 */
export function gitCloneArgs(target: CloneTarget, destination: string, options: CloneOptions): string[] {
  const loopback = target.url.startsWith('http://');
  return [
    '-c', 'protocol.allow=never',
    '-c', 'protocol.https.allow=always',
    ...(loopback ? ['-c', 'protocol.http.allow=always'] : []),
    'clone', '--progress',
    ...(options.shallow ? ['--depth', '1'] : []),
    ...(options.submodules ? ['--recurse-submodules', ...(options.shallow ? ['--shallow-submodules'] : [])] : ['--no-recurse-submodules']),
    ...(target.branch ? ['--branch', target.branch] : []),
    '--', target.url, destination,
  ];
}

/** Where each phase of a clone sits in the whole, so that one bar moves forward through all of them. */
const PHASES: Record<string, readonly [number, number]> = {
  'Counting objects': [0, 2], 'Compressing objects': [2, 5], 'Enumerating objects': [0, 2],
  'Receiving objects': [5, 85], 'Resolving deltas': [85, 95], 'Updating files': [95, 100], 'Filtering content': [95, 100],
};

/** The clone's overall progress (0–100) at `percent` of `phase`; undefined for phases it does not know. */
export function overallProgress(phase: string, percent: number): number | undefined {
  const span = PHASES[phase];
  return span ? span[0] + ((span[1] - span[0]) * Math.max(0, Math.min(100, percent))) / 100 : undefined;
}

/** Reads git's progress lines ("Receiving objects:  45% (…)") into a phase and a percentage. */
export function parseGitProgress(line: string): { readonly phase: string; readonly percent: number } | undefined {
  const match = /^(?:remote: )?([A-Za-z ]+):\s+(\d{1,3})%/.exec(line.trim());
  return match ? { phase: (match[1] ?? '').trim(), percent: Math.min(100, Number(match[2])) } : undefined;
}
