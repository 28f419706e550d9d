/**
 * A local fake of huggingface.co on 127.0.0.1, replaying the real responses in ../shared/corpus with
 * the real API's semantics (date/week/month/sort/p/limit/submitter, Link rel="next", 400 for a bad
 * date, [] past the end), the HTML pages in the server's own form, paper and search endpoints, and
 * switchable faults. Control it in-process or over HTTP (`POST /__fault`, `POST /__reset`,
 * `POST /__searchOnly`, `GET /__requests`), which is how tests inside the extension host reach it. Requests the client
 * gave up on (connection closed before the answer was complete) are listed in `aborted`.
 * It also plays arXiv's API (`GET /api/query?id_list=…`, per-paper overrides with `POST /__arxiv`) and
 * DBLP's search (`GET /search/publ/api?q=…`, answers set with `POST /__dblp`): see fakeArxiv.ts.
 * Full texts (`GET /papers/{id}.md`): the hand-written samples of test/fixtures/fulltext, 404 with an
 * HTML page for other ids, and per-id answers set with `setFullText` or `POST /__fulltext`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { isoWeek, isValidDate } from '../../src/core/time/dates';
import { arxivAnswer, dblpAnswer, dblpKeys, oaiAnswer, type ArxivOverride } from './fakeArxiv';
import { fullTextSample } from './fullTextSamples';
import { root, sharedPath } from './paths';

/** The day the hostile fixture is served on (no real batch exists then). */
export const HOSTILE_DATE = '2024-01-01';

/**
 * `hang`: no answer at all, the request held open until the client gives up on it. `rateExceededText`
 * (arXiv's throttling: 200 with the plain text `Rate exceeded.`) and `malformedXml` are for `/api/query`.
 */
export type FaultMode = 'delay' | 'hang' | '429' | '500' | 'reset' | 'truncate' | 'invalidJson' | 'wrongType' | 'rateExceededText' | 'malformedXml';

export interface Fault {
  readonly mode: FaultMode;
  /** How many matching requests fail; unlimited when absent. */
  readonly times?: number;
  /**
   * Only requests whose path and query start with this, e.g. `/api/daily_papers?date=2026-08-14`,
   * `/api/query` (arXiv) or `/search/` (DBLP). By default Hugging Face's `/api/` but not arXiv's `/api/query`.
   */
  readonly path?: string;
  readonly delayMs?: number;
  readonly retryAfterSeconds?: number;
}

/** A test's answer to `GET /papers/{id}.md`: each field replaces the default's (the sample, 200, text/markdown). */
export interface FullTextOverride {
  readonly status?: number;
  readonly body?: string;
  readonly contentType?: string;
  /** Wait this long before answering. */
  readonly delayMs?: number;
}

type Item = { paper: { id: string; upvotes?: number; submittedOnDailyAt?: string }; submittedBy?: { name?: string } } & Record<string, unknown>;

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

export class FakeHf {
  private readonly byDate = new Map<string, Item[]>();
  private readonly byId = new Map<string, Item>();
  /** Papers only the search endpoint knows, as Hugging Face knows papers no daily list has featured. */
  private readonly searchOnly = new Map<string, Item>();
  private readonly dates: string[];
  /** Requests to /__trap: anything hostile content manages to make the panel fetch. */
  readonly trapHits: string[] = [];
  private fault: (Fault & { remaining: number }) | undefined;
  /** Connections of requests a `hang` fault holds. */
  private readonly held = new Set<Socket>();
  readonly requests: string[] = [];
  /** Requests whose client closed the connection before the answer was complete. */
  readonly aborted: string[] = [];
  /** The headers that matter, per request, in the same order as `requests`. */
  readonly headers: { readonly userAgent?: string; readonly authorization?: string }[] = [];
  /** Per-paper answers of the fake arXiv, by version-less id; cleared by `reset`. */
  readonly arxivOverrides = new Map<string, ArxivOverride>();
  /** The fake DBLP's answers, by normalised title; cleared by `reset`. */
  readonly dblpAnswers = new Map<string, unknown>();
  /** Per-paper answers of `/papers/{id}.md`; cleared by `reset`. */
  readonly fullTextOverrides = new Map<string, FullTextOverride>();

  private constructor(private readonly server: Server) {
    const folder = sharedPath('corpus', 'hf-daily');
    for (const name of readdirSync(folder).filter((file) => /^\d{4}-\d{2}-\d{2}\.json$/.test(file)).sort()) {
      const items = JSON.parse(readFileSync(join(folder, name), 'utf8')) as Item[];
      this.byDate.set(name.slice(0, 10), items);
      items.forEach((item) => this.byId.set(item.paper.id, item));
    }
    this.dates = [...this.byDate.keys()].sort();
  }

  /** Serves test/fixtures/hostile-feed.json on HOSTILE_DATE, its trap URLs pointing at this server. */
  private loadHostile(): void {
    const text = readFileSync(join(root, 'test', 'fixtures', 'hostile-feed.json'), 'utf8').replaceAll('{{TRAP}}', `${this.url}/__trap`)
      .replaceAll('{{LONG}}', 'A'.repeat(100_000)); // 100 kB strings, made here to keep the fixture small
    const items = JSON.parse(text) as Item[];
    this.byDate.set(HOSTILE_DATE, items);
    items.forEach((item) => this.byId.set(item.paper.id, item));
  }

  static async start(port = 0): Promise<FakeHf> {
    const server = createServer();
    const fake = new FakeHf(server);
    server.on('request', (request, response) => {
      fake.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) {
          response.writeHead(500, { 'content-type': 'application/json' });
        }
        response.end(JSON.stringify({ error: String(error) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    fake.loadHostile();
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /**
   * Sets (or clears) the fault. Requests a `hang` fault holds are let go of by resetting their
   * connections, as a network that comes back would: the client sees a failure and may try again.
   */
  setFault(fault: Fault | undefined): void {
    this.fault = fault ? { ...fault, remaining: fault.times ?? Number.POSITIVE_INFINITY } : undefined;
    for (const socket of this.held) {
      socket.destroy();
    }
    this.held.clear();
  }

  /** Sets what the fake arXiv says about papers (merged over earlier overrides). */
  setArxiv(overrides: Readonly<Record<string, ArxivOverride>>): void {
    Object.entries(overrides).forEach(([id, override]) => this.arxivOverrides.set(id, override));
  }

  /** Sets the fake DBLP's hits (or a whole body) for titles, as `POST /__dblp` does. */
  setDblp(answers: Readonly<Record<string, unknown>>): void {
    dblpKeys(answers).forEach(([title, value]) => this.dblpAnswers.set(title, value));
  }

  /** Sets the answers of `/papers/{id}.md` for ids (merged over earlier ones), as `POST /__fulltext` does. */
  setFullText(overrides: Readonly<Record<string, FullTextOverride>>): void {
    Object.entries(overrides).forEach(([id, override]) => this.fullTextOverrides.set(id, override));
  }

  /** How many requests asked for `path` (with its query), e.g. `/papers/2608.19880.md`. */
  requestCount(path: string): number {
    return this.requests.filter((seen) => seen === path || seen.startsWith(`${path}?`)).length;
  }

  reset(): void {
    this.setFault(undefined);
    this.fullTextOverrides.clear();
    this.arxivOverrides.clear();
    this.dblpAnswers.clear();
    this.requests.length = 0;
    this.aborted.length = 0;
    this.headers.length = 0;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/__')) {
      await this.control(url, request, response);
      return;
    }
    const seen = `${url.pathname}${url.search}`;
    this.requests.push(seen);
    response.on('close', () => {
      if (!response.writableFinished) {
        this.aborted.push(seen);
      }
    });
    this.headers.push({
      ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}),
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
    });
    const fault = this.fault;
    if (fault && fault.remaining > 0 && (fault.path === undefined ? seen.startsWith('/api/') && !seen.startsWith('/api/query') : seen.startsWith(fault.path))) {
      fault.remaining--;
      if (await this.applyFault(fault, url, request, response)) {
        return;
      }
    }
    const fullText = /^\/papers\/([^/]+)\.md$/.exec(url.pathname);
    if (fullText) {
      await this.fullText(decodeURIComponent(fullText[1] as string), response);
      return;
    }
    this.route(url, response);
  }

  /** `/papers/{id}.md`: a test's answer, else the sample, else Hugging Face's 404 page. */
  private async fullText(id: string, response: ServerResponse): Promise<void> {
    const override = this.fullTextOverrides.get(id);
    if (override?.delayMs) {
      await new Promise((resolve) => setTimeout(resolve, override.delayMs));
    }
    const sample = fullTextSample(id);
    const body = override?.body ?? sample ?? '<!doctype html>\n<html><head><title>404 – Hugging Face</title></head><body><h1>404</h1><p>Sorry, we can’t find the page you are looking for.</p></body></html>';
    const found = override?.body !== undefined || sample !== undefined;
    response.writeHead(override?.status ?? (found ? 200 : 404), {
      'content-type': override?.contentType ?? (found ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8'),
    });
    response.end(body);
  }

  /** Returns true when the fault answered the request itself. */
  private async applyFault(fault: Fault, url: URL, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    switch (fault.mode) {
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1_000));
        return false;
      case 'hang':
        this.held.add(request.socket);
        await new Promise((resolve) => response.once('close', resolve));
        this.held.delete(request.socket);
        return true;
      case '429': {
        const seconds = fault.retryAfterSeconds ?? 120;
        response.writeHead(429, {
          'content-type': 'application/json',
          'retry-after': String(seconds),
          ratelimit: `"api";r=0;t=${seconds}`,
          'ratelimit-policy': '"fixed window";"api";q=500;w=300',
        });
        response.end(JSON.stringify({ error: 'You have been rate-limited.' }));
        return true;
      }
      case '500':
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: 'Internal Error' }));
        return true;
      case 'reset':
        request.socket.destroy();
        return true;
      case 'truncate': {
        const [body, type] = url.pathname === '/api/query'
          ? [this.arxivBody(url), 'application/atom+xml; charset=utf-8']
          : [JSON.stringify(url.pathname.startsWith('/search/') ? dblpAnswer(url.searchParams, this.dblpAnswers) : this.byDate.get(this.latest()) ?? []), 'application/json; charset=utf-8'];
        response.writeHead(200, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)) });
        response.write(body.slice(0, Math.floor(body.length / 2)));
        setTimeout(() => request.socket.destroy(), 20);
        return true;
      }
      case 'invalidJson':
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        response.end('[{"paper": {"id": "2608.19880", "title": ');
        return true;
      case 'wrongType':
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end('<!doctype html><title>Captive portal</title><p>Please sign in to the Wi-Fi.</p>');
        return true;
      case 'rateExceededText':
        response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Rate exceeded.');
        return true;
      case 'malformedXml':
        response.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' });
        response.end('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2608.19880v1</id><title>Cut</feed>');
        return true;
    }
  }

  private async control(url: URL, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (url.pathname === '/__fault' && request.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const chunk of request) {
        chunks.push(chunk as Buffer);
      }
      const text = Buffer.concat(chunks).toString('utf8');
      this.setFault(text.trim() ? JSON.parse(text) as Fault : undefined);
    } else if (url.pathname === '/__papers' && request.method === 'POST') {
      // Extra papers a test needs (e.g. one whose repository is served on loopback), by their feed date.
      const chunks: Buffer[] = [];
      for await (const chunk of request) {
        chunks.push(chunk as Buffer);
      }
      for (const item of JSON.parse(Buffer.concat(chunks).toString('utf8')) as Item[]) {
        const date = (item.paper.submittedOnDailyAt ?? '').slice(0, 10);
        this.byDate.set(date, [...(this.byDate.get(date) ?? []).filter((known) => known.paper.id !== item.paper.id), item]);
        this.byId.set(item.paper.id, item);
      }
    } else if (url.pathname === '/__arxiv' && request.method === 'POST') {
      this.setArxiv(JSON.parse(await readBody(request)) as Record<string, ArxivOverride>);
    } else if (url.pathname === '/__dblp' && request.method === 'POST') {
      this.setDblp(JSON.parse(await readBody(request)) as Record<string, unknown>);
    } else if (url.pathname === '/__fulltext' && request.method === 'POST') {
      this.setFullText(JSON.parse(await readBody(request)) as Record<string, FullTextOverride>);
    } else if (url.pathname === '/__searchOnly' && request.method === 'POST') {
      this.addSearchOnly(JSON.parse(await readBody(request)) as Item[]);
    } else if (url.pathname === '/__reset' && request.method === 'POST') {
      this.reset();
    } else if (url.pathname === '/__trap') {
      this.trapHits.push(`${url.pathname}${url.search}`);
    } else if (url.pathname !== '/__requests') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ requests: this.requests, aborted: this.aborted, headers: this.headers, trapHits: this.trapHits }));
  }

  /**
   * Papers that `/api/papers/search` finds (before the corpus's) and nothing else serves: a test's
   * papers that no backfill or window can have put in the cache.
   */
  addSearchOnly(items: readonly Item[]): void {
    items.forEach((item) => this.searchOnly.set(item.paper.id, item));
  }

  private latest(): string {
    return this.dates[this.dates.length - 1] as string;
  }

  /** Items of a date, ISO week or month, ordered by upvotes like a dated batch. */
  private select(params: URLSearchParams): Item[] | 'bad' {
    const date = params.get('date');
    const week = params.get('week');
    const month = params.get('month');
    let items: Item[];
    if (date !== null) {
      if (!isValidDate(date)) {
        return 'bad';
      }
      items = [...(this.byDate.get(date) ?? [])];
    } else if (week !== null) {
      if (!/^\d{4}-W\d{2}$/.test(week)) {
        return 'bad';
      }
      items = this.dates.filter((day) => isoWeek(day) === week).flatMap((day) => this.byDate.get(day) ?? []);
    } else if (month !== null) {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
        return 'bad';
      }
      items = this.dates.filter((day) => day.startsWith(month)).flatMap((day) => this.byDate.get(day) ?? []);
    } else if (params.get('sort') === 'trending') {
      items = this.dates.slice(-7).flatMap((day) => this.byDate.get(day) ?? []);
    } else {
      items = [...(this.byDate.get(this.latest()) ?? [])];
    }
    const submitter = params.get('submitter');
    if (submitter) {
      items = items.filter((item) => item.submittedBy?.name === submitter);
    }
    return items.sort((a, b) => (b.paper.upvotes ?? 0) - (a.paper.upvotes ?? 0));
  }

  /** The fake arXiv's Atom answer to an `/api/query` URL. */
  private arxivBody(url: URL): string {
    return arxivAnswer(url.searchParams, (id) => {
      const item = this.byId.get(id) ?? this.searchOnly.get(id);
      return item?.paper;
    }, this.arxivOverrides);
  }

  private route(url: URL, response: ServerResponse): void {
    const path = url.pathname;
    if (path === '/api/query') {
      response.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' });
      response.end(this.arxivBody(url));
      return;
    }
    if (path === '/oai2') {
      response.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      response.end(oaiAnswer(url.searchParams, (id) => (this.byId.get(id) ?? this.searchOnly.get(id))?.paper, this.arxivOverrides));
      return;
    }
    if (path === '/search/publ/api') {
      json(response, 200, dblpAnswer(url.searchParams, this.dblpAnswers));
      return;
    }
    if (path === '/api/daily_papers') {
      const items = this.select(url.searchParams);
      if (items === 'bad') {
        json(response, 400, { error: 'Invalid date, week or month.' });
        return;
      }
      const limit = Math.min(MAX_LIMIT, Math.max(1, Number(url.searchParams.get('limit') ?? DEFAULT_LIMIT) || DEFAULT_LIMIT));
      const page = Math.max(0, Number(url.searchParams.get('p') ?? 0) || 0);
      const slice = items.slice(page * limit, (page + 1) * limit);
      const headers: Record<string, string> = {};
      if ((page + 1) * limit < items.length) {
        const next = new URLSearchParams(url.searchParams);
        next.set('p', String(page + 1));
        headers.link = `</api/daily_papers?${next.toString()}>; rel="next"`;
      }
      json(response, 200, slice, headers);
      return;
    }
    const paperMatch = /^\/api\/papers\/([^/]+)$/.exec(path);
    if (paperMatch && paperMatch[1] !== 'search') {
      const item = this.byId.get(decodeURIComponent(paperMatch[1] as string));
      if (item) {
        json(response, 200, { ...item.paper, numComments: item.numComments });
      } else {
        json(response, 404, { error: 'Paper not found' });
      }
      return;
    }
    const reposMatch = /^\/api\/arxiv\/([^/]+)\/repos$/.exec(path);
    if (reposMatch) {
      json(response, 200, linkedRepos(decodeURIComponent(reposMatch[1] as string)));
      return;
    }
    if (path === '/api/papers/search') {
      json(response, 200, this.search(url.searchParams.get('q') ?? '', Number(url.searchParams.get('limit') ?? 50)));
      return;
    }
    if (path === '/papers' || path === '/papers/') {
      redirect(response, `/papers/date/${this.latest()}`);
      return;
    }
    const pageMatch = /^\/papers\/(date|week|month)\/([^/]+)$/.exec(path);
    if (pageMatch || path === '/papers/trending') {
      const [kind, value] = pageMatch ? [pageMatch[1] as string, pageMatch[2] as string] : ['sort', 'trending'];
      const items = this.select(new URLSearchParams({ [kind]: value }));
      if (items === 'bad' || (kind === 'date' && items.length === 0)) {
        redirect(response, '/papers');
        return;
      }
      html(response, dailyPapersPage(items, kind === 'sort' ? 'trending' : kind, value));
      return;
    }
    json(response, 404, { error: 'Not found' });
  }

  private search(query: string, limit: number): unknown[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      return [];
    }
    const results: unknown[] = [];
    for (const item of [...this.searchOnly.values(), ...this.byId.values()]) {
      const { title: raw } = item.paper as { title?: unknown };
      const title = typeof raw === 'string' ? raw : '';
      if (words.every((word) => title.toLowerCase().includes(word))) {
        const { submittedBy: _submitter, ...rest } = item;
        results.push({ ...rest, upvoted: false, highlightedTitle: [{ type: 'text', text: title }] });
        if (results.length >= Math.min(120, limit)) {
          break;
        }
      }
    }
    return results;
  }
}

/**
 * No real sample of /api/arxiv/{id}/repos exists: a small hand-made answer of the documented shape
 * (HF-FEED.md §3.1) for one paper, empty lists for the rest.
 */
function linkedRepos(id: string): unknown {
  if (id !== '2608.19880') {
    return { models: [], datasets: [], spaces: [] };
  }
  return {
    models: [{ id: 'google/envharness-7b', author: 'google', likes: 12, downloads: 340, pipeline_tag: 'text-generation', private: false }],
    datasets: [{ id: 'google/envharness-tasks', author: 'google', likes: 3, downloads: 51, private: false }],
    spaces: [{ id: 'google/envharness-demo', emoji: '🌍', running: true, shortDescription: 'Try EnvHarness', featured: false }],
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

function html(response: ServerResponse, body: string): void {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(body);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { location });
  response.end();
}

/** Escapes like the real server: `&`, `<`, `>`, `"` and `'`, so the props sit in double quotes. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A list page in the server's own form: data-target first, then data-props with &quot; escaping. */
export function dailyPapersPage(items: unknown[], periodType: string, dateString: string): string {
  const props = escapeAttribute(JSON.stringify({ dailyPapers: items, dateString, periodType }));
  return `<!doctype html>
<html class=""><head><meta charset="utf-8"><title>Daily Papers - Hugging Face</title></head>
<body><div class="flex min-h-dvh flex-col"><main class="flex flex-1 flex-col">
<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${props}"><section class="pt-8"><h1>Daily Papers</h1></section></div>
</main></div></body></html>`;
}

if (require.main === module) {
  void FakeHf.start(Number(process.env.PORT ?? 0)).then((fake) => console.log(`fake Hugging Face on ${fake.url}`));
}
