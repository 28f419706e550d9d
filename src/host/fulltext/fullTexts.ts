import * as vscode from 'vscode';
import { FeedError } from '../../core/feed/http';
import type { HfClient } from '../../core/feed/hfClient';
import type { FullTextSource, ReadingDocument } from '../../core/fulltext/fullText';
import { FULLTEXT_MAX_BYTES } from '../../core/fulltext/fullTextFiles';
import { FullTextStore } from '../../core/fulltext/fullTextStore';
import { readingDocument, type ReadingLabels } from '../../core/fulltext/readingDoc';
import { parseFullTextResponse } from '../../core/fulltext/response';
import type { Paper } from '../../core/paper/model';
import { escapeMessageLinks, shortTitle } from '../../core/view/present';
import { Disposable } from '../disposable';
import { FullTextDocuments, fullTextIdOf, fullTextUri } from './fullTextDocuments';

/** Why there is no full text to show: Hugging Face has none, it is too large, or it could not be fetched. */
export type FullTextMiss = 'none' | 'tooLarge' | 'failed';

/** What Read Full Text tells the user when there is no full text; replaced by the tests. */
export class FullTextPrompts {
  /** No full text: says why, and offers arXiv's HTML page (and the PDF). */
  missing: (paper: Paper, why: FullTextMiss, detail: string) => Thenable<'html' | 'pdf' | 'retry' | undefined> = async (paper, why, detail) => {
    const title = escapeMessageLinks(shortTitle(paper.title));
    const html = vscode.l10n.t('Open arXiv HTML');
    const pdf = vscode.l10n.t('Open PDF');
    const retry = vscode.l10n.t('Try Again');
    const message = why === 'none'
      ? vscode.l10n.t('Hugging Face has no full text of “{0}” (arXiv has no HTML version of it).', title)
      : why === 'tooLarge'
        ? vscode.l10n.t('The full text of “{0}” is larger than {1} MB, more than Paper Feed keeps. Read it on arXiv.', title, FULLTEXT_MAX_BYTES / 1_048_576)
        : vscode.l10n.t('The full text of “{0}” is not kept yet, and Hugging Face could not be asked: {1}', title, escapeMessageLinks(detail));
    const choice = await vscode.window.showWarningMessage(message, html, pdf, ...(why === 'failed' ? [retry] : []));
    return choice === html ? 'html' : choice === pdf ? 'pdf' : choice === retry ? 'retry' : undefined;
  };
}

export interface FullTextDeps {
  /** The paper cache's folder: full texts are kept beside it. */
  readonly cacheDir: string;
  readonly client: () => HfClient;
  readonly explainFailure: (error: unknown, what: string) => string;
  /** The last refresh found no connection: images are not asked for. */
  readonly offline: () => boolean;
  /** Papers of the reading list: their full texts are kept whatever the count, and searched. */
  readonly savedIds: () => readonly string[];
  readonly onDidChangeSaved: vscode.Event<void>;
  /** Tells the search worker which full texts `in:fulltext` searches. */
  readonly searchFullTexts: (ids: readonly string[]) => void;
  /** A paper by id, for a document VS Code restores. */
  readonly paperOf: (id: string) => Promise<Paper | undefined>;
  /** Opens a link through the link policy (the fallbacks). */
  readonly openLink: (url: string, paper: Paper) => Thenable<unknown>;
  readonly log: vscode.LogOutputChannel;
  readonly prompts: FullTextPrompts;
}

/** What the last Read Full Text showed (for the tests and the log). */
export interface FullTextShown {
  readonly id: string;
  readonly uri: vscode.Uri;
  readonly fromCache: boolean;
  readonly document: ReadingDocument;
}

/**
 * Read Full Text: Hugging Face's Markdown of a paper (`/papers/{id}.md`), kept beside the cache
 * (read offline afterwards), made inert and shown read-only in VS Code's Markdown preview from a
 * virtual document titled with the paper. When there is no full text, arXiv's HTML page is offered.
 */
export class FullTexts extends Disposable {
  private readonly store: FullTextStore;
  private readonly documents: FullTextDocuments;
  /** Titles of the previews opened (`Preview <name>.md`), by paper id: which paper a preview tab reads. */
  private readonly tabLabels = new Map<string, string>();
  /** The last request this window made for a full text failed for lack of a connection. */
  private unreachable = false;
  private readonly shown = this._register(new vscode.EventEmitter<FullTextShown>());
  /** A full text was shown (its document and the preview). */
  readonly onDidShow = this.shown.event;
  private readonly labelled = this._register(new vscode.EventEmitter<void>());
  /** A full text's preview may be on screen: shown now, or restored by VS Code after a reload. */
  readonly onDidLabel = this.labelled.event;

  constructor(private readonly deps: FullTextDeps) {
    super();
    this.store = new FullTextStore(deps.cacheDir);
    // A document VS Code asks for itself is a preview it restores: its tab is then known too.
    this.documents = this._register(new FullTextDocuments((id, uri) => {
      this.remember(id, uri);
      return this.renderKept(id);
    }));
  }

  /** After the first load: tells search which saved papers' full texts are kept, and again as the reading list changes. */
  start(): void {
    this._register(this.deps.onDidChangeSaved(() => void this.announce()));
    void this.announce();
  }

  /** Shows `paper`'s full text: kept, else fetched and kept; a fallback offered when there is none. */
  async open(paper: Paper, options: { readonly beside?: boolean } = {}): Promise<FullTextShown | undefined> {
    let raw = await this.store.read(paper.id);
    const fromCache = raw !== undefined;
    let contentType: string | undefined;
    if (raw === undefined) {
      const fetched = await this.fetch(paper);
      if (!fetched) {
        return undefined;
      }
      ({ body: raw, contentType } = fetched);
    }
    const parsed = parseFullTextResponse(raw, contentType);
    if (!parsed.ok || !parsed.source.isFullText) {
      this.deps.log.info(`Full text of ${paper.id}: ${parsed.ok ? 'Hugging Face answered with its paper page (no arXiv HTML)' : parsed.reason}`);
      void this.fallback(paper, 'none', '');
      return undefined;
    }
    if (!fromCache) {
      await this.store.write(paper.id, raw).catch((error: unknown) => this.deps.log.warn(`Could not keep the full text of ${paper.id}: ${String(error)}`));
      void this.announce();
    }
    const document = this.render(parsed.source, paper);
    const uri = fullTextUri(paper.id, paper.title);
    this.documents.set(uri, document.markdown);
    this.remember(paper.id, uri);
    await vscode.commands.executeCommand(options.beside ? 'markdown.showPreviewToSide' : 'markdown.showPreview', uri);
    const result: FullTextShown = { id: paper.id, uri, fromCache, document };
    this.shown.fire(result);
    return result;
  }

  /** The title of the preview of `uri` ("Preview <name>.md"), by which its tab is known as `id`'s. */
  private remember(id: string, uri: vscode.Uri): void {
    this.tabLabels.set(id, `Preview ${uri.path.split('/').pop() ?? ''}`);
    this.labelled.fire();
  }

  /** The paper whose full text the active tab shows (its preview or its document), if any. */
  activePaperId(): string | undefined {
    const editorId = fullTextIdOf(vscode.window.activeTextEditor?.document.uri);
    if (editorId) {
      return editorId;
    }
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    if (!tab) {
      return undefined;
    }
    if (tab.input instanceof vscode.TabInputText) {
      return fullTextIdOf(tab.input.uri);
    }
    for (const [id, label] of this.tabLabels) {
      if (tab.label === label) {
        return id;
      }
    }
    return undefined;
  }

  /** A kept full text's document Markdown, for a document VS Code asks for again. */
  async renderKept(id: string): Promise<string | undefined> {
    const raw = await this.store.read(id);
    const parsed = raw === undefined ? undefined : parseFullTextResponse(raw);
    if (!parsed?.ok) {
      return undefined;
    }
    const paper = await this.deps.paperOf(id);
    return this.render(parsed.source, paper ?? { id, title: parsed.source.title ?? id, authors: [] }).markdown;
  }

  private render(source: FullTextSource, paper: Pick<Paper, 'id' | 'title' | 'authors' | 'projectPage'>): ReadingDocument {
    return readingDocument(source, paper, { imagesOnline: !this.unreachable && !this.deps.offline(), labels: readingLabels() });
  }

  private async fetch(paper: Paper): Promise<{ body: string; contentType: string } | undefined> {
    try {
      const answer = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Fetching the full text of “{0}”', shortTitle(paper.title)) },
        () => this.deps.client().fullText(paper.id, FULLTEXT_MAX_BYTES),
      );
      this.unreachable = false;
      if (!answer) {
        void this.fallback(paper, 'none', '');
      }
      return answer;
    } catch (error) {
      if (error instanceof FeedError && error.kind === 'tooLarge') {
        this.deps.log.warn(`The full text of ${paper.id} is over ${FULLTEXT_MAX_BYTES} bytes: not kept.`);
        void this.fallback(paper, 'tooLarge', '');
        return undefined;
      }
      this.unreachable = error instanceof FeedError && (error.kind === 'network' || error.kind === 'timeout');
      void this.fallback(paper, 'failed', this.deps.explainFailure(error, `Fetching the full text of ${paper.id}`));
      return undefined;
    }
  }

  private async fallback(paper: Paper, why: FullTextMiss, detail: string): Promise<void> {
    const choice = await this.deps.prompts.missing(paper, why, detail);
    if (choice === 'html') {
      await this.deps.openLink(`https://arxiv.org/html/${paper.id}`, paper);
    } else if (choice === 'pdf') {
      await this.deps.openLink(`https://arxiv.org/pdf/${paper.id}`, paper);
    } else if (choice === 'retry') {
      await this.open(paper);
    }
  }

  /** Tells search which saved papers have a full text kept, and prunes the others past the limit. */
  private async announce(): Promise<void> {
    const saved = new Set(this.deps.savedIds());
    await this.store.prune(saved).catch(() => 0);
    const kept = await this.store.ids();
    this.deps.searchFullTexts(kept.filter((id) => saved.has(id)));
  }
}

/** The reading document's own words, in the display language. */
function readingLabels(): ReadingLabels {
  return {
    contents: vscode.l10n.t('Contents'),
    fromArxivHtml: vscode.l10n.t('Full text from Hugging Face, converted from {0}.'),
    arxivHtml: vscode.l10n.t('arXiv\'s HTML'),
    abstractOnly: vscode.l10n.t('arXiv has no HTML version of this paper: Hugging Face has only its abstract.'),
    etAl: vscode.l10n.t('et al.'),
  };
}
