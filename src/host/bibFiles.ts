import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { bibtex, type EntryOptions } from '../core/citation/bibtex';
import { type BibCandidate, type BibListPlan, bibtexCandidate, planBibAppends } from '../core/citation/bibfile';
import { findBibliographies, SCAN_LIMIT, usesBiblatex } from '../core/citation/bibliography';
import { kindForDocument } from '../core/citation/insert';
import { decideWrite, type FileSystemView, isInside, nodeFileSystem, type OutsideChoice, type PathFlavor, resolveWrittenPath, type WriteDecision } from '../core/citation/writePolicy';
import type { Paper } from '../core/paper/model';
import { escapeMessageLinks } from '../core/view/present';
import { appendToBib, type BibWriteOutcome } from './bibWrite';
import { UserError } from './commands/register';
import { readCitationConfig } from './config';
import { Disposable } from './disposable';
import { GlobalStateKeys, WorkspaceStateKeys } from './ids';

const MAX_ANSWERS = 500;

/** A .bib file, and who named it: the document, or `paperFeed.citation.bibFile`. */
export interface BibTarget {
  readonly uri: vscode.Uri;
  readonly namedBy: 'document' | 'setting';
}

/**
 * An entry `add` put in a .bib, or found there already (`exists`): `appended` to the file, `created`
 * it, or `edited` into its open document with unsaved changes.
 */
export interface BibAdded {
  readonly uri: vscode.Uri;
  readonly key: string;
  readonly outcome: 'exists' | 'appended' | 'created' | 'edited';
}

const FLAVOR: PathFlavor = process.platform === 'win32' ? 'win32' : 'posix';

/**
 * The .bib file a document cites from, and adding entries to it. A file outside the workspace
 * folders (after `..`, `~` and symlinks) is written only after asking, once per document and file;
 * with no folder open, the document's own folder stands in for the workspace.
 */
export class BibFiles extends Disposable {
  private readonly added = this._register(new vscode.EventEmitter<BibAdded>());
  /** After every `add` that wrote the .bib or found the paper there, whoever called it. */
  readonly onDidAdd = this.added.event;

  /** Replaceable by the integration tests, which must never show a modal dialog. */
  confirmOutside: (file: string, namedBy: string) => Thenable<OutsideChoice | undefined> = async (file, namedBy) => {
    const add = vscode.l10n.t('Add to File');
    const copy = vscode.l10n.t('Copy Entry Instead');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Add the entry to {0}, outside the workspace?', file),
      {
        modal: true,
        detail: vscode.l10n.t('{0} names this bibliography. Paper Feed writes outside the workspace folders only when you say so (creating the file if it is not there), and remembers your answer in this workspace.', namedBy),
      },
      add, copy,
    );
    return choice === add ? 'add' : choice === copy ? 'copy' : undefined;
  };

  /** Replaceable by the integration tests. */
  confirmCreate: (file: string) => Thenable<boolean> = async (file) => {
    const create = vscode.l10n.t('Create');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Create {0} for the bibliography entries Paper Feed inserts?', file), { modal: true }, create);
    return choice === create;
  };

  constructor(
    private readonly workspaceState: vscode.Memento,
    private readonly globalState: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    private readonly fs: FileSystemView = nodeFileSystem,
    /** The paper as its entry should name it (what arXiv and DBLP said so far: host/citations.ts `prepare`). */
    private readonly prepare: (paper: Paper) => Paper = (paper) => paper,
  ) {
    super();
  }

  /**
   * Adds the paper to the document's .bib (reusing an entry it has there) and returns the key to
   * cite; undefined when the user cancelled, and nothing should be inserted. Whether to write is
   * decided first (a file outside the workspace is asked about before it is read); the file is read
   * only then, and again after any question, right before the entry is added to it.
   */
  async add(document: vscode.TextDocument, given: Paper, wantedKey: string): Promise<string | undefined> {
    const paper = this.prepare(given);
    const entryOptions = forDocument(readCitationConfig(document.uri).entry, document);
    const target = this.locate(document);
    if (!target) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Paper Feed cited {0} but found no .bib file: name one with \\bibliography, a YAML bibliography field, or paperFeed.citation.bibFile in a workspace.', wantedKey));
      return wantedKey;
    }
    let asked = false;
    let agreed = false;
    const decision = await this.decide(target.uri, document, async (file) => {
      const answer = await this.outsideAnswer(document, target, file);
      asked ||= answer?.asked ?? false;
      agreed = answer?.choice === 'add';
      return answer?.choice;
    });
    switch (decision.action) {
      case 'cancel':
        return undefined;
      case 'refuse':
        throw new UserError(vscode.l10n.t('Paper Feed did not touch {0}: a network share or a device is not a bibliography file. Name a .bib file on this computer, in the workspace.', decision.path));
      case 'copy':
        await this.leaveOutside(bibtex(paper, wantedKey, entryOptions), wantedKey, decision.path, asked);
        return wantedKey;
      case 'write': {
        const written = target.uri.scheme === 'file' ? vscode.Uri.file(decision.path) : target.uri;
        return this.write(target.uri, written, bibtexCandidate(paper, wantedKey, entryOptions), agreed);
      }
    }
  }

  /**
   * Adds the entry to the file as it is now (bibWrite.ts), created only if it is still missing (after
   * asking, unless `mayCreate`). Returns the key to cite, or undefined if the user declined to create the file.
   */
  private async write(named: vscode.Uri, written: vscode.Uri, candidate: BibCandidate, mayCreate: boolean): Promise<string | undefined> {
    const candidates = [candidate];
    const name = path.basename(written.path);
    let outcome: BibWriteOutcome<BibListPlan> | undefined;
    try {
      outcome = await appendToBib(written, (text) => planBibAppends(text, candidates), mayCreate || (() => this.confirmedCreate(named)), [named]);
    } catch (error) {
      this.log.error(`Could not add the entry to ${written.toString(true)}:`, error instanceof Error ? error.message : String(error));
      throw new UserError(vscode.l10n.t('Could not add the entry to {0}: {1}', name, error instanceof Error ? error.message : String(error)));
    }
    if (!outcome) {
      return undefined;
    }
    const key = outcome.keys[0] ?? candidate.wantedKey;
    if (outcome.outcome === 'exists') {
      this.log.info(`${name} already has ${candidate.arxivId} as ${key}.`);
    } else if (outcome.outcome === 'edited') {
      this.log.info(`Added ${key} to the open ${written.toString(true)}.`);
    } else {
      this.log.info(`Added ${key} to ${written.scheme === 'file' ? written.fsPath : written.toString(true)}.`);
    }
    // An edit went to the open document, which may be open under the name the document gave.
    const open = outcome.outcome === 'edited'
      ? vscode.workspace.textDocuments.find((document) => [written.toString(), named.toString()].includes(document.uri.toString()))?.uri : undefined;
    this.added.fire({ uri: open ?? written, key, outcome: outcome.outcome });
    return key;
  }

  /** The .bib the document names (relative to it), else paperFeed.citation.bibFile (relative to its workspace folder). */
  private locate(document: vscode.TextDocument): BibTarget | undefined {
    const text = document.uri.scheme === 'untitled' ? '' : document.getText();
    if (text.length > SCAN_LIMIT) {
      this.log.info(`${path.basename(document.uri.path)} is long: only its first ${SCAN_LIMIT} characters are searched for a bibliography.`);
    }
    return this.bibliographies(document, text)[0];
  }

  /**
   * Every .bib the document names, in order (relative to it); when it names none, the one
   * paperFeed.citation.bibFile names (relative to its workspace folder). `text` is the document's.
   */
  bibliographies(document: vscode.TextDocument, text = document.uri.scheme === 'untitled' ? '' : document.getText()): BibTarget[] {
    const named = text === '' ? [] : findBibliographies(kindForDocument(document.languageId, document.fileName), text);
    const targets = named.map((name) => this.resolve(name, vscode.Uri.joinPath(document.uri, '..')))
      .filter((uri): uri is vscode.Uri => uri !== undefined)
      .map((uri): BibTarget => ({ uri, namedBy: 'document' }));
    if (targets.length > 0) {
      return targets;
    }
    const folder = vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0];
    const uri = folder ? this.resolve(readCitationConfig(document.uri).bibFile, folder.uri) : undefined;
    return uri ? [{ uri, namedBy: 'setting' }] : [];
  }

  /** `written` relative to `base`: `..`, `~` and absolute paths on this machine; relative only elsewhere. */
  private resolve(written: string, base: vscode.Uri): vscode.Uri | undefined {
    if (base.scheme === 'file') {
      const resolved = resolveWrittenPath(written, { base: base.fsPath, home: os.homedir(), flavor: FLAVOR });
      return resolved === undefined ? undefined : vscode.Uri.file(resolved);
    }
    const relative = written.trim();
    return relative === '' || relative.startsWith('~') || path.posix.isAbsolute(relative) || path.win32.isAbsolute(relative) ? undefined : vscode.Uri.joinPath(base, relative);
  }

  /** Whether to write `target`: inside a workspace folder (or, with none open, the document's folder), or outside with consent. */
  private async decide(target: vscode.Uri, document: vscode.TextDocument, ask: (file: string) => Promise<OutsideChoice | undefined>): Promise<WriteDecision> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (target.scheme === 'file') {
      const roots = folders.filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
      if (folders.length === 0 && document.uri.scheme === 'file') {
        roots.push(path.dirname(document.uri.fsPath));
      }
      return decideWrite(target.fsPath, roots, this.fs, FLAVOR, ask);
    }
    const shown = target.toString(true);
    if (folders.some((folder) => folder.uri.scheme === target.scheme && folder.uri.authority === target.authority && isInside(target.path, folder.uri.path, 'posix'))) {
      return { action: 'write', path: shown };
    }
    const choice = await ask(shown);
    return choice === 'add' ? { action: 'write', path: shown } : choice === 'copy' ? { action: 'copy', path: shown } : { action: 'cancel' };
  }

  /** The remembered answer for this document (or the setting) and file, else the user's, remembered. */
  private async outsideAnswer(document: vscode.TextDocument, target: BibTarget, file: string)
    : Promise<{ choice: OutsideChoice; asked: boolean } | undefined> {
    const key = JSON.stringify([target.namedBy === 'setting' ? 'setting' : document.uri.toString(), file]);
    const answers = this.workspaceState.get<Record<string, OutsideChoice>>(WorkspaceStateKeys.outsideBibAnswers, {});
    const remembered = answers[key];
    if (remembered === 'add' || remembered === 'copy') {
      return { choice: remembered, asked: false };
    }
    const namedBy = target.namedBy === 'setting' ? 'paperFeed.citation.bibFile' : path.basename(document.uri.path);
    const choice = await this.confirmOutside(file, namedBy);
    this.log.info(`Writing outside the workspace to ${file} (named by ${namedBy}): ${choice ?? 'cancelled'}.`);
    if (choice === undefined) {
      return undefined;
    }
    const kept = Object.entries(answers).filter(([other]) => other !== key).slice(-(MAX_ANSWERS - 1));
    await this.workspaceState.update(WorkspaceStateKeys.outsideBibAnswers, Object.fromEntries([...kept, [key, choice]]));
    return { choice, asked: true };
  }

  /** The user chose not to write the file: the entry goes to the clipboard (now, or when asked for). */
  private async leaveOutside(entry: string, key: string, file: string, asked: boolean): Promise<void> {
    if (asked) {
      await vscode.env.clipboard.writeText(entry);
      void vscode.window.showInformationMessage(escapeMessageLinks(vscode.l10n.t('Paper Feed cited {0} and left {1} as it is: the entry is on the clipboard.', key, file)));
      return;
    }
    const copyEntry = vscode.l10n.t('Copy Entry');
    void vscode.window.showInformationMessage(
      escapeMessageLinks(vscode.l10n.t('Paper Feed cited {0} but did not add it to {1}, outside the workspace, as you chose for this document.', key, file)), copyEntry,
    ).then((choice) => (choice === copyEntry ? vscode.env.clipboard.writeText(entry) : undefined));
  }

  /** Asks once per file before creating a .bib in the workspace; remembers the answer yes. */
  private async confirmedCreate(uri: vscode.Uri): Promise<boolean> {
    const confirmed = this.globalState.get<string[]>(GlobalStateKeys.createdBibFiles, []);
    if (confirmed.includes(uri.toString())) {
      return true;
    }
    if (!(await this.confirmCreate(vscode.workspace.asRelativePath(uri)))) {
      return false;
    }
    await this.globalState.update(GlobalStateKeys.createdBibFiles, [...confirmed, uri.toString()]);
    return true;
  }
}

/**
 * The entry options for a document: in a LaTeX document that loads biblatex, a preprint in arXiv's
 * own form (biblatex prints its eprint; the portable form's howpublished would show the id twice).
 */
function forDocument(options: EntryOptions, document: vscode.TextDocument): EntryOptions {
  const kind = kindForDocument(document.languageId, document.fileName);
  return options.style === 'portable' && document.uri.scheme !== 'untitled' && usesBiblatex(kind, document.getText()) ? { ...options, style: 'arxiv' } : options;
}
