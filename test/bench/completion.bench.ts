/**
 * Citation key completion, as the provider runs it on a keystroke (host/citing/completion.ts): the
 * archive's search through the SearchClient and its worker over 30k papers, then the items of the
 * three groups (completionPlan.ts) from a 5,000-entry .bib parsed once (as the BibIndex keeps it per
 * version) and 50 saved papers. Only VS Code's own conversion of the items is left out.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BibDatabase, parseBib } from '../../src/core/citation/bibEntries';
import { bibtex } from '../../src/core/citation/bibtex';
import { ARCHIVE_ITEMS, archiveItems, bibItems, emptyCovered, savedItems, type Typed } from '../../src/core/citation/completionPlan';
import { citationKey } from '../../src/core/citation/keys';
import type { Paper } from '../../src/core/paper/model';
import { type IndexInput, SearchIndex } from '../../src/core/search/index';
import { toIndexInput } from '../../src/core/search/papers';
import { SearchClient } from '../../src/core/search/workerClient';
import { classifyPaper, compileTaxonomy } from '../../src/core/topics/classify';
import { corpusPapers } from '../support/corpus';
import { root } from '../support/paths';
import { type Bench, percentile, time } from './harness';
import { latencies, mulberry32, replicated } from './searchInputs';

const WORKER = join(root, 'dist', 'searchWorker.js');
const BIB_ENTRIES = 5_000;
const SAVED = 50;


/** `count` corpus papers drawn with seed 42 (a Fisher–Yates shuffle of the papers sorted by id). */
function drawn(papers: readonly Paper[], count: number, seed = 42): Paper[] {
  const random = mulberry32(seed);
  const shuffled = [...papers].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (let index = shuffled.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other] as Paper, shuffled[index] as Paper];
  }
  return shuffled.slice(0, count);
}

/** A .bib of `papers` as Insert Citation writes them (a key taken twice gets a, b, …). */
function bibOf(papers: readonly Paper[]): { text: string; keys: string[] } {
  const taken = new Set<string>();
  const keys: string[] = [];
  const entries = papers.map((paper) => {
    const base = citationKey(paper);
    let key = base;
    for (let suffix = 0; taken.has(key); suffix++) {
      key = base + String.fromCharCode(97 + (suffix % 26)) + (suffix >= 26 ? String(suffix) : '');
    }
    taken.add(key);
    keys.push(key);
    return bibtex(paper, key);
  });
  return { text: `${entries.join('\n\n')}\n`, keys };
}

/**
 * What a person types inside `\cite{…}`: prefixes (2 to 10 characters) of the keys and of the
 * titles of the 50 most-upvoted corpus papers (ties by id).
 */
function typedPrefixes(papers: readonly Paper[]): string[] {
  const top = [...papers].sort((a, b) => (b.upvotes ?? 0) - (a.upvotes ?? 0) || (a.id < b.id ? -1 : 1)).slice(0, 50);
  return top.flatMap((paper) => [citationKey(paper), paper.title.toLowerCase()]
    .flatMap((text) => Array.from({ length: 9 }, (_, index) => text.slice(0, index + 2))));
}

/** The .bib part of a keystroke: the entries and saved papers for `prefix`. */
function localItems(prefix: string, database: BibDatabase, saved: readonly Paper[]): { typed: Typed; covered: ReturnType<typeof emptyCovered>; count: number } {
  const typed: Typed = { prefix, exclude: new Set() };
  const covered = emptyCovered();
  const count = bibItems(typed, [{ file: 'references.bib', database }], covered).length + savedItems(typed, saved, 'arxiv', covered).length;
  return { typed, covered, count };
}

export async function benchCompletion(bench: Bench): Promise<void> {
  if (!existsSync(WORKER)) {
    throw new Error(`${WORKER} is missing: npm run bench builds it first`);
  }
  const papers = [...corpusPapers().values()];
  const { text, keys } = bibOf(drawn(papers, BIB_ENTRIES));
  const saved = drawn(papers, SAVED, 7);

  // The .bib: one full parse (what a keystroke would cost if it were not cached), then items from it.
  const parseTimes = time(() => void parseBib(text), 5);
  const database = parseBib(text);
  if (database.entries.length !== BIB_ENTRIES) {
    throw new Error(`the generated .bib parses to ${database.entries.length} entries, not ${BIB_ENTRIES}`);
  }
  const prepareStarted = performance.now();
  localItems('', database, saved);
  const prepareMs = performance.now() - prepareStarted;
  const random = mulberry32(42);
  const bibPrefixes = ['', ...Array.from({ length: 300 }, () => {
    const key = keys[Math.floor(random() * keys.length)] as string;
    return key.slice(0, 1 + Math.floor(random() * 10));
  }), ...typedPrefixes(papers)];
  const bibTimes = await latencies(bibPrefixes, (prefix) => localItems(prefix, database, saved));

  // 30k papers in the worker: the corpus three times, ids and titles perturbed, sent as the host's own.
  const taxonomy = compileTaxonomy();
  const inputs: IndexInput[] = papers.map((paper) => toIndexInput(paper, classifyPaper(taxonomy, paper).primary));
  const thirty = replicated(inputs).slice(0, inputs.length * 3);
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const work = mkdtempSync(join(tmpdir(), 'paper-feed-bench-completion-'));
  try {
    const index = new SearchIndex();
    index.add(thirty);
    const indexPath = join(work, 'index-30k.bin');
    writeFileSync(indexPath, index.serialize());
    const client = new SearchClient({ workerPath: WORKER, indexPath, cacheDir: join(work, 'empty-cache'), papers: () => [] });
    client.start();
    await client.ready;
    client.add(thirty.map((input) => ({ ...(byId.get(input.id.replace(/\.r\d+$/, '')) as Paper), id: input.id, title: input.title })));
    const probe = await client.search('attention', ARCHIVE_ITEMS);
    if (probe.hits.length < ARCHIVE_ITEMS || !probe.hits.some((hit) => hit.id.includes('.r'))) {
      throw new Error(`the 30k index answers with ${probe.hits.length} hits, replicas ${probe.hits.some((hit) => hit.id.includes('.r')) ? '' : 'not '}among them`);
    }
    // The provider's path: the search is sent, the .bib and saved items are made meanwhile, then the archive's.
    const keystrokes = typedPrefixes(papers);
    let listed = 0;
    const firstTimes = await latencies(keystrokes, async (prefix) => {
      const searching = client.search(prefix, ARCHIVE_ITEMS);
      const local = localItems(prefix, database, saved);
      const { hits } = await searching;
      listed += local.count + archiveItems(local.typed, hits, 'arxiv', local.covered).length;
    });
    await client.dispose();
    bench.record('completion.firstItemsP95Ms', percentile(firstTimes, 95), 'ms',
      `${keystrokes.length} prefixes (2–10 chars of the keys and titles of the 50 most-upvoted papers): search of ${index.size} papers through SearchClient + worker, limit ${ARCHIVE_ITEMS}, and the items of a ${BIB_ENTRIES}-entry .bib and ${SAVED} saved papers (${(listed / keystrokes.length / 2).toFixed(0)} items a list); target ≤ 50`);
    bench.record('completion.firstItemsP50Ms', percentile(firstTimes, 50), 'ms', 'same, p50');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  bench.record('completion.bibKeysP95Ms', percentile(bibTimes, 95), 'ms',
    `${bibPrefixes.length} prefixes (none, 1–10 chars of 300 keys drawn with seed 42, and the prefixes above) over a ${BIB_ENTRIES}-entry .bib (${(text.length / 1e6).toFixed(1)} MB, corpus papers drawn with seed 42) from its cached parse, ${SAVED} saved papers too; target ≤ 20`);
  bench.record('completion.bibPrepareMs', prepareMs, 'ms', 'the first list from a new parse: each entry\'s words for matching, once per .bib version');
  bench.record('completion.bibParseMs', percentile(parseTimes, 50), 'ms', `one full parse of that .bib, p50 of 5: why it is parsed once per version, not per keystroke`);
}
