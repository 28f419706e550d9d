/** Hugging Face models, datasets and Spaces that cite a paper: `GET /api/arxiv/{id}/repos`. */
import { HUGGING_FACE_SITE } from '../net/hosts';
import { HF_REPO_ID } from '../net/repoNames';

export interface LinkedRepo {
  /** `owner/name` */
  readonly id: string;
  readonly kind: 'model' | 'dataset' | 'space';
  readonly likes?: number;
  readonly downloads?: number;
  readonly emoji?: string;
}

export interface LinkedRepos {
  readonly models: readonly LinkedRepo[];
  readonly datasets: readonly LinkedRepo[];
  readonly spaces: readonly LinkedRepo[];
}

const MAX_PER_KIND = 50;

/** Reads the response leniently: unusable entries are skipped, never trusted. */
export function parseLinkedRepos(json: unknown): LinkedRepos {
  const body = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const read = (value: unknown, kind: LinkedRepo['kind']): LinkedRepo[] => (Array.isArray(value) ? value : [])
    .map((entry: unknown): LinkedRepo | undefined => {
      const repo = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
      if (typeof repo.id !== 'string' || !HF_REPO_ID.test(repo.id)) {
        return undefined;
      }
      return {
        id: repo.id,
        kind,
        ...(isCount(repo.likes) ? { likes: repo.likes } : {}),
        ...(isCount(repo.downloads) ? { downloads: repo.downloads } : {}),
        ...(typeof repo.emoji === 'string' && [...repo.emoji].length <= 2 ? { emoji: repo.emoji } : {}),
      };
    })
    .filter((repo): repo is LinkedRepo => repo !== undefined)
    .slice(0, MAX_PER_KIND);
  return { models: read(body.models, 'model'), datasets: read(body.datasets, 'dataset'), spaces: read(body.spaces, 'space') };
}

/** The repository's page on Hugging Face. */
export function linkedRepoUrl(repo: LinkedRepo, base = HUGGING_FACE_SITE): string {
  const prefix = repo.kind === 'dataset' ? '/datasets' : repo.kind === 'space' ? '/spaces' : '';
  return `${base}${prefix}/${repo.id}`;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
