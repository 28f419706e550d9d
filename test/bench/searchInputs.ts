/**
 * The inputs every search engine in the bench is measured on, as CONTRACT.md defines them: the
 * keystroke prefixes, the titles with one typo (seed 42), the labeled queries, the 100k corpus, and
 * the latency measure itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Paper } from '../../src/core/paper/model';
import type { IndexInput } from '../../src/core/search/index';
import { root } from '../support/paths';

export const LIMIT = 50;
const REPLICA_WORDS = ['Revisited', 'Extended', 'Redux', 'Reloaded', 'Again', 'Plus', 'Lite', 'Pro', 'Max'];

export interface LabeledQuery { readonly query: string; readonly id: string }

/** The bench's seeded random numbers (seed 42 by the contract). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Every prefix (1 to 40 characters) of the titles of the 50 most-upvoted papers (ties by id). */
export function keystrokeQueries(papers: readonly Paper[]): string[] {
  const top = [...papers].sort((a, b) => (b.upvotes ?? 0) - (a.upvotes ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, 50);
  return top.flatMap((paper) => Array.from({ length: Math.min(40, paper.title.length) }, (_, index) => paper.title.slice(0, index + 1)));
}

/**
 * 200 corpus titles (seed 42), each with one edit at an inner position (not the first or last
 * letter) of one word of `minLength` to `maxLength` letters, stop words included; the typed word
 * keeps three letters or more (a deletion in a 3-letter word is not drawn).
 */
export function typoQueries(papers: readonly Paper[], { minLength = 3, maxLength = Infinity } = {}): LabeledQuery[] {
  const random = mulberry32(42);
  const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : 1));
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const queries: LabeledQuery[] = [];
  while (queries.length < 200) {
    const paper = sorted[Math.floor(random() * sorted.length)] as Paper;
    const words = paper.title.split(' ');
    const candidates = words.map((word, index) => [word, index] as const)
      .filter(([word]) => /^[A-Za-z]+$/.test(word) && word.length >= minLength && word.length <= maxLength);
    if (candidates.length === 0) {
      continue;
    }
    const [word, at] = candidates[Math.floor(random() * candidates.length)] as readonly [string, number];
    const position = 1 + Math.floor(random() * (word.length - 2)); // inner: not the first or last letter
    const letter = letters[Math.floor(random() * letters.length)] as string;
    const edits = [
      word.slice(0, position) + word[position + 1] + word[position] + word.slice(position + 2), // transposition
      word.slice(0, position) + word.slice(position + 1), // deletion
      word.slice(0, position) + letter + word.slice(position), // insertion
      word.slice(0, position) + letter + word.slice(position + 1), // substitution
    ].filter((edit) => edit.length >= 3);
    const edited = edits[Math.floor(random() * edits.length)] as string;
    queries.push({ query: [...words.slice(0, at), edited, ...words.slice(at + 1)].join(' '), id: paper.id });
  }
  return queries;
}

/** The labeled queries of test/fixtures/search-queries.json. */
export function labeledQueries(): LabeledQuery[] {
  return (JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'search-queries.json'), 'utf8')) as { queries: LabeledQuery[] }).queries;
}

/** How many of `queries` find their paper in the top 5 of `search`. */
export async function top5Hits(queries: readonly LabeledQuery[], search: (query: string) => Promise<readonly string[]> | readonly string[]): Promise<number> {
  let hits = 0;
  for (const { query, id } of queries) {
    if ((await search(query)).includes(id)) {
      hits++;
    }
  }
  return hits;
}

/** The 100k corpus: the corpus ten times, ids and titles perturbed. */
export function replicated(inputs: readonly IndexInput[]): IndexInput[] {
  return Array.from({ length: 10 }, (_, copy) => inputs.map((input) => (copy === 0 ? input
    : { ...input, id: `${input.id}.r${copy}`, title: `${input.title} ${REPLICA_WORDS[copy - 1] as string}` }))).flat();
}

/** Times `run` on every query after a warm-up pass (over the first `warmup` queries; all by default). */
export async function latencies(queries: readonly string[], run: (query: string) => unknown, warmup = queries.length): Promise<number[]> {
  for (const query of queries.slice(0, warmup)) {
    await run(query);
  }
  const samples: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    await run(query);
    samples.push(performance.now() - started);
  }
  return samples;
}
