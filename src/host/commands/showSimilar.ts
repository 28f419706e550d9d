import * as vscode from 'vscode';
import type { Paper } from '../../core/paper/model';
import { PICKER_SIMILAR, rankSimilar } from '../../core/view/similarRows';
import { escapeIcons, shortTitle } from '../../core/view/present';
import type { SimilarHit } from '../../core/search/workerProtocol';
import { Commands } from '../ids';
import { type PaperCommandContext, resolvePaper } from './openPaper';
import { type PaperItemDeps, type PaperPickItem, paperItem, runItemButton } from './paperItems';

export interface SimilarDeps extends PaperItemDeps {
  readonly papers: PaperCommandContext;
  /** The papers most like one, best first (the search worker's model). */
  readonly similar: (paper: Paper, limit: number) => Promise<readonly SimilarHit[]>;
}

/** Test hooks: the open Show Similar Papers picker, the paper it is for once it lists its papers, and what an item's button runs. */
export const similarPickers: {
  current?: vscode.QuickPick<PaperPickItem>;
  listedFor?: string;
  pressButton?: (event: vscode.QuickPickItemButtonEvent<PaperPickItem>) => Promise<void>;
} = {};

/** The model's answer for the picker's paper, or why there is none. */
type Answer = { readonly hits: readonly SimilarHit[] } | { readonly error: unknown };

async function askModel(deps: SimilarDeps, paper: Paper): Promise<Answer> {
  try {
    return { hits: await deps.similar(paper, PICKER_SIMILAR + 1) };
  } catch (error) {
    return { error };
  }
}

/**
 * The picker's items: the similar papers as Search Papers lists papers, or a line saying there are
 * none or why. Made again from the same answer when a paper's buttons change (Save).
 */
function similarItems(deps: SimilarDeps, paper: Paper, answer: Answer): PaperPickItem[] {
  if ('error' in answer) {
    const why = answer.error instanceof Error ? answer.error.message : String(answer.error);
    return [{ label: `$(error) ${vscode.l10n.t('Similar papers could not be found: {0}', escapeIcons(why))}`, alwaysShow: true }];
  }
  const ranked = rankSimilar(paper.id, answer.hits, PICKER_SIMILAR);
  return ranked.length > 0
    // Typing filters the list (on title, facts and authors), in the similarity order.
    ? ranked.map((hit) => paperItem(hit.card, deps, undefined, { alwaysShow: false }))
    : [{ label: `$(info) ${vscode.l10n.t('No similar papers in the cache yet.')}`, alwaysShow: true }];
}

/**
 * `paperFeed.showSimilar [paper]`: the papers most like this one (title, abstract and keywords, over
 * every cached paper), most similar first, listed as Search Papers lists papers and with the same
 * buttons; Enter opens one. The picker shows at once, busy, while the search worker answers.
 */
export async function showSimilar(deps: SimilarDeps, arg: unknown): Promise<void> {
  const paper = await resolvePaper(deps.papers, arg);
  if (!paper) {
    return;
  }
  const quickPick = vscode.window.createQuickPick<PaperPickItem>();
  similarPickers.current = quickPick;
  similarPickers.listedFor = undefined;
  // A QuickPick title shows `$(…)` as typed: no escape (see escapeIcons).
  quickPick.title = vscode.l10n.t('Papers like {0}', shortTitle(paper.title));
  quickPick.placeholder = vscode.l10n.t('Finding papers like this one…');
  quickPick.ignoreFocusOut = true; // a webview taking focus back late must not close it: see ./window
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  // Filtering keeps the similarity order (see search.ts on `sortByLabel`).
  (quickPick as { sortByLabel?: boolean }).sortByLabel = false;
  quickPick.busy = true;
  let hidden = false;

  // Asked once: Save makes the items again from this answer (asked again, the list might reorder).
  const answered = askModel(deps, paper);
  const render = (answer: Answer): void => {
    if (hidden) {
      return;
    }
    const items = similarItems(deps, paper, answer);
    const active = quickPick.activeItems[0]?.paper?.id;
    quickPick.items = items;
    const again = items.find((item) => active !== undefined && item.paper?.id === active);
    if (again) {
      quickPick.activeItems = [again];
    }
    quickPick.busy = false;
    quickPick.placeholder = vscode.l10n.t('Filter the papers like “{0}”, most similar first', shortTitle(paper.title));
    similarPickers.listedFor = paper.id;
  };

  // After Save its Save button goes; the list stays as it is.
  const pressButton = (event: vscode.QuickPickItemButtonEvent<PaperPickItem>): Promise<void> => runItemButton(quickPick, event, async () => render(await answered));
  similarPickers.pressButton = pressButton;

  const disposables = [
    quickPick.onDidAccept(() => {
      const [item] = quickPick.selectedItems;
      if (item?.paper) {
        quickPick.hide();
        void vscode.commands.executeCommand(Commands.openPaper, item.paper.id);
      }
    }),
    quickPick.onDidTriggerItemButton((event) => void pressButton(event)),
  ];
  quickPick.onDidHide(() => {
    hidden = true;
    for (const disposable of disposables) {
      disposable.dispose();
    }
    quickPick.dispose();
    if (similarPickers.current === quickPick) {
      similarPickers.current = undefined;
      similarPickers.pressButton = undefined;
    }
  });
  quickPick.show();
  render(await answered);
}
