/**
 * Hovers, Go to Definition and Find All References on citation keys in the real host, through the
 * commands VS Code's own UI calls, in .tex, .md, .qmd, .typ and .rst files; and the paper hover on an
 * arXiv URL or id in any file. Papers come from the feed the fake Hugging Face serves.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { truncate } from '../../../src/core/paper/cleanText';
import type { Paper } from '../../../src/core/paper/model';
import { escapeMarkdown } from '../../../src/core/view/present';
import { closeAllEditors, paperFeed } from '../helpers';

const fakeHf = process.env.PAPER_FEED_FAKE_HF as string;
/** A paper only the fake knows (saved, so the host holds it), with a hostile title. */
const HOSTILE_ID = '2401.99420';
const HOSTILE_TITLE = 'Hover [x](command:workbench.action.quit) <img src=x onerror=alert(1)> `tick` *star*';
const BIB = 'nav-refs.bib';
const folder = (): vscode.Uri => (vscode.workspace.workspaceFolders?.[0] as vscode.WorkspaceFolder).uri;

/** The Markdown links of a card (escaped brackets are text, not links), as [label, target]. */
function markdownLinks(markdown: string): [string, string][] {
  return [...markdown.matchAll(/(?<!\\)\[([^\]]*?)(?<!\\)\]\(([^)\s]*)\)/g)].map((match) => [match[1] as string, match[2] as string]);
}

async function write(name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(folder(), name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function open(name: string, text: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(await write(name, text));
  await vscode.window.showTextDocument(document);
  return document;
}

/** The position `shift` characters into the first `needle` of the document. */
function positionOf(document: vscode.TextDocument, needle: string, shift = 2): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} is in ${document.fileName}`);
  return document.positionAt(offset + shift);
}

function cardText(hover: vscode.Hover): string {
  return hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
}

/** Paper Feed's hovers at a position (its cards have an Open Paper or a Paper Feed line; others are left out). */
async function cards(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers.filter((hover) => hover.contents.some((content) => content instanceof vscode.MarkdownString && /paperFeed\.|\*\*/.test(content.value)));
}

async function oneCard(document: vscode.TextDocument, position: vscode.Position): Promise<{ text: string; hover: vscode.Hover }> {
  const found = await cards(document, position);
  assert.equal(found.length, 1, `one Paper Feed card at ${position.line}:${position.character} of ${document.fileName}: ${found.map(cardText).join('\n----\n')}`);
  const [hover] = found as [vscode.Hover];
  for (const content of hover.contents) {
    assert.ok(content instanceof vscode.MarkdownString);
    assert.deepEqual(content.isTrusted, { enabledCommands: ['paperFeed.openPaper', 'paperFeed.openLink'] });
    assert.ok(!content.supportHtml);
    assert.ok(!content.supportThemeIcons);
  }
  const text = cardText(hover);
  for (const [label, target] of markdownLinks(text)) {
    assert.match(target, /^command:paperFeed\.(openPaper|openLink)\?/, `${label} -> ${target}`);
  }
  return { text, hover };
}

function assertPaperCard(text: string, paper: Paper): void {
  assert.ok(text.includes(escapeMarkdown(truncate(paper.title, 300))), `the title of ${paper.id} in ${text}`);
  assert.ok(text.includes(`▲ ${paper.upvotes ?? -1}`), `upvotes in ${text}`);
  assert.deepEqual(markdownLinks(text).map(([label]) => label), ['Open Paper', 'Open on arXiv'], text);
  assert.ok(text.includes(`command:paperFeed.openPaper?${encodeURIComponent(JSON.stringify([paper.id]))}`), text);
}

describe('citing: hovers, Go to Definition and Find All References', () => {
  let known: Paper;

  before(async () => {
    const api = await paperFeed();
    const paper = api.listPapers().find((candidate) => candidate.upvotes !== undefined && candidate.upvotes > 0 && /^\d{4}\.\d{5}$/.test(candidate.id));
    assert.ok(paper, 'the feed has a paper with upvotes');
    known = paper;
    const hostile = {
      id: HOSTILE_ID, title: HOSTILE_TITLE, summary: 'See [y](command:workbench.action.terminal.new).', upvotes: 3,
      authors: [{ _id: 'a', name: '<b>Bold</b> [Ada](https://evil.example)', hidden: false }],
      publishedAt: '2024-01-10T00:00:00.000Z', submittedOnDailyAt: '2024-01-10T00:00:00.000Z',
    };
    const added = await fetch(`${fakeHf}/__papers`, { method: 'POST', body: JSON.stringify([{ paper: hostile, title: HOSTILE_TITLE, numComments: 0 }]) });
    assert.equal(added.status, 200);
    await vscode.commands.executeCommand('paperFeed.savePaper', HOSTILE_ID);
    await write(BIB, [
      '@string{venue = "Journal of Tests"}',
      '@misc{known2025key,',
      '  title = {Whatever the .bib says},',
      `  eprint = {${known.id}},`,
      '}',
      '@article{plain:entry-1_a.b/c,',
      '  title = {Hostile [x](command:workbench.action.quit) <img src=x onerror=alert(1)>},',
      '  author = {Doe, Jane and Roe, Richard},',
      '  journal = venue,',
      '  year = 1999,',
      '}',
      '@misc{Shared-Ref.Key, title = {Cited from three files}}',
      '',
    ].join('\n'));
  });

  after(async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('paperFeed.unsavePaper', HOSTILE_ID);
  });

  const documents: Array<[string, string]> = [
    ['nav.tex', '\\documentclass{article}\n\\begin{document}\nAs \\citep[p.~2]{other, known2025key} shows.\n\\bibliography{nav-refs}\n\\end{document}\n'],
    ['nav.md', '---\nbibliography: nav-refs.bib\n---\n\nAs [@known2025key; @other] shows.\n'],
    ['nav.qmd', '---\nbibliography: [nav-refs.bib]\n---\n\nAs @known2025key shows.\n'],
    ['nav.typ', '= Title\nAs @known2025key shows.\n#bibliography("nav-refs.bib")\n'],
  ];

  for (const [name, text] of documents) {
    it(`hover on a key in ${name}: the paper's card, from the .bib entry's arXiv id`, async () => {
      const document = await open(name, text);
      const { text: card, hover } = await oneCard(document, positionOf(document, 'known2025key', 3));
      assertPaperCard(card, known);
      assert.ok(card.includes(escapeMarkdown('known2025key in nav-refs.bib')), card);
      const start = document.getText().indexOf('known2025key');
      assert.deepEqual(hover.range, new vscode.Range(document.positionAt(start), document.positionAt(start + 'known2025key'.length)));
    });
  }

  it('hover on a key in .rst that carries an arXiv id (reST names no .bib)', async () => {
    const document = await open('nav.rst', `Title\n=====\n\nAs :cite:p:\`arxiv${known.id}\` shows.\n`);
    assertPaperCard((await oneCard(document, positionOf(document, `arxiv${known.id}`, 8))).text, known);
  });

  it('a .bib entry without an arXiv id: its title, authors, year and venue, every bit of it inert', async () => {
    const document = await open('nav-plain.tex', '\\cite{plain:entry-1_a.b/c}\n\\bibliography{nav-refs}\n');
    const { text } = await oneCard(document, positionOf(document, 'entry-1', 3));
    assert.deepEqual(markdownLinks(text), [], text);
    assert.doesNotMatch(text, /command:workbench|<img/, text);
    assert.ok(text.includes(escapeMarkdown('Hostile [x](command:workbench.action.quit) <img src=x onerror=alert(1)>')), text);
    assert.ok(text.includes(escapeMarkdown('Jane Doe, Richard Roe · 1999 · Journal of Tests')), text);
  });

  it('a hostile paper\'s card: its title and summary stay text, the only links are Paper Feed\'s', async () => {
    const document = await open('nav-hostile.tex', `See \\cite{arxiv${HOSTILE_ID}}.\n`);
    const { text } = await oneCard(document, positionOf(document, HOSTILE_ID));
    assert.ok(text.includes(escapeMarkdown(HOSTILE_TITLE)), text);
    assert.ok(text.includes('▲ 3'), text);
    assert.doesNotMatch(text, /command:workbench|<img|<b>|https:\/\/evil/, text);
    assert.deepEqual(markdownLinks(text).map(([label]) => label), ['Open Paper', 'Open on arXiv']);
  });

  it('hover on an arXiv URL in a .py file and an id in a .txt file; a paper not in the archive gets a short card', async () => {
    const python = await open('nav.py', `# Based on https://arxiv.org/abs/${known.id}v2 (see there).\nx = 1.2\n`);
    const { text, hover } = await oneCard(python, positionOf(python, 'arxiv.org'));
    assertPaperCard(text, known);
    const url = `https://arxiv.org/abs/${known.id}v2`;
    const start = python.getText().indexOf(url);
    assert.deepEqual(hover.range, new vscode.Range(python.positionAt(start), python.positionAt(start + url.length)));
    assert.deepEqual(await cards(python, positionOf(python, '1.2', 1)), [], 'a number is no paper');

    const notes = await open('nav.txt', `Read arXiv:${known.id} and 2401.99999 later.\n`);
    assertPaperCard((await oneCard(notes, positionOf(notes, known.id))).text, known);
    const unknown = (await oneCard(notes, positionOf(notes, '2401.99999'))).text;
    assert.match(unknown, /Not in Paper Feed's archive/);
    assert.deepEqual(markdownLinks(unknown).map(([label]) => label), ['Open Paper', 'Open on arXiv']);
    assert.ok(unknown.includes(`command:paperFeed.openPaper?${encodeURIComponent(JSON.stringify(['2401.99999']))}`), unknown);
  });

  it('one card, not two, on a key that is itself an arXiv id; a URL in \\url{} is a mention', async () => {
    const document = await open('nav-id.tex', `\\cite{${known.id}} and \\url{https://huggingface.co/papers/${known.id}}\n`);
    assertPaperCard((await oneCard(document, positionOf(document, known.id))).text, known);
    const { hover } = await oneCard(document, positionOf(document, 'huggingface'));
    assert.equal(document.getText(hover.range), `https://huggingface.co/papers/${known.id}`);
  });

  it('with paperFeed.completion.enabled off: no key hover, no definition; the paper hover stays', async () => {
    const document = await open('nav-off.tex', `\\cite{known2025key} https://arxiv.org/abs/${known.id}\n\\bibliography{nav-refs}\n`);
    const settings = vscode.workspace.getConfiguration('paperFeed');
    await settings.update('completion.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      assert.deepEqual(await cards(document, positionOf(document, 'known2025key')), []);
      assert.deepEqual(await vscode.commands.executeCommand('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'known2025key')), []);
      assertPaperCard((await oneCard(document, positionOf(document, 'arxiv.org'))).text, known);
    } finally {
      await settings.update('completion.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
    assert.equal((await cards(document, positionOf(document, 'known2025key'))).length, 1, 'back on at once');
  });

  /** Locations (or links) as `file:line:column`. */
  function where(locations: ReadonlyArray<vscode.Location | vscode.LocationLink>): string[] {
    return locations.map((location) => {
      const [uri, range] = location instanceof vscode.Location ? [location.uri, location.range] : [location.targetUri, location.targetSelectionRange ?? location.targetRange];
      return `${vscode.workspace.asRelativePath(uri)}:${range.start.line}:${range.start.character}-${range.end.character}`;
    }).sort();
  }

  it('Go to Definition: the key in the .bib, for every spelling of its case; a \\bibitem in the document', async () => {
    const document = await open('nav-def.tex', '\\cite{KNOWN2025KEY, plain:entry-1_a.b/c, local}\n\\bibliography{nav-refs}\n\\begin{thebibliography}{9}\n\\bibitem{local} Local.\n\\end{thebibliography}\n');
    const definition = async (needle: string, shift = 2): Promise<string[]> =>
      where(await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', document.uri, positionOf(document, needle, shift)));
    assert.deepEqual(await definition('KNOWN'), [`${BIB}:1:6-18`]);
    assert.deepEqual(await definition('plain:'), [`${BIB}:5:9-28`]);
    assert.deepEqual(await definition('local}', 1), ['nav-def.tex:3:9-14']);
  });

  it('Find All References: citations in open and unopened files, and the .bib entry, from a citation or from the .bib', async () => {
    await write('nav-closed.md', '---\nbibliography: nav-refs.bib\n---\nClosed [@shared-ref.key], not [@shared-ref.keyx] nor `@shared-ref.key`.\n');
    await open('nav-refs-b.typ', '#bibliography("nav-refs.bib")\nTypst @Shared-Ref.Key.\n');
    const tex = await open('nav-refs-a.tex', 'First \\cite{SHARED-REF.KEY}.\n\n\\bibliography{nav-refs}\n');
    const expected = [`${BIB}:11:6-20`, 'nav-closed.md:3:9-23', 'nav-refs-a.tex:0:12-26', 'nav-refs-b.typ:1:7-21'].sort();
    const references = async (document: vscode.TextDocument, position: vscode.Position): Promise<string[]> =>
      where(await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position));
    assert.deepEqual(await references(tex, positionOf(tex, 'SHARED')), expected);
    const bib = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), BIB));
    await vscode.window.showTextDocument(bib);
    assert.deepEqual(await references(bib, positionOf(bib, 'Shared-Ref')), expected);
    assert.deepEqual(await references(bib, positionOf(bib, 'Cited from')), [], 'not from a field value');
  });
});
