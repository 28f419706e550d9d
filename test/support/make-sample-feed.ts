/**
 * Regenerates media/sample-feed.json from ../shared/seed/seed-papers.json (`npm run sample`).
 * The output is checked in, so the extension never needs ../shared at run time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeSampleFeed, type SeedPaper } from '../../src/core/paper/sample';

const root = join(__dirname, '..', '..');
const seedPath = join(root, '..', 'shared', 'seed', 'seed-papers.json');
const outPath = join(root, 'media', 'sample-feed.json');

const seeds = JSON.parse(readFileSync(seedPath, 'utf8')) as SeedPaper[];
const feed = makeSampleFeed(seeds, 'shared/seed/seed-papers.json (29 papers checked against arXiv)');
writeFileSync(outPath, `${JSON.stringify(feed, null, 1)}\n`);
console.log(`wrote ${feed.papers.length} papers to ${outPath}`);
