import * as vscode from 'vscode';
import { paperDate, type Paper } from '../../core/paper/model';
import { authorLine, escapeIcons, escapeMessageLinks, formatCount } from '../../core/view/present';
import type { FeedService } from '../feed/feedService';
import type { SearchService } from '../searchService';
import type { TopicService } from '../topics';
import { Commands } from '../ids';

const RESULTS = 50;

interface SearchItem extends vscode.QuickPickItem {
  readonly paper?: Paper;
  /** The "Search Hugging Face for …" item. */
  readonly online?: string;
  readonly help?: true;
}

interface Buttons {
  readonly open: vscode.QuickInputButton;
  readonly copy: vscode.QuickInputButton;
  readonly insert: vscode.QuickInputButton;
  readonly save: vscode.QuickInputButton;
  readonly clone: vscode.QuickInputButton;
}

let buttons: Buttons | undefined;

/** Made on first use, not when the extension loads. */
function itemButtons(): Buttons {
  buttons ??= {
    open: { iconPath: new vscode.ThemeIcon('preview'), tooltip: vscode.l10n.t('Open Paper') },
    copy: { iconPath: new vscode.ThemeIcon('quote'), tooltip: vscode.l10n.t('Copy Citation…') },
    insert: { iconPath: new vscode.ThemeIcon('insert'), tooltip: vscode.l10n.t('Insert Citation') },
    save: { iconPath: new vscode.ThemeIcon('bookmark'), tooltip: vscode.l10n.t('Save to Reading List') },
    clone: { iconPath: new vscode.ThemeIcon('repo-clone'), tooltip: vscode.l10n.t('Clone Repository…') },
  };
  return buttons;
}

export interface SearchDeps {
  readonly search: SearchService;
  readonly feed: FeedService;
  readonly topics: TopicService;
  readonly isSaved: (id: string) => boolean;
  /** Whether the paper has a repository Paper Feed would clone. */
  readonly canClone: (paper: Paper) => boolean;
}

/** Test hooks: the open search picker, to read what it shows. */
export const searchPickers: { current?: vscode.QuickPick<SearchItem> } = {};

function paperItem(paper: Paper, deps: SearchDeps): SearchItem {
  const facts = [
    paper.upvotes !== undefined ? `▲ ${paper.upvotes}` : undefined,
    paper.githubRepo && paper.githubStars !== undefined ? `★ ${formatCount(paper.githubStars)}` : undefined,
    paperDate(paper),
    deps.topics.label(deps.topics.of(paper).primary),
  ].filter(Boolean).join(' · ');
  return {
    // QuickPick items render `$(name)` as icons: paper text is escaped to show as typed.
    label: escapeIcons(paper.title),
    description: facts,
    detail: escapeIcons(authorLine(paper, 4)),
    // Our ranking, not the picker's own label matching: every result stays, in our order.
    alwaysShow: true,
    buttons: [
      itemButtons().open, itemButtons().copy, itemButtons().insert,
      ...(deps.isSaved(paper.id) ? [] : [itemButtons().save]),
      ...(deps.canClone(paper) ? [itemButtons().clone] : []),
    ],
    paper,
  };
}

/**
 * `paperFeed.search [query]`: searches every cached paper as you type (title, authors, keywords,
 * abstract; filters in the query), best first. Enter opens the paper and reveals it in the tree;
 * the buttons copy or insert a citation or save it; the last item asks Hugging Face itself.
 */
export async function searchPapers(deps: SearchDeps, arg: unknown): Promise<void> {
  deps.search.ensureStarted(); // the index loads while the first words are typed
  const quickPick = vscode.window.createQuickPick<SearchItem>();
  searchPickers.current = quickPick;
  quickPick.title = vscode.l10n.t('Search Papers');
  quickPick.ignoreFocusOut = true; // a webview taking focus back late must not close it: see ./window
  quickPick.placeholder = vscode.l10n.t('Search titles, authors, keywords and abstracts (author: topic: org: after: before: has:code)');
  quickPick.matchOnDescription = false;
  quickPick.matchOnDetail = false;
  // VS Code re-sorts items by how their labels match the typed text, even `alwaysShow` ones; the
  // QuickPick's `sortByLabel` (a proposed property VS Code's host honours as set) turns that off,
  // so people see our ranking. The UI test checks the visible order.
  (quickPick as { sortByLabel?: boolean }).sortByLabel = false;
  let generation = 0;
  let online: Paper[] = [];

  const render = async (value: string): Promise<void> => {
    const mine = ++generation;
    const text = value.trim();
    if (!text) {
      quickPick.busy = false;
      const help = vscode.l10n.t('Filters: author:name  topic:agents  org:google  after:2025-01-01  before:2025-12-31  has:code');
      quickPick.items = [{ label: `$(info) ${help}`, alwaysShow: true, help: true }];
      return;
    }
    quickPick.busy = true;
    const { papers, by } = await deps.search.search(text, RESULTS);
    if (mine !== generation) {
      return; // a newer keystroke has its own answer
    }
    const shown = new Set(papers.map((paper) => paper.id));
    const items: SearchItem[] = [
      ...papers.map((paper) => paperItem(paper, deps)),
      ...online.filter((paper) => !shown.has(paper.id)).map((paper) => {
        const item = paperItem(paper, deps);
        return { ...item, description: `$(cloud) ${item.description ?? ''}` };
      }),
    ];
    if (items.length === 0) {
      items.push({ label: vscode.l10n.t('No cached paper matches “{0}”.', escapeIcons(text)), alwaysShow: true, help: true });
    }
    items.push({
      // The typed text goes in the description: in the label it would match itself and jump first.
      label: `$(globe) ${vscode.l10n.t('Search Hugging Face')}`,
      description: by === 'scan' ? vscode.l10n.t('for “{0}” (the local index is still loading)', escapeIcons(text)) : vscode.l10n.t('for “{0}”', escapeIcons(text)),
      alwaysShow: true,
      online: text,
    });
    // Keep the user's place when the list is redrawn (new papers indexed, a paper saved).
    const active = quickPick.activeItems[0]?.paper?.id;
    quickPick.items = items;
    const again = active === undefined ? undefined : items.find((item) => item.paper?.id === active);
    if (again) {
      quickPick.activeItems = [again];
    }
    quickPick.busy = false;
  };

  const runOnline = async (text: string): Promise<void> => {
    quickPick.busy = true;
    try {
      online = await deps.feed.searchOnline(text, AbortSignal.timeout(20_000));
      if (online.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Hugging Face has no papers for “{0}”.', escapeMessageLinks(text)));
      }
      deps.search.addFound(online);
    } catch (error) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Could not search Hugging Face: {0}', escapeMessageLinks(error instanceof Error ? error.message : String(error))));
    } finally {
      quickPick.busy = false;
    }
    await render(quickPick.value);
  };

  const disposables = [
    quickPick.onDidChangeValue((value) => {
      online = [];
      void render(value);
    }),
    quickPick.onDidAccept(() => {
      const [item] = quickPick.selectedItems;
      if (item?.paper) {
        quickPick.hide();
        void vscode.commands.executeCommand(Commands.openPaper, item.paper.id);
      } else if (item?.online) {
        void runOnline(item.online);
      }
    }),
    quickPick.onDidTriggerItemButton(({ item, button }) => {
      if (!item.paper) {
        return;
      }
      const { open, copy, insert, clone } = itemButtons();
      const command = button === open ? Commands.openPaper : button === copy ? Commands.copyCitation
        : button === insert ? Commands.insertCitation : button === clone ? Commands.cloneRepository : Commands.savePaper;
      if (command !== Commands.savePaper) {
        quickPick.hide();
      }
      void Promise.resolve(vscode.commands.executeCommand(command, item.paper.id)).then(() => {
        if (command === Commands.savePaper) {
          void render(quickPick.value);
        }
      });
    }),
    deps.search.onDidUpdate(() => void render(quickPick.value)),
  ];
  quickPick.onDidHide(() => {
    for (const disposable of disposables) {
      disposable.dispose();
    }
    quickPick.dispose();
    if (searchPickers.current === quickPick) {
      searchPickers.current = undefined;
    }
  });
  const initial = typeof arg === 'string' ? arg.slice(0, 500) : '';
  quickPick.value = initial;
  quickPick.show();
  await render(initial);
}
