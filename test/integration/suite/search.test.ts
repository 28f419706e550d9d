/** Search in the real host: the worker's index over the cache the fake Hugging Face filled, the API and the command. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { paperFeed, waitFor } from '../helpers';

const ENV_HARNESS = '2608.19880';

describe('search', () => {
  before(async () => {
    const { testing } = await paperFeed();
    await testing.search.ready;
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('finds papers through the API by title, with a typo, cut mid-word, and by author', async () => {
    const api = await paperFeed();
    assert.equal(api.testing.search.isIndexReady, true);
    for (const query of ['EnvHarness: Awakening Static Worlds for Agent Learning', 'EnvHarness Awakning Static Worlds', 'EnvHarness: Awakening Sta', 'huang envharness']) {
      const found = await api.search(query, 5);
      assert.equal(found[0]?.id, ENV_HARNESS, query);
    }
    const limited = await api.search('language', 3);
    assert.equal(limited.length, 3);
    assert.ok(Object.isFrozen(limited[0]), 'the papers are the frozen ones of listPapers');
  });

  it('applies filters in the query', async () => {
    const api = await paperFeed();
    const withCode = await api.search('agent has:code', 20);
    assert.ok(withCode.length > 0 && withCode.every((paper) => paper.githubRepo !== undefined));
    const dated = await api.search('agent after:2026-08-20 before:2026-08-20', 20);
    assert.ok(dated.length > 0 && dated.every((paper) => paper.feedDate === '2026-08-20'), dated.map((paper) => paper.feedDate).join());
    const byTopic = await api.search('topic:robotics', 10);
    assert.ok(byTopic.length > 0 && byTopic.every((paper) => api.testing.topics.of(paper).primary === 'robotics'));
  });

  it('opens the QuickPick with an initial query and our ranking, and a Hugging Face item last', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.search', 'EnvHarness Awakening');
    const picker = await waitFor('the search picker', () => testing.searchPickers.current);
    const items = await waitFor('results', () => (picker.items.length > 1 ? picker.items : undefined));
    assert.equal(items[0]?.paper?.id, ENV_HARNESS);
    assert.ok(items.every((item) => item.alwaysShow), 'every item keeps its place');
    assert.match(items.at(-1)?.label ?? '', /Search Hugging Face$/);
    assert.equal(items.at(-1)?.description, 'for “EnvHarness Awakening”');
    assert.match(items[0]?.description ?? '', /▲ 163 · ★ 8 · 2026-08-21 · /);
    // Open, copy, insert, save, and clone (EnvHarness has a GitHub repository).
    assert.deepEqual(items[0]?.buttons?.map((button) => button.tooltip), ['Open Paper', 'Copy Citation…', 'Insert Citation', 'Save to Reading List', 'Clone Repository…']);
  });

  it('indexes papers found on Hugging Face, and persists the index', async () => {
    const api = await paperFeed();
    const found = await api.testing.feed.searchOnline('Awakening Static Worlds');
    assert.ok(found.some((paper) => paper.id === ENV_HARNESS));
    api.testing.search.addFound(found);
    const files = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(api.testing.globalStorageUri, 'search'));
    assert.ok(files.some(([name]) => /^index-[0-9a-f]{12}\.bin$/.test(name)), JSON.stringify(files));
  });
});
