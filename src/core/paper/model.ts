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
  /** What arXiv's API says about the paper, once Paper Feed has asked (enrichment). */
  readonly arxiv?: ArxivMetadata;
  /** The version published at a venue, when one is known with high confidence. */
  readonly publication?: Publication;
}

/** arXiv's own record of a paper (its API's Atom entry), beyond what Hugging Face gives. */
export interface ArxivMetadata {
  /** Every category, the primary one first (`cs.CL`, `cs.AI`). */
  readonly categories: readonly string[];
  /** The first version's date (YYYY-MM-DD): the year a citation gives (not the key's, which never changes). */
  readonly firstVersionDate?: string;
  /** The latest version's number (the `N` of `vN`). */
  readonly version?: number;
  /** The latest version's date (YYYY-MM-DD). */
  readonly versionDate?: string;
  /** The authors' comment, e.g. "Accepted at NeurIPS 2025; 12 pages". */
  readonly comment?: string;
  /** The journal reference the authors set, e.g. "Advances in Neural Information Processing Systems 37 (2024)". */
  readonly journalRef?: string;
  /** The publisher's DOI the authors set (not arXiv's own 10.48550 DOI). */
  readonly doi?: string;
  /** The license's URL, when known. */
  readonly license?: string;
}

/** A venue's version of a paper: what a citation names when `citation.preferPublished` is on. */
export interface Publication {
  /** `conference` → @inproceedings and booktitle; `journal` → @article and journal. */
  readonly kind: 'conference' | 'journal';
  /** The venue's name as a reference writes it (booktitle or journal). */
  readonly venue: string;
  /** Its short name (NeurIPS, TMLR), when known. */
  readonly venueShort?: string;
  readonly year: string;
  readonly volume?: string;
  readonly number?: string;
  readonly pages?: string;
  /** The venue's DOI. */
  readonly doi?: string;
  /** Where the venue's version is (an https URL). */
  readonly url?: string;
  /** Who said so: the authors on arXiv (journal reference, DOI) or DBLP. */
  readonly source: 'arxiv' | 'dblp';
}

/** The date a paper is grouped under: its feed date, else its arXiv date. */
export function paperDate(paper: Paper): string | undefined {
  return paper.feedDate ?? paper.publishedAt ?? paper.firstVersionDate;
}
