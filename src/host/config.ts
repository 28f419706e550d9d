/**
 * Paper Feed's settings: every `paperFeed.*` setting (and `git.path`) is read, written and watched
 * here and nowhere else (a unit test checks that). Values come back typed and checked, with the
 * defaults of package.json (configDefaults.ts) in place of missing or invalid ones, and paths with
 * `~` already expanded.
 */
import { homedir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { BIBTEX_STYLES, type BibtexStyle, type EntryOptions } from '../core/citation/bibtex';
import { type CitationFormat, isCitationFormat } from '../core/citation/format';
import { LATEX_COMMANDS, type LatexCommand } from '../core/citation/insert';
import type { KeyFormat } from '../core/citation/keys';
import { ARCHIVE_ALL_MONTHS } from '../core/feed/archivePlan';
import { resolveEndpoint } from '../core/feed/endpoint';
import { isWindowId, type WindowId } from '../core/feed/windows';
import { type Grouping, isGrouping, isSortBy, type SortBy } from '../core/view/groups';
import { isSavedSortBy, type SavedSortBy } from '../core/view/savedView';
import { MAX_SETTING_ITEMS, MAX_WATCHES, parseWatches, type Watch } from '../core/search/watchedSearches';
import { SETTING_DEFAULTS, type SettingKey, type Settings, type WatchSetting } from './configDefaults';

const SECTION = 'paperFeed';

export interface FeedConfig {
  /** Validated base URL of Hugging Face or a mirror, without a trailing slash. */
  readonly endpoint: string;
  readonly window: WindowId;
  readonly days: number;
  readonly refreshIntervalMinutes: number;
  readonly maxPapers: number;
}

/** The feed settings, typed and clamped; an invalid endpoint is reported through `warn`. */
export function readFeedConfig(warn: (message: string) => void): FeedConfig {
  const config = section();
  const endpoint = config.inspect<string>('endpoint');
  // Only a value the user set: the default gives way to HF_ENDPOINT.
  const configured = endpoint?.workspaceFolderValue ?? endpoint?.workspaceValue ?? endpoint?.globalValue;
  const window = get(config, 'window');
  return {
    endpoint: resolveEndpoint(configured, process.env.HF_ENDPOINT, warn),
    window: isWindowId(window) ? window : SETTING_DEFAULTS.window,
    days: clamp(get(config, 'days'), 1, 31, SETTING_DEFAULTS.days),
    refreshIntervalMinutes: clamp(get(config, 'refreshIntervalMinutes'), 0, 24 * 60, SETTING_DEFAULTS.refreshIntervalMinutes),
    maxPapers: clamp(get(config, 'cache.maxPapers'), 100, 1_000_000, SETTING_DEFAULTS['cache.maxPapers']),
  };
}

export interface CitationConfig {
  readonly defaultFormat: CitationFormat;
  readonly keyFormat: KeyFormat;
  readonly latexCommand: LatexCommand;
  /** `paperFeed.citation.bibFile`: relative to the workspace folder, or absolute (`~` expanded). */
  readonly bibFile: string;
  /** `paperFeed.citation.cslStyles`: the .csl files listed, `~` expanded (relative ones are relative to the workspace folder). */
  readonly cslStyles: readonly string[];
  /** How entries are written: `paperFeed.citation.bibtexStyle` and `paperFeed.citation.preferPublished`. */
  readonly entry: EntryOptions;
}

/** The citation settings for `scope` (a document), typed, with the defaults for invalid values. */
export function readCitationConfig(scope?: vscode.Uri): CitationConfig {
  const config = section(scope);
  const format = get(config, 'citation.defaultFormat');
  const command = get(config, 'citation.latexCommand');
  const keyFormat = get(config, 'citation.keyFormat');
  const bibFile = get(config, 'citation.bibFile');
  const styles = get(config, 'citation.cslStyles');
  const bibtexStyle = get(config, 'citation.bibtexStyle');
  return {
    defaultFormat: isCitationFormat(format) ? format : SETTING_DEFAULTS['citation.defaultFormat'],
    keyFormat: typeof keyFormat === 'string' && keyFormat.trim() ? keyFormat : SETTING_DEFAULTS['citation.keyFormat'],
    latexCommand: (LATEX_COMMANDS as readonly unknown[]).includes(command) ? command as LatexCommand : SETTING_DEFAULTS['citation.latexCommand'],
    bibFile: typeof bibFile === 'string' && bibFile.trim() ? expandHome(bibFile.trim()) : SETTING_DEFAULTS['citation.bibFile'],
    cslStyles: strings(styles).map((entry) => entry.trim()).filter((entry) => entry.toLowerCase().endsWith('.csl')).map(expandHome),
    entry: {
      style: (BIBTEX_STYLES as readonly unknown[]).includes(bibtexStyle) ? bibtexStyle as BibtexStyle : SETTING_DEFAULTS['citation.bibtexStyle'],
      preferPublished: flag(config, 'citation.preferPublished'),
    },
  };
}

/** Which services may be asked about papers (`paperFeed.enrichment.*`). */
export interface EnrichmentConfig {
  readonly arxiv: boolean;
  readonly published: boolean;
}

export function readEnrichmentConfig(): EnrichmentConfig {
  const config = section();
  return { arxiv: flag(config, 'enrichment.arxiv'), published: flag(config, 'enrichment.published') };
}

export interface CloneConfig {
  /** `paperFeed.clone.directory` trimmed, `~` expanded; empty when unset (then the user picks a folder). */
  readonly directory: string;
  /** Hosts the user allows besides the well-known code hosts. */
  readonly allowedHosts: string[];
  readonly shallow: boolean;
  readonly submodules: boolean;
}

export function readCloneConfig(): CloneConfig {
  const config = section();
  const directory = get(config, 'clone.directory');
  return {
    directory: typeof directory === 'string' ? expandHome(directory.trim()) : SETTING_DEFAULTS['clone.directory'],
    allowedHosts: strings(get(config, 'clone.allowedHosts')),
    shallow: flag(config, 'clone.shallow'),
    submodules: flag(config, 'clone.submodules'),
  };
}

/** How the Papers view groups and sorts. */
export function readViewConfig(): { readonly grouping: Grouping; readonly sortBy: SortBy } {
  const config = section();
  const grouping = get(config, 'grouping');
  const sortBy = get(config, 'sortBy');
  return {
    grouping: isGrouping(grouping) ? grouping : SETTING_DEFAULTS.grouping,
    sortBy: isSortBy(sortBy) ? sortBy : SETTING_DEFAULTS.sortBy,
  };
}

/** `paperFeed.saved.sortBy`: the Saved view's order. */
export function readSavedSortBy(): SavedSortBy {
  const sortBy = get(section(), 'saved.sortBy');
  return isSavedSortBy(sortBy) ? sortBy : SETTING_DEFAULTS['saved.sortBy'];
}

/**
 * `paperFeed.archive.months`: how many months (the current one included) the background backfill
 * keeps, 0 for none; values past May 2023 mean the whole archive.
 */
export function readArchiveMonths(): number {
  return clamp(get(section(), 'archive.months'), 0, ARCHIVE_ALL_MONTHS, SETTING_DEFAULTS['archive.months']);
}

/** `paperFeed.completion.enabled`: citing as you write (completion, hovers, definitions, diagnostics) in the document's scope. */
export function readCompletionEnabled(scope?: vscode.Uri): boolean {
  return flag(section(scope), 'completion.enabled');
}

/** `paperFeed.panel.reuse`: one panel for every paper, or one per paper. */
export function readPanelReuse(): boolean {
  return flag(section(), 'panel.reuse');
}

/**
 * `paperFeed.topics` as a plain copy (setting values are proxies, which cannot cross to a worker);
 * empty unless it is an object. Its entries are checked by whoever compiles them.
 */
export function readUserTopics(): Record<string, unknown> {
  const topics = get(section(), 'topics');
  return typeof topics === 'object' && topics !== null && !Array.isArray(topics) ? JSON.parse(JSON.stringify(topics)) as Record<string, unknown> : {};
}

/**
 * `paperFeed.watches` as VS Code merges it (the workspace's list replaces the user's), checked item
 * by item: bad items, repeated queries and those past the limit are left out, each reported through `warn`.
 */
export function readWatches(warn: (message: string) => void = () => undefined): Watch[] {
  return parseWatches(get(section(), 'watches'), (index, reason) => warn(`Watch ${index + 1} of the paperFeed.watches setting is ignored: ${reason}.`),
    (count) => warn(`${count} more items of the paperFeed.watches setting are ignored (Paper Feed watches at most ${MAX_WATCHES} searches and reads the first ${MAX_SETTING_ITEMS} items).`));
}

/** Where `paperFeed.watches` is written: the user's settings, or the workspace's when the list is there. */
export type WatchesTarget = 'global' | 'workspace';

/** The raw lists of `paperFeed.watches` in each settings file that has one (items as written, unchecked). */
export function watchesByTarget(): Partial<Record<WatchesTarget, readonly unknown[]>> {
  const inspected = section().inspect<unknown>('watches');
  const lists: Partial<Record<WatchesTarget, readonly unknown[]>> = {};
  for (const [target, value] of [['global', inspected?.globalValue], ['workspace', inspected?.workspaceValue]] as const) {
    if (Array.isArray(value)) {
      lists[target] = JSON.parse(JSON.stringify(value)) as unknown[]; // a plain copy, not the settings proxy
    }
  }
  return lists;
}

/**
 * Writes `paperFeed.watches` in one settings file; an empty list removes the entry (an empty list in
 * the workspace's settings would hide the user's watches).
 */
export function updateWatches(target: WatchesTarget, items: readonly unknown[]): Thenable<void> {
  const value = items.length === 0 ? undefined : items as readonly WatchSetting[];
  return section().update('watches', value, target === 'global' ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace);
}

/** VS Code's own `git.path` (a path or a list of paths), empty entries left out. */
export function readGitPaths(): string[] {
  const configured = vscode.workspace.getConfiguration('git').get<unknown>('path');
  return (Array.isArray(configured) ? configured : [configured])
    .filter((entry): entry is string => typeof entry === 'string' && entry.trim().length > 0);
}

/** Writes a setting for the user (global), as the pickers do to remember a choice. */
export function updateSetting<K extends SettingKey>(key: K, value: Settings[K]): Thenable<void> {
  return section().update(key, value, vscode.ConfigurationTarget.Global);
}

export interface SettingsChange {
  affects(key: SettingKey): boolean;
}

/** Calls `listener` when any of `keys` changes, with what changed. */
export function onDidChangeSettings(keys: readonly SettingKey[], listener: (change: SettingsChange) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    const change: SettingsChange = { affects: (key) => event.affectsConfiguration(`${SECTION}.${key}`) };
    if (keys.some((key) => change.affects(key))) {
      listener(change);
    }
  });
}

function section(scope?: vscode.Uri): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION, scope);
}

/** The value, else the default: still unchecked (a user can write anything in settings.json). */
function get(config: vscode.WorkspaceConfiguration, key: SettingKey): unknown {
  return config.get<unknown>(key, SETTING_DEFAULTS[key]);
}

/** The settings whose value is true or false. */
type FlagKey = { [K in SettingKey]: Settings[K] extends boolean ? K : never }[SettingKey];

/** A true-or-false setting, its default when the value is anything else. */
function flag(config: vscode.WorkspaceConfiguration, key: FlagKey): boolean {
  const value = get(config, key);
  return typeof value === 'boolean' ? value : SETTING_DEFAULTS[key];
}

function clamp(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value))) : fallback;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

/** `~` and `~/…` in a path setting mean the home folder. */
function expandHome(value: string): string {
  return value === '~' || value.startsWith('~/') ? path.join(homedir(), value.slice(1)) : value;
}
