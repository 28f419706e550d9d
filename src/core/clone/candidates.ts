import type { Paper } from '../paper/model';
import { findTextUrls } from '../paper/textLinks';
import { type CloneTarget, checkRepoUrl } from './repoUrl';

export interface CloneCandidates {
  /** Repositories that may be cloned, the paper's code repository first, without duplicates. */
  readonly targets: readonly CloneTarget[];
  /** The paper's code repository when the policy refused it, and why. */
  readonly refused?: { readonly url: string; readonly reason: string };
}

/**
 * What a paper offers to clone: its code repository (`githubRepo`), and its project page when that
 * is itself a repository on a code host (GitHub, GitLab, Hugging Face, …). A project page that is an
 * ordinary web site is not a candidate and not an error.
 */
export function cloneCandidates(paper: Pick<Paper, 'githubRepo' | 'projectPage'>, extraHosts: readonly string[] = []): CloneCandidates {
  const targets: CloneTarget[] = [];
  let refused: CloneCandidates['refused'];
  const add = (target: CloneTarget): void => {
    if (!targets.some((known) => known.url.toLowerCase() === target.url.toLowerCase() && known.branch === target.branch)) {
      targets.push(target);
    }
  };
  if (paper.githubRepo) {
    const check = checkRepoUrl(paper.githubRepo, extraHosts);
    if (check.ok) {
      add(check.target);
    } else {
      refused = { url: paper.githubRepo, reason: check.reason };
    }
  }
  if (paper.projectPage) {
    const check = checkRepoUrl(paper.projectPage, extraHosts);
    if (check.ok) {
      add(check.target);
    }
  }
  return { targets, ...(refused ? { refused } : {}) };
}

/** A repository written in a paper's abstract: the URL as written there, and what git would clone. */
export interface AbstractRepo {
  readonly url: string;
  readonly target: CloneTarget;
}

/**
 * The repositories a paper's abstract links that Paper Feed would clone, other than its code
 * repository (which has its own Clone button), each once (the first URL written for it). Derived
 * from the paper itself, so that a URL from anywhere else (a panel's message) can be checked against it.
 */
export function abstractRepos(paper: Pick<Paper, 'abstract' | 'githubRepo'>, extraHosts: readonly string[] = []): AbstractRepo[] {
  const own = paper.githubRepo ? checkRepoUrl(paper.githubRepo, extraHosts) : undefined;
  const seen = new Set(own?.ok ? [own.target.url.toLowerCase()] : []);
  const repos: AbstractRepo[] = [];
  for (const { url } of findTextUrls(paper.abstract)) {
    const check = checkRepoUrl(url, extraHosts);
    if (check.ok && !seen.has(check.target.url.toLowerCase())) {
      seen.add(check.target.url.toLowerCase());
      repos.push({ url, target: check.target });
    }
  }
  return repos;
}
