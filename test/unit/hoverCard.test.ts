/**
 * The hover cards (core/citation/hoverCard.ts) rendered as VS Code renders Markdown (marked): paper
 * and .bib text shows as typed, with no link, image, HTML or emphasis; the only links are ours.
 */
import * as assert from 'node:assert/strict';
import { bibCardMarkdown, type CardLink, paperCardMarkdown, shortAuthors, unknownPaperMarkdown } from '../../src/core/citation/hoverCard';
import { bibEntriesOf, bibEntryAtKey, citationsOf, definedKeyLocations, LineMap, locatedAt } from '../../src/core/citation/keyLocations';
import { citedKeys } from '../../src/core/citation/citeSyntax';
import { parseBib } from '../../src/core/citation/bibEntries';
import type { Paper } from '../../src/core/paper/model';
import { commandUri } from '../../src/core/view/tooltip';
import { decodeHtml, renderMarkdown } from './markdown';

const LINKS: CardLink[] = [
  { label: 'Open Paper', target: commandUri('paperFeed.openPaper', ['2401.12345']) },
  { label: 'Open on arXiv', target: commandUri('paperFeed.openLink', ['https://arxiv.org/abs/2401.12345', '2401.12345']) },
];

const HOSTILE = [
  '[x](command:workbench.action.terminal.new)', '<img src=x onerror=alert(1)>', '`code` and ``more``', '*bold* _it_ **b**',
  'line one\nline two\n\n# heading', 'https://evil.example/a', '![i](https://evil.example/i.png)', '<a href="https://e.example">a</a>',
  '[run]: command:workbench.action.quit', 'a@b.example', '$(alert) | table | ~~strike~~', '\\[x\\](command:x)',
];

const paper = (title: string, extra: Partial<Paper> = {}): Paper => ({
  id: '2401.12345', title, abstract: 'An abstract.', authors: [{ name: 'Ada Lovelace' }], publishedAt: '2024-01-22', ...extra,
});

/** The hrefs of the rendered card. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*href="([^"]*)"/g)].map((match) => match[1] ?? '');
}

/** The card's text as a browser shows it (tags dropped, references decoded). */
function shown(html: string): string {
  return decodeHtml(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}

describe('hover cards', () => {
  it('a paper card: title, authors, year, ▲ upvotes, the AI summary, our two links', () => {
    const html = renderMarkdown(paperCardMarkdown(
      paper('A Title', { upvotes: 42, aiSummary: 'The summary.', authors: ['A', 'B', 'C', 'D'].map((name) => ({ name })) }),
      { links: LINKS, source: 'key2024 in references.bib' },
    ));
    const text = shown(html);
    for (const part of ['A Title', 'A, B, C et al.', '2024', '▲ 42', 'The summary.', 'arXiv:2401.12345', 'key2024 in references.bib', 'Open Paper', 'Open on arXiv']) {
      assert.ok(text.includes(part), `${part} in ${text}`);
    }
    assert.ok(!text.includes('An abstract.'), 'the AI summary is preferred to the abstract');
    assert.deepEqual(hrefs(html), LINKS.map((link) => link.target));
  });

  it('a paper card without a summary shows the abstract\'s start, and no ▲ when upvotes are unknown', () => {
    const text = shown(renderMarkdown(paperCardMarkdown(paper('T', { abstract: `Start. ${'word '.repeat(200)}` }), { links: LINKS })));
    assert.match(text, /Start\. word/);
    assert.ok(text.includes('…'));
    assert.ok(!text.includes('▲'));
  });

  it('a .bib card: title, authors, year, venue; the key when there is no title', () => {
    const summary = { key: 'k', title: 'Bib Title', authors: ['X Y', 'Z W'], year: '1999', venue: 'Venue', abstract: '' };
    const text = shown(renderMarkdown(bibCardMarkdown(summary, { links: [] })));
    assert.match(text, /Bib Title X Y, Z W · 1999 · Venue/);
    assert.match(shown(renderMarkdown(bibCardMarkdown({ ...summary, title: '' }, { links: [] }))), /^ ?k /);
  });

  it('an unknown paper: the id, the note and the links', () => {
    const html = renderMarkdown(unknownPaperMarkdown('2401.12345', 'Not in the archive.', { links: LINKS }));
    assert.match(shown(html), /arXiv:2401\.12345 Not in the archive\. Open Paper · Open on arXiv/);
    assert.deepEqual(hrefs(html), LINKS.map((link) => link.target));
  });

  it('shows hostile paper text as typed: no link, image, HTML, code or emphasis', () => {
    for (const text of HOSTILE) {
      const cards = [
        paperCardMarkdown(paper(text, { aiSummary: text, authors: [{ name: text }] }), { links: LINKS, source: text }),
        bibCardMarkdown({ key: text, title: text, authors: [text], year: text, venue: text, abstract: text }, { links: [], source: text }),
        unknownPaperMarkdown(text, text, { links: [], source: text }),
      ];
      for (const card of cards) {
        const html = renderMarkdown(card);
        assert.doesNotMatch(html, /<img\b|<code\b|<em\b|<h\d\b|<table\b|<del\b|<a\b(?![^>]*href="command:paperFeed\.)/, `${JSON.stringify(text)} -> ${html}`);
        assert.ok(hrefs(html).every((href) => LINKS.some((link) => link.target === href)), `${JSON.stringify(text)}: ${hrefs(html).join(' ')}`);
        assert.ok(shown(html).includes(text.replace(/\s+/g, ' ').trim()), `${JSON.stringify(text)} shows as typed in ${shown(html)}`);
      }
    }
  });

  it('needs escaping: the same text unescaped is a command link', () => {
    assert.deepEqual(hrefs(renderMarkdown(`**${HOSTILE[0] as string}**`)), ['command:workbench.action.terminal.new']);
  });

  it('names at most three authors', () => {
    assert.equal(shortAuthors(['A', 'B', 'C']), 'A, B, C');
    assert.equal(shortAuthors(['A', 'B', 'C', 'D']), 'A, B, C et al.');
    assert.equal(shortAuthors([]), '');
  });
});

describe('key locations', () => {
  it('finds \\bibitem keys and Typst labels where they are, outside comments', () => {
    const latex = '% \\bibitem{commented}\n\\bibitem[Label]{ alpha:1 }\n\\bibitem{beta}';
    assert.deepEqual(definedKeyLocations(latex, 'latex').map((key) => [key.key, latex.slice(key.start, key.end)]), [['alpha:1', 'alpha:1'], ['beta', 'beta']]);
    const typst = '#figure[x] <fig:one>\n// <commented>\n';
    assert.deepEqual(definedKeyLocations(typst, 'typst').map((key) => [key.key, typst.slice(key.start, key.end)]), [['fig:one', 'fig:one']]);
    assert.deepEqual(definedKeyLocations('<a>', 'pandoc'), []);
  });

  it('matches citations by the whole key, without regard to case', () => {
    const keys = citedKeys('\\cite{Smith2020, smith2020a} \\citep[p.~4]{SMITH2020}', 'latex');
    assert.deepEqual(citationsOf(keys, 'smith2020').map((key) => key.key), ['Smith2020', 'SMITH2020']);
    assert.equal(locatedAt(keys, 10)?.key, 'Smith2020');
    assert.equal(locatedAt(keys, 0), undefined);
  });

  it('finds the .bib entry whose key the cursor is on, and every entry of a duplicated key', () => {
    const text = '@misc{first, title = {first}}\n@misc{Second, title = {x}}\n@misc{second, title = {y}}\n';
    const database = parseBib(text);
    assert.equal(bibEntryAtKey(database, text.indexOf('first')), database.entries[0]);
    assert.equal(bibEntryAtKey(database, text.indexOf('first') + 5), database.entries[0]);
    assert.equal(bibEntryAtKey(database, text.indexOf('{first}') + 2), undefined, 'not on a field value');
    assert.deepEqual(bibEntriesOf(database, 'SECOND').map((entry) => entry.fields.title), ['x', 'y']);
    assert.deepEqual(bibEntriesOf(database, 'secon'), []);
  });

  it('turns offsets into lines and columns', () => {
    const lines = new LineMap('ab\ncd\r\n\nef');
    assert.deepEqual([0, 2, 3, 4, 7, 8, 9].map((offset) => lines.position(offset)), [
      { line: 0, character: 0 }, { line: 0, character: 2 }, { line: 1, character: 0 }, { line: 1, character: 1 },
      { line: 2, character: 0 }, { line: 3, character: 0 }, { line: 3, character: 1 },
    ]);
  });
});
