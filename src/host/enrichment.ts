import * as vscode from 'vscode';
import { ARXIV_ENDPOINT } from '../core/enrich/arxivAtom';
import { DBLP_ENDPOINT } from '../core/enrich/dblp';
import { Enricher } from '../core/enrich/enricher';
import { serviceEndpoint } from '../core/enrich/endpoints';

import type { Paper } from '../core/paper/model';
import { readEnrichmentConfig } from './config';
import { Disposable } from './disposable';

/**
 * arXiv's and DBLP's metadata for the papers on screen, cited or opened (core/enrich/enricher.ts),
 * in this window: records in `enrichment.json` beside the paper cache, shared with other windows.
 * `apply` never waits; `onDidChange` fires with the ids whose records changed, for the panel.
 * `PAPER_FEED_ARXIV_ENDPOINT` and `PAPER_FEED_DBLP_ENDPOINT` point the services at local fakes (tests).
 */
export class Enrichment extends Disposable {
  private enricher: Enricher | undefined;
  private readonly changed = this._register(new vscode.EventEmitter<readonly string[]>());
  readonly onDidChange = this.changed.event;
  private started: (() => void) | undefined;
  /** Settles once `start` has read the records: nothing is asked before (activation does no I/O). */
  private readonly loaded = new Promise<void>((resolve) => (this.started = resolve));

  constructor(private readonly globalStorageUri: vscode.Uri, private readonly userAgent: () => string, private readonly log: vscode.LogOutputChannel) {
    super();
    this._register({ dispose: () => this.enricher?.dispose() });
  }

  /** Reads the records file; called after activation, with the first load. */
  async start(): Promise<void> {
    if (this.enricher) {
      return;
    }
    const warn = (name: string) => (value: string): void => this.log.warn(`Ignoring ${name}=${value}: not an http(s) URL.`);
    const enricher = new Enricher({
      fetch: (url, init) => fetch(url, init),
      userAgent: this.userAgent(),
      arxivEndpoint: serviceEndpoint(process.env.PAPER_FEED_ARXIV_ENDPOINT, ARXIV_ENDPOINT, warn('PAPER_FEED_ARXIV_ENDPOINT')),
      dblpEndpoint: serviceEndpoint(process.env.PAPER_FEED_DBLP_ENDPOINT, DBLP_ENDPOINT, warn('PAPER_FEED_DBLP_ENDPOINT')),
      enabled: readEnrichmentConfig,
      file: vscode.Uri.joinPath(this.globalStorageUri, 'enrichment.json').fsPath,
      log: (message) => this.log.info(message),
      onChange: (ids) => this.changed.fire(ids),
    });
    this.enricher = enricher;
    try {
      await vscode.workspace.fs.createDirectory(this.globalStorageUri);
      await enricher.load();
    } catch (error) {
      this.log.warn(`Could not read the enrichment records: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.started?.();
    }
  }

  /** The paper with what arXiv and DBLP said about it so far. */
  apply(paper: Paper): Paper {
    return this.enricher?.apply(paper) ?? paper;
  }

  /** Asks about papers in the background: `shown` in a view (arXiv), or `used`, cited or opened (arXiv, then DBLP). */
  want(papers: readonly Paper[], why: 'shown' | 'used'): void {
    if (papers.length > 0) {
      void this.loaded.then(() => this.enricher?.want(papers, why));
    }
  }

  /** Requests sent so far (tests). */
  get sent(): { readonly arxiv: number; readonly dblp: number } {
    return this.enricher?.sent ?? { arxiv: 0, dblp: 0 };
  }

  /** Resolves once nothing is left to ask but what waits on a fault (tests). */
  async idle(): Promise<void> {
    await this.loaded;
    await this.enricher?.idle();
  }
}
