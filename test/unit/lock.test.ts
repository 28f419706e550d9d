/** The cross-window lock under contention: real files, real timers, other processes. */
import * as assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { FileLock, type LockStep } from '../../src/core/storage/lock';

const CONTENDER = join(__dirname, '..', 'support', 'lockContender.ts');

/** A contender in another process (test/support/lockContender.ts), answering one line per request. */
class Contender {
  private readonly answers: string[] = [];
  private readonly waiting: ((line: string) => void)[] = [];
  private readonly lines: Interface;

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    this.lines = createInterface({ input: child.stdout });
    this.lines.on('line', (line) => {
      const next = this.waiting.shift();
      if (next) {
        next(line);
      } else {
        this.answers.push(line);
      }
    });
  }

  static start(path: string, staleMs: number): Contender {
    return new Contender(spawn(process.execPath, ['--import', 'tsx', CONTENDER, path, String(staleMs)], { stdio: 'pipe' }));
  }

  next(): Promise<string> {
    const answer = this.answers.shift();
    return answer !== undefined ? Promise.resolve(answer) : new Promise((resolve) => this.waiting.push(resolve));
  }

  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  stop(): void {
    this.child.stdin.end();
    this.lines.close();
  }
}

function writeStaleLock(path: string, token: string, ageMs: number): void {
  writeFileSync(path, JSON.stringify({ pid: 999_999, token, at: new Date(Date.now() - ageMs).toISOString() }));
  const then = (Date.now() - ageMs) / 1_000;
  utimesSync(path, then, then);
}

/** Makes a lock (or claim) file look untouched for `ageMs`, as if its holder had crashed. */
function age(path: string, ageMs: number): void {
  const then = (Date.now() - ageMs) / 1_000;
  utimesSync(path, then, then);
}

const tokenIn = (path: string): unknown => (JSON.parse(readFileSync(path, 'utf8')) as { token?: unknown }).token;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Stops a lock once at one step (its `pause` hook): `reached` settles when it gets there, `resume` lets it go on. */
class Gate {
  private resumeNow!: () => void;
  private readonly resumed = new Promise<void>((resolve) => {
    this.resumeNow = resolve;
  });
  private arrive!: () => void;
  readonly reached = new Promise<void>((resolve) => {
    this.arrive = resolve;
  });
  private used = false;

  constructor(private readonly step: LockStep) {}

  readonly pause = async (at: LockStep): Promise<void> => {
    if (at === this.step && !this.used) {
      this.used = true;
      this.arrive();
      await this.resumed;
    }
  };

  resume(): void {
    this.resumeNow();
  }

  /** Waits until the lock stops here; fails if `work` finishes first, never having got here. */
  async stopped(work: Promise<unknown>): Promise<void> {
    const finished = work.then(() => {
      throw new Error(`finished without reaching ${this.step}`);
    });
    finished.catch(() => undefined);
    await Promise.race([this.reached, finished]);
  }
}

describe('FileLock under contention', () => {
  let dir: string;
  const children: Contender[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paper-feed-lock-'));
  });
  afterEach(() => {
    children.splice(0).forEach((child) => {
      child.stop();
      child.child.kill();
    });
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets exactly one of many contenders take over a stale lock: 20 in this process and 4 in others, five rounds', async function () {
    this.timeout(60_000);
    const path = join(dir, 'l');
    for (let index = 0; index < 4; index++) {
      children.push(Contender.start(path, 60_000));
    }
    assert.deepEqual(await Promise.all(children.map((child) => child.next())), ['ready', 'ready', 'ready', 'ready']);
    for (let round = 0; round < 5; round++) {
      writeStaleLock(path, `crashed-${round}`, 120_000);
      const locks = Array.from({ length: 20 }, () => new FileLock(path, { staleMs: 60_000, waitMs: 0 }));
      children.forEach((child) => child.send('try'));
      const [here, there] = await Promise.all([
        Promise.all(locks.map((lock) => lock.tryAcquire())),
        Promise.all(children.map((child) => child.next())),
      ]);
      const winners = here.filter(Boolean).length + there.filter((answer) => answer === 'won').length;
      assert.equal(winners, 1, `round ${round}: ${winners} contenders think they hold the lock (here ${JSON.stringify(here)}, there ${JSON.stringify(there)})`);
      assert.deepEqual(readdirSync(dir), ['l'], `round ${round}: no claim or renamed lock is left behind`);
      const holder = locks.find((lock) => lock.isHeld);
      await holder?.release();
      if (!holder) {
        // A child holds it until it ends: end that one, and make the lock stale again for the next round.
        const index = there.indexOf('won');
        children[index]?.stop();
        children.splice(index, 1, Contender.start(path, 60_000));
        assert.equal(await children[index]?.next(), 'ready');
      }
    }
  });

  it('keeps the lock of a holder that runs longer than staleMs: nobody takes it over', async function () {
    this.timeout(20_000);
    const path = join(dir, 'l');
    const holder = new FileLock(path, { staleMs: 1_000, waitMs: 0 });
    const other = new FileLock(path, { staleMs: 1_000, waitMs: 0 });
    assert.equal(await holder.tryAcquire(), true);
    const until = Date.now() + 3_000; // three times staleMs
    while (Date.now() < until) {
      assert.equal(await other.tryAcquire(), false, 'the holder is alive and keeps its lock fresh');
      await sleep(50);
    }
    assert.equal(holder.isHeld, true);
    await holder.release();
    assert.equal(await other.tryAcquire(), true);
    await other.release();
  });

  it('a holder in another process keeps its lock past staleMs while alive, and loses it staleMs after it crashed', async function () {
    this.timeout(40_000);
    const path = join(dir, 'l');
    const staleMs = 1_500; // generous: the other process may get little CPU on a busy machine
    const child = Contender.start(path, staleMs);
    children.push(child);
    assert.equal(await child.next(), 'ready');
    child.send('try');
    assert.equal(await child.next(), 'won');
    const other = new FileLock(path, { staleMs, waitMs: 0 });
    const until = Date.now() + 3 * staleMs;
    while (Date.now() < until) {
      assert.equal(await other.tryAcquire(), false, 'alive: not taken over');
      await sleep(50);
    }
    child.child.kill('SIGKILL');
    await new Promise((resolve) => child.child.once('exit', resolve));
    const killed = Date.now();
    assert.equal(await other.tryAcquire(), false, 'not at once: its last heartbeat is recent');
    const waiting = new FileLock(path, { staleMs, waitMs: 10 * staleMs, pollMs: 20 });
    assert.equal(await waiting.acquire(), true, 'taken over once stale');
    const after = Date.now() - killed;
    assert.ok(after >= staleMs / 2, `taken over ${after} ms after the crash, before the lock went stale`);
    await waiting.release();
  });

  it('releases only its own lock, not one that replaced it', async () => {
    const path = join(dir, 'l');
    const lock = new FileLock(path, { staleMs: 60_000, waitMs: 0 });
    assert.equal(await lock.tryAcquire(), true);
    writeFileSync(path, JSON.stringify({ pid: 1, token: 'someone-else', at: new Date().toISOString() }));
    await lock.release();
    assert.ok(existsSync(path), 'the other holder keeps its lock file');
    assert.equal(tokenIn(path), 'someone-else');
  });

  it('keeps a new hold of the same lock when the heartbeat of the hold before it was reading the file', async () => {
    const path = join(dir, 'l');
    const gate = new Gate('beat-read');
    // Two writes in a row through one lock; its heartbeat (every staleMs / 3, here 10 ms) reads the file
    // of the first hold and is still deciding when the second hold begins.
    const lock = new FileLock(path, { staleMs: 30, waitMs: 0, pause: gate.pause });
    assert.equal(await lock.tryAcquire(), true);
    await gate.reached;
    await lock.release();
    assert.equal(await lock.tryAcquire(), true);
    const second = tokenIn(path);
    gate.resume();
    await sleep(50); // a few more beats of the second hold
    assert.equal(lock.isHeld, true, 'the first hold\'s heartbeat must not end the second hold');
    assert.equal(tokenIn(path), second);
    await lock.release();
    assert.equal(existsSync(path), false, 'released: no lock file left for every window to wait on');
  });

  describe('takeover and release, step by step', () => {
    const options = { staleMs: 60_000, waitMs: 0 };

    it('a loser leaves alone the claim of a crashed claimant, so a late contender cannot win the same takeover', async () => {
      const path = join(dir, 'l');
      writeStaleLock(path, 'crashed', 120_000);
      writeFileSync(`${path}.takeover-crashed.0`, ''); // a contender claimed it, then crashed
      age(`${path}.takeover-crashed.0`, 120_000);
      const late = new Gate('judged-stale');
      const first = new Gate('replacing');
      const lateLock = new FileLock(path, { ...options, pause: late.pause });
      const firstLock = new FileLock(path, { ...options, pause: first.pause });
      const lateTry = lateLock.tryAcquire();
      await late.stopped(lateTry); // judged the crashed lock stale, has not claimed yet
      const firstTry = firstLock.tryAcquire();
      await first.stopped(firstTry); // claimed at level 1 past the crashed claim, about to replace the lock
      assert.equal(await new FileLock(path, options).tryAcquire(), false, 'a third contender loses to the live claim');
      late.resume();
      const lateWon = await lateTry;
      first.resume();
      const firstWon = await firstTry;
      assert.deepEqual({ firstWon, lateWon }, { firstWon: true, lateWon: false });
      assert.equal(firstLock.isHeld, true);
      assert.equal(lateLock.isHeld, false);
      assert.equal(await new FileLock(path, options).tryAcquire(), false, 'the winner\'s lock is fresh');
      assert.deepEqual(readdirSync(dir), ['l'], 'the winner cleared the stale claims of the lock it replaced');
      await firstLock.release();
      assert.deepEqual(readdirSync(dir), []);
    });

    it('a takeover paused before removing the stale lock leaves alone the fresh lock that replaced it meanwhile', async () => {
      const path = join(dir, 'l');
      const paused = new FileLock(path, options); // its holder stopped for longer than staleMs …
      assert.equal(await paused.tryAcquire(), true);
      age(path, 120_000);
      const gate = new Gate('replacing');
      const contender = new FileLock(path, { ...options, pause: gate.pause });
      const attempt = contender.tryAcquire();
      await gate.stopped(attempt); // judged it stale, claimed it, read it again: still stale
      await paused.release(); // … and came back, and released
      const fresh = new FileLock(path, options);
      assert.equal(await fresh.tryAcquire(), true, 'the lock was free');
      const freshToken = tokenIn(path);
      gate.resume();
      assert.equal(await attempt, false, 'the contender must not remove the fresh lock and take it too');
      assert.equal(fresh.isHeld, true);
      assert.equal(tokenIn(path), freshToken, 'the fresh lock file is still there');
      assert.equal(await new FileLock(path, options).tryAcquire(), false);
      await fresh.release();
      assert.deepEqual(readdirSync(dir), []);
    });

    it('puts back a lock it moved aside by mistake only where no lock was created in the gap', async () => {
      const path = join(dir, 'l');
      const paused = new FileLock(path, options);
      assert.equal(await paused.tryAcquire(), true);
      age(path, 120_000);
      const replacing = new Gate('replacing');
      const puttingBack = new Gate('putting-back');
      const contender = new FileLock(path, { ...options, pause: async (at) => void await Promise.all([replacing.pause(at), puttingBack.pause(at)]) });
      const attempt = contender.tryAcquire();
      await replacing.stopped(attempt);
      await paused.release();
      const fresh = new FileLock(path, options);
      assert.equal(await fresh.tryAcquire(), true);
      replacing.resume();
      await puttingBack.stopped(attempt); // moved the fresh lock aside, found it is not the stale one
      assert.equal(existsSync(path), false);
      const third = new FileLock(path, options);
      assert.equal(await third.tryAcquire(), true, 'the gap: the lock looks free');
      const thirdToken = tokenIn(path);
      puttingBack.resume();
      assert.equal(await attempt, false);
      assert.equal(tokenIn(path), thirdToken, 'the lock created in the gap is not replaced');
      await fresh.release(); // its file was dropped: it does not touch the third one's either
      assert.equal(tokenIn(path), thirdToken);
      await third.release();
      assert.deepEqual(readdirSync(dir), [], 'no file moved aside is left');
    });

    it('a release paused after checking its token leaves alone the lock that took over meanwhile', async () => {
      const path = join(dir, 'l');
      const gate = new Gate('releasing');
      const paused = new FileLock(path, { ...options, pause: gate.pause });
      assert.equal(await paused.tryAcquire(), true);
      const releasing = paused.release();
      await gate.stopped(releasing); // read its own token, about to remove the file; then it stops for longer than staleMs
      age(path, 120_000);
      const next = new FileLock(path, options);
      assert.equal(await next.tryAcquire(), true, 'taken over once stale');
      const nextToken = tokenIn(path);
      gate.resume();
      await releasing;
      assert.equal(next.isHeld, true);
      assert.equal(existsSync(path) && tokenIn(path), nextToken, 'the new holder keeps its lock file');
      assert.equal(await new FileLock(path, options).tryAcquire(), false);
      await next.release();
      assert.deepEqual(readdirSync(dir), []);
    });
  });
});
