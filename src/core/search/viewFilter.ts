/**
 * Filter Shown Papers: the same language as Search Papers (`author:`, `topic:`, `org:`, `after:`,
 * `before:`, `has:code` and words), applied to the papers a view shows rather than to the archive.
 * The filters mean what they mean in search (one predicate, `filterPredicate`); the words are found
 * as typed in the title, authors, keywords, organization, id or topic (`matchesFilter`), so that a
 * part of a word finds it while typing, as a filter should.
 */
import type { Paper } from '../paper/model';
import { matchesFilter } from '../view/filter';
import { toIndexInput } from './papers';
import { filterFacts, filterPredicate, parseQuery, type TopicMatcher, withoutFilters } from './query';

export interface ViewFilterTopics {
  /** The paper's primary topic id. */
  readonly of: (paper: Paper) => string;
  readonly label: (id: string) => string;
  readonly matches: TopicMatcher;
}

export function viewFilter(text: string, topics: ViewFilterTopics): (paper: Paper) => boolean {
  const passes = filterPredicate(parseQuery(text).filters, topics.matches);
  const words = withoutFilters(text);
  return (paper) => (!passes || passes(filterFacts(toIndexInput(paper, topics.of(paper)))))
    && matchesFilter(paper, words, (known) => topics.label(topics.of(known)));
}
