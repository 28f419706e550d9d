/**
 * A citation in a named format (`paperFeed.insertCitation id plain`) inserted into a document of a
 * markup language: the paper's text stays text there. Papers come from the fake Hugging Face.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, waitFor } from '../helpers';

const fakeHf = process.env.PAPER_FEED_FAKE_HF as string;
const ID = '2401.09410';
const TITLE = 'Scaling \\input{/etc/passwd} #read("/etc/passwd") <script>alert(1)</script> [x](javascript:alert(1)) @evil{k,';

describe('inserting a formatted citation of a hostile paper', () => {
  before(async () => {
    const paper = {
      id: ID, title: TITLE, summary: 'An abstract.', upvotes: 1,
      authors: [{ _id: 'a', name: '<img src=x onerror=alert(1)>', hidden: false }],
      publishedAt: '2024-01-10T00:00:00.000Z', submittedOnDailyAt: '2024-01-10T00:00:00.000Z',
    };
    const added = await fetch(`${fakeHf}/__papers`, { method: 'POST', body: JSON.stringify([{ paper, title: TITLE, numComments: 0 }]) });
    assert.equal(added.status, 200);
    await vscode.commands.executeCommand('paperFeed.savePaper', ID);
  });

  const created: vscode.Uri[] = [];

  after(async () => {
    await vscode.commands.executeCommand('paperFeed.unsavePaper', ID);
    await closeAllEditors();
    for (const file of created) {
      await vscode.workspace.fs.delete(file);
    }
  });

  async function insertInto(language: string): Promise<string> {
    // Typst has no language in a bare VS Code: its kind comes from the file's extension.
    let document: vscode.TextDocument;
    if (language === 'typst') {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri as vscode.Uri;
      const file = vscode.Uri.joinPath(folder, 'hostile-citation.typ');
      await vscode.workspace.fs.writeFile(file, Buffer.from('Before. '));
      created.push(file);
      document = await vscode.workspace.openTextDocument(file);
    } else {
      document = await vscode.workspace.openTextDocument({ language, content: 'Before. ' });
    }
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(document.lineAt(0).range.end, document.lineAt(0).range.end);
    await vscode.commands.executeCommand('paperFeed.insertCitation', ID, 'plain');
    const text = await waitFor(`the citation in the ${language} document`, () => (document.getText().length > 'Before. '.length ? document.getText() : undefined));
    if (!document.isUntitled) {
      await document.save();
    }
    return text;
  }

  it('in LaTeX: no control word, comment or parameter from the paper', async () => {
    const text = await insertInto('latex');
    assert.match(text, /Scaling/);
    assert.doesNotMatch(text, /(?<!textbackslash\{\})\\input|(?<!\\)[#%&$]/, text);
  });

  it('in Markdown: no HTML, link or Pandoc citation from the paper', async () => {
    const text = await insertInto('markdown');
    assert.match(text, /Scaling/);
    assert.doesNotMatch(text, /(?<!\\)<(?:script|img)|(?<!\\)\]\(|(?<![\\\w])@evil/, text);
  });

  it('in code: a comment, whatever the paper holds', async () => {
    const text = await insertInto('python');
    assert.match(text, /^Before\. \n# .*Scaling/, 'after text on the line, the comment starts a line of its own');
    assert.ok(text.split('\n').filter(Boolean).every((line, index) => index === 0 || line.startsWith('# ')), text);
  });

  it('in Typst: no code, label or reference from the paper', async () => {
    const text = await insertInto('typst');
    assert.match(text, /Scaling/);
    assert.doesNotMatch(text, /(?<!\\)#read|(?<!\\)<script|(?<!\\)@evil/, text);
  });
});
