/**
 * A multi-phase test: `write` stores a token; `reload` (same server, same browser profile, window
 * reloaded) and `restart` (server restarted on the same user-data folder, same browser profile)
 * must both see it. In code-server, globalState lives in the browser profile and globalStorageUri
 * files on the server.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { paperFeed, waitFor, webviewTabs } from '../helpers';

const phase = process.env.PAPER_FEED_TEST_PHASE ?? '';
const token = process.env.PAPER_FEED_TEST_TOKEN ?? '';
const KEY = 'paperFeed.test.persistenceToken';
const FILE = 'persistence-token.txt';

describe(`persistence across phases (${phase})`, () => {
  it('has a token from the runner', () => {
    assert.match(token, /^[0-9a-f]{16}$/);
  });

  if (phase === 'persistence:write') {
    it('has fetched papers from the fake Hugging Face into the cache', async () => {
      const { testing } = await paperFeed();
      assert.ok(testing.feed.cache.size > 50, `${testing.feed.cache.size} papers cached`);
      assert.equal(testing.papersTree.view.description, 'Last 7 days');
    });

    it('writes the token to globalState and to a globalStorageUri file', async () => {
      const { testing } = await paperFeed();
      assert.notEqual(testing.globalState.get(KEY), token, 'a fresh profile has no token yet');
      await testing.globalState.update(KEY, token);
      await vscode.workspace.fs.createDirectory(testing.globalStorageUri);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(testing.globalStorageUri, FILE), new TextEncoder().encode(token));
    });
    it('opens a paper panel, to be restored after the reload', async () => {
      const { testing } = await paperFeed();
      await vscode.commands.executeCommand('paperFeed.openPaper', '2608.19880');
      await waitFor('the panel page to be ready', () => (testing.panel.readyPapers.includes('2608.19880') ? true : undefined), 20_000);
      // Give the page a moment to store its state (setState), and VS Code to flush globalState
      // (written by the test before), before the window goes away.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    });

  } else {
    it('shows the cached papers, not the sample, with the network gone', async () => {
      const api = await paperFeed();
      assert.ok(api.testing.feed.cache.size > 50);
      assert.equal(api.testing.papersTree.view.description, 'Last 7 days');
      assert.ok(api.getPaper('2608.19880'), 'a paper from the fake feed');
      assert.equal(api.getPaper('2508.10104'), undefined, 'no sample paper');
    });

    it('restores the paper panel with its paper (WebviewPanelSerializer)', async () => {
      const { testing } = await paperFeed();
      const tab = await waitFor('the restored panel', () => webviewTabs('paperFeed.paper')[0], 20_000);
      assert.equal(tab.label, 'EnvHarness: Awakening Static Worlds for Agent Learning');
      await waitFor('the panel to hold its paper', () => (testing.panel.paper?.id === '2608.19880' ? true : undefined), 20_000);
    });

    it('reads back the token the first phase wrote', async () => {
      const { testing } = await paperFeed();
      assert.equal(testing.globalState.get(KEY), token, 'globalState');
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(testing.globalStorageUri, FILE));
      assert.equal(new TextDecoder().decode(bytes), token, 'globalStorageUri file');
    });
  }
});
