/**
 * The bibliographies a document cites from, parsed once per version: an open .bib document by its
 * version, a file on disk by its modification time and size. Completion, hovers, definitions and
 * diagnostics all ask here, on every keystroke if they like; nothing is parsed twice.
 */
import * as vscode from 'vscode';
import { type BibDatabase, parseBib } from '../../core/citation/bibEntries';
import { isCiteKind, type CiteKind } from '../../core/citation/citeSyntax';
import { kindForDocument } from '../../core/citation/insert';
import type { BibFiles, BibTarget } from '../bibFiles';
import { onDidChangeSettings } from '../config';
import { Disposable } from '../disposable';

/** Larger files are not read (a .bib of 5,000 entries is about 2 MB). */
const MAX_BIB_BYTES = 64 * 1024 * 1024;

export interface LoadedBib {
  readonly uri: vscode.Uri;
  /** Named by the document, or by `paperFeed.citation.bibFile` when the document names none. */
  readonly namedBy: BibTarget['namedBy'];
  /** Undefined when the file is missing or unreadable. */
  readonly database: BibDatabase | undefined;
}

interface Parsed {
  readonly stamp: string;
  readonly database: BibDatabase | undefined;
}

/** The kind of citations a document writes, when it cites by key. */
export function citeKindOf(document: vscode.TextDocument): CiteKind | undefined {
  const kind = kindForDocument(document.languageId, document.fileName);
  return isCiteKind(kind) ? kind : undefined;
}

export class BibIndex extends Disposable {
  private readonly parsed = new Map<string, Parsed>();
  private readonly targets = new Map<string, { version: number; targets: BibTarget[] }>();
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());
  /** A .bib file changed (on disk or in an editor). */
  readonly onDidChange = this.changed.event;

  private watching = false;

  constructor(private readonly bibFiles: BibFiles, private readonly log: vscode.LogOutputChannel) {
    super();
  }

  /** Starts following .bib changes when first asked (not at activation). */
  private watch(): void {
    if (this.watching) {
      return;
    }
    this.watching = true;
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*.bib'));
    const forget = (uri: vscode.Uri): void => {
      this.parsed.delete(uri.toString());
      this.changed.fire(uri);
    };
    this._register(watcher.onDidChange(forget));
    this._register(watcher.onDidCreate(forget));
    this._register(watcher.onDidDelete(forget));
    // An entry Paper Feed added, to a file the watcher may not see (outside the workspace) or soon
    // enough: read again now.
    this._register(this.bibFiles.onDidAdd((added) => forget(added.uri)));
    // Which file the setting names, and where folders are, may change what a document cites from.
    const forgetTargets = (): void => {
      this.targets.clear();
      this.changed.fire(vscode.Uri.parse('untitled:paper-feed-bibliographies'));
    };
    this._register(onDidChangeSettings(['citation.bibFile'], forgetTargets));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(forgetTargets));
    this._register(vscode.workspace.onDidChangeTextDocument((event) => {
      if (this.parsed.has(event.document.uri.toString())) {
        this.changed.fire(event.document.uri);
      }
    }));
    this._register(vscode.workspace.onDidCloseTextDocument((document) => {
      this.targets.delete(document.uri.toString());
      if (this.parsed.has(document.uri.toString())) {
        this.parsed.delete(document.uri.toString()); // the file on disk may differ from the closed editor
        this.changed.fire(document.uri);
      }
    }));
  }

  /** The bibliographies of `document`, parsed (cached per document version). */
  async load(document: vscode.TextDocument): Promise<LoadedBib[]> {
    const targets = this.targetsOf(document);
    return Promise.all(targets.map(async (target) => ({ ...target, database: await this.database(target.uri) })));
  }

  /** Which .bib files the document names (cached per document version). */
  targetsOf(document: vscode.TextDocument): BibTarget[] {
    const key = document.uri.toString();
    const known = this.targets.get(key);
    if (known?.version === document.version) {
      return known.targets;
    }
    const targets = this.bibFiles.bibliographies(document);
    this.targets.set(key, { version: document.version, targets });
    return targets;
  }

  /** A .bib's entries: from its open editor if there is one, else from disk. */
  async database(uri: vscode.Uri): Promise<BibDatabase | undefined> {
    this.watch();
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
    let stamp: string;
    if (open) {
      stamp = `open:${open.version}`;
    } else {
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size > MAX_BIB_BYTES) {
          this.log.warn(`${uri.toString(true)} is larger than ${MAX_BIB_BYTES} bytes: its entries are not read.`);
          return undefined;
        }
        stamp = `disk:${stat.mtime}:${stat.size}`;
      } catch {
        return undefined; // missing
      }
    }
    const cached = this.parsed.get(key);
    if (cached?.stamp === stamp) {
      return cached.database;
    }
    let database: BibDatabase | undefined;
    try {
      const text = open ? open.getText() : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      database = parseBib(text);
    } catch (error) {
      this.log.warn(`Could not read ${uri.toString(true)}: ${error instanceof Error ? error.message : String(error)}`);
      database = undefined;
    }
    this.parsed.set(key, { stamp, database });
    return database;
  }
}
