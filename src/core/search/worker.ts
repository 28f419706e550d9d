/**
 * The search worker (dist/searchWorker.js): loads the persisted index, or builds it from the paper
 * cache, answers queries, and indexes new papers as they arrive, all off the host's thread.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { PaperCache, shardOfDate } from '../storage/cache';
import type { Paper } from '../paper/model';
import { writeFileAtomic } from '../storage/atomicWrite';
import { classifyPaper, compileTaxonomy, type CompiledTaxonomy } from '../topics/classify';
import { SearchIndex } from './index';
import { removeStaleIndexFiles } from './savedIndexes';
import { toIndexInput, topicMatcher } from './papers';
import type { FromWorker, ToWorker, WorkerInit } from './workerProtocol';
import { parseQuery, type TopicMatcher } from './query';
import { matchedSentence } from './snippet';
import { FullTextSearch } from './fullTextSearch';

const port = parentPort;
let index: SearchIndex | undefined;
let init: WorkerInit | undefined;
let taxonomy: CompiledTaxonomy = compileTaxonomy();
let topicMatches: TopicMatcher = topicMatcher(taxonomy);
let persistTimer: NodeJS.Timeout | undefined;
/** Papers the host sent (e.g. the built-in sample): kept even though the cache lacks them. */
const sentByHost = new Set<string>();
const pending: ToWorker[] = [];
/** `in:fulltext`: its index is read at the first such search, not before. */
const fullText = new FullTextSearch((message) => log('info', message));

function send(message: FromWorker): void {
  port?.postMessage(message);
}

function log(level: 'info' | 'warn', message: string): void {
  send({ type: 'log', level, message });
}

/** Adds papers the index lacks or whose facts changed; returns how many were new. */
function addPapers(papers: readonly Paper[], into: SearchIndex | undefined = index, defer = false): number {
  if (!into) {
    return 0;
  }
  const before = into.size;
  // Papers it has keep their topic (their text does not change): only new ones are classified.
  into.add(papers.map((paper) => toIndexInput(paper, into.has(paper.id) ? '' : classifyPaper(taxonomy, paper).primary)), { defer });
  return into.size - before;
}

function schedulePersist(delayMs = 2_000): void {
  clearTimeout(persistTimer);
  persistTimer = setTimeout(() => {
    // A failed write (disk full, read-only storage) must not end the worker: the index is still in memory.
    persist().catch((error: unknown) => log('warn', `Search index not saved: ${error instanceof Error ? error.message : String(error)}`));
  }, delayMs);
}

async function persist(): Promise<void> {
  if (!index || !init) {
    return;
  }
  const bytes = index.serialize();
  await mkdir(dirname(init.indexPath), { recursive: true });
  await writeFileAtomic(init.indexPath, bytes);
  await removeStale(init.indexPath);
}

/** Index files of topics settings no window has used for a while go (see savedIndexes.ts). */
async function removeStale(indexPath: string): Promise<void> {
  try {
    const removed = await removeStaleIndexFiles(indexPath);
    if (removed.length > 0) {
      log('info', `Search index: removed ${removed.length} file(s) saved for earlier topics settings (${removed.join(', ')}).`);
    }
  } catch (error) {
    log('warn', `Search index: could not tidy its folder (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** The paper cache, read here so that the host never sends (or holds) it all; one shard at a time. */
function cache(): PaperCache | undefined {
  return init ? new PaperCache(init.cacheDir, { maxPapers: Number.MAX_SAFE_INTEGER, log: (level, message) => log(level, message) }) : undefined;
}

/** Indexes every cached paper the index lacks, shard by shard; returns every cached id and how many were new. */
async function indexCache(into: SearchIndex | undefined = index, building = false): Promise<{ readonly ids: Set<string>; readonly added: number }> {
  const ids = new Set<string>();
  let added = 0;
  const papers = cache();
  for (const month of (await papers?.shardMonths()) ?? []) {
    const shard = ((await papers?.readShard(month)) ?? []).map((entry) => entry.paper);
    shard.forEach((paper) => ids.add(paper.id));
    // An index being built (nobody can search it yet) is ordered once at the end, not after every month.
    added += addPapers(shard, into, building);
  }
  return { ids, added };
}

/** Full papers for ids the index has (a search card's date says which shard each is in). */
async function readPapers(ids: readonly string[]): Promise<Paper[]> {
  const found = await cache()?.read(ids, (id) => shardOfDate(index?.date(id)));
  return ids.map((id) => found?.get(id)?.paper).filter((paper): paper is Paper => paper !== undefined);
}

async function start(message: WorkerInit): Promise<void> {
  init = message;
  taxonomy = compileTaxonomy(message.userTopics);
  topicMatches = topicMatcher(taxonomy);
  const started = performance.now();
  try {
    index = SearchIndex.deserialize(await readFile(message.indexPath));
    send({ type: 'ready', size: index.size, source: 'file', loadMs: performance.now() - started });
    void removeStale(message.indexPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      log('warn', `Search index: rebuilding, the saved one could not be used (${error instanceof Error ? error.message : String(error)}).`);
    }
    const built = new SearchIndex();
    await indexCache(built, true);
    built.settle();
    index = built;
    send({ type: 'ready', size: index.size, source: 'built', loadMs: performance.now() - started });
    schedulePersist(0);
    pending.splice(0).forEach((queued) => void handle(queued));
    // The index is the cache as just read: there is nothing to catch up with.
    send({ type: 'synced' });
    return;
  }
  pending.splice(0).forEach((queued) => void handle(queued));
  // Papers cached since the index was saved (e.g. by another window). Said done even when that failed:
  // a search waits for it (at most ten seconds), and should not wait at every call.
  try {
    await sync();
  } finally {
    send({ type: 'synced' });
  }
}

async function sync(): Promise<void> {
  const { ids, added } = await indexCache();
  // Papers the cache evicted (or Clear Paper Cache removed) leave the results too.
  sentByHost.forEach((id) => ids.add(id));
  const removed = index?.retain(ids) ?? 0;
  if (added > 0 || removed > 0) {
    send({ type: 'updated', size: index?.size ?? 0, added });
    schedulePersist();
  }
}

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'init') {
    await start(message);
    return;
  }
  if (!index) {
    pending.push(message);
    return;
  }
  switch (message.type) {
    case 'search': {
      const started = performance.now();
      const hits = index.search(parseQuery(message.query), message.limit, topicMatches);
      send({ type: 'result', id: message.id, hits, ms: performance.now() - started });
      return;
    }
    case 'papers': {
      send({ type: 'papers', id: message.id, papers: await readPapers(message.ids) });
      return;
    }
    case 'snippets': {
      const query = parseQuery(message.query);
      const snippets: Record<string, string> = {};
      for (const paper of await readPapers(message.ids)) {
        const sentence = matchedSentence(paper.aiSummary ? `${paper.abstract}\n${paper.aiSummary}` : paper.abstract, query);
        if (sentence) {
          snippets[paper.id] = sentence;
        }
      }
      send({ type: 'snippets', id: message.id, snippets });
      return;
    }
    case 'similar': {
      send({ type: 'similar', id: message.id, hits: index.similar(String(message.paperId), Number(message.limit) || 0) });
      return;
    }
    case 'forYou': {
      const ids = (list: unknown): string[] => (Array.isArray(list) ? list.map(String) : []);
      send({ type: 'forYou', id: message.id, scores: index.forYou(ids(message.window), ids(message.saved)) });
      return;
    }
    case 'fullTextPapers': {
      fullText.setPapers(init?.cacheDir ?? '', message.ids);
      return;
    }
    case 'fullTextSearch': {
      const { hits, ms } = await fullText.search(index, message.query, message.limit, topicMatches);
      send({ type: 'fullTextResult', id: message.id, hits, ms });
      return;
    }
    case 'add': {
      message.papers.forEach((paper) => sentByHost.add(paper.id));
      const added = addPapers(message.papers);
      // Only new papers are worth rewriting the file for: changed upvotes come back from the cache at the next start.
      if (added > 0) {
        send({ type: 'updated', size: index.size, added });
        schedulePersist();
      }
    }
  }
}

port?.on('message', (message: ToWorker) => {
  handle(message).catch((error: unknown) => log('warn', `Search worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
});
