/**
 * The keys a document cites and defines, found once per document version (citeSyntax.ts) and kept
 * while the document is open: hovers, definitions, references and diagnostics ask here.
 */
import * as vscode from 'vscode';
import { type CiteKind, type CitedKey, citedKeys, definedKeys } from '../../core/citation/citeSyntax';
import { Disposable } from '../disposable';
import { citeKindOf } from './bibIndex';

export interface DocumentCitations {
  readonly kind: CiteKind;
  /** In document order. */
  readonly keys: readonly CitedKey[];
  /** Keys the document defines itself (\bibitem, Typst labels). */
  readonly defined: ReadonlySet<string>;
}

export class DocumentCites extends Disposable {
  private readonly known = new Map<string, { readonly version: number; readonly citations: DocumentCitations }>();

  constructor() {
    super();
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.known.delete(document.uri.toString())));
  }

  /** The document's citations, or undefined when it does not cite by key. */
  of(document: vscode.TextDocument): DocumentCitations | undefined {
    const kind = citeKindOf(document);
    if (!kind) {
      return undefined;
    }
    const key = document.uri.toString();
    const known = this.known.get(key);
    if (known?.version === document.version && known.citations.kind === kind) {
      return known.citations;
    }
    const text = document.getText();
    const citations: DocumentCitations = { kind, keys: citedKeys(text, kind), defined: definedKeys(text, kind) };
    this.known.set(key, { version: document.version, citations });
    return citations;
  }

  /** The cited key at `position`, if the position is on one. */
  keyAt(document: vscode.TextDocument, position: vscode.Position): CitedKey | undefined {
    const citations = this.of(document);
    if (!citations) {
      return undefined;
    }
    const offset = document.offsetAt(position);
    // Keys are in document order: a binary search finds the last one starting at or before the offset.
    let low = 0;
    let high = citations.keys.length - 1;
    let found: CitedKey | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const key = citations.keys[middle];
      if (key && key.start <= offset) {
        found = key;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found && offset <= found.end ? found : undefined;
  }
}
