import { paperDate, type Paper } from '../paper/model';
import { classifyPaper, compileTaxonomy, type CompiledTaxonomy, topicLabel } from '../topics/classify';
import { type HitField, isAbstractOnly, paperCard, type SearchHit } from './card';
import type { IndexInput } from './index';
import { filterFacts, type FilterFacts, filterPredicate, parseQuery, type TopicMatcher } from './query';
import { normalise, tokenize } from './text';

/** What the search index keeps of a paper, with its primary topic. */
export function toIndexInput(paper: Paper, topic: string): IndexInput {
  return {
    id: paper.id,
    title: paper.title,
    authors: paper.authors.map((author) => author.name),
    keywords: paper.aiKeywords ?? [],
    text: paper.aiSummary ? `${paper.abstract}\n${paper.aiSummary}` : paper.abstract,
    upvotes: paper.upvotes ?? 0,
    date: paperDate(paper) ?? '',
    hasCode: paper.githubRepo !== undefined,
    org: [paper.organization?.name, paper.organization?.fullname].filter(Boolean).join(' '),
    topic,
    ...(paper.githubRepo !== undefined ? { githubRepo: paper.githubRepo } : {}),
    ...(paper.githubStars !== undefined ? { githubStars: paper.githubStars } : {}),
  };
}

/** Whether a paper's topic matches a `topic:` filter: by id (`vision`) or by label (`computer vision`). */
export function topicMatcher(taxonomy: CompiledTaxonomy): TopicMatcher {
  return (topic, filter) => topic.startsWith(filter) || normalise(topicLabel(taxonomy, topic)).includes(filter);
}

/** A paper's primary topic from `classify`, asked once per paper id and remembered. */
export function rememberTopics(classify: (paper: Paper) => string): (paper: Paper) => string {
  const known = new Map<string, string>();
  return (paper) => {
    let topic = known.get(paper.id);
    if (topic === undefined) {
      topic = classify(paper);
      known.set(paper.id, topic);
    }
    return topic;
  };
}

/**
 * The plain linear scan: one pre-lowercased string per paper, and every query word must be a
 * substring of it; matches are ranked by title start, then upvotes. The query is parsed as the index
 * parses it and its filters (author, topic, org, after, before, has:code) applied the same way, with
 * topics classified as the worker classifies them. Used while the index loads, and as the baseline
 * the index must beat.
 *
 * Classifying is the costly part (about 0.1 ms a paper), so a paper's topic is asked of `topicOf`
 * only when a `topic:` query would otherwise rank it: after every other filter and the words. Pass
 * a `topicOf` that remembers (the search client's outlives its scans); by default papers are
 * classified with `taxonomy` and remembered by this scan.
 */
export class LinearScan {
  private readonly haystacks: string[];
  private readonly titles: string[];
  /** Made at the first query with filters other than `topic:`. */
  private facts: FilterFacts[] | undefined;
  private readonly topicOf: (paper: Paper) => string;

  constructor(
    private readonly papers: readonly Paper[],
    private readonly taxonomy: () => CompiledTaxonomy = defaultTaxonomy,
    topicOf?: (paper: Paper) => string,
  ) {
    this.haystacks = papers.map((paper) => withJoined(normalise([
      paper.title, paper.authors.map((author) => author.name).join(' '), (paper.aiKeywords ?? []).join(' '), paper.abstract,
    ].join('\n'))));
    this.titles = papers.map((paper) => tokenize(paper.title).join(' '));
    this.topicOf = topicOf ?? rememberTopics((paper) => classifyPaper(this.taxonomy(), paper).primary);
  }

  /** The best `limit` papers for `text`, as hits with their cards, topics as `topicOf` gives them. */
  hits(text: string, limit: number): SearchHit[] {
    const words = parseQuery(text).words;
    return this.search(text, limit).map((paper, index) => {
      const matchedIn = words.length > 0 ? fieldsWith(paper, words) : [];
      return { id: paper.id, score: limit - index, card: paperCard(paper, this.topicOf(paper)), matchedIn, abstractOnly: isAbstractOnly(matchedIn) };
    });
  }

  /** The best `limit` papers for `text`, best first. */
  search(text: string, limit: number): Paper[] {
    const query = parseQuery(text);
    const { topic, ...others } = query.filters;
    const passes = filterPredicate(others, () => true);
    const topicMatches = topic !== undefined ? topicMatcher(this.taxonomy()) : undefined;
    const words = query.words;
    if (words.length === 0 && !passes && !topicMatches) {
      return [];
    }
    const facts = passes ? this.factsOf() : undefined;
    const start = query.phrase;
    // The best `limit` so far, best first: no sort of every match.
    const best: { paper: Paper; rank: number }[] = [];
    for (let index = 0; index < this.haystacks.length; index++) {
      if (passes && !passes((facts as FilterFacts[])[index] as FilterFacts)) {
        continue;
      }
      const haystack = this.haystacks[index] as string;
      let all = true;
      for (const word of words) {
        if (!haystack.includes(word)) {
          all = false;
          break;
        }
      }
      if (!all) {
        continue;
      }
      const paper = this.papers[index] as Paper;
      const rank = (start !== '' && (this.titles[index] as string).startsWith(start) ? 1e9 : 0) + (paper.upvotes ?? 0);
      if (best.length >= limit && rank <= (best[best.length - 1] as { rank: number }).rank) {
        continue; // would not be shown whatever its topic
      }
      if (topicMatches && !topicMatches(this.topicOf(paper), topic as string)) {
        continue;
      }
      let at = best.length;
      while (at > 0 && (best[at - 1] as { rank: number }).rank < rank) {
        at--;
      }
      best.splice(at, 0, { paper, rank });
      if (best.length > limit) {
        best.pop();
      }
    }
    return best.map((entry) => entry.paper);
  }

  /** The facts the filters other than `topic:` look at (the topic is asked of `topicOf`, lazily). */
  private factsOf(): FilterFacts[] {
    this.facts ??= this.papers.map((paper) => filterFacts(toIndexInput(paper, '')));
    return this.facts;
  }
}

/** A scan's text with each hyphenated compound also written as one word, as the index has them. */
export function withJoined(text: string): string {
  const compounds = text.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu);
  return compounds ? `${text}\n${compounds.map((compound) => compound.replace(/-/g, '')).join(' ')}` : text;
}

/** The fields of a paper the scan found query words in (as substrings, as it matches them). */
function fieldsWith(paper: Paper, words: readonly string[]): HitField[] {
  const fields: [HitField, string][] = [
    ['title', paper.title], ['authors', paper.authors.map((author) => author.name).join(' ')],
    ['keywords', (paper.aiKeywords ?? []).join(' ')], ['abstract', paper.aiSummary ? `${paper.abstract}\n${paper.aiSummary}` : paper.abstract],
  ];
  return fields.filter(([, text]) => {
    const haystack = withJoined(normalise(text));
    return words.some((word) => haystack.includes(word));
  }).map(([field]) => field);
}

let builtIn: CompiledTaxonomy | undefined;

function defaultTaxonomy(): CompiledTaxonomy {
  builtIn ??= compileTaxonomy();
  return builtIn;
}
