import type { Paper } from '../paper/model';
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
