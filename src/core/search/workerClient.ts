/**
 * The host's side of search: a worker thread holds the index; queries are messages. Until the
 * worker says it is ready, queries are answered by a linear scan over the papers the host has, so
 * typing never waits for the index.
 */
import { Worker } from 'node:worker_threads';
import type { Paper } from '../paper/model';
import { classifyPaper, compileTaxonomy, type CompiledTaxonomy } from '../topics/classify';
import type { SearchHit } from './index';
import { LinearScan, rememberTopics } from './papers';
import type { ForYouScore, FromWorker, FullTextHit, SimilarHit, ToWorker } from './workerProtocol';

export interface SearchClientOptions {
  /** dist/searchWorker.js */
  readonly workerPath: string;
  readonly indexPath: string;
  readonly cacheDir: string;
  readonly userTopics?: Readonly<Record<string, readonly string[]>>;
  /** The papers the host has, for the scan while the index loads. */
  readonly papers: () => readonly Paper[];
  /**
   * A paper's primary topic for the scan's `topic:` filter, as the host classifies it (the host's
   * memo, so the scan classifies nothing the views have not); by default classified here with
   * `userTopics`. Asked once per paper at most, and only for papers a query would otherwise show.
   */
  readonly topicOf?: (paper: Paper) => string;
  readonly log?: (level: 'info' | 'warn', message: string) => void;
  /** Told when the worker has indexed new papers (e.g. to refresh an open search). */
  readonly onUpdated?: (size: number) => void;
}

export interface SearchAnswer {
  readonly hits: readonly SearchHit[];
  /** `index` normally; `scan` while the index loads. */
  readonly by: 'index' | 'scan';
}

export class SearchClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, { readonly resolve: (hits: readonly SearchHit[]) => void; readonly query: string; readonly limit: number }>();
  private readonly reading = new Map<number, (papers: readonly Paper[]) => void>();
  private readonly sentences = new Map<number, (snippets: Readonly<Record<string, string>>) => void>();
  /** Similar papers and For you asked of the worker: answered with nothing (none, zeros) when it is gone. */
  private readonly likes = new Map<number, (hits: readonly SimilarHit[]) => void>();
  private readonly forYous = new Map<number, (scores: readonly ForYouScore[] | undefined) => void>();
  /** Full-text searches asked of the worker: answered with nothing when it is gone. */
  private readonly fullTexts = new Map<number, (hits: readonly FullTextHit[]) => void>();
  private isReady = false;
  private resolveReady!: () => void;
  private rejectReady!: (error: Error) => void;
  /**
   * Resolves when the index answers queries; rejects if the worker dies or is disposed before that
   * (search then goes on answering by scan).
   */
  readonly ready = new Promise<void>((resolve, reject) => {
    this.resolveReady = resolve;
    this.rejectReady = reject;
  });
  private resolveSynced!: () => void;
  /**
   * Resolves once the index has caught up with the cache as it was at the start (a saved index is
   * ready before that), or when the worker is gone: what a search that must see every cached paper waits for.
   */
  readonly synced = new Promise<void>((resolve) => {
    this.resolveSynced = resolve;
  });
  private scan: { readonly count: number; readonly scan: LinearScan } | undefined;
  /** The user's topics, for the scan's `topic:` filter (compiled at its first use). */
  private taxonomy: CompiledTaxonomy | undefined;
  /** Topics of papers, kept across scans: a scan is made anew whenever the host's papers change. */
  private readonly topicOf = rememberTopics((paper) => this.options.topicOf?.(paper) ?? classifyPaper(this.compiled(), paper).primary);
  /** How long the index took to load or build in the worker, once ready. */
  loadMs: number | undefined;
  indexSize = 0;

  constructor(private readonly options: SearchClientOptions) {
    this.ready.catch(() => undefined); // nobody need wait for it: then its failure is no unhandled rejection
  }

  start(): void {
    if (this.worker) {
      return;
    }
    // Plain JavaScript: it needs none of the parent's flags or loaders (e.g. a test runner's).
    const worker = new Worker(this.options.workerPath, { execArgv: [] });
    this.worker = worker;
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (error) => this.lost(worker, `failed: ${error.message}`));
    worker.on('exit', (code) => this.lost(worker, `stopped (exit ${code})`));
    this.post({ type: 'init', indexPath: this.options.indexPath, cacheDir: this.options.cacheDir, userTopics: this.options.userTopics ?? {} });
  }

  get isIndexReady(): boolean {
    return this.isReady;
  }

  /** The best `limit` papers for `query`, as hits with their cards. */
  async search(query: string, limit: number): Promise<SearchAnswer> {
    if (!this.isReady || !this.worker) {
      return { hits: this.scanSearch(query, limit), by: 'scan' };
    }
    const id = this.nextId++;
    const hits = await new Promise<readonly SearchHit[]>((resolve) => {
      this.waiting.set(id, { resolve, query, limit });
      this.post({ type: 'search', id, query, limit });
    });
    // The worker may have died meanwhile: then the scan answered.
    return { hits, by: this.isReady ? 'index' : 'scan' };
  }

  /**
   * Full papers for hits, read from the cache by the worker (the host holds only the papers it
   * shows); papers the host has are taken from `have` first. Papers not cached are left out.
   */
  async papers(ids: readonly string[], have: (id: string) => Paper | undefined = () => undefined): Promise<Paper[]> {
    const known = new Map(ids.map((id) => [id, have(id)] as const).filter((pair): pair is readonly [string, Paper] => pair[1] !== undefined));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0 && this.worker && this.isReady) {
      const read = await this.ask(this.reading, (id) => ({ type: 'papers', id, ids: missing }));
      read.forEach((paper) => known.set(paper.id, paper));
    }
    return ids.map((id) => known.get(id)).filter((paper): paper is Paper => paper !== undefined);
  }

  /**
   * The abstract sentence each paper matched for `query` (for hits found only in the abstract, whose
   * cards show none of the words), read by the worker; none while the index loads.
   */
  async snippets(query: string, ids: readonly string[]): Promise<ReadonlyMap<string, string>> {
    if (ids.length === 0 || !this.worker || !this.isReady) {
      return new Map();
    }
    const found = await this.ask(this.sentences, (id) => ({ type: 'snippets', id, query, ids }));
    return new Map(Object.entries(found));
  }

  /**
   * The `limit` papers most like paper `paperId` (which the index must have), best first; none while
   * the index loads or when the worker is gone.
   */
  async similar(paperId: string, limit: number): Promise<readonly SimilarHit[]> {
    if (!this.worker || !this.isReady || limit <= 0) {
      return [];
    }
    return this.ask(this.likes, (id) => ({ type: 'similar', id, paperId, limit }));
  }

  /**
   * How much each `window` paper is like the `saved` ones (0..1, in window order, with the nearest
   * saved paper); zeros while the index loads or when the worker is gone.
   */
  async forYou(window: readonly string[], saved: readonly string[]): Promise<readonly ForYouScore[]> {
    const zeros = (): ForYouScore[] => window.map((paperId) => ({ id: paperId, score: 0 }));
    if (!this.worker || !this.isReady || window.length === 0 || saved.length === 0) {
      return zeros();
    }
    const scores = await this.ask(this.forYous, (id) => ({ type: 'forYou', id, window, saved }));
    return scores ?? zeros();
  }

  /**
   * The saved papers whose full text is cached: what `fullTextSearch` searches (the worker reads
   * their files itself, at the first full-text search). Sent again after any change.
   */
  setFullTextPapers(ids: readonly string[]): void {
    this.post({ type: 'fullTextPapers', ids: [...ids] });
  }

  /**
   * The best `limit` saved papers whose full text matches `query` (`in:fulltext` and the other
   * filters in it), each with its snippet and card; none while the index loads or when the worker
   * is gone.
   */
  async fullTextSearch(query: string, limit: number): Promise<readonly FullTextHit[]> {
    if (!this.worker || !this.isReady || limit <= 0) {
      return [];
    }
    return this.ask(this.fullTexts, (id) => ({ type: 'fullTextSearch', id, query, limit }));
  }

  /** Indexes papers the host just fetched (a few at a time; the worker reads the cache at start). */
  add(papers: readonly Paper[]): void {
    if (papers.length > 0) {
      this.post({ type: 'add', papers });
    }
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined; // a deliberate end, not a loss
    this.waiting.forEach(({ resolve }) => resolve([]));
    this.waiting.clear();
    this.dropReads();
    this.rejectReady(new Error('Search was stopped before its index was ready.'));
    this.resolveSynced();
    await worker?.terminate();
  }

  /** The worker died: search goes back to scanning, and queries waiting for it are answered by scan. */
  private lost(worker: Worker, what: string): void {
    if (this.worker !== worker) {
      return;
    }
    this.worker = undefined;
    this.isReady = false;
    this.options.log?.('warn', `Search worker ${what}; searching by scan.`);
    // Once resolved this does nothing; before, it tells whoever waits that the index will not come.
    this.rejectReady(new Error(`The search worker ${what} before its index was ready; searching by scan.`));
    this.resolveSynced();
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    waiting.forEach(({ resolve, query, limit }) => resolve(this.scanSearch(query, limit)));
    this.dropReads();
  }

  /** Answers the requests other than searches that the worker will not: nothing found. */
  private dropReads(): void {
    drop(this.reading, []);
    drop(this.sentences, {});
    drop(this.likes, []);
    drop(this.forYous, undefined);
    drop(this.fullTexts, []);
  }

  /** The worker's answer to request `id` of `pending`. */
  /** Posts the message made for a new request id; its answer settles the promise (`drop` settles it when the worker goes). */
  private ask<T>(pending: Map<number, (value: T) => void>, message: (id: number) => ToWorker): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve) => {
      pending.set(id, resolve);
      this.post(message(id));
    });
  }

  private settle<T>(pending: Map<number, (value: T) => void>, id: number, value: T): void {
    pending.get(id)?.(value);
    pending.delete(id);
    this.holdOpen();
  }

  private post(message: ToWorker): void {
    this.worker?.postMessage(message);
    this.holdOpen();
  }

  /** The worker keeps the process alive only while an answer is awaited (or the index loads). */
  private holdOpen(): void {
    if (this.isReady && this.waiting.size === 0 && this.reading.size === 0 && this.sentences.size === 0
      && this.likes.size === 0 && this.forYous.size === 0 && this.fullTexts.size === 0) {
      this.worker?.unref();
    } else {
      this.worker?.ref();
    }
  }

  private scanSearch(query: string, limit: number): SearchHit[] {
    const papers = this.options.papers();
    if (!this.scan || this.scan.count !== papers.length) {
      this.scan = { count: papers.length, scan: new LinearScan(papers, () => this.compiled(), this.topicOf) };
    }
    return this.scan.scan.hits(query, limit);
  }

  private compiled(): CompiledTaxonomy {
    this.taxonomy ??= compileTaxonomy(this.options.userTopics);
    return this.taxonomy;
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        this.isReady = true;
        this.scan = undefined;
        this.loadMs = message.loadMs;
        this.indexSize = message.size;
        this.options.log?.('info', `Search index ${message.source === 'file' ? 'loaded' : 'built'}: ${message.size} papers in ${message.loadMs.toFixed(0)} ms.`);
        this.resolveReady();
        this.holdOpen();
        return;
      case 'updated':
        this.indexSize = message.size;
        if (message.added > 0) {
          this.options.log?.('info', `Search index: ${message.added} new papers (${message.size} in all).`);
        }
        this.options.onUpdated?.(message.size);
        return;
      case 'synced':
        this.resolveSynced();
        return;
      case 'result':
        this.waiting.get(message.id)?.resolve(message.hits);
        this.waiting.delete(message.id);
        this.holdOpen();
        return;
      case 'papers':
        this.settle(this.reading, message.id, message.papers);
        return;
      case 'snippets':
        this.settle(this.sentences, message.id, message.snippets);
        return;
      case 'similar':
        this.settle(this.likes, message.id, message.hits);
        return;
      case 'forYou':
        this.settle(this.forYous, message.id, message.scores);
        return;
      case 'fullTextResult':
        this.settle(this.fullTexts, message.id, message.hits);
        return;
      case 'log':
        this.options.log?.(message.level, message.message);
    }
  }
}

/** Answers every request of `pending` with `value`. */
function drop<T>(pending: Map<number, (value: T) => void>, value: T): void {
  pending.forEach((resolve) => resolve(value));
  pending.clear();
}
