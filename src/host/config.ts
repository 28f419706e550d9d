import * as vscode from 'vscode';
import { isWindowId, type WindowId } from '../core/feed/windows';

export const DEFAULT_ENDPOINT = 'https://huggingface.co';

export interface FeedConfig {
  /** Validated base URL of Hugging Face or a mirror, without a trailing slash. */
  readonly endpoint: string;
  readonly window: WindowId;
  readonly days: number;
  readonly refreshIntervalMinutes: number;
  readonly maxPapers: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The endpoint: the setting when the user set it, else HF_ENDPOINT (as huggingface_hub does), else
 * huggingface.co. Only https, or plain http to this machine (a local mirror or test server).
 */
export function resolveEndpoint(configured: string | undefined, env: string | undefined, warn: (message: string) => void): string {
  for (const [source, value] of [['paperFeed.endpoint', configured], ['HF_ENDPOINT', env]] as const) {
    if (!value?.trim()) {
      continue;
    }
    try {
      const url = new URL(value.trim());
      if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
        if (!url.username && !url.password) {
          return url.href.replace(/\/+$/, '');
        }
      }
    } catch {
      // reported below
    }
    warn(`Ignoring ${source}=${value}: it must be an https URL (or http to 127.0.0.1/localhost).`);
  }
  return DEFAULT_ENDPOINT;
}

/** Whether the Hugging Face token may be sent there: huggingface.co itself or this machine. */
export function mayReceiveToken(endpoint: string): boolean {
  const host = new URL(endpoint).hostname;
  return host === 'huggingface.co' || host === 'hf.co' || LOOPBACK.has(host);
}

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
