/** `npm run bench`: prints a table and writes bench-results.json (see CONTRACT.md for the shape). */
import { benchActivation } from './activation.bench';
import { benchCore } from './core.bench';
import { Bench } from './harness';

const bench = new Bench();
benchCore(bench);
benchActivation(bench);
bench.print();
console.log(`\nwrote ${bench.write()}`);
