/**
 * Empty and offline states that lead somewhere (issue 18): the Papers view's state for its welcome
 * content (`paperFeed.viewState`), Show Latest Papers and Show Cached Papers, and failures said in
 * plain words. Against the fake Hugging Face, the clock at 2026-08-21 22:00 New York.
 */
import * as assert from 'node:assert/strict';
import { type AddressInfo, createServer } from 'node:net';
import * as vscode from 'vscode';
import { paperFeed, papersUnder, waitFor } from '../helpers';

const fakeHf = process.env.PAPER_FEED_FAKE_HF ?? '';

async function setFault(fault: object | undefined): Promise<void> {
  await fetch(`${fakeHf}/__fault`, { method: 'POST', body: fault ? JSON.stringify(fault) : '' });
}

async function requestsSince(count: number): Promise<string[]> {
  return ((await (await fetch(`${fakeHf}/__requests`)).json()) as { requests: string[] }).requests.slice(count);
}

async function requestCount(): Promise<number> {
  return ((await (await fetch(`${fakeHf}/__requests`)).json()) as { requests: string[] }).requests.length;
}

async function shownDays(): Promise<string[]> {
  const { testing } = await paperFeed();
  return [...new Set((await papersUnder(testing.papersTree)).map((node) => node.paper.feedDate ?? ''))];
}

/** A loopback address where nothing listens (a port just freed): connections to it are refused. */
async function refusedEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe('empty and offline states', () => {
  afterEach(async () => {
    await setFault(undefined);
    await vscode.workspace.getConfiguration('paperFeed').update('endpoint', undefined, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.commands.executeCommand('paperFeed.selectWindow', 'days');
  });

  it('a filter says nothing over an empty day, so that the empty state\'s buttons stay', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.filter', 'agent');
    try {
      await vscode.commands.executeCommand('paperFeed.selectWindow', 'date:2026-08-16'); // a Sunday
      assert.equal(testing.papersTree.state.current, 'empty');
      // Before, "Filtered by “agent”: 0 of 0 papers." was the view's message, which hides welcome content.
      assert.equal(testing.papersTree.view.message, undefined);
      await vscode.commands.executeCommand('paperFeed.selectWindow', 'date:2026-08-14');
      assert.match(testing.papersTree.view.message ?? '', /^Filtered by “agent”: \d+ of \d+ papers\.$/, 'over papers, it says what it hides');
    } finally {
      await vscode.commands.executeCommand('paperFeed.clearFilter');
    }
  });

  it('an empty day is the empty state, and Show Latest Papers shows the latest day before it with papers', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.selectWindow', 'date:2026-08-16'); // a Sunday
    assert.equal(testing.papersTree.state.current, 'empty');
    assert.equal((await papersUnder(testing.papersTree)).length, 0);
    assert.equal(testing.papersTree.view.message, undefined, 'no message: it would hide the welcome content and its button');
    const day = await vscode.commands.executeCommand<string | undefined>('paperFeed.showLatestPapers');
    assert.equal(day, '2026-08-14', 'the Friday before');
    assert.equal(testing.feed.currentWindow, 'date:2026-08-14');
    assert.deepEqual(await shownDays(), ['2026-08-14']);
    assert.equal(testing.papersTree.state.current, 'papers');
    assert.equal(testing.papersTree.view.description, 'Friday, August 14, 2026');
  });

  it('asks Hugging Face day by day when the cache has no day before the window', async () => {
    const { testing } = await paperFeed();
    // A made-up Friday in Daily Papers' first weeks, long before anything the corpus (and so the cache) has.
    const friday = '2023-06-02';
    const paper = {
      id: '2306.99001', title: 'A Made-Up Friday Paper for the Latest-Day Search', summary: 'Made up by the test.', upvotes: 3,
      authors: [{ _id: 'a', name: 'Ada Lovelace', hidden: false }], publishedAt: `${friday}T00:00:00.000Z`, submittedOnDailyAt: `${friday}T00:00:00.000Z`,
    };
    const added = await fetch(`${fakeHf}/__papers`, { method: 'POST', body: JSON.stringify([{ paper, title: paper.title, numComments: 0 }]) });
    assert.equal(added.status, 200);
    await vscode.commands.executeCommand('paperFeed.selectWindow', 'date:2023-06-04'); // the Sunday after
    assert.equal(testing.papersTree.state.current, 'empty');
    const before = await requestCount();
    const day = await vscode.commands.executeCommand<string | undefined>('paperFeed.showLatestPapers');
    const asked = (await requestsSince(before)).filter((request) => request.includes('daily_papers'));
    assert.equal(day, friday, 'the Friday before');
    assert.ok(asked.some((request) => request.includes('date=2023-06-03')), `Saturday was asked: ${asked.join(', ')}`);
    assert.ok(asked.some((request) => request.includes(`date=${friday}`)), 'then Friday');
    assert.ok(!asked.some((request) => request.includes('date=2023-06-01')), 'and no further');
    assert.deepEqual(await shownDays(), [friday]);
    assert.equal(testing.feed.currentWindow, `date:${friday}`);
  });

  it('a refused connection with nothing to show is the offline state, said without ECONNREFUSED; Show Cached Papers shows the cache', async () => {
    const { testing } = await paperFeed();
    const messages = testing.feed.shownMessages.length;
    await vscode.commands.executeCommand('paperFeed.selectWindow', 'date:2026-08-09'); // a Sunday not fetched yet
    await vscode.workspace.getConfiguration('paperFeed').update('endpoint', await refusedEndpoint(), vscode.ConfigurationTarget.Global);
    await waitFor('the refresh against the refused endpoint to fail', () => (testing.papersTree.state.current === 'offline' ? true : undefined));
    await vscode.commands.executeCommand('paperFeed.refresh');
    assert.equal(testing.papersTree.state.current, 'offline');
    assert.equal(testing.papersTree.view.message, undefined, 'the welcome content speaks: a message would hide it');
    const shown = testing.feed.shownMessages.slice(messages);
    assert.ok(shown.length > 0, 'Refresh said so');
    for (const text of shown) {
      assert.match(text, /^Paper Feed could not refresh: Hugging Face could not be reached: the connection was refused\. Check your connection, proxy or the paperFeed\.endpoint setting\./);
      assert.doesNotMatch(text, /ECONNREFUSED|127\.0\.0\.1|fetch failed/, 'codes and addresses are for the log');
    }
    const day = await vscode.commands.executeCommand<string | undefined>('paperFeed.showCachedPapers');
    assert.ok(day !== undefined && day >= '2026-08-21', `the latest cached day: ${String(day)}`);
    assert.equal(testing.feed.currentWindow, `date:${day}`);
    await waitFor('the cached papers of that day', async () => ((await shownDays()).length > 0 ? true : undefined));
    assert.deepEqual(await shownDays(), [day]);
    assert.equal(testing.papersTree.state.current, 'papers', 'the tree shows them: no welcome content');
    // Refreshing them fails too: the papers stay, and the message says they are cached ones, in plain words.
    await vscode.commands.executeCommand('paperFeed.refresh');
    assert.deepEqual(await shownDays(), [day]);
    assert.match(testing.papersTree.view.message ?? '', /^Offline: showing (cached papers|papers fetched [^.]+)\. Hugging Face could not be reached: the connection was refused\. Check your connection, proxy or the paperFeed\.endpoint setting\.$/);
  });

  it('a failing Hugging Face with nothing to show is the error state', async () => {
    const { testing } = await paperFeed();
    await setFault({ mode: '500', path: '/' }); // the API and the HTML pages it would fall back to
    await vscode.commands.executeCommand('paperFeed.selectWindow', 'date:2026-08-08'); // a Saturday, not fetched yet
    assert.equal(testing.papersTree.state.current, 'error');
    assert.equal(testing.papersTree.view.message, undefined);
    assert.match(testing.feed.shownMessages.at(-1) ?? '', /^Paper Feed could not refresh: Hugging Face is having trouble right now\. Try again later\./);
    await setFault(undefined);
    await vscode.commands.executeCommand('paperFeed.refresh');
    assert.equal(testing.papersTree.state.current, 'empty', 'Retry worked: Saturday has no papers');
  });
});
