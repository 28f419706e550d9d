import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGroups } from '../../src/core/view/groups';
import type { Paper } from '../../src/core/paper/model';
import { classifyPaper, compileTaxonomy, type PaperTopics, topicLabel } from '../../src/core/topics/classify';
import { corpusPapers } from '../support/corpus';
import { root } from '../support/paths';
import { type Bench, percentile, time } from './harness';

function agreement(name: string, classify: (paper: Paper) => PaperTopics, papers: Map<string, Paper>): { agree: number; total: number } {
  const set = JSON.parse(readFileSync(join(root, 'test', 'fixtures', name), 'utf8')) as { papers: { id: string; topic: string }[] };
  const agree = set.papers.filter((entry) => {
    const paper = papers.get(entry.id);
    return paper !== undefined && classify(paper).primary === entry.topic;
  }).length;
  return { agree, total: set.papers.length };
}

/** The Papers tree over the whole corpus: classifying it, and building the grouped model. */
export function benchTree(bench: Bench): void {
  const papers = corpusPapers();
  const list = [...papers.values()];
  const taxonomy = compileTaxonomy();
  let topics = new Map<string, PaperTopics>();
  const topicRuns = time(() => {
    topics = new Map(list.map((paper) => [paper.id, classifyPaper(taxonomy, paper)]));
  }, 3, 1);
  const topicOf = (paper: Paper): string => topics.get(paper.id)?.primary ?? 'other';
  const groupRuns = time(() => buildGroups(list, {
    grouping: 'date-topic', sortBy: 'upvotes', today: '2026-08-21', topicOf, topicLabel: (id) => topicLabel(taxonomy, id),
  }), 15, 3);
  const other = list.filter((paper) => topicOf(paper) === 'other').length;
  const labeled = agreement('topics-labeled.json', (paper) => classifyPaper(taxonomy, paper), papers);
  const holdout = agreement('topics-holdout.json', (paper) => classifyPaper(taxonomy, paper), papers);

  bench.record('tree.groupMs', percentile(groupRuns, 50), 'ms', `date→topic model of all ${list.length} corpus papers (topics known), p50 of 15; target ≤ 30`);
  bench.record('tree.topicsMs', percentile(topicRuns, 50), 'ms', `classify all ${list.length} corpus papers, p50 of 3 (the view classifies only what it shows, once)`);
  bench.record('tree.otherShare', other / list.length, 'share', `${other} of ${list.length} corpus papers in Other; target ≤ 0.10`);
  bench.record('tree.labeledAgreement', labeled.agree / labeled.total, 'share', `primary topic = label for ${labeled.agree} of ${labeled.total} hand-labeled papers; target ≥ 0.80`);
  bench.record('tree.holdoutAgreement', holdout.agree / holdout.total, 'share', `${holdout.agree} of ${holdout.total} hand-labeled holdout papers the terms were not tuned on`);
}
