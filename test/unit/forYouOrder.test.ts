import * as assert from 'node:assert/strict';
import type { Paper } from '../../src/core/paper/model';
import {
  type Affinity, forYouReasons, hasMatches, likeBuckets, likeTitle, MATCH_PART, MATCH_SHARE, matchThreshold, MAX_LIKE_GROUPS, REST_GROUP, toAffinities,
} from '../../src/core/view/forYouOrder';
import { buildGroups, type GroupOptions, sortPapers } from '../../src/core/view/groups';
import { paperTooltipMarkdown } from '../../src/core/view/tooltip';

function paper(id: string, upvotes: number, date = '2026-08-21', title = `Paper ${id}`): Paper {
  return { id, title, authors: [{ name: 'A' }], abstract: '', feedDate: date, upvotes };
}

function affinities(entries: Record<string, Affinity>): Map<string, Affinity> {
  return new Map(Object.entries(entries));
}

const options = (extra: Partial<GroupOptions>): GroupOptions => ({
  grouping: 'date', sortBy: 'upvotes', today: '2026-08-21', topicOf: () => 'other', topicLabel: (id) => id, ...extra,
});

const labels = { likeLabel: (id: string) => `Like ${id}`, restLabel: 'Other papers' };

describe('For you: the worker\'s scores as the view uses them', () => {
  it('keeps only well-formed scores of the window\'s papers, clamped, with `like` naming a saved paper; saved papers score 0', () => {
    const window = new Set(['a', 'b', 'c', 'd', 'e', 's1']);
    const saved = new Set(['s1', 's2']);
    const result = toAffinities([
      { id: 'a', score: 0.7, like: 's1' },
      { id: 'b', score: 1.8, like: 'nope' },
      { id: 'c', score: Number.NaN, like: 's1' },
      { id: 'd', score: -3 },
      { id: 'zz', score: 0.9, like: 's2' },
      { id: 'a', score: 0.1, like: 's2' },
      { id: 's1', score: 1, like: 's1' },
      { id: 42, score: 0.5 },
      { id: 'e', score: '0.5' },
    ], window, saved);
    assert.deepEqual([...result], [
      ['a', { score: 0.7, like: 's1' }],
      ['b', { score: 1 }],
      ['d', { score: 0 }],
      ['s1', { score: 0 }],
    ]);
  });

  it('calls a paper a match from a share of the window\'s best score, and none when every score is 0', () => {
    const scored = affinities({ a: { score: 0.5, like: 's1' }, b: { score: 0.5 * MATCH_SHARE, like: 's2' }, c: { score: 0.1, like: 's1' }, d: { score: 0.4 } });
    assert.equal(matchThreshold(scored), 0.5 * MATCH_SHARE);
    assert.ok(MATCH_SHARE * 0.5 > 0.1, 'c is below the share');
    assert.deepEqual([...forYouReasons(scored)], [['a', 's1'], ['b', 's2']], 'c is too far below the best; d is like no saved paper');
    assert.ok(hasMatches(scored));
    const zeros = affinities({ a: { score: 0, like: 's1' }, b: { score: 0 } });
    assert.equal(forYouReasons(zeros).size, 0);
    assert.equal(hasMatches(zeros), false);
    assert.equal(hasMatches(undefined), false);
  });

  it('groups by date when none of the papers shown is a match, though papers not shown are', () => {
    const scored = affinities({ a: { score: 0.9, like: 's1' }, b: { score: 0.8, like: 's1' }, c: { score: 0 }, d: { score: 0 } });
    const shown = [paper('c', 3), paper('d', 1)];
    assert.equal(hasMatches(scored, shown), false);
    assert.ok(hasMatches(scored, [paper('a', 0), ...shown]));
    const groups = buildGroups(shown, options({ grouping: 'forYou', forYou: { affinities: scored, ...labels } }));
    assert.deepEqual(groups.map((group) => group.id), ['date:2026-08-21'], 'not everything in "Other papers"');
  });

  it('keeps matches to the best quarter of a window whose scores lie close together', () => {
    const flat = new Map(Array.from({ length: 40 }, (_, index) => [`p${index}`, { score: 0.5 - index / 1000, like: 's1' }]));
    const reasons = forYouReasons(flat);
    assert.equal(reasons.size, 40 * MATCH_PART);
    assert.deepEqual([...reasons.keys()], Array.from({ length: 10 }, (_, index) => `p${index}`));
  });

  it('shortens a saved paper\'s title to its name, or its first words', () => {
    assert.equal(likeTitle('SAM 2: Segment Anything in Images and Videos'), 'SAM 2');
    assert.equal(likeTitle('  DINOv3 '), 'DINOv3');
    assert.equal(likeTitle('Attention Is All You Need'), 'Attention Is All You Need');
    const long = likeTitle('Scaling Laws for Neural Language Models Trained on Very Large Corpora of Text');
    assert.equal(long, 'Scaling Laws for Neural Language Models…');
    assert.ok(long.length <= 40);
    assert.equal(likeTitle('A: tiny prefix is not a name, so the title reads on to its first words'), 'A: tiny prefix is not a name, so the…');
    assert.ok(likeTitle('x'.repeat(100)).length <= 40, 'one long word is cut too');
  });

  it('puts the reason in the tooltip before the links, escaped like paper text', () => {
    const markdown = paperTooltipMarkdown(paper('2508.10104', 3), undefined, (id) => id, (url) => url, undefined, undefined, 'For you: like [x](https://evil.example) *SAM*');
    const parts = markdown.split('\n\n');
    assert.equal(parts.at(-2), '*For you&#58; like \\[x\\]\\(https&#58;//evil\\.example\\) \\*SAM\\**');
    assert.match(parts.at(-1) ?? '', /^\[Hugging Face\]/);
    assert.doesNotMatch(paperTooltipMarkdown(paper('2508.10104', 3), undefined, (id) => id, (url) => url), /For you/, 'no reason, no line');
  });
});

describe('For you: sorting and grouping', () => {
  const papers = [paper('a', 50), paper('b', 10), paper('c', 30), paper('d', 5), paper('e', 30)];
  const scores = affinities({
    a: { score: 0.05, like: 's2' },
    b: { score: 0.9, like: 's1' },
    c: { score: 0.5, like: 's2' },
    d: { score: 0.6, like: 's1' },
    e: { score: 0.5, like: 's2' },
  });

  it('sorts most alike first, ties by upvotes, and by upvotes until the scores come', () => {
    assert.deepEqual(sortPapers([...papers], 'forYou', scores).map((entry) => entry.id), ['b', 'd', 'c', 'e', 'a']);
    assert.deepEqual(sortPapers([...papers], 'forYou').map((entry) => entry.id), ['a', 'c', 'e', 'b', 'd']);
    assert.deepEqual(sortPapers([...papers], 'upvotes', scores).map((entry) => entry.id), ['a', 'c', 'e', 'b', 'd'], 'other orders ignore the scores');
  });

  it('sorts inside date groups by the scores with sortBy forYou', () => {
    const week = [...papers, paper('f', 99, '2026-08-20'), paper('g', 1, '2026-08-20')];
    const groups = buildGroups(week, options({ sortBy: 'forYou', forYou: { affinities: affinities({ ...Object.fromEntries(scores), g: { score: 0.3, like: 's1' } }), ...labels } }));
    assert.deepEqual(groups.map((group) => [group.id, group.papers?.map((entry) => entry.id)]), [
      ['date:2026-08-21', ['b', 'd', 'c', 'e', 'a']],
      ['date:2026-08-20', ['g', 'f']],
    ]);
  });

  it('groups by the saved paper each is most like, the best match\'s group first, then the rest in the order of sortBy', () => {
    const groups = buildGroups(papers, options({ grouping: 'forYou', forYou: { affinities: scores, ...labels } }));
    assert.deepEqual(groups.map((group) => ({ id: group.id, label: group.label, by: group.by, count: group.count, ids: group.papers?.map((entry) => entry.id) })), [
      { id: 'like:s1', label: 'Like s1', by: 'like', count: 2, ids: ['b', 'd'] },
      { id: 'like:s2', label: 'Like s2', by: 'like', count: 2, ids: ['c', 'e'] },
      { id: `like:${REST_GROUP}`, label: 'Other papers', by: 'like', count: 1, ids: ['a'] },
    ]);
  });

  it('puts a stronger single match\'s group before a larger group of weaker ones', () => {
    const stronger = affinities({ a: { score: 0.95, like: 's3' }, b: { score: 0.5, like: 's1' }, c: { score: 0.5, like: 's1' }, d: { score: 0.5, like: 's1' } });
    const groups = buildGroups(papers.slice(0, 4), options({ grouping: 'forYou', forYou: { affinities: stronger, ...labels } }));
    assert.deepEqual(groups.map((group) => group.id), ['like:s3', 'like:s1']);
  });

  it('keeps at most a dozen Like groups; the papers of weaker ones join the rest', () => {
    const many = Array.from({ length: 4 * (MAX_LIKE_GROUPS + 3) }, (_, index) => paper(`p${index}`, index));
    // The first fifteen each like another saved paper, the rest like none.
    const spread = new Map(many.map((entry, index) => [entry.id, index < MAX_LIKE_GROUPS + 3 ? { score: 1 - index / 100, like: `s${index}` } : { score: 0 }]));
    const buckets = likeBuckets(many, spread);
    assert.equal(buckets.length, MAX_LIKE_GROUPS + 1);
    assert.deepEqual(buckets.at(-1)?.papers.map((entry) => entry.id).slice(-3), ['p12', 'p13', 'p14']);
    assert.equal(buckets.at(-1)?.papers.length, many.length - MAX_LIKE_GROUPS);
    assert.equal(buckets.at(-1)?.key, REST_GROUP);
    assert.equal(buckets.reduce((sum, bucket) => sum + bucket.papers.length, 0), many.length, 'every paper once');
    // Their reason stays: it is true, only their group is left out (a row in "Other papers" may say "like …").
    assert.deepEqual(['p12', 'p13', 'p14'].map((id) => forYouReasons(spread).get(id)), ['s12', 's13', 's14']);
  });

  it('groups by date, by upvotes, until the scores come or when nothing is like the reading list', () => {
    const waiting = buildGroups(papers, options({ grouping: 'forYou' }));
    assert.deepEqual(waiting.map((group) => [group.id, group.papers?.map((entry) => entry.id)]), [['date:2026-08-21', ['a', 'c', 'e', 'b', 'd']]]);
    const nothing = buildGroups(papers, options({ grouping: 'forYou', forYou: { affinities: affinities({ a: { score: 0 } }), ...labels } }));
    assert.deepEqual(nothing.map((group) => group.id), ['date:2026-08-21']);
  });
});
