/**
 * What watched searches look for in a paper: its words as the index has them and the facts its
 * filters test. Made once per paper for an update of every watch (not once per paper per watch), and
 * kept from one update to the next while what they are made from is the same: a refresh reads the
 * same papers again as new objects, and tokenising 500 abstracts again would cost ~100 ms on the
 * extension host's thread.
 */
import { paperDate, type Paper } from '../paper/model';
import { toIndexInput, withJoined } from './papers';
import { type FilterFacts, filterFacts } from './query';
import { normalise, tokenize } from './text';

/** A query word this long may be two of the paper's words written together ("selfattention" for "self attention"), as the index splits it. */
const SPLIT_WORD_MIN = 6;

/** What is kept of a paper, with what it is made from (each part made when first asked). */
interface Derived {
  /** The text its words are made from: title, authors, keywords, abstract and AI summary. */
  readonly text: string;
  /** What its facts are made from, joined. */
  readonly factsSource: string;
  words?: ReadonlySet<string>;
  tokens?: readonly string[];
  /** Neighbouring words written together. */
  pairs?: ReadonlySet<string>;
  /** The facts but the topic (which the topics setting may change without the paper changing). */
  facts?: FilterFacts;
}

function sourceOf(paper: Paper): { text: string; factsSource: string } {
  const authors = paper.authors.map((author) => author.name);
  return {
    text: [paper.title, authors.join(' '), (paper.aiKeywords ?? []).join(' '), paper.abstract, paper.aiSummary ?? ''].join('\n'),
    // Cleaned text has no control character: U+0000 cannot be part of a field.
    factsSource: [paperDate(paper) ?? '', paper.githubRepo !== undefined ? 'code' : '', paper.organization?.name ?? '', paper.organization?.fullname ?? '', ...authors].join('\u0000'),
  };
}

/** One paper's features for one update. */
export class PaperFeatures {
  private withTopic: FilterFacts | undefined;

  constructor(readonly paper: Paper, private readonly derived: Derived, private readonly topicOf: (paper: Paper) => string, private readonly onMade: () => void) {}

  /**
   * Whether the paper has this word as the index has it (`tokenize` of its text), a hyphenated
   * compound also as one word ("self-attention" as "selfattention"), and a long word also as two
   * neighbouring words.
   */
  has(form: string): boolean {
    const derived = this.derived;
    if (derived.words === undefined || derived.tokens === undefined) {
      this.onMade();
      derived.tokens = tokenize(withJoined(normalise(derived.text)));
      derived.words = new Set(derived.tokens);
    }
    if (derived.words.has(form)) {
      return true;
    }
    if (form.length < SPLIT_WORD_MIN) {
      return false;
    }
    const tokens = derived.tokens;
    derived.pairs ??= new Set(tokens.slice(1).map((token, index) => `${tokens[index] as string}${token}`));
    return derived.pairs.has(form);
  }

  /** What the query's filters test, the topic asked once per update. */
  facts(): FilterFacts {
    this.withTopic ??= { ...(this.derived.facts ??= filterFacts(toIndexInput(this.paper, ''))), topic: this.topicOf(this.paper) };
    return this.withTopic;
  }
}

/** The features of the feed's papers, kept between updates. */
export class WatchFeatures {
  private byId = new Map<string, Derived>();
  private readonly byObject = new WeakMap<Paper, Derived>();
  private madeCount = 0;
  private readonly onMade = (): void => {
    this.madeCount++;
  };

  /** How many papers' words were made (tokenised) so far: for tests and measurements. */
  get made(): number {
    return this.madeCount;
  }

  /**
   * The features of `papers` for one update: a paper read again with the same text and facts keeps
   * its words; papers not among them are forgotten (the feed shows another window).
   */
  all(papers: readonly Paper[], topicOf: (paper: Paper) => string): PaperFeatures[] {
    const kept = new Map<string, Derived>();
    const features = papers.map((paper) => {
      const derived = this.derivedOf(paper);
      kept.set(paper.id, derived);
      return new PaperFeatures(paper, derived, topicOf, this.onMade);
    });
    this.byId = kept;
    return features;
  }

  /** One paper's, kept with the others (for a test asked paper by paper). */
  one(paper: Paper, topicOf: (paper: Paper) => string): PaperFeatures {
    const derived = this.derivedOf(paper);
    this.byId.set(paper.id, derived);
    return new PaperFeatures(paper, derived, topicOf, this.onMade);
  }

  private derivedOf(paper: Paper): Derived {
    const known = this.byObject.get(paper); // papers are frozen: the same object, the same paper
    if (known !== undefined) {
      return known;
    }
    const { text, factsSource } = sourceOf(paper);
    const before = this.byId.get(paper.id);
    const derived = before !== undefined && before.text === text && before.factsSource === factsSource ? before : { text, factsSource };
    this.byObject.set(paper, derived);
    return derived;
  }
}
