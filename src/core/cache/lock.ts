/**
 * A lock file shared by every VS Code window on the machine: created with O_EXCL, holding who took it
 * and when; a lock older than `staleMs` (its holder crashed) is taken over.
 */
import { open, readFile, rm, stat } from 'node:fs/promises';

export interface LockOptions {
  readonly staleMs: number;
  /** How long `acquire` waits for another holder before giving up. */
  readonly waitMs: number;
  readonly pollMs?: number;
}

export class FileLock {
  private held = false;

  constructor(readonly path: string, private readonly options: LockOptions) {}

  /** Takes the lock now, or returns false when someone else holds a fresh one. */
  async tryAcquire(): Promise<boolean> {
    try {
      const handle = await open(this.path, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
      await handle.close();
      this.held = true;
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
    }
    if (await this.isStale()) {
      await rm(this.path, { force: true });
      return this.tryAcquire();
    }
    return false;
  }

  /** Waits up to `waitMs` for the lock; returns whether it was taken. */
  async acquire(): Promise<boolean> {
    const deadline = Date.now() + this.options.waitMs;
    for (;;) {
      if (await this.tryAcquire()) {
        return true;
      }
      if (Date.now() >= deadline) {
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs ?? 100));
    }
  }

  /** Waits until nobody holds the lock (or it went stale); returns false on timeout. */
  async waitUntilFree(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!(await this.exists()) || (await this.isStale())) {
        return true;
      }
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs ?? 100));
    }
    return false;
  }

  async release(): Promise<void> {
    if (this.held) {
      this.held = false;
      await rm(this.path, { force: true });
    }
  }

  async isHeldElsewhere(): Promise<boolean> {
    return !this.held && (await this.exists()) && !(await this.isStale());
  }

  private async exists(): Promise<boolean> {
    try {
      await stat(this.path);
      return true;
    } catch {
      return false;
    }
  }

  private async isStale(): Promise<boolean> {
    try {
      const text = await readFile(this.path, 'utf8');
      const at = Date.parse((JSON.parse(text) as { at?: string }).at ?? '');
      return Number.isNaN(at) || Date.now() - at > this.options.staleMs;
    } catch (error) {
      // Gone in the meantime, or half-written by its holder: judge by the file's age instead.
      try {
        return Date.now() - (await stat(this.path)).mtimeMs > this.options.staleMs;
      } catch {
        return (error as NodeJS.ErrnoException).code !== 'ENOENT';
      }
    }
  }
}
