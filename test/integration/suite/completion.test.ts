/**
 * Citation key completion in the real host, through `vscode.executeCompletionItemProvider`, in .tex,
 * .md, .qmd, .typ and .rst files of a folder of the test workspace, each naming its own .bib: the
 * .bib's entries, then saved papers, then the archive (the fake Hugging Face's papers in the cache,
 * through the search worker); accepting a paper adds its entry once.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, paperFeed } from '../helpers';

const ENV_HARNESS = '2608.19880';
const ENV_KEY = 'huang2026envharness';
/** "SWE-bench Science: Can Coding Agents Resolve Engineering Tasks in Science?" */
const SWE_SCIENCE = '2608.19799';

const BIB = `@string{conf = {Conference on Agents}}
@inproceedings{smith2025agents,
  title = {Agents All the Way {Down}},
  author = {Smith, Jane and Doe, John},
  booktitle = conf,
  year = {2025},
  abstract = {We study agents. <img src=x onerror=alert(1)> [Click](command:workbench.action.terminal.new)},
}
@misc{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Ashish Vaswani and Noam Shazeer},
  year = {2017},
  eprint = {1706.03762},
}
`;

let folderCount = 0;
const root = (): vscode.Uri => (vscode.workspace.workspaceFolders?.[0] as vscode.WorkspaceFolder).uri;

/** A fresh folder of the workspace with `refs.bib`. */
async function freshFolder(bib = BIB): Promise<vscode.Uri> {
  const folder = vscode.Uri.joinPath(root(), `completion-${Date.now()}-${folderCount++}`);
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'refs.bib'), new TextEncoder().encode(bib));
  return folder;
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Writes `name` in `folder` with `template` (the cursor at `|`) and opens it; the document and the cursor. */
async function open(folder: vscode.Uri, name: string, template: string): Promise<{ document: vscode.TextDocument; position: vscode.Position }> {
  const offset = template.indexOf('|');
  const uri = vscode.Uri.joinPath(folder, name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(template.replace('|', '')));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return { document, position: document.positionAt(offset) };
}

const SOURCES = new Set(['Saved', 'Paper Feed archive']);

/** Paper Feed's items (other providers, such as words of the document, are left out), in the order VS Code lists them. */
async function complete(document: vscode.TextDocument, position: vscode.Position, resolve = 0): Promise<{ list: vscode.CompletionList; items: vscode.CompletionItem[] }> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, undefined, resolve);
  const items = list.items.filter((item) => SOURCES.has(item.detail ?? '') || (item.detail ?? '').startsWith('in '))
    .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  return { list, items };
}

const label = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);
const group = (item: vscode.CompletionItem): string => (item.detail === 'Saved' ? 'saved' : item.detail === 'Paper Feed archive' ? 'archive' : 'bib');

function rangeOf(item: vscode.CompletionItem): vscode.Range {
  return item.range instanceof vscode.Range ? item.range : (item.range as { replacing: vscode.Range }).replacing;
}

/** Accepts `item` as VS Code does: its text over its range, then its command. */
async function accept(document: vscode.TextDocument, item: vscode.CompletionItem): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, rangeOf(item), typeof item.insertText === 'string' ? item.insertText : label(item));
  assert.ok(await vscode.workspace.applyEdit(edit));
  if (item.command) {
    await vscode.commands.executeCommand(item.command.command, ...((item.command.arguments ?? []) as unknown[]));
  }
}

function countEprint(bib: string, id: string): number {
  return bib.split(`eprint = {${id}}`).length - 1;
}

describe('citation completion', function () {
  this.timeout(120_000);

  before(async () => {
    const { testing } = await paperFeed();
    await testing.search.ready;
    await vscode.commands.executeCommand('paperFeed.savePaper', SWE_SCIENCE);
  });

  after(async () => {
    await vscode.commands.executeCommand('paperFeed.unsavePaper', SWE_SCIENCE);
    await vscode.workspace.getConfiguration('paperFeed').update('completion.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('paperFeed').update('citation.bibFile', undefined, vscode.ConfigurationTarget.Workspace);
  });

  afterEach(closeAllEditors);

  it('LaTeX: .bib entries, then saved papers, then the archive, in an incomplete list', async () => {
    const folder = await freshFolder();
    const { document, position } = await open(folder, 'paper.tex', 'Agents \\citep[p.~4]{agent|}.\n\\bibliography{refs}\n');
    const { list, items } = await complete(document, position);
    assert.equal(list.isIncomplete, true);
    const groups = items.map(group);
    assert.deepEqual([...new Set(groups)], ['bib', 'saved', 'archive'], groups.join());
    const order = ['bib', 'saved', 'archive'];
    assert.deepEqual(groups, [...groups].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    assert.equal(label(items[0] as vscode.CompletionItem), 'smith2025agents');
    assert.equal(items[0]?.detail, 'in refs.bib');
    assert.equal(items[0]?.kind, vscode.CompletionItemKind.Reference);
    const saved = items.filter((item) => group(item) === 'saved');
    assert.equal(saved.length, 1);
    assert.match(label(saved[0] as vscode.CompletionItem), /^xu2026swebenchscience/);
    assert.notEqual(saved[0]?.kind, vscode.CompletionItemKind.Reference);
    const archive = items.filter((item) => group(item) === 'archive');
    assert.ok(archive.length > 0 && archive.every((item) => item.kind !== saved[0]?.kind && item.kind !== vscode.CompletionItemKind.Reference));
    assert.ok(!archive.some((item) => label(item).startsWith('xu2026swebenchscience')), 'the saved paper is not listed again');
    for (const item of items) {
      assert.ok((item.filterText ?? '').startsWith('agent'), `${label(item)} survives VS Code's filter: ${item.filterText ?? ''}`);
      assert.ok(rangeOf(item).isEqual(new vscode.Range(position.translate(0, -5), position)), label(item));
    }
  });

  it('an archive paper the typed words find, though its key does not match them', async () => {
    const folder = await freshFolder();
    const { document, position } = await open(folder, 'words.tex', '\\cite{envharness static worlds|}\n\\bibliography{refs}\n');
    const { items } = await complete(document, position);
    const env = items.find((item) => label(item) === ENV_KEY);
    assert.equal(env && group(env), 'archive');
    assert.ok(env?.filterText?.startsWith('envharness static worlds'), 'VS Code keeps it for the typed words');
  });

  it('shows the documentation: title, authors, year, venue or arXiv id, upvotes and the abstract, escaped', async () => {
    const folder = await freshFolder();
    const { document, position } = await open(folder, 'doc.tex', '\\cite{smith|}\n\\bibliography{refs}\n');
    const { items } = await complete(document, position, 1);
    const bibDoc = items[0]?.documentation as vscode.MarkdownString;
    assert.ok(bibDoc instanceof vscode.MarkdownString, 'the first item is resolved');
    assert.match(bibDoc.value, /\*\*Agents All the Way Down\*\*/);
    assert.match(bibDoc.value, /Jane Smith, John Doe · 2025 · Conference on Agents/);
    assert.match(bibDoc.value, /We study agents/);
    assert.ok(!bibDoc.value.includes('<img') && !bibDoc.value.includes(']('), bibDoc.value);
    assert.ok(!bibDoc.isTrusted);

    const paperDoc = await open(folder, 'env.tex', '\\cite{envharn|}\n\\bibliography{refs}\n');
    const found = await complete(paperDoc.document, paperDoc.position, 50);
    const env = found.items.find((item) => label(item) === ENV_KEY);
    assert.ok(env, found.items.map(label).join());
    const markdown = (env.documentation as vscode.MarkdownString).value;
    assert.match(markdown, /\*\*EnvHarness&#58; Awakening Static Worlds for Agent Learning\*\*/);
    assert.match(markdown, /Chengsong Huang, .* et al\\\. · 2026 · arXiv 2608\\\.19880 · ▲ 163/);
    assert.ok(markdown.split('\n\n').length >= 3, 'the abstract follows');
  });

  it('Markdown, Quarto, Typst and reStructuredText', async () => {
    const folder = await freshFolder();
    const config = vscode.workspace.getConfiguration('paperFeed');
    await config.update('citation.bibFile', vscode.workspace.asRelativePath(vscode.Uri.joinPath(folder, 'refs.bib')), vscode.ConfigurationTarget.Workspace);
    const cases: Array<[string, string]> = [
      ['notes.md', '---\nbibliography: refs.bib\n---\nAs [see @vaswani2017attention; @envharn|] shows.\n'],
      ['notes.qmd', '---\ntitle: T\nbibliography: refs.bib\n---\nAs @envharn| shows.\n'],
      ['doc.typ', 'As #cite(<envharn|>) shows.\n#bibliography("refs.bib")\n'],
      ['doc.rst', 'As :cite:p:`envharn|` shows.\n'],
    ];
    for (const [name, template] of cases) {
      const { document, position } = await open(folder, name, template);
      const { list, items } = await complete(document, position);
      assert.equal(list.isIncomplete, true, name);
      assert.ok(items.some((item) => label(item) === ENV_KEY && group(item) === 'archive'), `${name} (${document.languageId}): ${items.map(label).join()}`);
      const all = await complete(document, position.translate(0, -'envharn'.length));
      assert.ok(all.items.some((item) => label(item) === 'smith2025agents' && item.detail === 'in refs.bib'), `${name}: the .bib entries, with nothing typed`);
      if (name === 'notes.md') {
        assert.ok(!all.items.some((item) => label(item) === 'vaswani2017attention'), 'a key of the same citation is left out');
      }
      await closeAllEditors();
    }
  });

  it('accepting an archive paper inserts its key and adds its entry once', async () => {
    const folder = await freshFolder();
    const bib = vscode.Uri.joinPath(folder, 'refs.bib');
    const { document, position } = await open(folder, 'accept.tex', 'See \\cite{vaswani2017attention, envharn|}.\n\\bibliography{refs}\n');
    const { items } = await complete(document, position);
    const env = items.find((item) => label(item) === ENV_KEY && group(item) === 'archive');
    assert.ok(env?.command, 'the archive item has a command');
    const before = await readText(bib);
    await accept(document, env);
    assert.equal(document.lineAt(0).text, `See \\cite{vaswani2017attention, ${ENV_KEY}}.`);
    const after = await readText(bib);
    assert.ok(after.startsWith(before), 'the .bib keeps its entries');
    assert.equal(countEprint(after, ENV_HARNESS), 1);
    assert.match(after, new RegExp(`@misc\\{${ENV_KEY},`));

    // Now it is a .bib entry, with no command; the old item's command once more adds nothing.
    const again = await complete(document, new vscode.Position(0, document.lineAt(0).text.indexOf(ENV_KEY) + 7));
    const listed = again.items.filter((item) => label(item) === ENV_KEY);
    assert.deepEqual(listed.map(group), ['bib']);
    assert.equal(listed[0]?.command, undefined);
    await vscode.commands.executeCommand(env.command.command, ...((env.command.arguments ?? []) as unknown[]));
    assert.equal(countEprint(await readText(bib), ENV_HARNESS), 1);
    assert.equal(document.lineAt(0).text, `See \\cite{vaswani2017attention, ${ENV_KEY}}.`);
  });

  it('a key another paper has in the .bib: the entry goes in under key + a, and the text follows', async () => {
    const taken = `@misc{${ENV_KEY},\n  title = {Another Paper},\n  author = {Huang, Someone},\n  year = {2026},\n  eprint = {2601.00001},\n}\n`;
    const folder = await freshFolder(taken);
    const bib = vscode.Uri.joinPath(folder, 'refs.bib');
    const { document, position } = await open(folder, 'conflict.md', '---\nbibliography: refs.bib\n---\nSee [@envharn|].\n');
    const { items } = await complete(document, position);
    const env = items.find((item) => label(item) === ENV_KEY && group(item) === 'archive');
    assert.ok(env, items.map((item) => `${label(item)} ${group(item)}`).join());
    await accept(document, env);
    assert.equal(document.lineAt(3).text, `See [@${ENV_KEY}a].`);
    const after = await readText(bib);
    assert.ok(after.startsWith(taken));
    assert.match(after, new RegExp(`@misc\\{${ENV_KEY}a,`));
    assert.equal(countEprint(after, ENV_HARNESS), 1);
  });

  it('accepting a saved paper adds its entry too', async () => {
    const folder = await freshFolder('');
    const bib = vscode.Uri.joinPath(folder, 'refs.bib');
    const { document, position } = await open(folder, 'saved.typ', 'See @xu2026swe|\n#bibliography("refs.bib")\n');
    const { items } = await complete(document, position);
    const saved = items.find((item) => group(item) === 'saved');
    assert.ok(saved, items.map(label).join());
    await accept(document, saved);
    assert.match(document.lineAt(0).text, /^See @xu2026swebenchscience\w*$/);
    assert.equal(countEprint(await readText(bib), SWE_SCIENCE), 1);
  });

  it('nothing outside a citation, and nothing when paperFeed.completion.enabled is false', async () => {
    const folder = await freshFolder();
    const { document, position } = await open(folder, 'off.tex', 'Agents agent|\n\\cite{agent}\n\\bibliography{refs}\n');
    assert.deepEqual((await complete(document, position)).items, []);
    const inside = new vscode.Position(1, '\\cite{agent'.length);
    assert.ok((await complete(document, inside)).items.length > 0);
    const markdown = await open(folder, 'code.md', '---\nbibliography: refs.bib\n---\n```python\n@agent|\n```\n@agent\n');
    assert.deepEqual((await complete(markdown.document, markdown.position)).items, [], 'a decorator in fenced code');
    assert.ok((await complete(markdown.document, new vscode.Position(6, '@agent'.length))).items.length > 0, 'after the fence');
    await vscode.workspace.getConfiguration('paperFeed').update('completion.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      assert.deepEqual((await complete(document, inside)).items, []);
    } finally {
      await vscode.workspace.getConfiguration('paperFeed').update('completion.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
