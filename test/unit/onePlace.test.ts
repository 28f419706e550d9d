/**
 * Settings and ids are spelled in one place each: `paperFeed.*` settings are read, written and
 * watched only in src/host/config.ts, and command, view, context-key, view-type and storage ids
 * appear only in src/host/ids.ts. Reads the src tree as text (parsed, so comments do not count).
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { Commands } from '../../src/host/ids';
import { root } from '../support/paths';

const CONFIG_MODULE = 'src/host/config.ts';
const IDS_MODULE = 'src/host/ids.ts';
const CONFIGURATION_API = new Set(['getConfiguration', 'onDidChangeConfiguration', 'affectsConfiguration']);

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: object } } };
/** Setting names may be named in messages ("add it to paperFeed.clone.allowedHosts"); they are read only in config.ts. */
const settingNames = new Set(Object.keys(manifest.contributes.configuration.properties));

interface Found { readonly file: string; readonly line: number; readonly text: string }

function sourceFiles(): { file: string; text: string }[] {
  return (readdirSync(join(root, 'src'), { recursive: true }) as string[])
    .filter((name) => name.endsWith('.ts'))
    .map((name) => {
      const file = relative(root, join(root, 'src', name)).split('\\').join('/');
      return { file, text: readFileSync(join(root, file), 'utf8') };
    });
}

/** What each file spells: id-like string literals (`'paperFeed.refresh'`, `` `paperFeed.${…}` ``) and uses of the configuration API. */
function scan(): { ids: Found[]; configurationApi: Found[] } {
  const ids: Found[] = [];
  const configurationApi: Found[] = [];
  for (const { file, text } of sourceFiles()) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const at = (node: ts.Node, found: string): Found => ({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: found });
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        if (/^paperFeed\.\S+$/.test(node.text)) {
          ids.push(at(node, node.text));
        }
      } else if (ts.isTemplateExpression(node)) {
        if (/^paperFeed\.\S*$/.test(node.head.text)) {
          ids.push(at(node, `${node.head.text}\${…}`));
        }
      } else if (ts.isIdentifier(node) && CONFIGURATION_API.has(node.text)) {
        configurationApi.push(at(node, node.text));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { ids, configurationApi };
}

const describeFound = (found: readonly Found[]): string => found.map((entry) => `${entry.file}:${entry.line} ${entry.text}`).join('\n');

describe('one place for settings and ids', () => {
  const { ids, configurationApi } = scan();

  it('finds what it looks for (else the checks below would pass for nothing)', () => {
    const inIds = new Set(ids.filter((entry) => entry.file === IDS_MODULE).map((entry) => entry.text));
    for (const id of Object.values(Commands)) {
      assert.ok(inIds.has(id), `${id} not found in ${IDS_MODULE}`);
    }
    assert.ok(configurationApi.some((entry) => entry.file === CONFIG_MODULE && entry.text === 'getConfiguration'));
  });

  it('reads, writes and watches settings only in the config module', () => {
    assert.equal(describeFound(configurationApi.filter((entry) => entry.file !== CONFIG_MODULE)), '');
    const grep = sourceFiles().filter(({ file, text }) => file !== CONFIG_MODULE && text.includes('getConfiguration('));
    assert.deepEqual(grep.map(({ file }) => file), [], 'getConfiguration( outside the config module, even in a comment');
  });

  it('spells command, view, context-key, view-type and storage ids only in the ids module', () => {
    const outside = ids.filter((entry) => entry.file !== IDS_MODULE && !settingNames.has(entry.text));
    assert.equal(describeFound(outside), '');
  });
});
