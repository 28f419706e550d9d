/**
 * Paper text in VS Code's surfaces: theme-icon syntax must show as typed.
 * VS Code's own parsers are reproduced here from its source (the UI test checks the real workbench):
 * `renderLabelWithIcons` (QuickPick items, the status bar).
 */
import * as assert from 'node:assert/strict';
import { escapeIcons } from '../../src/core/present';

/** VS Code's vs/base/browser/ui/iconLabel/iconLabels.ts: what a label shows, icons as `<icon:name>`. */
function renderLabel(text: string): string {
  return text.replace(/(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g, (_match, escaped: string | undefined, icon: string) =>
    (escaped ? `$(${icon})` : `<icon:${icon}>`));
}

const ICON_CASES = [
  '$(alert)', '$(zap~spin)', 'Title $(alert) with $(bell) two', '$($(alert))', '$(a-b-c)', '\\$(x)', '\\\\$(x)', '$', '$(', '$()',
  '$$(x)', '$(not an icon)', '$(alert', 'a $(sync~spin) b', '$(ALERT)', 'plain text', '',
];

describe('escapeIcons: `$(name)` in QuickPick items and the status bar', () => {
  it('shows every hostile input as typed, with no icon', () => {
    for (const text of ICON_CASES) {
      const shown = renderLabel(escapeIcons(text));
      assert.doesNotMatch(shown, /<icon:/, JSON.stringify(text));
      assert.equal(shown, text, JSON.stringify(text));
    }
  });

  it('needs escaping: unescaped, the same inputs become icons', () => {
    assert.equal(renderLabel('$(alert) $(zap~spin)'), '<icon:alert> <icon:zap~spin>');
    assert.equal(renderLabel('\\$(x)'), '$(x)', 'a backslash already there is eaten, not shown');
  });

  it('escapes with VS Code\'s own backslash, and nothing that is not an icon', () => {
    assert.equal(escapeIcons('$(alert) and $(zap~spin)'), '\\$(alert) and \\$(zap~spin)');
    assert.equal(escapeIcons('\\$(x)'), '\\\\$(x)');
    assert.equal(escapeIcons('$$(x)'), '$\\$(x)');
    assert.equal(escapeIcons('costs $5 (or $(not an icon))'), 'costs $5 (or $(not an icon))');
  });
});
