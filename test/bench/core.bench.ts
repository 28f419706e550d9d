import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupByDate } from '../../src/core/view/groups';
import { normaliseDailyPapers } from '../../src/core/paper/normalise';
import { parseSampleFeed } from '../../src/core/paper/sample';
import { readCorpus } from '../support/corpus';
import { root } from '../support/paths';
import { type Bench, percentile, time } from './harness';

/** Normalising the whole real corpus, and reading the sample feed into date groups. */
export function benchCore(bench: Bench): void {
  const corpus = readCorpus();
  const items = corpus.reduce((sum, day) => sum + (day.response as unknown[]).length, 0);
  const distinct = new Set<string>();
  const normaliseAll = (): void => {
    for (const day of corpus) {
      for (const paper of normaliseDailyPapers(day.response, day.date).papers) {
        distinct.add(paper.id);
      }
    }
  };
  const runs = time(normaliseAll, 7, 2);
  const medianMs = percentile(runs, 50);
  bench.record('core.corpusPapers', distinct.size, 'papers', `distinct ids in ${corpus.length} daily_papers files (${items} items)`);
  bench.record('core.normalisePapersPerSec', Math.round(items / (medianMs / 1_000)), 'items/s', `whole corpus, median of ${runs.length} runs (${medianMs.toFixed(1)} ms), JSON already parsed`);

  const sampleText = readFileSync(join(root, 'media', 'sample-feed.json'), 'utf8');
  const sampleRuns = time(() => groupByDate(parseSampleFeed(JSON.parse(sampleText)), '2026-08-21'), 50, 5);
  bench.record('core.sampleToTreeMs', percentile(sampleRuns, 50), 'ms', 'sample feed: JSON.parse + validate + group by date, p50 of 50');

  const corpusPapers = corpus.flatMap((day) => normaliseDailyPapers(day.response, day.date).papers);
  const groupRuns = time(() => groupByDate(corpusPapers, '2026-08-21'), 10, 2);
  bench.record('core.groupCorpusMs', percentile(groupRuns, 50), 'ms', `group all ${corpusPapers.length} corpus papers by date, p50 of 10`);
}
