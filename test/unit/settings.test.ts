import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTING_DEFAULTS } from '../../src/host/configDefaults';
import { root } from '../support/paths';

interface SettingContribution { default?: unknown; enum?: unknown[] }

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, SettingContribution> } } };
const properties = manifest.contributes.configuration.properties;

describe('settings', () => {
  it('reads exactly the settings package.json contributes, both ways', () => {
    assert.deepEqual(Object.keys(SETTING_DEFAULTS).map((key) => `paperFeed.${key}`).sort(), Object.keys(properties).sort());
  });

  it('falls back to the defaults package.json declares', () => {
    for (const [key, value] of Object.entries(SETTING_DEFAULTS)) {
      const contributed = properties[`paperFeed.${key}`];
      assert.ok(contributed && 'default' in contributed, `paperFeed.${key} has no default in package.json`);
      assert.deepEqual(value, contributed.default, `paperFeed.${key}`);
    }
  });

  it('has defaults among the values the manifest offers', () => {
    for (const [key, contributed] of Object.entries(properties)) {
      if (contributed.enum) {
        assert.ok(contributed.enum.includes(contributed.default), `${key}: ${String(contributed.default)}`);
      }
    }
  });
});
