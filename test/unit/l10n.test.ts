import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import { root } from '../support/paths';

/** What `npm run l10n` extracts from src: every string passed to vscode.l10n.t. */
async function extracted(): Promise<Record<string, unknown>> {
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .sort()
    .map((file) => ({ extension: '.ts', contents: readFileSync(join(root, 'src', file), 'utf8') }));
  return getL10nJson(files);
}

describe('localisation', () => {
  let source: Record<string, unknown>;
  before(async () => {
    source = await extracted();
  });

  it('l10n/bundle.l10n.json holds exactly the strings the source localises (run `npm run l10n` after changing one)', () => {
    const committed = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as unknown;
    assert.ok(Object.keys(source).length > 100, 'the extraction found the strings of src/host');
    assert.deepEqual(committed, source);
  });

  it('every word of the paper panel is localised by the host', () => {
    for (const text of ['Insert citation', 'Copy citation…', 'Open the PDF', 'and {0} more', 'Open {0} on Hugging Face', 'Abstract', 'Loading…']) {
      assert.ok(text in source, `${text} is not passed to vscode.l10n.t`);
    }
  });

  it('is where package.json says, and packaged', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { l10n?: string };
    assert.equal(manifest.l10n, './l10n');
    const allowed = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(allowed.includes('!l10n/*.json'), '.vscodeignore lets the bundles (and their translations) into the package');
  });
});
