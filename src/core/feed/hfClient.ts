/**
 * The Hugging Face client: the `daily_papers` JSON API (paged), paper and search endpoints, and the
 * HTML pages as a fallback when the API fails or is rate-limited.
 */
import type { Paper } from '../paper/model';
import { FeedFormatError, normaliseDailyPapers, normalisePaperObject } from '../paper/normalise';
import type { DailyPapersIsland } from './html';
import { type LinkedRepos, parseLinkedRepos } from './linkedRepos';
import { FeedError, hasNextLink, httpGet, type HttpOptions, type HttpResult } from './http';
import type { FeedQuery } from './windows';

export interface ClientOptions extends HttpOptions {
  /** e.g. `https://huggingface.co` or a mirror; no trailing slash needed. */
  readonly endpoint: string;
  /**
   * Loads the HTML island reader (./html.ts). Injected because the extension ships it as a bundle of
   * its own, loaded only when the API fails: its HTML parser is most of the code size.
   */
  readonly html: () => Promise<HtmlReader>;
}

export interface HtmlReader {
  extractDailyPapers(html: string): DailyPapersIsland;
}

export interface QueryResult {
  readonly papers: Paper[];
  /** Items that could not be used. */
  readonly rejected: number;
  readonly source: 'api' | 'html';
}

const PAGE_SIZE = 100;
const MAX_PAGES = 30;

export class HfClient {
  private readonly base: string;

  constructor(private readonly options: ClientOptions) {
    this.base = options.endpoint.replace(/\/+$/, '');
  }

  /** One window request: the JSON API, else the matching HTML page. */
  async fetchQuery(query: FeedQuery, signal?: AbortSignal): Promise<QueryResult> {
    try {
      return await this.fromApi(query, signal);
    } catch (error) {
      if (!(error instanceof FeedError) || !['rateLimited', 'server', 'format', 'timeout'].includes(error.kind)) {
        throw error;
      }
      this.options.log?.(`The API failed (${error.message}); trying the HTML page.`);
      try {
        return await this.fromPage(query, signal);
      } catch (pageError) {
        this.options.log?.(`The HTML page failed too: ${pageError instanceof Error ? pageError.message : String(pageError)}`);
        throw error;
      }
    }
  }

  /** `GET /api/daily_papers`, paging with `p` until an empty page or no Link rel="next". */
  async fromApi(query: FeedQuery, signal?: AbortSignal): Promise<QueryResult> {
    const params = new URLSearchParams();
    if (query.kind === 'trending') {
      params.set('sort', 'trending');
    } else {
      params.set(query.kind, query.kind === 'date' ? query.date : query.kind === 'week' ? query.week : query.month);
    }
    params.set('limit', String(PAGE_SIZE));
    const items: unknown[] = [];
    // Trending is an open-ended ranking: its first page is the list.
    const maxPages = query.kind === 'trending' ? 1 : MAX_PAGES;
    for (let page = 0; page < maxPages; page++) {
      params.set('p', String(page));
      const result = await this.getJson(`/api/daily_papers?${params.toString()}`, signal);
      if (!Array.isArray(result.json)) {
        throw new FeedError('format', `Hugging Face sent ${describe(result.json)} instead of a list of papers.`);
      }
      items.push(...(result.json as unknown[]));
      if (result.json.length === 0 || !hasNextLink(result.headers)) {
        break;
      }
    }
    const { papers, rejected } = normaliseDailyPapers(items, query.kind === 'date' ? query.date : undefined);
    return { papers, rejected, source: 'api' };
  }

  /** `/papers/date|week|month/…` or `/papers/trending`, read from the page's DailyPapers island. */
  async fromPage(query: FeedQuery, signal?: AbortSignal): Promise<QueryResult> {
    const path = query.kind === 'trending' ? '/papers/trending'
      : query.kind === 'date' ? `/papers/date/${query.date}`
        : query.kind === 'week' ? `/papers/week/${query.week}` : `/papers/month/${query.month}`;
    const result = await httpGet(`${this.base}${path}`, 'text/html', this.options, signal);
    if (result.status >= 300 && result.status < 400) {
      // A date without a batch redirects to the latest one: that is not this date's papers.
      return { papers: [], rejected: 0, source: 'html' };
    }
    this.expectOk(result);
    try {
      const island = (await this.options.html()).extractDailyPapers(result.body);
      const { papers, rejected } = normaliseDailyPapers(island.dailyPapers, query.kind === 'date' ? query.date : undefined);
      return { papers, rejected, source: 'html' };
    } catch (error) {
      throw asFormatError(error);
    }
  }

  /** `GET /api/papers/{id}`; undefined when Hugging Face does not know the paper. */
  async paper(id: string, signal?: AbortSignal): Promise<Paper | undefined> {
    try {
      const { json } = await this.getJson(`/api/papers/${encodeURIComponent(id)}`, signal);
      return normalisePaperObject(json);
    } catch (error) {
      if (error instanceof FeedError && error.status === 404) {
        return undefined;
      }
      throw error;
    }
  }

  /**
   * `GET /papers/{id}.md`: the paper's full text as Markdown, as it came (with its content type);
   * undefined when Hugging Face has no page for the paper (404). A body past `maxBytes` is refused
   * (FeedError `tooLarge`) without being read further.
   */
  async fullText(id: string, maxBytes: number, signal?: AbortSignal): Promise<{ readonly body: string; readonly contentType: string } | undefined> {
    const result = await httpGet(`${this.base}/papers/${encodeURIComponent(id)}.md`, 'text/markdown, text/plain;q=0.9', this.options, signal, { maxBytes });
    if (result.status === 404) {
      return undefined;
    }
    this.expectOk(result);
    return { body: result.body, contentType: result.headers.get('content-type') ?? '' };
  }

  /** `GET /api/arxiv/{id}/repos`: models, datasets and Spaces citing the paper. */
  async linkedRepos(id: string, signal?: AbortSignal): Promise<LinkedRepos> {
    const { json } = await this.getJson(`/api/arxiv/${encodeURIComponent(id)}/repos`, signal);
    return parseLinkedRepos(json);
  }

  /** `GET /api/papers/search?q=`. */
  async search(text: string, limit = 50, signal?: AbortSignal): Promise<Paper[]> {
    const params = new URLSearchParams({ q: text, limit: String(limit) });
    const { json } = await this.getJson(`/api/papers/search?${params.toString()}`, signal);
    try {
      return normaliseDailyPapers(json).papers;
    } catch (error) {
      throw asFormatError(error);
    }
  }

  private async getJson(path: string, signal?: AbortSignal): Promise<{ json: unknown; headers: Headers }> {
    const result = await httpGet(`${this.base}${path}`, 'application/json', this.options, signal);
    this.expectOk(result);
    const type = result.headers.get('content-type') ?? '';
    if (!/\bjson\b/i.test(type)) {
      throw new FeedError('format', `Hugging Face sent ${type.split(';')[0] || 'an untyped response'} where JSON was expected.`);
    }
    try {
      return { json: JSON.parse(result.body) as unknown, headers: result.headers };
    } catch {
      throw new FeedError('format', `Hugging Face sent JSON that cannot be read (${result.body.length} bytes, possibly cut off).`);
    }
  }

  private expectOk(result: HttpResult): void {
    if (result.status < 200 || result.status >= 300) {
      throw new FeedError('http', `Hugging Face refused the request (HTTP ${result.status}).`, result.status);
    }
  }
}

function asFormatError(error: unknown): unknown {
  return error instanceof FeedFormatError ? new FeedError('format', error.message) : error;
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}
