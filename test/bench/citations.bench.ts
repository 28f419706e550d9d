import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cslItem } from '../../src/core/citation/styles';
import type { Paper } from '../../src/core/paper/model';
import { parseSampleFeed } from '../../src/core/paper/sample';
import { root } from '../support/paths';
import { type Bench, percentile } from './harness';

/** Bundle sizes, and the first styled reference: a cold load of dist/csl.js plus one APA reference. */
export function benchCitations(bench: Bench): void {
  const kb = (file: string): number => Math.round(statSync(join(root, 'dist', file)).size / 102.4) / 10;
  bench.record('citations.cslBundleKB', kb('csl.js'), 'kB', 'dist/csl.js (citation-js), production, loaded on first use');
  bench.record('citations.extensionBundleKB', kb('extension.js'), 'kB', 'dist/extension.js, production, without the CSL engine');

  const sample = parseSampleFeed(JSON.parse(readFileSync(join(root, 'media', 'sample-feed.json'), 'utf8')));
  const item = cslItem(sample.find((paper) => paper.id === '2508.10104') as Paper, 'simeoni2025dinov3');
  // A fresh Node process each time, so the load is cold.
  const script = `const t=performance.now();const {engine}=require(${JSON.stringify(join(root, 'dist', 'csl.js'))});`
    + `const text=engine.format(JSON.parse(process.argv[1]),'apa');if(!text.includes('DINOv3'))process.exit(1);`
    + 'process.stdout.write(String(performance.now()-t));';
  const runs = Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ['-e', script, JSON.stringify(item)], { encoding: 'utf8' })));
  bench.record('citations.firstStyledFormatMs', percentile(runs, 50), 'ms', 'fresh process: require(dist/csl.js) + one APA reference, p50 of 5');
}
