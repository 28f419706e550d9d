import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CslEngine } from '../core/citation/cslEngine';
import { type CitationFormat, formatCitation } from '../core/citation/format';
import type { Paper } from '../core/paper/model';
import { readCitationConfig } from './config';

/** What Citations needs of enrichment (host/enrichment.ts). */
export interface CitationEnrichment {
  apply(paper: Paper): Paper;
  want(papers: readonly Paper[], why: 'used'): void;
}

/**
 * Formats citations with the user's settings; loads the CSL engine (dist/csl.js) on first use only.
 * A citation uses what arXiv and DBLP said about the paper so far and never waits for them: a paper
 * not yet enriched is asked about in the background and cited as a preprint meanwhile.
 */
export class Citations {
  private engine: Promise<CslEngine> | undefined;

  constructor(private readonly log: vscode.LogOutputChannel, private readonly enrichment?: CitationEnrichment) {}

  /** The paper as a citation should name it now; asks arXiv and DBLP about it in the background. */
  prepare(paper: Paper): Paper {
    this.enrichment?.want([paper], 'used');
    return this.enrichment?.apply(paper) ?? paper;
  }

  /** Whether the CSL engine has been loaded (for the tests: activation must not load it). */
  get engineLoaded(): boolean {
    return this.engine !== undefined;
  }

  format(paper: Paper, format: CitationFormat, scope?: vscode.Uri): Promise<string> {
    const config = readCitationConfig(scope);
    return formatCitation(this.prepare(paper), format, {
      keyFormat: config.keyFormat,
      entry: config.entry,
      csl: () => this.loadEngine(),
      userStyle: (name) => this.userStyle(name),
    });
  }

  /** Names of the user's CSL styles (`csl:<name>`), from `paperFeed.citation.cslStyles`. */
  userStyleNames(): string[] {
    return this.stylePaths().map((file) => path.basename(file, '.csl'));
  }

  private loadEngine(): Promise<CslEngine> {
    this.engine ??= Promise.resolve().then(() => {
      const started = performance.now();
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { engine } = require(path.join(__dirname, 'csl.js')) as { engine: CslEngine };
      this.log.info(`Loaded the CSL engine in ${(performance.now() - started).toFixed(0)} ms.`);
      return engine;
    });
    return this.engine;
  }

  private stylePaths(): string[] {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    return readCitationConfig().cslStyles
      .map((entry) => (path.isAbsolute(entry) || !folder ? entry : path.join(folder, entry)));
  }

  private async userStyle(name: string): Promise<string | undefined> {
    const file = this.stylePaths().find((candidate) => path.basename(candidate, '.csl') === name);
    if (!file) {
      return undefined;
    }
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(file)));
    } catch (error) {
      throw new Error(`Could not read the CSL style ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
}
