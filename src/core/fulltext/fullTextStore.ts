/**
 * The full texts kept on disk, one file per paper (./fullTextFiles.ts says where): read bounded,
 * written atomically (another window may be reading), and pruned to a number of files, oldest
 * read first, never one of the papers to keep (the reading list).
 */
import { mkdir, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../storage/atomicWrite';
import { FULLTEXT_DIR, FULLTEXT_MAX_BYTES, fullTextFile, isFullTextId } from './fullTextFiles';

/** Full texts kept beyond the reading list's: each is read again offline without a request. */
export const FULLTEXT_KEPT = 200;

export class FullTextStore {
  constructor(private readonly cacheDir: string) {}

  /** The answer kept for `id`, or undefined when there is none (or it is unreadable, or too large). */
  async read(id: string): Promise<string | undefined> {
    const file = fullTextFile(this.cacheDir, id);
    if (!file) {
      return undefined;
    }
    try {
      const info = await stat(file);
      if (!info.isFile() || info.size > FULLTEXT_MAX_BYTES) {
        return undefined;
      }
      const text = await readFile(file, 'utf8');
      // Read again: the order prune goes by (its access time is not kept on every file system).
      const now = new Date();
      await utimes(file, now, now).catch(() => undefined);
      return text;
    } catch {
      return undefined;
    }
  }

  async write(id: string, text: string): Promise<void> {
    const file = fullTextFile(this.cacheDir, id);
    if (!file) {
      throw new Error(`Not an arXiv id: ${id.slice(0, 40)}`);
    }
    await mkdir(join(this.cacheDir, FULLTEXT_DIR), { recursive: true });
    await writeFileAtomic(file, text);
  }

  /** The ids that have a full text kept. */
  async ids(): Promise<string[]> {
    try {
      const names = await readdir(join(this.cacheDir, FULLTEXT_DIR));
      return names.filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)).filter(isFullTextId);
    } catch {
      return [];
    }
  }

  /** Removes the least recently read files past `max`, never those of `keep`; how many went. */
  async prune(keep: ReadonlySet<string>, max = FULLTEXT_KEPT): Promise<number> {
    const ids = (await this.ids()).filter((id) => !keep.has(id));
    if (ids.length <= max) {
      return 0;
    }
    const dated = await Promise.all(ids.map(async (id) => {
      try {
        return { id, at: (await stat(fullTextFile(this.cacheDir, id) as string)).mtimeMs };
      } catch {
        return { id, at: 0 };
      }
    }));
    dated.sort((a, b) => a.at - b.at);
    const gone = dated.slice(0, dated.length - max);
    await Promise.all(gone.map(({ id }) => rm(fullTextFile(this.cacheDir, id) as string, { force: true })));
    return gone.length;
  }
}
