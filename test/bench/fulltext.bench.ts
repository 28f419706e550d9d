/**
 * Search inside saved papers' full texts (`in:fulltext`), through the SearchClient and its worker as
 * Search Papers asks it. 200 full texts are made in a temporary cache (seed 42), each in Hugging
 * Face's answer format (`Title:`/`URL Source:`/`Published Time:` header, `Markdown Content:`, then
 * Markdown) and about as long as a real paper (60–100 kB): a setext title, then ATX sections whose
 * paragraphs are corpus abstracts drawn at random, with links to arXiv's HTML sections, images with
 * captions, and formulas as Unicode followed by their LaTeX. The cache also holds every corpus paper,
 * so that title search runs on the usual 10k index; it is timed before the full-text index exists
 * (the baseline) and again once it is loaded.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FULLTEXT_DIR } from '../../src/core/fulltext/fullTextFiles';
import { fullTextPlain } from '../../src/core/fulltext/plainText';
import type { Paper } from '../../src/core/paper/model';
import { FullTextIndex } from '../../src/core/search/fullTextIndex';
import { SearchClient } from '../../src/core/search/workerClient';
import { PaperCache } from '../../src/core/storage/cache';
import { corpusPapers } from '../support/corpus';
import { root } from '../support/paths';
import { type Bench, percentile } from './harness';
import { keystrokeQueries, latencies, LIMIT, mulberry32 } from './searchInputs';

const WORKER = join(root, 'dist', 'searchWorker.js');
const PAPERS = 200;
const SECTIONS = ['Introduction', 'Related Work', 'Method', 'Experiments', 'Results', 'Ablation Studies', 'Limitations', 'Conclusion'];
const FORMULAS = [
  'x∈𝒳 x\\in\\mathcal{X}', 'ℒ=−∑ᵢ log p(yᵢ) \\mathcal{L}=-\\sum_{i}\\log p(y_{i})', 'α∈[0,1] \\alpha\\in[0,1]',
  'f:𝒳→𝒴 f:\\mathcal{X}\\to\\mathcal{Y}', '‖θ‖₂≤λ \\|\\theta\\|_{2}\\leq\\lambda',
];

/** One made-up full text of about `size` characters, from `abstracts` drawn by `random`. */
function fullText(paper: Paper, abstracts: readonly string[], random: () => number, size: number): string {
  const pick = (): string => abstracts[Math.floor(random() * abstracts.length)] as string;
  const out = [`Title: ${paper.title}`, `URL Source: https://arxiv.org/html/${paper.id}v1`, 'Published Time: 2025-06-01T00:00:00Z', '', 'Markdown Content:',
    paper.title, '='.repeat(Math.min(80, paper.title.length)), '', paper.abstract, ''];
  let length = out.join('\n').length;
  let section = 0;
  let figure = 0;
  while (length < size) {
    const parts: string[] = [];
    if (section < SECTIONS.length * 3 && random() < 0.15) {
      section++;
      parts.push(`## ${section} ${SECTIONS[(section - 1) % SECTIONS.length] as string}[#](https://arxiv.org/html/${paper.id}v1#S${section} "In ${paper.title}")`, '');
    }
    const sentences = [pick(), pick()];
    if (random() < 0.3) {
      sentences.push(`As shown in [Section ${1 + Math.floor(random() * 8)}](https://arxiv.org/html/${paper.id}v1#S${section} "${SECTIONS[section % SECTIONS.length] as string}"), the **results** hold.`);
    }
    if (random() < 0.3) {
      sentences.push(`For an input ${FORMULAS[Math.floor(random() * FORMULAS.length)] as string} the model is _well defined_.`);
    }
    parts.push(sentences.join(' '), '');
    if (random() < 0.05) {
      figure++;
      parts.push(`![Image ${figure}: ${pick().slice(0, 120)}](https://arxiv.org/html/${paper.id}v1/x${figure}.png)`, '');
    }
    out.push(...parts);
    length += parts.join('\n').length + parts.length;
  }
  return out.join('\n');
}

/** The queries: words and word pairs of the texts (some quoted as phrases), each typed key by key after `in:fulltext `. */
function fullTextQueries(texts: readonly string[], random: () => number): { readonly typed: string[]; readonly finished: string[] } {
  const finished: string[] = [];
  // From the text as searched (no header, link targets or LaTeX), so that every finished query finds its paper.
  const words = (text: string): string[] => fullTextPlain(text).match(/[A-Za-z0-9]+/g) ?? [];
  while (finished.length < 60) {
    const text = words(texts[Math.floor(random() * texts.length)] as string);
    let at = Math.floor(random() * Math.max(1, text.length - 3));
    while (at < text.length - 3 && (text[at] as string).length < 4) {
      at++; // a query starts with a word of 4+ letters; a phrase's next word is the text's next one, whatever its length
    }
    const kind = finished.length % 3;
    const query = kind === 0 ? text[at] : kind === 1 ? `${text[at] as string} ${text[at + 2] as string}` : `"${text[at] as string} ${text[at + 1] as string}"`;
    if (query && !query.includes('undefined')) {
      finished.push(query.toLowerCase());
    }
  }
  const typed = finished.flatMap((query) => Array.from({ length: query.length }, (_, index) => `in:fulltext ${query.slice(0, index + 1)}`));
  return { typed, finished };
}

export async function benchFullText(bench: Bench): Promise<void> {
  if (!existsSync(WORKER)) {
    throw new Error(`${WORKER} is missing: npm run bench builds it first`);
  }
  const all = [...corpusPapers().values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const random = mulberry32(42);
  const chosen = new Set<Paper>();
  while (chosen.size < PAPERS) {
    chosen.add(all[Math.floor(random() * all.length)] as Paper);
  }
  const abstracts = all.map((paper) => paper.abstract).filter((abstract) => abstract.length > 200);
  const work = mkdtempSync(join(tmpdir(), 'paper-feed-bench-fulltext-'));
  try {
    const cacheDir = join(work, 'cache');
    const cache = new PaperCache(cacheDir, { maxPapers: 1_000_000 });
    await cache.record('bench', all);
    mkdirSync(join(cacheDir, FULLTEXT_DIR), { recursive: true });
    const texts: string[] = [];
    let bytes = 0;
    for (const paper of chosen) {
      const text = fullText(paper, abstracts, random, 60_000 + Math.floor(random() * 40_000));
      texts.push(text);
      bytes += Buffer.byteLength(text);
      writeFileSync(join(cacheDir, FULLTEXT_DIR, `${paper.id}.md`), text);
    }
    const ids = [...chosen].map((paper) => paper.id);
    const { typed, finished } = fullTextQueries(texts, random);

    const client = new SearchClient({ workerPath: WORKER, indexPath: join(work, 'index.bin'), cacheDir, papers: () => [] });
    client.start();
    // The worker holds the process open only while an answer is awaited, not while `synced` is.
    const keepAlive = setInterval(() => undefined, 1_000);
    await client.ready;
    await client.synced;
    clearInterval(keepAlive);
    const titleQueries = keystrokeQueries(all);
    const baseline = await latencies(titleQueries, (query) => client.search(query, LIMIT));

    client.setFullTextPapers(ids);
    const started = performance.now();
    const first = await client.fullTextSearch('in:fulltext diffusion', LIMIT);
    const buildMs = performance.now() - started;
    if (first.length === 0 || !first.every((hit) => hit.card)) {
      throw new Error(`the first full-text search found ${first.length} papers (cards: ${first.filter((hit) => hit.card).length})`);
    }
    const times = await latencies(typed, (query) => client.fullTextSearch(query, LIMIT));
    let found = 0;
    for (const query of finished) {
      const hit = (await client.fullTextSearch(`in:fulltext ${query}`, LIMIT)).length > 0;
      found += hit ? 1 : 0;
    }
    const loaded = await latencies(titleQueries, (query) => client.search(query, LIMIT));
    await client.dispose();

    // Memory: the same index built in this process (the worker's heap cannot be read from here).
    global.gc?.();
    const before = process.memoryUsage();
    const index = new FullTextIndex(cacheDir);
    await index.setPapers(ids);
    global.gc?.();
    const after = process.memoryUsage();
    const heapMB = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1e6;
    const estimateMB = index.estimatedBytes() / 1e6;

    const sizeNote = `${PAPERS} full texts of ${(bytes / PAPERS / 1e3).toFixed(0)} kB on average (${(bytes / 1e6).toFixed(1)} MB; seed 42, corpus abstracts stitched with headings, links, images, formulas)`;
    bench.record('fulltext.searchP50Ms', percentile(times, 50), 'ms', `${typed.length} keystrokes of ${finished.length} queries (words, word pairs, quoted phrases) after "in:fulltext ", through SearchClient + worker, limit ${LIMIT}, ${sizeNote}`);
    bench.record('fulltext.searchP95Ms', percentile(times, 95), 'ms', 'same, p95; target ≤ 20');
    bench.record('fulltext.foundRate', found / finished.length, 'share', `${found} of ${finished.length} finished queries (taken from the texts) find a paper (each is taken from a text: target 1)`);
    bench.record('fulltext.indexBuildMs', buildMs, 'ms', `the first full-text search: the worker reads, converts and indexes the ${PAPERS} files, then answers`);
    bench.record('fulltext.indexMB', heapMB, 'MB', `heap + array buffers of the same index built in the bench's process (the worker's heap is not readable from the host); its own estimate ${estimateMB.toFixed(1)} MB`);
    bench.record('fulltext.titleSearchBaselineP95Ms', percentile(baseline, 95), 'ms', `title keystrokes (search.keystrokeP95Ms's ${titleQueries.length} inputs) over ${all.length} papers, same run, before the full-text index was built`);
    bench.record('fulltext.titleSearchP95Ms', percentile(loaded, 95), 'ms', 'same, with the full-text index loaded in the worker');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
