/** Search in the real host: the worker's index over the cache the fake Hugging Face filled, the API and the command. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Paper } from '../../../src/core/paper/model';
import { acceptItem, paperFeed, waitFor } from '../helpers';

const ENV_HARNESS = '2608.19880';
const fakeHf = process.env.PAPER_FEED_FAKE_HF ?? '';

type Picker = NonNullable<Awaited<ReturnType<typeof paperFeed>>['testing']['searchPickers']['current']>;
type Item = Picker['items'][number];

async function setFault(fault: object | undefined): Promise<void> {
  await fetch(`${fakeHf}/__fault`, { method: 'POST', body: fault ? JSON.stringify(fault) : '' });
}

async function seenByServer(): Promise<{ requests: string[]; aborted: string[] }> {
  return await (await fetch(`${fakeHf}/__requests`)).json() as { requests: string[]; aborted: string[] };
}

/** The `q` of every search request the fake Hugging Face received. */
async function searchesSent(): Promise<string[]> {
  return (await seenByServer()).requests.filter((request) => request.startsWith('/api/papers/search?'))
    .map((request) => new URLSearchParams(request.split('?')[1]).get('q') ?? '');
}

/** What Hugging Face's search answers for `q` (asked here, then the request log is cleared). */
async function hubAnswer(q: string): Promise<Paper[]> {
  const { testing } = await paperFeed();
  const papers = await testing.feed.createClient().search(q, 50);
  await fetch(`${fakeHf}/__reset`, { method: 'POST' });
  return papers;
}

let nextId = 90_000;

/**
 * Papers only Hugging Face's search knows (no daily list has them, so no window or backfill can have
 * cached them before the picker asks), one per title; their ids.
 */
async function onlyOnHub(titles: readonly string[], extra: (index: number) => Record<string, unknown> = () => ({})): Promise<string[]> {
  const items = titles.map((title, index) => {
    const id = `2501.${nextId++}`;
    const paper = {
      id, title, summary: `Made up by the search test: ${title}.`, upvotes: 3, publishedAt: '2025-01-20T00:00:00.000Z',
      authors: [{ _id: `author-${id}`, name: 'Grace Hopper', hidden: false }], ...extra(index),
    };
    return { paper, title, numComments: 0 };
  });
  const added = await fetch(`${fakeHf}/__searchOnly`, { method: 'POST', body: JSON.stringify(items) });
  assert.equal(added.status, 200);
  return items.map((item) => item.paper.id);
}

/** Opens Search Papers with `text` typed. */
async function openPicker(text: string): Promise<Picker> {
  const { testing } = await paperFeed();
  await vscode.commands.executeCommand('paperFeed.search', text);
  return waitFor('the search picker', () => testing.searchPickers.current);
}

/** The picker's items for `text`, once Hugging Face has answered it (or failed): nothing pending in its section. */
async function settled(picker: Picker, text: string): Promise<readonly Item[]> {
  const { testing } = await paperFeed();
  return waitFor(`Hugging Face's answer for “${text}” in the picker`, () => (testing.searchPickers.itemsFor === text && !picker.busy
    && picker.items.some((item) => item.kind === vscode.QuickPickItemKind.Separator)
    && !picker.items.some((item) => /Searching Hugging Face/.test(item.label)) ? picker.items : undefined));
}


const isFound = (item: Item): boolean => item.found === true;
const ids = (items: readonly Item[]): string[] => items.flatMap((item) => (item.paper ? [item.paper.id] : []));

/** Counts the message boxes anything in this extension host shows while `run` runs. */
async function messageBoxesDuring(run: () => Promise<void>): Promise<string[]> {
  const shown: string[] = [];
  const window = vscode.window as unknown as Record<string, (...args: unknown[]) => unknown>;
  const originals = ['showInformationMessage', 'showWarningMessage', 'showErrorMessage'].map((name) => [name, window[name]] as const);
  for (const [name, original] of originals) {
    window[name] = (...args: unknown[]) => {
      shown.push(String(args[0]));
      return (original as (...rest: unknown[]) => unknown).apply(vscode.window, args);
    };
  }
  try {
    await run();
  } finally {
    for (const [name, original] of originals) {
      window[name] = original as (...args: unknown[]) => unknown;
    }
  }
  return shown;
}

describe('search', () => {
  before(async () => {
    const { testing } = await paperFeed();
    await testing.search.ready;
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await setFault(undefined);
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

  it('opens the QuickPick with an initial query and our ranking', async () => {
    const picker = await openPicker('EnvHarness Awakening');
    const items = await waitFor('results', () => (picker.items[0]?.paper ? picker.items : undefined));
    assert.equal(items[0]?.paper?.id, ENV_HARNESS);
    assert.ok(items.every((item) => item.alwaysShow), 'every item keeps its place');
    assert.match(items[0]?.description ?? '', /▲ 163 · ★ 8 · 2026-08-21 · /);
    // Open, copy, insert (and keep open), save, clone (EnvHarness has a GitHub repository), and papers like it.
    assert.deepEqual(items[0]?.buttons?.map((button) => button.tooltip),
      ['Open Paper', 'Copy Citation…', 'Insert Citation', 'Insert Citation and Keep Open', 'Save to Reading List', 'Clone Repository…', 'Show Similar Papers', 'Read Full Text']);
    // Few offline results: Hugging Face is asked too. Its answer is awaited here, so that the request
    // cannot reach the fake after the next test has reset its log (CI saw it counted there once).
    await settled(picker, 'EnvHarness Awakening');
  });

  it('with many offline results, asks Hugging Face only when its item, last, is picked', async () => {
    const { testing } = await paperFeed();
    const text = 'language';
    assert.ok((await testing.search.search(text, 50)).hits.length >= 10, 'the query has many offline results');
    const [made] = await onlyOnHub(['The Language of Made-Up Marmosets']);
    await fetch(`${fakeHf}/__reset`, { method: 'POST' });
    const picker = await openPicker(text);
    const items = await waitFor('results', () => (testing.searchPickers.itemsFor === text ? picker.items : undefined));
    assert.match(items.at(-1)?.label ?? '', /Search Hugging Face$/);
    assert.equal(items.at(-1)?.description, 'for “language”');
    assert.ok(!items.some((item) => item.kind === vscode.QuickPickItemKind.Separator || isFound(item)), 'no online section before the pick');
    await acceptItem(picker, (item) => item.ask === text);
    const found = (await settled(picker, text)).filter(isFound);
    assert.equal(found[0]?.paper?.id, made, 'Hugging Face\'s first paper that the offline results lack');
    // The workbench echoes active items back a moment later: wait for the state, not the first echo.
    await waitFor('the first paper it found to be the active item', () => (picker.activeItems[0]?.paper?.id === made ? true : undefined), 5_000);
    assert.deepEqual(await searchesSent(), ['language'], 'asked once, when picked');
  });

  it('with few offline results, asks Hugging Face by itself and lists what it adds below them, marked', async () => {
    const { testing } = await paperFeed();
    const text = 'envharness';
    const offline = (await testing.search.search(text, 50)).hits.map((hit) => hit.id);
    assert.ok(offline.includes(ENV_HARNESS) && offline.length < 10, `few offline results: ${offline.join()}`);
    const made = await onlyOnHub(['EnvHarness Zoo: Many Made-Up Worlds', 'Scaling EnvHarness to Made-Up Worlds', 'EnvHarness Benchmarks, Made Up'], (index) => (index === 2 ? { githubRepo: 'https://github.com/made-up/envharness-benchmarks' } : {}));
    const expected = (await hubAnswer(text)).map((paper) => paper.id).filter((id) => !offline.includes(id));
    assert.deepEqual(expected.slice(0, 3), made, 'Hugging Face answers the made-up papers first');
    const picker = await openPicker(text);
    const items = await settled(picker, text);
    const firstFound = items.findIndex(isFound);
    assert.ok(firstFound >= 0, 'online items are listed');
    assert.deepEqual(ids(items.slice(0, firstFound)), offline, 'the offline results first, as they were');
    assert.equal(items[firstFound - 1]?.kind, vscode.QuickPickItemKind.Separator, 'under a Hugging Face separator');
    assert.ok(items.slice(firstFound).filter((item) => item.paper).every(isFound), 'every online item below them');
    assert.deepEqual(ids(items.filter(isFound)), expected, 'each paper once, none of the offline ones, in Hugging Face\'s order');
    for (const item of items.filter(isFound)) {
      assert.match(item.description ?? '', /^\$\(cloud\) from Hugging Face · /, 'marked as online');
    }
    // The same buttons as offline results: open, copy, insert, save, and clone where there is code.
    const buttons = (id: string | undefined): string[] | undefined => items.find((item) => item.paper?.id === id)?.buttons?.map((button) => String(button.tooltip));
    assert.deepEqual(buttons(made[0]), ['Open Paper', 'Copy Citation…', 'Insert Citation', 'Insert Citation and Keep Open', 'Save to Reading List', 'Show Similar Papers', 'Read Full Text']);
    assert.deepEqual(buttons(made[2]), ['Open Paper', 'Copy Citation…', 'Insert Citation', 'Insert Citation and Keep Open', 'Save to Reading List', 'Clone Repository…', 'Show Similar Papers', 'Read Full Text']);
    assert.deepEqual(await searchesSent(), ['envharness'], 'one request, after the typing paused');
    // Kept like any found paper: in the cache, and in the index, which now finds them offline too;
    // the open picker still lists them below, marked.
    assert.equal((await testing.feed.cache.read(made)).size, made.length, 'cached');
    await waitFor('the index to have them', async () => ((await testing.search.search(text, 50)).hits.some((hit) => hit.id === made[0]) ? true : undefined));
    const redrawn = await settled(picker, text);
    assert.deepEqual(ids(redrawn.filter(isFound)), expected);
    assert.deepEqual(ids(redrawn.filter((item) => item.paper && !isFound(item))), offline);
  });

  it('applies the typed filters to Hugging Face\'s papers here, and sends only the words', async () => {
    const { testing } = await paperFeed();
    const text = 'quokkamorph has:code author:lovelace after:2024-01-01';
    const lovelace = { authors: [{ _id: 'ada', name: 'Ada Lovelace', hidden: false }] };
    const code = (name: string): Record<string, string> => ({ githubRepo: `https://github.com/made-up/${name}` });
    const [kept] = await onlyOnHub(
      ['Quokkamorph Agents with Code', 'Quokkamorph Agents without Code', 'Quokkamorph Planning by Someone Else', 'Quokkamorph, Old and Coded'],
      (index) => [{ ...lovelace, ...code('a') }, lovelace, code('c'), { ...lovelace, ...code('d'), publishedAt: '2023-01-02T00:00:00.000Z' }][index] ?? {},
    );
    await fetch(`${fakeHf}/__reset`, { method: 'POST' });
    const picker = await openPicker(text);
    const found = (await settled(picker, text)).filter(isFound);
    assert.deepEqual(ids(found), [kept], 'with code, by Lovelace, from 2024 on');
    assert.deepEqual(await searchesSent(), ['quokkamorph'], 'the filters are not sent as words');
    // A query of filters only sends nothing: the picker shows no online section and asks for none.
    picker.value = 'has:code after:2026-08-01';
    await waitFor('the filter-only results', () => (testing.searchPickers.itemsFor === 'has:code after:2026-08-01' && !picker.busy && picker.items[0]?.paper ? true : undefined));
    assert.ok(!picker.items.some((item) => item.kind === vscode.QuickPickItemKind.Separator || item.ask !== undefined), 'no online section');
  });

  it('waits for a pause in typing, and the next keystroke cancels the request under way', async () => {
    const [wombat] = await onlyOnHub(['Wombatique Sampling']);
    const platypoid = await onlyOnHub(['Platypoid Networks', 'Deep Platypoid Priors']);
    await onlyOnHub(['Narwhalize Everything']);
    await fetch(`${fakeHf}/__reset`, { method: 'POST' });
    const picker = await openPicker('wo');
    // Typed fast: one request, for the whole word, once the typing paused.
    for (const text of ['wom', 'womb', 'womba', 'wombat', 'wombati', 'wombatiq', 'wombatiqu', 'wombatique']) {
      picker.value = text;
    }
    const typed = Date.now();
    await waitFor('the request for “wombatique”', async () => ((await searchesSent()).includes('wombatique') ? true : undefined));
    assert.ok(Date.now() - typed >= 350, `asked ${Date.now() - typed} ms after the last keystroke`);
    assert.deepEqual(ids((await settled(picker, 'wombatique')).filter(isFound)), [wombat]);
    assert.deepEqual(await searchesSent(), ['wombatique']);
    // A request held open by Hugging Face, then another keystroke.
    await setFault({ mode: 'hang', path: '/api/papers/search?q=narwhalize' });
    picker.value = 'narwhalize';
    await waitFor('the request for “narwhalize”', async () => ((await searchesSent()).includes('narwhalize') ? true : undefined));
    picker.value = 'platypoid';
    // Closed by the keystroke, well before the client's own 15-second timeout would close it.
    const seen = await waitFor('the server to see that request closed', async () => {
      const now = await seenByServer();
      return now.aborted.some((request) => request.includes('q=narwhalize')) ? now : undefined;
    }, 5_000);
    assert.equal(seen.requests.filter((request) => request.includes('q=narwhalize')).length, 1, 'asked once, never retried');
    assert.deepEqual(ids((await settled(picker, 'platypoid')).filter(isFound)), platypoid, 'only the last text\'s papers');
  });

  it('offline: no message box, a quiet item instead, typing still works, and the item tries again', async () => {
    const { testing } = await paperFeed();
    const made = await onlyOnHub(['Axolotlic Regeneration of Made-Up Limbs']);
    const feedMessages = testing.feed.shownMessages.length;
    let picker: Picker | undefined;
    const boxes = await messageBoxesDuring(async () => {
      await setFault({ mode: 'reset', path: '/api/papers/search' });
      picker = await openPicker('axolotlic');
      const failed = (await settled(picker, 'axolotlic')).at(-1);
      assert.match(failed?.label ?? '', /Hugging Face could not be reached$/);
      assert.equal(failed?.ask, 'axolotlic');
      assert.equal(failed?.paper, undefined, 'not a paper');
      picker.value = 'EnvHarness Awakening';
      assert.equal((await settled(picker, 'EnvHarness Awakening'))[0]?.paper?.id, ENV_HARNESS, 'the offline results still come');
      picker.value = 'axolotlic';
      assert.equal((await settled(picker, 'axolotlic')).at(-1)?.ask, 'axolotlic');
      await setFault(undefined);
      await acceptItem(picker, (item) => item.ask === 'axolotlic');
      const found = await waitFor('the papers found on the second try', () => (picker?.items.some(isFound) ? picker.items.filter(isFound) : undefined));
      assert.deepEqual(ids(found), made);
    });
    assert.deepEqual(boxes, [], 'no message box');
    assert.equal(testing.feed.shownMessages.length, feedMessages);
    assert.equal(testing.searchPickers.current, picker, 'the picker stayed open');
  });

  it('shows the abstract sentence a result matched when the words are only in its abstract', async () => {
    const { testing } = await paperFeed();
    // A long word of a shown paper's abstract that its title, authors and keywords do not have.
    let probe: { readonly id: string; readonly word: string } | undefined;
    for (const paper of testing.feed.cache.heldPapers().map((entry) => entry.paper)) {
      const elsewhere = [paper.title, ...paper.authors.map((author) => author.name), ...(paper.aiKeywords ?? [])].join(' ').toLowerCase();
      const word = paper.abstract.toLowerCase().match(/\b[a-z]{11,}\b/g)?.find((candidate) => !elsewhere.includes(candidate));
      const hit = word ? (await testing.search.search(word, 10)).hits.find((found) => found.id === paper.id) : undefined;
      if (word && hit?.abstractOnly) {
        probe = { id: paper.id, word };
        break;
      }
    }
    assert.ok(probe, 'a shown paper has a word only its abstract holds');
    await vscode.commands.executeCommand('paperFeed.search', probe.word);
    const picker = await waitFor('the search picker', () => testing.searchPickers.current);
    const item = await waitFor('the matched sentence', () => picker.items.find((candidate) => candidate.paper?.id === probe?.id && candidate.detail?.includes('“') ? candidate : undefined));
    assert.match(item.detail?.toLowerCase() ?? '', new RegExp(`“.*${probe.word}.*”`), item.detail);
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
