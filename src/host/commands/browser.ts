import { paperLinks } from '../../core/arxiv';
import type { LinkOpener } from '../links';
import { type PaperCommandContext, resolvePaper } from './openPaper';

type LinkKind = keyof typeof paperLinks;

/** `paperFeed.openOnHuggingFace` / `openOnArxiv` / `openPdf`: the paper's page in the browser. */
export async function openInBrowser(context: PaperCommandContext, opener: LinkOpener, kind: LinkKind, arg: unknown): Promise<void> {
  const paper = await resolvePaper(context, arg);
  if (paper) {
    await opener.open(paperLinks[kind](paper.id), paper);
  }
}
