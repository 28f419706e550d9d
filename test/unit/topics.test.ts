import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGroups, type Group, sortPapers } from '../../src/core/view/groups';
import type { Paper } from '../../src/core/paper/model';
import { classifyPaper, compileTaxonomy, foldWord, topicLabel } from '../../src/core/topics/classify';
import { BUILT_IN_TOPICS } from '../../src/core/topics/taxonomy';
import { corpusPapers } from '../support/corpus';
import { root } from '../support/paths';

interface LabeledSet { readonly seed: number; readonly taxonomy: readonly string[]; readonly papers: readonly { id: string; topic: string }[] }

function labeled(name: string): LabeledSet {
  return JSON.parse(readFileSync(join(root, 'test', 'fixtures', name), 'utf8')) as LabeledSet;
}

function paper(id: string, title: string, extra: Partial<Paper> = {}): Paper {
  return { id, title, authors: [{ name: 'A' }], abstract: '', ...extra };
}

describe('topics', () => {
  const taxonomy = compileTaxonomy();

  it('has 15 topics plus Other, with unique ids and labels', () => {
    assert.equal(BUILT_IN_TOPICS.length, 15);
    assert.equal(new Set(BUILT_IN_TOPICS.map((topic) => topic.id)).size, 15);
    assert.equal(new Set(BUILT_IN_TOPICS.map((topic) => topic.label)).size, 15);
    assert.equal(topicLabel(taxonomy, 'other'), 'Other');
  });

  it('folds plurals', () => {
    assert.deepEqual(['agents', 'policies', 'robots', 'process', 'analysis', 'corpus', 'gas'].map(foldWord), ['agent', 'policy', 'robot', 'process', 'analysis', 'corpus', 'gas']);
  });

  it('classifies by what a paper is about, deterministically', () => {
    const robot = paper('1', 'Dexterous Robotic Grasping with Vision-Language-Action Models', { abstract: 'We train a robot policy.' });
    assert.equal(classifyPaper(taxonomy, robot).primary, 'robotics');
    assert.deepEqual(classifyPaper(taxonomy, robot), classifyPaper(taxonomy, robot));
    assert.equal(classifyPaper(taxonomy, paper('2', 'Gaussian Splatting for Novel View Synthesis')).primary, '3d');
    assert.equal(classifyPaper(taxonomy, paper('3', 'Jailbreaking Aligned Models', { aiKeywords: ['jailbreak', 'red-teaming'] })).primary, 'safety');
    assert.equal(classifyPaper(taxonomy, paper('4', 'A Study', { primaryCategory: 'cs.SD' })).primary, 'audio', 'the arXiv category counts');
    assert.deepEqual(classifyPaper(taxonomy, paper('5', 'On Nothing in Particular')), { primary: 'other', tags: [] });
  });

  it('gives secondary tags for papers that span topics', () => {
    const topics = classifyPaper(taxonomy, paper('6', 'Quantized Speech Recognition on Device', { aiKeywords: ['quantization', 'speech recognition', 'on-device'] }));
    assert.ok(['audio', 'efficiency'].includes(topics.primary));
    assert.ok(topics.tags.includes(topics.primary === 'audio' ? 'efficiency' : 'audio'), JSON.stringify(topics));
  });

  it('lets the user add topics and override built-in ones (paperFeed.topics)', () => {
    const custom = compileTaxonomy({ 'Protein Folding': ['alphafold', 'protein structure'], Agents: ['swarm'], other: ['ignored'], '': ['x'] });
    const folding = classifyPaper(custom, paper('7', 'AlphaFold for Protein Structure, with LLM Reasoning'));
    assert.equal(folding.primary, 'user:Protein Folding');
    assert.equal(topicLabel(custom, 'user:Protein Folding'), 'Protein Folding');
    assert.equal(classifyPaper(custom, paper('8', 'Swarm Intelligence')).primary, 'agents');
    assert.notEqual(classifyPaper(custom, paper('9', 'Web Agents with Tool Use')).primary, 'agents', 'the override replaces the built-in terms');
    assert.equal(custom.topics.length, 16);
  });

  it('agrees with the hand-labeled set (≥ 0.80) and leaves at most 10% of the corpus in Other', () => {
    const papers = corpusPapers();
    const set = labeled('topics-labeled.json');
    assert.ok(set.papers.length >= 60);
    const known = new Set([...BUILT_IN_TOPICS.map((topic) => topic.id), 'other']);
    assert.deepEqual(set.papers.filter((entry) => !known.has(entry.topic)), []);
    const agree = set.papers.filter((entry) => {
      const found = papers.get(entry.id);
      assert.ok(found, `${entry.id} is in the corpus`);
      return classifyPaper(taxonomy, found).primary === entry.topic;
    }).length;
    assert.ok(agree / set.papers.length >= 0.8, `${agree} of ${set.papers.length}`);
    const other = [...papers.values()].filter((found) => classifyPaper(taxonomy, found).primary === 'other').length;
    assert.ok(other / papers.size <= 0.1, `${other} of ${papers.size} in Other`);
  });
});

describe('tree groups', () => {
  const papers = [
    paper('2608.00001', 'Beta Robots', { feedDate: '2026-08-21', upvotes: 5 }),
    paper('2608.00002', 'alpha Robots', { feedDate: '2026-08-21', upvotes: 9 }),
    paper('2608.00003', 'Gamma Speech', { feedDate: '2026-08-20', upvotes: 9 }),
    paper('2608.00004', 'Delta Nothing', { feedDate: '2026-08-20' }),
    paper('2608.00005', 'Epsilon Robots', { feedDate: '2026-08-20', upvotes: 1 }),
  ];
  const topicOf = (known: Paper): string => (/Robots/.test(known.title) ? 'robotics' : /Speech/.test(known.title) ? 'audio' : 'other');
  const topicLabelOf = (id: string): string => ({ robotics: 'Robotics', audio: 'Audio' })[id] ?? 'Other';
  const options = { sortBy: 'upvotes', today: '2026-08-21', topicOf, topicLabel: topicLabelOf } as const;
  const shape = (groups: readonly Group[]): unknown => groups.map((group) => [group.label, group.count, group.groups ? shape(group.groups) : group.papers?.map((known) => known.id.slice(-1))]);

  it('groups by date then topic (the default), with counts, Other last', () => {
    const groups = buildGroups(papers, { ...options, grouping: 'date-topic' });
    assert.deepEqual(shape(groups), [
      ['Today', 2, [['Robotics', 2, ['2', '1']]]],
      ['Yesterday', 3, [['Audio', 1, ['3']], ['Robotics', 1, ['5']], ['Other', 1, ['4']]]],
    ]);
    assert.deepEqual(groups[1]?.groups?.map((group) => group.id), ['date:2026-08-20/topic:audio', 'date:2026-08-20/topic:robotics', 'date:2026-08-20/topic:other']);
  });

  it('groups by topic then date, by date only and by topic only', () => {
    assert.deepEqual(shape(buildGroups(papers, { ...options, grouping: 'topic-date' })), [
      ['Robotics', 3, [['Today', 2, ['2', '1']], ['Yesterday', 1, ['5']]]],
      ['Audio', 1, [['Yesterday', 1, ['3']]]],
      ['Other', 1, [['Yesterday', 1, ['4']]]],
    ]);
    assert.deepEqual(shape(buildGroups(papers, { ...options, grouping: 'date' })), [['Today', 2, ['2', '1']], ['Yesterday', 3, ['3', '5', '4']]]);
    assert.deepEqual(shape(buildGroups(papers, { ...options, grouping: 'topic' })), [['Robotics', 3, ['2', '1', '5']], ['Audio', 1, ['3']], ['Other', 1, ['4']]]);
  });

  it('sorts by upvotes, date or title', () => {
    const ids = (list: Paper[]): string[] => list.map((known) => known.id.slice(-1));
    assert.deepEqual(ids(sortPapers([...papers], 'upvotes')), ['2', '3', '1', '5', '4']);
    assert.deepEqual(ids(sortPapers([...papers], 'date')), ['2', '1', '3', '5', '4']);
    assert.deepEqual(ids(sortPapers([...papers], 'title')), ['2', '1', '4', '5', '3'], 'case-insensitive');
  });

  it('labels weeks and months when papers are spread out', () => {
    const spread = ['2025-01-02', '2025-01-20', '2025-03-03', '2025-03-25'].map((date, index) => paper(String(index), 'A', { feedDate: date }));
    assert.deepEqual(buildGroups(spread, { ...options, grouping: 'date' }).map((group) => group.label), ['March 2025', 'January 2025']);
    const undated = buildGroups([paper('4', 'D')], { ...options, grouping: 'date' });
    assert.equal(undated[0]?.label, 'Undated');
  });
});
