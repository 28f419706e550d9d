import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchClient } from '../../src/core/search/workerClient';
import { type IndexInput, SearchIndex } from '../../src/core/search/index';
import { LinearScan, toIndexInput, topicMatcher } from '../../src/core/search/papers';
import { parseQuery } from '../../src/core/search/query';
import { deletions, tokenize, withinOneEdit } from '../../src/core/search/text';
import type { Paper } from '../../src/core/paper/model';
import { classifyPaper, compileTaxonomy } from '../../src/core/topics/classify';
import { corpusPapers } from '../support/corpus';

function doc(id: string, title: string, extra: Partial<IndexInput> = {}): IndexInput {
  return { id, title, authors: ['Ada Lovelace'], keywords: [], text: '', upvotes: 0, date: '2026-01-01', hasCode: false, org: '', topic: 'other', ...extra };
}

const DOCS = [
  doc('1', 'Attention Is All You Need', { upvotes: 90, authors: ['Ashish Vaswani', 'Noam Shazeer'], text: 'The Transformer, based solely on attention mechanisms.', topic: 'llm', date: '2017-06-12' }),
  doc('2', 'Attention Sinks in Streaming Language Models', { upvotes: 40, text: 'Streaming deployment of LLMs with attention sinks.', topic: 'efficiency', hasCode: true, date: '2023-09-29' }),
  doc('3', 'DINOv3', { upvotes: 7, authors: ['Oriane Siméoni'], keywords: ['self-supervised learning', 'gram anchoring'], text: 'A vision foundation model.', topic: 'vision', org: 'facebook AI at Meta', date: '2025-08-13' }),
  doc('4', 'Robot Grasping with Transformers', { upvotes: 40, text: 'Robots grasp objects.', topic: 'robotics', date: '2025-01-02' }),
  doc('5', 'Robot Grasping Revisited', { upvotes: 40, text: 'Robots grasp objects again.', topic: 'robotics', date: '2025-03-02' }),
];

function ids(index: SearchIndex, query: string, limit = 5): string[] {
  return index.search(parseQuery(query), limit, (topic, filter) => topic.startsWith(filter)).map((hit) => hit.id);
}

describe('search text', () => {
  it('tokenizes without accents or punctuation', () => {
    assert.deepEqual(tokenize('Siméoni: Self-Supervised DINOv3!'), ['simeoni', 'self', 'supervised', 'dinov3']);
  });

  it('knows one edit: substitution, insertion, deletion, transposition', () => {
    for (const [a, b] of [['transformer', 'transfromer'], ['grasping', 'grasing'], ['grasping', 'grassping'], ['grasping', 'grazping'], ['same', 'same']]) {
      assert.ok(withinOneEdit(a as string, b as string), `${a} ~ ${b}`);
    }
    for (const [a, b] of [['transformer', 'trnasfromer'], ['abc', 'abcde'], ['grasping', 'gaspinr']]) {
      assert.equal(withinOneEdit(a as string, b as string), false, `${a} !~ ${b}`);
    }
    assert.deepEqual(deletions('abc'), ['bc', 'ac', 'ab']);
  });

  it('parses filters, quoted values and the word being typed', () => {
    const query = parseQuery('author:"noam shazeer" topic:llm after:2017-01-01 before:2018-12-31 has:code org:meta attention is al');
    assert.deepEqual(query.filters, { author: 'noam shazeer', topic: 'llm', after: '2017-01-01', before: '2018-12-31', hasCode: true, org: 'meta' });
    assert.deepEqual(query.words, ['attention', 'al']);
    assert.equal(query.lastIsPrefix, true);
    assert.equal(query.phrase, 'attention is al');
    assert.equal(parseQuery('attention ').lastIsPrefix, false);
    assert.deepEqual(parseQuery('after:yesterday x').filters, {}, 'a bad date is ignored');
  });
});

describe('search index', () => {
  const index = new SearchIndex();
  index.add(DOCS);

  it('finds a title as it is typed, from the first letters, and ranks it first', () => {
    assert.equal(ids(index, 'Att')[0], '1');
    assert.equal(ids(index, 'Attention S')[0], '2');
    assert.equal(ids(index, 'attention is all you ne')[0], '1');
    assert.equal(ids(index, 'D')[0], '3');
  });

  it('forgives one typo in a word of five letters or more', () => {
    assert.equal(ids(index, 'Attnetion Sinks')[0], '2');
    assert.equal(ids(index, 'robot grassping transformers')[0], '4');
    assert.deepEqual(ids(index, 'xyzzy'), []);
  });

  it('searches authors, keywords and abstracts, with accents folded', () => {
    assert.equal(ids(index, 'simeoni')[0], '3');
    assert.equal(ids(index, 'gram anchoring')[0], '3');
    assert.equal(ids(index, 'streaming deployment')[0], '2');
    assert.equal(ids(index, 'shazeer attention')[0], '1');
  });

  it('breaks ties by upvotes, then by the newer paper', () => {
    assert.deepEqual(ids(index, 'robot grasping').slice(0, 2), ['5', '4'], 'same score and upvotes: the newer first');
  });

  it('applies filters, also with no words', () => {
    assert.deepEqual(ids(index, 'attention has:code'), ['2']);
    assert.deepEqual(ids(index, 'topic:robot'), ['4', '5'].sort((a, b) => (a === '5' ? -1 : b === '5' ? 1 : 0)));
    assert.deepEqual(ids(index, 'attention before:2020-01-01'), ['1']);
    assert.deepEqual(ids(index, 'after:2025-01-01 before:2025-12-31 org:meta'), ['3']);
    assert.deepEqual(ids(index, 'author:vaswani'), ['1']);
    assert.deepEqual(ids(index, 'author:nobody'), []);
  });

  it('keeps to the limit and drops stop words', () => {
    assert.equal(ids(index, 'a', 2).length, 2);
    assert.equal(ids(index, 'the attention')[0], '1');
  });

  it('adds papers incrementally and updates the facts of known ones', () => {
    const growing = new SearchIndex();
    growing.add(DOCS.slice(0, 2));
    growing.add([doc('6', 'Quantum Attention Circuits', { upvotes: 1 })]);
    assert.equal(ids(growing, 'quantum')[0], '6');
    growing.add([{ ...(DOCS[1] as IndexInput), upvotes: 500 }]);
    assert.equal(growing.size, 3);
    assert.equal(ids(growing, 'attention')[0], '2', 'more upvotes now');
  });

  it('leaves papers the cache no longer has out of results, and takes them back when they return', () => {
    const pruned = new SearchIndex();
    pruned.add(DOCS);
    assert.equal(pruned.retain(new Set(['2', '3', '4', '5'])), 1);
    assert.equal(ids(pruned, 'attention').includes('1'), false);
    assert.equal(ids(pruned, 'Att').includes('1'), false);
    assert.equal(SearchIndex.deserialize(pruned.serialize()).search(parseQuery('attention is all'), 5).length, 0, 'remembered in the file');
    pruned.add([DOCS[0] as IndexInput]);
    assert.equal(ids(pruned, 'attention is all')[0], '1');
  });

  it('round-trips through its file format, and refuses a damaged one', () => {
    const bytes = index.serialize();
    const loaded = SearchIndex.deserialize(bytes);
    for (const query of ['Att', 'attnetion sinks', 'simeoni', 'topic:robot', 'robot grasping', 'D']) {
      assert.deepEqual(ids(loaded, query), ids(index, query), query);
    }
    loaded.add([doc('7', 'Grasping After Loading', { upvotes: 3 })]);
    assert.equal(ids(loaded, 'grasping after')[0], '7');
    assert.throws(() => SearchIndex.deserialize(bytes.subarray(0, bytes.length - 10)), /damaged|truncated/);
    assert.throws(() => SearchIndex.deserialize(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9])), /not a Paper Feed search index/);
  });

  it('the linear scan needs every word and ranks title starts first', () => {
    const papers: Paper[] = DOCS.map((entry) => ({ id: entry.id, title: entry.title, authors: entry.authors.map((name) => ({ name })), abstract: entry.text, upvotes: entry.upvotes }));
    const scan = new LinearScan(papers);
    assert.deepEqual(scan.search('robot grasp', 5).map((paper) => paper.id), ['4', '5']);
    assert.equal(scan.search('Attention Si', 5)[0]?.id, '2');
  });
});

describe('the scan while the index loads', () => {
  it('parses filters like the index: the same papers as the index for author, has:code, dates, topic and org', function () {
    this.timeout(30_000);
    // A quarter of the real corpus, and every paper by LeCun.
    const papers = [...corpusPapers().values()].filter((paper, at) => at % 4 === 0 || paper.authors.some((author) => /lecun/i.test(author.name)));
    const taxonomy = compileTaxonomy();
    const index = new SearchIndex();
    index.add(papers.map((paper) => toIndexInput(paper, classifyPaper(taxonomy, paper).primary)));
    const scan = new LinearScan(papers, () => taxonomy);
    for (const query of [
      'author:lecun', 'author:"yann lecun"', 'has:code', 'after:2025-06-01 before:2025-06-30', 'topic:vision after:2026-01-01',
      'topic:robot has:code', 'org:meta', 'author:lecun world', 'topic:vision before:2024-12-31 segmentation',
      'author:"Yann LeCun" video', 'author:"yann lec', 'author:"li fei-fei"',
    ]) {
      const byIndex = index.search(parseQuery(query), 10_000, topicMatcher(taxonomy)).map((hit) => hit.id).sort();
      const byScan = scan.search(query, 10_000).map((paper) => paper.id).sort();
      assert.ok(byIndex.length > 0, `${query}: the index finds papers`);
      assert.deepEqual(byScan, byIndex, query);
    }
  });
});

describe('the scan\'s topics', () => {
  it('classifies a paper for `topic:` only once it passes every other test, for a card only once found, and once only: across queries and a scan rebuilt with one more paper', async function () {
    this.timeout(60_000);
    const taxonomy = compileTaxonomy();
    const classified = new Map<string, number>();
    // Only classification reads a paper's arXiv category: counting the reads counts classifications, however made.
    const watched = (paper: Paper): Paper => Object.defineProperty({ ...paper }, 'primaryCategory', {
      enumerable: true,
      get: () => {
        classified.set(paper.id, (classified.get(paper.id) ?? 0) + 1);
        return paper.primaryCategory;
      },
    });
    const corpus = [...corpusPapers().values()];
    let papers = corpus.map(watched);
    const asked = new Set<string>();
    const client = new SearchClient({
      workerPath: join(tmpdir(), 'no-worker.js'), indexPath: join(tmpdir(), 'none.bin'), cacheDir: tmpdir(), papers: () => papers,
      topicOf: (paper) => {
        asked.add(paper.id);
        return classifyPaper(taxonomy, paper).primary; // not remembered here: the client must
      },
    });
    const idsOf = (query: string): Promise<string[]> => client.search(query, 10_000).then((answer) => answer.hits.map((hit) => hit.id));
    const segmentation = new Set(await idsOf('segmentation'));
    assert.deepEqual([...classified.keys()].sort(), [...segmentation].sort(), 'no topic filter: only the papers found are classified (for their cards)');
    assert.ok((await idsOf('topic:vision segmentation')).length > 0);
    assert.ok(classified.size > 0 && [...classified.keys()].every((id) => segmentation.has(id)),
      `classified ${classified.size} papers, only those that match the words (${segmentation.size})`);
    const queries = ['topic:vision segmentation', 'topic:robot has:code', 'topic:"computer vision" after:2026-01-01', 'topic:vision'];
    const before = await Promise.all(queries.map(idsOf));
    papers = [...papers, watched({ ...(corpus[0] as Paper), id: '2699.00001', title: 'Segmentation of Every Image', primaryCategory: 'cs.CV' })];
    const after = await Promise.all(queries.map(idsOf));
    assert.ok(after[0]?.includes('2699.00001'), 'the rebuilt scan has the new paper');
    assert.deepEqual(after.map((ids) => ids.filter((id) => id !== '2699.00001')), before, 'the same answers');
    const twice = [...classified].filter(([, count]) => count > 1);
    assert.deepEqual(twice.slice(0, 5), [], `${twice.length} papers classified more than once (of ${papers.length})`);
    assert.deepEqual([...asked].sort(), [...classified.keys()].sort(), 'classified by the host\'s topicOf');
    await client.dispose();
  });
});

describe('search client', () => {
  it('answers by scan when its worker dies, instead of hanging', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paper-feed-worker-'));
    const workerPath = join(dir, 'dying-worker.js');
    // A stand-in worker: ready at once, then it crashes on the first query.
    writeFileSync(workerPath, `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (message) => {
  if (message.type === 'init') parentPort.postMessage({ type: 'ready', size: 1, source: 'file', loadMs: 1 });
  if (message.type === 'search') throw new Error('boom');
});`);
    const papers: Paper[] = [{ id: '2508.10104', title: 'DINOv3', authors: [{ name: 'Oriane Siméoni' }], abstract: 'A vision foundation model.' }];
    const client = new SearchClient({ workerPath, indexPath: join(dir, 'none.bin'), cacheDir: dir, papers: () => papers });
    client.start();
    await client.ready;
    const answer = await client.search('dinov3', 5);
    assert.deepEqual({ by: answer.by, ids: answer.hits.map((hit) => hit.id) }, { by: 'scan', ids: ['2508.10104'] });
    assert.equal((await client.search('vision', 5)).by, 'scan', 'later queries scan too');
    await client.dispose();
  });

  for (const [how, death] of [['throws', "throw new Error('cannot read the index')"], ['exits', 'process.exit(3)']] as const) {
    it(`settles ready, with a clear error, when its worker ${how} before it is ready; search answers by scan`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'paper-feed-worker-'));
      const workerPath = join(dir, 'dying-worker.js');
      writeFileSync(workerPath, `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (message) => {
  if (message.type === 'init') ${death};
});`);
      const papers: Paper[] = [{ id: '2508.10104', title: 'DINOv3', authors: [{ name: 'Oriane Siméoni' }], abstract: 'A vision foundation model.' }];
      const client = new SearchClient({ workerPath, indexPath: join(dir, 'none.bin'), cacheDir: dir, papers: () => papers });
      client.start();
      const settled = await Promise.race([
        client.ready.then(() => 'resolved', (error: Error) => error.message),
        new Promise<string>((resolve) => setTimeout(() => resolve('still pending after 5 s'), 5_000)),
      ]);
      assert.match(settled, how === 'throws'
        ? /^The search worker failed: cannot read the index before its index was ready; searching by scan\.$/
        : /^The search worker stopped \(exit 3\) before its index was ready; searching by scan\.$/);
      const answer = await client.search('dinov3', 5);
      assert.deepEqual({ by: answer.by, ids: answer.hits.map((hit) => hit.id) }, { by: 'scan', ids: ['2508.10104'] });
      await client.dispose();
    });
  }
});
