/** Fetching a whole window: its requests (a few at a time), and "today" stepping back over empty days. */
import { addDays } from '../time/dates';
import type { Paper } from '../paper/model';
import type { HfClient, QueryResult } from './hfClient';
import { queryKey, type FeedQuery, type ResolvedWindow } from './windows';

export interface WindowResult {
  /** Distinct papers of the window, in request order, then in the feed's order. */
  readonly papers: Paper[];
  /** Paper ids per request key (`date:2026-08-21`, `week:2026-W34`, `trending`). */
  readonly queries: ReadonlyMap<string, readonly string[]>;
  readonly rejected: number;
  /** Whether any request had to fall back to the HTML pages. */
  readonly usedHtml: boolean;
  /** For `today`: the date whose batch was shown (the latest non-empty one). */
  readonly date?: string;
}

const CONCURRENCY = 3;

export async function fetchWindow(client: HfClient, window: ResolvedWindow, signal?: AbortSignal): Promise<WindowResult> {
  const done: { query: FeedQuery; result: QueryResult }[] = [];
  let date: string | undefined;
  const first = window.queries[0];
  if (window.fallbackDays > 0 && first?.kind === 'date') {
    for (let back = 0; back <= window.fallbackDays; back++) {
      const query: FeedQuery = { kind: 'date', date: addDays(first.date, -back) };
      const result = await client.fetchQuery(query, signal);
      if (result.papers.length > 0 || back === window.fallbackDays) {
        done.push({ query, result });
        date = query.date;
        break;
      }
    }
  } else {
    const results = new Array<QueryResult | undefined>(window.queries.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < window.queries.length) {
        const index = next++;
        results[index] = await client.fetchQuery(window.queries[index] as FeedQuery, signal);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, window.queries.length) }, worker));
    window.queries.forEach((query, index) => done.push({ query, result: results[index] as QueryResult }));
  }

  const papers = new Map<string, Paper>();
  const queries = new Map<string, readonly string[]>();
  for (const { query, result } of done) {
    queries.set(queryKey(query), result.papers.map((paper) => paper.id));
    for (const paper of result.papers) {
      if (!papers.has(paper.id)) {
        papers.set(paper.id, paper);
      }
    }
  }
  return {
    papers: [...papers.values()],
    queries,
    rejected: done.reduce((sum, entry) => sum + entry.result.rejected, 0),
    usedHtml: done.some((entry) => entry.result.source === 'html'),
    ...(date ? { date } : {}),
  };
}
