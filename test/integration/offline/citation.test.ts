import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { paperFeed } from '../helpers';

/** The project root, from out/test/integration/offline. */
const root = join(__dirname, '..', '..', '..', '..');

function goldenEntry(format: 'bibtex' | 'apa', id: string): string {
  const text = readFileSync(join(root, 'test', 'fixtures', 'golden', `seed.${format}.txt`), 'utf8');
  const entries = format === 'bibtex' ? text.split(/\n(?=@)/) : text.split('\n');
  const entry = entries.find((candidate) => candidate.includes(id));
  assert.ok(entry, `no golden ${format} entry for ${id}`);
  return format === 'bibtex' ? `${entry.trimEnd()}\n` : entry;
}

describe('copy citation', () => {
  it('did not load the CSL engine at activation', async () => {
    const { testing } = await paperFeed();
    assert.equal(testing.citations.engineLoaded, false);
    assert.ok(!Object.keys(require.cache).some((path) => path.endsWith(join('dist', 'csl.js'))), 'dist/csl.js is not required');
  });

  it('copies BibTeX by id with a format argument, without asking', async () => {
    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand('paperFeed.copyCitation', '2508.10104', 'bibtex');
    assert.equal(await vscode.env.clipboard.readText(), goldenEntry('bibtex', '2508.10104'));
  });

  it('copies APA through the CSL engine, loading it on first use', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.copyCitation', '2506.05333', 'apa');
    assert.equal(await vscode.env.clipboard.readText(), goldenEntry('apa', '2506.05333'));
    assert.equal(testing.citations.engineLoaded, true);
  });

  it('formats through the API, and rejects unknown papers and formats', async () => {
    const api = await paperFeed();
    assert.match(await api.formatCitation('2508.10104', 'ieee'), /^O\. Siméoni et al\., “DINOv3,” arXiv:2508\.10104 \[cs\.CV\], 2025\./);
    await assert.rejects(api.formatCitation('2501.99999', 'bibtex'), /no paper 2501\.99999/);
    await assert.rejects(api.formatCitation('2508.10104', 'word' as never), /Unknown citation format/);
  });

  it('refuses an unknown format argument and leaves the clipboard alone', async () => {
    await vscode.env.clipboard.writeText('untouched');
    await vscode.commands.executeCommand('paperFeed.copyCitation', '2508.10104', 'docx');
    assert.equal(await vscode.env.clipboard.readText(), 'untouched');
  });
});
