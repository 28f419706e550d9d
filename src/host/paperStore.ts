import * as vscode from 'vscode';
import { parseArxivId } from '../core/arxiv';
import type { Paper } from '../core/model';
import { parseSampleFeed } from '../core/sample';
import { Disposable } from './disposable';

export type FeedSource = 'sample';

/** The papers the extension currently knows, and where they came from. */
export class PaperStore extends Disposable {
  private papers = new Map<string, Paper>();
  private currentSource: FeedSource | undefined;
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly extensionUri: vscode.Uri, private readonly log: vscode.LogOutputChannel) {
    super();
  }

  get source(): FeedSource | undefined {
    return this.currentSource;
  }

  get size(): number {
    return this.papers.size;
  }

  list(): readonly Paper[] {
    return [...this.papers.values()];
  }

  get(idOrRef: string): Paper | undefined {
    const id = parseArxivId(idOrRef);
    return id === undefined ? undefined : this.papers.get(id);
  }

  /** Loads the embedded sample feed (media/sample-feed.json). */
  async loadSample(): Promise<void> {
    const started = performance.now();
    const uri = vscode.Uri.joinPath(this.extensionUri, 'media', 'sample-feed.json');
    const bytes = await vscode.workspace.fs.readFile(uri);
    const papers = parseSampleFeed(JSON.parse(new TextDecoder().decode(bytes)));
    this.replace(papers, 'sample');
    this.log.info(`Loaded ${papers.length} sample papers in ${(performance.now() - started).toFixed(1)} ms.`);
  }

  private replace(papers: readonly Paper[], source: FeedSource): void {
    this.papers = new Map(papers.map((paper) => [paper.id, freeze(paper)]));
    this.currentSource = source;
    this.changed.fire();
  }
}

/** Papers are handed to other extensions through the API: make them read-only for real. */
function freeze(paper: Paper): Paper {
  for (const value of Object.values(paper)) {
    if (typeof value === 'object' && value !== null) {
      if (Array.isArray(value)) {
        value.forEach((entry) => Object.freeze(entry));
      }
      Object.freeze(value);
    }
  }
  return Object.freeze(paper);
}
