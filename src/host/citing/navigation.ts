/**
 * Go to Definition on a cited key (its entries in the document's .bib files, or the `\bibitem` /
 * Typst label that defines it in the document) and Find All References (its citations in the
 * workspace's LaTeX, Markdown, Quarto, R Markdown, Typst and reST files, from a citation or from the
 * entry's key in a .bib). Both follow `paperFeed.completion.enabled`.
 */
import * as vscode from 'vscode';
import { citedKeys, type CitedKey, isCiteKind } from '../../core/citation/citeSyntax';
import { kindForDocument } from '../../core/citation/insert';
import { bibEntriesOf, bibEntryAtKey, citationsOf, definedKeyLocations, LineMap, locatedAt } from '../../core/citation/keyLocations';
import { readCompletionEnabled } from '../config';
import { citeKindOf } from './bibIndex';
import type { BibIndex } from './bibIndex';
import type { DocumentCites } from './documentCites';

/** What navigation uses of registerCiting's dependencies (declared here: registerCiting imports this file). */
export interface NavigationDeps {
  readonly log: vscode.LogOutputChannel;
  readonly bibIndex: Pick<BibIndex, 'load' | 'database'>;
  readonly cites: Pick<DocumentCites, 'keyAt' | 'of'>;
}

/** The files Find All References reads (open documents are read from their editors). */
export const REFERENCE_FILES = '**/*.{tex,ltx,md,markdown,qmd,rmd,Rmd,typ,rst}';
const EXCLUDED = '{**/node_modules/**,**/.git/**}';
const MAX_FILES = 2_000;
/** Larger files are not read (generated or hostile). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** .bib documents, for Find All References from an entry's key. */
export const BIB_SELECTOR: vscode.DocumentSelector = [
  { language: 'bibtex', scheme: 'file' }, { language: 'bibtex', scheme: 'untitled' },
  { scheme: 'file', pattern: '**/*.bib' },
];

function range(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

/** The key the cursor is on in a citing document: a citation, or a `\bibitem` / label the document defines. */
function keyUnder(deps: NavigationDeps, document: vscode.TextDocument, position: vscode.Position): string | undefined {
  const cited = deps.cites.keyAt(document, position);
  if (cited) {
    return cited.key;
  }
  const kind = citeKindOf(document);
  return kind ? locatedAt(definedKeyLocations(document.getText(), kind), document.offsetAt(position))?.key : undefined;
}

/** Where `key` is defined for `document`: its .bib entries, then the document's own definitions. */
async function definitionsOf(deps: NavigationDeps, document: vscode.TextDocument, key: string): Promise<vscode.Location[]> {
  const locations: vscode.Location[] = [];
  for (const bib of await deps.bibIndex.load(document)) {
    const entries = bib.database ? bibEntriesOf(bib.database, key) : [];
    if (entries.length === 0) {
      continue;
    }
    const open = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === bib.uri.toString());
    const lines = open ? undefined : new LineMap(new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(bib.uri)));
    for (const entry of entries) {
      const [start, end] = [entry.keyStart, entry.keyStart + entry.key.length];
      const at = (offset: number): vscode.Position => {
        if (open) {
          return open.positionAt(offset);
        }
        const position = (lines as LineMap).position(offset);
        return new vscode.Position(position.line, position.character);
      };
      locations.push(new vscode.Location(bib.uri, new vscode.Range(at(start), at(end))));
    }
  }
  const kind = citeKindOf(document);
  if (kind) {
    for (const defined of definedKeyLocations(document.getText(), kind)) {
      if (defined.key.toLowerCase() === key.toLowerCase()) {
        locations.push(new vscode.Location(document.uri, range(document, defined.start, defined.end)));
      }
    }
  }
  return locations;
}

export class CitationDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly deps: NavigationDeps) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[] | undefined> {
    if (!readCompletionEnabled(document.uri)) {
      return undefined;
    }
    const key = this.deps.cites.keyAt(document, position)?.key;
    if (!key) {
      return undefined;
    }
    try {
      return await definitionsOf(this.deps, document, key);
    } catch (error) {
      this.deps.log.warn(`Go to Definition of ${key}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}

/** The citations of `key` in one file, read from its editor when open. */
async function citationsInFile(deps: NavigationDeps, uri: vscode.Uri, key: string): Promise<vscode.Location[]> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) {
    const citations = deps.cites.of(open);
    return citations ? citationsOf(citations.keys, key).map((cited) => new vscode.Location(uri, range(open, cited.start, cited.end))) : [];
  }
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.size > MAX_FILE_BYTES) {
    return [];
  }
  const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  // A file that is not open has no language: its kind comes from its extension.
  const kind = kindForDocument('', uri.path);
  if (!isCiteKind(kind) || !text.toLowerCase().includes(key.toLowerCase())) {
    return [];
  }
  const lines = new LineMap(text);
  const at = (offset: number): vscode.Position => {
    const position = lines.position(offset);
    return new vscode.Position(position.line, position.character);
  };
  return citationsOf(citedKeys(text, kind), key).map((cited: CitedKey) => new vscode.Location(uri, new vscode.Range(at(cited.start), at(cited.end))));
}

/** Every citation of `key` in the open citing documents and the workspace's files of those languages. */
export async function workspaceCitations(deps: NavigationDeps, key: string, token: vscode.CancellationToken): Promise<vscode.Location[]> {
  const uris = new Map<string, vscode.Uri>();
  for (const document of vscode.workspace.textDocuments) {
    if (citeKindOf(document)) {
      uris.set(document.uri.toString(), document.uri);
    }
  }
  const files = await vscode.workspace.findFiles(REFERENCE_FILES, EXCLUDED, MAX_FILES, token);
  files.forEach((uri) => uris.set(uri.toString(), uri));
  const locations: vscode.Location[] = [];
  for (const uri of uris.values()) {
    if (token.isCancellationRequested) {
      return [];
    }
    try {
      locations.push(...await citationsInFile(deps, uri, key));
    } catch (error) {
      deps.log.debug(`Find All References: skipped ${uri.toString(true)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return locations;
}

export class CitationReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly deps: NavigationDeps) {}

  async provideReferences(
    document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext, token: vscode.CancellationToken,
  ): Promise<vscode.Location[] | undefined> {
    if (!readCompletionEnabled(document.uri)) {
      return undefined;
    }
    let key: string | undefined;
    let declarations: vscode.Location[] = [];
    if (citeKindOf(document)) {
      key = keyUnder(this.deps, document, position);
      if (key && context.includeDeclaration) {
        declarations = await definitionsOf(this.deps, document, key);
      }
    } else {
      const database = await this.deps.bibIndex.database(document.uri);
      const entry = database ? bibEntryAtKey(database, document.offsetAt(position)) : undefined;
      key = entry?.key;
      if (entry && context.includeDeclaration) {
        declarations = [new vscode.Location(document.uri, range(document, entry.keyStart, entry.keyStart + entry.key.length))];
      }
    }
    if (!key || token.isCancellationRequested) {
      return undefined;
    }
    const citations = await workspaceCitations(this.deps, key, token);
    return token.isCancellationRequested ? undefined : [...declarations, ...citations];
  }
}
