/**
 * Where a paper's full text is kept: `<cacheDir>/fulltext/<arXiv id>.md`, beside the paper cache,
 * holding Hugging Face's answer as it came (its `Title:`/`URL Source:` header and the Markdown),
 * so that a change in how Paper Feed renders it needs no new request. The host writes these files;
 * the search worker reads the saved papers' ones for `in:fulltext`.
 */
import { join } from 'node:path';

export const FULLTEXT_DIR = 'fulltext';

/** The largest full text kept or read (bytes of UTF-8): the longest real papers are far below it. */
export const FULLTEXT_MAX_BYTES = 4 * 1024 * 1024;

/** New-style arXiv ids (with an optional version); nothing else names a file. */
const SAFE_ID = /^\d{4}\.\d{4,5}(v\d{1,3})?$/;

export function isFullTextId(id: unknown): id is string {
  return typeof id === 'string' && SAFE_ID.test(id);
}

/** The file of paper `id`'s full text, or undefined for an id that cannot name one. */
export function fullTextFile(cacheDir: string, id: string): string | undefined {
  return isFullTextId(id) ? join(cacheDir, FULLTEXT_DIR, `${id}.md`) : undefined;
}
