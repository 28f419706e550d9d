/**
 * Citing as you write: the language features over citation keys in LaTeX, Markdown (Quarto,
 * R Markdown), Typst and reStructuredText. Each one asks `paperFeed.completion.enabled` at the time
 * it runs, so turning the setting off takes effect at once.
 */
import * as vscode from 'vscode';
import type { BibFiles } from '../bibFiles';
import type { Citations } from '../citations';
import type { PaperStore } from '../paperStore';
import type { SavedPapers } from '../savedPapers';
import type { SearchService } from '../searchService';
import type { BibIndex } from './bibIndex';
import type { DocumentCites } from './documentCites';

export interface CitingDeps {
  readonly log: vscode.LogOutputChannel;
  readonly bibIndex: BibIndex;
  readonly cites: DocumentCites;
  readonly bibFiles: BibFiles;
  readonly search: SearchService;
  readonly saved: SavedPapers;
  readonly store: PaperStore;
  readonly citations: Citations;
}

/** Documents that cite by key, by language or, where VS Code knows no such language, by file name. */
export const CITING_SELECTOR: vscode.DocumentSelector = [
  ...['latex', 'tex', 'markdown', 'quarto', 'rmd', 'rmarkdown', 'typst', 'restructuredtext', 'rst']
    .flatMap((language) => [{ language, scheme: 'file' }, { language, scheme: 'untitled' }]),
  { scheme: 'file', pattern: '**/*.{tex,ltx,md,markdown,qmd,rmd,Rmd,typ,rst}' },
];

export function registerCiting(deps: CitingDeps): vscode.Disposable[] {
  void deps;
  return [];
}
