/**
 * `npm run bench`: prints a table and writes bench-results.json (see CONTRACT.md for the shape).
 * `PAPER_FEED_BENCH=search,archive npm run bench` runs only those areas and prints them, leaving the file alone.
 */
import { benchActivation } from './activation.bench';
import { benchArchive } from './archive.bench';
import { benchCitations } from './citations.bench';
import { benchCompletion } from './completion.bench';
import { benchCore } from './core.bench';
import { benchDiscovery } from './discovery.bench';
import { benchEnrichment } from './enrichment.bench';
import { benchFeed } from './feed.bench';
import { benchFullText } from './fulltext.bench';
import { benchFullTextOpen } from './fullTextOpen.bench';
import { Bench } from './harness';
import { benchTree } from './tree.bench';
import { benchSearch } from './search.bench';

const AREAS: Record<string, (bench: Bench) => void | Promise<void>> = {
  core: benchCore,
  feed: benchFeed,
  activation: benchActivation,
  citations: benchCitations,
  tree: benchTree,
  search: benchSearch,
  archive: benchArchive,
  completion: benchCompletion,
  enrichment: benchEnrichment,
  discovery: benchDiscovery,
  fulltext: async (bench) => {
    await benchFullText(bench);
    benchFullTextOpen(bench);
  },
};

async function main(): Promise<void> {
  const wanted = (process.env.PAPER_FEED_BENCH ?? '').split(',').map((area) => area.trim()).filter(Boolean);
  const unknown = wanted.filter((area) => !(area in AREAS));
  if (unknown.length > 0) {
    throw new Error(`PAPER_FEED_BENCH: no bench area ${unknown.join(', ')} (there are ${Object.keys(AREAS).join(', ')})`);
  }
  const bench = new Bench();
  for (const [area, run] of Object.entries(AREAS)) {
    if (wanted.length === 0 || wanted.includes(area)) {
      await run(bench);
    }
  }
  bench.print();
  console.log(wanted.length > 0 ? `\nonly ${wanted.join(', ')}: bench-results.json not written` : `\nwrote ${bench.write()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
