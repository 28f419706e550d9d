/**
 * Citation key completion in LaTeX, Markdown (Quarto, R Markdown), Typst and reStructuredText: inside
 * a citation, the keys of the document's .bib files, then saved papers, then the whole archive through
 * the search worker (the typed text is the query). Accepting a paper that is not in the .bib inserts
 * the key Insert Citation would write, and its command adds the entry (commands/citeCompletion.ts).
 *
 * Only the cursor's line is read (never the whole document on a keystroke); the .bib files come parsed
 * from the BibIndex, once per version. The list is always incomplete: VS Code asks again as the user
 * types, and the archive's answer follows the words.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { bibEntryDoc, completionDocMarkdown, paperDoc } from '../../core/citation/bibCompletion';
import { type CiteContext, citeContextAt, type CiteKind, inFencedCode } from '../../core/citation/citeSyntax';
import { ARCHIVE_ITEMS, archiveItems, bibItems, type CompletionSource, emptyCovered, type PlannedItem, savedItems, type Typed } from '../../core/citation/completionPlan';
import { citationYear } from '../../core/citation/keys';
import type { Paper } from '../../core/paper/model';
import { readCitationConfig, readCompletionEnabled } from '../config';
import { InternalCommands } from '../ids';
import type { PaperStore } from '../paperStore';
import type { SavedPapers } from '../savedPapers';
import type { SearchService } from '../searchService';
import { type BibIndex, citeKindOf } from './bibIndex';

/** What completion reads (registerCiting.ts `CitingDeps` has all of it). */
export interface CompletionDeps {
  readonly log: vscode.LogOutputChannel;
  readonly bibIndex: BibIndex;
  readonly search: SearchService;
  readonly saved: SavedPapers;
  readonly store: PaperStore;
}

/** Characters that open a citation or a key: `\cite{`, `\cite{a,`, `[@`, `#cite(<`, `:cite:\``. */
export const COMPLETION_TRIGGERS = ['{', ',', '@', '<', '`'];

/** How far either side of the cursor the line is read (longer lines are cut: a citation is shorter). */
const WINDOW = 2_000;

/** Shortest typed text sent to the search (one letter finds everything). */
const MIN_QUERY = 2;

/** A completion item that remembers what it stands for, for its documentation and its command. */
export class CiteCompletionItem extends vscode.CompletionItem {
  constructor(planned: PlannedItem, readonly source: CompletionSource) {
    super({ label: planned.key, description: planned.description }, ITEM_KIND[source.from]);
  }
}

const ITEM_KIND: Record<CompletionSource['from'], vscode.CompletionItemKind> = {
  bib: vscode.CompletionItemKind.Reference,
  saved: vscode.CompletionItemKind.Folder,
  archive: vscode.CompletionItemKind.File,
};

/** The key typed at `position`, read from its line (and the text above it in a fenced code block), with its range in the document. */
export function citeContextAtPosition(document: vscode.TextDocument, position: vscode.Position, kind: CiteKind)
  : { readonly context: CiteContext; readonly range: vscode.Range } | undefined {
  const line = document.lineAt(position.line).text;
  const from = Math.max(0, position.character - WINDOW);
  const text = line.slice(from, Math.min(line.length, position.character + WINDOW));
  const context = citeContextAt(text, position.character - from, kind);
  if (!context) {
    return undefined;
  }
  // Only once an `@` is typed: the text above the line, for a fence that is still open.
  if ((kind === 'pandoc' || kind === 'typst') && position.line > 0 && inFencedCode(document.getText(new vscode.Range(0, 0, position.line, 0)))) {
    return undefined;
  }
  return { context, range: new vscode.Range(position.line, from + context.start, position.line, from + context.end) };
}

export class CiteCompletionProvider implements vscode.CompletionItemProvider<CiteCompletionItem> {
  constructor(private readonly deps: CompletionDeps) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken)
    : Promise<vscode.CompletionList<CiteCompletionItem> | undefined> {
    if (!readCompletionEnabled(document.uri)) {
      return undefined;
    }
    const kind = citeKindOf(document);
    const found = kind && citeContextAtPosition(document, position, kind);
    if (!found) {
      return undefined;
    }
    const { context, range } = found;
    const typed: Typed = { prefix: context.prefix, exclude: new Set(context.others.map((key) => key.toLowerCase())) };
    const query = context.prefix.trim();
    // The search runs in its worker while the .bib part is made here.
    const searching = query.length >= MIN_QUERY
      ? this.deps.search.search(query, ARCHIVE_ITEMS).then((answer) => answer.hits, (error: unknown) => {
        this.deps.log.warn(`Completion could not search the archive: ${error instanceof Error ? error.message : String(error)}`);
        return [];
      })
      : Promise.resolve([]);
    const bibs = await this.deps.bibIndex.load(document);
    const covered = emptyCovered();
    const { keyFormat } = readCitationConfig(document.uri);
    const planned = [
      ...bibItems(typed, bibs.flatMap((bib) => (bib.database ? [{ file: path.basename(bib.uri.path), database: bib.database }] : [])), covered),
      ...savedItems(typed, this.deps.saved.list().map((entry) => entry.paper), keyFormat, covered),
    ];
    const hits = await searching;
    if (token.isCancellationRequested) {
      return undefined;
    }
    planned.push(...archiveItems(typed, hits, keyFormat, covered));
    return new vscode.CompletionList(planned.map((item) => this.item(document, item, range)), true);
  }

  private item(document: vscode.TextDocument, planned: PlannedItem, range: vscode.Range): CiteCompletionItem {
    const item = new CiteCompletionItem(planned, planned.source);
    item.insertText = planned.key;
    item.range = range;
    item.filterText = planned.filterText;
    item.sortText = planned.sortText;
    switch (planned.source.from) {
      case 'bib':
        item.detail = vscode.l10n.t('in {0}', planned.source.file);
        break;
      case 'saved':
        item.detail = vscode.l10n.t('Saved');
        break;
      case 'archive':
        item.detail = vscode.l10n.t('Paper Feed archive');
        break;
    }
    if (planned.source.from !== 'bib') {
      // Accepting inserts the key (one undoable edit); then the entry goes into the .bib.
      item.command = {
        command: InternalCommands.citeCompletion,
        title: vscode.l10n.t('Add to the bibliography'),
        arguments: [{ uri: document.uri.toString(), line: range.start.line, character: range.start.character, key: planned.key, id: planned.source.paper.id }],
      };
    }
    return item;
  }

  async resolveCompletionItem(item: CiteCompletionItem, token: vscode.CancellationToken): Promise<CiteCompletionItem> {
    const source = item.source;
    let markdown: string;
    if (source.from === 'bib') {
      markdown = completionDocMarkdown(bibEntryDoc(source.summary));
    } else {
      const paper = source.from === 'saved' ? source.paper : (await this.fullPaper(source.paper.id)) ?? source.paper;
      if (token.isCancellationRequested) {
        return item;
      }
      const upvotes = source.from === 'archive' ? source.card.upvotes : paper.upvotes;
      markdown = completionDocMarkdown({
        ...paperDoc(paper, citationYear(paper)),
        ...(source.from === 'archive' ? { authorCount: source.card.authorCount } : {}),
        ...(upvotes !== undefined ? { upvotes } : {}),
      });
    }
    // Escaped text only, and no command is enabled: nothing in it runs.
    item.documentation = new vscode.MarkdownString(markdown);
    return item;
  }

  /** A paper of the archive in full: held by the host, else read from the cache by the worker. */
  private async fullPaper(id: string): Promise<Paper | undefined> {
    try {
      return this.deps.store.get(id) ?? (await this.deps.search.papers([id]))[0];
    } catch {
      return undefined;
    }
  }
}
