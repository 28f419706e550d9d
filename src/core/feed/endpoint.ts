/** Where Paper Feed fetches from: Hugging Face or a mirror. */
import { HUGGING_FACE_HOSTS, HUGGING_FACE_SITE, isLoopbackHost } from '../net/hosts';

export const DEFAULT_ENDPOINT = HUGGING_FACE_SITE;

/**
 * The endpoint: the setting when the user set it, else HF_ENDPOINT (as huggingface_hub does), else
 * huggingface.co. Only https, or plain http to this machine (a local mirror or test server); no
 * credentials in the URL. A rejected value is reported through `warn` and skipped.
 */
export function resolveEndpoint(configured: string | undefined, env: string | undefined, warn: (message: string) => void): string {
  for (const [source, value] of [['paperFeed.endpoint', configured], ['HF_ENDPOINT', env]] as const) {
    if (!value?.trim()) {
      continue;
    }
    try {
      const url = new URL(value.trim());
      if ((url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname)))
        && !url.username && !url.password && !url.search && !url.hash) {
        return url.href.replace(/\/+$/, '');
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
  return HUGGING_FACE_HOSTS.includes(host) || isLoopbackHost(host);
}

/** Whether the endpoint is on this machine (a local mirror or a test server). */
export function isLocalEndpoint(endpoint: string): boolean {
  try {
    return isLoopbackHost(new URL(endpoint).hostname);
  } catch {
    return false;
  }
}
