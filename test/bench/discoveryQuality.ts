/**
 * How good discovery is, measured on the hand-labelled topics (test/fixtures/topics-labeled.json and
 * topics-holdout.json): simulated readers for "For you", and topic agreement of similar papers.
 * Shared by the bench (discovery.bench.ts) and by whoever tunes the model's weights.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Paper } from '../../src/core/paper/model';
import type { DiscoveryModel } from '../../src/core/discovery/discoveryModel';
import { root } from '../support/paths';
import { mulberry32 } from './searchInputs';

export interface Labelled {
  readonly id: string;
  readonly topic: string;
  /** The fixture file it comes from. */
  readonly set: 'labeled' | 'holdout';
}

/** The hand-labelled papers of both fixture files. */
export function labelledPapers(): Labelled[] {
  return (['labeled', 'holdout'] as const).flatMap((set) => {
    const file = JSON.parse(readFileSync(join(root, 'test', 'fixtures', `topics-${set}.json`), 'utf8')) as { papers: { id: string; topic: string }[] };
    return file.papers.map(({ id, topic }) => ({ id, topic, set }));
  });
}

/** Saved papers per simulated reader. */
export const SAVED = 3;
/** A topic has readers when it has this many labelled papers: the saved three and five to find. */
export const MIN_TOPIC = SAVED + 5;
export const READERS_PER_TOPIC = 10;

export interface ReaderPrecision {
  readonly forYou: number;
  readonly upvotes: number;
  readonly random: number;
  /** The best any ranking could do (a topic with fewer than ten others to find cannot fill the top ten). */
  readonly ceiling: number;
  readonly readers: number;
  readonly topics: number;
}

/**
 * Simulated readers (seed 42): for each topic with MIN_TOPIC labelled papers, READERS_PER_TOPIC
 * readers each save SAVED random papers of it; the window is every other labelled paper; precision@10
 * is the share of a ranking's top ten labelled with the reader's topic, averaged over readers.
 * `forYou` scores a window (ids) against saved ids, in window order.
 */
export function readerPrecision(
  labelled: readonly Labelled[],
  papers: ReadonlyMap<string, Paper>,
  forYou: (window: readonly string[], saved: readonly string[]) => readonly number[],
): ReaderPrecision {
  const random = mulberry32(42);
  const byTopic = new Map<string, Labelled[]>();
  labelled.forEach((entry) => byTopic.set(entry.topic, [...(byTopic.get(entry.topic) ?? []), entry]));
  const topics = [...byTopic.entries()].filter(([, members]) => members.length >= MIN_TOPIC).sort(([a], [b]) => (a < b ? -1 : 1));
  const topicOf = new Map(labelled.map((entry) => [entry.id, entry.topic]));
  const precision = (ranked: readonly string[], topic: string): number => ranked.slice(0, 10).filter((id) => topicOf.get(id) === topic).length / 10;
  const upvotes = (id: string): number => papers.get(id)?.upvotes ?? 0;
  const sums = { forYou: 0, upvotes: 0, random: 0, ceiling: 0 };
  let readers = 0;
  for (const [topic, members] of topics) {
    for (let reader = 0; reader < READERS_PER_TOPIC; reader++) {
      const pool = [...members];
      const saved: string[] = [];
      while (saved.length < SAVED) {
        saved.push((pool.splice(Math.floor(random() * pool.length), 1)[0] as Labelled).id);
      }
      const window = labelled.map((entry) => entry.id).filter((id) => !saved.includes(id));
      const scores = forYou(window, saved);
      const byScore = window.map((id, index) => ({ id, score: scores[index] ?? 0 }))
        .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).map(({ id }) => id);
      const byUpvotes = [...window].sort((a, b) => upvotes(b) - upvotes(a) || (a < b ? -1 : 1));
      const shuffled = window.map((id) => ({ id, key: random() })).sort((a, b) => a.key - b.key).map(({ id }) => id);
      sums.forYou += precision(byScore, topic);
      sums.upvotes += precision(byUpvotes, topic);
      sums.random += precision(shuffled, topic);
      sums.ceiling += Math.min(10, members.length - SAVED) / 10;
      readers++;
    }
  }
  return {
    forYou: sums.forYou / readers, upvotes: sums.upvotes / readers, random: sums.random / readers,
    ceiling: sums.ceiling / readers, readers, topics: topics.length,
  };
}

export interface SimilarAgreement {
  /** Ten similar papers from the whole corpus, judged by the classifier's primary topic. */
  readonly corpus: number;
  /** Ten similar papers among the labelled ones only, judged by the hand labels. */
  readonly pool: number;
  readonly poolCeiling: number;
}

/**
 * For each labelled paper (doc numbers by id from `docOf`), the share of its ten similar papers
 * with its hand-labelled topic: over the whole corpus judged by `topicOf` (the classifier), and
 * among the labelled papers judged by their labels.
 */
export function similarAgreement(
  labelled: readonly Labelled[],
  model: DiscoveryModel,
  docOf: (id: string) => number | undefined,
  idOf: (doc: number) => string,
  topicOf: (id: string) => string,
): SimilarAgreement {
  const labelOf = new Map(labelled.map((entry) => [entry.id, entry.topic]));
  const labelledDocs = new Set(labelled.map((entry) => docOf(entry.id)).filter((doc): doc is number => doc !== undefined));
  let corpus = 0;
  let pool = 0;
  let ceiling = 0;
  for (const entry of labelled) {
    const doc = docOf(entry.id);
    if (doc === undefined) {
      continue;
    }
    corpus += model.similar(doc, 10).filter((hit) => topicOf(idOf(hit.doc)) === entry.topic).length / 10;
    pool += model.similar(doc, 10, (other) => labelledDocs.has(other)).filter((hit) => labelOf.get(idOf(hit.doc)) === entry.topic).length / 10;
    ceiling += Math.min(10, labelled.filter((other) => other.topic === entry.topic).length - 1) / 10;
  }
  return { corpus: corpus / labelled.length, pool: pool / labelled.length, poolCeiling: ceiling / labelled.length };
}
