/**
 * A paper as the pickers list it (Search Papers, Show Similar Papers): its title, facts and authors,
 * and the buttons that run the paper commands on it.
 */
import * as vscode from 'vscode';
import type { Paper } from '../../core/paper/model';
import type { PaperCard } from '../../core/search/card';
import { escapeIcons, formatCount } from '../../core/view/present';
import { Commands } from '../ids';
import type { TopicService } from '../topics';

export interface PaperPickItem extends vscode.QuickPickItem {
  /** The paper's card: what the item shows. A command on it reads the paper itself by id. */
  readonly paper?: PaperCard;
}

export interface PaperItemDeps {
  readonly topics: TopicService;
  readonly isSaved: (id: string) => boolean;
  /** Whether the paper has a repository Paper Feed would clone. */
  readonly canClone: (paper: Pick<Paper, 'githubRepo'>) => boolean;
}

interface Buttons {
  readonly open: vscode.QuickInputButton;
  readonly copy: vscode.QuickInputButton;
  readonly insert: vscode.QuickInputButton;
  readonly insertKeepOpen: vscode.QuickInputButton;
  readonly save: vscode.QuickInputButton;
  readonly clone: vscode.QuickInputButton;
  readonly similar: vscode.QuickInputButton;
  readonly fullText: vscode.QuickInputButton;
}

let buttons: Buttons | undefined;

/** Made on first use, not when the extension loads. */
function itemButtons(): Buttons {
  buttons ??= {
    open: { iconPath: new vscode.ThemeIcon('preview'), tooltip: vscode.l10n.t('Open Paper') },
    copy: { iconPath: new vscode.ThemeIcon('quote'), tooltip: vscode.l10n.t('Copy Citation…') },
    insert: { iconPath: new vscode.ThemeIcon('insert'), tooltip: vscode.l10n.t('Insert Citation') },
    insertKeepOpen: { iconPath: new vscode.ThemeIcon('add'), tooltip: vscode.l10n.t('Insert Citation and Keep Open') },
    save: { iconPath: new vscode.ThemeIcon('bookmark'), tooltip: vscode.l10n.t('Save to Reading List') },
    clone: { iconPath: new vscode.ThemeIcon('repo-clone'), tooltip: vscode.l10n.t('Clone Repository…') },
    similar: { iconPath: new vscode.ThemeIcon('references'), tooltip: vscode.l10n.t('Show Similar Papers') },
    fullText: { iconPath: new vscode.ThemeIcon('book'), tooltip: vscode.l10n.t('Read Full Text') },
  };
  return buttons;
}

/** Authors as the card names them: the first `shown`, then how many more. */
function cardAuthors(card: PaperCard, shown: number): string {
  const names = card.authors.slice(0, shown).join(', ');
  return card.authorCount > shown ? vscode.l10n.t('{0} and {1} more', names, card.authorCount - shown) : names;
}

/**
 * A paper's item; `snippet`, for a paper found only by its abstract, is the sentence that matched.
 * `alwaysShow` (the default): the list is the query's own ranking, which the picker's label matching
 * must not thin out (Search Papers); false where the box filters the list (Show Similar Papers).
 */
export function paperItem(paper: PaperCard, deps: PaperItemDeps, snippet?: string, options: { readonly alwaysShow?: boolean } = {}): PaperPickItem {
  const facts = [
    `▲ ${paper.upvotes}`,
    paper.githubRepo && paper.githubStars !== undefined ? `★ ${formatCount(paper.githubStars)}` : undefined,
    paper.date || undefined,
    deps.topics.label(paper.topic),
  ].filter(Boolean).join(' · ');
  const all = itemButtons();
  return {
    // QuickPick items render `$(name)` as icons: paper text is escaped to show as typed.
    label: escapeIcons(paper.title),
    description: facts,
    detail: escapeIcons(snippet ? `${cardAuthors(paper, 1)} · “${snippet}”` : cardAuthors(paper, 4)),
    // Search Papers: our ranking, not the picker's own label matching: every result stays, in our order.
    alwaysShow: options.alwaysShow ?? true,
    buttons: [
      all.open, all.copy, all.insert, all.insertKeepOpen,
      ...(deps.isSaved(paper.id) ? [] : [all.save]),
      ...(deps.canClone({ githubRepo: paper.githubRepo }) ? [all.clone] : []),
      all.similar, all.fullText,
    ],
    paper,
  };
}

/**
 * What an item's button runs on its paper, and whether the picker stays open for it (Save, and
 * Insert Citation and Keep Open, so that several papers are cited one after another).
 */
function buttonCommand(button: vscode.QuickInputButton): { readonly command: string; readonly keepOpen: boolean } {
  const { open, copy, insert, insertKeepOpen, clone, similar, fullText } = itemButtons();
  const command = button === open ? Commands.openPaper : button === copy ? Commands.copyCitation
    : button === insert || button === insertKeepOpen ? Commands.insertCitation : button === clone ? Commands.cloneRepository
      : button === similar ? Commands.showSimilar : button === fullText ? Commands.readFullText : Commands.savePaper;
  return { command, keepOpen: command === Commands.savePaper || button === insertKeepOpen };
}

/**
 * Runs an item's button on its paper: the picker hides first unless the button keeps it open; after
 * Save, `afterSave` redraws the list (the saved paper's Save button goes).
 */
export async function runItemButton<T extends PaperPickItem>(quickPick: vscode.QuickPick<T>, { item, button }: vscode.QuickPickItemButtonEvent<T>, afterSave: () => unknown): Promise<void> {
  if (!item.paper) {
    return;
  }
  const { command, keepOpen } = buttonCommand(button);
  if (!keepOpen) {
    quickPick.hide();
  }
  await vscode.commands.executeCommand(command, item.paper.id);
  if (command === Commands.savePaper) {
    await afterSave();
  }
}
