import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BestOf } from '../../src/core/discovery/bestOf';
import { combineNearest, DEFAULT_DISCOVERY, DiscoveryModel } from '../../src/core/discovery/discoveryModel';
import { type IndexInput, SearchIndex } from '../../src/core/search/index';
import { SearchClient } from '../../src/core/search/workerClient';

function paper(id: string, title: string, text: string, extra: Partial<IndexInput> = {}): IndexInput {
  return { id, title, authors: ['Ada Lovelace'], keywords: [], text, upvotes: 0, date: '2026-01-01', hasCode: false, org: '', topic: 'other', ...extra };
}

/** Three small topics, with filler papers so that idf means something. */
const ROBOTS = [
  paper('r1', 'Dexterous grasping with tactile sensors', 'A robot hand learns dexterous grasping from tactile sensors and manipulation demonstrations.', { topic: 'robotics' }),
  paper('r2', 'Tactile manipulation for robot hands', 'Robot hands use tactile sensors for dexterous manipulation of objects.', { topic: 'robotics' }),
  paper('r3', 'Learning grasping policies for manipulators', 'Grasping policies for robot manipulators trained from demonstrations.', { topic: 'robotics' }),
  paper('r4', 'Bimanual robot manipulation from demonstrations', 'Two robot arms learn manipulation of deformable objects from demonstrations.', { topic: 'robotics' }),
  paper('r5', 'Sim-to-real transfer of grasping', 'Grasping learned in simulation transfers to a real robot with tactile feedback.', { topic: 'robotics' }),
];
const SPEECH = [
  paper('s1', 'Streaming speech recognition with transducers', 'Speech recognition of streaming audio with a transducer and low latency decoding.', { topic: 'audio' }),
  paper('s2', 'Low latency speech synthesis', 'Speech synthesis of natural audio with low latency vocoders.', { topic: 'audio' }),
  paper('s3', 'Multilingual speech recognition', 'Speech recognition for many languages with a shared audio encoder.', { topic: 'audio' }),
  paper('s4', 'Audio tokenizers for speech models', 'Discrete audio tokenizers compress speech for language models.', { topic: 'audio' }),
];
const FILLER = Array.from({ length: 30 }, (_, index) => paper(`f${index}`, `Benchmark number ${index} of tabular models`, `We study tabular data number ${index} with a new benchmark and models.`, { topic: 'data' }));

function build(extra: readonly IndexInput[] = []): SearchIndex {
  const index = new SearchIndex();
  index.add([...ROBOTS, ...SPEECH, ...FILLER, ...extra]);
  return index;
}

describe('discovery: similar papers', () => {
  it('puts papers sharing rare terms first, and leaves the paper itself out', () => {
    const hits = build().similar('r1', 5);
    assert.ok(hits.length >= 3, `${hits.length} hits`);
    assert.ok(!hits.some((hit) => hit.id === 'r1'), 'not itself');
    assert.equal(hits[0]?.id, 'r2', 'the other tactile, dexterous one first');
    assert.deepEqual(hits.slice(0, 4).map((hit) => hit.id).sort(), ['r2', 'r3', 'r4', 'r5']);
    hits.forEach((hit) => assert.ok(hit.score > 0 && hit.score <= 1, `score ${hit.score}`));
    assert.deepEqual(hits.map((hit) => hit.score), [...hits.map((hit) => hit.score)].sort((a, b) => b - a), 'best first');
    assert.equal(hits[0]?.card.title, 'Tactile manipulation for robot hands', 'with its card');
  });

  it('leaves out deleted papers and the same title under another id', () => {
    const index = build([paper('r1-copy', 'Dexterous grasping with tactile sensors', 'Another version with dexterous grasping and tactile sensors.', { topic: 'robotics' })]);
    assert.ok(!index.similar('r1', 10).some((hit) => hit.id === 'r1-copy'), 'a duplicate title');
    index.retain(new Set([...ROBOTS, ...SPEECH, ...FILLER].map((input) => input.id).filter((id) => id !== 'r2')));
    assert.ok(!index.similar('r1', 10).some((hit) => hit.id === 'r2'), 'a deleted paper');
  });

  it('keeps answering as papers are added after the model was built', () => {
    const index = build();
    const before = index.similar('s1', 3).map((hit) => hit.id);
    assert.equal(before[0], 's3');
    index.add([paper('s5', 'Streaming speech recognition on device', 'Streaming speech recognition with a transducer on device, low latency.', { topic: 'audio' })]);
    const after = index.similar('s1', 3).map((hit) => hit.id);
    assert.equal(after[0], 's5', 'the new, closest paper first');
    assert.ok(index.similar('s5', 3).some((hit) => hit.id === 's1'), 'and the new paper has similar papers');
    assert.equal(index.similar('s1', 10).filter((hit) => hit.id === 's5').length, 1);
  });

  it('answers nothing for hostile or empty input', () => {
    assert.deepEqual(new SearchIndex().similar('r1', 10), [], 'empty index');
    const index = build();
    for (const id of ['', 'nope', '__proto__', 'constructor']) {
      assert.deepEqual(index.similar(id, 10), [], id);
    }
    assert.deepEqual(index.similar('r1', 0), []);
    assert.deepEqual(index.similar('r1', -5), []);
    assert.deepEqual(index.similar('r1', Number.NaN), []);
    assert.ok(index.similar('r1', 1e9).length <= 200, 'at most 200');
    const model = index.discovery();
    assert.deepEqual(model.similar(-1, 10), []);
    assert.deepEqual(model.similar(1.5, 10), []);
    assert.deepEqual(model.similar(10_000, 10), []);
  });
});

describe('discovery: For you', () => {
  it('ranks a topic above the others from three saved papers of it, naming the nearest saved paper', () => {
    const index = build();
    const window = ['s1', 'f1', 'r4', 's2', 'f2', 'r5', 's4', 'f3'];
    const scores = index.forYou(window, ['r1', 'r2', 'r3']);
    assert.deepEqual(scores.map((score) => score.id), window, 'window order');
    const ranked = [...scores].sort((a, b) => b.score - a.score).map((score) => score.id);
    assert.deepEqual(ranked.slice(0, 2).sort(), ['r4', 'r5']);
    const r5 = scores.find((score) => score.id === 'r5');
    assert.ok(r5?.like === 'r1' || r5?.like === 'r2', `r5 is like ${r5?.like}`);
    const r4 = scores.find((score) => score.id === 'r4');
    const nearest = index.similar('r4', 10).find((hit) => ['r1', 'r2', 'r3'].includes(hit.id));
    assert.equal(r4?.like, nearest?.id, 'the saved paper most similar to it');
    scores.forEach((score) => assert.ok(score.score >= 0 && score.score <= 1));
    assert.equal(scores.find((score) => score.id === 'f1')?.like, undefined, 'nothing saved is like a filler paper');
  });

  it('scores unknown and empty input 0, ignores unknown saved ids, and does not compare a saved paper with itself', () => {
    const index = build();
    assert.deepEqual(index.forYou(['nope', '__proto__'], ['r1', 'r2']), [{ id: 'nope', score: 0 }, { id: '__proto__', score: 0 }]);
    assert.deepEqual(index.forYou(['r4'], []), [{ id: 'r4', score: 0 }]);
    assert.deepEqual(index.forYou(['r4'], ['gone', 'missing']), [{ id: 'r4', score: 0 }]);
    assert.deepEqual(index.forYou([], ['r1']), []);
    const withUnknown = index.forYou(['r4'], ['gone', 'r1', 'r2', 'r3']);
    assert.deepEqual(withUnknown, index.forYou(['r4'], ['r1', 'r2', 'r3']));
    const self = index.forYou(['r1', 'r1'], ['r1']);
    assert.deepEqual(self.map((score) => score.like), [undefined, undefined], 'not like itself');
    assert.equal(self[0]?.score, 0);
  });

  it('combines the nearest saved papers into 0..1, the nearest counting most', () => {
    assert.equal(combineNearest([], 0.5), 0);
    assert.equal(combineNearest([1, 1, 1], 0.5), 1);
    assert.ok(combineNearest([0.6, 0, 0], 0.5) > combineNearest([0.2, 0.2, 0.2], 0.5));
    assert.ok(combineNearest([0.5, 0.4], 0.5) > combineNearest([0.5], 0.5));
    assert.equal(combineNearest([0.3, 0.9], 0), 0.3, 'sorted nearest first by the caller');
  });
});

describe('discovery: the model', () => {
  it('answers alike whether papers came before or after its build (idf drifts a little until the next build)', () => {
    const all = build([paper('late', 'Tactile grasping benchmark', 'A benchmark of tactile grasping for robot hands.', { topic: 'robotics' })]);
    const early = build();
    early.similar('r1', 1); // the model is built now
    early.add([paper('late', 'Tactile grasping benchmark', 'A benchmark of tactile grasping for robot hands.', { topic: 'robotics' })]);
    const earlyHits = early.similar('late', 5).map((hit) => hit.id);
    const allHits = all.similar('late', 5).map((hit) => hit.id);
    assert.equal(earlyHits[0], allHits[0]);
    assert.deepEqual([...earlyHits].sort(), [...allHits].sort());
  });

  it('keeps its arrays small (signatures of at most `signature` terms)', () => {
    const index = build();
    const model = new DiscoveryModel(index.discoverySource(), { ...DEFAULT_DISCOVERY, signature: 4 });
    assert.ok(model.similar(0, 3).length > 0);
    assert.ok(model.bytes < 10_000, `${model.bytes} bytes`);
  });

  it('keeps the best of many, ties to the smaller number', () => {
    const best = new BestOf(3);
    [[5, 0.1], [2, 0.9], [7, 0.5], [1, 0.5], [9, 0.95], [4, 0.5]].forEach(([doc, score]) => best.offer(doc as number, score as number));
    assert.deepEqual(best.sorted(), [{ doc: 9, score: 0.95 }, { doc: 2, score: 0.9 }, { doc: 1, score: 0.5 }]);
    const none = new BestOf(0);
    none.offer(1, 1);
    assert.deepEqual(none.sorted(), []);
  });
});

describe('discovery through SearchClient', () => {
  const papers = [{ id: '2508.10104', title: 'DINOv3', authors: [{ name: 'Oriane Siméoni' }], abstract: 'A vision foundation model.' }];

  function fakeWorker(body: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'paper-feed-discovery-'));
    const path = join(dir, 'worker.js');
    writeFileSync(path, `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (message) => {
  if (message.type === 'init') parentPort.postMessage({ type: 'ready', size: 1, source: 'file', loadMs: 1 });
  ${body}
});`);
    return path;
  }

  it('asks the worker and gives its answers', async () => {
    const workerPath = fakeWorker(`
  if (message.type === 'similar') parentPort.postMessage({ type: 'similar', id: message.id, hits: [{ id: message.paperId + '-like', score: 0.5, card: { id: 'x', title: 'X', authors: [], authorCount: 0, date: '', upvotes: message.limit, topic: 'other' } }] });
  if (message.type === 'forYou') parentPort.postMessage({ type: 'forYou', id: message.id, scores: message.window.map((id, index) => ({ id, score: index / 10, like: message.saved[0] })) });`);
    const client = new SearchClient({ workerPath, indexPath: join(tmpdir(), 'none.bin'), cacheDir: tmpdir(), papers: () => papers });
    assert.deepEqual(await client.similar('a', 10), [], 'not started: nothing');
    client.start();
    await client.ready;
    const [similar, forYou] = await Promise.all([client.similar('a', 7), client.forYou(['w1', 'w2'], ['s1'])]);
    assert.deepEqual(similar.map((hit) => [hit.id, hit.card.upvotes]), [['a-like', 7]]);
    assert.deepEqual(forYou, [{ id: 'w1', score: 0, like: 's1' }, { id: 'w2', score: 0.1, like: 's1' }]);
    assert.deepEqual(await client.forYou(['w1'], []), [{ id: 'w1', score: 0 }], 'nothing saved: zeros, without asking');
    await client.dispose();
  });

  it('answers none and zeros when the worker dies or is disposed while asked', async () => {
    const workerPath = fakeWorker(`
  if (message.type === 'similar' || message.type === 'forYou') process.exit(4);`);
    const client = new SearchClient({ workerPath, indexPath: join(tmpdir(), 'none.bin'), cacheDir: tmpdir(), papers: () => papers });
    client.start();
    await client.ready;
    const [similar, forYou] = await Promise.all([client.similar('a', 10), client.forYou(['w1', 'w2'], ['s1'])]);
    assert.deepEqual(similar, []);
    assert.deepEqual(forYou, [{ id: 'w1', score: 0 }, { id: 'w2', score: 0 }]);
    const silent = new SearchClient({ workerPath: fakeWorker(''), indexPath: join(tmpdir(), 'none.bin'), cacheDir: tmpdir(), papers: () => papers });
    silent.start();
    await silent.ready;
    const pending = Promise.all([silent.similar('a', 10), silent.forYou(['w1'], ['s1'])]);
    await silent.dispose();
    assert.deepEqual(await pending, [[], [{ id: 'w1', score: 0 }]]);
  });
});
