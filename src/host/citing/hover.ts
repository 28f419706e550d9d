/**
 * Hovers: a card for the citation key under the cursor in a citing document (its .bib entry, and the
 * paper when Paper Feed knows it), and for an arXiv id or an arXiv / Hugging Face / alphaXiv paper
 * URL in any file. The cards are Markdown whose only links run Paper Feed's own commands; paper and
 * .bib text is escaped (core/citation/hoverCard.ts).
 *
 * The key hover follows `paperFeed.completion.enabled`; the paper-mention hover stays on, since it is
 * not about citing. A position is answered by one provider only: on a cited key (while the key hover
 * is on) the mention provider steps aside, so `\cite{2401.12345}` shows one card.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { summarize, type BibSummary } from '../../core/citation/bibEntries';
import { bibCardMarkdown, type CardLink, paperCardMarkdown, unknownPaperMarkdown } from '../../core/citation/hoverCard';
import { citationKey, FULL_ARXIV_KEY } from '../../core/citation/keys';
import { sameKey } from '../../core/citation/keyLocations';
import { arxivIdInKey, paperMentionAt } from '../../core/citation/paperMentions';
import { paperLinks } from '../../core/paper/arxiv';
import type { Paper } from '../../core/paper/model';
import { commandUri } from '../../core/view/tooltip';
import { readCitationConfig, readCompletionEnabled } from '../config';
import { Commands, InternalCommands } from '../ids';
import type { PaperStore } from '../paperStore';
import type { SavedPapers } from '../savedPapers';
import type { SearchService } from '../searchService';
import type { BibIndex } from './bibIndex';
import type { DocumentCites } from './documentCites';

/** What the hovers use of registerCiting's dependencies (declared here: registerCiting imports this file). */
export interface HoverDeps {
  readonly log: vscode.LogOutputChannel;
  readonly bibIndex: Pick<BibIndex, 'load'>;
  readonly cites: Pick<DocumentCites, 'keyAt'>;
  readonly search: Pick<SearchService, 'papers'>;
  readonly store: Pick<PaperStore, 'get' | 'list'>;
  readonly saved: Pick<SavedPapers, 'list'>;
}

/** The commands a card may run: nothing else, whatever the text says. */
export const HOVER_COMMANDS: readonly string[] = [Commands.openPaper, InternalCommands.openLink];

function markdown(text: string): vscode.MarkdownString {
  const card = new vscode.MarkdownString(text);
  card.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  card.supportHtml = false;
  card.supportThemeIcons = false;
  return card;
}

/** Open Paper (which fetches a paper Paper Feed has not seen) and Open on arXiv (through the link policy). */
function paperCardLinks(id: string): CardLink[] {
  return [
    { label: vscode.l10n.t('Open Paper'), target: commandUri(Commands.openPaper, [id]) },
    { label: vscode.l10n.t('Open on arXiv'), target: commandUri(InternalCommands.openLink, [paperLinks.arxivAbstract(id), id]) },
  ];
}

/** A paper Paper Feed holds or has cached, without fetching anything and without starting the search worker. */
async function knownPaper(deps: HoverDeps, id: string): Promise<Paper | undefined> {
  const held = deps.store.get(id);
  if (held) {
    return held;
  }
  try {
    return (await deps.search.papers([id]))[0];
  } catch (error) {
    deps.log.warn(`Hover: could not read paper ${id} from the cache: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** A paper whose key, as Paper Feed writes keys, is `key`: among the papers held and the reading list. */
function paperWithKey(deps: HoverDeps, key: string, scope: vscode.Uri): Paper | undefined {
  const { keyFormat } = readCitationConfig(scope);
  const candidates = [...deps.store.list(), ...deps.saved.list().map((entry) => entry.paper)];
  // Also the long arXiv-like key Paper Feed wrote before keys were kept short.
  return candidates.find((paper) => sameKey(citationKey(paper, keyFormat), key))
    ?? (keyFormat === 'arxiv' ? candidates.find((paper) => sameKey(citationKey(paper, FULL_ARXIV_KEY), key)) : undefined);
}

/** The card of a paper mentioned by id: the paper when known, else a note with the links. */
async function idCard(deps: HoverDeps, id: string, source?: string): Promise<string> {
  const paper = await knownPaper(deps, id);
  if (paper) {
    return paperCardMarkdown(paper, { links: paperCardLinks(paper.id), ...(source ? { source } : {}) });
  }
  return unknownPaperMarkdown(id, vscode.l10n.t('Not in Paper Feed\'s archive. Open Paper looks it up on Hugging Face.'), { links: paperCardLinks(id), ...(source ? { source } : {}) });
}

/** The card of a cited key: its .bib entry and paper, or undefined when nothing is known about it. */
export async function keyCard(deps: HoverDeps, document: vscode.TextDocument, key: string): Promise<string | undefined> {
  let summary: BibSummary | undefined;
  let source: string | undefined;
  for (const bib of await deps.bibIndex.load(document)) {
    const entry = bib.database?.byKey.get(key.toLowerCase());
    if (bib.database && entry) {
      summary = summarize(bib.database, entry);
      source = vscode.l10n.t('{0} in {1}', entry.key, path.basename(bib.uri.fsPath));
      break;
    }
  }
  const id = summary ? summary.arxivId : arxivIdInKey(key);
  if (id) {
    const paper = await knownPaper(deps, id);
    if (paper) {
      return paperCardMarkdown(paper, { links: paperCardLinks(paper.id), ...(source ? { source } : {}) });
    }
  }
  if (summary) {
    return bibCardMarkdown(summary, { links: id ? paperCardLinks(id) : [], ...(source ? { source } : {}) });
  }
  if (id) {
    return idCard(deps, id, vscode.l10n.t('{0}: not in the bibliography', key));
  }
  const written = paperWithKey(deps, key, document.uri);
  return written
    ? paperCardMarkdown(written, { links: paperCardLinks(written.id), source: vscode.l10n.t('{0}: not in the bibliography', key) })
    : undefined;
}

/** The card of the cited key under the cursor, in a citing document. */
export class CitationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly deps: HoverDeps) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!readCompletionEnabled(document.uri)) {
      return undefined;
    }
    const cited = this.deps.cites.keyAt(document, position);
    if (!cited) {
      return undefined;
    }
    const card = await keyCard(this.deps, document, cited.key);
    if (!card || token.isCancellationRequested) {
      return undefined;
    }
    return new vscode.Hover(markdown(card), new vscode.Range(document.positionAt(cited.start), document.positionAt(cited.end)));
  }
}

/** Only this much of a line around the cursor is looked at. */
const LINE_WINDOW = 2_000;

/** The card of an arXiv id or paper URL under the cursor, in any file. */
export class PaperMentionHoverProvider implements vscode.HoverProvider {
  constructor(private readonly deps: HoverDeps) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const line = document.lineAt(position.line).text;
    const from = Math.max(0, position.character - LINE_WINDOW);
    const mention = paperMentionAt(line.slice(from, position.character + LINE_WINDOW), position.character - from);
    if (!mention) {
      return undefined;
    }
    if (readCompletionEnabled(document.uri) && this.deps.cites.keyAt(document, position)) {
      return undefined; // the key's own hover answers
    }
    const card = await idCard(this.deps, mention.id);
    if (token.isCancellationRequested) {
      return undefined;
    }
    return new vscode.Hover(markdown(card), new vscode.Range(position.line, from + mention.start, position.line, from + mention.end));
  }
}
