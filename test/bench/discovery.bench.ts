/**
 * Discovery (issue 21): For you against the upvote ranking and a random one with simulated readers,
 * topic agreement of similar papers, and the latency of both through the real worker at 30k papers.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DISCOVERY, DiscoveryModel } from '../../src/core/discovery/discoveryModel';
import { type IndexInput, SearchIndex } from '../../src/core/search/index';
import { toIndexInput } from '../../src/core/search/papers';
import { SearchClient } from '../../src/core/search/workerClient';
import { classifyPaper, compileTaxonomy } from '../../src/core/topics/classify';
import { corpusPapers } from '../support/corpus';
import { root } from '../support/paths';
import { labelledPapers, MIN_TOPIC, READERS_PER_TOPIC, readerPrecision, SAVED, similarAgreement } from './discoveryQuality';
import { type Bench, percentile } from './harness';
import { mulberry32, replicated } from './searchInputs';

const WORKER = join(root, 'dist', 'searchWorker.js');
const BIG_COPIES = 3;
const QUERIES = 200;
const WINDOW = 500;
const SAVED_PAPERS = 20;

export async function benchDiscovery(bench: Bench): Promise<void> {
  if (!existsSync(WORKER)) {
    throw new Error(`${WORKER} is missing: npm run bench builds it first`);
  }
  const papers = corpusPapers();
  const list = [...papers.values()];
  const taxonomy = compileTaxonomy();
  const inputs: IndexInput[] = list.map((paper) => toIndexInput(paper, classifyPaper(taxonomy, paper).primary));
  const index = new SearchIndex();
  index.add(inputs);
  quality(bench, index, inputs);
  await latency(bench, inputs.length, replicated(inputs).slice(0, inputs.length * BIG_COPIES));
}

/** For you and similar papers on the hand-labelled topics, with the whole corpus indexed (idf from it). */
function quality(bench: Bench, index: SearchIndex, inputs: readonly IndexInput[]): void {
  const papers = corpusPapers();
  const labelled = labelledPapers().filter((entry) => papers.has(entry.id));
  const ids = inputs.map((input) => input.id);
  const docs = new Map(ids.map((id, doc) => [id, doc]));
  const topics = new Map(inputs.map((input) => [input.id, input.topic]));
  const score = (window: readonly string[], saved: readonly string[]): number[] => index.forYou(window, saved).map((result) => result.score);
  const readers = readerPrecision(labelled, papers, score);
  const model = new DiscoveryModel(index.discoverySource());
  const agreement = similarAgreement(labelled, model, (id) => docs.get(id), (doc) => ids[doc] as string, (id) => topics.get(id) ?? 'other');
  const set = (name: 'labeled' | 'holdout'): string => {
    const part = labelled.filter((entry) => entry.set === name);
    const precision = readerPrecision(part, papers, score);
    const similar = similarAgreement(part, model, (id) => docs.get(id), (doc) => ids[doc] as string, (id) => topics.get(id) ?? 'other');
    return `${name} alone: For you ${precision.forYou.toFixed(2)} vs upvotes ${precision.upvotes.toFixed(2)}, similar ${similar.corpus.toFixed(2)} (pool ${similar.pool.toFixed(2)})`;
  };
  const how = `${readers.readers} readers (${READERS_PER_TOPIC} per topic with ${MIN_TOPIC}+ of the ${labelled.length} hand-labelled papers, seed 42) each save ${SAVED} papers of the topic; window = every other labelled paper; share of the top 10 in the topic`;
  bench.record('discovery.forYouPrecisionAt10', readers.forYou, 'share', `${how}; ranked by For you; ${(readers.forYou / readers.upvotes).toFixed(1)}× upvotes (target ≥ 2×); ceiling ${readers.ceiling.toFixed(2)}`);
  bench.record('discovery.upvotesPrecisionAt10', readers.upvotes, 'share', 'same readers, the window ranked by upvotes');
  bench.record('discovery.randomPrecisionAt10', readers.random, 'share', 'same readers, the window shuffled (seed 42)');
  bench.record('discovery.forYouCeilingAt10', readers.ceiling, 'share', 'same readers, the best any ranking could do');
  bench.record('discovery.similarTop10Agreement', agreement.corpus, 'share', `each of the ${labelled.length} hand-labelled papers: its 10 similar papers from all ${inputs.length}, share whose primary topic (classifyPaper, which agrees ≥ 0.8 with the hand labels, and which the model blends in at 0.1) is the query's hand label; target ≥ 0.7`);
  bench.record('discovery.similarTop10AgreementLabeledPool', agreement.pool, 'share', `same, neighbours only among the ${labelled.length} labelled papers, judged by hand labels (ceiling ${agreement.poolCeiling.toFixed(2)}); ${set('labeled')}; ${set('holdout')}`);
  const textOnly = new DiscoveryModel(index.discoverySource(), { ...DEFAULT_DISCOVERY, topic: 0 });
  const plain = similarAgreement(labelled, textOnly, (id) => docs.get(id), (doc) => ids[doc] as string, (id) => topics.get(id) ?? 'other');
  bench.record('discovery.similarTop10AgreementTextOnly', plain.corpus, 'share', `context: the same without the topic blend (pool by hand labels ${plain.pool.toFixed(2)})`);
}

/** Similar papers and For you through SearchClient and the worker, over the corpus three times (ids and titles perturbed). */
async function latency(bench: Bench, corpusSize: number, big: readonly IndexInput[]): Promise<void> {
  const index = new SearchIndex();
  index.add(big);
  global.gc?.();
  const started = performance.now();
  const model = new DiscoveryModel(index.discoverySource());
  const buildMs = performance.now() - started;
  const modelMB = model.bytes / 1e6;
  void model;
  const work = mkdtempSync(join(tmpdir(), 'paper-feed-bench-discovery-'));
  const client = new SearchClient({ workerPath: WORKER, indexPath: join(work, 'index.bin'), cacheDir: join(work, 'empty-cache'), papers: () => [] });
  try {
    writeFileSync(join(work, 'index.bin'), index.serialize());
    client.start();
    await client.ready;
    // No cache holds the replicas' ids: they are sent as the host's own, so that none is left out of results.
    client.add(big.map((input) => ({ id: input.id, title: input.title, authors: [], abstract: '', upvotes: input.upvotes, ...(input.date ? { feedDate: input.date } : {}) })));
    const random = mulberry32(42);
    const pick = (): string => (big[Math.floor(random() * big.length)] as IndexInput).id;
    const queries = Array.from({ length: QUERIES }, pick);
    const warm = await client.similar(queries[0] as string, 10); // builds the model in the worker
    if (warm.length < 10) {
      throw new Error(`the worker found ${warm.length} similar papers`);
    }
    for (const query of queries.slice(0, 20)) {
      await client.similar(query, 10);
    }
    const similarTimes: number[] = [];
    for (const query of queries) {
      const at = performance.now();
      await client.similar(query, 10);
      similarTimes.push(performance.now() - at);
    }
    const forYouTimes: number[] = [];
    for (let run = 0; run < 40; run++) {
      const window = Array.from({ length: WINDOW }, pick);
      const saved = Array.from({ length: SAVED_PAPERS }, pick);
      const at = performance.now();
      const scores = await client.forYou(window, saved);
      if (run >= 5) {
        forYouTimes.push(performance.now() - at);
      }
      if (scores.length !== WINDOW || !scores.some((entry) => entry.score > 0)) {
        throw new Error('For you answered no scores');
      }
    }
    bench.record('discovery.similarMs', percentile(similarTimes, 95), 'ms', `p95 of ${QUERIES} random papers (seed 42), 10 similar each, through SearchClient + worker over ${big.length} papers (the corpus ×${BIG_COPIES}, ids and titles perturbed); target ≤ 20`);
    bench.record('discovery.forYouMs', percentile(forYouTimes, 95), 'ms', `p95 of 35 runs: a ${WINDOW}-paper window against ${SAVED_PAPERS} saved papers, same worker; target ≤ 50`);
    bench.record('discovery.modelBuildMs', buildMs, 'ms', `the model at ${big.length} papers (${corpusSize} distinct texts), one pass over the postings, in one thread (the worker does it at the first request)`);
    bench.record('discovery.modelMB', modelMB, 'MB', `its typed arrays at ${big.length} papers (norms, 64-term signatures, idf, accumulators)`);
  } finally {
    await client.dispose();
    rmSync(work, { recursive: true, force: true });
  }
}
