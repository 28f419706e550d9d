/**
 * Several papers selected in the Papers view: every context-menu action that makes sense works on
 * the whole selection. VS Code calls a menu's command with the clicked node, then the selected nodes;
 * these tests call the commands the same way.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PaperNode } from '../../../src/host/tree/nodes';
import { closeAllEditors, editorWith, paperFeed, papersUnder, readWorkspaceFile, waitFor, webviewTabs } from '../helpers';

const IDS = ['2508.10104', '2512.17385', '2006.10029'];
const KEYS = ['simeoni2025dinov3', 'wu2025ucoderunsupervised', 'chen2020bigselfsupervised'];

async function nodes(): Promise<PaperNode[]> {
  const { testing } = await paperFeed();
  const all = await papersUnder(testing.papersTree);
  return IDS.map((id) => {
    const node = all.find((candidate) => candidate.paper.id === id);
    assert.ok(node, `${id} is in the sample feed`);
    return node;
  });
}

describe('several papers at once', () => {
  before(paperFeed);
  afterEach(closeAllEditors);

  it('saves and removes the whole selection', async () => {
    const { testing } = await paperFeed();
    const selected = await nodes();
    await vscode.commands.executeCommand('paperFeed.savePaper', selected[1], selected);
    assert.deepEqual(IDS.map((id) => testing.saved.has(id)), [true, true, true]);
    await vscode.commands.executeCommand('paperFeed.unsavePaper', selected[0], selected);
    assert.deepEqual(IDS.map((id) => testing.saved.has(id)), [false, false, false]);
  });

  it('acts on the clicked paper alone when it is not part of the selection', async () => {
    const { testing } = await paperFeed();
    const [first, second, third] = await nodes();
    await vscode.commands.executeCommand('paperFeed.savePaper', third, [first, second]);
    assert.deepEqual(IDS.map((id) => testing.saved.has(id)), [false, false, true]);
    await vscode.commands.executeCommand('paperFeed.unsavePaper', third, [third]);
    assert.equal(testing.saved.has(IDS[2] as string), false);
  });

  it('copies every selected paper\'s citation in one text: BibTeX entries, one CSL-JSON array', async () => {
    const selected = await nodes();
    // A menu passes the selection where the format goes; a format may follow it.
    await vscode.commands.executeCommand('paperFeed.copyCitation', selected[0], selected, 'bibtex');
    const bibtex = await vscode.env.clipboard.readText();
    assert.deepEqual([...bibtex.matchAll(/^@misc\{([^,]+),/gm)].map((match) => match[1]), KEYS);
    await vscode.commands.executeCommand('paperFeed.copyCitation', selected[1], selected, 'csl-json');
    const items = JSON.parse(await vscode.env.clipboard.readText()) as { id: string }[];
    assert.deepEqual(items.map((item) => item.id), KEYS);
  });

  it('inserts one \\cite of every selected paper, each with its .bib entry', async () => {
    const selected = await nodes();
    const editor = await editorWith('several.tex', 'Transformers|.\n\\bibliography{references}\n');
    await vscode.commands.executeCommand('paperFeed.insertCitation', selected[0], selected);
    assert.match(editor.document.getText(), new RegExp(`^Transformers\\\\cite\\{${KEYS.join(',')}\\}\\.$`, 'm'));
    const bib = await readWorkspaceFile('references.bib');
    for (const id of IDS) {
      assert.equal(bib.split(`eprint = {${id}}`).length - 1, 1, `${id} once in references.bib`);
    }
  });

  it('inserts [@a; @b; @c] in Markdown', async () => {
    const selected = await nodes();
    const editor = await editorWith('several.md', '---\nbibliography: references.bib\n---\nSee |.\n');
    await vscode.commands.executeCommand('paperFeed.insertCitation', selected[2], selected);
    assert.match(editor.document.getText(), new RegExp(`See \\[${KEYS.map((key) => `@${key}`).join('; ')}\\]\\.`));
  });

  it('opens a panel for each selected paper', async () => {
    const { testing } = await paperFeed();
    const selected = await nodes();
    await vscode.commands.executeCommand('paperFeed.openPaper', selected[0], selected);
    // The panels are created at once; their tabs reach the tab model a moment later.
    const titles = await waitFor('a tab for each selected paper', () => {
      const labels = webviewTabs('paperFeed.paper').map((tab) => tab.label);
      return labels.length >= 3 ? labels : undefined;
    });
    assert.equal(titles.length, 3, titles.join(' | '));
    assert.equal(testing.panel.paper?.id, IDS[0], 'the clicked paper in front');
  });
});
