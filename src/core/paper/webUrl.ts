/** URL checks for links that come from untrusted feeds. */
import { HUGGING_FACE_SITE } from '../net/hosts';
import { githubShorthandUrl } from '../net/repoNames';

/** Returns the normalised URL when `value` is an absolute http(s) URL without credentials. */
export function safeWebUrl(value: unknown, options: { httpsOnly?: boolean } = {}): string | undefined {
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (typeof value !== 'string' || value.length > 2_000 || /[\s\u0000-\u001F\u007F]/.test(value.trim())) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  const allowed = options.httpsOnly ? ['https:'] : ['https:', 'http:'];
  if (!allowed.includes(url.protocol) || url.username || url.password || !url.hostname) {
    return undefined;
  }
  return url.href;
}

/**
 * `safeWebUrl` for text that a URL parser leaves as written, up to the case of its scheme and host and
 * the `/` after a bare host. A parser resolves `..` and `%2e` segments, reads `\` as `/`, drops default
 * ports and maps look-alike hosts, so the link the paper's text shows and the one a click or git
 * reaches could differ: such links (never real ones) are dropped. For the links that can be cloned.
 */
export function asWrittenWebUrl(value: unknown): string | undefined {
  const href = safeWebUrl(value);
  if (href === undefined || typeof value !== 'string') {
    return undefined;
  }
  const lower = (text: string): string => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
  const text = lower(value.trim());
  return lower(href) === text || lower(href) === `${text}/` ? href : undefined;
}

/** Accepts a repository as a full URL or as GitHub's `owner/repo` shorthand. */
export function normaliseRepoUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const text = value.trim();
  return githubShorthandUrl(text) ?? asWrittenWebUrl(text)?.replace(/\/+$/, '');
}

/** Hugging Face sometimes gives avatars as site-relative paths (`/avatars/….svg`). */
export function absoluteHfUrl(value: unknown, base = HUGGING_FACE_SITE): string | undefined {
  if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')) {
    return safeWebUrl(`${base}${value}`, { httpsOnly: true });
  }
  return safeWebUrl(value, { httpsOnly: true });
}
