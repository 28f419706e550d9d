/** The Papers and Saved views in the real host, through their tree providers, with the fake Hugging Face. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TreeNode } from '../../../src/host/tree/nodes';
import { labelText, paperFeed, papersUnder, resolvedItem, waitFor } from '../helpers';

const fakeHf = process.env.PAPER_FEED_FAKE_HF as string;
const ENV_HARNESS = '2608.19880';
const FACET = '2608.18580';

async function roots(): Promise<TreeNode[]> {
  const { testing } = await paperFeed();
  return [...(testing.papersTree.getChildren() ?? [])];
}

/** Ids of the tree down to `depth` levels, e.g. ['date:…', 'date:…/topic:…']. */
async function shape(): Promise<string[][]> {
  const { testing } = await paperFeed();
  const top = await roots();
  const second = top[0] ? testing.papersTree.getChildren(top[0]) ?? [] : [];
  return [top.map((node) => node.id), second.map((node) => node.id)];
}

/** Read fresh each time (assertions narrow a property read once). */
async function badgeValue(): Promise<number | undefined> {
  const { testing } = await paperFeed();
  return testing.papersTree.view.badge?.value;
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('paperFeed').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('Papers and Saved views', () => {
  before(async () => {
    await vscode.commands.executeCommand('paperFeed.selectWindow', 'days');
  });

  afterEach(async () => {
    await setting('grouping', undefined);
    await setting('sortBy', undefined);
    await setting('topics', undefined);
    await vscode.commands.executeCommand('paperFeed.clearFilter');
  });

  it('groups four ways from paperFeed.setGrouping, remembered in the settings, with counts at every level', async () => {
    const { testing } = await paperFeed();
    const total = (await papersUnder(testing.papersTree)).length;
    assert.ok(total > 50);
    const expected: Record<string, [RegExp, RegExp]> = {
      'date-topic': [/^date:2026-08-\d\d$/, /^date:2026-08-\d\d\/topic:[a-z0-9]+$/],
      'topic-date': [/^topic:[a-z0-9]+$/, /^topic:[a-z0-9]+\/date:2026-08-\d\d$/],
      date: [/^date:2026-08-\d\d$/, /^date:2026-08-\d\d\/paper:\d{4}\.\d{5}$/],
      topic: [/^topic:[a-z0-9]+$/, /^topic:[a-z0-9]+\/paper:\d{4}\.\d{5}$/],
    };
    for (const [grouping, [top, second]] of Object.entries(expected)) {
      await vscode.commands.executeCommand('paperFeed.setGrouping', grouping);
      const [topIds, secondIds] = await waitFor(`the ${grouping} tree`, async () => {
        const ids = await shape();
        return ids[0]?.every((id) => top.test(id)) && ids[1]?.every((id) => second.test(id)) && (ids[1]?.length ?? 0) > 0 ? ids : undefined;
      });
      assert.ok((topIds?.length ?? 0) > 1 && (secondIds?.length ?? 0) > 0, grouping);
      assert.equal(vscode.workspace.getConfiguration('paperFeed').inspect('grouping')?.globalValue, grouping);
      let counted = 0;
      for (const node of await roots()) {
        const item = testing.papersTree.getTreeItem(node);
        const under = (await papersUnder(testing.papersTree, node)).length;
        assert.equal(Number(item.description), under, `${node.id} says how many papers it holds`);
        counted += under;
      }
      assert.equal(counted, total, `${grouping}: every paper once`);
    }
    const topicRoots = await roots();
    assert.equal(topicRoots.at(-1)?.id === 'topic:other' || !topicRoots.some((node) => node.id === 'topic:other'), true, 'Other comes last');
  });

  it('sorts the papers of a group by paperFeed.sortBy', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.setGrouping', 'date');
    await setting('sortBy', 'title');
    const titles = await waitFor('title order', async () => {
      const [first] = await roots();
      const papers = first ? await papersUnder(testing.papersTree, first) : [];
      const list = papers.map((node) => node.paper.title);
      const sorted = [...list].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }));
      return list.length > 3 && list.join('\n') === sorted.join('\n') ? list : undefined;
    });
    assert.ok(titles.length > 3);
  });

  it('marks papers that arrived since the last look, counts them in the badge, and opening one marks it read', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.markAllRead');
    assert.equal(await badgeValue(), undefined);
    // Tomorrow's batch (the clock says it is 22:00 in New York: the 22 August batch is out).
    const items = ['2608.99001', '2608.99002'].map((id, index) => ({
      paper: {
        id, title: `A New Paper on Robot Grasping ${index + 1}`, summary: 'A robot grasps things.', upvotes: 1 + index,
        authors: [{ _id: 'a', name: 'New Author', hidden: false }],
        publishedAt: '2026-08-22T00:00:00.000Z', submittedOnDailyAt: '2026-08-22T08:00:00.000Z',
      },
      numComments: 0,
    }));
    assert.equal((await fetch(`${fakeHf}/__papers`, { method: 'POST', body: JSON.stringify(items) })).status, 200);
    await vscode.commands.executeCommand('paperFeed.refresh');
    const badge = await waitFor('the badge', () => testing.papersTree.view.badge);
    assert.equal(badge.value, 2);
    assert.match(badge.tooltip, /^2 new papers$/);
    const node = (await papersUnder(testing.papersTree)).find((candidate) => candidate.paper.id === '2608.99001');
    assert.ok(node, 'the new paper is in the tree');
    const item = await resolvedItem(testing.papersTree, node);
    assert.match(item.contextValue ?? '', /^paper(:\w+)*:new$/);
    assert.equal(labelText(item.label), '▲1 A New Paper on Robot Grasping 1');
    assert.equal(String(item.description), 'New Author');
    // The "new" mark is the row's decoration badge, which a narrow sidebar does not cut: its URI carries it.
    assert.equal(item.resourceUri?.toString(), 'paper-feed-row:/2608.99001?new');
    assert.equal(labelText(testing.papersTree.getTreeItem(node.parent as TreeNode).label), 'Today');

    await vscode.commands.executeCommand('paperFeed.openPaper', '2608.99001');
    assert.equal(await badgeValue(), 1, 'opening a paper marks it read');
    await vscode.commands.executeCommand('paperFeed.markAllRead');
    assert.equal(await badgeValue(), undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('filters the tree and says so in the view', async () => {
    const { testing } = await paperFeed();
    const total = (await papersUnder(testing.papersTree)).length;
    await vscode.commands.executeCommand('paperFeed.filter', 'agent');
    const shown = await papersUnder(testing.papersTree);
    assert.ok(shown.length > 0 && shown.length < total, `${shown.length} of ${total}`);
    assert.equal(testing.papersTree.view.message, `Filtered by “agent”: ${shown.length} of ${total} papers.`);
    for (const node of shown) {
      const text = [node.paper.title, ...node.paper.authors.map((author) => author.name), ...(node.paper.aiKeywords ?? []), testing.topics.label(testing.topics.of(node.paper).primary)].join(' ');
      assert.match(text, /agent/i, node.paper.title);
    }
    await vscode.commands.executeCommand('paperFeed.clearFilter');
    assert.equal((await papersUnder(testing.papersTree)).length, total);
    assert.equal(testing.papersTree.view.message, undefined);
  });

  it('saves papers to the Saved view and its file, marks them in the tree, and removes them', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.savePaper', ENV_HARNESS);
    const nodes = await papersUnder(testing.papersTree);
    const facet = nodes.find((node) => node.paper.id === FACET);
    assert.ok(facet);
    await vscode.commands.executeCommand('paperFeed.savePaper', facet, [facet]); // a tree (multi-)selection
    assert.deepEqual(testing.savedTree.getChildren().map((node) => node.paper.id).sort(), [FACET, ENV_HARNESS].sort());
    const file = JSON.parse(readFileSync(vscode.Uri.joinPath(testing.globalStorageUri, 'saved.json').fsPath, 'utf8')) as { papers: { paper: { id: string } }[] };
    assert.deepEqual(file.papers.map((entry) => entry.paper.id).sort(), [FACET, ENV_HARNESS].sort());
    const envNode = nodes.find((node) => node.paper.id === ENV_HARNESS);
    assert.ok(envNode);
    assert.match(testing.papersTree.getTreeItem(envNode).contextValue ?? '', /:saved\b/);
    const savedItem = testing.savedTree.getTreeItem(testing.savedTree.getChildren()[0] as never);
    assert.match(savedItem.contextValue ?? '', /^paper.*:saved\b/);

    await vscode.commands.executeCommand('paperFeed.unsavePaper', FACET);
    assert.deepEqual(testing.savedTree.getChildren().map((node) => node.paper.id), [ENV_HARNESS]);
    assert.doesNotMatch(testing.papersTree.getTreeItem(facet).contextValue ?? '', /:saved\b/);
  });

  it('exports the reading list to a .bib, adding to an existing file without touching what is there', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.savePaper', FACET);
    const folder = mkdtempSync(join(tmpdir(), 'paper-feed-export-'));
    const bib = join(folder, 'reading.bib');
    const existing = '@misc{mine2026envharness,\n  title = {My own entry},\n  eprint = {2608.19880},\n}\n';
    writeFileSync(bib, existing);
    testing.libraryPrompts.exportTarget = async () => vscode.Uri.file(bib);
    const result = await vscode.commands.executeCommand<{ file: string; added: number }>('paperFeed.exportSaved');
    assert.deepEqual(result, { file: bib, added: 1 });
    const text = readFileSync(bib, 'utf8');
    assert.ok(text.startsWith(existing), 'the existing entry is untouched');
    assert.equal(text.match(/^@/gm)?.length, 2, 'EnvHarness is not added twice');
    assert.match(text, /eprint = \{2608\.18580\}/);
    await vscode.commands.executeCommand('paperFeed.unsavePaper', FACET);
    await vscode.commands.executeCommand('paperFeed.unsavePaper', ENV_HARNESS);
  });

  it('exports into a .bib open with unsaved changes: the unsaved text is kept and the new entries appended to it', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.savePaper', ENV_HARNESS);
    await vscode.commands.executeCommand('paperFeed.savePaper', FACET);
    const bib = join(mkdtempSync(join(tmpdir(), 'paper-feed-export-')), 'open.bib');
    const onDisk = '@misc{mine2026envharness,\n  title = {My own entry},\n  eprint = {2608.19880},\n}\n';
    writeFileSync(bib, onDisk);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(bib));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), '% unsaved note\n'));
    assert.ok(document.isDirty);
    testing.libraryPrompts.exportTarget = async () => vscode.Uri.file(bib);
    try {
      const result = await vscode.commands.executeCommand<{ file: string; added: number }>('paperFeed.exportSaved');
      assert.deepEqual(result, { file: bib, added: 1 });
      const text = document.getText();
      assert.ok(text.startsWith(`% unsaved note\n${onDisk}`), 'the unsaved edit and the existing entry are kept');
      assert.equal(text.match(/^@/gm)?.length, 2, 'EnvHarness, in the file already, is not added twice');
      assert.match(text, /eprint = \{2608\.18580\}/);
      assert.equal(readFileSync(bib, 'utf8'), onDisk, 'the file on disk is left to the user\'s save');
    } finally {
      // Leave no unsaved document behind (closing it would ask).
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('paperFeed.unsavePaper', FACET);
      await vscode.commands.executeCommand('paperFeed.unsavePaper', ENV_HARNESS);
    }
  });

  it('takes the user\'s own topics from paperFeed.topics', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.setGrouping', 'topic');
    await setting('topics', { 'Harness Engineering': ['envharness'] });
    const group = await waitFor('the user topic group', async () => (await roots()).find((node) => node.id === 'topic:user:Harness Engineering'));
    assert.equal(labelText(testing.papersTree.getTreeItem(group).label), 'Harness Engineering');
    assert.ok((await papersUnder(testing.papersTree, group)).some((node) => node.paper.id === ENV_HARNESS));
  });

  it('reveals and selects a paper opened from the palette, without taking focus', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.papers.focus');
    await waitFor('the Papers view to be visible', () => (testing.papersTree.view.visible ? true : undefined));
    await vscode.commands.executeCommand('paperFeed.openPaper', FACET);
    const selected = await waitFor('the paper to be selected', () => testing.papersTree.view.selection.find((node) => node.kind === 'paper' && node.paper.id === FACET));
    assert.ok(selected);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
