import * as assert from 'node:assert/strict';
import { type IndexInput, SearchIndex } from '../../src/core/search/index';
import { LinearScan } from '../../src/core/search/papers';
import { parseQuery } from '../../src/core/search/query';
import type { Paper } from '../../src/core/paper/model';

/** Search finds what people type: words written together or apart, full names, short typos. */

function doc(id: string, title: string, extra: Partial<IndexInput> = {}): IndexInput {
  return { id, title, authors: ['Ada Lovelace'], keywords: [], text: '', upvotes: 0, date: '2026-01-01', hasCode: false, org: '', topic: 'other', ...extra };
}

function build(docs: readonly IndexInput[]): SearchIndex {
  const index = new SearchIndex();
  index.add(docs);
  return index;
}

function ids(index: SearchIndex, query: string, limit = 5): string[] {
  return index.search(parseQuery(query), limit).map((hit) => hit.id);
}

function paper(input: IndexInput): Paper {
  return { id: input.id, title: input.title, authors: input.authors.map((name) => ({ name })), abstract: input.text, upvotes: input.upvotes };
}

describe('search: words written together, apart or hyphenated', () => {
  const index = build([
    doc('hyphen', 'Leveraging Self-Attention for Soft Prompting', { upvotes: 5 }),
    doc('joined', 'Selfattention Maps Revisited', { upvotes: 1 }),
    doc('free', 'Environment-free Synthetic Data for API-Calling Agents', { upvotes: 3 }),
    doc('tradeoff', 'Breaking the Latency-Throughput Tradeoff', { upvotes: 2 }),
    doc('other', 'Attention Sinks in Streaming Models', { text: 'A self-supervised study of attention.', upvotes: 40 }),
  ]);

  it('finds a hyphenated word typed hyphenated, joined or apart', () => {
    for (const query of ['self-attention', 'self attention', 'Self-Attention soft prompting', 'selfattention soft prompting', 'self attention prompting']) {
      assert.equal(ids(index, query)[0], 'hyphen', query);
    }
    assert.deepEqual(ids(index, 'selfattention').slice(0, 2).sort(), ['hyphen', 'joined'], 'and the title that starts with it, before the abstract with both words');
    for (const query of ['Environment-free', 'environmentfree', 'environment free', 'environmentfree apicalling agents']) {
      assert.deepEqual(ids(index, query), ['free'], query);
    }
  });

  it('finds a word written as one by its hyphenated or separate parts', () => {
    assert.ok(ids(index, 'self-attention').includes('joined'), 'self-attention finds "Selfattention"');
    assert.ok(ids(index, 'self attention maps').includes('joined'), 'self attention finds "Selfattention"');
    assert.deepEqual(ids(index, 'latency trade-off'), ['tradeoff']);
  });

  it('completes a hyphenated word as it is typed', () => {
    assert.deepEqual(ids(index, 'environment-fr'), ['free']);
    assert.deepEqual(ids(index, 'self-att').slice(0, 2).sort(), ['hyphen', 'joined']);
  });

  it('does not rank a rare longer word above the word typed', () => {
    const ranked = build([
      doc('exact', 'Transformers without Normalization', { upvotes: 11 }),
      doc('longer', 'Stronger Normalizations for Transformers', { upvotes: 10 }),
      ...Array.from({ length: 30 }, (_, at) => doc(`n${at}`, `Normalization study ${at}`)),
    ]);
    assert.equal(ids(ranked, 'transfomers without normalization')[0], 'exact');
  });

  it('the scan while the index loads finds them too', () => {
    const scan = new LinearScan([doc('hyphen', 'Leveraging Self-Attention for Soft Prompting'), doc('free', 'Environment-free Synthetic Data')].map(paper));
    assert.deepEqual(scan.search('selfattention', 5).map((found) => found.id), ['hyphen']);
    assert.deepEqual(scan.search('environmentfree', 5).map((found) => found.id), ['free']);
    assert.deepEqual(scan.search('self-attention', 5).map((found) => found.id), ['hyphen']);
  });

  it('matches a plural or singular word', () => {
    const plural = build([doc('llms', 'Scaling LLMs Efficiently', { upvotes: 1 }), doc('llm', 'One LLM Judge', { upvotes: 1 })]);
    assert.deepEqual(ids(plural, 'llm scaling'), ['llms']);
    assert.deepEqual(ids(plural, 'llms judge'), ['llm']);
  });
});

describe('search: full author names', () => {
  const index = build([
    doc('lecun', 'World Models for Planning', { authors: ['Alice Martin', 'Yann LeCun'], upvotes: 3, topic: 'robotics' }),
    doc('split', 'World Models at Scale', { authors: ['Yann Dubois', 'Marc Lecun', 'Li Wei'], upvotes: 90 }),
    doc('cites', 'Planning with World Models', { text: 'Following Yann LeCun, we plan in latent space.', upvotes: 60 }),
    doc('feifei', 'Spatial Beliefs of Robots', { authors: ['Li Fei-Fei', 'Manling Li'], upvotes: 2 }),
    doc('lis', 'Spatial Reasoning Benchmarks', { authors: ['Fei Li', 'Chen Li', 'Fei Wang'], upvotes: 50 }),
  ]);

  it('ranks first the paper whose author has the full name, with the other words', () => {
    for (const query of ['yann lecun world models', 'lecun yann world', '"yann lecun" world models', 'world models yann lecun']) {
      assert.equal(ids(index, query)[0], 'lecun', query);
    }
    assert.equal(ids(index, 'li fei-fei spatial')[0], 'feifei');
    assert.equal(ids(index, 'fei-fei li spatial')[0], 'feifei');
  });

  it('filters by a full name, quoted, also while the quote is still open', () => {
    assert.deepEqual(ids(index, 'author:"yann lecun"'), ['lecun']);
    assert.deepEqual(ids(index, 'author:"Yann LeCun" world'), ['lecun']);
    assert.deepEqual(ids(index, 'author:lecun world').sort(), ['lecun', 'split']);
    assert.deepEqual(parseQuery('author:"yann lec').filters, { author: 'yann lec' });
    assert.deepEqual(ids(index, 'author:"yann lec'), ['lecun']);
    assert.deepEqual(parseQuery('author:"yann lecun" world mo').words, ['world', 'mo']);
  });
});

describe('search: a typo in a short word', () => {
  const index = build([
    doc('wan', 'Wan: Open and Advanced Large-Scale Video Generative Models', { upvotes: 13 }),
    doc('what', 'What Matters in Transformers? Not All Attention is Needed', { upvotes: 14 }),
    doc('routing', 'Routing Matters in Transformers', { upvotes: 30 }),
    doc('gap', 'Mind the Gap: Bridging Thought Leap', { upvotes: 13 }),
    doc('gas', 'Gas Turbine Forecasting', { upvotes: 50 }),
    doc('water', 'Water Simulation with Neural Fields', { upvotes: 5 }),
    doc('flow', 'Consistency Flow Matching', { upvotes: 9 }),
    doc('math', 'Skywork-Math: Data Scaling Laws', { upvotes: 25 }),
  ]);

  it('matches a 3–4 letter word one edit away when the typed word names no paper', () => {
    assert.deepEqual(ids(index, 'wna video'), ['wan']);
    assert.deepEqual(ids(index, 'Wna '), ['wan']);
    assert.deepEqual(ids(index, 'consistency flwo'), ['flow']);
    assert.deepEqual(ids(index, 'skywork mtah'), ['math']);
    assert.deepEqual(ids(index, 'mnid the gap'), ['gap']);
  });

  it('leaves a word that names a paper as it is, and a word being typed that starts one', () => {
    assert.deepEqual(ids(index, 'gap '), ['gap'], 'no "gas" for "gap"');
    assert.deepEqual(ids(index, 'wat'), ['water'], 'typing: "wat" starts "water"');
  });

  it('reads a typo of a stop word as that word: optional, and the start of a title', () => {
    assert.equal(ids(index, 'Wat matters in transformers')[0], 'what');
    assert.deepEqual(ids(index, 'teh gap '), ['gap']);
  });
});

describe('search hits: cards and where the words were found', () => {
  const input = doc('2508.10104', 'DINOv3: Self-Supervised Vision', {
    authors: ['Oriane Siméoni', 'Huy V. Vo', 'Maximilian Seitzer', 'Federico Baldassarre', 'Maxime Oquab', 'Cijo Jose', 'Vasil Khalidov'],
    keywords: ['gram anchoring'], text: 'A vision foundation model trained at scale. Dense features stay sharp.',
    upvotes: 7, date: '2025-08-14', topic: 'vision', hasCode: true, githubRepo: 'https://github.com/facebookresearch/dinov3', githubStars: 9000,
  });
  const card = {
    id: '2508.10104', title: 'DINOv3: Self-Supervised Vision', authors: ['Oriane Siméoni', 'Huy V. Vo', 'Maximilian Seitzer', 'Federico Baldassarre', 'Maxime Oquab'],
    authorCount: 7, date: '2025-08-14', upvotes: 7, githubRepo: 'https://github.com/facebookresearch/dinov3', githubStars: 9000, topic: 'vision',
  };
  const index = build([input, doc('plain', 'Plain Paper', { upvotes: 1, date: '' })]);

  it('carry the card the picker shows, also after the index is saved and loaded', () => {
    assert.deepEqual(index.search(parseQuery('dinov3'), 5)[0]?.card, card);
    const loaded = SearchIndex.deserialize(index.serialize());
    assert.deepEqual(loaded.search(parseQuery('dinov3'), 5)[0]?.card, card);
    assert.deepEqual(loaded.search(parseQuery('plain'), 5)[0]?.card,
      { id: 'plain', title: 'Plain Paper', authors: ['Ada Lovelace'], authorCount: 1, date: '', upvotes: 1, topic: 'other' }, 'no repository, no stars: no such fields');
  });

  it('carry the changed facts of a paper indexed again', () => {
    const growing = build([input]);
    growing.add([{ ...input, upvotes: 70, githubStars: 9500 }]);
    assert.deepEqual(growing.search(parseQuery('dinov3'), 5)[0]?.card, { ...card, upvotes: 70, githubStars: 9500 });
  });

  it('say which fields the words were found in, and whether only the abstract had them', () => {
    const hit = (query: string) => index.search(parseQuery(query), 5)[0];
    assert.deepEqual({ in: hit('dense features')?.matchedIn, abstractOnly: hit('dense features')?.abstractOnly }, { in: ['abstract'], abstractOnly: true });
    assert.deepEqual({ in: hit('dinov3 ')?.matchedIn, abstractOnly: hit('dinov3 ')?.abstractOnly }, { in: ['title'], abstractOnly: false });
    assert.deepEqual(hit('vision dense')?.matchedIn, ['title', 'abstract']);
    assert.deepEqual(hit('oquab gram')?.matchedIn, ['authors', 'keywords']);
    assert.deepEqual(hit('DINOv3: Self-Su')?.abstractOnly, false, 'the start of a title');
    assert.deepEqual({ in: hit('has:code')?.matchedIn, abstractOnly: hit('has:code')?.abstractOnly }, { in: [], abstractOnly: false }, 'filters only');
  });

  it('from the scan while the index loads: the same card and fields', () => {
    const scanned: Paper = {
      ...paper(input), feedDate: '2025-08-14', githubRepo: 'https://github.com/facebookresearch/dinov3', githubStars: 9000,
    };
    const scan = new LinearScan([scanned], undefined, () => 'vision');
    const [hit] = scan.hits('dense features', 5);
    assert.deepEqual(hit?.card, card);
    assert.deepEqual({ in: hit?.matchedIn, abstractOnly: hit?.abstractOnly }, { in: ['abstract'], abstractOnly: true });
    assert.equal(scan.hits('siméoni vision', 5)[0]?.abstractOnly, false);
  });

  it('an index file of the format before cards is refused, so that it is rebuilt', () => {
    const bytes = index.serialize();
    const text = Buffer.from(bytes).toString('latin1');
    const older = Buffer.from(text.replace('"version":3', '"version":2'), 'latin1');
    assert.notEqual(Buffer.compare(older, Buffer.from(bytes)), 0);
    assert.throws(() => SearchIndex.deserialize(new Uint8Array(older)), /version 2, expected 3/);
  });
});
