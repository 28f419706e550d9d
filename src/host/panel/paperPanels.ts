import * as vscode from 'vscode';
import { authorQuery, keywordQuery } from '../../core/search/query';
import { shortTitle } from '../../core/view/present';
import type { AbstractRepo } from '../../core/clone/candidates';
import type { LinkedRepos } from '../../core/feed/linkedRepos';
import type { Paper } from '../../core/paper/model';
import { isWebviewToHost, type HostToWebview, type PanelCommand, type PaperActions, type SearchField } from '../../shared/protocol';
import { Disposable } from '../disposable';
import { PANEL_VIEW_TYPE } from '../ids';
import type { LinkOpener } from '../linkOpener';
import { displayLocale } from '../locale';
import type { SimilarInput } from '../../core/view/similarRows';
import { panelHtml } from './panelHtml';
import { panelLabels } from './panelLabels';
import { PanelSimilar, type SimilarOutcome } from './panelSimilar';
import { toLinkedReposView, toPaperView, viewLinks } from './paperView';


export interface PaperPanelsDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  readonly opener: LinkOpener;
  /** `paperFeed.panel.reuse`: one panel for every paper (default), or one per paper. */
  readonly reuse: () => boolean;
  /** The panel's buttons run the same commands as the palette and the tree. */
  readonly runCommand: (command: PanelCommand, paper: Paper) => Thenable<unknown>;
  /** The state-dependent buttons a paper gets (Clone, Open Clone). */
  readonly actions: (paper: Paper) => PaperActions;
  /** Linked models, datasets and Spaces, fetched lazily; absent offline. */
  readonly linkedRepos?: (id: string, signal: AbortSignal) => Promise<LinkedRepos>;
  /** The papers a panel restored after a reload may show. */
  readonly papers: { get(id: string): Paper | undefined; list(): readonly Paper[] };
  /** Settles after the first load: restored panels wait for it, to find their paper. */
  readonly loaded: () => Promise<void>;
  /** Opens Search Papers with a query (a keyword chip or an author's name was clicked). */
  readonly search: (query: string) => Thenable<unknown>;
  /** The repositories the paper's abstract links that may be cloned (re-derived from the paper each time). */
  readonly abstractRepos: (paper: Paper) => readonly AbstractRepo[];
  /** Clones one of those, through the same command as every other clone. */
  readonly cloneFromAbstract: (paper: Paper, url: string) => Thenable<unknown>;
  /** The paper with what arXiv and DBLP said about it (enrichment); asked for in the background once shown. */
  readonly enrich?: { apply(paper: Paper): Paper; want(papers: readonly Paper[], why: 'used'): void };
  /** The papers most like one, best first (the search worker's model); asked once the paper is shown. */
  readonly similar?: (paper: Paper, limit: number) => Promise<readonly SimilarInput[]>;
  /** Fires when the search index has new papers or is ready again: panels whose ask failed ask again. */
  readonly similarUpdated?: vscode.Event<void>;
  /** Opens a paper of the Similar papers section, as Open Paper does. */
  readonly openPaper: (id: string) => Thenable<unknown>;
}

/** One open panel. */
class PanelView {
  ready = false;
  /** The paper as it was given, before enrichment: shown again with newer records, never with stale ones on top. */
  given: Paper | undefined;
  /**
   * The latest message of each kind for the shown paper. The page is discarded while its tab is
   * hidden and says "ready" again when shown: it then gets these again, so nothing sent meanwhile is lost.
   */
  readonly latest = new Map<HostToWebview['type'], HostToWebview>();
  /** The links this panel was given: the only ones it may ask the host to open. */
  links = new Set<string>();
  fetching: AbortController | undefined;
  readonly similar = new PanelSimilar();

  constructor(readonly panel: vscode.WebviewPanel, public paper: Paper) {}
}

/**
 * The paper panels. Each page is static; paper text arrives as a message after the webview says it
 * is ready, is rendered with textContent, and every message back is validated here. Also restores
 * the panels of the last session after a window reload (activation event onWebviewPanel:).
 */
export class PaperPanels extends Disposable implements vscode.WebviewPanelSerializer<unknown> {
  private readonly views = new Set<PanelView>();
  private lastActive: PanelView | undefined;
  /** Messages from webviews that failed validation (also logged). */
  readonly rejected: string[] = [];
  private readonly similarAnswered = this._register(new vscode.EventEmitter<SimilarOutcome>());
  /** Each ask for a panel's similar papers, once answered: sent to the page, failed (and sent), or dropped (tests). */
  readonly onDidAnswerSimilar = this.similarAnswered.event;

  constructor(private readonly deps: PaperPanelsDeps) {
    super();
    if (deps.similarUpdated) {
      this._register(deps.similarUpdated(() => this.askFailedAgain()));
    }
    this._register({
      dispose: () => {
        for (const view of [...this.views]) {
          view.panel.dispose();
        }
      },
    });
  }

  /** The paper in the active (else the last active) panel, if a panel is open. */
  get paper(): Paper | undefined {
    const active = [...this.views].find((view) => view.panel.active) ?? this.lastActive;
    return active && this.views.has(active) ? active.paper : undefined;
  }

  /** Shows the paper; `reuse: false` gives it its own panel whatever `paperFeed.panel.reuse` says. */
  show(paper: Paper, options: { readonly reuse?: boolean } = {}): void {
    const reuse = options.reuse ?? this.deps.reuse();
    let view = reuse
      ? (this.lastActive && this.views.has(this.lastActive) ? this.lastActive : [...this.views][0])
      : [...this.views].find((candidate) => candidate.paper.id === paper.id);
    if (!view) {
      view = this.adopt(vscode.window.createWebviewPanel(
        PANEL_VIEW_TYPE,
        shortTitle(paper.title),
        // Beside the document being written, so that it stays visible for Insert Citation.
        { viewColumn: vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: false },
        this.webviewOptions(),
      ), paper);
    } else {
      view.panel.reveal(undefined, false);
    }
    this.render(view, paper);
  }

  /** Updates every panel's state-dependent buttons, e.g. after a clone. */
  refreshActions(): void {
    for (const view of this.views) {
      this.post(view, { type: 'actions', paperId: view.paper.id, actions: this.deps.actions(view.paper) });
    }
  }


  /** Ids of the papers whose panel page has said it is ready. */
  get readyPapers(): string[] {
    return [...this.views].filter((view) => view.ready).map((view) => view.paper.id);
  }

  /** A panel VS Code restores after a reload, with the state its page saved. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    await this.deps.loaded();
    const id = (state as { paperId?: unknown } | undefined)?.paperId;
    // A window reloaded before the page saved its state still has the panel's title to go by.
    const paper = typeof id === 'string'
      ? this.deps.papers.get(id)
      : this.deps.papers.list().find((candidate) => shortTitle(candidate.title) === panel.title);
    this.deps.log.info(`Restoring a paper panel: ${paper?.id ?? `no paper for "${panel.title}"`}.`);
    if (!paper) {
      this.deps.log.info('A paper panel from the last session shows a paper that is no longer loaded; closing it.');
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    this.render(this.adopt(panel, paper), paper);
  }

  /** The last message of a kind sent to the active panel's page (for the integration tests). */
  sentToActive<T extends HostToWebview['type']>(type: T): Extract<HostToWebview, { type: T }> | undefined {
    const view = [...this.views].find((candidate) => candidate.panel.active) ?? this.lastActive;
    return view?.latest.get(type) as Extract<HostToWebview, { type: T }> | undefined;
  }

  /** Handles a message as if the active panel's webview had sent it (for the integration tests). */
  receiveFromActive(message: unknown): Promise<void> {
    const view = [...this.views].find((candidate) => candidate.panel.active) ?? this.lastActive;
    return view ? this.receive(view, message) : Promise.resolve();
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableForms: false,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(this.deps.extensionUri, 'media'), vscode.Uri.joinPath(this.deps.extensionUri, 'dist')],
    };
  }

  private adopt(panel: vscode.WebviewPanel, paper: Paper): PanelView {
    const view = new PanelView(panel, paper);
    this.views.add(view);
    this.lastActive = view;
    panel.iconPath = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'paper-feed.svg');
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(view, message)),
      panel.onDidChangeViewState(() => {
        if (panel.active) {
          this.lastActive = view;
        }
      }),
      panel.onDidDispose(() => {
        view.fetching?.abort();
        for (const subscription of subscriptions) {
          subscription.dispose();
        }
        this.views.delete(view);
        if (this.lastActive === view) {
          this.lastActive = undefined;
        }
      }),
    ];
    panel.webview.html = panelHtml(panel.webview, this.deps.extensionUri);
    return view;
  }

  private render(view: PanelView, paper: Paper): void {
    this.deps.enrich?.want([paper], 'used');
    this.showPaper(view, paper);
    void this.loadLinkedRepos(view, paper);
    void this.loadSimilar(view, paper);
  }

  private showPaper(view: PanelView, given: Paper): void {
    const paper = this.deps.enrich?.apply(given) ?? given;
    view.given = given;
    view.paper = paper;
    view.panel.title = shortTitle(paper.title);
    const shown = toPaperView(paper, this.deps.abstractRepos(paper).map((repo) => repo.url), displayLocale());
    view.links = new Set(viewLinks(shown));
    this.post(view, { type: 'showPaper', paper: shown, actions: this.deps.actions(paper), labels: panelLabels() });
  }

  /**
   * Shows again the panels of these papers with what is known now (arXiv's or DBLP's answer came):
   * the linked repositories already fetched are sent again, not fetched again.
   */
  refreshPapers(ids: readonly string[]): void {
    for (const view of this.views) {
      if (!ids.includes(view.paper.id)) {
        continue;
      }
      const repos = view.latest.get('linkedRepos') as Extract<HostToWebview, { type: 'linkedRepos' }> | undefined;
      const similar = view.latest.get('similar') as Extract<HostToWebview, { type: 'similar' }> | undefined;
      this.showPaper(view, view.given ?? view.paper); // the paper as given, with the records as they are now
      if (repos?.paperId === view.paper.id) {
        for (const repo of [...repos.repos.models, ...repos.repos.datasets, ...repos.repos.spaces]) {
          view.links.add(repo.url);
        }
        this.post(view, repos);
      }
      if (similar?.paperId === view.paper.id) {
        this.post(view, similar);
      }
    }
  }

  private async loadLinkedRepos(view: PanelView, paper: Paper): Promise<void> {
    view.fetching?.abort();
    if (!this.deps.linkedRepos) {
      return;
    }
    const controller = new AbortController();
    view.fetching = controller;
    try {
      const repos = toLinkedReposView(await this.deps.linkedRepos(paper.id, controller.signal));
      if (view.paper.id !== paper.id || controller.signal.aborted) {
        return;
      }
      for (const repo of [...repos.models, ...repos.datasets, ...repos.spaces]) {
        view.links.add(repo.url);
      }
      this.post(view, { type: 'linkedRepos', paperId: paper.id, repos });
    } catch (error) {
      this.deps.log.info(`No linked Hugging Face repositories for ${paper.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * The Similar papers section, once the worker answers; an answer for a paper the panel no longer
   * shows is dropped. A failure is said on the page (never "Finding…" for ever) and in the log.
   */
  private async loadSimilar(view: PanelView, paper: Paper): Promise<void> {
    const source = this.deps.similar;
    if (!source) {
      return;
    }
    const answer = await view.similar.ask(paper.id, (limit) => source(paper, limit), displayLocale());
    if (answer?.failed) {
      this.deps.log.warn(`Similar papers of ${paper.id} could not be found: ${answer.why instanceof Error ? answer.why.message : String(answer.why)}`);
    }
    if (answer === undefined || view.paper.id !== paper.id || !this.views.has(view)) {
      this.similarAnswered.fire({ paperId: paper.id, outcome: 'dropped' });
      return;
    }
    this.post(view, { type: 'similar', paperId: paper.id, papers: answer.papers, failed: answer.failed === true });
    this.similarAnswered.fire({ paperId: paper.id, outcome: answer.failed ? 'failed' : 'sent' });
  }

  /** The search index has changed or is back: panels whose last ask failed ask again. */
  private askFailedAgain(): void {
    for (const view of this.views) {
      if (view.similar.failed(view.paper.id)) {
        void this.loadSimilar(view, view.given ?? view.paper);
      }
    }
  }

  private async receive(view: PanelView, message: unknown): Promise<void> {
    if (!isWebviewToHost(message)) {
      this.reject(`an unknown message ${describe(message)}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        view.ready = true;
        for (const type of ['showPaper', 'actions', 'linkedRepos', 'similar'] as const) {
          const latest = view.latest.get(type);
          if (latest) {
            void view.panel.webview.postMessage(latest);
          }
        }
        return;
      case 'run':
        if (message.paperId !== view.paper.id) {
          // A click that raced a re-render: it was meant for the paper shown before.
          this.deps.log.info(`Paper panel: ignored ${message.command} for ${message.paperId}, which it no longer shows (it shows ${view.paper.id}).`);
          return;
        }
        await this.deps.runCommand(message.command, view.paper);
        return;
      case 'openLink':
        if (!view.links.has(message.url)) {
          this.reject(`a link the panel was not given: ${JSON.stringify(message.url.slice(0, 200))}`);
          return;
        }
        await this.deps.opener.open(message.url, view.paper);
        return;
      case 'search':
        await this.search(view, message.field, message.value, message.paperId);
        return;
      case 'cloneUrl':
        await this.cloneFromAbstract(view, message.url, message.paperId);
        return;
      case 'openSimilar':
        if (message.paperId !== view.paper.id) {
          this.deps.log.info(`Paper panel: ignored a similar paper of ${message.paperId}, which it no longer shows (it shows ${view.paper.id}).`);
        } else if (!view.similar.lists(message.paperId, message.id)) {
          this.reject(`opening ${JSON.stringify(message.id)}, which the panel did not list as like ${view.paper.id}`);
        } else {
          await this.deps.openPaper(message.id);
        }
    }
  }

  /** A keyword chip or an author's name: Search Papers for it, if it is one the panel's paper has. */
  private async search(view: PanelView, field: SearchField, value: string, paperId: string): Promise<void> {
    if (paperId !== view.paper.id) {
      this.deps.log.info(`Paper panel: ignored a search for ${paperId}, which it no longer shows (it shows ${view.paper.id}).`);
      return;
    }
    const known = field === 'keyword' ? (view.paper.aiKeywords ?? []).includes(value) : view.paper.authors.some((author) => author.name === value);
    const query = known ? (field === 'keyword' ? keywordQuery(value) : authorQuery(value)) : undefined;
    if (query === undefined) {
      this.reject(`a search for ${field} ${JSON.stringify(value.slice(0, 200))}, which ${view.paper.id} does not have`);
      return;
    }
    await this.deps.search(query);
  }

  /** The Clone beside a URL of the abstract: only a repository the paper's own abstract links. */
  private async cloneFromAbstract(view: PanelView, url: string, paperId: string): Promise<void> {
    if (paperId !== view.paper.id) {
      this.deps.log.info(`Paper panel: ignored a clone for ${paperId}, which it no longer shows (it shows ${view.paper.id}).`);
      return;
    }
    if (!this.deps.abstractRepos(view.paper).some((repo) => repo.url === url)) {
      this.reject(`a clone of a repository the abstract of ${view.paper.id} does not offer: ${JSON.stringify(url.slice(0, 200))}`);
      return;
    }
    await this.deps.cloneFromAbstract(view.paper, url);
  }

  private reject(what: string): void {
    this.rejected.push(what);
    this.deps.log.warn(`Paper panel: ignored ${what}.`);
  }

  private post(view: PanelView, message: HostToWebview): void {
    if (message.type === 'showPaper') {
      view.latest.clear();
    }
    view.latest.set(message.type, message);
    if (view.ready) {
      void view.panel.webview.postMessage(message);
    }
  }
}

function describe(message: unknown): string {
  try {
    return JSON.stringify(message).slice(0, 200);
  } catch {
    return typeof message;
  }
}
