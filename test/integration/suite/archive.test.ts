/**
 * The archive backfill in the real host, against the fake Hugging Face: month by month into the cache
 * and the search index, paused by a 429 and by the network, and stopped or extended by Download Paper
 * Archive. The test runner sets PAPER_FEED_ARCHIVE_INTERVAL_MS=20 (20 ms between requests, every wait
 * scaled alike) and turns the backfill off in the profile; these tests turn it on, a month at a time.
 */
import * as assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ArchiveItem } from '../../../src/host/commands/archive';
import { paperFeed, waitFor } from '../helpers';

const fakeHf = process.env.PAPER_FEED_FAKE_HF ?? '';

async function setFault(fault: object | undefined): Promise<void> {
  await fetch(`${fakeHf}/__fault`, { method: 'POST', body: fault ? JSON.stringify(fault) : '' });
}

async function requests(): Promise<string[]> {
  return (await (await fetch(`${fakeHf}/__requests`)).json() as { requests: string[] }).requests;
}

/** The pages asked for of one month, e.g. ['p=0', 'p=1', …]. */
function pagesOf(seen: readonly string[], month: string): string[] {
  return seen.filter((request) => request.startsWith(`/api/daily_papers?month=${month}&`)).map((request) => request.replace(/^.*&(p=\d+)$/, '$1'));
}

async function setMonths(months: number): Promise<void> {
  await vscode.workspace.getConfiguration('paperFeed').update('archive.months', months, vscode.ConfigurationTarget.Global);
}

type State = Record<string, { readonly papers: number; readonly complete: boolean }>;

/** The backfill's state file in the cache folder. */
async function archiveState(): Promise<State> {
  const { testing } = await paperFeed();
  try {
    return (JSON.parse(await readFile(join(testing.feed.cache.dir, 'archive.json'), 'utf8')) as { months: State }).months;
  } catch {
    return {};
  }
}

async function completed(month: string): Promise<true | undefined> {
  return (await archiveState())[month]?.complete ? true : undefined;
}

describe('paper archive (background backfill)', () => {
  let pick: (items: readonly ArchiveItem[]) => Thenable<ArchiveItem | undefined>;

  before(async () => {
    const { testing } = await paperFeed();
    pick = testing.archivePrompts.pick;
    await setMonths(0);
    await testing.archive.whenIdle();
    await rm(join(testing.feed.cache.dir, 'archive.json'), { force: true }); // a fresh start, whatever ran before
    await testing.search.ready;
  });

  afterEach(async () => {
    await setFault(undefined);
    const { testing } = await paperFeed();
    testing.archivePrompts.pick = pick;
    await testing.archive.whenIdle(); // a test that failed midway does not leave requests to the next
  });

  after(async () => {
    const { testing } = await paperFeed();
    await setMonths(0); // as the runner set it up: the other suites count requests
    await testing.archive.whenIdle();
  });

  it('downloads the last months newest first, shows its progress, then goes quiet; search finds a paper of the oldest month', async function () {
    this.timeout(60_000);
    const { testing } = await paperFeed();
    const june = (await (await fetch(`${fakeHf}/api/daily_papers?month=2026-06&limit=1`)).json() as { paper: { id: string; title: string } }[])[0];
    assert.ok(june, 'the fake serves June 2026');
    const before = await testing.search.search(june.paper.title, 5);
    assert.ok(!before.hits.some((hit) => hit.id === june.paper.id), 'not found before the backfill');
    await fetch(`${fakeHf}/__reset`, { method: 'POST' });
    const messages = testing.feed.shownMessages.length;
    // June's first page is slow, so that the progress can be read while it waits.
    await setFault({ mode: 'delay', path: '/api/daily_papers?month=2026-06&', delayMs: 2_000, times: 1 });

    await setMonths(3);
    const progress = await waitFor('progress in the status bar while June is fetched', () => {
      const text = testing.archive.statusText;
      return text?.endsWith('back to July 2026') ? text : undefined;
    });
    assert.match(progress, /^\$\(cloud-download\) Paper archive: \d[\d,.\s]* papers, back to July 2026$/);
    await waitFor('June to complete', () => completed('2026-06'), 30_000);
    await testing.archive.whenIdle();
    assert.equal(testing.archive.statusText, undefined, 'a finished backfill says nothing more');
    assert.equal(testing.feed.shownMessages.length, messages, 'and shows no message');

    const seen = await requests();
    assert.deepEqual(seen.filter((request) => request.endsWith('&p=0')).map((request) => /month=([\d-]+)/.exec(request)?.[1]),
      ['2026-08', '2026-07', '2026-06'], 'one month at a time, newest first');
    assert.ok(seen.every((request) => request.startsWith('/api/daily_papers?month=') && request.includes('&limit=100&')), seen.join('\n'));
    const state = await archiveState();
    for (const month of ['2026-07', '2026-06']) {
      assert.equal(pagesOf(seen, month).length, Math.ceil((state[month]?.papers ?? 0) / 100), `${month}: every page, once`);
    }
    assert.deepEqual(Object.entries(state).map(([month, record]) => [month, record.complete]),
      [['2026-08', false], ['2026-07', true], ['2026-06', true]], 'the current month is never complete');

    const found = await waitFor('the June paper in the search index', async () => {
      const answer = await testing.search.search(june.paper.title, 5);
      return answer.hits.some((hit) => hit.id === june.paper.id) ? answer : undefined;
    });
    assert.equal(found.by, 'index');
  });

  it('pauses for as long as a 429 asks, then goes on with the same month, quietly', async function () {
    this.timeout(60_000);
    const { testing } = await paperFeed();
    await fetch(`${fakeHf}/__reset`, { method: 'POST' });
    const messages = testing.feed.shownMessages.length;
    await setFault({ mode: '429', path: '/api/daily_papers?month=2026-05&', times: 1, retryAfterSeconds: 2 });
    const started = Date.now();
    await setMonths(4);
    const paused = await waitFor('the pause', () => (testing.archive.status.kind === 'paused' ? testing.archive.status : undefined));
    assert.deepEqual([paused.reason, paused.month, paused.ms], ['rateLimited', '2026-05', 2_000]);
    assert.match(testing.archive.statusText ?? '', /^\$\(debug-pause\) Paper archive: paused, Hugging Face asked to wait$/);
    await waitFor('May to complete', () => completed('2026-05'), 30_000);
    assert.ok(Date.now() - started >= 2_000, `resumed after ${Date.now() - started} ms`);
    const seen = await requests();
    assert.deepEqual(pagesOf(seen, '2026-05').slice(0, 2), ['p=0', 'p=0'], 'the refused page asked again after the pause');
    assert.deepEqual(seen.filter((request) => !request.includes('month=2026-05')), [], 'complete months and the current one (fetched today) are not asked again; no HTML fallback');
    assert.equal(testing.feed.shownMessages.length, messages, 'no message');
  });

  it('when offline, waits quietly with a growing backoff and resumes the month', async function () {
    this.timeout(60_000);
    const { testing } = await paperFeed();
    await fetch(`${fakeHf}/__reset`, { method: 'POST' });
    const messages = testing.feed.shownMessages.length;
    await setFault({ mode: 'reset', path: '/api/daily_papers?month=2026-04&', times: 3 });
    await setMonths(5);
    const waits: number[] = [];
    await waitFor('April to complete', async () => {
      const status = testing.archive.status;
      if (status.kind === 'paused' && waits.at(-1) !== status.ms) {
        assert.equal(status.reason, 'offline');
        assert.match(testing.archive.statusText ?? '', /paused, offline$/);
        waits.push(status.ms);
      }
      return completed('2026-04');
    }, 30_000);
    assert.deepEqual(waits, [600, 1_200, 2_400], '30, 60, 120 × the request interval');
    const seen = await requests();
    assert.deepEqual(pagesOf(seen, '2026-04').slice(0, 4), ['p=0', 'p=0', 'p=0', 'p=0'], 'three connections reset, then the month');
    assert.equal(testing.feed.shownMessages.length, messages, 'no message');
  });

  it('Download Paper Archive offers Stop while it downloads; Stop ends it for this session and keeps the setting; an extent picked resumes it', async function () {
    this.timeout(60_000);
    const { testing } = await paperFeed();
    await fetch(`${fakeHf}/__reset`, { method: 'POST' });
    await setFault({ mode: 'hang', path: '/api/daily_papers?month=2026-03&' });
    await setMonths(6);
    await waitFor('March asked for', async () => ((await requests()).some((request) => request.includes('month=2026-03')) ? true : undefined));
    assert.equal(testing.archive.isDownloading, true);

    let offered: readonly ArchiveItem[] = [];
    testing.archivePrompts.pick = async (items) => {
      offered = items;
      return items.find((item) => item.action === 'stop');
    };
    await vscode.commands.executeCommand('paperFeed.downloadArchive');
    assert.deepEqual(offered.map((item) => [item.label, item.description ?? '']), [
      ['$(debug-stop) Stop Downloading', 'until VS Code starts again; the setting stays'],
      ['', ''],
      ['$(history) Last 6 Months', 'current setting'],
      ['$(history) Last 12 Months', ''],
      ['$(history) Last 2 Years', ''],
      ['$(cloud-download) Everything Since May 2023', 'about 30,000 papers'],
      ['$(circle-slash) Off', 'no download in the background'],
    ]);
    await testing.archive.whenIdle();
    assert.equal(testing.archive.status.kind, 'idle');
    assert.equal(testing.archive.statusText, undefined);
    assert.equal(vscode.workspace.getConfiguration('paperFeed').get('archive.months'), 6, 'the setting stays');
    assert.equal(await completed('2026-03'), undefined, 'March not recorded');

    await setFault(undefined);
    testing.archive.start(); // as the 6-hourly check would: stopped for this session
    await testing.archive.whenIdle();
    assert.equal(await completed('2026-03'), undefined, 'still stopped');

    testing.archivePrompts.pick = async (items) => {
      offered = items;
      return items.find((item) => item.action === 6);
    };
    await vscode.commands.executeCommand('paperFeed.downloadArchive');
    assert.equal(offered[0]?.action, 6, 'no Stop while nothing downloads');
    await waitFor('March to complete', () => completed('2026-03'), 30_000);
  });

  it('Download Paper Archive takes an extent as its argument and remembers it', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.downloadArchive', 0);
    await testing.archive.whenIdle();
    assert.equal(vscode.workspace.getConfiguration('paperFeed').get('archive.months'), 0);
    await vscode.commands.executeCommand('paperFeed.downloadArchive', 'all');
    assert.equal(vscode.workspace.getConfiguration('paperFeed').get('archive.months'), 999);
    await vscode.commands.executeCommand('paperFeed.downloadArchive', 'stop');
    await testing.archive.whenIdle();
    assert.equal(vscode.workspace.getConfiguration('paperFeed').get('archive.months'), 999, 'Stop keeps the setting');
  });
});
