/**
 * The papers a search index holds: what it keeps of each (for filters and ties), their title order
 * (for "the query is the start of a title"), a short list per one- or two-letter prefix, and the
 * papers left out of results because the cache no longer has them.
 */
import { compareStrings, firstIndex } from './binarySearch';
import { CARD_AUTHORS, type PaperCard, withOptional } from './card';
import { FIELD } from './postings';
import { filterFacts } from './query';
import { tokenize } from './text';

/** What the index keeps of a paper. */
export interface IndexInput {
  readonly id: string;
  readonly title: string;
  readonly authors: readonly string[];
  readonly keywords: readonly string[];
  /** Abstract and AI summary. */
  readonly text: string;
  readonly upvotes: number;
  /** YYYY-MM-DD, or '' when unknown. */
  readonly date: string;
  readonly hasCode: boolean;
  /** Organization name and full name. */
  readonly org: string;
  /** Primary topic id. */
  readonly topic: string;
  /** https URL of the code repository, for the card. */
  readonly githubRepo?: string;
  readonly githubStars?: number;
}

export interface Doc {
  readonly id: string;
  /** Title words joined by single spaces (stop words kept): queries are matched against its start. */
  readonly title: string;
  upvotes: number;
  date: string;
  hasCode: boolean;
  org: string;
  authors: string;
  topic: string;
  /** For the card: the title as published, the first CARD_AUTHORS names joined by `\n`, how many authors, the code. */
  readonly display: string;
  readonly names: string;
  readonly authorCount: number;
  /** '' when none. */
  repo: string;
  /** -1 when unknown. */
  stars: number;
}

/**
 * A word being typed this short (one or two letters) is matched against title words of the papers
 * the other words found, or, alone, against a short list per prefix: expanding it would touch most
 * of the index.
 */
export const TINY_PREFIX = 2;
/** Papers kept per tiny prefix (the most upvoted whose title has a word starting with it). */
const TINY_TOP = 200;

export class Documents {
  /** By doc number, the order papers were added in. */
  readonly list: Doc[] = [];
  readonly numbers = new Map<string, number>();
  /** Doc numbers in title order, for "the query is the start of a title". */
  titleOrder: number[] = [];
  /** Papers no longer in the cache: kept in the postings, left out of results. */
  deleted = new Set<number>();
  /** For each 1–2 letter prefix, the most upvoted papers with a title word starting with it. */
  tinyTop = new Map<string, number[]>();

  get size(): number {
    return this.list.length;
  }

  /** Updates the changing facts (upvotes, date, code, topic) of a paper it has; false when it has none. */
  update(input: IndexInput): boolean {
    const known = this.numbers.get(input.id);
    if (known === undefined) {
      return false;
    }
    this.deleted.delete(known);
    const doc = this.list[known] as Doc;
    doc.upvotes = input.upvotes;
    doc.date = input.date || doc.date;
    doc.hasCode = input.hasCode;
    doc.org = tokenize(input.org).join(' ');
    doc.topic = input.topic || doc.topic;
    doc.repo = input.githubRepo ?? '';
    doc.stars = input.githubStars ?? -1;
    return true;
  }

  /** Adds a paper; returns its doc number. Call `reorder` once the batch is in. */
  push(input: IndexInput, titleWords: readonly string[]): number {
    const number = this.list.length;
    this.list.push({
      id: input.id, title: titleWords.join(' '), upvotes: input.upvotes, ...filterFacts(input),
      display: input.title, names: input.authors.slice(0, CARD_AUTHORS).join('\n'), authorCount: input.authors.length,
      repo: input.githubRepo ?? '', stars: input.githubStars ?? -1,
    });
    this.numbers.set(input.id, number);
    return number;
  }

  /** After papers from doc number `before` on were added: title order and the tiny-prefix lists. */
  reorder(before: number): void {
    this.titleOrder = [...this.titleOrder, ...Array.from({ length: this.list.length - before }, (_, index) => before + index)];
    this.titleOrder.sort((a, b) => compareStrings((this.list[a] as Doc).title, (this.list[b] as Doc).title));
    this.rebuildTinyTop();
  }

  /** The card of doc number `number`. */
  card(number: number): PaperCard {
    const doc = this.list[number] as Doc;
    return withOptional({
      id: doc.id, title: doc.display, authors: doc.names === '' ? [] : doc.names.split('\n'), authorCount: doc.authorCount,
      date: doc.date, upvotes: doc.upvotes, topic: doc.topic,
    }, doc.repo || undefined, doc.stars >= 0 ? doc.stars : undefined);
  }

  /** Leaves out of results every paper whose id is not in `ids`; returns how many were newly left out. */
  retain(ids: ReadonlySet<string>): number {
    let removed = 0;
    this.list.forEach((doc, number) => {
      if (!ids.has(doc.id) && !this.deleted.has(number)) {
        this.deleted.add(number);
        removed++;
      }
    });
    return removed;
  }

  private rebuildTinyTop(): void {
    const byRank = [...this.list.keys()].sort((a, b) => this.compareStatic(a, b));
    const top = new Map<string, number[]>();
    for (const doc of byRank) {
      const seen = new Set<string>();
      for (const word of (this.list[doc] as Doc).title.split(' ')) {
        for (let length = 1; length <= Math.min(TINY_PREFIX, word.length); length++) {
          const key = word.slice(0, length);
          if (!seen.has(key)) {
            seen.add(key);
            const list = top.get(key);
            if (!list) {
              top.set(key, [doc]);
            } else if (list.length < TINY_TOP) {
              list.push(doc);
            }
          }
        }
      }
    }
    this.tinyTop = top;
  }

  /** More upvoted, then newer, then by id. */
  private compareStatic(a: number, b: number): number {
    const docA = this.list[a] as Doc;
    const docB = this.list[b] as Doc;
    return docB.upvotes - docA.upvotes || (docA.date < docB.date ? 1 : docA.date > docB.date ? -1 : 0) || (docA.id < docB.id ? -1 : docA.id > docB.id ? 1 : 0);
  }

  /** Whether the title or an author name has a word starting with `prefix`, as FIELD bits (title, authors; 0 when neither). */
  wordStartFields(doc: number, prefix: string): number {
    const { title, authors } = this.list[doc] as Doc;
    return (title.startsWith(prefix) || title.includes(` ${prefix}`) ? FIELD.title : 0)
      | (authors.startsWith(prefix) || authors.includes(` ${prefix}`) || authors.includes(`|${prefix}`) ? FIELD.authors : 0);
  }

  /**
   * The most of `words` one author's name has (each name word once; `typing`, the word being
   * typed, may be the start of a name word).
   */
  mostWordsInOneName(doc: number, words: readonly string[], typing?: string): number {
    let most = 0;
    for (const name of (this.list[doc] as Doc).authors.split('|')) {
      const parts = name.split(' ');
      const used = new Set<number>();
      for (const word of words) {
        const at = parts.findIndex((part, index) => !used.has(index) && (part === word || (word === typing && part.startsWith(word))));
        if (at >= 0) {
          used.add(at);
        }
      }
      most = Math.max(most, used.size);
    }
    return most;
  }

  /** Doc numbers whose title starts with `phrase` (a range of titleOrder). */
  titlesStartingWith(phrase: string): number[] {
    const found: number[] = [];
    for (let index = firstIndex(this.titleOrder.length, (at) => (this.list[this.titleOrder[at] as number] as Doc).title < phrase); index < this.titleOrder.length; index++) {
      const doc = this.titleOrder[index] as number;
      if (!(this.list[doc] as Doc).title.startsWith(phrase)) {
        break;
      }
      found.push(doc);
    }
    return found;
  }
}
