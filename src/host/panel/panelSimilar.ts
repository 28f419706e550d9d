import { PANEL_SIMILAR, similarRows, type SimilarInput } from '../../core/view/similarRows';
import type { SimilarPaperView } from '../../shared/protocol';

/** What an ask came to: the papers (none, maybe), or a failure (`why`), which the panel says and asks again later. */
export type SimilarAnswer =
  | { readonly papers: SimilarPaperView[]; readonly failed?: undefined }
  | { readonly papers: readonly []; readonly failed: true; readonly why: unknown };

/** What became of an ask for a panel's similar papers. */
export interface SimilarOutcome {
  readonly paperId: string;
  readonly outcome: 'sent' | 'failed' | 'dropped';
}

/**
 * One panel's Similar papers: asked after the paper is shown (never delaying it), answered when the
 * search worker has. An answer for a paper the panel no longer shows is dropped (a reused panel
 * switched papers meanwhile), and a click may open only a paper the panel listed.
 */
export class PanelSimilar {
  /** Bumped by each ask: an older ask's answer is dropped. */
  private asked = 0;
  /** The shown paper and the ids listed for it: the only ones a click may open. */
  private listed: { readonly paperId: string; readonly ids: ReadonlySet<string> } | undefined;
  /** The paper whose last ask failed: asked again when the search index is back. */
  private failedFor: string | undefined;

  /**
   * The list for `paperId`, from `source` (the model, asked for one more than the panel lists, since
   * the paper itself may be among them), or its failure; undefined when another ask came since.
   * Asked again for the same paper (shown again, the index back), the list it had stays clickable
   * until the new answer replaces it: a click on the list still shown is no forgery.
   */
  async ask(paperId: string, source: (limit: number) => Promise<readonly SimilarInput[]>, locale: string | undefined): Promise<SimilarAnswer | undefined> {
    const mine = ++this.asked;
    if (this.listed?.paperId !== paperId) {
      this.listed = undefined;
    }
    this.failedFor = undefined;
    let hits: readonly SimilarInput[];
    try {
      hits = await source(PANEL_SIMILAR + 1);
    } catch (why) {
      if (mine !== this.asked) {
        return undefined;
      }
      this.listed = undefined;
      this.failedFor = paperId;
      return { papers: [], failed: true, why };
    }
    if (mine !== this.asked) {
      return undefined;
    }
    const papers = similarRows(paperId, hits, PANEL_SIMILAR, locale);
    this.listed = { paperId, ids: new Set(papers.map((paper) => paper.id)) };
    return { papers };
  }

  /** Whether the panel listed `id` as like `paperId`. */
  lists(paperId: string, id: string): boolean {
    return this.listed?.paperId === paperId && this.listed.ids.has(id);
  }

  /** Whether the last ask, for `paperId`, failed (and none has been made since). */
  failed(paperId: string): boolean {
    return this.failedFor === paperId;
  }
}
