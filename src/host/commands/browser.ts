import { paperLinks } from '../../core/paper/arxiv';
import type { Paper } from '../../core/paper/model';
import type { LinkOpener } from '../linkOpener';
import { confirmOpenMany, type PaperCommandContext, resolvePapers } from './openPaper';

type LinkKind = keyof typeof paperLinks;

/** `paperFeed.openOnHuggingFace` / `openOnArxiv` / `openPdf`: the paper's page in the browser. */
export async function openInBrowser(context: PaperCommandContext, opener: LinkOpener, kind: LinkKind, arg: unknown, selection?: unknown): Promise<void> {
  // Several selected papers: each page, in the order selected (asked first when there are many).
  const papers = await resolvePapers(context, arg, selection);
  if (!(await confirmOpenMany(papers.length))) {
    return;
  }
  for (const paper of papers) {
    await opener.open(paperLinks[kind](paper.id), paper);
  }
}

/**
 * `paperFeed.openLink url [paperId]` (internal): a link Paper Feed put in a tooltip, opened through
 * the same link policy as the panel's (the paper, when known, lets its project page open directly).
 */
export async function openLink(opener: LinkOpener, paperOf: (id: string) => Paper | undefined, url: unknown, paperId: unknown): Promise<void> {
  await opener.open(url, typeof paperId === 'string' ? paperOf(paperId) : undefined);
}
