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

  it('shows each paper with its title, ▲ upvotes when known and first author, and opens it on click', async () => {
    const { testing } = await paperFeed();
    const [newest] = testing.papersTree.getChildren() ?? [];
    assert.ok(newest);
    const papers = await papersUnder(testing.papersTree, newest);
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
    assert.match(dino.tooltip.value, /Computer Vision/, 'the tooltip names the topic');
    // Its links run Paper Feed's link command (the link policy), with the URL as an argument.
    assert.match(dino.tooltip.value, /\[arXiv\]\(command:paperFeed\.openLink\?%5B%22https%3A%2F%2Farxiv\.org%2Fabs%2F2508\.10104%22/);
    const topics = testing.papersTree.getChildren(newest) ?? [];
    const dinoTopic = topics.find((node) => node.kind === 'group' && node.children.some((child) => child.kind === 'paper' && child.paper.id === '2508.10104'));
    assert.ok(dinoTopic && dinoTopic.kind === 'group');
    assert.equal(dinoTopic.children[0]?.kind === 'paper' && dinoTopic.children[0].paper.id, '2508.10104', 'the most upvoted paper of its topic comes first');
  });

  it('groups by date, then topic, with counts; every node has a parent and a stable id', async () => {
    const { testing } = await paperFeed();
    const walk = async (node: TreeNode | undefined, depth: number): Promise<void> => {
      for (const child of testing.papersTree.getChildren(node) ?? []) {
        assert.equal(testing.papersTree.getParent?.(child), node);
        const treeItem = await item(testing.papersTree, child);
        if (child.kind === 'group') {
          assert.equal(Number(treeItem.description), (await papersUnder(testing.papersTree, child)).length, `count of ${child.id}`);
          assert.match(treeItem.id ?? '', depth === 0 ? /^date:\d{4}$/ : /^date:\d{4}\/topic:[a-z0-9]+$/);
          assert.equal(treeItem.contextValue, depth === 0 ? 'dateGroup' : 'topicGroup');
          await walk(child, depth + 1);
        } else {
          assert.equal(depth, 2);
          assert.match(treeItem.id ?? '', /^date:\d{4}\/topic:[a-z0-9]+\/paper:\d{4}\.\d{4,5}$/);
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
