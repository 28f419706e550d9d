/** URL checks for links that come from untrusted feeds. */

/** Returns the normalised URL when `value` is an absolute http(s) URL without credentials. */
export function safeWebUrl(value: unknown, options: { httpsOnly?: boolean } = {}): string | undefined {
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

/** Accepts a repository as a full URL or as GitHub's `owner/repo` shorthand. */
export function normaliseRepoUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const text = value.trim();
  if (/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(text) && !text.startsWith('.')) {
    return `https://github.com/${text}`;
  }
  const url = safeWebUrl(text);
  return url?.replace(/\/+$/, '');
}

/** Hugging Face sometimes gives avatars as site-relative paths (`/avatars/….svg`). */
export function absoluteHfUrl(value: unknown, base = 'https://huggingface.co'): string | undefined {
  if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')) {
    return safeWebUrl(`${base}${value}`, { httpsOnly: true });
  }
  return safeWebUrl(value, { httpsOnly: true });
}
