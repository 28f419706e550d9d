import { rm } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { Paper } from '../core/paper/model';
import { indexFileName } from '../core/search/savedIndexes';
import { SearchClient } from '../core/search/workerClient';
import type { SearchHit } from '../core/search/index';
import type { ForYouScore, FullTextHit, SimilarHit } from '../core/search/workerProtocol';
import { onDidChangeSettings, readUserTopics } from './config';
import { Disposable } from './disposable';
import type { FeedService } from './feed/feedService';
import type { PaperStore } from './paperStore';
import type { TopicService } from './topics';

/** How long discovery waits for the index to catch up with the cache before it answers anyway. */
const SYNC_WAIT_MS = 10_000;

/** The month of a new-style arXiv id (2508.10104 → 2025-08): where a paper usually is in the cache. */
function arxivMonth(id: string): string | undefined {
  const match = /^(\d{2})(\d{2})\./.exec(id);
  return match ? `20${match[1]}-${match[2]}` : undefined;
}

/**
 * Search over every cached paper: a worker thread holds the index (loaded from its file, or built
 * from the cache), new papers are sent to it as the feed brings them, and until it is ready the
 * host answers by scanning. The worker starts at the first use, not in every window at startup: the
 * first search (or the search picker opening), the first paper panel (its Similar papers), Show
 * Similar Papers, or a Papers view sorted or grouped For you. A window with none of these never
 * loads the index.
 */
export class SearchService extends Disposable {
  private client: SearchClient | undefined;
  /** The feed's first load (the cache) is done: until then the store holds no cached papers to send. */
  private loaded = false;
  /** Papers the worker has (from the cache at its start) or was sent since. */
  private readonly known = new Set<string>();
  /** The saved papers whose full text is cached, as last said: sent to each worker started. */
  private fullTextIds: readonly string[] = [];
  private readonly updated = this._register(new vscode.EventEmitter<void>());
  /** The index has new papers, or has just become ready (its answers replace the scan's). */
  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly feed: FeedService,
    private readonly store: PaperStore,
    private readonly topics: TopicService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register(store.onDidChange(() => this.sendNew()));
    this._register(onDidChangeSettings(['topics'], () => void this.restart()));
    this._register({ dispose: () => void this.client?.dispose() });
  }

  /** The index file: one per set of user topics (the topics are part of what it stores). */
  private indexPath(userTopics: unknown): vscode.Uri {
    return vscode.Uri.joinPath(this.context.globalStorageUri, 'search', indexFileName(userTopics));
  }

  /** Starts the worker unless it runs: it loads or builds the index while the scan answers. */
  ensureStarted(): void {
    if (this.client) {
      return;
    }
    // A plain copy: configuration values are proxies, which cannot cross to a worker.
    const userTopics = readUserTopics() as Record<string, string[]>;
    this.client = new SearchClient({
      workerPath: vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'searchWorker.js').fsPath,
      indexPath: this.indexPath(userTopics).fsPath,
      cacheDir: this.feed.cache.dir,
      userTopics,
      papers: () => this.store.list(),
      // The views' topics, remembered per paper: the scan's `topic:` classifies nothing twice.
      topicOf: (paper) => this.topics.of(paper).primary,
      log: (level, message) => this.log[level](message),
      onUpdated: () => this.updated.fire(),
    });
    this.client.start();
    if (this.fullTextIds.length > 0) {
      this.client.setFullTextPapers(this.fullTextIds);
    }
    const client = this.client;
    // An open search redraws with the index's ranking.
    client.ready.then(() => {
      if (this.client === client) {
        this.updated.fire();
      }
    }, () => undefined);
    if (this.loaded) {
      this.sendUncached();
    }
  }

  /**
   * The feed's first load is over (or failed). A worker started before it (a search in the first
   * moments) takes what the host has only now: before, the store was empty, and the whole cache,
   * which the worker reads itself, would have been sent as new at the first change.
   */
  firstLoadDone(): void {
    if (this.loaded) {
      return;
    }
    this.loaded = true;
    if (this.client) {
      this.sendUncached();
    }
  }

  /** The worker reads the cache itself; papers the host has from elsewhere (the built-in sample) are sent. */
  private sendUncached(): void {
    const papers = this.store.list();
    papers.forEach((paper) => this.known.add(paper.id));
    this.client?.add(papers.filter((paper) => this.feed.cache.get(paper.id) === undefined));
  }

  /** Settles when the index answers (queries before that are answered by scanning). */
  get ready(): Promise<void> {
    this.ensureStarted();
    return (this.client as SearchClient).ready;
  }

  /** Settles when the index has every paper cached when it started (or searching fell back to the scan). */
  get synced(): Promise<void> {
    this.ensureStarted();
    return (this.client as SearchClient).synced;
  }

  /** Whether the worker runs (it starts at the first search, not with the window). */
  get isStarted(): boolean {
    return this.client !== undefined;
  }

  get isIndexReady(): boolean {
    return this.client?.isIndexReady ?? false;
  }

  /** The best `limit` hits for a query, best first, each with the card the picker shows (no paper is read). */
  async search(query: string, limit: number): Promise<{ readonly hits: readonly SearchHit[]; readonly by: 'index' | 'scan' }> {
    this.ensureStarted();
    return (this.client as SearchClient).search(query, Math.max(1, Math.min(200, Math.floor(limit))));
  }

  /**
   * The saved papers whose full text is cached (call again after any change: a paper saved or
   * removed, a full text kept or cleared): what `in:fulltext` searches. Remembered, and sent to the
   * worker whenever it starts; the worker reads the files only at the first full-text search.
   */
  setFullTextPapers(ids: readonly string[]): void {
    this.fullTextIds = [...new Set(ids)];
    this.client?.setFullTextPapers(this.fullTextIds);
  }

  /** How many saved papers have their full text cached (as last said). */
  get fullTextCount(): number {
    return this.fullTextIds.length;
  }

  /**
   * The best `limit` saved papers whose full text matches `query` (its `in:fulltext` and other
   * filters), each with the sentence around its first match and its card; searched in the worker,
   * once its index is ready (the cards come from it). None when the worker failed or was replaced.
   */
  async fullTextSearch(query: string, limit: number): Promise<FullTextHit[]> {
    this.ensureStarted();
    const client = this.client as SearchClient;
    try {
      await client.ready;
    } catch {
      return [];
    }
    return [...await client.fullTextSearch(query, Math.max(1, Math.min(200, Math.floor(limit) || 1)))];
  }

  /** The best `limit` papers for a query, in full (the API): read from the cache for hits the host does not hold. */
  async searchPapers(query: string, limit: number): Promise<Paper[]> {
    const { hits } = await this.search(query, limit);
    return this.papers(hits.map((hit) => hit.id));
  }

  /** The abstract sentence each hit found only in its abstract matched (read by the worker), by id. */
  async snippets(query: string, ids: readonly string[]): Promise<ReadonlyMap<string, string>> {
    return this.client ? this.client.snippets(query, ids) : new Map();
  }

  /**
   * Full papers by id, for hits and for commands about a paper of the archive: those the host holds,
   * else read from the cache by the worker, which knows each paper's month file; while the index is
   * not ready (or the worker not started: this never starts it), from the month of the arXiv id first.
   */
  async papers(ids: readonly string[], options: { readonly scan?: boolean } = {}): Promise<Paper[]> {
    if (this.client?.isIndexReady) {
      return this.client.papers(ids, (id) => this.store.get(id));
    }
    const read = await this.feed.cache.read(ids.filter((id) => !this.store.get(id)), arxivMonth, options);
    return ids.map((id) => this.store.get(id) ?? read.get(id)?.paper).filter((paper): paper is Paper => paper !== undefined);
  }

  /**
   * A cached paper by id, held from now on (a command about a paper of the archive). `scan: false`:
   * before the index is ready, only the month file of the id is read, not every one (a language
   * model tool may be given many ids the cache does not have).
   */
  async cachedPaper(id: string, options: { readonly scan?: boolean } = {}): Promise<Paper | undefined> {
    const [paper] = await this.papers([id], options);
    return paper && (this.store.get(id) ?? this.store.remember(paper));
  }

  /**
   * The `limit` cached papers most like `paper`, best first (computed in the worker; the paper is
   * indexed first when the worker has not seen it). Waits for the index; rejects when there is none
   * (the worker failed, or was stopped or restarted meanwhile): no answer would read as "none like it".
   */
  async similar(paper: Paper, limit = 10): Promise<readonly SimilarHit[]> {
    return this.askIndex([paper], (client) => client.similar(paper.id, Math.max(1, Math.min(50, Math.floor(limit) || 1))));
  }

  /**
   * "For you": each paper of `window` scored by how much it is like the `saved` papers (computed in
   * the worker), in `window`'s order. Waits for the index; rejects when there is none (the worker
   * failed, or was stopped or restarted meanwhile): zeros would read as "nothing is like them".
   */
  async forYou(window: readonly Paper[], saved: readonly Paper[]): Promise<readonly ForYouScore[]> {
    return this.askIndex([...saved, ...window], (client) => client.forYou(window.map((paper) => paper.id), saved.map((paper) => paper.id)));
  }

  /**
   * Asks the index about `papers` (sent first when the worker cannot read them from the cache);
   * rejects when there is no index, or when its worker stopped or was replaced before it answered
   * (the client then answers none or zeros).
   */
  private async askIndex<T>(papers: readonly Paper[], ask: (client: SearchClient) => Promise<T>): Promise<T> {
    const client = await this.readyClient();
    if (!client) {
      throw new Error('the search index is not available');
    }
    this.sendUnseen(papers);
    const answer = await ask(client);
    if (this.client !== client || !client.isIndexReady) {
      throw new Error('the search worker stopped before it answered');
    }
    return answer;
  }

  /**
   * The started client once its index is ready and has caught up with the cache (a saved index loads
   * before the papers cached since: asked earlier, a paper of this morning would have no similar
   * papers), or after SYNC_WAIT_MS at most; undefined if it never will be (or was replaced meanwhile).
   */
  private async readyClient(): Promise<SearchClient | undefined> {
    this.ensureStarted();
    const client = this.client as SearchClient;
    try {
      await client.ready;
    } catch {
      return undefined;
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([client.synced, new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SYNC_WAIT_MS);
    })]);
    clearTimeout(timer);
    return this.client === client ? client : undefined;
  }

  /**
   * Papers the worker was not sent and could not read from the cache (a paper of the built-in sample,
   * one found online): sent before a question about them (messages arrive in order).
   */
  private sendUnseen(papers: readonly Paper[]): void {
    const unseen = [...new Map(papers.map((paper) => [paper.id, paper])).values()]
      .filter((paper) => !this.known.has(paper.id) && this.feed.cache.get(paper.id) === undefined);
    unseen.forEach((paper) => this.known.add(paper.id));
    this.client?.add(unseen);
  }

  /** Papers found online: into the index at once. */
  addFound(papers: readonly Paper[]): void {
    papers.forEach((paper) => this.known.add(paper.id));
    this.client?.add(papers);
  }

  /** Sends the worker papers it has not seen (a refresh brings a few at a time). */
  private sendNew(): void {
    if (!this.client || !this.loaded) {
      return;
    }
    const fresh = this.store.list().filter((paper) => !this.known.has(paper.id));
    fresh.forEach((paper) => this.known.add(paper.id));
    // Papers of the shown window may have new upvotes or code: send those too (a few dozen).
    const shown = this.store.view.papers.filter((paper) => !fresh.includes(paper));
    this.client.add([...fresh, ...shown]);
  }

  /**
   * After Clear Paper Cache, or when the topics change: a fresh index from the cache. A worker not
   * started yet stays so: it reads the cache and the topics when it starts.
   */
  async restart(options: { readonly deleteIndex?: boolean } = {}): Promise<void> {
    const running = this.client;
    this.client = undefined;
    this.known.clear();
    await running?.dispose();
    if (options.deleteIndex) {
      await rm(vscode.Uri.joinPath(this.context.globalStorageUri, 'search').fsPath, { recursive: true, force: true });
    }
    if (running) {
      this.ensureStarted();
    }
  }
}
