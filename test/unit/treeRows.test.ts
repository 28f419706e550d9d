/** What a narrow sidebar keeps of a paper's row, the tooltip's numbers, and Filter Shown Papers' language. */
import * as assert from 'node:assert/strict';
import type { Paper } from '../../src/core/paper/model';
import { joinCitations } from '../../src/core/citation/format';
import { BUILT_IN_TOPICS } from '../../src/core/topics/taxonomy';
import { viewFilter } from '../../src/core/search/viewFilter';
import { rowDescription, rowLabel, topicIcon } from '../../src/core/view/present';
import { standingLine } from '../../src/core/view/tooltip';

const base: Paper = {
  id: '2508.10104', title: 'DINOv3', authors: [{ name: 'Oriane Siméoni' }, { name: 'Huy V. Vo' }], abstract: 'Self-supervised vision.', feedDate: '2026-08-21',
};

describe('a paper row at 300 px', () => {
  it('leads with the upvotes, which VS Code never cuts, and keeps the rest for the description', () => {
    assert.equal(rowLabel({ ...base, upvotes: 163 }), '▲163 DINOv3');
    assert.equal(rowLabel({ ...base, upvotes: 0 }), '▲0 DINOv3');
    assert.equal(rowLabel(base), 'DINOv3', 'no upvotes known: just the title');
    assert.equal(rowDescription({ ...base, upvotes: 163, githubRepo: 'https://github.com/a/b', githubStars: 1_234 }), '★ 1.2k · Oriane Siméoni et al.');
  });

  it('gives every built-in topic its own icon, and other topics a tag', () => {
    const icons = [...BUILT_IN_TOPICS.map((topic) => topicIcon(topic.id)), topicIcon('other')];
    assert.equal(new Set(icons).size, icons.length, `distinct: ${icons.join(', ')}`);
    assert.ok(!icons.includes('tag'));
    assert.equal(topicIcon('user:Protein Folding'), 'tag');
    assert.equal(topicIcon('__proto__'), 'tag', 'no prototype lookups');
    assert.equal(topicIcon('toString'), 'tag');
  });

  it('puts ▲, ★, comments and the organization in the tooltip, comments in words (no emoji font needed)', () => {
    assert.equal(standingLine({
      ...base, upvotes: 163, githubRepo: 'https://github.com/a/b', githubStars: 12_345, numComments: 4, organization: { name: 'facebook', fullname: 'AI at Meta' },
    }), '▲ 163 · ★ 12k · 4 comments · AI at Meta');
    assert.equal(standingLine({ ...base, githubStars: 9, organization: { name: 'facebook' } }), 'facebook', 'stars only with a repository');
    assert.equal(standingLine(base), '');
  });
});

describe('Filter Shown Papers', () => {
  const topics = {
    of: (paper: Paper) => (paper.title.includes('Robot') ? 'robotics' : 'vision'),
    label: (id: string) => (id === 'robotics' ? 'Robotics' : 'Vision'),
    matches: (topic: string, filter: string) => topic === filter || (topic === 'robotics' ? 'robotics' : 'vision').startsWith(filter),
  };
  const papers: Paper[] = [
    { ...base, githubRepo: 'https://github.com/facebookresearch/dinov3' },
    { ...base, id: '2508.00001', title: 'Robot Hands', authors: [{ name: 'Yann LeCun' }], feedDate: '2026-08-19', organization: { name: 'nyu' } },
    { ...base, id: '2508.00002', title: 'Vision Robots at Scale', authors: [{ name: 'Ada Lovelace' }], feedDate: '2026-08-20' },
  ];
  const shown = (text: string): string[] => papers.filter(viewFilter(text, topics)).map((paper) => paper.id);

  it('finds words as typed, parts of words too, in any case', () => {
    assert.deepEqual(shown('dino'), ['2508.10104']);
    assert.deepEqual(shown('ROBOT'), ['2508.00001', '2508.00002']);
    assert.deepEqual(shown('siméoni'), ['2508.10104']);
    assert.deepEqual(shown('   '), papers.map((paper) => paper.id));
  });

  it('speaks Search Papers\' filters: author:, topic:, org:, has:code, after:, before:', () => {
    assert.deepEqual(shown('author:"yann lecun"'), ['2508.00001']);
    assert.deepEqual(shown('author:lecun hands'), ['2508.00001']);
    assert.deepEqual(shown('author:lecun dino'), []);
    assert.deepEqual(shown('topic:robotics'), ['2508.00001', '2508.00002']);
    assert.deepEqual(shown('org:nyu'), ['2508.00001']);
    assert.deepEqual(shown('has:code'), ['2508.10104']);
    assert.deepEqual(shown('after:2026-08-20'), ['2508.10104', '2508.00002']);
    assert.deepEqual(shown('before:2026-08-19 robot'), ['2508.00001']);
  });
});

describe('several papers\' citations in one text', () => {
  it('keeps CSL-JSON one array, BibTeX entries apart, references a line each', () => {
    const json = joinCitations('csl-json', ['[\n  {"id": "a"}\n]\n', '[{"id": "b"}]\n']);
    assert.deepEqual(JSON.parse(json), [{ id: 'a' }, { id: 'b' }]);
    assert.ok(json.endsWith('\n'));
    assert.equal(joinCitations('bibtex', ['@misc{a,\n}\n', '@misc{b,\n}\n']), '@misc{a,\n}\n\n@misc{b,\n}\n');
    assert.equal(joinCitations('apa', ['A. (2025).', 'B. (2024).']), 'A. (2025).\nB. (2024).');
    assert.equal(joinCitations('apa', ['Only one.\n']), 'Only one.\n', 'one paper: its citation as it is');
  });
});
