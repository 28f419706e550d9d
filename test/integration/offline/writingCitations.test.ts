/**
 * Missing-key warnings and their quick fix in the real host: .tex, .md, .qmd, .typ and .rst documents
 * in a folder of the test workspace naming its own .bib; the sample feed's DINOv3 is the known paper.
 * (Named to run after search.test.ts, which checks that loading alone starts no search worker: asking
 * for the fixes of a key nothing identifies searches, and starts it.)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, paperFeed, waitFor } from '../helpers';

const DINO = '2508.10104';
const DINO_KEY = 'simeoni2025dinov3';
const folder = (): vscode.Uri => (vscode.workspace.workspaceFolders?.[0] as vscode.WorkspaceFolder).uri;
const dir = `diag-${Date.now().toString(36)}`;

/** Defined in every way that must be found: @string around, crossref, parentheses, : - _ . / in keys. */
const BIB = `@string{neurips = "NeurIPS"}
@inproceedings{Doe:2020-x_y.z/w,
  title = {Colons and Friends},
  booktitle = neurips # " 33",
  year = 2020
}
@inproceedings(paren2021,
  title = "Parenthesised",
  crossref = {proc2021}
)
@proceedings{proc2021, title = {Proceedings}, year = {2021}}
`;

async function write(name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(folder(), dir, name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function read(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), dir, name)));
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Paper Feed');
}

/** Waits until Paper Feed's diagnostics of `uri` are the keys `expected` (as the text at their ranges). */
async function waitForWarnings(document: vscode.TextDocument, expected: readonly string[]): Promise<vscode.Diagnostic[]> {
  let last: string[] = [];
  try {
    return await waitFor(`warnings ${expected.join(', ') || '(none)'} in ${document.fileName}`, () => {
      const diagnostics = ours(document.uri);
      last = diagnostics.map((diagnostic) => document.getText(diagnostic.range));
      return JSON.stringify(last) === JSON.stringify(expected) ? diagnostics : undefined;
    });
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)} (last: ${JSON.stringify(last)})`, { cause: error });
  }
}

async function open(name: string, text: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(await write(name, text));
  await vscode.window.showTextDocument(document);
  return document;
}

async function fixesAt(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value);
}

async function run(action: vscode.CodeAction | undefined): Promise<void> {
  assert.ok(action?.command, 'a fix with a command');
  await vscode.commands.executeCommand(action.command.command, ...((action.command.arguments ?? []) as unknown[]));
}

function countEntries(bib: string, id: string): number {
  return bib.split(`eprint = {${id}}`).length - 1;
}

describe('citing: missing-key warnings and fixes', () => {
  before(async () => {
    await paperFeed();
    await write('refs.bib', BIB);
  });
  afterEach(closeAllEditors);
  after(async () => {
    await vscode.workspace.getConfiguration('paperFeed').update('completion.enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  const tricky = ['Doe:2020-x_y.z/w', 'PAREN2021', 'proc2021'];
  const cases: Array<[string, string]> = [
    ['doc.tex', `\\documentclass{article}\n\\begin{document}\nSee \\citep[p.~4]{${tricky.join(', ')}} and \\cite{gone2024}.\n% \\cite{commented2024}\n\\bibliography{refs}\n\\end{document}\n`],
    ['doc.md', `---\nbibliography: refs.bib\n---\nSee [@${tricky.join('; @')}] and [@gone2024]; ask @someone. \`[@code2024]\`\n`],
    ['doc.qmd', `---\ntitle: Q\nbibliography: [refs.bib]\n---\nSee [@${tricky.join('; @')}], [@fig-plot] and [@gone2024].\n`],
    ['doc.typ', `#bibliography("refs.bib")\nSee ${tricky.slice(1).map((key) => `@${key}`).join(' ')} #cite(<Doe:2020-x_y.z/w>) and @gone2024. // @commented2024\n`],
  ];
  for (const [name, text] of cases) {
    it(`${name}: one warning, on the missing key, naming refs.bib; none on the keys the .bib defines`, async () => {
      const document = await open(name, text);
      const [diagnostic] = await waitForWarnings(document, ['gone2024']);
      assert.equal(diagnostic?.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(diagnostic?.message ?? '', /gone2024.*refs\.bib/);
    });
  }

  it('doc.rst: paperFeed.citation.bibFile (references.bib) counts, as reST names no bibliography', async () => {
    const document = await open('doc.rst', 'Title\n=====\n\nAs :cite:p:`vaswani2017attention,gone2024` says.\n');
    const [diagnostic] = await waitForWarnings(document, ['gone2024']);
    assert.match(diagnostic?.message ?? '', /references\.bib/);
  });

  it('doc.rst: when paperFeed.citation.bibFile names another file, the warnings follow it at once', async () => {
    await write('other.bib', '@misc{only2024other, title = {Only in the other file}}\n');
    const document = await open('setting.rst', 'Title\n=====\n\nAs :cite:p:`only2024other` says.\n');
    await waitForWarnings(document, ['only2024other']);
    const config = vscode.workspace.getConfiguration('paperFeed');
    await config.update('citation.bibFile', `${dir}/other.bib`, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForWarnings(document, []); // failed before: the document's old bibliography was kept until an edit
    } finally {
      await config.update('citation.bibFile', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForWarnings(document, ['only2024other']);
  });

  it('a warning follows edits, and goes when the key is added to the .bib', async () => {
    const document = await open('edited.tex', 'See \\cite{first2024}.\n\\bibliography{refs}\n');
    await waitForWarnings(document, ['first2024']);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 'See \\cite{first2024'.length), ', second2024'));
    await waitForWarnings(document, ['first2024', 'second2024']);
    await write('refs.bib', `${BIB}\n@misc{FIRST2024, title = {First}}\n`);
    await waitForWarnings(document, ['second2024']);
  });

  it('a key Paper Feed writes: the fix adds the paper to the .bib once, and the warning goes', async () => {
    const document = await open('fix.tex', `See \\cite{${DINO_KEY}}.\n\\bibliography{refs}\n`);
    const [diagnostic] = await waitForWarnings(document, [DINO_KEY]);
    const fixes = await fixesAt(document, (diagnostic as vscode.Diagnostic).range);
    const fix = fixes.find((action) => action.title === 'Add ‘DINOv3’ to refs.bib');
    assert.ok(fix, `fixes offered: ${fixes.map((action) => action.title).join(' | ')}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    await run(fix);
    const bib = await read('refs.bib');
    assert.equal(countEntries(bib, DINO), 1);
    assert.match(bib, new RegExp(`@misc\\{${DINO_KEY},`));
    await waitForWarnings(document, []);
  });

  it('an arXiv id in the key: the fix reuses the entry the .bib has, and the citation takes its key', async () => {
    const document = await open('arxiv.md', `---\nbibliography: refs.bib\n---\nSee [@arXiv:${DINO}].\n`);
    const [diagnostic] = await waitForWarnings(document, [`arXiv:${DINO}`]);
    const fixes = await fixesAt(document, (diagnostic as vscode.Diagnostic).range);
    await run(fixes.find((action) => action.title === 'Add ‘DINOv3’ to refs.bib'));
    await waitFor('the citation to take the .bib key', () => (document.getText().includes(`[@${DINO_KEY}]`) ? true : undefined));
    assert.equal(countEntries(await read('refs.bib'), DINO), 1, 'no second entry');
    await waitForWarnings(document, []);
  });

  it('a key nothing identifies gets Search Papers instead', async () => {
    const document = await open('unknown.tex', 'See \\cite{zzqx2024nothing}.\n\\bibliography{refs}\n');
    const [diagnostic] = await waitForWarnings(document, ['zzqx2024nothing']);
    const fixes = await fixesAt(document, (diagnostic as vscode.Diagnostic).range);
    assert.deepEqual(fixes.map((action) => [action.title, action.command?.command, action.command?.arguments]),
      [['Search Papers for ‘zzqx2024nothing’', 'paperFeed.search', ['zzqx nothing']]]);
  });

  it('paperFeed.completion.enabled off: no warnings, at once; on again: back', async () => {
    const document = await open('off.tex', 'See \\cite{off2024}.\n\\bibliography{refs}\n');
    await waitForWarnings(document, ['off2024']);
    await vscode.workspace.getConfiguration('paperFeed').update('completion.enabled', false, vscode.ConfigurationTarget.Global);
    await waitForWarnings(document, []);
    assert.deepEqual(await fixesAt(document, new vscode.Range(0, 10, 0, 17)), [], 'no fix without a warning');
    await vscode.workspace.getConfiguration('paperFeed').update('completion.enabled', true, vscode.ConfigurationTarget.Global);
    await waitForWarnings(document, ['off2024']);
  });
});
