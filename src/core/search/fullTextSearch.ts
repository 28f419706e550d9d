/**
 * The worker's side of `in:fulltext`: the saved papers with a full text (as the host last listed
 * them), their index made at the first full-text search and kept up to date after, the query's other
 * filters tested on each paper's facts in the main index, and the card each hit carries.
 */
import { FullTextIndex } from './fullTextIndex';
import type { SearchIndex } from './index';
import { filterPredicate, parseQuery, quotedPhrases, type TopicMatcher } from './query';
import type { FullTextHit } from './workerProtocol';

/** Ids the host may list at most (more are ignored). */
const MAX_IDS = 20_000;

export class FullTextSearch {
  private ids: readonly string[] = [];
  private cacheDir = '';
  private index: FullTextIndex | undefined;

  constructor(private readonly log: (message: string) => void) {}

  /** The papers to search (their files are read now only if a full-text search was made already). */
  setPapers(cacheDir: string, ids: unknown): void {
    this.cacheDir = cacheDir;
    this.ids = Array.isArray(ids) ? ids.slice(0, MAX_IDS).filter((id): id is string => typeof id === 'string') : [];
    void this.index?.setPapers(this.ids);
  }

  /** The index, made (and its files read) at the first search. */
  private built(): FullTextIndex {
    if (!this.index) {
      this.index = new FullTextIndex(this.cacheDir, this.log);
      void this.index.setPapers(this.ids);
    }
    return this.index;
  }

  /**
   * The best `limit` saved papers whose full text matches `query`, with their cards; the query's
   * filters (author, topic, org, dates, code) are tested on the facts `main` keeps of each paper, and
   * a paper it lacks passes only a query without them. `ms` is the search alone (not waiting for
   * files to be read).
   */
  async search(main: SearchIndex | undefined, query: string, limit: number, topicMatches: TopicMatcher): Promise<{ readonly hits: FullTextHit[]; readonly ms: number }> {
    const index = this.built();
    await index.idle();
    const started = performance.now();
    const text = String(query).slice(0, 500);
    const parsed = parseQuery(text);
    const passes = filterPredicate(parsed.filters, topicMatches);
    const accept = passes ? (id: string): boolean => {
      const facts = main?.factsOf(id);
      return facts !== undefined && passes(facts);
    } : undefined;
    const hits = index.search(parsed, quotedPhrases(text), Number(limit) || 0, accept).map((match): FullTextHit => {
      const card = main?.cardOf(match.id);
      // Crossing threads: no undefined fields.
      return card ? { id: match.id, snippet: match.snippet, matches: match.matches, card } : { id: match.id, snippet: match.snippet, matches: match.matches };
    });
    return { hits, ms: performance.now() - started };
  }
}
