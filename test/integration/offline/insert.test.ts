/** Insert Citation in the real host, into real files of the test workspace (the sample feed's DINOv3). */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, constants, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { OutsideChoice } from '../../../src/core/citation/writePolicy';
import { closeAllEditors, paperFeed, workspaceFolder, writeWorkspaceFile, readWorkspaceFile, editorWith } from '../helpers';

const DINO = '2508.10104';
const KEY = 'simeoni2025dinov3';

/** Lets a reader stuck opening the named pipe `path` go on (an end of file), and removes it. */
function releasePipe(path: string): void {
  try {
    closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // no pipe, or no reader: nothing to release
  }
  rmSync(path, { force: true });
}

function countEntries(bib: string, id: string): number {
  return bib.split(`eprint = {${id}}`).length - 1;
}

describe('insert citation', () => {
  before(paperFeed);
  afterEach(closeAllEditors);

  it('LaTeX: \\cite{key} at the cursor and the entry in the \\bibliography .bib', async () => {
    const before = await readWorkspaceFile('references.bib');
    const editor = await editorWith('paper.tex', '\\documentclass{article}\n\\begin{document}\nFeatures|.\n\\bibliography{references}\n\\end{document}\n');
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.match(editor.document.getText(), new RegExp(`Features\\\\cite\\{${KEY}\\}\\.`));
    const after = await readWorkspaceFile('references.bib');
    assert.ok(after.startsWith(before), 'existing entries are kept as they were');
    assert.equal(countEntries(after, DINO), 1);
    assert.match(after, new RegExp(`@misc\\{${KEY},`));
  });

  it('LaTeX: joins an existing \\cite{…}, and never duplicates the .bib entry', async () => {
    const editor = await editorWith('joined.tex', 'See \\citep{vaswani2017attention|}.\n\\bibliography{references}\n');
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.match(editor.document.getText(), new RegExp(`\\\\citep\\{vaswani2017attention, ${KEY}\\}`));
    assert.equal(countEntries(await readWorkspaceFile('references.bib'), DINO), 1);
  });

  it('a commented \\bibliography{} is ignored in favour of the real one', async () => {
    await writeWorkspaceFile('commented-real.bib', '');
    await writeWorkspaceFile('commented-old.bib', '');
    const editor = await editorWith('commented.tex', '% \\bibliography{commented-old}\nSee |.\n\\iffalse\n\\addbibresource{commented-old.bib}\n\\fi\n\\bibliography{commented-real} % not commented-old\n');
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.match(editor.document.getText(), new RegExp(`See \\\\cite\\{${KEY}\\}\\.`));
    assert.equal(countEntries(await readWorkspaceFile('commented-real.bib'), DINO), 1);
    assert.equal(await readWorkspaceFile('commented-old.bib'), '');
  });

  it('Markdown: [@key] at every cursor as one edit that one undo takes back', async () => {
    const template = '---\nbibliography: references.bib\n---\nOne| and two|.\n';
    const editor = await editorWith('notes.md', template);
    const original = editor.document.getText();
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.equal(editor.document.getText(), original.replace('One and two.', `One[@${KEY}] and two[@${KEY}].`));
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  it('Quarto: merges into an adjacent [@…] and writes the YAML bibliography', async () => {
    await writeWorkspaceFile('quarto.bib', '');
    const editor = await editorWith('doc.qmd', '---\ntitle: T\nbibliography: quarto.bib\n---\nAs shown [@vaswani2017attention]|.\n');
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.match(editor.document.getText(), new RegExp(`\\[@vaswani2017attention; @${KEY}\\]\\.`));
    assert.equal(countEntries(await readWorkspaceFile('quarto.bib'), DINO), 1);
  });

  it('Typst, reStructuredText, Python and plain text', async () => {
    const cases: [string, string, RegExp][] = [
      ['doc.typ', 'As |\n#bibliography("references.bib")\n', new RegExp(`As @${KEY}\\n`)],
      ['doc.rst', 'As |\n', new RegExp(`As :cite:\`${KEY}\``)],
      ['code.py', '|x = 1\n', /^# Oriane Siméoni, Huy V\. Vo, Maximilian Seitzer, et al\. DINOv3\. arXiv:2508\.10104 \(2025\)\.\n# https:\/\/arxiv\.org\/abs\/2508\.10104\nx = 1/],
      ['notes.txt', 'See |\n', /^See Oriane Siméoni, .* https:\/\/arxiv\.org\/abs\/2508\.10104\n$/],
    ];
    for (const [name, template, expected] of cases) {
      const editor = await editorWith(name, template);
      await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
      assert.match(editor.document.getText(), expected, name);
      await closeAllEditors();
    }
  });

  it('cites a different paper that has the key under key + a, and the text follows', async () => {
    await writeWorkspaceFile('clash.bib', `@article{${KEY},\n  title = {Another paper},\n  doi = {10.1000/xyz},\n}\n`);
    const editor = await editorWith('clash.tex', 'See |.\n\\addbibresource{clash.bib}\n');
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.match(editor.document.getText(), new RegExp(`\\\\cite\\{${KEY}a\\}`));
    const bib = await readWorkspaceFile('clash.bib');
    assert.match(bib, /^@article\{simeoni2025dinov3,\n {2}title = \{Another paper\},/, 'the existing entry is untouched');
    assert.match(bib, new RegExp(`@misc\\{${KEY}a,`));
  });

  it('keeps CRLF line endings of the .bib', async () => {
    await writeWorkspaceFile('crlf.bib', '@misc{a,\r\n  title = {A},\r\n}\r\n');
    await editorWith('crlf.tex', 'See |.\n\\bibliography{crlf}\n');
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    const bib = await readWorkspaceFile('crlf.bib');
    assert.ok(bib.includes(`\r\n@misc{${KEY},\r\n  title = {{DINOv3}},\r\n`), JSON.stringify(bib.slice(0, 120)));
    assert.ok(!/[^\r]\n/.test(bib), 'no bare LF');
  });

  it('edits an open .bib with unsaved changes, not the file on disk', async () => {
    // VS Code for the web saves a changed document after a second by default (files.autoSave), which
    // would save the unsaved change this test is about while a loaded machine inserts the citation.
    const files = vscode.workspace.getConfiguration('files');
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    try {
      await editsOpenBib();
    } finally {
      await files.update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  async function editsOpenBib(): Promise<void> {
    const bibUri = await writeWorkspaceFile('open.bib', '@misc{a, title = {A}}\n');
    const bibDocument = await vscode.workspace.openTextDocument(bibUri);
    const bibEditor = await vscode.window.showTextDocument(bibDocument, vscode.ViewColumn.Beside);
    await bibEditor.edit((builder) => builder.insert(new vscode.Position(0, 0), '% unsaved note\n'));
    assert.ok(bibDocument.isDirty);
    await editorWith('open.tex', 'See |.\n\\bibliography{open}\n');
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.match(bibDocument.getText(), /^% unsaved note\n@misc\{a, title = \{A\}\}\n\n@misc\{simeoni2025dinov3,/);
    assert.equal(await readWorkspaceFile('open.bib'), '@misc{a, title = {A}}\n', 'the file on disk is not touched');
    // Leave no unsaved document behind (closing it would ask).
    await bibDocument.save();
  }

  it('with no editor open, copies the citation to the clipboard', async () => {
    await closeAllEditors();
    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.match(await vscode.env.clipboard.readText(), new RegExp(`^@misc\\{${KEY},`));
  });

  it('with no editor open, the clipboard gets paperFeed.citation.defaultFormat', async () => {
    const api = await paperFeed();
    const config = vscode.workspace.getConfiguration('paperFeed.citation');
    await config.update('defaultFormat', 'apa', vscode.ConfigurationTarget.Global);
    try {
      await closeAllEditors();
      await vscode.env.clipboard.writeText('before');
      await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
      const apa = await api.formatCitation(DINO, 'apa');
      assert.doesNotMatch(apa, /^@misc/);
      assert.equal(await vscode.env.clipboard.readText(), apa);
    } finally {
      await config.update('defaultFormat', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

describe('insert citation: .bib files outside the workspace', () => {
  let hooks: Awaited<ReturnType<typeof paperFeed>>['testing'];
  let original: typeof hooks.bibFiles.confirmOutside;
  /** The files Paper Feed asked about, in order, and what the test answers. */
  let asked: string[] = [];
  let answer: OutsideChoice | undefined;
  /** What happens while the question is open (another program writing the file, say). */
  let whileAsking: (() => void) | undefined;
  let outside: string;
  /** The workspace's parent folder as written (a path outside is asked about as written). */
  const parent = (): string => resolve(workspaceFolder().fsPath, '..');

  before(async () => {
    hooks = (await paperFeed()).testing;
    original = hooks.bibFiles.confirmOutside;
    hooks.bibFiles.confirmOutside = async (file) => {
      asked.push(file);
      whileAsking?.();
      return answer;
    };
    outside = realpathSync(mkdtempSync(join(tmpdir(), 'paper-feed-outside-')));
  });
  beforeEach(() => {
    asked = [];
    whileAsking = undefined;
  });
  afterEach(closeAllEditors);
  after(() => {
    hooks.bibFiles.confirmOutside = original;
    releasePipe(join(outside, 'pipe.bib')); // in case a test timed out on it
    rmSync(outside, { recursive: true, force: true });
    for (const name of ['outside-refused.bib', 'outside-cancelled.bib', 'outside-target']) {
      rmSync(join(parent(), name), { recursive: true, force: true });
    }
  });

  it('asks before writing ../outside.bib; refusing writes nothing, cites the key, copies the entry, and is remembered', async () => {
    answer = 'copy';
    const bib = join(parent(), 'outside-refused.bib');
    const editor = await editorWith('outside-refused.tex', 'See |.\n\\bibliography{../outside-refused}\n');
    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.deepEqual(asked, [bib], 'asked once, naming the full path');
    assert.ok(!existsSync(bib), 'nothing written outside');
    assert.match(editor.document.getText(), new RegExp(`See \\\\cite\\{${KEY}\\}\\.`), 'the key is cited');
    assert.match(await vscode.env.clipboard.readText(), new RegExp(`^@misc\\{${KEY},`), 'the entry is on the clipboard');

    answer = 'add'; // would write, if it were asked again
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.deepEqual(asked, [bib], 'the refusal is remembered');
    assert.ok(!existsSync(bib));
  });

  it('asks before writing an absolute path outside; accepting writes it, and is remembered', async () => {
    answer = 'add';
    const bib = join(outside, 'accepted.bib');
    writeFileSync(bib, '@misc{a, title = {A}}\n');
    const editor = await editorWith('outside-accepted.md', `---\nbibliography: '${bib}'\n---\nAs shown|.\n`);
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.deepEqual(asked, [bib]);
    assert.match(readFileSync(bib, 'utf8'), new RegExp(`^@misc\\{a, title = \\{A\\}\\}\\n\\n@misc\\{${KEY},`));
    assert.match(editor.document.getText(), new RegExp(`As shown\\[@${KEY}\\]\\.`));

    writeFileSync(bib, ''); // so that the entry is needed again
    answer = 'copy';
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.deepEqual(asked, [bib], 'the consent is remembered');
    assert.equal(countEntries(readFileSync(bib, 'utf8'), DINO), 1);
  });

  it('cancelling inserts nothing, writes nothing, and asks again next time', async () => {
    answer = undefined;
    const bib = join(parent(), 'outside-cancelled.bib');
    const editor = await editorWith('outside-cancelled.typ', 'As |\n#bibliography("../outside-cancelled.bib")\n');
    const text = editor.document.getText();
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.deepEqual(asked, [bib, bib]);
    assert.equal(editor.document.getText(), text);
    assert.ok(!existsSync(bib));
  });

  it('paperFeed.citation.bibFile with .. is asked about once for the setting, not once per document', async () => {
    answer = 'copy';
    const bib = join(parent(), 'outside-setting.bib');
    const config = vscode.workspace.getConfiguration('paperFeed.citation');
    await config.update('bibFile', '../outside-setting.bib', vscode.ConfigurationTarget.Workspace);
    try {
      await editorWith('setting-one.md', 'As |.\n');
      await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
      await closeAllEditors();
      const editor = await editorWith('setting-two.md', 'As |.\n');
      await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
      assert.deepEqual(asked, [bib]);
      assert.match(editor.document.getText(), new RegExp(`As \\[@${KEY}\\]\\.`));
      assert.ok(!existsSync(bib));
    } finally {
      await config.update('bibFile', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('a symlinked folder pointing out of the workspace is outside; a path that stays inside is not asked about', async () => {
    answer = 'copy';
    const target = join(parent(), 'outside-target');
    mkdirSync(target, { recursive: true });
    rmSync(join(workspaceFolder().fsPath, 'linked-out'), { force: true });
    symlinkSync(target, join(workspaceFolder().fsPath, 'linked-out'));
    await editorWith('linked.tex', 'See |.\n\\addbibresource{linked-out/refs.bib}\n');
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.deepEqual(asked, [join(realpathSync(target), 'refs.bib')], 'the real path is named');
    assert.ok(!existsSync(join(target, 'refs.bib')));
    rmSync(join(workspaceFolder().fsPath, 'linked-out'));

    await writeWorkspaceFile('inside-dotdot.bib', '');
    await editorWith('inside.tex', 'See |.\n\\addbibresource{sub/../inside-dotdot.bib}\n');
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.deepEqual(asked, [join(realpathSync(target), 'refs.bib')], 'not asked about a file in the workspace');
    assert.equal(countEntries(await readWorkspaceFile('inside-dotdot.bib'), DINO), 1);
  });

  it('a change made to the .bib while the question is open is kept: the entry is appended to the file as it is then', async () => {
    answer = 'add';
    const bib = join(outside, 'exported.bib');
    writeFileSync(bib, '@misc{a, title = {A}}\n');
    whileAsking = () => appendFileSync(bib, '\n@misc{exported2025,\n  title = {Written by Better BibTeX while the dialog was open},\n}\n');
    const editor = await editorWith('outside-exported.tex', `See |.\n\\addbibresource{${bib}}\n`);
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.deepEqual(asked, [bib]);
    const after = readFileSync(bib, 'utf8');
    assert.ok(after.startsWith('@misc{a, title = {A}}\n\n@misc{exported2025,\n  title = {Written by Better BibTeX while the dialog was open},\n}\n'), after);
    assert.equal(countEntries(after, DINO), 1);
    assert.match(after, new RegExp(`\\n@misc\\{${KEY},`));
    assert.match(editor.document.getText(), new RegExp(`See \\\\cite\\{${KEY}\\}\\.`));
  });

  it('a pipe named outside the workspace is asked about before it is read (reading would wait for a writer)', async () => {
    const pipe = join(outside, 'pipe.bib');
    assert.equal(spawnSync('mkfifo', [pipe]).status, 0, 'mkfifo');
    try {
      answer = 'copy';
      const editor = await editorWith('outside-pipe.tex', `See |.\n\\addbibresource{${pipe}}\n`);
      await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
      assert.deepEqual(asked, [pipe], 'asked, never blocked on the pipe');
      assert.match(editor.document.getText(), new RegExp(`See \\\\cite\\{${KEY}\\}\\.`));
      assert.match(await vscode.env.clipboard.readText(), new RegExp(`^@misc\\{${KEY},`));

      answer = 'add';
      const added = await editorWith('outside-pipe-add.tex', `See |.\n\\addbibresource{${pipe}}\n`);
      await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
      assert.equal(added.document.getText(), `See .\n\\addbibresource{${pipe}}\n`, 'not a file: an error, nothing cited, nothing blocked');
    } finally {
      releasePipe(pipe);
    }
  });
});

describe('insert citation: creating the .bib', () => {
  let hooks: Awaited<ReturnType<typeof paperFeed>>['testing'];
  let original: typeof hooks.bibFiles.confirmCreate;
  let whileAsking: (() => void) | undefined;
  let asked: string[] = [];

  before(async () => {
    hooks = (await paperFeed()).testing;
    original = hooks.bibFiles.confirmCreate;
    hooks.bibFiles.confirmCreate = async (file) => {
      asked.push(file);
      whileAsking?.();
      return true;
    };
  });
  beforeEach(() => {
    asked = [];
  });
  afterEach(closeAllEditors);
  after(() => {
    hooks.bibFiles.confirmCreate = original;
  });

  it('a .bib that appears while the create question is open is added to, never replaced', async () => {
    const name = `appeared-${Date.now()}.bib`;
    whileAsking = () => writeFileSync(join(workspaceFolder().fsPath, name), '@misc{zotero2025,\n  title = {Exported by Zotero meanwhile},\n}\n');
    await editorWith('appeared.tex', `See |.\n\\bibliography{${name.replace(/\.bib$/, '')}}\n`);
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.deepEqual(asked, [name]);
    const bib = await readWorkspaceFile(name);
    assert.ok(bib.startsWith('@misc{zotero2025,\n  title = {Exported by Zotero meanwhile},\n}\n'), bib);
    assert.equal(countEntries(bib, DINO), 1);
  });

  it('…and when the .bib that appeared has the paper, its key is cited and nothing added', async () => {
    const name = `appeared-same-${Date.now()}.bib`;
    whileAsking = () => writeFileSync(join(workspaceFolder().fsPath, name), `@misc{theirs2025,\n  eprint = {${DINO}},\n}\n`);
    const editor = await editorWith('appeared-same.tex', `See |.\n\\bibliography{${name.replace(/\.bib$/, '')}}\n`);
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.equal(await readWorkspaceFile(name), `@misc{theirs2025,\n  eprint = {${DINO}},\n}\n`);
    assert.match(editor.document.getText(), /See \\cite\{theirs2025\}\./);
  });
});
