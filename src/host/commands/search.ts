import * as vscode from 'vscode';
import type { Paper } from '../../core/paper/model';
import { paperCard, type PaperCard } from '../../core/search/card';
import { parseQuery, withFullText, withoutFilters } from '../../core/search/query';
import { cleanWatchQuery } from '../../core/search/watchedSearches';
import { FEW_OFFLINE_RESULTS, ONLINE_DEBOUNCE_MS, onlineAdditions, type OnlineQuery, onlineQuery } from '../../core/search/online';
import { escapeIcons } from '../../core/view/present';
import type { FeedService } from '../feed/feedService';
import type { SearchService } from '../searchService';
import { Commands } from '../ids';
import { type PaperItemDeps, type PaperPickItem, paperItem, runItemButton } from './paperItems';
import { fullTextItems, fullTextToggle } from './fullTextSearchItems';

const RESULTS = 50;
const ONLINE_TIMEOUT_MS = 20_000;

interface SearchItem extends PaperPickItem {
  /** Found by Hugging Face's search, not among the offline results: listed below them. */
  readonly found?: true;
  /** Picking it asks Hugging Face for this text: "Search Hugging Face for …", or a retry. */
  readonly ask?: string;
  readonly help?: true;
  /** A hit inside a saved paper's full text (`in:fulltext`): Enter reads it. */
  readonly fullText?: true;
}

/** Hugging Face's search for one typed text: waiting out the debounce, asking, answered or failed. */
interface OnlineSearch {
  readonly text: string;
  readonly controller: AbortController;
  readonly timer: ReturnType<typeof setTimeout>;
  /** Asked by picking an item: the first paper it adds becomes the active item, once. */
  jump: boolean;
  state: 'waiting' | 'asking' | 'done' | 'failed';
  /** What it lists below the offline results: the typed filters passed, the offline results left out. */
  added: readonly Paper[];
  error?: string;
}

export interface SearchDeps extends PaperItemDeps {
  readonly search: SearchService;
  readonly feed: FeedService;
  /** Told each text searched for (Add Watch offers the last one). */
  readonly remember?: (query: string) => void;
}

let watchButton: vscode.QuickInputButton | undefined;

/** The title bar's "Watch This Search" (made on first use). */
function watchThisSearch(): vscode.QuickInputButton {
  watchButton ??= { iconPath: new vscode.ThemeIcon('eye'), tooltip: vscode.l10n.t('Watch This Search') };
  return watchButton;
}

/**
 * Test hooks: the open search picker, to read what it shows, the text its items are for, and what a
 * click on an item's button runs (settled when its command has).
 */
export const searchPickers: {
  current?: vscode.QuickPick<SearchItem>;
  itemsFor?: string;
  pressButton?: (event: vscode.QuickPickItemButtonEvent<SearchItem>) => Promise<void>;
  /** What the title bar's Watch This Search runs (settled when Add Watch has). */
  watch?: () => Promise<void>;
  /** What the title bar's Search Inside Saved Papers' Full Texts runs (settled when the list is drawn). */
  toggleFullText?: () => Promise<void>;
} = {};

function onlineItem(paper: Paper, deps: SearchDeps): SearchItem {
  const item = paperItem(paperCard(paper, deps.topics.of(paper).primary), deps);
  return { ...item, description: [`$(cloud) ${vscode.l10n.t('from Hugging Face')}`, item.description].filter(Boolean).join(' · '), found: true };
}

/** What makes an item the same one when the list is redrawn: its paper, or what picking it asks. */
function placeOf(item: SearchItem | undefined): string | undefined {
  return item?.paper ? `paper:${item.paper.id}` : item?.ask !== undefined ? `ask:${item.label}` : undefined;
}

/** What goes below the offline results: Hugging Face's papers, or where its search stands. */
function onlineSection(search: OnlineSearch | undefined, text: string, askable: boolean, by: 'index' | 'scan', deps: SearchDeps): SearchItem[] {
  const forText = vscode.l10n.t('for “{0}”', escapeIcons(text));
  if (!search) {
    // Many offline results (or only filters, which are not sent): asked only when the user picks this.
    return !askable ? [] : [{
      // The typed text goes in the description: in the label it would match itself and jump first.
      label: `$(globe) ${vscode.l10n.t('Search Hugging Face')}`,
      description: by === 'scan' ? vscode.l10n.t('for “{0}” (the local index is still loading)', escapeIcons(text)) : forText,
      alwaysShow: true,
      ask: text,
    }];
  }
  const section: SearchItem[] = [{ label: vscode.l10n.t('Hugging Face'), kind: vscode.QuickPickItemKind.Separator, alwaysShow: true }];
  if (search.state === 'waiting' || search.state === 'asking') {
    section.push({ label: `$(loading~spin) ${vscode.l10n.t('Searching Hugging Face…')}`, description: forText, alwaysShow: true, help: true });
  } else if (search.state === 'failed') {
    section.push({
      label: `$(cloud-offline) ${vscode.l10n.t('Hugging Face could not be reached')}`,
      description: vscode.l10n.t('select to try again'),
      detail: escapeIcons(search.error ?? ''),
      alwaysShow: true,
      ask: text,
    });
  } else if (search.added.length === 0) {
    section.push({ label: `$(cloud) ${vscode.l10n.t('Hugging Face has no other papers')}`, description: forText, alwaysShow: true, help: true });
  } else {
    section.push(...search.added.map((paper) => onlineItem(paper, deps)));
  }
  return section;
}

/**
 * `paperFeed.search [query]`: searches every cached paper as you type (title, authors, keywords,
 * abstract; filters in the query), best first. When the offline results are few, Hugging Face's
 * search is asked too, a moment after the last keystroke (the next one cancels it), with the query's
 * words only; its papers that pass the filters and are not already listed go below, marked as
 * online. With many offline results, the last item asks Hugging Face when picked. Enter opens the
 * paper and reveals it in the tree; the buttons copy or insert a citation or save it. "Insert Citation
 * and Keep Open" leaves the picker as it is, so that several papers are cited one after another (in
 * LaTeX into one \cite{…}, since Insert Citation joins the one right before the cursor).
 */
export async function searchPapers(deps: SearchDeps, arg: unknown): Promise<void> {
  deps.search.ensureStarted(); // the index loads while the first words are typed
  const quickPick = vscode.window.createQuickPick<SearchItem>();
  searchPickers.current = quickPick;
  quickPick.title = vscode.l10n.t('Search Papers');
  quickPick.ignoreFocusOut = true; // a webview taking focus back late must not close it: see ./window
  quickPick.placeholder = vscode.l10n.t('Search titles, authors, keywords and abstracts (author: topic: org: after: before: has:code), or saved papers\' full texts (in:fulltext)');
  quickPick.matchOnDescription = false;
  quickPick.matchOnDetail = false;
  // VS Code re-sorts items by how their labels match the typed text, even `alwaysShow` ones; the
  // QuickPick's `sortByLabel` (a proposed property VS Code's host honours as set) turns that off,
  // so people see our ranking. The UI test checks the visible order.
  (quickPick as { sortByLabel?: boolean }).sortByLabel = false;
  let generation = 0;
  /** When the text last changed: the online search waits for a pause in typing. */
  let typedAt = Date.now();
  let online: OnlineSearch | undefined;
  /** The offline results last listed, and for which text: what an online answer goes below. */
  let listed: { readonly text: string; readonly papers: readonly PaperCard[] } = { text: '', papers: [] };
  /** The sentences abstract-only results matched, for one text and answerer (asked of the worker once each). */
  let sentences: { readonly text: string; readonly byId: ReadonlyMap<string, string> } = { text: '', byId: new Map() };

  const cancelOnline = (): void => {
    if (online) {
      clearTimeout(online.timer);
      online.controller.abort();
      online = undefined;
    }
  };

  const toOnline = (text: string): OnlineQuery | undefined => onlineQuery(text, deps.topics.matcher(), (paper) => deps.topics.of(paper).primary);

  /** Asks Hugging Face for `text` after `delayMs`, unless the text changes first. */
  const askOnline = (text: string, query: OnlineQuery, delayMs: number, jump: boolean): void => {
    cancelOnline();
    const controller = new AbortController();
    const search: OnlineSearch = {
      text, controller, jump, state: 'waiting', added: [],
      timer: setTimeout(() => {
        search.state = 'asking';
        const timeout = AbortSignal.timeout(ONLINE_TIMEOUT_MS);
        void deps.feed.searchOnline(query.text, AbortSignal.any([controller.signal, timeout])).then((papers) => {
          deps.search.addFound(papers); // kept in the index, as they are in the cache, whatever was typed since
          search.added = onlineAdditions(listed.text === text ? listed.papers : [], query.keep(papers));
          search.state = 'done';
        }, (error: unknown) => {
          search.state = 'failed';
          search.error = timeout.aborted ? vscode.l10n.t('Hugging Face did not answer within {0} seconds.', ONLINE_TIMEOUT_MS / 1_000)
            : deps.feed.explainFailure(error, `Searching Hugging Face for "${query.text}"`);
        }).then(() => {
          // Shown only while the text is the one asked for: a newer keystroke cancelled this one.
          if (online === search) {
            void render(quickPick.value);
          }
        });
      }, Math.max(0, delayMs)),
    };
    online = search;
  };

  const render = async (value: string): Promise<void> => {
    const mine = ++generation;
    const text = value.trim();
    const inFullText = parseQuery(text).filters.inFullText === true;
    // Search inside full texts, and Watch This Search for a text a watch can keep (not a full-text one).
    quickPick.buttons = [fullTextToggle(), ...(!inFullText && cleanWatchQuery(text) !== undefined ? [watchThisSearch()] : [])];
    if (text) {
      deps.remember?.(text);
    }
    if (online && online.text !== text) {
      cancelOnline();
    }
    if (inFullText) {
      // The saved papers' full texts, in the worker; nothing is asked of Hugging Face.
      cancelOnline();
      quickPick.busy = true;
      const hits = await deps.search.fullTextSearch(text, RESULTS);
      if (mine !== generation) {
        return;
      }
      quickPick.items = fullTextItems(hits, withoutFilters(text).trim() || text, deps.search.fullTextCount, deps);
      searchPickers.itemsFor = text;
      quickPick.busy = false;
      return;
    }
    if (!text) {
      quickPick.busy = false;
      const help = vscode.l10n.t('Filters: author:name  topic:agents  org:google  after:2025-01-01  before:2025-12-31  has:code  in:fulltext');
      quickPick.items = [{ label: `$(info) ${help}`, alwaysShow: true, help: true }];
      searchPickers.itemsFor = text;
      return;
    }
    quickPick.busy = true;
    const { hits, by } = await deps.search.search(text, RESULTS);
    if (mine !== generation) {
      return; // a newer keystroke has its own answer
    }
    const papers = hits.map((hit) => hit.card);
    if (sentences.text !== `${by}:${text}`) {
      // Results found only in their abstract show the sentence that matched, once the worker has read it.
      sentences = { text: `${by}:${text}`, byId: new Map() };
      const abstractOnly = hits.filter((hit) => hit.abstractOnly).map((hit) => hit.id);
      if (abstractOnly.length > 0) {
        void deps.search.snippets(text, abstractOnly).then((byId) => {
          if (sentences.text === `${by}:${text}` && byId.size > 0 && quickPick.value.trim() === text) {
            sentences = { text: `${by}:${text}`, byId };
            void render(quickPick.value);
          }
        });
      }
    }
    // Papers the online answer added stay below, marked, even once the index has them too.
    const added = new Set(online?.added.map((paper) => paper.id));
    const offline = papers.filter((paper) => !added.has(paper.id));
    listed = { text, papers: offline };
    const query = online ? undefined : toOnline(text); // undefined for only filters: nothing to send
    const few = offline.length < FEW_OFFLINE_RESULTS;
    if (few && query) {
      askOnline(text, query, typedAt + ONLINE_DEBOUNCE_MS - Date.now(), false);
    }
    const items: SearchItem[] = offline.map((paper) => paperItem(paper, deps, sentences.byId.get(paper.id)));
    if (items.length === 0 && !online?.added.length) {
      items.push({ label: vscode.l10n.t('No cached paper matches “{0}”.', escapeIcons(text)), alwaysShow: true, help: true });
    }
    items.push(...onlineSection(online, text, !few && query !== undefined, by, deps));
    // Keep the user's place when the list is redrawn (new papers indexed, a paper saved); after
    // "Search Hugging Face" was picked, go to what it found.
    const active = placeOf(quickPick.activeItems[0]);
    quickPick.items = items;
    searchPickers.itemsFor = text;
    let again = active === undefined ? undefined : items.find((item) => placeOf(item) === active);
    if (online?.jump && online.state !== 'waiting' && online.state !== 'asking') {
      online.jump = false;
      again = items.find((item) => item.found || item.ask !== undefined) ?? again;
    }
    if (again) {
      quickPick.activeItems = [again];
    }
    quickPick.busy = online?.state === 'waiting' || online?.state === 'asking';
  };

  const pressButton = (event: vscode.QuickPickItemButtonEvent<SearchItem>): Promise<void> => runItemButton(quickPick, event, () => void render(quickPick.value));
  searchPickers.pressButton = pressButton;

  const watch = async (): Promise<void> => {
    const query = quickPick.value.trim();
    quickPick.hide();
    await vscode.commands.executeCommand(Commands.addWatch, query);
  };
  searchPickers.watch = watch;

  const toggleFullText = async (): Promise<void> => {
    quickPick.value = withFullText(quickPick.value, parseQuery(quickPick.value).filters.inFullText !== true);
    typedAt = Date.now();
    await render(quickPick.value);
  };
  searchPickers.toggleFullText = toggleFullText;

  const disposables = [
    quickPick.onDidChangeValue((value) => {
      typedAt = Date.now();
      void render(value);
    }),
    quickPick.onDidAccept(() => {
      const [item] = quickPick.selectedItems;
      if (item?.paper && item.fullText) {
        quickPick.hide();
        void vscode.commands.executeCommand(Commands.readFullText, item.paper.id);
      } else if (item?.paper) {
        quickPick.hide();
        void vscode.commands.executeCommand(Commands.openPaper, item.paper.id);
      } else if (item?.ask !== undefined) {
        const query = toOnline(item.ask);
        if (query) {
          askOnline(item.ask, query, 0, true);
          void render(quickPick.value);
        }
      }
    }),
    quickPick.onDidTriggerItemButton((event) => void pressButton(event)),
    quickPick.onDidTriggerButton((button) => {
      if (button === watchThisSearch()) {
        void watch();
      } else if (button === fullTextToggle()) {
        void toggleFullText();
      }
    }),
    deps.search.onDidUpdate(() => void render(quickPick.value)),
  ];
  quickPick.onDidHide(() => {
    cancelOnline();
    for (const disposable of disposables) {
      disposable.dispose();
    }
    quickPick.dispose();
    if (searchPickers.current === quickPick) {
      searchPickers.current = undefined;
      searchPickers.pressButton = undefined;
      searchPickers.watch = undefined;
      searchPickers.toggleFullText = undefined;
    }
  });
  const initial = typeof arg === 'string' ? arg.slice(0, 500) : '';
  quickPick.value = initial;
  quickPick.show();
  await render(initial);
}
