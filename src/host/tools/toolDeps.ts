import * as vscode from 'vscode';
import { describeFailure } from '../../core/feed/failureReason';
import type { Paper } from '../../core/paper/model';
import type { PaperFacts } from '../../core/tools/results';
import type { BibFiles } from '../bibFiles';
import type { Citations } from '../citations';
import type { EditorTracker } from '../editorTracker';
import type { FeedService } from '../feed/feedService';
import { failureText } from '../feed/failureText';
import type { PaperStore } from '../paperStore';
import type { SavedPapers } from '../savedPapers';
import type { SearchService } from '../searchService';
import type { TopicService } from '../topics';

/** What the language model tools use: the services the commands use, nothing of their own. */
export interface ToolDeps {
  readonly log: vscode.LogOutputChannel;
  readonly store: PaperStore;
  readonly search: SearchService;
  readonly feed: FeedService;
  readonly topics: TopicService;
  readonly citations: Citations;
  readonly bibFiles: BibFiles;
  readonly editors: EditorTracker;
  readonly saved: SavedPapers;
  /** Settles when the first load after activation is done (the cache is read). */
  readonly loaded: () => Promise<void>;
  /** Whether tools that write may run: false in Restricted Mode. */
  readonly isTrusted: () => boolean;
}

/** How long a tool waits for the first load or the search index before answering with what there is. */
const WAIT_MS = 10_000;

/** Waits for `promise`, at most `ms` and never past cancellation; never throws. */
export async function waitAtMost(promise: Promise<unknown>, ms: number, token: vscode.CancellationToken): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let listener: vscode.Disposable | undefined;
  await Promise.race([
    promise.catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
      listener = token.onCancellationRequested(() => resolve());
    }),
  ]);
  clearTimeout(timer);
  listener?.dispose();
}

/** The first load, so that the cache is read before a tool looks in it. */
export function afterLoad(deps: ToolDeps, token: vscode.CancellationToken): Promise<void> {
  return waitAtMost(deps.loaded(), WAIT_MS, token);
}

/** What the host knows about a paper beyond the paper: its topic's label, whether it is saved. */
export function factsOf(deps: ToolDeps, paper: Paper): PaperFacts {
  return { topic: deps.topics.label(deps.topics.of(paper).primary), saved: deps.saved.has(paper.id) };
}

/** A paper found, or why not (for the model). */
export type Found = { readonly paper: Paper } | { readonly problem: string };

/**
 * A paper by arXiv id as Open Paper finds it: held by the host, else read from the cache (the
 * archive), else asked of Hugging Face (which fails at once offline, and is said so).
 */
export async function findPaper(deps: ToolDeps, id: string, token: vscode.CancellationToken): Promise<Found> {
  // The cache's month of the id only: a miss asks Hugging Face rather than reading every month file on this thread.
  const known = deps.store.get(id) ?? (await deps.search.cachedPaper(id, { scan: false }));
  if (known) {
    return { paper: known };
  }
  if (token.isCancellationRequested) {
    return { problem: `Cancelled before arXiv:${id} was looked up.` };
  }
  try {
    const paper = await deps.feed.fetchPaper(id);
    return paper ? { paper } : { problem: `arXiv:${id} is not in Paper Feed's cache, and Hugging Face has no paper page for it. Check the id.` };
  } catch (error) {
    return { problem: `arXiv:${id} is not in Paper Feed's cache, and Hugging Face could not be asked (${failureText(describeFailure(error))}).` };
  }
}

/** Several papers by id, in order; the ones not found are listed with why. */
export async function findPapers(deps: ToolDeps, ids: readonly string[], token: vscode.CancellationToken): Promise<{ readonly papers: Paper[]; readonly problems: string[] }> {
  const papers: Paper[] = [];
  const problems: string[] = [];
  for (const id of ids) {
    const found = await findPaper(deps, id, token);
    if ('paper' in found) {
      papers.push(found.paper);
    } else {
      problems.push(found.problem);
    }
  }
  return { papers, problems };
}
