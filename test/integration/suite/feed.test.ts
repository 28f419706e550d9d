/** The live feed from the local fake Hugging Face server (HF_ENDPOINT), with the clock at 2026-08-21 22:00 New York. */
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as vscode from 'vscode';
import type { TreeNode } from '../../../src/host/tree/nodes';
import { paperFeed, papersUnder, waitFor } from '../helpers';

const fakeHf = process.env.PAPER_FEED_FAKE_HF ?? '';

async function setFault(fault: object | undefined): Promise<void> {
  await fetch(`${fakeHf}/__fault`, { method: 'POST', body: fault ? JSON.stringify(fault) : '' });
}

async function seenByServer(): Promise<{ requests: string[]; aborted: string[] }> {
  return await (await fetch(`${fakeHf}/__requests`)).json() as { requests: string[]; aborted: string[] };
}

/** `promise`, or a failure naming `what` when it takes longer than `ms`. */
async function within<T>(ms: number, what: string, promise: Thenable<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([Promise.resolve(promise), late]);
  } finally {
    clearTimeout(timer);
  }
}

async function labels(nodes: readonly TreeNode[]): Promise<string[]> {
  const { testing } = await paperFeed();
  const items = nodes.map((node) => testing.papersTree.getTreeItem(node));
  return items.map((item) => (typeof item.label === 'string' ? item.label : item.label?.label ?? ''));
}

async function roots(): Promise<TreeNode[]> {
  const { testing } = await paperFeed();
  return [...(testing.papersTree.getChildren() ?? [])];
}

async function paperCount(): Promise<number> {
  const { testing } = await paperFeed();
  return (await papersUnder(testing.papersTree)).length;
}

describe('live feed', () => {
  afterEach(async () => {
    await setFault(undefined);
  });

  after(async () => {
    await vscode.commands.executeCommand('paperFeed.selectWindow', 'days');
  });

  it('shows the last 7 days of real papers, grouped by day, from the fake Hugging Face', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.markAllRead');
    assert.equal(testing.papersTree.view.description, 'Last 7 days');
    assert.equal(testing.papersTree.view.message, undefined);
    assert.deepEqual((await labels(await roots())).slice(0, 3), ['Yesterday', 'Thu 20 Aug 2026', 'Wed 19 Aug 2026']);
    const [friday] = await roots();
    const papers = await papersUnder(testing.papersTree, friday);
    const envHarness = papers.find((node) => node.paper.id === '2608.19880');
    assert.ok(envHarness);
    const first = testing.papersTree.getTreeItem(envHarness);
    assert.equal(first.label, '▲163 EnvHarness: Awakening Static Worlds for Agent Learning');
    assert.match(String(first.description), /^(★ \S+ · )?Chengsong Huang et al\.$/);
    assert.ok(await paperCount() > 50);
  });

  it('opens a live paper by id', async () => {
    await vscode.commands.executeCommand('paperFeed.openPaper', '2608.19880');
    const { testing } = await paperFeed();
    assert.equal(testing.panel.paper?.title, 'EnvHarness: Awakening Static Worlds for Agent Learning');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows any day, then steps to the previous and next period like the site', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.selectWindow', 'date:2026-08-20');
    assert.equal(testing.papersTree.view.description, 'Thu 20 Aug 2026');
    assert.deepEqual(await labels(await roots()), ['Thu 20 Aug 2026']);
    await vscode.commands.executeCommand('paperFeed.previousPeriod');
    assert.equal(testing.feed.currentWindow, 'date:2026-08-19');
    assert.deepEqual(await labels(await roots()), ['Wed 19 Aug 2026']);
    await vscode.commands.executeCommand('paperFeed.nextPeriod');
    await vscode.commands.executeCommand('paperFeed.nextPeriod');
    await vscode.commands.executeCommand('paperFeed.nextPeriod');
    assert.equal(testing.feed.currentWindow, 'today', 'stepping forward stops at today');
    assert.equal(testing.papersTree.view.description, 'Today · Fri 21 Aug 2026', 'Saturday has no batch: the latest is shown');
  });

  it('shows weeks and months and steps them', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.selectWindow', 'week:2026-W33');
    assert.equal(testing.papersTree.view.description, 'Week 33 · 10–16 Aug 2026');
    const week33 = await paperCount();
    assert.ok(week33 > 50, `${week33} papers in week 33`);
    await vscode.commands.executeCommand('paperFeed.previousPeriod');
    assert.equal(testing.feed.currentWindow, 'week:2026-W32');
    await vscode.commands.executeCommand('paperFeed.selectWindow', 'month:2026-07');
    assert.equal(testing.papersTree.view.description, 'July 2026');
    assert.ok(await paperCount() > 200);
  });

  for (const mode of ['429', '500', 'reset', 'truncate', 'invalidJson', 'wrongType'] as const) {
    it(`keeps the tree and says what happened when Hugging Face fails with ${mode}`, async () => {
      const { testing } = await paperFeed();
      await vscode.commands.executeCommand('paperFeed.selectWindow', 'date:2026-08-18');
      const before = await paperCount();
      assert.ok(before > 0);
      await setFault({ mode, path: '/' });
      const messages = testing.feed.shownMessages.length;
      await vscode.commands.executeCommand('paperFeed.refresh');
      assert.equal(await paperCount(), before, 'the last good papers stay');
      assert.equal(testing.feed.shownMessages.length, messages + 1, 'one message');
      const expected = {
        429: /Hugging Face is limiting requests; try again in 2 minutes\./,
        500: /Hugging Face had a server error \(HTTP 500\)\./,
        reset: /Hugging Face could not be reached/,
        truncate: /Hugging Face could not be reached/,
        invalidJson: /JSON that cannot be read/,
        wrongType: /sent text\/html where JSON was expected/,
      }[mode];
      assert.match(testing.feed.shownMessages.at(-1) ?? '', expected);
      assert.match(testing.papersTree.view.message ?? '', /^Offline: showing papers fetched/);
      await setFault(undefined);
      await vscode.commands.executeCommand('paperFeed.refresh');
      assert.equal(testing.papersTree.view.message, undefined, 'a good refresh clears the warning');
    });
  }

  it('falls back to the HTML pages when only the API is rate-limited, without bothering the user', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.selectWindow', 'date:2026-08-17');
    const messages = testing.feed.shownMessages.length;
    await setFault({ mode: '429', path: '/api/' });
    await vscode.commands.executeCommand('paperFeed.refresh');
    assert.equal(testing.feed.shownMessages.length, messages);
    assert.ok(await paperCount() > 0);
    assert.equal(testing.papersTree.view.message, undefined);
  });

  it('reports a failing background refresh once, not at every retry', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.selectWindow', 'date:2026-08-19');
    await setFault({ mode: '500', path: '/' });
    const messages = testing.feed.shownMessages.length;
    await testing.feed.refresh({ interactive: false });
    await testing.feed.refresh({ interactive: false });
    await testing.feed.refresh({ interactive: false });
    assert.equal(testing.feed.shownMessages.length, messages + 1);
    assert.match(testing.papersTree.view.message ?? '', /^Offline: showing papers fetched .*server error \(HTTP 500\)/);
  });

  it('says so when loading papers fails past the feed\'s own handling, not only in the log', async () => {
    const { testing } = await paperFeed();
    const loadFailures = (): string[] => testing.feed.shownMessages.filter((message) => message.startsWith('Paper Feed could not load papers'));
    assert.deepEqual(loadFailures(), [], 'the first load of this window went well and said nothing');
    // Every bad input the first load meets is handled inside the feed, so the failure is injected.
    testing.feed.reportLoadFailure(new Error('the cache folder cannot be read (injected)'));
    assert.deepEqual(loadFailures(), ['Paper Feed could not load papers: the cache folder cannot be read (injected)']);
  });

  it('names itself in the User-Agent and sends the token as a Bearer header once set', async () => {
    const { testing } = await paperFeed();
    await fetch(`${fakeHf}/__reset`, { method: 'POST' });
    await testing.feed.setToken('hf_integration_test_token');
    try {
      await vscode.commands.executeCommand('paperFeed.refresh');
      const seen = await (await fetch(`${fakeHf}/__requests`)).json() as { headers: { userAgent?: string; authorization?: string }[] };
      assert.ok(seen.headers.length > 0);
      for (const header of seen.headers) {
        assert.match(header.userAgent ?? '', /^paper-feed-vscode\/\d+\.\d+\.\d+ \(VS Code \d+\.\d+/);
        assert.equal(header.authorization, 'Bearer hf_integration_test_token');
      }
    } finally {
      await testing.feed.setToken(undefined);
    }
  });

  it('abandons the fetch of a window the user left: the request is aborted and its papers never land', async () => {
    const { testing } = await paperFeed();
    const slow = '2026-08-14';
    await fetch(`${fakeHf}/__reset`, { method: 'POST' });
    await setFault({ mode: 'hang', path: `/api/daily_papers?date=${slow}` });
    const messages = testing.feed.shownMessages.length;
    const leaving = vscode.commands.executeCommand('paperFeed.selectWindow', `date:${slow}`);
    await waitFor('the request for the slow day', async () => ((await seenByServer()).requests.some((request) => request.includes(`date=${slow}`)) ? true : undefined));
    await within(10_000, 'showing the next window (not waiting for the one left)', vscode.commands.executeCommand('paperFeed.selectWindow', 'date:2026-08-13'));
    await within(10_000, 'the left window\'s command', leaving);
    assert.equal(testing.feed.currentWindow, 'date:2026-08-13');
    assert.deepEqual(await labels(await roots()), ['Thu 13 Aug 2026'], 'the new window\'s papers');
    assert.ok(await paperCount() > 0);
    const seen = await waitFor('the server to see the slow request closed', async () => {
      const now = await seenByServer();
      return now.aborted.some((request) => request.includes(`date=${slow}`)) ? now : undefined;
    });
    assert.equal(seen.requests.filter((request) => request.includes(`date=${slow}`)).length, 1, 'asked once, never retried');
    assert.equal(testing.feed.cache.window(`date:${slow}`), undefined, 'nothing of the window left landed in the cache');
    assert.equal(testing.feed.shownMessages.length, messages, 'no failure reported for a fetch the user left');
  });

  it('recovers from a corrupted cache file: sets it aside and refetches', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.selectWindow', 'date:2026-08-20');
    const folder = vscode.Uri.joinPath(testing.globalStorageUri, 'cache-v1');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'papers-2026-08.json'), new TextEncoder().encode('{"format":"paper-feed.cache","version":1,"papers":[{"paper":'));
    await testing.feed.start();
    assert.ok(readdirSync(folder.fsPath).some((name) => name.startsWith('papers-2026-08.json.corrupt-')));
    await vscode.commands.executeCommand('paperFeed.refresh');
    await waitFor('papers again', async () => ((await paperCount()) > 0 ? true : undefined));
    assert.equal(testing.papersTree.view.message, undefined);
  });
});
