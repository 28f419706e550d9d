/**
 * Asking Hugging Face's search from the search picker: when to ask, what to send, and which of its
 * papers to list. Hugging Face knows nothing of our filters, so only the query's free words are
 * sent and the filters are applied here, by the same predicate the index and the scan use.
 */
import type { Paper } from '../paper/model';
import { toIndexInput } from './papers';
import { filterFacts, filterPredicate, parseQuery, type TopicMatcher } from './query';

/** Fewer offline results than this, and the picker asks Hugging Face by itself. */
export const FEW_OFFLINE_RESULTS = 10;

/** How long the picker waits after the last keystroke before it asks. */
export const ONLINE_DEBOUNCE_MS = 350;

export interface OnlineQuery {
  /** What is sent as `q`: the typed words (normalised, stop words kept), without the filters. */
  readonly text: string;
  /** Hugging Face's papers that pass the typed filters, in its order. */
  readonly keep: (papers: readonly Paper[]) => Paper[];
}

/**
 * The online form of a typed query, or undefined when there is nothing to send (only filters, or
 * nothing at all). `topicOf` is the paper's primary topic as the views and the index see it.
 */
export function onlineQuery(typed: string, topicMatches: TopicMatcher, topicOf: (paper: Paper) => string): OnlineQuery | undefined {
  const query = parseQuery(typed);
  if (query.phrase === '') {
    return undefined;
  }
  const passes = filterPredicate(query.filters, topicMatches);
  return {
    text: query.phrase,
    keep: (papers) => (passes ? papers.filter((paper) => passes(filterFacts(toIndexInput(paper, topicOf(paper))))) : [...papers]),
  };
}

/** The online papers to list below `offline`: each once, none already among the offline results. */
export function onlineAdditions(offline: readonly { readonly id: string }[], online: readonly Paper[]): Paper[] {
  const seen = new Set(offline.map((paper) => paper.id));
  return online.filter((paper) => {
    if (seen.has(paper.id)) {
      return false;
    }
    seen.add(paper.id);
    return true;
  });
}
