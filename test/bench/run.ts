/**
 * `npm run bench`: prints a table and writes bench-results.json (see CONTRACT.md for the shape).
 * `PAPER_FEED_BENCH_ONLY=archive,feed` runs only those areas and prints them, leaving the file alone.
 */
import { benchActivation } from './activation.bench';
import { benchArchive } from './archive.bench';
import { benchCitations } from './citations.bench';
import { benchCore } from './core.bench';
import { benchFeed } from './feed.bench';
import { Bench } from './harness';
import { benchTree } from './tree.bench';
import { benchSearch } from './search.bench';

async function main(): Promise<void> {
  const bench = new Bench();
  const only = process.env.PAPER_FEED_BENCH_ONLY?.split(',').map((area) => area.trim()).filter(Boolean);
  const areas: [string, (bench: Bench) => unknown][] = [
    ['core', benchCore], ['feed', benchFeed], ['activation', benchActivation],
    ['citations', benchCitations], ['tree', benchTree], ['search', benchSearch], ['archive', benchArchive],
  ];
  for (const [area, run] of areas) {
    if (!only || only.includes(area)) {
      await run(bench);
    }
  }
  bench.print();
  console.log(only ? `\nonly ${only.join(', ')}: bench-results.json not written` : `\nwrote ${bench.write()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
