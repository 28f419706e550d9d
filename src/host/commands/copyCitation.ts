import * as vscode from 'vscode';
import { CITATION_FORMATS, type CitationFormat, FORMAT_LABELS, isCitationFormat, joinCitations, needsCslEngine } from '../../core/citation/format';
import type { Citations } from '../citations';
import { readCitationConfig } from '../config';
import { escapeIcons } from '../../core/view/present';
import { type PaperCommandContext, resolvePapers } from './openPaper';
import { GlobalStateKeys } from '../ids';
import { describeArg, UserError } from './register';

/** Asks for a format, offering the last one first (else `paperFeed.citation.defaultFormat`). */
export async function pickFormat(citations: Citations, state: vscode.Memento): Promise<CitationFormat | undefined> {
  const last = state.get<string>(GlobalStateKeys.lastCitationFormat);
  const preferred = isCitationFormat(last) ? last : readCitationConfig().defaultFormat;
  const formats: CitationFormat[] = [...CITATION_FORMATS, ...citations.userStyleNames().map((name) => `csl:${name}` as const)];
  const items = formats.map((format) => ({
    label: format.startsWith('csl:') ? format.slice(4) : FORMAT_LABELS[format as keyof typeof FORMAT_LABELS],
    description: format.startsWith('csl:') ? vscode.l10n.t('your CSL style') : format,
    format,
  }));
  const ordered = [...items.filter((item) => item.format === preferred), ...items.filter((item) => item.format !== preferred)];
  const picked = await vscode.window.showQuickPick(ordered, { title: vscode.l10n.t('Copy Citation As'), placeHolder: vscode.l10n.t('Citation format'), ignoreFocusOut: true });
  if (picked) {
    await state.update(GlobalStateKeys.lastCitationFormat, picked.format);
  }
  return picked?.format;
}

/**
 * `paperFeed.copyCitation [paper] [format]`: with a format it copies without asking. From a tree
 * menu VS Code passes the selected rows where the format would be: then every selected paper's
 * citation is copied, in one text (`joinCitations`).
 */
export async function copyCitation(
  context: PaperCommandContext, citations: Citations, state: vscode.Memento, arg: unknown, formatOrSelection: unknown, formatAfterSelection?: unknown,
): Promise<string | undefined> {
  const selection = Array.isArray(formatOrSelection) ? formatOrSelection : undefined;
  const formatArg = selection ? formatAfterSelection : formatOrSelection;
  if (formatArg !== undefined && !isCitationFormat(formatArg)) {
    throw new UserError(vscode.l10n.t('"{0}" is not a citation format: use one of {1}, or csl:<name>.', describeArg(formatArg), CITATION_FORMATS.join(', ')));
  }
  const papers = await resolvePapers(context, arg, selection);
  const [paper] = papers;
  if (!paper) {
    return undefined;
  }
  const format = formatArg ?? await pickFormat(citations, state);
  if (!format) {
    return undefined;
  }
  const formatAll = async (): Promise<string> => joinCitations(format, await Promise.all(papers.map((each) => citations.format(each, format))));
  const text = needsCslEngine(format)
    ? await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Formatting citation') }, formatAll)
    : await formatAll();
  await vscode.env.clipboard.writeText(text);
  const label = format.startsWith('csl:') ? format.slice(4) : FORMAT_LABELS[format as keyof typeof FORMAT_LABELS];
  // The status bar renders `$(name)` as an icon: ours is one, the paper's title must not be.
  const title = escapeIcons(paper.title.length > 50 ? `${paper.title.slice(0, 49)}…` : paper.title);
  vscode.window.setStatusBarMessage(`$(check) ${papers.length === 1
    ? vscode.l10n.t('Copied {0} for “{1}”', escapeIcons(label), title)
    : vscode.l10n.t('Copied {0} for {1} papers', escapeIcons(label), papers.length)}`, 5_000);
  return text;
}
