/**
 * The tools that change something: citations into the active document (and its .bib), papers into
 * the reading list. Each asks first (`prepareInvocation`'s confirmation names the papers and where
 * they go), refuses in Restricted Mode, and does exactly what Insert Citation and Save do.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { kindForDocument, usesBibFile } from '../../core/citation/insert';
import type { Paper } from '../../core/paper/model';
import { isInputObject, readPaperRefs } from '../../core/tools/input';
import { shortTitle } from '../../core/view/present';
import { citeInEditor } from '../commands/insertCitation';
import type { ToolRun } from './readTools';
import { afterLoad, findPapers, type ToolDeps } from './toolDeps';

const RESTRICTED = 'Refused: this workspace is in Restricted Mode, where Paper Feed\'s tools do not change files or the reading list. The user can trust the workspace (Manage Workspace Trust) and ask again.';

/** A write tool: its work, and what VS Code shows before it runs. */
export interface WriteTool {
  readonly run: ToolRun;
  readonly prepare: (input: unknown) => Promise<vscode.PreparedToolInvocation>;
}

/** Titles of the papers the host knows now (no network: a confirmation must not wait); ids for the rest. */
async function namesOf(deps: ToolDeps, ids: readonly string[]): Promise<string[]> {
  const known = await deps.search.papers(ids);
  return ids.map((id) => {
    const paper = known.find((candidate) => candidate.id === id);
    return paper ? `“${shortTitle(paper.title, 80)}” (arXiv:${id})` : `arXiv:${id}`;
  });
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, 8).map((name) => `- ${name}`);
  return [...shown, ...(names.length > 8 ? [vscode.l10n.t('- and {0} more', names.length - 8)] : [])].join('\n');
}

/** Which file a citation goes into, and the .bib its entry goes into (when the file cites by key). */
function targetOf(deps: ToolDeps): { readonly editor: vscode.TextEditor; readonly bib?: vscode.Uri } | undefined {
  const editor = deps.editors.target();
  if (!editor) {
    return undefined;
  }
  const document = editor.document;
  const bib = usesBibFile(kindForDocument(document.languageId, document.fileName)) ? deps.bibFiles.bibliographies(document)[0]?.uri : undefined;
  return { editor, ...(bib ? { bib } : {}) };
}

function fileName(uri: vscode.Uri): string {
  return uri.scheme === 'untitled' ? uri.path : path.basename(uri.path);
}

/** A write tool's ids, or why it does nothing: wrong input, Restricted Mode. */
function writableIds(deps: ToolDeps, input: unknown): { readonly value: readonly string[] } | string {
  const ids = readPaperRefs(input, 'ids');
  if (!ids.ok) {
    return isInputObject(input) ? ids.problem : 'The input must be a JSON object: {"ids": ["2608.19880"]}.';
  }
  return deps.isTrusted() ? ids : RESTRICTED;
}

/** The papers a write tool acts on, once the cache is read; or why nothing is done (not found, cancelled). */
async function papersToWrite(deps: ToolDeps, ids: readonly string[], token: vscode.CancellationToken, nothing: 'inserted' | 'saved'): Promise<Paper[] | string> {
  await afterLoad(deps, token);
  const { papers, problems } = await findPapers(deps, ids, token);
  if (problems.length > 0) {
    return `${problems.join(' ')} Nothing was ${nothing}.`;
  }
  return token.isCancellationRequested ? `Cancelled: nothing was ${nothing}.` : papers;
}

/** `paperFeed_insertCitations {ids}`: Insert Citation at the cursor of the active editor, .bib entries included. */
export function insertCitationsTool(deps: ToolDeps): WriteTool {
  /** The document each confirmed request named (by its ids), so that a citation goes only where the user agreed. */
  const confirmed = new Map<string, string | undefined>();
  const prepare = async (input: unknown): Promise<vscode.PreparedToolInvocation> => {
    const ids = readPaperRefs(input, 'ids');
    if (!ids.ok || !deps.isTrusted()) {
      return { invocationMessage: vscode.l10n.t('Checking the citation request') };
    }
    const names = await namesOf(deps, ids.value);
    const target = targetOf(deps);
    confirmed.set(ids.value.join(','), target?.editor.document.uri.toString());
    if (confirmed.size > 20) {
      confirmed.delete(confirmed.keys().next().value as string);
    }
    if (!target) {
      // Asked all the same: an editor opened before the call runs gets the citation.
      return {
        invocationMessage: vscode.l10n.t('Citing {0}', ids.value.length === 1 ? `arXiv:${ids.value[0] ?? ''}` : vscode.l10n.t('{0} papers', ids.value.length)),
        confirmationMessages: { title: vscode.l10n.t('Insert citations with Paper Feed?'), message: vscode.l10n.t('Cite these papers at the cursor of the active editor (none is open now):\n\n{0}', listed(names)) },
      };
    }
    const file = fileName(target.editor.document.uri);
    const message = target.bib
      ? vscode.l10n.t('Cite these papers at the cursor in {0}, and add their BibTeX entries to {1}:\n\n{2}', file, fileName(target.bib), listed(names))
      : vscode.l10n.t('Cite these papers at the cursor in {0}:\n\n{1}', file, listed(names));
    return {
      invocationMessage: vscode.l10n.t('Citing {0} in {1}', ids.value.length === 1 ? `arXiv:${ids.value[0] ?? ''}` : vscode.l10n.t('{0} papers', ids.value.length), file),
      confirmationMessages: { title: vscode.l10n.t('Insert citations with Paper Feed?'), message },
    };
  };
  const run: ToolRun = async (input, token) => {
    const ids = writableIds(deps, input);
    if (typeof ids === 'string') {
      return ids;
    }
    const target = targetOf(deps);
    const key = ids.value.join(',');
    // The user agreed to a citation in the document named then: not in one that became active since.
    if (confirmed.has(key) && confirmed.get(key) !== target?.editor.document.uri.toString()) {
      confirmed.delete(key);
      return 'The active editor changed after the user was asked, so nothing was inserted: call this again to ask about the document now active.';
    }
    confirmed.delete(key);
    if (!target) {
      return 'No text editor is open: ask the user to open the document to cite in and put the cursor where the citation goes, then call this again. Nothing was inserted.';
    }
    const papers = await papersToWrite(deps, ids.value, token, 'inserted');
    if (typeof papers === 'string') {
      return papers;
    }
    const outcome = await citeInEditor(deps, target.editor, papers);
    const file = fileName(target.editor.document.uri);
    switch (outcome.kind) {
      case 'cancelled':
        return 'The user cancelled writing the .bib file. Nothing was inserted.';
      case 'alreadyCited':
        return `Already cited at the cursor in ${file}: ${outcome.keys.join(', ')}. Nothing was changed.`;
      case 'inserted':
        return `Inserted ${citedList(papers, outcome.keys)} at the cursor in ${file}${target.bib ? `; their BibTeX entries are in ${fileName(target.bib)}` : ''}.`;
    }
  };
  return { run, prepare };
}

function citedList(papers: readonly Paper[], keys: readonly string[]): string {
  return papers.map((paper, index) => `${keys[index] ?? '?'} (arXiv:${paper.id})`).join(', ');
}

/** `paperFeed_saveToReadingList {ids}`: Save to Reading List. */
export function saveToReadingListTool(deps: ToolDeps): WriteTool {
  const prepare = async (input: unknown): Promise<vscode.PreparedToolInvocation> => {
    const ids = readPaperRefs(input, 'ids');
    if (!ids.ok || !deps.isTrusted()) {
      return { invocationMessage: vscode.l10n.t('Checking the reading list request') };
    }
    return {
      invocationMessage: vscode.l10n.t('Saving {0} to the reading list', ids.value.length === 1 ? `arXiv:${ids.value[0] ?? ''}` : vscode.l10n.t('{0} papers', ids.value.length)),
      confirmationMessages: {
        title: vscode.l10n.t('Save to the Paper Feed reading list?'),
        message: vscode.l10n.t('Save these papers to the reading list (the Saved view):\n\n{0}', listed(await namesOf(deps, ids.value))),
      },
    };
  };
  const run: ToolRun = async (input, token) => {
    const ids = writableIds(deps, input);
    if (typeof ids === 'string') {
      return ids;
    }
    const papers = await papersToWrite(deps, ids.value, token, 'saved');
    if (typeof papers === 'string') {
      return papers;
    }
    const already = papers.filter((paper) => deps.saved.has(paper.id)).map((paper) => `arXiv:${paper.id}`);
    await deps.saved.save(papers);
    return `Saved to the reading list: ${papers.map((paper) => `arXiv:${paper.id}`).join(', ')}${already.length > 0 ? ` (already there: ${already.join(', ')})` : ''}.`;
  };
  return { run, prepare };
}
