import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { FULLTEXT_DIR, FULLTEXT_MAX_BYTES } from '../../src/core/fulltext/fullTextFiles';
import type { Paper } from '../../src/core/paper/model';
import { FULL_TEXT_SNIPPET_MAX } from '../../src/core/search/fullTextFind';
import { FullTextIndex } from '../../src/core/search/fullTextIndex';
import { parseQuery, quotedPhrases } from '../../src/core/search/query';
import { PaperCache } from '../../src/core/storage/cache';
import { SearchClient } from '../../src/core/search/workerClient';
import { root } from '../support/paths';

function answer(title: string, body: string): string {
  return `Title: ${title}\nURL Source: https://arxiv.org/html/2501.00001v1\n\nMarkdown Content:\n${title}\n===\n\n${body}\n`;
}

const TEXTS: Record<string, string> = {
  '2501.00001': answer('Diffusion Everywhere', `## 1 Introduction

We study **diffusion models** for image synthesis. Diffusion transformers scale well with compute, and diffusion is everywhere.

## 2 Related work

The state of the art in [video generation](https://arxiv.org/html/2501.00001v1#S2 "Video") is strong. See ![Image 1: A sampler diagram](https://arxiv.org/x.png).`),
  '2501.00002': answer('Graphs', 'Graph neural networks and a diffusion process on graphs. The café serves crème brûlée.'),
  '2501.00003': answer('Mixtures', 'A mixture of experts routes each token. The state of affairs is art. Experts, experts everywhere.'),
};

function search(index: FullTextIndex, query: string, limit = 10, accept?: (id: string) => boolean): ReturnType<FullTextIndex['search']> {
  return index.search(parseQuery(query), quotedPhrases(query), limit, accept);
}

const ids = (hits: readonly { readonly id: string }[]): string[] => hits.map((hit) => hit.id);

describe('the full-text index (in:fulltext)', () => {
  let dir: string;
  let logs: string[];
  let index: FullTextIndex;

  const write = (id: string, text: string | Buffer, mtime?: Date): void => {
    const file = join(dir, FULLTEXT_DIR, `${id}.md`);
    writeFileSync(file, text);
    if (mtime) {
      utimesSync(file, mtime, mtime);
    }
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paper-feed-fulltext-'));
    mkdirSync(join(dir, FULLTEXT_DIR));
    Object.entries(TEXTS).forEach(([id, text]) => write(id, text));
    logs = [];
    index = new FullTextIndex(dir, (message) => logs.push(message));
    await index.setPapers(Object.keys(TEXTS));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds papers with every word (AND), a word also as its plural or singular', () => {
    assert.deepEqual(ids(search(index, 'diffusion ')).sort(), ['2501.00001', '2501.00002']);
    assert.deepEqual(ids(search(index, 'graph diffusion ')), ['2501.00002']);
    assert.deepEqual(ids(search(index, 'diffusion experts ')), []);
    assert.deepEqual(ids(search(index, 'transformer ')), ['2501.00001'], 'plural in the text');
    assert.deepEqual(ids(search(index, 'cafe creme ')), ['2501.00002'], 'accents folded');
  });

  it('matches the word being typed as the start of a word, and a complete word only whole', () => {
    assert.deepEqual(ids(search(index, 'diff')).sort(), ['2501.00001', '2501.00002']);
    assert.deepEqual(ids(search(index, 'mixture of exp')), ['2501.00003']);
    assert.deepEqual(ids(search(index, 'diff ')), [], 'a finished word is not a prefix');
    assert.deepEqual(ids(search(index, 'state of the')).sort(), ['2501.00001', '2501.00003'], 'a stop word being typed is not required');
  });

  it('matches quoted phrases as written, an open one with its last word as a prefix', () => {
    assert.deepEqual(ids(search(index, '"state of the art"')), ['2501.00001']);
    assert.deepEqual(ids(search(index, '"state of the ar')), ['2501.00001']);
    assert.deepEqual(ids(search(index, '"art state"')), []);
    assert.deepEqual(ids(search(index, '"video generation" strong')), ['2501.00001']);
    assert.deepEqual(ids(search(index, '"mixture of experts"')), ['2501.00003']);
    assert.deepEqual(ids(search(index, '"http arxiv"')), [], 'link targets are not text');
  });

  it('ranks by how often and how rare the words are (BM25), counts matches', () => {
    const hits = search(index, 'diffusion ');
    assert.deepEqual(ids(hits), ['2501.00001', '2501.00002']);
    assert.deepEqual(hits.map((hit) => hit.matches), [4, 1]);
    assert.ok((hits[0]?.score ?? 0) > (hits[1]?.score ?? 0));
    assert.equal(search(index, '"state of the art"')[0]?.matches, 1);
    assert.deepEqual(ids(search(index, 'diffusion ', 1)), ['2501.00001'], 'the limit');
  });

  it('gives the sentence around the first match as the snippet, plain and short', () => {
    assert.equal(search(index, 'synthesis ')[0]?.snippet, 'We study diffusion models for image synthesis.');
    assert.equal(search(index, 'generation ')[0]?.snippet, 'The state of the art in video generation is strong.');
    assert.equal(search(index, 'sampler ')[0]?.snippet, 'See A sampler diagram.', 'an image as its alt text');
    const long = `${'word '.repeat(300)}needle ${'more '.repeat(300)}`;
    write('2501.00004', answer('Long', long));
    return index.setPapers([...Object.keys(TEXTS), '2501.00004']).then(() => {
      const snippet = search(index, 'needle ')[0]?.snippet ?? '';
      assert.ok(snippet.length <= FULL_TEXT_SNIPPET_MAX, `${snippet.length}`);
      assert.match(snippet, /^…(word ){5,}needle( more){5,}…$/);
    });
  });

  it('applies the filters it is given, and lists every paper for a query of filters only', () => {
    assert.deepEqual(ids(search(index, 'diffusion ', 10, (id) => id !== '2501.00001')), ['2501.00002']);
    assert.deepEqual(ids(search(index, 'in:fulltext')), ['2501.00003', '2501.00002', '2501.00001'], 'newest id first');
  });

  it('reads changed files again (by modification time and size) and drops papers no longer listed', async () => {
    write('2501.00002', answer('Quantum', 'Now about quantum annealing.'), new Date(Date.now() + 60_000));
    await index.setPapers(['2501.00001', '2501.00002']);
    assert.deepEqual(ids(search(index, 'quantum ')), ['2501.00002']);
    assert.deepEqual(ids(search(index, 'graph ')), []);
    assert.deepEqual(ids(search(index, 'experts ')), [], 'dropped');
    assert.equal(index.size, 2);
    // Same size and time: not read again; a new time: read again.
    const later = new Date(Date.now() + 60_000);
    write('2501.00002', answer('Quantum', 'Now about plasma! annealing.'), later);
    await index.setPapers(['2501.00001', '2501.00002']);
    assert.deepEqual(ids(search(index, 'quantum ')), ['2501.00002'], 'same size and time: the file is taken as unchanged');
    write('2501.00002', answer('Quantum', 'Now about plasma! annealing.'), new Date(Date.now() + 120_000));
    await index.setPapers(['2501.00001', '2501.00002']);
    assert.deepEqual(ids(search(index, 'plasma ')), ['2501.00002']);
    assert.deepEqual(ids(search(index, 'about quantum ')), ['2501.00002'], 'the title still says it');
    assert.equal(search(index, 'quantum ')[0]?.matches, 1, 'in the heading only, no longer in the body');
  });

  it('skips missing, oversized and unreadable files, and logs each once', async () => {
    write('2501.00005', Buffer.alloc(FULLTEXT_MAX_BYTES + 1, 'a'));
    mkdirSync(join(dir, FULLTEXT_DIR, '2501.00006.md'));
    const listed = [...Object.keys(TEXTS), '2501.00005', '2501.00006', '2501.09999', '../../etc/passwd'];
    await index.setPapers(listed);
    await index.setPapers(listed);
    assert.equal(index.size, 3);
    assert.equal(logs.length, 4, logs.join('\n'));
    assert.ok(logs.some((line) => /2501\.09999.*missing/.test(line)));
    assert.ok(logs.some((line) => /2501\.00005.*larger/.test(line)));
  });

  it('stays quick and bounded on hostile text: a 4 MB line, bidi marks, NUL', async () => {
    write('2501.00007', `Title: x\n\nMarkdown Content:\n${'a'.repeat(FULLTEXT_MAX_BYTES - 100)}`);
    write('2501.00008', answer('Bidi', 'evil \u202Egnp.exe\u202C and \u0000nul\u0000 byte with needle inside'));
    const started = performance.now();
    await index.setPapers([...Object.keys(TEXTS), '2501.00007', '2501.00008']);
    assert.ok(performance.now() - started < 5_000);
    assert.equal(index.size, 5);
    const hit = search(index, 'needle ')[0];
    assert.equal(hit?.id, '2501.00008');
    assert.ok((hit?.snippet.length ?? 0) <= FULL_TEXT_SNIPPET_MAX);
    const one = performance.now();
    assert.deepEqual(ids(search(index, 'aaaa')), [], 'the one long "word" is not indexed');
    assert.ok(performance.now() - one < 500);
  });
});

describe('full-text search through the worker', function () {
  this.timeout(60_000);

  it('searches the saved papers the host lists, with cards, filters and snippets; none once unlisted', async () => {
    const work = mkdtempSync(join(tmpdir(), 'paper-feed-fulltext-worker-'));
    try {
      const workerPath = join(work, 'searchWorker.js');
      await build({ entryPoints: [join(root, 'src', 'core', 'search', 'worker.ts')], outfile: workerPath, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
      const cacheDir = join(work, 'cache');
      const cache = new PaperCache(cacheDir, { maxPapers: 1_000 });
      await cache.load();
      const papers: Paper[] = Object.keys(TEXTS).map((id, at) => ({
        id, title: `Paper ${at + 1}`, authors: [{ name: at === 0 ? 'Ada Lovelace' : 'Alan Turing' }], abstract: 'An abstract.', feedDate: `2025-01-0${at + 1}`,
      }));
      await cache.record('date:2025-01-01', papers);
      mkdirSync(join(cacheDir, FULLTEXT_DIR), { recursive: true });
      Object.entries(TEXTS).forEach(([id, text]) => writeFileSync(join(cacheDir, FULLTEXT_DIR, `${id}.md`), text));
      const logs: string[] = [];
      const client = new SearchClient({ workerPath, indexPath: join(work, 'index.bin'), cacheDir, papers: () => [], log: (_level, message) => logs.push(message) });
      client.start();
      client.setFullTextPapers(['2501.00001', '2501.00002']);
      await client.ready;
      const hits = await client.fullTextSearch('in:fulltext diffusion ', 10);
      assert.deepEqual(hits.map((hit) => [hit.id, hit.card?.title, hit.matches]), [['2501.00001', 'Paper 1', 4], ['2501.00002', 'Paper 2', 1]]);
      assert.equal(hits[1]?.snippet, 'Graph neural networks and a diffusion process on graphs.');
      assert.deepEqual((await client.fullTextSearch('in:fulltext diffusion author:turing', 10)).map((hit) => hit.id), ['2501.00002']);
      assert.deepEqual((await client.fullTextSearch('in:fulltext experts', 10)).map((hit) => hit.id), [], 'not a listed paper');
      client.setFullTextPapers(['2501.00003']);
      assert.deepEqual((await client.fullTextSearch('in:fulltext experts', 10)).map((hit) => hit.id), ['2501.00003']);
      assert.deepEqual((await client.fullTextSearch('in:fulltext diffusion', 10)).map((hit) => hit.id), []);
      await client.dispose();
      assert.deepEqual(await client.fullTextSearch('in:fulltext experts', 10), [], 'none once the worker is gone');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
