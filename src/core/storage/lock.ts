/**
 * A lock file shared by every VS Code window on the machine: created with O_EXCL, holding a token
 * unique to its holder. The holder touches the file every `staleMs / 3` while it holds the lock, so a
 * lock whose file has not been touched for `staleMs` belongs to a holder that crashed, and is taken over.
 *
 * Taking over is single-winner: a stale lock is replaced only by the one contender that created the
 * claim file named after that very lock (`<lock>.takeover-<token>.<n>`, O_EXCL), and only after it has
 * re-read the lock and found the same token, still stale. Two contenders that both judged the lock
 * stale race for the claim, not for the lock. A claim whose own contender crashed goes stale too, and
 * the next contender claims at level n + 1; a contender removes only the claims it created, and the
 * stale ones it passed only once it has replaced the lock (before, removing one would let a contender
 * that judged the same lock stale claim it again and win a second time).
 *
 * Nothing is removed by path alone: whoever removes a lock file (a takeover, or a release) first
 * renames it to a name of its own, then reads the token in the renamed file, and deletes it only if it
 * is the one it meant (the stale lock it judged, its own). Any other file (a fresh lock that replaced
 * the one it judged while it was paused) is put back with link(), which never replaces a lock created
 * meanwhile.
 *
 * Limits: a holder whose event loop stops for longer than `staleMs` loses its lock (it notices at
 * its next heartbeat: `isHeld` turns false); mtimes must be comparable with the local clock. A lock
 * that was renamed by mistake is missing from its path until it is put back (a few system calls): a
 * lock created in that gap wins, the one moved aside is dropped, and its holder, which went on
 * believing it held the lock, learns otherwise only at its next heartbeat (until then there are two
 * holders). A mistaken rename takes a holder or a contender that stopped for longer than `staleMs`
 * at the wrong moment; a lock lost in the gap takes a third party arriving in it as well. A holder
 * that looks at its lock in the gap (a heartbeat, a release) finds none and lets it go: the lock
 * put back then waits out `staleMs`. A file system without hard links cannot put a lock back: it is
 * dropped as if a lock had been created in the gap. A process that crashes between renaming a lock
 * and deleting it leaves a `<lock>.aside-*` file behind, and one that crashes in a takeover its
 * claim; neither is read again.
 */
import { randomBytes } from 'node:crypto';
import { link, open, rename, rm, utimes } from 'node:fs/promises';

export interface LockOptions {
  readonly staleMs: number;
  /** How long `acquire` waits for another holder before giving up. */
  readonly waitMs: number;
  readonly pollMs?: number;
  /** For tests: awaited at each step where another contender may interleave, so a test can order them. */
  readonly pause?: (at: LockStep) => Promise<void> | void;
}

/**
 * The points where a lock waits on purpose in tests: after judging the lock stale, before removing a
 * stale lock (`replacing`) or its own (`releasing`), before putting back a lock it moved aside that was
 * not the one it meant (`putting-back`), and after a heartbeat read the lock.
 */
export type LockStep = 'judged-stale' | 'replacing' | 'releasing' | 'putting-back' | 'beat-read';

/** What a lock file says and how fresh it is; undefined when there is none. */
interface Snapshot {
  /** The holder's token, or for a file that is not ours to read (half-written, foreign), its inode and mtime. */
  readonly identity: string;
  readonly stale: boolean;
}

/** Claims per stale lock before giving up (each further level needs the one before to have gone stale). */
const MAX_CLAIM_LEVELS = 8;

export class FileLock {
  private held = false;
  private token = '';
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(readonly path: string, private readonly options: LockOptions) {}

  /** Whether this instance holds the lock (false once it was released, or lost to a takeover). */
  get isHeld(): boolean {
    return this.held;
  }

  /** Takes the lock now, or returns false when someone else holds a fresh one. */
  async tryAcquire(): Promise<boolean> {
    if (await this.create()) {
      return true;
    }
    const seen = await this.snapshot();
    if (!seen) {
      return this.create(); // released meanwhile
    }
    if (!seen.stale) {
      return false;
    }
    await this.options.pause?.('judged-stale');
    return this.takeOver(seen.identity);
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
      await delay(this.options.pollMs ?? 100);
    }
  }

  /** Waits until nobody holds the lock (or it went stale); returns false on timeout or abort. */
  async waitUntilFree(timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !signal?.aborted) {
      const seen = await this.snapshot();
      if (!seen || seen.stale) {
        return true;
      }
      await delay(this.options.pollMs ?? 100);
    }
    return false;
  }

  /** Releases the lock, removing the file only while it still carries this holder's token. */
  async release(): Promise<void> {
    this.stopHeartbeat();
    if (!this.held) {
      return;
    }
    this.held = false;
    const token = this.token;
    if ((await this.snapshot())?.identity === token) {
      await this.options.pause?.('releasing');
      await this.removeIf((seen) => seen.identity === token);
    }
  }

  async isHeldElsewhere(): Promise<boolean> {
    if (this.held) {
      return false;
    }
    const seen = await this.snapshot();
    return seen !== undefined && !seen.stale;
  }

  /** Creates the lock file if there is none (O_EXCL); false when it exists. */
  private async create(): Promise<boolean> {
    const token = randomBytes(12).toString('hex');
    let handle;
    try {
      handle = await open(this.path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        return false;
      }
      throw error;
    }
    try {
      await handle.writeFile(JSON.stringify({ pid: process.pid, token, at: new Date().toISOString() }));
    } finally {
      await handle.close();
    }
    this.token = token;
    this.held = true;
    this.startHeartbeat();
    return true;
  }

  /** Removes the stale lock `identity` and takes its place, unless another contender is doing so. */
  private async takeOver(identity: string): Promise<boolean> {
    const mine: string[] = [];
    /** Claims of contenders that crashed while taking over this same lock. */
    const passed: string[] = [];
    let replaced = false;
    try {
      for (let level = 0; ; level++) {
        if (level === MAX_CLAIM_LEVELS) {
          return false;
        }
        const claim = `${this.path}.takeover-${identity.replace(/[^\w.-]/g, '_')}.${level}`;
        try {
          await (await open(claim, 'wx')).close();
          mine.push(claim);
          break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
            throw error;
          }
        }
        // Someone else claimed this lock: let them, unless they crashed while at it.
        if (!(await this.snapshot(claim))?.stale) {
          return false; // theirs, and alive
        }
        passed.push(claim);
      }
      // The claim is ours alone: the lock may only have changed if it was taken over before we claimed.
      const now = await this.snapshot();
      if (now && (now.identity !== identity || !now.stale)) {
        return false;
      }
      if (now) {
        await this.options.pause?.('replacing');
        if (!(await this.removeIf((seen) => seen.identity === identity && seen.stale))) {
          return false;
        }
      }
      replaced = true; // the lock judged stale is gone: nobody can take it over again
      return await this.create();
    } finally {
      await Promise.all([...mine, ...(replaced ? passed : [])].map((claim) => rm(claim, { force: true })));
    }
  }

  /**
   * Deletes the lock file if it is the one `meant`: renamed to a name of our own first, so that the
   * file checked is the file deleted. Another file is put back. Returns false when there was a lock
   * file and it was not the one meant.
   */
  private async removeIf(meant: (seen: Snapshot) => boolean): Promise<boolean> {
    const aside = `${this.path}.aside-${randomBytes(6).toString('hex')}`;
    try {
      await rename(this.path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return true; // removed meanwhile
      }
      throw error;
    }
    try {
      const seen = await this.snapshot(aside);
      if (seen && meant(seen)) {
        return true;
      }
      await this.options.pause?.('putting-back');
      // link() fails when the path exists: a lock created meanwhile stays, and this one is dropped.
      await link(aside, this.path).catch(() => undefined);
      return false;
    } finally {
      await rm(aside, { force: true });
    }
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.heartbeat = setInterval(() => void this.beat(), Math.max(10, Math.floor(this.options.staleMs / 3)));
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  /**
   * Touches the lock file while it is still ours; notices when it is not any more. A beat belongs to
   * the hold it started in: if that hold was released meanwhile (and perhaps a new one taken by this
   * same instance, with a heartbeat of its own), what it read says nothing about the lock now.
   */
  private async beat(): Promise<void> {
    const token = this.token;
    if (!this.held) {
      return;
    }
    const seen = await this.snapshot().catch(() => undefined);
    await this.options.pause?.('beat-read');
    if (!this.held || this.token !== token) {
      return; // released meanwhile
    }
    if (seen?.identity !== token) {
      this.held = false;
      this.stopHeartbeat();
      return;
    }
    const now = new Date();
    await utimes(this.path, now, now).catch(() => undefined);
  }

  /** Reads a lock or claim file: its identity and whether it is stale, from one open file. */
  private async snapshot(path = this.path): Promise<Snapshot | undefined> {
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return undefined;
      }
      throw error;
    }
    try {
      const stat = await handle.stat();
      const text = await handle.readFile('utf8');
      const stale = Date.now() - stat.mtimeMs > this.options.staleMs;
      let token: unknown;
      try {
        token = (JSON.parse(text) as { token?: unknown }).token;
      } catch {
        // Being written by its holder (then it is fresh), or left half-written by one that crashed.
      }
      return { identity: typeof token === 'string' && token ? token : `inode-${stat.ino}-${Math.floor(stat.mtimeMs)}`, stale };
    } finally {
      await handle.close();
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
