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
  /** The failure meant no connection (offline), rather than Hugging Face answering with an error. */
  readonly offline?: boolean;
}

/** Papers remembered beyond the shown window (opened, found, fetched by id): the most recent this many. */
const REMEMBERED = 500;

/**
 * The papers the host holds: the window the tree shows, and papers used lately (opened, found
 * online, fetched by id). Not every cached paper: with the archive cached that would be tens of
 * thousands, and search reads those in its worker.
 */
export class PaperStore extends Disposable {
  private shown = new Map<string, Paper>();
  /** Most recently used last. */
  private readonly remembered = new Map<string, Paper>();
  private current: WindowView = { label: '', papers: [], source: 'loading' };
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  get view(): WindowView {
    return this.current;
  }

  /** The papers held: the shown window's, then those used lately. */
  list(): readonly Paper[] {
    return [...this.shown.values(), ...[...this.remembered.values()].filter((paper) => !this.shown.has(paper.id))];
  }

  get(idOrRef: string): Paper | undefined {
    const id = parseArxivId(idOrRef);
    return id === undefined ? undefined : (this.shown.get(id) ?? this.remembered.get(id));
  }

  /** Replaces what the tree shows. */
  update(view: WindowView): void {
    const papers = view.papers.map(freeze);
    this.shown = new Map(papers.map((paper) => [paper.id, paper]));
    for (const paper of papers) {
      if (this.remembered.has(paper.id)) {
        this.remembered.set(paper.id, paper); // the newer copy
      }
    }
    this.current = { ...view, papers };
    this.changed.fire();
  }

  /** Keeps a paper used outside the shown window (opened by id, found by search), leaving the view as it is. */
  remember(paper: Paper): Paper {
    const frozen = freeze(paper);
    this.remembered.delete(paper.id);
    this.remembered.set(paper.id, frozen);
    if (this.remembered.size > REMEMBERED) {
      const oldest = this.remembered.keys().next().value;
      if (oldest !== undefined) {
        this.remembered.delete(oldest);
      }
    }
    return frozen;
  }

  /** Marks the current view as stale after a failed refresh, keeping its papers. */
  setError(error: string | undefined, offline = false): void {
    const { error: _error, offline: _offline, ...rest } = this.current;
    this.current = error ? { ...rest, error, offline } : rest;
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
