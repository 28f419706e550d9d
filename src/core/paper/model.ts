/**
 * The Paper model: one paper as Paper Feed shows it, whatever source it came from.
 * Every field but `id`, `title`, `authors` and `abstract` is optional: absent means unknown.
 */

export interface Author {
  /** Display name as arXiv gives it. */
  readonly name: string;
  /** Hugging Face username of the author's linked account, when there is one. */
  readonly user?: string;
}

export interface Organization {
  /** The Hugging Face slug, e.g. `google`. */
  readonly name: string;
  readonly fullname?: string;
  /** An absolute https URL. */
  readonly avatar?: string;
}

export interface Paper {
  /** arXiv id without version, e.g. `2508.10104` or `hep-th/9901001`. */
  readonly id: string;
  /** Whitespace-collapsed title. */
  readonly title: string;
  /** Visible authors in author order (hidden ones are left out). */
  readonly authors: readonly Author[];
  /** The abstract; paragraphs are separated by one blank line (`\n\n`). */
  readonly abstract: string;
  /** Date the paper was put on the Daily Papers feed (YYYY-MM-DD). */
  readonly feedDate?: string;
  /** arXiv submission date of the version Hugging Face shows (YYYY-MM-DD). */
  readonly publishedAt?: string;
  /** arXiv v1 date (YYYY-MM-DD), when known. */
  readonly firstVersionDate?: string;
  readonly upvotes?: number;
  readonly numComments?: number;
  /** https URL of the code repository. */
  readonly githubRepo?: string;
  readonly githubStars?: number;
  /** http(s) URL of the project page. */
  readonly projectPage?: string;
  readonly aiSummary?: string;
  readonly aiKeywords?: readonly string[];
  readonly organization?: Organization;
  /** Hugging Face username of whoever submitted it to Daily Papers. */
  readonly submittedBy?: string;
  /** arXiv primary category, e.g. `cs.CL`, when known. */
  readonly primaryCategory?: string;
  /** https URL of the social thumbnail. */
  readonly thumbnail?: string;
  /** Author-uploaded media on Hugging Face's CDN (https URLs). */
  readonly mediaUrls?: readonly string[];
}

/** The date a paper is grouped under: its feed date, else its arXiv date. */
export function paperDate(paper: Paper): string | undefined {
  return paper.feedDate ?? paper.publishedAt ?? paper.firstVersionDate;
}
