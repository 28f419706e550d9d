/**
 * "‘key’ is not in refs.bib": a warning on each cited key that no bibliography of the document
 * defines (the decision is core/citation/missingKeys.ts). Checked when a citing document opens,
 * 300 ms after it changes (a newer check makes an older one stale), when a .bib changes and when the
 * settings do; gone when the document closes or `paperFeed.completion.enabled` is turned off.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { namesUnreadBibliography } from '../../core/citation/bibliography';
import { missingKeys } from '../../core/citation/missingKeys';
import { onDidChangeSettings, readCompletionEnabled } from '../config';
import { Disposable } from '../disposable';
import { type BibIndex, citeKindOf } from './bibIndex';
import type { DocumentCites } from './documentCites';

/** The diagnostics' `code`, which the quick fix (missingKeyFix.ts) looks for. */
export const MISSING_KEY_CODE = 'missing-key';
export const DIAGNOSTIC_SOURCE = 'Paper Feed';

const CHANGE_DELAY_MS = 300;
/**
 * After a .bib changes: every open citing document is checked again once typing in the .bib pauses
 * (each check may parse the .bib again: not on every keystroke in it).
 */
const BIB_DELAY_MS = 750;

/** Whether a diagnostic is one of ours, about a missing key. */
export function isMissingKeyDiagnostic(diagnostic: vscode.Diagnostic): boolean {
  return diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.code === MISSING_KEY_CODE;
}

export class CitingDiagnostics extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('paperFeed'));
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per document: the number of the latest check; an older check's result is dropped. */
  private readonly generations = new Map<string, number>();

  constructor(private readonly deps: { readonly bibIndex: BibIndex; readonly cites: DocumentCites; readonly log: vscode.LogOutputChannel }) {
    super();
    this._register({ dispose: () => this.timers.forEach((timer) => clearTimeout(timer)) });
    this._register(vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)));
    this._register(vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) {
        this.schedule(event.document, CHANGE_DELAY_MS);
      }
    }));
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)));
    this._register(deps.bibIndex.onDidChange(() => this.scheduleAll(BIB_DELAY_MS)));
    this._register(onDidChangeSettings(['completion.enabled', 'citation.bibFile'], () => {
      for (const document of vscode.workspace.textDocuments) {
        if (!readCompletionEnabled(document.uri)) {
          this.forget(document.uri); // at once, not after a delay
        }
      }
      this.scheduleAll(0);
    }));
    this.scheduleAll(0);
  }

  private scheduleAll(delayMs: number): void {
    vscode.workspace.textDocuments.forEach((document) => this.schedule(document, delayMs));
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!citeKindOf(document) || document.isClosed) {
      return;
    }
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation); // a check under way is stale from now on
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.check(document, generation).catch((error: unknown) => {
        this.deps.log.warn(`Could not check the citations of ${document.uri.toString(true)}: ${error instanceof Error ? error.message : String(error)}`);
      });
    }, delayMs));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.collection.delete(uri);
    if (vscode.workspace.textDocuments.every((document) => document.uri.toString() !== key)) {
      this.generations.delete(key);
    }
  }

  private async check(document: vscode.TextDocument, generation: number): Promise<void> {
    const key = document.uri.toString();
    const current = (): boolean => this.generations.get(key) === generation && !document.isClosed;
    const citations = readCompletionEnabled(document.uri) ? this.deps.cites.of(document) : undefined;
    if (!citations || citations.keys.length === 0) {
      this.collection.delete(document.uri);
      return;
    }
    const version = document.version;
    const text = document.getText();
    const loaded = await this.deps.bibIndex.load(document);
    if (!current() || document.version !== version) {
      return;
    }
    const missing = missingKeys({
      kind: citations.kind, text, keys: citations.keys, defined: citations.defined,
      bibliographies: loaded.map((bib) => ({ name: path.posix.basename(bib.uri.path), namedBy: bib.namedBy, database: bib.database })),
      namesUnread: namesUnreadBibliography(citations.kind, text),
    });
    this.collection.set(document.uri, missing.map(({ key, files }) => {
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(document.positionAt(key.start), document.positionAt(key.end)),
        vscode.l10n.t('‘{0}’ is not in {1}', key.key, files.join(', ')),
        vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = MISSING_KEY_CODE;
      return diagnostic;
    }));
  }
}
