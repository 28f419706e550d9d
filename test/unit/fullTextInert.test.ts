import * as assert from 'node:assert/strict';
import { makeInert, MAX_DEPTH, MAX_HEADINGS, MAX_LINE } from '../../src/core/fulltext/inert';
import { hostileSample } from '../support/fullTextSamples';
import { renderPreview, targets } from './previewRender';

const HOSTS = ['arxiv.org', 'huggingface.co'];

function inert(markdown: string, imagesOnline = true) {
  return makeInert(markdown, { imagesOnline, imageHosts: HOSTS });
}

/** The HTML without code elements, whose text is shown as it is. */
function outsideCode(html: string): string {
  return html.replace(/<pre[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, '');
}

/** What nothing in the rendered HTML may hold, outside code: words of markup and links included. */
function assertSafe(html: string): void {
  const text = outsideCode(html);
  assertNoMarkup(html);
  for (const bad of ['<script', '<iframe', '<style', 'onerror', 'command:', 'javascript:', 'vscode:', 'file:', 'data:', '<!--']) {
    assert.ok(!text.toLowerCase().includes(bad), `${bad} in ${text.slice(Math.max(0, text.toLowerCase().indexOf(bad) - 200), text.toLowerCase().indexOf(bad) + 100)}`);
  }
}

/** Only Markdown's own elements, no event attribute, links only to https or this document. */
function assertNoMarkup(html: string): void {
  const text = outsideCode(html);
  for (const target of targets(html)) {
    assert.ok(target.startsWith('https://') || target.startsWith('#'), target);
  }
  assert.ok(!/<[^>]*\son[a-z]+=/i.test(html), 'an event attribute');
  const tags = new Set([...text.matchAll(/<([a-z][a-z0-9]*)/g)].map((match) => match[1]));
  const allowed = new Set(['s', 'p', 'a', 'em', 'strong', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'br']);
  assert.deepEqual([...tags].filter((tag) => !allowed.has(tag as string)), []);
}

function images(html: string): string[] {
  return [...html.matchAll(/<img src="([^"]*)"/g)].map((match) => match[1] as string);
}

describe('full text: inert Markdown', () => {
  it('renders the hostile sample with no HTML, no refused link and images only from arXiv (online)', () => {
    const result = inert(hostileSample());
    const html = renderPreview(result.markdown);
    assertSafe(html);
    assert.deepEqual(images(html), ['https://arxiv.org/html/2608.20335v1/x1.png']);
    assert.deepEqual(result.images, { kept: 1, dropped: 3 });
    assert.ok(html.includes('<a href="https://arxiv.org/abs/2608.20335">ok</a>'), 'an allowed link stays');
    assert.ok(html.includes('*[Figure: other]*'.replace(/\*/g, '')) || html.includes('<em>[Figure: other]</em>'));
    assert.ok(/Links: x and y and z and f and plain and enc and spaced and angle and/.test(html), 'refused links become their text');
  });

  it('has checks that catch the hostile sample when it is not made inert', () => {
    const html = renderPreview(hostileSample());
    assert.throws(() => assertSafe(html));
    assert.ok(images(html).some((src) => !src.startsWith('https://arxiv.org/')));
    for (const markdown of ['<img src=x onerror=alert(1)>', '[x](command:y)', '<command:y>', '$<b>x</b>$']) {
      assert.throws(() => assertSafe(renderPreview(markdown)), markdown);
    }
  });

  it('renders no image at all offline', () => {
    const result = inert(hostileSample(), false);
    const html = renderPreview(result.markdown);
    assertSafe(html);
    assert.deepEqual(images(html), []);
    assert.equal(result.images.kept, 0);
    assert.equal(result.images.dropped, 4);
  });

  it('makes each hostile construct inert on its own', () => {
    const cases = [
      '<script>alert(1)</script>',
      '<iframe src="https://evil.example/"></iframe>',
      'a <img src=x onerror=alert(1)> b',
      '<IMG SRC=x ONERROR=alert(1)>',
      '<style>p { display: none }</style>',
      '<a href="command:workbench.action.terminal.new">run</a>',
      '<!-- [run](command:workbench.action.terminal.new) -->',
      '<div>\n\n[x](command:workbench.action.terminal.new)\n\n</div>',
      '[x](command:workbench.action.terminal.new)',
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](&#106;avascript:alert(1))',
      '[x](&#x63;ommand:workbench.action.terminal.new)',
      '[x]( <command:workbench.action.terminal.new> "t")',
      '[x](\ncommand:workbench.action.terminal.new)',
      '[x](vscode://settings)',
      '[x](file:///etc/passwd)',
      '[x](http://evil.example/)',
      '[y]\n\n[y]: command:workbench.action.terminal.new',
      '[y]\n\n[y]:\n  command:workbench.action.terminal.new',
      '- [y]\n\n  [y]: javascript:alert(1)',
      '<command:workbench.action.terminal.new>',
      '<javascript:alert(1)>',
      '![d](data:image/svg+xml;base64,PHN2Zz4=)',
      '![i][r]\n\n[r]: https://evil.example/pixel.png',
      '$<img src=x onerror=alert(1)>$',
      '$[x](command:workbench.action.terminal.new)$',
      '$$\n<script>alert(1)</script>\n$$',
      'bare http://evil.example/ and //evil.example/ and www.evil.example and evil.example.com',
      '| `a | <img src=x onerror=alert(1)>` |',
      '`code` <img src=x onerror=alert(1)> `more`',
      'a `b\nc` <img src=x onerror=alert(1)> `',
      '[a `b](javascript:x)` c](command:y)',
      '\\<script>alert(1)</script>',
      '[foo\nbar]: command:workbench.action.terminal.new\n\n[foo bar]',
      '[foo\nbar]:\n<javascript:alert(1)>\n\n[foo bar]',
      '- a\n  ```\n  code\n<script>alert(1)</script> <img src=x onerror=alert(1)>',
      '> ```\n> <img src=x onerror=alert(1)>\n> ```',
      '<svg><script>alert(1)</script></svg>',
      '<details open ontoggle=alert(1)>',
    ];
    for (const markdown of cases) {
      const html = renderPreview(inert(markdown).markdown);
      assert.doesNotThrow(() => assertSafe(html), `${markdown} → ${html}`);
      assert.ok(!/<a [^>]*href="(?!https:\/\/|#)/.test(html), `${markdown} → ${html}`);
      assert.deepEqual(images(html).filter((src) => !src.startsWith('https://arxiv.org/')), [], markdown);
    }
  });

  it('leaves no \\href or \\url as math, and as text they link nowhere', () => {
    const result = inert('$\\href{javascript:alert(1)}{x}$ and $\\url{http://evil.example/}$ and $x_{i}$').markdown;
    assert.ok(result.startsWith('\\$\\href{javascript:alert(1)}{x}\\$ and \\$\\url{http\\:\\/\\/evil\\.example/}\\$'), result);
    assert.ok(result.endsWith('$x_{i}$'), result);
    const html = renderPreview(result);
    assert.ok(!html.includes('<a '), html);
  });

  it('makes seeded random mixtures of markup inert (a fuzz with a fixed seed)', () => {
    const pieces = ['<', '>', '[', ']', '(', ')', '`', '``', '$', '$$', '\n', '\n\n', ' ', '!', '"', '\\', '|', ':', '*', '# ', '- ', '> ', '1. ', '    ', '```', '~~~', '\n   ```\n',
      'a', 'b c', '---', '====', 'command:x', 'javascript:x', '&#99;ommand:x', 'http://e.x', 'www.e.com', '<script>', '</script>', '<img src=x onerror=y>', '<a href="command:x">',
      '<!--', '-->', '<x y="', '<command:x>', '[r]: command:x', '[r]', '![i]', '](command:x)', '](\ncommand:x)', '](https://arxiv.org/x)', '](data:x)', '[x]:', '\n\n[x]: javascript:y'];
    let seed = 22;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let round = 0; round < 3_000; round++) {
      const markdown = Array.from({ length: 1 + Math.floor(random() * 14) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const html = renderPreview(inert(markdown).markdown);
      assert.doesNotThrow(() => assertNoMarkup(html), `${JSON.stringify(markdown)} → ${html}`);
      assert.deepEqual(images(html).filter((src) => !src.startsWith('https://arxiv.org/')), [], markdown);
    }
  });

  it('keeps code spans and fenced code as they are', () => {
    const markdown = 'Use `<think>` tags and `$5`.\n\n```html\n<script>kept</script>\n[x](command:y)\n```\n';
    assert.equal(inert(markdown).markdown, markdown);
  });

  it('keeps allowed links, images, formulas and in-document anchors', () => {
    const markdown = 'See [2](https://arxiv.org/html/2608.19880v2#S2 "In 2 Preliminaries"), [§](#2-preliminaries), <https://huggingface.co/papers/2608.19880>, ![f](https://arxiv.org/html/2608.19880v2/x1.png) and $x\\in\\mathcal{X}$ with $a<b$.';
    const result = inert(markdown);
    const html = renderPreview(result.markdown);
    assert.ok(html.includes('href="https://arxiv.org/html/2608.19880v2#S2" title="In 2 Preliminaries"'), html);
    assert.ok(html.includes('href="#2-preliminaries"'), html);
    assert.ok(html.includes('href="https://huggingface.co/papers/2608.19880"'), html);
    assert.deepEqual(images(html), ['https://arxiv.org/html/2608.19880v2/x1.png']);
    assert.ok(result.markdown.includes('$x\\in\\mathcal{X}$'), result.markdown);
    assert.ok(result.markdown.includes('$a\\lt b$'), result.markdown);
  });

  it('bounds the shape: line length, nesting, headings, table columns; removes bidi controls and lines of control characters', () => {
    const result = inert(hostileSample());
    const lines = result.markdown.split('\n');
    assert.ok(lines.every((line) => line.length <= MAX_LINE), 'no line over the bound');
    assert.ok(lines.every((line) => !/^(?:\s*>){7}/.test(line)), 'block quotes flattened');
    assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(result.markdown), 'bidi controls removed');
    assert.ok(result.markdown.includes('Bidi: abcdef and isolate here.'));
    const html = renderPreview(result.markdown);
    let depth = 0;
    let deepest = 0;
    for (const match of html.matchAll(/<(\/?)(?:ul|ol|blockquote)>/g)) {
      depth += match[1] ? -1 : 1;
      deepest = Math.max(deepest, depth);
    }
    assert.ok(deepest <= MAX_DEPTH, `nesting ${deepest}`);
    assert.ok((html.match(/<h[1-6]>/g) ?? []).length <= MAX_HEADINGS + 1);
    const wide = inert(`| ${Array.from({ length: 500 }, (_, i) => `c${i}`).join(' | ')} |\n|${' --- |'.repeat(500)}\n| ${'x | '.repeat(500)}`);
    assert.ok((renderPreview(wide.markdown).match(/<t[hd]>/g) ?? []).length <= 200);
    assert.equal(inert('a\n\u0007\u0008\u202E\nb').markdown, 'a\nb');
  });

  it('processes 4 MB in well under a second or so, linearly', () => {
    const paper = 'Text with [a link](https://arxiv.org/abs/2608.19880), a formula $x_{i}$, <b>tags</b>, `code` and www.example.com. ';
    const big = `${paper.repeat(Math.ceil(2_000_000 / paper.length))}\n\n${hostileSample()}\n\n${'<a x="'.repeat(100_000)}\n${'[a]('.repeat(100_000)}\n${'`'.repeat(50_000)} ${'$'.repeat(50_000)}`.slice(0, 4 * 1024 * 1024);
    const started = process.hrtime.bigint();
    const result = inert(big);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`      makeInert: ${(big.length / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms`);
    assert.ok(ms < 5_000, `${ms} ms`);
    assert.ok(result.markdown.length > 1_000_000);
  });
});
