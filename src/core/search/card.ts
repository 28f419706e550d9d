/**
 * What a search hit carries: the paper's card (what the search picker shows, so that the host need
 * not hold the paper) and where the query's words were found.
 */
import { type Paper, paperDate } from '../paper/model';
import { FIELD } from './postings';

/** Authors a card names; `authorCount` says how many there are. */
export const CARD_AUTHORS = 5;

export interface PaperCard {
  readonly id: string;
  /** As published. */
  readonly title: string;
  /** The first CARD_AUTHORS names, in author order. */
  readonly authors: readonly string[];
  readonly authorCount: number;
  /** The feed day (YYYY-MM-DD, `paperDate`), or '' when unknown. */
  readonly date: string;
  readonly upvotes: number;
  readonly githubRepo?: string;
  readonly githubStars?: number;
  /** Primary topic id. */
  readonly topic: string;
}

/** A paper like another one (Show Similar Papers, the panel's list). */
export interface SimilarHit {
  readonly id: string;
  /** Cosine similarity, 0..1. */
  readonly score: number;
  readonly card: PaperCard;
}

/** How much a paper of the shown window is like the reading list ("For you"). */
export interface ForYouScore {
  readonly id: string;
  /** 0..1; higher is more like the saved papers. */
  readonly score: number;
  /** The saved paper it is most like (the reason shown: "like <title>"), when any is like it at all. */
  readonly like?: string;
}

/** A paper field a query word was found in. */
export type HitField = 'title' | 'authors' | 'keywords' | 'abstract';

export interface SearchHit {
  readonly id: string;
  readonly score: number;
  readonly card: PaperCard;
  /** The fields the query's words were found in (title first); none for a query of filters only. */
  readonly matchedIn: readonly HitField[];
  /**
   * The words were found only in the abstract or the AI summary: the card shows none of them, so
   * the picker may show the sentence that matched (snippet.ts).
   */
  readonly abstractOnly: boolean;
}

/** A paper's card, with its primary topic. */
export function paperCard(paper: Paper, topic: string): PaperCard {
  return withOptional({
    id: paper.id, title: paper.title, authors: paper.authors.slice(0, CARD_AUTHORS).map((author) => author.name),
    authorCount: paper.authors.length, date: paperDate(paper) ?? '', upvotes: paper.upvotes ?? 0, topic,
  }, paper.githubRepo, paper.githubStars);
}

/** The card with its code repository and stars, each only when known (a hit crosses threads: no undefined fields). */
export function withOptional(card: Omit<PaperCard, 'githubRepo' | 'githubStars'>, githubRepo: string | undefined, githubStars: number | undefined): PaperCard {
  const full: { -readonly [K in keyof PaperCard]: PaperCard[K] } = card;
  if (githubRepo) {
    full.githubRepo = githubRepo;
  }
  if (githubStars !== undefined) {
    full.githubStars = githubStars;
  }
  return full;
}

/** The postings' field bits by name, in display order. */
const FIELD_NAMES: readonly (readonly [number, HitField])[] = [[FIELD.title, 'title'], [FIELD.authors, 'authors'], [FIELD.keywords, 'keywords'], [FIELD.text, 'abstract']];

/** The fields of a mask of FIELD bits. */
export function hitFields(mask: number): HitField[] {
  return FIELD_NAMES.filter(([bit]) => (mask & bit) !== 0).map(([, name]) => name);
}

/** Whether the fields found are the abstract alone. */
export function isAbstractOnly(fields: readonly HitField[]): boolean {
  return fields.length === 1 && fields[0] === 'abstract';
}
