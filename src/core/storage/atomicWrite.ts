/**
 * Writing a file that other windows read: a temp file with a unique name in the same folder, then a
 * rename over the target, so a reader sees the old content or the new, never a part. On any failure
 * the temp file is removed and the error rethrown, so failures leave nothing behind.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';

export interface AtomicWriteOptions {
  /** Flush the data to disk before the rename (slower; for files worth surviving a power cut). */
  readonly fsync?: boolean;
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const temp = `${path}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  const handle = await open(temp, 'wx');
  try {
    try {
      await handle.writeFile(data);
      if (options.fsync) {
        await handle.sync();
      }
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
