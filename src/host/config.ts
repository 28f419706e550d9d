import * as vscode from 'vscode';
import { resolveEndpoint } from '../core/endpoint';
import { isWindowId, type WindowId } from '../core/feed/windows';

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
