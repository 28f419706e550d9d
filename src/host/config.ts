import * as vscode from 'vscode';
import { resolveEndpoint } from '../core/feed/endpoint';
import { isWindowId, type WindowId } from '../core/feed/windows';
import { type CitationFormat, isCitationFormat } from '../core/citation/format';
import { LATEX_COMMANDS, type LatexCommand } from '../core/citation/insert';
import type { KeyFormat } from '../core/citation/keys';

export interface FeedConfig {
  /** Validated base URL of Hugging Face or a mirror, without a trailing slash. */
  readonly endpoint: string;
  readonly window: WindowId;
  readonly days: number;
  readonly refreshIntervalMinutes: number;
  readonly maxPapers: number;
}

/** The feed settings, typed and clamped; an invalid endpoint is reported through `warn`. */
export function readConfig(warn: (message: string) => void): FeedConfig {
  const config = vscode.workspace.getConfiguration('paperFeed');
  const endpoint = config.inspect<string>('endpoint');
  const configured = endpoint?.workspaceFolderValue ?? endpoint?.workspaceValue ?? endpoint?.globalValue;
  const window = config.get<string>('window', 'days');
  return {
    endpoint: resolveEndpoint(configured, process.env.HF_ENDPOINT, warn),
    window: isWindowId(window) ? window : 'days',
    days: clamp(config.get<number>('days', 7), 1, 31, 7),
    refreshIntervalMinutes: clamp(config.get<number>('refreshIntervalMinutes', 60), 0, 24 * 60, 60),
    maxPapers: clamp(config.get<number>('cache.maxPapers', 20_000), 100, 1_000_000, 20_000),
  };
}

function clamp(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value))) : fallback;
}

export interface CitationConfig {
  readonly defaultFormat: CitationFormat;
  readonly keyFormat: KeyFormat;
  readonly latexCommand: LatexCommand;
  /** `paperFeed.citation.bibFile` as written (relative to the workspace folder, or absolute). */
  readonly bibFile: string;
}

/** The citation settings for `scope` (a document), typed, with the defaults for invalid values. */
export function readCitationConfig(scope?: vscode.Uri): CitationConfig {
  const config = vscode.workspace.getConfiguration('paperFeed.citation', scope);
  const format = config.get<unknown>('defaultFormat');
  const command = config.get<unknown>('latexCommand');
  const keyFormat = config.get<unknown>('keyFormat');
  const bibFile = config.get<unknown>('bibFile');
  return {
    defaultFormat: isCitationFormat(format) ? format : 'bibtex',
    keyFormat: typeof keyFormat === 'string' && keyFormat.trim() ? keyFormat : 'arxiv',
    latexCommand: (LATEX_COMMANDS as readonly unknown[]).includes(command) ? command as LatexCommand : 'cite',
    bibFile: typeof bibFile === 'string' && bibFile.trim() ? bibFile.trim() : 'references.bib',
  };
}
