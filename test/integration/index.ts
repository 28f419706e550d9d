/**
 * extensionTestsPath entry: VS Code's extension host calls run() and exits with its result.
 * `PAPER_FEED_TEST_PHASE` picks what runs: `offline` (no network: the sample feed), `main` (the fake
 * Hugging Face server), or one phase of a multi-phase test (`persistence:write`, …).
 * `PAPER_FEED_TEST_GREP` (passed through by `npm run test:integration`) runs only the matching tests.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const phase = process.env.PAPER_FEED_TEST_PHASE ?? 'main';
  const grep = process.env.PAPER_FEED_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec', slow: 2_000, ...(grep ? { grep } : {}) });
  if (phase === 'main' || phase === 'offline') {
    const suites = join(__dirname, phase === 'main' ? 'suite' : 'offline');
    readdirSync(suites).filter((file) => file.endsWith('.test.js')).sort()
      .forEach((file) => mocha.addFile(join(suites, file)));
  } else {
    mocha.addFile(join(__dirname, 'phases', `${phase.split(':')[0] ?? phase}.test.js`));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
