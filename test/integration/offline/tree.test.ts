import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeNode } from '../../../src/host/tree/nodes';
import { labelText as text, paperFeed, papersUnder, resolvedItem as item, waitFor } from '../helpers';

describe('Papers view', () => {
  it('shows the sample feed in year groups, newest first, with counts', async () => {
    const { testing } = await paperFeed();
    const roots = testing.papersTree.getChildren() ?? [];
    const items = await Promise.all(roots.map((node) => item(testing.papersTree, node)));
    assert.deepEqual(items.map((entry) => text(entry.label)), ['2025', '2024', '2023', '2022', '2021', '2020', '2018']);
    const counts = items.map((entry) => Number(entry.description));
    assert.equal(counts.reduce((sum, value) => sum + value, 0), 29);
    assert.equal(items[0]?.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.equal(items[6]?.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.equal(items[0]?.id, 'date:2025');
  });

  it('shows each paper as ▲upvotes and title, its topic as its icon, ★ and the first author after, and opens it on click', async () => {
    const { testing } = await paperFeed();
    const [newest] = testing.papersTree.getChildren() ?? [];
    assert.ok(newest);
    const papers = await papersUnder(testing.papersTree, newest);
    const items = await Promise.all(papers.map((node) => item(testing.papersTree, node)));
    const dino = items.find((entry) => text(entry.label) === '▲7 DINOv3');
    assert.ok(dino, `DINOv3 is in the 2025 group, its upvotes first: ${items.map((entry) => text(entry.label)).join(' | ')}`);
    assert.equal(dino.description, 'Oriane Siméoni et al.');
    assert.equal(dino.contextValue, 'paper:hasRepo');
    assert.ok(dino.iconPath instanceof vscode.ThemeIcon);
    assert.equal(dino.iconPath.id, 'eye', 'Computer Vision\'s icon');
    assert.equal(dino.resourceUri?.toString(), 'paper-feed-row:/2508.10104', 'no marks: neither new nor saved');
    assert.match(dino.accessibilityInformation?.label ?? '', /^DINOv3, 7 upvotes, Computer Vision, Oriane Siméoni et al\.$/);
    assert.deepEqual(dino.command?.arguments, ['2508.10104']);
    assert.equal(dino.command?.command, 'paperFeed.openPaper');
    assert.ok(dino.tooltip instanceof vscode.MarkdownString);
    assert.match(dino.tooltip.value, /Oriane Sim/);
    assert.match(dino.tooltip.value, /▲ 7/, 'the tooltip has the upvotes');
    const unknown = items.find((entry) => text(entry.label).startsWith('Towards Provably Unlearnable'));
    assert.equal(unknown?.description, 'Ruihan Zhang et al.', 'no ▲ when upvotes are unknown');
    assert.match(dino.tooltip.value, /Computer Vision/, 'the tooltip names the topic');
    // Its links run Paper Feed's link command (the link policy), with the URL as an argument.
    assert.match(dino.tooltip.value, /\[arXiv\]\(command:paperFeed\.openLink\?%5B%22https%3A%2F%2Farxiv\.org%2Fabs%2F2508\.10104%22/);
    // A ranked list: the day's (here the year's) papers straight under it, most upvoted first.
    const upvotes = (testing.papersTree.getChildren(newest) ?? []).map((node) => (node.kind === 'paper' ? node.paper.upvotes ?? -1 : Number.NaN));
    assert.ok(upvotes.every((value, index) => index === 0 || value <= (upvotes[index - 1] as number)), `ranked: ${upvotes.join(', ')}`);
  });

  it('groups by date, each a ranked list, with counts; every node has a parent and a stable id', async () => {
    const { testing } = await paperFeed();
    const walk = async (node: TreeNode | undefined, depth: number): Promise<void> => {
      for (const child of testing.papersTree.getChildren(node) ?? []) {
        assert.equal(testing.papersTree.getParent?.(child), node);
        const treeItem = await item(testing.papersTree, child);
        if (child.kind === 'group') {
          assert.equal(depth, 0);
          assert.equal(Number(treeItem.description), (await papersUnder(testing.papersTree, child)).length, `count of ${child.id}`);
          assert.match(treeItem.id ?? '', /^date:\d{4}$/);
          assert.equal(treeItem.contextValue, 'dateGroup:top');
          await walk(child, depth + 1);
        } else {
          assert.equal(depth, 1);
          assert.match(treeItem.id ?? '', /^date:\d{4}\/paper:\d{4}\.\d{4,5}$/);
        }
      }
    };
    await walk(undefined, 0);
    assert.equal((await papersUnder(testing.papersTree)).length, 29);
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
