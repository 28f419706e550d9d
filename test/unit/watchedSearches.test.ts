import * as assert from 'node:assert/strict';
import { isNewSince } from '../../src/core/feed/newSince';
import type { Paper } from '../../src/core/paper/model';
import { SearchIndex } from '../../src/core/search/index';
import { topicMatcher, toIndexInput } from '../../src/core/search/papers';
import { parseQuery } from '../../src/core/search/query';
import {
  cleanWatchQuery, matchWatches, MAX_NAME_LENGTH, MAX_QUERY_LENGTH, MAX_REPORTED, MAX_SETTING_ITEMS, MAX_WATCHES, parseWatches, type WatchTopics, watchKey, watchMatcher, watchMatches,
  withNew,
} from '../../src/core/search/watchedSearches';
import { WatchFeatures } from '../../src/core/search/watchFeatures';
import { classifyPaper, compileTaxonomy } from '../../src/core/topics/classify';
import { corpusPapers } from '../support/corpus';

function paper(id: string, extra: Partial<Paper> = {}): Paper {
  return { id, title: `Paper ${id}`, authors: [{ name: 'Ada Lovelace' }], abstract: 'An abstract.', feedDate: '2026-08-21', ...extra };
}

const taxonomy = compileTaxonomy();
const topics: WatchTopics = { of: (known) => classifyPaper(taxonomy, known).primary, matches: topicMatcher(taxonomy) };

describe('watches: the setting', () => {
  it('reads strings and objects, with names and notify', () => {
    const watches = parseWatches(['diffusion models', { query: 'author:"Yann LeCun"', name: 'LeCun', notify: true }, { query: 'has:code agents', notify: 'yes' }]);
    assert.deepEqual(watches, [
      { query: 'diffusion models', key: 'diffusion models', notify: false },
      { query: 'author:"Yann LeCun"', key: 'author:"yann lecun"', name: 'LeCun', notify: true },
      { query: 'has:code agents', key: 'has:code agents', notify: false },
    ]);
  });

  it('skips bad items, says which and why, and keeps the good ones', () => {
    const skipped: number[] = [];
    const watches = parseWatches([42, null, '', '   ', { name: 'no query' }, ['diffusion'], 'x'.repeat(MAX_QUERY_LENGTH + 1), 'the', 'robots', '  Robots ', { query: 'ROBOTS' }],
      (index, reason) => {
        skipped.push(index);
        assert.ok(reason.length > 0);
      });
    // "the" alone is a word (the last one is kept while typing), so it is a query; the two other spellings of "robots" repeat it.
    assert.deepEqual(watches.map((watch) => watch.query), ['the', 'robots']);
    assert.deepEqual(skipped, [0, 1, 2, 3, 4, 5, 6, 9, 10]);
    assert.deepEqual(parseWatches('diffusion'), [], 'not a list');
    assert.deepEqual(parseWatches({ query: 'diffusion' }), []);
  });

  it('is bounded: at most MAX_WATCHES watches, names shortened, control characters out', () => {
    const many = Array.from({ length: MAX_WATCHES + 5 }, (_, index) => `topic number ${index}`);
    const skipped: string[] = [];
    assert.equal(parseWatches(many, (_index, reason) => skipped.push(reason)).length, MAX_WATCHES);
    assert.equal(skipped.length, 5);
    assert.match(skipped[0] ?? '', /more than 50/);
    const [named] = parseWatches([{ query: 'a\u0000b\nc', name: `${'n'.repeat(MAX_NAME_LENGTH)}tail` }]);
    assert.equal(named?.query, 'a b c');
    assert.equal(named?.name, 'n'.repeat(MAX_NAME_LENGTH));
    assert.equal(parseWatches([{ query: 'ok', name: ' \u0007 ' }])[0]?.name, undefined, 'a blank name shows the query');
  });

  it('takes bidi overrides and isolates out of names and queries, as every other untrusted line', () => {
    // From a cloned repository's settings: U+202E would show "gnp.exe" as "exe.png", U+2066-2069 reorder text too.
    const [watch] = parseWatches([{ query: 'diffusion\u202E models\u2066', name: '\u202Dmy\u2069 \u202Awatch\u0085\u2067list\u2068' }]);
    assert.equal(watch?.query, 'diffusion models');
    assert.equal(watch?.key, 'diffusion models', 'the same watch as the query typed plainly');
    assert.equal(watch?.name, 'my watch list', 'a C1 control (U+0085) is a space, as the C0 ones are');
    assert.equal(cleanWatchQuery('\u202E\u2066'), undefined, 'nothing but controls is no query');
    assert.equal(parseWatches([{ query: 'ok', name: '\u202E\u2069' }])[0]?.name, undefined, 'nor a name');
    assert.equal(parseWatches([{ query: 'ok', name: `${' '.repeat(1_000_000)}name` }])[0]?.name, undefined, 'a huge name is cleaned from its start only');
  });

  it('reads a huge list only as far as it needs, and reports what it left out in a few lines', () => {
    // 200k items, as a cloned repository's .vscode/settings.json may hold: every read of an item is counted.
    const items = Array.from({ length: 200_000 }, (_, index) => (index % 2 === 0 ? `topic ${index}` : 42));
    let reads = 0;
    const counted = new Proxy(items, {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) {
          reads++;
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const skipped: string[] = [];
    const rest: number[] = [];
    const watches = parseWatches(counted, (index, reason) => skipped.push(`${index}: ${reason}`), (count) => rest.push(count));
    assert.equal(watches.length, MAX_WATCHES);
    assert.ok(reads <= 2 * MAX_SETTING_ITEMS, `${reads} items read`);
    assert.equal(skipped.length, MAX_REPORTED, 'the first few, one by one');
    assert.match(skipped[0] ?? '', /^1: not a query/);
    assert.deepEqual(rest, [200_000 - MAX_WATCHES - MAX_REPORTED], 'the others in one count');
    assert.deepEqual(parseWatches(['a', 'b'], () => assert.fail('nothing to skip'), () => assert.fail('nothing to count')).length, 2);
    assert.equal(cleanWatchQuery(`diffusion ${' '.repeat(1_000_000)}`), undefined, 'a huge string is no query, and is not cleaned to find out');
  });

  it('cleans a query typed in the input box, and refuses one that matches nothing', () => {
    assert.equal(cleanWatchQuery('  diffusion\t models '), 'diffusion models');
    assert.equal(cleanWatchQuery('has:code'), 'has:code', 'a filter alone is a search');
    assert.equal(cleanWatchQuery('...'), undefined, 'no word and no filter');
    assert.equal(cleanWatchQuery('x'.repeat(MAX_QUERY_LENGTH)), 'x'.repeat(MAX_QUERY_LENGTH));
    assert.equal(cleanWatchQuery('x'.repeat(MAX_QUERY_LENGTH + 1)), undefined, 'cut, it would be another search');
    assert.equal(cleanWatchQuery(7), undefined);
    assert.equal(watchKey(' Diffusion   Models'), 'diffusion models');
  });
});

describe('watches: matching', () => {
  const grasping = paper('2608.00001', { title: 'Robot Grasping at Scale', authors: [{ name: 'Yann LeCun' }], githubRepo: 'https://github.com/a/b' });
  const inAbstract = paper('2608.00002', { abstract: 'We train a diffusion model for grasping.' });
  const inSummary = paper('2608.00003', { aiSummary: 'A self-attention study.', aiKeywords: ['transformers'] });
  const older = paper('2608.00004', { title: 'Grasping, again', feedDate: '2026-07-01' });
  const all = [grasping, inAbstract, inSummary, older];
  const matching = (query: string): string[] => all.filter(watchMatcher(query, topics)).map((known) => known.id);

  it('finds every word in the title, authors, keywords, abstract or AI summary, as Search Papers does', () => {
    assert.deepEqual(matching('grasping'), ['2608.00001', '2608.00002', '2608.00004']);
    assert.deepEqual(matching('Grasping DIFFUSION'), ['2608.00002'], 'every word, any case');
    assert.deepEqual(matching('lecun'), ['2608.00001']);
    assert.deepEqual(matching('transformer'), ['2608.00003'], 'the singular of a plural, as the index finds it');
    assert.deepEqual(matching('selfattention'), ['2608.00003'], 'a hyphenated compound written as one');
    assert.deepEqual(matching('self attention'), ['2608.00003']);
    assert.deepEqual(matching('quasicrystal'), []);
  });

  it('finds whole words, as Search Papers finds a finished query: never a part of a word, nor a prefix', () => {
    const rag = paper('2608.00011', { title: 'RAG for Long Documents', abstract: 'Retrieval-augmented generation (RAG) on average storage.' });
    const average = paper('2608.00012', { title: 'Storage on Average', abstract: 'Leverage the coverage; ragged arrays; editing.' });
    const spaced = paper('2608.00013', { title: 'Linear Self Attention', abstract: 'World models and LLMs.' });
    const some = [rag, average, spaced];
    const ids = (query: string): string[] => some.filter(watchMatcher(query, topics)).map((known) => known.id);
    assert.deepEqual(ids('rag'), ['2608.00011'], '"rag" is not in "average", "storage", "leverage" or "ragged"');
    assert.deepEqual(ids('RAG average'), ['2608.00011']);
    assert.deepEqual(ids('dit'), [], 'not in "editing"');
    assert.deepEqual(ids('aver'), [], 'not a prefix: a watch is not being typed');
    assert.deepEqual(ids('retrievalaugmented'), ['2608.00011'], 'a hyphenated compound as one word');
    assert.deepEqual(ids('selfattention'), ['2608.00013'], 'two neighbouring words written as one');
    assert.deepEqual(ids('attentionworld'), [], 'across a sentence, but only neighbours');
    assert.deepEqual(ids('world model llm'), ['2608.00013'], 'plural and singular');
    assert.deepEqual(ids('the'), ['2608.00012'], 'a watch of a stop word alone looks for it, as a word');
  });

  it('on the corpus, matches what Search Papers finds for the query, not every word that contains it', function () {
    this.timeout(60_000);
    // A quarter of the corpus, as the scan's test takes it (the index takes a few seconds for all of it).
    const papers = [...corpusPapers().values()].filter((_known, at) => at % 4 === 0);
    const index = new SearchIndex();
    index.add(papers.map((known) => toIndexInput(known, '')));
    const features = new WatchFeatures(); // each paper read once for all the queries
    for (const query of ['rag', 'rl', 'dit', 'ssm', 'diffusion', 'self-attention', 'mixture of experts']) {
      const watched = papers.filter(watchMatcher(query, topics, features)).map((known) => known.id);
      // The index as Search Papers asks it for a finished query (no prefix); its typo tolerance finds a few more.
      const searched = new Set(index.search(parseQuery(`${query} `), 100_000).map((hit) => hit.id));
      assert.ok(searched.size > 0, `${query}: Search Papers finds papers`);
      const extra = watched.filter((id) => !searched.has(id));
      assert.deepEqual(extra.slice(0, 5), [], `${query}: ${extra.length} of ${watched.length} watched papers Search Papers does not find (it finds ${searched.size})`);
      assert.ok(watched.length >= 0.9 * searched.size, `${query}: the watch finds ${watched.length}, Search Papers ${searched.size}`);
    }
  });

  it('applies the filters of the query language', () => {
    assert.deepEqual(matching('grasping has:code'), ['2608.00001']);
    assert.deepEqual(matching('author:lecun'), ['2608.00001']);
    assert.deepEqual(matching('grasping after:2026-08-01'), ['2608.00001', '2608.00002']);
    assert.deepEqual(matching('grasping before:2026-07-31'), ['2608.00004']);
  });

  it('matches nothing for a query with no word and no filter', () => {
    assert.deepEqual(matching(''), []);
    assert.deepEqual(matching('.'), []);
  });
});

describe('watches: new since the last look', () => {
  const look = { at: '2026-08-21T12:00:00.000Z', feedDate: '2026-08-21' };
  const seen: Record<string, string> = {
    '2608.10001': '2026-08-21T13:00:00.000Z', // after the look, today's batch
    '2608.10002': '2026-08-21T11:00:00.000Z', // before the look
    '2608.10003': '2026-08-21T13:00:00.000Z', // after the look, but an old day browsed
    '2608.10004': '2026-08-22T01:00:00.000Z', // tomorrow's batch, opened
    '2608.10005': '2026-08-22T01:00:00.000Z', // tomorrow's batch
  };
  const papers = [
    paper('2608.10001', { title: 'Grasping one' }),
    paper('2608.10002', { title: 'Grasping two' }),
    paper('2608.10003', { title: 'Grasping three', feedDate: '2026-08-14' }),
    paper('2608.10004', { title: 'Grasping four', feedDate: '2026-08-22' }),
    paper('2608.10005', { title: 'Grasping five', feedDate: '2026-08-22' }),
    paper('2608.10006', { title: 'Grasping six, never seen' }),
    paper('2608.10007', { title: 'Walking', feedDate: '2026-08-22' }),
  ];
  seen['2608.10007'] = '2026-08-22T01:00:00.000Z';
  const context = { seenAt: (id: string) => seen[id], isRead: (id: string) => id === '2608.10004' };

  it('is first seen after the look, of its feed day or later, and not opened', () => {
    assert.deepEqual(papers.filter((known) => isNewSince(known, look, context)).map((known) => known.id), ['2608.10001', '2608.10005', '2608.10007']);
    assert.equal(papers.some((known) => isNewSince(known, undefined, context)), false, 'a watch never looked at has nothing new');
  });

  it('counts each watch\'s new matches, new ones first', () => {
    const watches = parseWatches(['grasping', { query: 'walking', notify: true }, 'quasicrystal']);
    const looks: Record<string, typeof look | undefined> = { grasping: look, walking: look, quasicrystal: look };
    const [grasp, walk, none] = watchMatches(watches, papers, topics, (watch) => looks[watch.key], context);
    assert.deepEqual([...(grasp?.newIds ?? [])], ['2608.10001', '2608.10005']);
    assert.deepEqual(grasp?.papers.map((known) => known.id), ['2608.10001', '2608.10005', '2608.10002', '2608.10003', '2608.10004', '2608.10006']);
    assert.deepEqual([...(walk?.newIds ?? [])], ['2608.10007']);
    assert.equal(none?.papers.length, 0);
    assert.equal(none?.newIds.size, 0);
    // After a look now, nothing is new.
    const later = { at: '2026-08-22T02:00:00.000Z', feedDate: '2026-08-22' };
    assert.equal(watchMatches(watches, papers, topics, () => later, context).reduce((sum, entry) => sum + entry.newIds.size, 0), 0);
  });
});

describe('watches: an update of many watches', () => {
  const feed = (): Paper[] => [
    paper('2608.20001', { title: 'Diffusion for Robots', githubRepo: 'https://github.com/a/b' }),
    paper('2608.20002', { title: 'Robot Grasping', authors: [{ name: 'Yann LeCun' }] }),
    paper('2608.20003', { title: 'Diffusion Language Models' }),
  ].map((known) => Object.freeze(known));
  const watches = parseWatches(['diffusion', 'robot', 'diffusion has:code', 'author:lecun', 'topic:robotics', 'grasping robots']);
  const ids = (matched: ReturnType<typeof matchWatches>): string[][] => matched.map((entry) => entry.papers.map((known) => known.id));
  /** Read through a call: an assertion on the property would narrow it for good. */
  const made = (features: WatchFeatures): number => features.made;

  it('reads each paper\'s words once for every watch, and keeps them while a refresh reads the paper the same', () => {
    const features = new WatchFeatures();
    const first = ids(matchWatches(watches, feed(), topics, features));
    assert.deepEqual(first, [['2608.20001', '2608.20003'], ['2608.20001', '2608.20002'], ['2608.20001'], ['2608.20002'], ['2608.20001', '2608.20002'], ['2608.20002']]);
    assert.equal(made(features), 3, 'once per paper, not per paper and watch');
    // A refresh: new objects, the same papers.
    assert.deepEqual(ids(matchWatches(watches, feed(), topics, features)), first);
    assert.equal(made(features), 3, 'nothing read again');
    // A paper that changed (an AI summary came) is read again, and matched on what it says now.
    const [one, two, three] = feed() as [Paper, Paper, Paper];
    const changed = [one, two, Object.freeze({ ...three, aiSummary: 'Robots, too.' })];
    assert.deepEqual(ids(matchWatches(watches, changed, topics, features))[1], ['2608.20001', '2608.20002', '2608.20003']);
    assert.equal(made(features), 4);
    // Another author: the author filter sees the paper as it is now.
    const renamed = [one, Object.freeze({ ...two, authors: [{ name: 'Ada Lovelace' }] }), changed[2] as Paper];
    assert.deepEqual(ids(matchWatches(watches, renamed, topics, features))[3], []);
    // Papers the feed no longer shows are forgotten (what is kept stays bounded by the feed).
    matchWatches(watches, [one], topics, features);
    const before = made(features);
    matchWatches(watches, feed(), topics, features);
    assert.equal(made(features), before + 2);
  });

  it('asks a paper\'s topic once per update, as the topics are now', () => {
    const features = new WatchFeatures();
    const asked: string[] = [];
    let topic = 'robotics';
    const changing: WatchTopics = { of: (known) => { asked.push(known.id); return topic; }, matches: topics.matches };
    assert.deepEqual(ids(matchWatches(parseWatches(['topic:robotics', 'topic:robotics diffusion']), feed(), changing, features)), [
      ['2608.20001', '2608.20002', '2608.20003'], ['2608.20001', '2608.20003'],
    ]);
    assert.deepEqual(asked, ['2608.20001', '2608.20002', '2608.20003'], 'once per paper for both watches');
    topic = 'llm'; // the topics setting changed
    assert.deepEqual(ids(matchWatches(parseWatches(['topic:robotics']), feed(), changing, features)), [[]]);
  });

  it('tells the new ones from the matches alone: a look needs no matching again', () => {
    const matched = matchWatches(watches.slice(0, 1), feed(), topics, new WatchFeatures());
    const seen = { seenAt: () => '2026-08-21T13:00:00.000Z', isRead: (id: string) => id === '2608.20001' };
    const [before] = withNew(matched, () => ({ at: '2026-08-21T12:00:00.000Z', feedDate: '2026-08-21' }), seen);
    assert.deepEqual([...(before?.newIds ?? [])], ['2608.20003']);
    assert.deepEqual(before?.papers.map((known) => known.id), ['2608.20003', '2608.20001'], 'new ones first');
    const [after] = withNew(matched, () => ({ at: '2026-08-21T14:00:00.000Z', feedDate: '2026-08-21' }), seen);
    assert.equal(after?.newIds.size, 0);
    assert.deepEqual(after?.papers.map((known) => known.id), ['2608.20001', '2608.20003'], 'the feed\'s order');
  });
});
