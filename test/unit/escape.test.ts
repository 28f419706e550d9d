/**
 * Paper text in VS Code's surfaces: theme-icon syntax and link syntax must show as typed.
 * VS Code's own parsers are reproduced here from its source (the UI test checks the real workbench):
 * `renderLabelWithIcons` (QuickPick items, the status bar) and `parseLinkedText` (notifications).
 */
import * as assert from 'node:assert/strict';
import { escapeIcons, escapeMessageLinks } from '../../src/core/present';

/** VS Code's vs/base/browser/ui/iconLabel/iconLabels.ts: what a label shows, icons as `<icon:name>`. */
function renderLabel(text: string): string {
  return text.replace(/(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g, (_match, escaped: string | undefined, icon: string) =>
    (escaped ? `$(${icon})` : `<icon:${icon}>`));
}

/** VS Code's vs/base/common/linkedText.ts: the links a notification message makes. */
function notificationLinks(text: string): string[] {
  return [...text.matchAll(/\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi)].map((match) => match[2] as string);
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

describe('escapeMessageLinks: `[label](target)` in notifications', () => {
  const cases = [
    '[x](command:workbench.action.quit)', '[Open](https://evil.example/a)', '[file](file:///etc/passwd)', '[x](HTTPS://EVIL.EXAMPLE)',
    'See [a](https://a.example) and [b](command:paperFeed.clearCache "title")', '[nested [x](https://e.example)](command:x)', 'no links here', '](',
  ];

  it('leaves no link, and the words as they read', () => {
    for (const text of cases) {
      const escaped = escapeMessageLinks(text);
      assert.deepEqual(notificationLinks(escaped), [], JSON.stringify(text));
      assert.equal(escaped.replaceAll('\u2060', ''), text);
    }
  });

  it('needs escaping: unescaped, they are links, command: ones included', () => {
    assert.deepEqual(notificationLinks('[x](command:workbench.action.quit) [y](https://e.example)'), ['command:workbench.action.quit', 'https://e.example']);
  });
});
