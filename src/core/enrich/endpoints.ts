/** Where arXiv's API and DBLP are: the services' own addresses, or a local fake's from a test hook. */

/** A service's base URL from a test hook's value: http(s), no trailing slash; else `fallback`. */
export function serviceEndpoint(value: string | undefined, fallback: string, warn: (value: string) => void): string {
  if (value === undefined || value.trim() === '') {
    return fallback;
  }
  try {
    const url = new URL(value.trim());
    if (url.protocol === 'https:' || url.protocol === 'http:') {
      return url.toString().replace(/\/+$/, '');
    }
  } catch {
    // reported below
  }
  warn(value);
  return fallback;
}
