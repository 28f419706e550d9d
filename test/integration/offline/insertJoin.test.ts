/** Insert Citation in the real host: joining the citation right before the cursor, and the status bar message after a .bib changed. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, paperFeed, waitFor, writeWorkspaceFile, readWorkspaceFile, editorWith } from '../helpers';

const DINO = '2508.10104';
const KEY = 'simeoni2025dinov3';
const SIMCLR2 = '2006.10029';

describe('insert citation: joining, and the .bib message', () => {
  before(paperFeed);
  afterEach(closeAllEditors);

  it('LaTeX: right after \\citep[…]{a} the key joins it; at every cursor; once', async () => {
    await writeWorkspaceFile('join.bib', '');
    const editor = await editorWith('join.tex', 'See \\citep[p.~3]{a}| and \\cite{b} |.\r\nAlso \\cite{c}\r\n|\\bibliography{join}\r\n');
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.equal(editor.document.getText(), `See \\citep[p.~3]{a,${KEY}} and \\cite{b,${KEY}} .\r\nAlso \\cite{c}\r\n\\cite{${KEY}}\\bibliography{join}\r\n`);
    // Again: every citation has it now, so nothing changes.
    const before = editor.document.getText();
    const after = editor.document.positionAt(before.indexOf(`${KEY}}`) + KEY.length + 1);
    editor.selections = [new vscode.Selection(after, after)];
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.equal(editor.document.getText(), before);
    assert.equal((await readWorkspaceFile('join.bib')).split(`eprint = {${DINO}}`).length - 1, 1, 'one entry');
  });

  it('reStructuredText: right after :cite:`a` the key joins it', async () => {
    const editor = await editorWith('join.rst', 'As :cite:`a`| shows.\n');
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.equal(editor.document.getText(), `As :cite:\`a,${KEY}\` shows.\n`);
  });

  it('after adding to a .bib, the status bar says so, and its click opens the file at the entry', async () => {
    const { testing } = await paperFeed();
    const bib = await writeWorkspaceFile('status.bib', '@misc{a,\n  title = {A},\n}\n');
    await editorWith('status.tex', 'See \\cite{a}|.\n\\bibliography{status}\n');
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    const shown = await waitFor('the status bar message', () => (testing.bibStatus.shown?.text.includes('status.bib') ? testing.bibStatus.shown : undefined));
    assert.equal(shown.text, `$(book) Added ${KEY} to status.bib`);
    assert.equal(shown.command.command, 'vscode.open');
    const [uri, options] = shown.command.arguments as [vscode.Uri, vscode.TextDocumentShowOptions];
    assert.equal(uri.toString(), bib.toString());
    const line = (await readWorkspaceFile('status.bib')).split('\n').findIndex((text) => text.startsWith(`@misc{${KEY},`));
    assert.ok(line > 0);
    assert.equal(options.selection?.start.line, line);

    await vscode.commands.executeCommand(shown.command.command, ...(shown.command.arguments ?? []) as unknown[]);
    const opened = await waitFor('status.bib in the editor', () => (vscode.window.activeTextEditor?.document.uri.toString() === bib.toString() ? vscode.window.activeTextEditor : undefined));
    assert.equal(opened.selection.active.line, line, 'at the entry');

    // The paper is there already: nothing added, and the message about the last one goes.
    await editorWith('status2.tex', 'Again |.\n\\bibliography{status}\n');
    await vscode.commands.executeCommand('paperFeed.insertCitation', DINO);
    assert.equal(testing.bibStatus.shown, undefined);
  });

  it('the message goes by itself after a while', async () => {
    const { testing } = await paperFeed();
    await writeWorkspaceFile('status3.bib', '');
    await editorWith('status3.tex', 'See |.\n\\bibliography{status3}\n');
    const shownMs = testing.bibStatus.shownMs;
    testing.bibStatus.shownMs = 300;
    try {
      await vscode.commands.executeCommand('paperFeed.insertCitation', SIMCLR2);
      await waitFor('the status bar message', () => (testing.bibStatus.shown?.text.includes('status3.bib') ? true : undefined));
      await waitFor('the message to go', () => (testing.bibStatus.shown === undefined ? true : undefined), 5_000);
    } finally {
      testing.bibStatus.shownMs = shownMs;
    }
  });
});
