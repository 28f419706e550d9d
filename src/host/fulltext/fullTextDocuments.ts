import * as vscode from 'vscode';
import { isFullTextId } from '../../core/fulltext/fullTextFiles';
import { Disposable } from '../disposable';
import { FULLTEXT_URI_SCHEME } from '../ids';

/** What a full-text document's content comes from when it was not set: rendered on demand (a restored preview). */
export type RenderFullText = (id: string, uri: vscode.Uri) => Promise<string | undefined>;

/** `paper-feed-fulltext:/2508.10104/Title of the paper.md`: the paper's id, and its title as the tab shows it. */
export function fullTextUri(id: string, title: string): vscode.Uri {
  // The title names the tab ("Preview <title>.md"): no path separators or characters a file name cannot hold.
  const name = title.replace(/[\p{Cc}\p{Cf}\\/:*?"<>|#%]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80).trim() || id;
  return vscode.Uri.from({ scheme: FULLTEXT_URI_SCHEME, path: `/${id}/${name}.md` });
}

/** The paper id of a full-text document's URI, or undefined for any other URI. */
export function fullTextIdOf(uri: unknown): string | undefined {
  if (!(uri instanceof vscode.Uri) || uri.scheme !== FULLTEXT_URI_SCHEME) {
    return undefined;
  }
  const id = uri.path.split('/')[1];
  return isFullTextId(id) ? id : undefined;
}

/**
 * The read-only documents full texts are shown from: a `TextDocumentContentProvider` on the Paper
 * Feed scheme (VS Code keeps such documents read-only), the Markdown preview rendering them. A
 * document VS Code asks for again (a preview restored after a reload) is rendered from the cache.
 */
export class FullTextDocuments extends Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());

  constructor(private readonly render: RenderFullText) {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(FULLTEXT_URI_SCHEME, {
      onDidChange: this.changed.event,
      provideTextDocumentContent: (uri) => this.content(uri),
    }));
  }

  /** Holds `markdown` as the content of `uri` (and says so to an open document of it). */
  set(uri: vscode.Uri, markdown: string): void {
    const key = uri.toString();
    const before = this.contents.get(key);
    this.contents.set(key, markdown);
    if (before !== undefined && before !== markdown) {
      this.changed.fire(uri);
    }
  }

  private async content(uri: vscode.Uri): Promise<string> {
    const held = this.contents.get(uri.toString());
    if (held !== undefined) {
      return held;
    }
    const id = fullTextIdOf(uri);
    const rendered = id ? await this.render(id, uri) : undefined;
    if (rendered !== undefined) {
      this.contents.set(uri.toString(), rendered);
      return rendered;
    }
    return vscode.l10n.t('# Full text not available\n\nPaper Feed has no full text of this paper kept. Use Read Full Text on the paper again.');
  }
}
