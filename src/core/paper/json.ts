/** Small checks for untrusted JSON values, shared by the feed normaliser and the stored-paper reader. */
import { safeWebUrl } from './webUrl';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-negative safe integer (upvotes, stars, comments), else undefined. */
export function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** The https URLs of a list (at most 50), or undefined when there are none. */
export function httpsUrlList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const urls = value.slice(0, 50).map((entry) => safeWebUrl(entry, { httpsOnly: true })).filter((url): url is string => url !== undefined);
  return urls.length > 0 ? urls : undefined;
}
