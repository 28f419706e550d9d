/**
 * Every `paperFeed.*` setting with its type and default, as package.json contributes them (a unit
 * test compares the two both ways). Apart from config.ts only so that the test runs without VS Code.
 */
import type { BibtexStyle } from '../core/citation/bibtex';
import type { CitationFormat } from '../core/citation/format';
import type { LatexCommand } from '../core/citation/insert';
import type { KeyFormat } from '../core/citation/keys';
import { DEFAULT_ENDPOINT } from '../core/feed/endpoint';
import type { RelativeWindowId } from '../core/feed/windows';
import type { Grouping, SortBy } from '../core/view/groups';
import type { SavedSortBy } from '../core/view/savedView';

export interface Settings {
  readonly endpoint: string;
  readonly window: RelativeWindowId;
  readonly days: number;
  readonly refreshIntervalMinutes: number;
  readonly 'cache.maxPapers': number;
  readonly 'archive.months': number;
  readonly 'panel.reuse': boolean;
  readonly 'citation.defaultFormat': CitationFormat;
  readonly 'citation.keyFormat': KeyFormat;
  readonly 'citation.cslStyles': readonly string[];
  readonly 'citation.latexCommand': LatexCommand;
  readonly 'citation.bibFile': string;
  readonly 'citation.bibtexStyle': BibtexStyle;
  readonly 'citation.preferPublished': boolean;
  readonly 'enrichment.arxiv': boolean;
  readonly 'enrichment.published': boolean;
  readonly 'completion.enabled': boolean;
  readonly 'clone.directory': string;
  readonly 'clone.allowedHosts': readonly string[];
  readonly 'clone.shallow': boolean;
  readonly 'clone.submodules': boolean;
  readonly grouping: Grouping;
  readonly sortBy: SortBy;
  readonly 'saved.sortBy': SavedSortBy;
  readonly topics: Readonly<Record<string, readonly string[]>>;
  /** Search Papers queries, or `{ query, name?, notify? }` (read by core/search/watches.ts). */
  readonly watches: readonly WatchSetting[];
}

/** One item of `paperFeed.watches` as the user writes it. */
export type WatchSetting = string | { readonly query: string; readonly name?: string; readonly notify?: boolean };

/** A setting's name without the `paperFeed.` section. */
export type SettingKey = keyof Settings;

export const SETTING_DEFAULTS: Settings = {
  endpoint: DEFAULT_ENDPOINT,
  window: 'days',
  days: 7,
  refreshIntervalMinutes: 60,
  'cache.maxPapers': 100_000,
  'archive.months': 12,
  'panel.reuse': true,
  'citation.defaultFormat': 'bibtex',
  'citation.keyFormat': 'arxiv',
  'citation.cslStyles': [],
  'citation.latexCommand': 'cite',
  'citation.bibFile': 'references.bib',
  'citation.bibtexStyle': 'portable',
  'citation.preferPublished': true,
  'enrichment.arxiv': true,
  'enrichment.published': true,
  'completion.enabled': true,
  'clone.directory': '',
  'clone.allowedHosts': [],
  'clone.shallow': true,
  'clone.submodules': false,
  grouping: 'date',
  sortBy: 'upvotes',
  'saved.sortBy': 'savedAt',
  topics: {},
  watches: [],
};
