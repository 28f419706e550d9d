/**
 * The reading list's read state, notes, tags, order and filter in the real host: commands run as the
 * Saved view's menus run them (a node and the selection) or with an id, and the tests read what the
 * user would see (the Saved view's rows, tooltips and message) and what every window shares (the file).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { paperDate } from '../../../src/core/paper/model';
import type { PaperNode } from '../../../src/host/tree/nodes';
import { paperFeed, papersUnder, resolvedItem, waitFor } from '../helpers';

interface FileEntry { paper: { id: string }; readAt?: string; note?: string; tags?: string[] }

async function savedFile(): Promise<FileEntry[]> {
  const { testing } = await paperFeed();
  return (JSON.parse(readFileSync(vscode.Uri.joinPath(testing.globalStorageUri, 'saved.json').fsPath, 'utf8')) as { papers: FileEntry[] }).papers;
}

async function savedRows(): Promise<PaperNode[]> {
  const { testing } = await paperFeed();
  return testing.savedTree.getChildren();
}

async function savedIds(): Promise<string[]> {
  return (await savedRows()).map((node) => node.paper.id);
}

async function item(id: string): Promise<vscode.TreeItem> {
  const { testing } = await paperFeed();
  const node = (await savedRows()).find((row) => row.paper.id === id);
  assert.ok(node, `${id} is in the Saved view`);
  return resolvedItem(testing.savedTree, node);
}

function tooltipText(treeItem: vscode.TreeItem): string {
  return treeItem.tooltip instanceof vscode.MarkdownString ? treeItem.tooltip.value : String(treeItem.tooltip ?? '');
}

function iconId(treeItem: vscode.TreeItem): string | undefined {
  return treeItem.iconPath instanceof vscode.ThemeIcon ? treeItem.iconPath.id : undefined;
}

describe('reading list: read state, notes, tags, order and filter', () => {
  let papers: PaperNode[] = [];

  before(async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.selectWindow', 'days');
    const all = await waitFor('papers in the Papers view', async () => {
      const found = await papersUnder(testing.papersTree);
      return found.length >= 4 ? found : undefined;
    });
    // Four papers with different titles, dates and upvotes, saved one after the other.
    papers = [all[0], all[Math.floor(all.length / 3)], all[Math.floor((2 * all.length) / 3)], all.at(-1)].filter((node): node is PaperNode => node !== undefined);
    for (const node of papers) {
      await vscode.commands.executeCommand('paperFeed.savePaper', node.paper.id);
      await new Promise((resolve) => setTimeout(resolve, 5)); // distinct save times, to the millisecond
    }
  });

  after(async () => {
    await vscode.commands.executeCommand('paperFeed.clearSavedFilter');
    await vscode.workspace.getConfiguration('paperFeed').update('saved.sortBy', undefined, vscode.ConfigurationTarget.Global);
    const { testing } = await paperFeed();
    await testing.saved.unsave(papers.map((node) => node.paper.id));
  });

  it('marks two papers read from the Saved view\'s selection and one unread again, in the rows and in the file', async () => {
    const [first, second] = (await savedRows()).filter((node) => papers.some((paper) => paper.paper.id === node.paper.id));
    assert.ok(first && second);
    for (const node of [first, second]) {
      const row = await item(node.paper.id);
      assert.match(row.contextValue ?? '', /^paper.*:saved\b.*:unread\b/, 'a newly saved paper is unread');
      assert.equal(iconId(row), 'circle-filled');
    }
    await vscode.commands.executeCommand('paperFeed.markRead', first, [first, second]);
    for (const node of [first, second]) {
      const row = await item(node.paper.id);
      assert.match(row.contextValue ?? '', /:read\b/);
      assert.doesNotMatch(row.contextValue ?? '', /:unread\b/);
      assert.equal(iconId(row), 'check');
      assert.match(tooltipText(row), /\*Read\*/);
    }
    const file = await savedFile();
    assert.ok([first, second].every((node) => typeof file.find((entry) => entry.paper.id === node.paper.id)?.readAt === 'string'), 'the file keeps when they were read');

    await vscode.commands.executeCommand('paperFeed.markUnread', second.paper.id);
    assert.match((await item(second.paper.id)).contextValue ?? '', /:unread\b/);
    assert.match(tooltipText(await item(second.paper.id)), /\*Unread\*/);
    assert.match((await item(first.paper.id)).contextValue ?? '', /:read\b/, 'the other one stays read');
    assert.equal((await savedFile()).find((entry) => entry.paper.id === second.paper.id)?.readAt, undefined);
  });

  it('keeps a note and tags in the file and shows them in the row and the tooltip', async () => {
    const target = papers[0] as PaperNode;
    await vscode.commands.executeCommand('paperFeed.editNote', target.paper.id, 'Compare with our baseline [x](https://evil.example)');
    await vscode.commands.executeCommand('paperFeed.editTags', target.paper.id, ' Agents, to-cite, agents ');
    const entry = (await savedFile()).find((saved) => saved.paper.id === target.paper.id);
    assert.equal(entry?.note, 'Compare with our baseline [x](https://evil.example)');
    assert.deepEqual(entry?.tags, ['Agents', 'to-cite']);
    const row = await item(target.paper.id);
    assert.match(String(row.description), /^#Agents #to-cite · /);
    const tooltip = tooltipText(row);
    assert.match(tooltip, /\\#Agents · \\#to\\-cite\*/);
    assert.match(tooltip, /Compare with our baseline \\\[x\\\]\\\(https&#58;\/\/evil\\\.example\\\)/, 'the note is text, not a link');

    await vscode.commands.executeCommand('paperFeed.editNote', target.paper.id, '');
    await vscode.commands.executeCommand('paperFeed.editTags', target.paper.id, []);
    const cleared = (await savedFile()).find((saved) => saved.paper.id === target.paper.id);
    assert.equal(cleared?.note, undefined);
    assert.equal(cleared?.tags, undefined);
    assert.doesNotMatch(String((await item(target.paper.id)).description), /#/);
  });

  it('sorts the Saved view by date saved, paper date, upvotes or title, remembered in paperFeed.saved.sortBy', async () => {
    const ours = (nodes: PaperNode[]): PaperNode[] => nodes.filter((node) => papers.some((paper) => paper.paper.id === node.paper.id));
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    const inOrder: Record<string, (a: PaperNode, b: PaperNode) => boolean> = {
      date: (a, b) => (paperDate(a.paper) ?? '') >= (paperDate(b.paper) ?? ''),
      upvotes: (a, b) => (a.paper.upvotes ?? -1) >= (b.paper.upvotes ?? -1),
      title: (a, b) => collator.compare(a.paper.title, b.paper.title) <= 0,
    };
    for (const [sortBy, ordered] of Object.entries(inOrder)) {
      await vscode.commands.executeCommand('paperFeed.sortSaved', sortBy);
      const rows = await waitFor(`the Saved view by ${sortBy}`, async () => {
        const found = ours(await savedRows());
        return found.every((node, index) => index === 0 || ordered(found[index - 1] as PaperNode, node)) ? found : undefined;
      });
      assert.equal(rows.length, papers.length);
      assert.equal(vscode.workspace.getConfiguration('paperFeed').inspect('saved.sortBy')?.globalValue, sortBy);
    }
    await vscode.commands.executeCommand('paperFeed.sortSaved', 'savedAt');
    const bySaved = await waitFor('the Saved view by date saved', async () => {
      const found = ours(await savedRows()).map((node) => node.paper.id);
      return found[0] === papers.at(-1)?.paper.id ? found : undefined;
    });
    assert.deepEqual(bySaved, papers.map((node) => node.paper.id).reverse(), 'the most recently saved first');
  });

  it('filters the Saved view on notes and tags, says when nothing matches, and clears', async () => {
    const { testing } = await paperFeed();
    const [tagged, noted] = papers;
    assert.ok(tagged && noted);
    await vscode.commands.executeCommand('paperFeed.editTags', tagged.paper.id, 'reading-group');
    await vscode.commands.executeCommand('paperFeed.editNote', noted.paper.id, 'Ask Grace about the ablation');
    const total = (await savedIds()).length;

    await vscode.commands.executeCommand('paperFeed.filterSaved', 'tag:reading-group');
    assert.deepEqual(await savedIds(), [tagged.paper.id]);
    assert.match(testing.savedTree.view.message ?? '', /1 of \d+/);
    await vscode.commands.executeCommand('paperFeed.filterSaved', 'grace ablation');
    assert.deepEqual(await savedIds(), [noted.paper.id]);
    await vscode.commands.executeCommand('paperFeed.filterSaved', `${noted.paper.title.split(/\s+/)[0] ?? ''} ablation`);
    assert.deepEqual(await savedIds(), [noted.paper.id], 'title words and note words together');
    await vscode.commands.executeCommand('paperFeed.filterSaved', 'no-such-word-anywhere');
    assert.deepEqual(await savedIds(), []);
    assert.match(testing.savedTree.view.message ?? '', /No saved paper matches “no-such-word-anywhere”/);

    await vscode.commands.executeCommand('paperFeed.clearSavedFilter');
    assert.equal((await savedIds()).length, total);
    assert.equal(testing.savedTree.view.message, undefined);
  });
});
