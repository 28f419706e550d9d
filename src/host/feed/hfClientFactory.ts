import * as path from 'node:path';
import * as vscode from 'vscode';
import { mayReceiveToken } from '../../core/feed/endpoint';
import { HfClient, type HtmlReader } from '../../core/feed/hfClient';
import type { Fetch, HttpOptions } from '../../core/feed/http';
import { SecretKeys } from '../ids';

export interface HfClientFactoryDeps {
  /** Read when a client is made, never during activation. */
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  /** The configured endpoint, validated. */
  readonly endpoint: () => string;
}

/** How a client made for background work differs from the feed's. */
export interface ClientTuning extends Partial<Pick<HttpOptions, 'maxAttempts' | 'maxRetryWaitMs'>> {
  readonly pace?: (fetch: Fetch) => Fetch;
}

/**
 * Hugging Face clients for the configured endpoint, and the user's token: kept in SecretStorage and
 * sent only to huggingface.co itself or this machine.
 */
export class HfClientFactory {
  constructor(private readonly deps: HfClientFactoryDeps) {}

  /** A client; `options` for background work: `pace` wraps its fetch (the archive's pacer), and retries are tuned. */
  create(options: ClientTuning = {}): HfClient {
    const endpoint = this.deps.endpoint();
    const secrets = this.deps.context.secrets;
    const plain: Fetch = (url, init) => fetch(url, init);
    return new HfClient({
      endpoint,
      fetch: options.pace ? options.pace(plain) : plain,
      ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
      ...(options.maxRetryWaitMs !== undefined ? { maxRetryWaitMs: options.maxRetryWaitMs } : {}),
      userAgent: userAgent(this.deps.context),
      token: mayReceiveToken(endpoint) ? async () => secrets.get(SecretKeys.hfToken) : undefined,
      log: (message) => this.deps.log.info(message),
      html: loadHtmlReader,
    });
  }

  async setToken(token: string | undefined): Promise<void> {
    if (token) {
      await this.deps.context.secrets.store(SecretKeys.hfToken, token);
    } else {
      await this.deps.context.secrets.delete(SecretKeys.hfToken);
    }
  }
}

/** dist/html.js, a bundle of its own (esbuild.mjs): the HTML parser is needed only when the API fails. */
function loadHtmlReader(): Promise<HtmlReader> {
  // A failing require becomes a rejection, as the client expects of a loader.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return new Promise((resolve) => resolve(require(path.join(__dirname, 'html.js')) as HtmlReader));
}

/** The User-Agent Paper Feed sends to every service: its name and version, and VS Code's. */
export function userAgent(context: vscode.ExtensionContext): string {
  const version = (context.extension.packageJSON as { version?: string }).version ?? '0';
  return `paper-feed-vscode/${version} (VS Code ${vscode.version})`;
}
