/**
 * A FileLock contender in a process of its own, for the lock's unit tests. Arguments: the lock
 * path and staleMs. It says `ready`; at each `try` line on stdin it tries once and answers `won` or
 * `lost` (a won lock is held, heartbeat and all, until the process ends); `hold` acquires, waiting.
 */
import { createInterface } from 'node:readline';
import { FileLock } from '../../src/core/storage/lock';

const [path, staleMs] = process.argv.slice(2) as [string, string];
const held: FileLock[] = [];
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const lock = new FileLock(path, { staleMs: Number(staleMs), waitMs: line === 'hold' ? 60_000 : 0, pollMs: 20 });
  void (line === 'hold' ? lock.acquire() : lock.tryAcquire()).then((won) => {
    if (won) {
      held.push(lock);
    }
    process.stdout.write(`${won ? 'won' : 'lost'}\n`);
  });
});
lines.on('close', () => process.exit(0));
process.stdout.write('ready\n');
