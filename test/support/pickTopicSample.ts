/**
 * Picks the papers of the hand-labelled topic set (test/fixtures/topics-labeled.json), so the
 * choice of papers is reproducible rather than hand-picked: `npx tsx test/support/pickTopicSample.ts`.
 *
 * Reads every ../shared/corpus/hf-daily/*.json (never copied into the repo), keeps each distinct
 * paper.id once (first file in name order wins), sorts the ids, Fisher–Yates shuffles them with
 * mulberry32(SEED) and prints the first COUNT as JSON lines {id, title, keywords, abstract}.
 *
 * With the argument `holdout` (`npx tsx test/support/pickTopicSample.ts holdout`) it instead picks
 * the holdout set (test/fixtures/topics-holdout.json): it removes the COUNT ids of the first draw
 * from the sorted ids, Fisher–Yates shuffles the rest with mulberry32(HOLDOUT_SEED) and prints the
 * first HOLDOUT_COUNT in the same format.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEED = 20260827;
export const COUNT = 80;
export const HOLDOUT_SEED = 20261127;
export const HOLDOUT_COUNT = 60;

interface Picked { id: string; title: string; keywords: string[]; abstract: string }

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const folder = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'hf-daily');
const papers = new Map<string, Picked>();
/** A `daily_papers` item, as far as this script reads it. */
interface CorpusItem {
  readonly title?: unknown;
  readonly paper?: { readonly id?: unknown; readonly title?: unknown; readonly ai_keywords?: unknown; readonly summary?: unknown };
}
const clean = (s: unknown): string => (typeof s === 'string' ? s : '').replace(/\s+/g, ' ').trim();
for (const name of readdirSync(folder).filter((n) => n.endsWith('.json')).sort()) {
  for (const item of JSON.parse(readFileSync(join(folder, name), 'utf8')) as (CorpusItem | null)[]) {
    const p = item?.paper;
    if (typeof p?.id !== 'string' || papers.has(p.id)) continue;
    papers.set(p.id, {
      id: p.id,
      title: clean(p.title ?? item?.title),
      keywords: Array.isArray(p.ai_keywords) ? p.ai_keywords.filter((keyword): keyword is string => typeof keyword === 'string') : [],
      abstract: clean(p.summary),
    });
  }
}

function shuffled(sorted: readonly string[], seed: number): string[] {
  const ids = [...sorted];
  const random = mulberry32(seed);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids;
}

const mode = process.argv[2];
if (mode !== undefined && mode !== 'holdout') {
  console.error(`Unknown argument ${JSON.stringify(mode)}; expected none or "holdout".`);
  process.exit(2);
}
const sorted = [...papers.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const first = shuffled(sorted, SEED).slice(0, COUNT);
const taken = new Set(first);
const picked = mode === 'holdout'
  ? shuffled(sorted.filter((id) => !taken.has(id)), HOLDOUT_SEED).slice(0, HOLDOUT_COUNT)
  : first;
for (const id of picked) console.log(JSON.stringify(papers.get(id)));
