/**
 * `paperFeed.citeCompletion`: run by a completion item after it inserted a paper's key. Adds the
 * paper's entry to the document's .bib through the same code as Insert Citation (`BibFiles.add`), and
 * when the .bib has the paper under another key, or the key was taken by another paper, puts the key
 * it got in place of the one inserted. No edit at all when the key stays.
 */
import * as vscode from 'vscode';
import { citationKey } from '../../core/citation/keys';
import { parseArxivId } from '../../core/paper/arxiv';
import type { Paper } from '../../core/paper/model';
import type { BibFiles } from '../bibFiles';
import { readCitationConfig } from '../config';
import type { PaperStore } from '../paperStore';
import type { SavedPapers } from '../savedPapers';
import type { SearchService } from '../searchService';
import { UserError } from './register';

/** What a completion item passes: where its key went, the key, and the paper. */
export interface CiteCompletionArgs {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
  readonly key: string;
  readonly id: string;
}

export interface CiteCompletionDeps {
  readonly log: vscode.LogOutputChannel;
  readonly bibFiles: BibFiles;
  readonly store: PaperStore;
  readonly saved: SavedPapers;
  readonly search: SearchService;
}

function isArgs(arg: unknown): arg is CiteCompletionArgs {
  const value = arg as Partial<CiteCompletionArgs> | undefined;
  return typeof value === 'object' && value !== null && typeof value.uri === 'string' && typeof value.key === 'string' && typeof value.id === 'string'
    && Number.isInteger(value.line) && Number.isInteger(value.character) && (value.line ?? -1) >= 0 && (value.character ?? -1) >= 0;
}

export async function citeCompletion(deps: CiteCompletionDeps, arg: unknown): Promise<void> {
  if (!isArgs(arg) || parseArxivId(arg.id) !== arg.id) {
    throw new UserError(vscode.l10n.t('Paper Feed could not add that citation to the bibliography: the completion item was not its own.'));
  }
  const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === arg.uri);
  if (!document) {
    return; // closed meanwhile
  }
  const paper = await findPaper(deps, arg.id);
  if (!paper) {
    throw new UserError(vscode.l10n.t('Paper Feed cited {0} but no longer has paper {1}: add its entry with Insert Citation.', arg.key, arg.id));
  }
  // The key of the full paper: the list's came from the search card, whose year is the feed day's.
  const key = await deps.bibFiles.add(document, paper, citationKey(paper, readCitationConfig(document.uri).keyFormat));
  if (key === undefined || key === arg.key) {
    return; // cancelled (the inserted key stays, and one undo takes it back), or nothing to change
  }
  const start = new vscode.Position(arg.line, arg.character);
  const range = new vscode.Range(start, start.translate(0, arg.key.length));
  if (document.getText(range) !== arg.key) {
    deps.log.info(`${arg.key} moved before its .bib entry was added as ${key}: the text is left as it is.`);
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, key);
  if (!(await vscode.workspace.applyEdit(edit))) {
    deps.log.warn(`Could not replace ${arg.key} by ${key} in ${document.uri.toString(true)}.`);
  }
}

async function findPaper(deps: CiteCompletionDeps, id: string): Promise<Paper | undefined> {
  return deps.store.get(id) ?? deps.saved.list().find((entry) => entry.paper.id === id)?.paper ?? (await deps.search.cachedPaper(id));
}
