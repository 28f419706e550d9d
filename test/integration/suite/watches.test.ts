/**
 * Watched searches (issue 21) in the real host, against the fake Hugging Face with the clock at
 * 2026-08-21 22:00 New York (the 22 August batch is out): a watch counts the papers a refresh brings
 * that match it, on the Watches view's badge and its row, until the user looks at it or opens them;
 * a watch that matches none stays at 0; Add Watch refuses a query already watched; Remove Watch and
 * Search Papers' Watch This Search change the setting.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LOOK_MS } from '../../../src/core/feed/newSince';
import { removePickItems } from '../../../src/host/commands/watches';
import { type WatchesNode, type WatchNode } from '../../../src/host/watches/watchesTree';
import { WatchState } from '../../../src/host/watches/watchState';
import { labelText, paperFeed, waitFor } from '../helpers';

const fakeHf = process.env.PAPER_FEED_FAKE_HF ?? '';

interface Item {
  readonly paper: { id: string; title: string; summary: string; upvotes: number; authors: { _id: string; name: string; hidden: boolean }[]; publishedAt: string; submittedOnDailyAt: string };
  readonly numComments: number;
}

/** Papers of the 22 August batch, which the corpus does not have. */
function item(id: string, title: string, summary: string): Item {
  return {
    paper: {
      id, title, summary, upvotes: 3, authors: [{ _id: 'w', name: 'Wendy Watcher', hidden: false }],
      publishedAt: '2026-08-22T00:00:00.000Z', submittedOnDailyAt: '2026-08-22T08:00:00.000Z',
    },
    numComments: 0,
  };
}

async function addPapers(items: readonly Item[]): Promise<void> {
  assert.equal((await fetch(`${fakeHf}/__papers`, { method: 'POST', body: JSON.stringify(items) })).status, 200);
}

function settingLists(): { global?: unknown; workspace?: unknown } {
  const inspected = vscode.workspace.getConfiguration('paperFeed').inspect<unknown>('watches');
  return { global: inspected?.globalValue, workspace: inspected?.workspaceValue };
}

/** The Watches view's badge (read through a call: an assertion on the property would narrow it for good). */
function badgeOf(view: vscode.TreeView<unknown>): vscode.ViewBadge | undefined {
  return view.badge;
}

async function watchRow(key: string): Promise<{ node: WatchNode; item: vscode.TreeItem; papers: WatchesNode[] }> {
  const { testing } = await paperFeed();
  const node = testing.watchesTree.getChildren().find((candidate): candidate is WatchNode => candidate.kind === 'watch' && candidate.watch.key === key);
  assert.ok(node, `the Watches view shows ${key}`);
  return { node, item: testing.watchesTree.getTreeItem(node), papers: testing.watchesTree.getChildren(node) };
}

describe('watched searches', () => {
  const notified: string[] = [];

  before(async () => {
    const { testing } = await paperFeed();
    await vscode.workspace.getConfiguration('paperFeed').update('watches', undefined, vscode.ConfigurationTarget.Global);
    testing.watchPrompts.notify = async (message) => {
      notified.push(message);
      return undefined;
    };
    testing.watchQuestions.added = async () => undefined;
    testing.watchFocus.setForTests(true); // as if the user were in front of the test window
  });

  after(async () => {
    (await paperFeed()).testing.watchFocus.setForTests(undefined);
    await vscode.workspace.getConfiguration('paperFeed').update('watches', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('counts the new papers a refresh brings that match a watch, and clears them after a look or when opened', async () => {
    const { testing } = await paperFeed();
    const tree = testing.watchesTree;
    // The welcome view (with its Add Watch link) shows while there is no watch: no rows.
    assert.deepEqual(tree.getChildren(), []);

    // "diffusion" matches many papers the feed already has: a new watch starts with none of them new.
    const key = await vscode.commands.executeCommand<string | undefined>('paperFeed.addWatch', 'Diffusion');
    assert.equal(key, 'diffusion');
    const none = await vscode.commands.executeCommand<string | undefined>('paperFeed.addWatch', 'xylophone orchestration');
    assert.equal(none, 'xylophone orchestration');
    assert.deepEqual(settingLists().global, ['Diffusion', 'xylophone orchestration'], 'written to the user\'s settings');
    const before = await watchRow('diffusion');
    assert.ok(before.papers.length > 0, 'the feed has papers on diffusion');
    assert.equal(tree.newCount('diffusion'), 0);
    assert.equal(badgeOf(tree.view), undefined);
    assert.match(String(before.item.description), /^\d+ papers?$/);

    // A query already watched, in any case or spacing, is refused and the setting stays as it was.
    assert.equal(await vscode.commands.executeCommand('paperFeed.addWatch', '  DIFFUSION '), undefined);
    assert.deepEqual(settingLists().global, ['Diffusion', 'xylophone orchestration']);

    // Named and with notifications, in the form users write by hand: the same watch (its look is kept).
    await vscode.workspace.getConfiguration('paperFeed').update('watches',
      [{ query: 'Diffusion', name: 'Diffusion models', notify: true }, 'xylophone orchestration'], vscode.ConfigurationTarget.Global);
    await waitFor('the named watch', () => (tree.current[0]?.name === 'Diffusion models' ? true : undefined));

    // Hidden, the view takes no look on its own.
    await vscode.commands.executeCommand('workbench.view.explorer');
    const items = [
      item('2608.99201', 'Diffusion Policies for Dexterous Hands', 'We learn a policy.'),
      item('2608.99202', 'Video Generation at Scale', 'A latent diffusion model makes videos.'),
      item('2608.99203', 'Masked Diffusion Language Models', 'Text, denoised.'),
      item('2608.99204', 'Sparse Attention Kernels', 'Faster transformers on GPUs.'),
      item('2608.99205', 'A Benchmark for Tool Use', 'Agents call tools.'),
    ];
    // What the watch should count, from the data alone: the papers with the word in their title or abstract.
    const expected = items.filter((entry) => /diffusion/i.test(`${entry.paper.title} ${entry.paper.summary}`)).map((entry) => entry.paper.id);
    assert.equal(expected.length, 3);
    await addPapers(items);
    notified.length = 0;
    await vscode.commands.executeCommand('paperFeed.refresh');
    await waitFor('the watch to count the new papers', () => (tree.newCount('diffusion') > 0 ? true : undefined));
    assert.equal(tree.newCount('diffusion'), expected.length);
    assert.equal(badgeOf(tree.view)?.value, expected.length);
    assert.equal(badgeOf(tree.view)?.tooltip, '3 new papers');
    assert.equal(tree.newCount('xylophone orchestration'), 0, 'a watch that matches none of them');
    const after = await watchRow('diffusion');
    assert.equal(labelText(after.item.label), 'Diffusion models');
    assert.equal(after.item.description, '3 new');
    assert.equal(after.item.contextValue, 'watch');
    // The new ones first, marked as the Papers view marks them, with the paper menus' context value.
    const firstIds = after.papers.slice(0, 3).map((node) => (node.kind === 'paper' ? node.paper.id : ''));
    assert.deepEqual([...firstIds].sort(), [...expected].sort());
    for (const node of after.papers.slice(0, 3)) {
      const row = tree.getTreeItem(node);
      assert.match(row.contextValue ?? '', /^paper\b.*:new\b/);
      assert.match(row.resourceUri?.query ?? '', /\bnew\b/);
      assert.equal(row.command?.command, 'paperFeed.openPaper');
    }
    assert.doesNotMatch(tree.getTreeItem(after.papers[3] as WatchesNode).contextValue ?? '', /:new\b/, 'older matches are not new');
    assert.deepEqual(notified, ['3 new papers match “Diffusion models”']);

    // Another window of papers and back (as a restart, Clear Cache or another VS Code window reads them
    // again): the same papers are counted, and not announced again.
    const shown = testing.feed.currentWindow;
    notified.length = 0;
    await vscode.commands.executeCommand('paperFeed.selectWindow', 'date:2026-08-20');
    await waitFor('another day', () => (tree.newCount('diffusion') === 0 ? true : undefined));
    await vscode.commands.executeCommand('paperFeed.selectWindow', shown);
    await waitFor('the new papers again', () => (tree.newCount('diffusion') === expected.length ? true : undefined));
    assert.deepEqual(notified, [], 'announced once');

    // A look: the watch expanded in the visible view (for LOOK_MS). The count clears; the papers stay marked while it is open.
    await tree.reveal('diffusion', true);
    await waitFor('the look to clear the count', () => (tree.newCount('diffusion') === 0 && badgeOf(tree.view) === undefined ? true : undefined));
    const looked = await watchRow('diffusion');
    assert.match(String(looked.item.description), /^\d+ papers$/);
    assert.match(tree.getTreeItem(looked.papers[0] as WatchesNode).resourceUri?.query ?? '', /\bnew\b/, 'still marked during the look');

    // With another window in front, this one's view (visible, the watch expanded) takes no look: a
    // refresh's new paper stays counted until the window has the focus again.
    testing.watchFocus.setForTests(false);
    await addPapers([item('2608.99207', 'Diffusion for Weather', 'Forecasts.')]);
    await vscode.commands.executeCommand('paperFeed.refresh');
    await waitFor('the window in the background to count it', () => (tree.newCount('diffusion') === 1 ? true : undefined));
    assert.ok(tree.view.visible && tree.isExpanded('diffusion'), 'visible, expanded');
    await new Promise((resolve) => setTimeout(resolve, LOOK_MS + 1_000));
    assert.equal(tree.newCount('diffusion'), 1, 'no look without the focus');
    // The rows: the new one, then those of the look (still marked), then the rest.
    const order = (await watchRow('diffusion')).papers.map((node) => (node.kind === 'paper' ? node.paper.id : ''));
    assert.equal(order[0], '2608.99207');
    assert.deepEqual(order.slice(1, 4).sort(), [...expected].sort());
    assert.ok(order.length > 4, 'older matches after them');
    testing.watchFocus.setForTests(true);
    await waitFor('a look once the window has the focus', () => (tree.newCount('diffusion') === 0 ? true : undefined));

    // The next batch, the view hidden again: one more paper; opening it reads it.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await addPapers([item('2608.99206', 'Diffusion Transformers, Revisited', 'Again.')]);
    notified.length = 0;
    await vscode.commands.executeCommand('paperFeed.refresh');
    await waitFor('the next new paper', () => (tree.newCount('diffusion') === 1 ? true : undefined));
    assert.equal(badgeOf(tree.view)?.value, 1);
    assert.deepEqual(notified, ['1 new paper matches “Diffusion models”']);
    await vscode.commands.executeCommand('paperFeed.openPaper', '2608.99206');
    await waitFor('opening to read it', () => (tree.newCount('diffusion') === 0 ? true : undefined));
    assert.equal(badgeOf(tree.view), undefined);
    assert.equal(tree.newCount('xylophone orchestration'), 0);
  });

  it('removes a watch from the settings, by node or query, and watches what Search Papers searched for', async () => {
    const { testing } = await paperFeed();
    const tree = testing.watchesTree;
    await vscode.workspace.getConfiguration('paperFeed').update('watches', ['diffusion', { query: 'has:code agents', notify: true }, 42], vscode.ConfigurationTarget.Global);
    await waitFor('two watches', () => (tree.current.length === 2 ? true : undefined));

    // Expanded, then removed: no longer expanded (were it added again, its papers would be "looked at" unseen).
    await tree.reveal('diffusion', true);
    await waitFor('the watch expanded', () => (tree.isExpanded('diffusion') ? true : undefined));
    assert.equal(await vscode.commands.executeCommand('paperFeed.removeWatch', 'Diffusion'), true);
    assert.equal(tree.isExpanded('diffusion'), false, 'a watch gone is not expanded');
    assert.deepEqual(settingLists().global, [{ query: 'has:code agents', notify: true }, 42], 'the others as written, even the one Paper Feed ignores');
    const node = tree.nodeOf('has:code agents');
    assert.ok(node);
    assert.equal(await vscode.commands.executeCommand('paperFeed.removeWatch', node), true);
    assert.deepEqual(settingLists().global, [42]);
    assert.deepEqual(tree.getChildren(), []);

    // Search Papers' title button watches the typed text; Add Watch without one offers that text.
    await vscode.commands.executeCommand('paperFeed.search', 'robot grasping');
    const picker = await waitFor('the search picker', () => testing.searchPickers.current);
    assert.deepEqual(picker.buttons.map((button) => button.tooltip), ['Search Inside Saved Papers\' Full Texts', 'Watch This Search']);
    const watch = testing.searchPickers.watch;
    assert.ok(watch);
    await watch();
    assert.deepEqual(settingLists().global, [42, 'robot grasping']);
    let offered: string | undefined;
    testing.watchQuestions.query = async (value) => {
      offered = value;
      return undefined;
    };
    assert.equal(await vscode.commands.executeCommand('paperFeed.addWatch'), undefined);
    assert.equal(offered, 'robot grasping');
  });

  it('keeps the looks and opened papers of every window: each change merged into what globalState holds now', async () => {
    const { testing } = await paperFeed();
    // Two windows' states over the one globalState (VS Code passes another window's writes on to it).
    const one = new WatchState(testing.globalState, () => new Date());
    const other = new WatchState(testing.globalState, () => new Date());
    try {
      await one.look(['merge test one']);
      await other.look(['merge test other']);
      assert.ok(one.lookOf('merge test other'), 'one sees the other\'s look');
      assert.ok(other.lookOf('merge test one'), 'the other\'s change kept the first look');
      await one.markRead('2608.99901');
      await other.markRead('2608.99902');
      assert.ok(other.isRead('2608.99901') && one.isRead('2608.99902') && one.isRead('2608.99901'));
      await one.forget('merge test one');
      assert.equal(other.lookOf('merge test one'), undefined);
      assert.ok(one.lookOf('merge test other'));
    } finally {
      await one.forget('merge test other');
      one.dispose();
      other.dispose();
    }
  });

  it('keeps a look for a watch named like a property of every object', async () => {
    const { testing } = await paperFeed();
    const state = new WatchState(testing.globalState, () => new Date());
    const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
    try {
      for (const name of names) {
        assert.equal(state.lookOf(name), undefined, `${name}: never looked at`);
      }
      await state.start(names);
      for (const name of names) {
        assert.match(state.lookOf(name)?.at ?? '', /^\d{4}-/, `${name}: looked at now`);
      }
      assert.match(new WatchState(testing.globalState, () => new Date()).lookOf('__proto__')?.at ?? '', /^\d{4}-/, 'as stored');
    } finally {
      for (const name of names) {
        await state.forget(name);
      }
      state.dispose();
    }
  });

  it('shows names and queries from the setting as written: no link in a message, no icon in the picker', async () => {
    const { testing } = await paperFeed();
    const tree = testing.watchesTree;
    const link = '[Quit](command:workbench.action.quit)';
    const said: string[] = [];
    testing.watchQuestions.added = async (message) => {
      said.push(message);
      return undefined;
    };
    const already = testing.watchQuestions.already;
    testing.watchQuestions.already = async (message) => said.push(message);
    try {
      // A watch named by a cloned repository's settings, with notifications: the message a refresh brings.
      await vscode.workspace.getConfiguration('paperFeed').update('watches', [{ query: 'marimba', name: `$(zap) ${link}`, notify: true }], vscode.ConfigurationTarget.Global);
      await waitFor('the watch, looked at from now', () => (tree.current[0]?.key === 'marimba' && testing.watchState.lookOf('marimba') ? true : undefined));
      await vscode.commands.executeCommand('workbench.view.explorer');
      await addPapers([item('2608.99301', 'Marimba Synthesis with Diffusion', 'Mallets.')]);
      notified.length = 0;
      await vscode.commands.executeCommand('paperFeed.refresh');
      await waitFor('the message', () => (notified.length > 0 ? true : undefined));
      assert.deepEqual(notified, ['1 new paper matches “$(zap) [Quit]\u2060(command:workbench.action.quit)”'], 'the link broken, the icon syntax as text (a message shows it so)');

      // The messages of Add Watch quote the query.
      assert.equal(await vscode.commands.executeCommand('paperFeed.addWatch', `see ${link}`), `see ${link}`.toLowerCase());
      assert.equal(await vscode.commands.executeCommand('paperFeed.addWatch', `see ${link}`), undefined);
      assert.deepEqual(said, [
        'Watching “see [Quit]\u2060(command:workbench.action.quit)”: new papers that match it are counted in the Watches view.',
        '“see [Quit]\u2060(command:workbench.action.quit)” is already watched.',
      ]);

      // Remove Watch's picker shows `$(…)` as typed.
      const [named] = removePickItems(tree.current);
      assert.equal(named?.label, `\\$(zap) ${link}`);
      assert.equal(named?.description, 'marimba');
    } finally {
      testing.watchQuestions.added = async () => undefined;
      testing.watchQuestions.already = already;
      await vscode.workspace.getConfiguration('paperFeed').update('watches', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('removes a watch from the list the view shows: the workspace\'s, never the user\'s it replaces', async () => {
    const { testing } = await paperFeed();
    const tree = testing.watchesTree;
    const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('paperFeed');
    try {
      await config().update('watches', ['diffusion', 'robots'], vscode.ConfigurationTarget.Global);
      await config().update('watches', ['Diffusion', 'agents'], vscode.ConfigurationTarget.Workspace);
      await waitFor('the workspace\'s watches', () => (tree.current.map((watch) => watch.key).join() === 'diffusion,agents' ? true : undefined));

      assert.equal(await vscode.commands.executeCommand('paperFeed.removeWatch', 'diffusion'), true);
      assert.deepEqual(settingLists(), { global: ['diffusion', 'robots'], workspace: ['agents'] }, 'the user\'s list, which every other workspace shows, as it was');
      assert.ok(testing.watchState.lookOf('diffusion'), 'still watched in the user\'s list: its look stays');
      assert.equal(await vscode.commands.executeCommand('paperFeed.removeWatch', tree.nodeOf('agents')), true);
      assert.deepEqual(settingLists(), { global: ['diffusion', 'robots'], workspace: undefined }, 'the last one: the workspace\'s list goes, not left empty');
      await waitFor('the user\'s watches again', () => (tree.current.map((watch) => watch.key).join() === 'diffusion,robots' ? true : undefined));
    } finally {
      await config().update('watches', undefined, vscode.ConfigurationTarget.Workspace);
      await config().update('watches', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
