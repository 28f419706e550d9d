import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from './paths';
import type { Paper } from '../../src/core/paper/model';
import { normaliseDailyPapers } from '../../src/core/paper/normalise';

export interface CorpusDay {
  /** The `date=` the response was saved for (the file name). */
  readonly date: string;
  readonly response: unknown;
}

/** Every saved `daily_papers` response in ../shared/corpus/hf-daily, oldest first. */
export function readCorpus(): CorpusDay[] {
  const folder = sharedPath('corpus', 'hf-daily');
  return readdirSync(folder)
    .filter((name) => /^\d{4}-\d{2}-\d{2}\.json$/.test(name))
    .sort()
    .map((name) => ({ date: name.slice(0, 10), response: JSON.parse(readFileSync(join(folder, name), 'utf8')) as unknown }));
}

let papersCache: Map<string, Paper> | undefined;

/** Every distinct corpus paper by id (the first time it was featured), normalised; read once per process. */
export function corpusPapers(): Map<string, Paper> {
  if (!papersCache) {
    papersCache = new Map();
    for (const day of readCorpus()) {
      for (const paper of normaliseDailyPapers(day.response, day.date).papers) {
        if (!papersCache.has(paper.id)) {
          papersCache.set(paper.id, paper);
        }
      }
    }
  }
  return papersCache;
}
