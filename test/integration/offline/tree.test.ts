import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeNode } from '../../../src/host/tree/nodes';
import { paperFeed, waitFor } from '../helpers';

async function item(provider: vscode.TreeDataProvider<TreeNode>, node: TreeNode): Promise<vscode.TreeItem> {
  const treeItem = await provider.getTreeItem(node);
  return (await provider.resolveTreeItem?.(treeItem, node, new vscode.CancellationTokenSource().token)) ?? treeItem;
}

function text(label: string | vscode.TreeItemLabel | undefined): string {
  return typeof label === 'string' ? label : label?.label ?? '';
}

describe('Papers view', () => {
  it('shows the sample feed in year groups, newest first, with counts', async () => {
    const { testing } = await paperFeed();
    const roots = (await testing.papersTree.getChildren()) ?? [];
    const items = await Promise.all(roots.map((node) => item(testing.papersTree, node)));
    assert.deepEqual(items.map((entry) => text(entry.label)), ['2025', '2024', '2023', '2022', '2021', '2020', '2018']);
    const counts = items.map((entry) => Number(entry.description));
    assert.equal(counts.reduce((sum, value) => sum + value, 0), 29);
    assert.equal(items[0]?.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.equal(items[6]?.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.equal(items[0]?.id, 'date:2025');
  });

  it('shows each paper with its title, ▲ upvotes when known and first author, and opens it on click', async () => {
    const { testing } = await paperFeed();
    const [newest] = (await testing.papersTree.getChildren()) ?? [];
    assert.ok(newest);
    const papers = (await testing.papersTree.getChildren(newest)) ?? [];
    const items = await Promise.all(papers.map((node) => item(testing.papersTree, node)));
    const dino = items.find((entry) => text(entry.label) === 'DINOv3');
    assert.ok(dino, 'DINOv3 is in the 2025 group');
    assert.equal(dino.description, '▲ 7 · Oriane Siméoni et al.');
    assert.equal(dino.contextValue, 'paper:hasRepo');
    assert.deepEqual(dino.command?.arguments, ['2508.10104']);
    assert.equal(dino.command?.command, 'paperFeed.openPaper');
    assert.ok(dino.tooltip instanceof vscode.MarkdownString);
    assert.match(dino.tooltip.value, /Oriane Sim/);
    const unknown = items.find((entry) => text(entry.label).startsWith('Towards Provably Unlearnable'));
    assert.equal(unknown?.description, 'Ruihan Zhang et al.', 'no ▲ when upvotes are unknown');
    assert.equal(text(items[0]?.label), 'DINOv3', 'the most upvoted paper comes first');
  });

  it('gives every node a parent and a stable id', async () => {
    const { testing } = await paperFeed();
    for (const root of (await testing.papersTree.getChildren()) ?? []) {
      assert.equal(await testing.papersTree.getParent?.(root), undefined);
      for (const child of (await testing.papersTree.getChildren(root)) ?? []) {
        assert.equal(await testing.papersTree.getParent?.(child), root);
        assert.match((await item(testing.papersTree, child)).id ?? '', /^date:\d{4}\/paper:\d{4}\.\d{4,5}$/);
      }
    }
  });

  it('is a real view in the Paper Feed container that says it shows the sample, and why', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.papers.focus');
    // The view reports its visibility asynchronously after the focus command resolves.
    await waitFor('the Papers view to be visible', () => (testing.papersTree.view.visible ? true : undefined));
    assert.match(testing.papersTree.view.message ?? '', /^Sample papers: Hugging Face could not be reached \(ECONNREFUSED\)\. Use Refresh to try again\.$/);
    assert.equal(testing.papersTree.view.description, 'Sample papers');
  });

  it('keeps the sample after a failed Refresh and says so once per attempt', async () => {
    const api = await paperFeed();
    const before = api.testing.feed.shownMessages.length;
    await vscode.commands.executeCommand('paperFeed.refresh');
    assert.equal(api.listPapers().length, 29);
    assert.equal(api.testing.feed.shownMessages.length, before + 1);
    assert.match(api.testing.feed.shownMessages.at(-1) ?? '', /could not be reached.*Showing the built-in sample papers\./);
  });
});
