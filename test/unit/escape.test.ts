/**
 * Paper text in VS Code's surfaces: theme-icon syntax, link syntax and bare URLs must show as typed.
 * VS Code's own parsers are reproduced here from its source (the UI test checks the real workbench):
 * `renderLabelWithIcons` (QuickPick items, the status bar) and `parseLinkedText` (notifications);
 * Markdown is rendered with marked, the parser VS Code's Markdown renderer is built on.
 */
import * as assert from 'node:assert/strict';
import { escapeIcons, escapeMarkdown, escapeMessageLinks } from '../../src/core/view/present';
import { decodeHtml, renderMarkdown } from './markdown';

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

describe('escapeMarkdown: tooltips make no link from paper text', () => {
  const hostile = [
    'https://evil.example', 'http://x', 'see https://evil.example/a?b=c#d.', 'HTTPS://EVIL.EXAMPLE/UPPER', 'www.evil.com', 'WWW.EVIL.COM/x',
    '<https://x>', '<mailto:a@b.c>', 'mailto:a@b.c', 'a@b.com', 'first.last+tag@evil.example', '[x](https://evil)', '[x]: https://evil',
    '![img](https://evil.example/i.png)', 'command:workbench.action.terminal.new', '[run](command:workbench.action.quit)',
    'vscode://vscode.git/clone?url=x', 'file:///etc/passwd', 'javascript:alert(1)', 'ftp://ftp.evil.example/f', 'xmpp:a@evil.example',
    '<a href="https://evil.example">x</a>', '&#104;ttps://evil.example', 'https&#58;//evil.example', 'https\\://evil.example',
  ];

  it('renders each hostile text with no link and no HTML, showing the text as typed', () => {
    for (const text of hostile) {
      const html = renderMarkdown(escapeMarkdown(text));
      assert.doesNotMatch(html, /<a\b|<img\b/, `${JSON.stringify(text)} -> ${html}`);
      assert.equal(decodeHtml(html.replace(/<\/?p>/g, '').trim()), text, JSON.stringify(text));
    }
  });

  it('needs escaping beyond dots and brackets: marked links a bare URL whose dots are escaped', () => {
    assert.match(renderMarkdown('https://evil\\.example/x'), /<a href=/);
  });
});
