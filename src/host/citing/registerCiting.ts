/**
 * Citing as you write: the language features over citation keys in LaTeX, Markdown (Quarto,
 * R Markdown), Typst and reStructuredText. Each one asks `paperFeed.completion.enabled` at the time
 * it runs, so turning the setting off takes effect at once.
 */
import * as vscode from 'vscode';
import type { BibFiles } from '../bibFiles';
import type { PaperStore } from '../paperStore';
import type { SavedPapers } from '../savedPapers';
import type { SearchService } from '../searchService';
import type { BibIndex } from './bibIndex';
import { CitingDiagnostics } from './diagnostics';
import { CiteCompletionProvider, COMPLETION_TRIGGERS } from './completion';
import type { DocumentCites } from './documentCites';
import { CitationHoverProvider, PaperMentionHoverProvider } from './hover';
import { registerMissingKeyFixes } from './missingKeyFix';
import { BIB_SELECTOR, CitationDefinitionProvider, CitationReferenceProvider } from './navigation';

export interface CitingDeps {
  readonly log: vscode.LogOutputChannel;
  readonly bibIndex: BibIndex;
  readonly cites: DocumentCites;
  readonly bibFiles: BibFiles;
  readonly search: SearchService;
  readonly saved: SavedPapers;
  readonly store: PaperStore;
}

/** Documents that cite by key, by language or, where VS Code knows no such language, by file name. */
export const CITING_SELECTOR: vscode.DocumentSelector = [
  ...['latex', 'tex', 'markdown', 'quarto', 'rmd', 'rmarkdown', 'typst', 'restructuredtext', 'rst']
    .flatMap((language) => [{ language, scheme: 'file' }, { language, scheme: 'untitled' }]),
  { scheme: 'file', pattern: '**/*.{tex,ltx,md,markdown,qmd,rmd,Rmd,typ,rst}' },
];

export function registerCiting(deps: CitingDeps): vscode.Disposable[] {
  return [
    vscode.languages.registerCompletionItemProvider(CITING_SELECTOR, new CiteCompletionProvider(deps), ...COMPLETION_TRIGGERS),
    ...registerNavigation(deps),
    new CitingDiagnostics(deps), ...registerMissingKeyFixes(deps, CITING_SELECTOR),
  ];
}

/** Every file, any language: arXiv ids and paper URLs can be anywhere (code comments, notes, READMEs). */
const ANY_FILE: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

/** Hovers on keys and on papers mentioned anywhere, Go to Definition, Find All References (also from a .bib). */
function registerNavigation(deps: CitingDeps): vscode.Disposable[] {
  const references = new CitationReferenceProvider(deps);
  return [
    vscode.languages.registerHoverProvider(CITING_SELECTOR, new CitationHoverProvider(deps)),
    vscode.languages.registerHoverProvider(ANY_FILE, new PaperMentionHoverProvider(deps)),
    vscode.languages.registerDefinitionProvider(CITING_SELECTOR, new CitationDefinitionProvider(deps)),
    vscode.languages.registerReferenceProvider(CITING_SELECTOR, references),
    vscode.languages.registerReferenceProvider(BIB_SELECTOR, references),
  ];
}
