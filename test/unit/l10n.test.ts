import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import * as ts from 'typescript';
import { root } from '../support/paths';

/** What `npm run l10n` extracts from src: every string passed to vscode.l10n.t. */
async function extracted(): Promise<Record<string, unknown>> {
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .sort()
    .map((file) => ({ extension: '.ts', contents: readFileSync(join(root, 'src', file), 'utf8') }));
  return getL10nJson(files);
}

/**
 * Text the panel's script could show that is written in the script itself: every string literal and
 * the fixed parts of every template, except names (tags, classes, attributes, message and command
 * types), separators, and the symbols and the arXiv prefixes shown beside numbers and ids (`arXiv:`
 * before an id, `v` before a version's number).
 */
export function unlocalisedWebviewText(source: string): string[] {
  const file = ts.createSourceFile('main.ts', source, ts.ScriptTarget.Latest, true);
  const name = /^[a-z][A-Za-z0-9]*(?:-[a-z0-9]+)*$/;
  const allowed = new Set(['', ' ', ', ', ' · ', '{0}', 'action saved', 'section.linked', 'div.actions']);
  const symbols = /^(?:arXiv:|v)?[\s▲★💬:]*$/u;
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (!name.test(node.text) && !allowed.has(node.text) && !symbols.test(node.text)) {
        found.push(node.text);
      }
    } else if (ts.isTemplateExpression(node)) {
      for (const part of [node.head.text, ...node.templateSpans.map((span) => span.literal.text)]) {
        if (!symbols.test(part)) {
          found.push(part);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
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

  it('the panel script writes no words of its own: they all come from the host', () => {
    // icons.ts holds SVG geometry (viewBox, path data), no text.
    const scripts = readdirSync(join(root, 'src', 'webview')).filter((file) => file.endsWith('.ts') && file !== 'icons.ts');
    assert.ok(scripts.includes('main.ts') && scripts.includes('record.ts'), scripts.join(', '));
    for (const script of scripts) {
      assert.deepEqual(unlocalisedWebviewText(readFileSync(join(root, 'src', 'webview', script), 'utf8')), [], script);
    }
    // The check finds what the script had before its words moved to the host.
    assert.deepEqual(unlocalisedWebviewText("button('Insert citation', `and ${more} more`); toggle.textContent = 'show fewer'; h2('Abstract');"),
      ['Insert citation', 'and ', ' more', 'show fewer', 'Abstract']);
  });

  it('is where package.json says, and packaged', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { l10n?: string };
    assert.equal(manifest.l10n, './l10n');
    const allowed = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(allowed.includes('!l10n/*.json'), '.vscodeignore lets the bundles (and their translations) into the package');
  });
});
