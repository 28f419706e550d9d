/**
 * A paper's full text as Hugging Face serves it (`GET /papers/{id}.md`, the Markdown `read_paper()`
 * of huggingface_hub reads), and the read-only document Paper Feed shows from it. Everything in it is
 * untrusted: `readingDocument` makes it inert (see ./inert.ts) before VS Code's Markdown preview
 * renders it.
 */
import type { Paper } from '../paper/model';

/** Hugging Face's answer, read (./response.ts). */
export interface FullTextSource {
  /** The `Title:` line, cleaned (may be absent or "Untitled Document"). */
  readonly title?: string;
  /** `URL Source:`: the page Hugging Face converted (arXiv's HTML, or its own paper page). */
  readonly sourceUrl?: string;
  /** `Published Time:` as given, when present. */
  readonly published?: string;
  /** The Markdown after `Markdown Content:` (the whole answer when there is no header). */
  readonly markdown: string;
  /**
   * True when the text is the paper (converted from arXiv's HTML); false when Hugging Face had no
   * HTML version and answered with its own paper page, which holds only the abstract.
   */
  readonly isFullText: boolean;
}

export type FullTextParse =
  | { readonly ok: true; readonly source: FullTextSource }
  /** Not a full text at all (HTML, empty, binary): `reason` is for the log. */
  | { readonly ok: false; readonly reason: string };

/** The paper the document is about: what its heading and citation line show. */
export type ReadingPaper = Pick<Paper, 'id' | 'title' | 'authors' | 'projectPage'>;

export interface ReadingOptions {
  /**
   * Images from the hosts the document came from are kept only when true (online); offline each
   * image becomes its alt text, so the preview requests nothing.
   */
  readonly imagesOnline: boolean;
}

/** A heading of the document, for the outline, the contents list and tests. */
export interface ReadingSection {
  readonly level: number;
  readonly title: string;
  /** The preview's anchor for it (`#3-1-drafting-phase`), as VS Code's Markdown slugifies headings. */
  readonly anchor: string;
  /** Its 0-based line in `markdown`. */
  readonly line: number;
}

export interface ReadingDocument {
  /** What the virtual document holds: the paper's heading, a contents list, then the text, inert. */
  readonly markdown: string;
  readonly sections: readonly ReadingSection[];
  /** Formulas written as `$…$` / `$$…$$` for VS Code's math rendering. */
  readonly formulas: number;
  /** Images kept, and images turned into their alt text (offline, or from another host). */
  readonly images: { readonly kept: number; readonly dropped: number };
}
