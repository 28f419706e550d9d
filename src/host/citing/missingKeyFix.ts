/**
 * The quick fix of "‘key’ is not in refs.bib": when Paper Feed can tell which paper the key means
 * (an arXiv id in it, a key Paper Feed writes for a paper, or one paper the key clearly describes;
 * core/citation/missingKeys.ts decides), "Add ‘Title’ to refs.bib" adds its entry through the same
 * code as Insert Citation; otherwise "Search Papers for ‘key’" opens the search with the key's words.
 * The papers the host holds (the shown window, recent ones, the reading list) are tried first; then at
 * most two searches of 20 hits in the worker, and only when the worker runs already or the user asked
 * for the fixes (a lightbulb shown as the cursor moves never starts it). Stops when cancelled.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { identifyPaper, keyQuery } from '../../core/citation/missingKeys';
import { FULL_ARXIV_KEY, type KeyFormat } from '../../core/citation/keys';
import { arxivIdInKey } from '../../core/citation/paperMentions';
import type { Paper } from '../../core/paper/model';
import { shortTitle } from '../../core/view/present';
import type { BibFiles } from '../bibFiles';
import { registerCommand, UserError } from '../commands/register';
import { readCitationConfig, readCompletionEnabled } from '../config';
import { Commands, InternalCommands } from '../ids';
import type { PaperStore } from '../paperStore';
import type { SavedPapers } from '../savedPapers';
import type { SearchService } from '../searchService';
import type { DocumentCites } from './documentCites';
import { isMissingKeyDiagnostic } from './diagnostics';

export interface MissingKeyFixDeps {
  readonly log: vscode.LogOutputChannel;
  readonly cites: DocumentCites;
  readonly bibFiles: BibFiles;
  readonly search: SearchService;
  readonly store: PaperStore;
  readonly saved: SavedPapers;
}

const HITS = 20;
/** Fixes are asked for on every cursor move over a warning: an answer is kept this long. */
const REMEMBER_MS = 30_000;
const MAX_REMEMBERED = 200;
/** Warnings under the cursor that get a fix looked up (each may take a worker round trip). */
const MAX_DIAGNOSTICS = 3;

export class MissingKeyFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  private readonly remembered = new Map<string, { readonly at: number; readonly paperId: string | undefined }>();

  constructor(private readonly deps: MissingKeyFixDeps) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken)
    : Promise<vscode.CodeAction[]> {
    const diagnostics = context.diagnostics.filter(isMissingKeyDiagnostic).slice(0, MAX_DIAGNOSTICS);
    if (diagnostics.length === 0 || !readCompletionEnabled(document.uri)) {
      return [];
    }
    const bibName = this.deps.bibFiles.bibliographies(document)[0];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of diagnostics) {
      const key = document.getText(diagnostic.range);
      const paper = key === '' ? undefined : await this.identify(key, document.uri, context.triggerKind === vscode.CodeActionTriggerKind.Invoke, token);
      if (token.isCancellationRequested) {
        return [];
      }
      let action: vscode.CodeAction;
      if (paper && bibName) {
        const file = path.posix.basename(bibName.uri.path);
        action = new vscode.CodeAction(vscode.l10n.t('Add ‘{0}’ to {1}', shortTitle(paper.title), file), vscode.CodeActionKind.QuickFix);
        action.command = { title: action.title, command: InternalCommands.addMissingEntry, arguments: [document.uri.toString(), paper.id, key] };
        action.isPreferred = true;
      } else {
        action = new vscode.CodeAction(vscode.l10n.t('Search Papers for ‘{0}’', key), vscode.CodeActionKind.QuickFix);
        action.command = { title: action.title, command: Commands.search, arguments: [keyQuery(key) || key] };
      }
      action.diagnostics = [diagnostic];
      actions.push(action);
    }
    return actions;
  }

  /** The paper `key` means, if Paper Feed can tell (remembered a little while). */
  private async identify(key: string, uri: vscode.Uri, mayStart: boolean, token: vscode.CancellationToken): Promise<Paper | undefined> {
    const formats = [...new Set<KeyFormat>([readCitationConfig(uri).keyFormat, 'arxiv', 'scholar', FULL_ARXIV_KEY])];
    const searches = mayStart || this.deps.search.isStarted;
    const memo = `${searches}\n${formats.join('\n')}\n${key.toLowerCase()}`;
    const known = this.remembered.get(memo);
    if (known && Date.now() - known.at < REMEMBER_MS) {
      return known.paperId === undefined ? undefined : this.paper(known.paperId);
    }
    const paper = await this.find(key, formats, searches, token);
    if (token.isCancellationRequested) {
      return undefined; // an answer cut short is not remembered
    }
    if (this.remembered.size >= MAX_REMEMBERED) {
      this.remembered.clear();
    }
    this.remembered.set(memo, { at: Date.now(), paperId: paper?.id });
    return paper;
  }

  private async find(key: string, formats: readonly KeyFormat[], searches: boolean, token: vscode.CancellationToken): Promise<Paper | undefined> {
    const id = arxivIdInKey(key);
    if (id) {
      return this.paper(id);
    }
    // A paper the host holds whose key this is; describing one is not enough here (the archive may hold another as good).
    const held = identifyPaper(key, [...this.deps.store.list(), ...this.deps.saved.list().map((entry) => entry.paper)], formats);
    if (held?.by === 'key' || !searches) {
      return held?.by === 'key' ? held.paper : undefined;
    }
    const words = keyQuery(key);
    const first = words.split(' ')[0] ?? '';
    // The key's words; then, for a key that runs the title's words together, its first author's papers.
    for (const query of [words, first.length >= 2 ? `author:${first}` : ''].filter((query, index, all) => query !== '' && all.indexOf(query) === index)) {
      const { hits } = await this.deps.search.search(query, HITS);
      if (token.isCancellationRequested || hits.length === 0) {
        continue;
      }
      const papers = await this.deps.search.papers(hits.map((hit) => hit.id));
      if (token.isCancellationRequested) {
        return undefined;
      }
      const found = identifyPaper(key, papers, formats);
      if (found) {
        this.deps.log.info(`${key} is ${found.paper.id} (${found.by === 'key' ? 'its key' : 'the only paper the key describes'}).`);
        return found.paper;
      }
    }
    return undefined;
  }

  private async paper(id: string): Promise<Paper | undefined> {
    return this.deps.store.get(id) ?? (await this.deps.search.papers([id]))[0];
  }

  /**
   * `paperFeed.addMissingEntry(documentUri, paperId, key)`: adds the paper's entry to the document's
   * .bib wanting `key`; if the .bib has the paper under another key already, the document's citations
   * of `key` become that key (one edit).
   */
  async addMissingEntry(uriArg: unknown, idArg: unknown, keyArg: unknown): Promise<void> {
    if (typeof uriArg !== 'string' || typeof idArg !== 'string' || typeof keyArg !== 'string' || keyArg === '') {
      throw new UserError(vscode.l10n.t('Add Missing Entry needs a document, a paper and a key.'));
    }
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uriArg, true));
    const paper = await this.paper(idArg);
    if (!paper) {
      throw new UserError(vscode.l10n.t('Paper Feed has no paper {0}: refresh the feed or search for it.', idArg));
    }
    const added = await this.deps.bibFiles.add(document, paper, keyArg);
    if (added === undefined || added.toLowerCase() === keyArg.toLowerCase()) {
      return;
    }
    const citations = this.deps.cites.of(document)?.keys.filter((cited) => cited.key === keyArg) ?? [];
    if (citations.length === 0) {
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const cited of citations) {
      edit.replace(document.uri, new vscode.Range(document.positionAt(cited.start), document.positionAt(cited.end)), added);
    }
    if (!(await vscode.workspace.applyEdit(edit))) {
      throw new UserError(vscode.l10n.t('The editor did not accept the change of {0} to {1}; try again.', keyArg, added));
    }
  }
}

/** The quick fix and its command. */
export function registerMissingKeyFixes(deps: MissingKeyFixDeps, selector: vscode.DocumentSelector): vscode.Disposable[] {
  const fixes = new MissingKeyFixes(deps);
  return [
    vscode.languages.registerCodeActionsProvider(selector, fixes, MissingKeyFixes.metadata),
    registerCommand(InternalCommands.addMissingEntry, (uri, id, key) => fixes.addMissingEntry(uri, id, key), deps.log),
  ];
}
