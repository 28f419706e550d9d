import * as vscode from 'vscode';
import { parseArxivId } from '../core/paper/arxiv';
import type { Paper } from '../core/paper/model';
import { Disposable } from './disposable';

/** Where the papers on screen came from. */
export type FeedSource = 'loading' | 'sample' | 'cache';

export interface WindowView {
  /** e.g. "Last 7 days", "Today · Fri 21 Aug 2026". */
  readonly label: string;
  readonly papers: readonly Paper[];
  readonly source: FeedSource;
  /** When the papers were fetched (for cached papers). */
  readonly fetchedAt?: Date;
  /** The last refresh failed with this (the papers shown are older). */
  readonly error?: string;
}

/** Every paper Paper Feed knows (for the API and search), and the window the tree shows. */
export class PaperStore extends Disposable {
  private catalog = new Map<string, Paper>();
  private current: WindowView = { label: '', papers: [], source: 'loading' };
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  get view(): WindowView {
    return this.current;
  }

  list(): readonly Paper[] {
    return [...this.catalog.values()];
  }

  get(idOrRef: string): Paper | undefined {
    const id = parseArxivId(idOrRef);
    return id === undefined ? undefined : this.catalog.get(id);
  }

  /** Replaces the catalog and what the tree shows, in one change. */
  update(catalog: Iterable<Paper> | undefined, view: WindowView): void {
    if (catalog) {
      this.catalog = new Map([...catalog].map((paper) => [paper.id, freeze(paper)]));
    }
    for (const paper of view.papers) {
      if (!this.catalog.has(paper.id)) {
        this.catalog.set(paper.id, freeze(paper));
      }
    }
    this.current = { ...view, papers: view.papers.map((paper) => this.catalog.get(paper.id) ?? paper) };
    this.changed.fire();
  }

  /** Adds a paper fetched on its own (e.g. opened by id) to the catalog, leaving the view as it is. */
  remember(paper: Paper): Paper {
    const frozen = freeze(paper);
    this.catalog.set(paper.id, frozen);
    return frozen;
  }

  /** Marks the current view as stale after a failed refresh, keeping its papers. */
  setError(error: string | undefined): void {
    this.current = { ...this.current, ...(error ? { error } : { error: undefined }) };
    this.changed.fire();
  }
}

/** Papers are handed to other extensions through the API: make them read-only for real. */
function freeze(paper: Paper): Paper {
  if (Object.isFrozen(paper)) {
    return paper;
  }
  for (const value of Object.values(paper)) {
    if (typeof value === 'object' && value !== null) {
      if (Array.isArray(value)) {
        for (const entry of value) {
          Object.freeze(entry);
        }
      }
      Object.freeze(value);
    }
  }
  return Object.freeze(paper);
}
