/**
 * Enrichment in the background: arXiv's metadata for the papers a user sees, cites or opens (ids in
 * batches of up to 100 per request, one request at a time, three seconds apart as arXiv's terms ask),
 * then DBLP for the published version of papers cited or opened (one request per paper, a second
 * apart). Nothing waits for it: `apply` gives a paper with what is known now, and `onChange` says
 * when more is known. Faults (429, timeouts, malformed answers) back off and keep the ids queued;
 * a service the settings turn off is never asked. Records live in `enrichment.json` (records.ts).
 */
import { FeedError, type Fetch, httpGet, sleep as defaultSleep } from '../feed/http';
import { isLoopbackHost } from '../net/hosts';
import type { Paper } from '../paper/model';
import { FileLock } from '../storage/lock';
import { arxivQueryUrl, parseArxivAtom, toArxivMetadata } from './arxivAtom';
import { dblpQueryUrl, matchDblp } from './dblp';
import { arxivLicenseUrl, parseOaiLicense } from './arxivOai';
import { applyEnrichment, arxivDue, dblpDue, type EnrichmentRecord, licenseDue } from './records';
import { RecordStore } from './recordStore';

/** arXiv's API takes many ids per request; a Daily Papers day is 10 to 60. */
export const ARXIV_BATCH = 100;
/** arXiv's terms: no more than one request every three seconds, one connection at a time. */
export const ARXIV_INTERVAL_MS = 3_000;
export const DBLP_INTERVAL_MS = 1_000;
/** A fault waits this long, doubling up to MAX_BACKOFF_MS, before the service is asked again. */
const FIRST_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 30 * 60_000;
const MAX_QUEUED = 5_000;

export interface EnricherOptions {
  readonly fetch: Fetch;
  readonly userAgent: string;
  readonly arxivEndpoint: string;
  readonly dblpEndpoint: string;
  /** Which services may be asked, read at each request (`paperFeed.enrichment.*`). */
  readonly enabled: () => { readonly arxiv: boolean; readonly published: boolean };
  /** The records file; none: records stay in memory (tests, the bench). */
  readonly file?: string;
  readonly now?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly log?: (message: string) => void;
  /** Called with the ids whose records changed. */
  readonly onChange?: (ids: readonly string[]) => void;
  /** Overrides the pacing (the bench); loopback endpoints get 50 ms by default. */
  readonly intervalMs?: { readonly arxiv: number; readonly dblp: number };
  /** The first wait after a fault (default 30 s; 500 ms for loopback endpoints, the tests' fakes). */
  readonly firstBackoffMs?: number;
}

type Why = 'shown' | 'used';

export class Enricher {
  private readonly store: RecordStore;
  /** Ids to ask arXiv about; `used` ones go first. */
  private readonly arxivQueue = new Map<string, Why>();
  /** Papers to ask DBLP about (cited or opened only), once arXiv has answered for them. */
  private readonly dblpQueue = new Map<string, Paper>();
  /** Ids to ask arXiv's OAI-PMH interface for the license (cited or opened only; one request each). */
  private readonly licenseQueue = new Set<string>();
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;
  /** Ends the drain loop's wait for a backoff early: new work may be for the other service. */
  private wake: (() => void) | undefined;
  /** How many ids the next arXiv request takes: halved after a malformed answer, to find an id arXiv refuses. */
  private batchLimit = ARXIV_BATCH;
  private readonly lock: FileLock | undefined;
  private readonly backoff = { arxiv: { until: 0, ms: 0 }, dblp: { until: 0, ms: 0 } };
  private readonly nextAt = { arxiv: 0, dblp: 0 };
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Requests sent to each service (the bench, the tests). */
  readonly sent = { arxiv: 0, dblp: 0, arxivIds: 0 };

  constructor(private readonly options: EnricherOptions) {
    this.store = new RecordStore(options.file, options.log);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    // One request at a time on this machine, whatever the number of windows (arXiv's terms count machines).
    this.lock = options.file ? new FileLock(`${options.file}.lock`, { staleMs: 60_000, waitMs: 30_000, pollMs: 250 }) : undefined;
  }

  /** Reads the records file (a missing or damaged file is an empty start). */
  async load(): Promise<void> {
    await this.store.load();
  }

  /** The paper with what is known about it now; never waits. */
  apply(paper: Paper): Paper {
    return applyEnrichment(paper, this.store.get(paper.id));
  }

  record(id: string): EnrichmentRecord | undefined {
    return this.store.get(id);
  }

  /**
   * Asks, in the background, about papers shown in a view (arXiv only) or used: cited, opened (arXiv,
   * then DBLP when arXiv names no venue). Returns at once.
   */
  want(papers: readonly Paper[], why: Why): void {
    const now = this.now();
    const enabled = this.options.enabled();
    for (const paper of papers) {
      const record = this.store.get(paper.id);
      if (enabled.arxiv && arxivDue(record, paper, now)) {
        if (this.arxivQueue.size < MAX_QUEUED || this.arxivQueue.has(paper.id)) {
          this.arxivQueue.set(paper.id, why === 'used' || this.arxivQueue.get(paper.id) === 'used' ? 'used' : 'shown');
        }
      }
      if (why === 'used' && enabled.arxiv && licenseDue(record, now) && this.licenseQueue.size < MAX_QUEUED) {
        this.licenseQueue.add(paper.id);
      }
      if (why === 'used' && enabled.published && dblpDue(record, paper, now) && this.dblpQueue.size < MAX_QUEUED) {
        this.dblpQueue.set(paper.id, paper);
      }
    }
    this.kick();
    this.wake?.(); // a wait on one service's backoff must not hold up the other
  }

  /** Resolves when both queues are empty: a fault is waited out and asked again (tests and the bench). */
  async idle(): Promise<void> {
    while (this.running) {
      await this.running;
    }
    await this.store.saved();
  }

  dispose(): void {
    this.abort.abort();
    this.store.flush();
  }

  private kick(): void {
    if (this.running || this.abort.signal.aborted) {
      return;
    }
    this.running = this.drain().catch((error: unknown) => {
      this.options.log?.(`Enrichment stopped: ${error instanceof Error ? error.message : String(error)}`);
    }).finally(() => {
      this.running = undefined;
      // Work that came between the loop's last look and now.
      if (this.arxivQueue.size > 0 || this.licenseQueue.size > 0 || this.dblpQueue.size > 0) {
        this.kick();
      }
    });
  }

  private async drain(): Promise<void> {
    while (!this.abort.signal.aborted) {
      const enabled = this.options.enabled();
      if (!enabled.arxiv) {
        this.arxivQueue.clear();
        this.licenseQueue.clear();
      }
      if (!enabled.published) {
        this.dblpQueue.clear();
      }
      const now = this.now();
      const arxivWork = this.arxivQueue.size > 0 || this.licenseQueue.size > 0;
      if (this.arxivQueue.size > 0 && now >= this.backoff.arxiv.until) {
        await this.askArxiv();
      } else if (this.licenseQueue.size > 0 && now >= this.backoff.arxiv.until) {
        await this.askLicense(this.licenseQueue.values().next().value as string);
      } else if (this.dblpReady().length > 0 && now >= this.backoff.dblp.until) {
        await this.askDblp(this.dblpReady()[0] as Paper);
      } else {
        const waits = [arxivWork ? this.backoff.arxiv.until : Infinity, this.dblpReady().length > 0 ? this.backoff.dblp.until : Infinity];
        const until = Math.min(...waits);
        if (until === Infinity) {
          return;
        }
        const woken = new Promise<void>((resolve) => (this.wake = resolve));
        await Promise.race([this.sleep(Math.max(0, until - now), this.abort.signal).catch(() => undefined), woken]);
        this.wake = undefined;
      }
    }
  }

  /** DBLP papers whose arXiv answer is in (or arXiv is off or failing): a venue from arXiv makes DBLP moot. */
  private dblpReady(): Paper[] {
    return [...this.dblpQueue.values()].filter((paper) => !this.arxivQueue.has(paper.id) || this.backoff.arxiv.until > this.now());
  }

  private async askArxiv(): Promise<void> {
    await this.readOtherWindows();
    if (this.arxivQueue.size === 0) {
      return; // another window had asked about all of them
    }
    const ids = [...this.arxivQueue].sort((a, b) => (a[1] === b[1] ? 0 : a[1] === 'used' ? -1 : 1)).slice(0, this.batchLimit).map(([id]) => id);
    const url = arxivQueryUrl(this.options.arxivEndpoint, ids);
    try {
      const { status, body } = await this.get('arxiv', url, 'application/atom+xml');
      if (status !== 200) {
        throw new FeedError('http', `arXiv answered HTTP ${status}.`, status);
      }
      if (/^\s*Rate exceeded\.?\s*$/i.test(body.slice(0, 100))) {
        throw new FeedError('rateLimited', 'arXiv says: Rate exceeded.');
      }
      let entries: ReturnType<typeof parseArxivAtom>;
      try {
        entries = parseArxivAtom(body);
      } catch (error) {
        if (error instanceof FeedError && error.message.startsWith('arXiv answered with an error')) {
          this.isolate(ids, error);
        }
        throw error;
      }
      this.batchLimit = ARXIV_BATCH;
      const checkedAt = new Date(this.now()).toISOString();
      const returned = new Set<string>();
      for (const entry of entries) {
        if (!this.arxivQueue.has(entry.id)) {
          continue;
        }
        returned.add(entry.id);
        this.store.set(entry.id, {
          ...this.store.get(entry.id),
          arxiv: toArxivMetadata(entry),
          ...(entry.published ? { firstVersionDate: entry.published } : {}),
          arxivCheckedAt: checkedAt,
        });
      }
      // arXiv drops ids it does not know: remembered as asked, so they are not asked again soon.
      for (const id of ids) {
        if (!returned.has(id)) {
          this.store.set(id, { ...this.store.get(id), arxivCheckedAt: checkedAt });
        }
        this.arxivQueue.delete(id);
      }
      this.backoff.arxiv = { until: 0, ms: 0 };
      this.changed(ids);
    } catch (error) {
      this.fault('arxiv', error);
    }
  }

  /**
   * arXiv refuses a whole request for one id it finds malformed (its error entry): the next requests
   * take half as many ids, until the one it refuses is asked alone and then left alone (for a day).
   */
  private isolate(ids: readonly string[], error: FeedError): void {
    if (ids.length > 1) {
      this.batchLimit = Math.ceil(ids.length / 2);
      return;
    }
    const [id] = ids;
    if (id !== undefined) {
      this.options.log?.(`arXiv refused ${id} (${error.message}); not asking about it again today.`);
      this.store.set(id, { ...this.store.get(id), arxivCheckedAt: new Date(this.now()).toISOString() });
      this.arxivQueue.delete(id);
      this.batchLimit = ARXIV_BATCH;
    }
  }

  /** Takes in what other windows wrote to the records file since, and drops the ids they answered. */
  private async readOtherWindows(): Promise<void> {
    if (!(await this.store.takeInOthers())) {
      return;
    }
    const now = this.now();
    for (const id of [...this.arxivQueue.keys()]) {
      const record = this.store.get(id);
      if (record && !arxivDue(record, { firstVersionDate: record.firstVersionDate }, now)) {
        this.arxivQueue.delete(id);
      }
    }
  }

  /** The license, from arXiv's OAI-PMH interface: paced and backed off with arXiv's API (the same service). */
  private async askLicense(id: string): Promise<void> {
    this.licenseQueue.delete(id);
    try {
      const { status, body } = await this.get('arxiv', arxivLicenseUrl(this.options.arxivEndpoint, id), 'application/xml');
      if (status !== 200) {
        throw new FeedError('http', `arXiv's OAI-PMH interface answered HTTP ${status}.`, status);
      }
      const license = parseOaiLicense(body);
      const { license: _old, ...record } = this.store.get(id) ?? {};
      this.store.set(id, { ...record, ...(license ? { license } : {}), licenseCheckedAt: new Date(this.now()).toISOString() });
      this.backoff.arxiv = { until: 0, ms: 0 };
      this.changed([id]);
    } catch (error) {
      this.licenseQueue.add(id);
      this.fault('arxiv', error);
    }
  }

  private async askDblp(paper: Paper): Promise<void> {
    this.dblpQueue.delete(paper.id);
    const current = this.apply(paper);
    if (!dblpDue(this.store.get(paper.id), current, this.now())) {
      return;
    }
    try {
      const { status, body } = await this.get('dblp', dblpQueryUrl(this.options.dblpEndpoint, current), 'application/json');
      if (status !== 200) {
        throw new FeedError('http', `DBLP answered HTTP ${status}.`, status);
      }
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        throw new FeedError('format', 'DBLP answered something that is not JSON.');
      }
      const match = matchDblp(json, current);
      const record = { ...this.store.get(paper.id), dblpCheckedAt: new Date(this.now()).toISOString() };
      this.store.set(paper.id, match ? { ...record, dblp: match } : (({ dblp: _dropped, ...rest }) => rest)(record));
      this.backoff.dblp = { until: 0, ms: 0 };
      this.changed([paper.id]);
    } catch (error) {
      this.dblpQueue.set(paper.id, paper);
      this.fault('dblp', error);
    }
  }

  /** One paced GET: one request at a time (the drain loop is sequential), the interval between starts. */
  private async get(service: 'arxiv' | 'dblp', url: string, accept: string): Promise<{ status: number; body: string }> {
    const endpoint = service === 'arxiv' ? this.options.arxivEndpoint : this.options.dblpEndpoint;
    const interval = this.options.intervalMs?.[service]
      ?? (isLoopbackHost(new URL(endpoint).hostname) ? 50 : service === 'arxiv' ? ARXIV_INTERVAL_MS : DBLP_INTERVAL_MS);
    const wait = this.nextAt[service] - this.now();
    if (wait > 0) {
      await this.sleep(wait, this.abort.signal);
    }
    if (!this.options.enabled()[service === 'arxiv' ? 'arxiv' : 'published']) {
      throw new FeedError('cancelled', `${service} was turned off.`);
    }
    if (this.lock && !(await this.lock.acquire())) {
      throw new FeedError('rateLimited', 'Another window is asking arXiv or DBLP.', undefined, interval);
    }
    this.sent[service]++;
    if (service === 'arxiv') {
      this.sent.arxivIds += new URL(url).searchParams.get('id_list')?.split(',').length ?? 0;
    }
    try {
      // One attempt: a fault is retried by the drain loop after a backoff, not here.
      return await httpGet(url, accept, { fetch: this.options.fetch, userAgent: this.options.userAgent, maxAttempts: 1, timeoutMs: 20_000 }, this.abort.signal);
    } finally {
      this.nextAt[service] = this.now() + interval;
      if (this.lock) {
        // Held through the interval, so that another window's request waits it out too.
        void this.sleep(interval, this.abort.signal).catch(() => undefined).then(() => this.lock?.release());
      }
    }
  }

  private fault(service: 'arxiv' | 'dblp', error: unknown): void {
    if (this.abort.signal.aborted || (error instanceof FeedError && error.kind === 'cancelled')) {
      return;
    }
    const state = this.backoff[service];
    const asked = error instanceof FeedError ? error.retryAfterMs : undefined;
    const endpoint = service === 'arxiv' ? this.options.arxivEndpoint : this.options.dblpEndpoint;
    const first = this.options.firstBackoffMs ?? (isLoopbackHost(new URL(endpoint).hostname) ? 500 : FIRST_BACKOFF_MS);
    // The server's own wait in full; ours doubles up to MAX_BACKOFF_MS.
    const ms = Math.max(asked ?? 0, Math.min(MAX_BACKOFF_MS, state.ms === 0 ? first : state.ms * 2));
    this.backoff[service] = { until: this.now() + ms, ms };
    const name = service === 'arxiv' ? 'arXiv' : 'DBLP';
    this.options.log?.(`${name} enrichment failed (${error instanceof Error ? error.message.replace(/Hugging Face/g, name) : String(error)}); trying again in ${Math.round(ms / 1_000)} s.`);
  }

  private changed(ids: readonly string[]): void {
    if (this.abort.signal.aborted) {
      return;
    }
    this.options.onChange?.(ids);
    this.store.scheduleSave();
  }
}
