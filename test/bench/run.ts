/** `npm run bench`: prints a table and writes bench-results.json (see CONTRACT.md for the shape). */
import { benchActivation } from './activation.bench';
import { benchCitations } from './citations.bench';
import { benchCore } from './core.bench';
import { benchFeed } from './feed.bench';
import { Bench } from './harness';
import { benchTree } from './tree.bench';
import { benchSearch } from './search.bench';

async function main(): Promise<void> {
  const bench = new Bench();
  benchCore(bench);
  await benchFeed(bench);
  benchActivation(bench);
  benchCitations(bench);
  benchTree(bench);
  await benchSearch(bench);
  bench.print();
  console.log(`\nwrote ${bench.write()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
