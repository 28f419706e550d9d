import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOSTILE_DATE } from '../support/fakeHf';
import { GitServer } from '../support/gitServer';
import { root } from '../support/paths';
import { citationKey } from '../../src/core/citation/keys';
import { parseSampleFeed } from '../../src/core/paper/sample';
import { PaperCache } from '../../src/core/storage/cache';
import { SearchIndex } from '../../src/core/search/index';
import { toIndexInput } from '../../src/core/search/papers';
import { parseQuery } from '../../src/core/search/query';
import { classifyPaper, compileTaxonomy } from '../../src/core/topics/classify';
import {
  activityBarItem, clickPapersMenuItem, endSession, openFileAtLineEnd, type PageElement, paperPanel, quickInput, quickInputBox, quickInputClosed, runCommand, screenshots,
  type Session, setColorTheme, showDay, startSession, treeRows,
} from './workbench';

/** The first titles the search engine gives for `query` over the session's cache (outside the workbench). */
async function expectedTitles(session: Session, query: string, count: number): Promise<string[]> {
  const cache = new PaperCache(join(session.server.dataDir, 'User', 'globalStorage', 'paper-feed.paper-feed', 'cache-v1'), { maxPapers: 1_000_000 });
  await cache.load();
  const papers = (await cache.readAll()).map((entry) => entry.paper);
  const taxonomy = compileTaxonomy();
  const index = new SearchIndex();
  index.add(papers.map((paper) => toIndexInput(paper, classifyPaper(taxonomy, paper).primary)));
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  return index.search(parseQuery(query), count).map((hit) => byId.get(hit.id)?.title ?? hit.id);
}

/** Polls `check` (a file the extension host writes) until it holds, or fails after `timeoutMs`. */
async function eventually(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !check();) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A day of the fake feed with one paper whose code is served by a loopback git server. */
const CLONE_DATE = '2024-01-03';

describe('Paper Feed in the workbench, live from the fake Hugging Face (development folder)', () => {
  let session: Session | undefined;
  let git: GitServer | undefined;

  before(async function () {
    this.timeout(600_000); // the first run installs the test VS Code
    session = await startSession('dev', { vsix: false, online: true });
    git = await GitServer.start();
    const repo = git.createRepo('tiny-diffusion', { 'sample.py': 'print("a picture")\n' });
    const paper = {
      id: '2401.09100', title: 'Tiny Diffusion: a Paper with Code on Loopback', summary: 'Made up by the UI test.', upvotes: 7,
      authors: [{ _id: 'a', name: 'Grace Hopper', hidden: false }], githubRepo: repo,
      publishedAt: `${CLONE_DATE}T00:00:00.000Z`, submittedOnDailyAt: `${CLONE_DATE}T00:00:00.000Z`,
    };
    const added = await fetch(`${session.fake?.url ?? ''}/__papers`, { method: 'POST', body: JSON.stringify([{ paper, title: paper.title, numComments: 0 }]) });
    assert.equal(added.status, 200);
  });

  afterEach(async function () {
    // A failed UI test leaves a picture of the workbench for whoever reads the CI log.
    if (this.currentTest?.state === 'failed' && session) {
      await session.workbench.screenshot(screenshots, `failed-dev-${(this.currentTest.title).replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}`);
    }
  });

  after(async () => {
    await endSession(session);
    await git?.close();
  });

  it('shows the last 7 days of papers by day in the sidebar', async () => {
    const current = session as Session;
    await activityBarItem(current).click({ timeout: 60_000 });
    const envHarness = treeRows(current).filter({ hasText: 'EnvHarness: Awakening Static Worlds' });
    await envHarness.waitFor({ timeout: 60_000 });
    assert.match(await envHarness.innerText(), /^▲163 EnvHarness: Awakening Static Worlds for Agent Learning\s*★ 8 · Chengsong Huang et al\./);
    await current.workbench.page.locator('.part.sidebar .monaco-list-row[aria-label^="Yesterday, "]').waitFor();
    // The view's description names the window (the pane header is hidden in a one-view container; its label is not).
    await current.workbench.page.locator('.part.sidebar .pane-header[aria-label="Papers - Last 7 days Section"]').waitFor({ state: 'attached' });
    await current.workbench.screenshot(screenshots, 'dev-1-sidebar');
  });

  it('opens a paper from the tree in the paper panel', async () => {
    const current = session as Session;
    await treeRows(current).filter({ hasText: 'EnvHarness: Awakening Static Worlds' }).click();
    const panel = paperPanel(current);
    await panel.locator('h1', { hasText: 'EnvHarness' }).waitFor({ timeout: 30_000 });
    assert.match(await panel.locator('.summary').innerText(), /EnvHarness and EnvRigger/);
    assert.match(await panel.locator('.abstract').innerText(), /^ABSTRACT\s+LLM agents learn by interacting with environments/i);
    assert.match(await panel.locator('.facts').innerText(), /▲ 163/);
    await current.workbench.screenshot(screenshots, 'dev-2-paper');
    await panel.locator('.actions button[aria-label="Open the PDF"]').waitFor();
  });

  it('reaches every panel button by keyboard, each with a label', async () => {
    const current = session as Session;
    const panel = paperPanel(current);
    await panel.locator('h1', { hasText: 'EnvHarness' }).waitFor();
    await panel.locator('button').first().focus();
    const labels: string[] = [];
    // Ten author names (each searches for that author) come before the toolbar.
    for (let index = 0; index < 24; index++) {
      labels.push(await panel.locator(':focus').getAttribute('aria-label') ?? '(none)');
      await current.workbench.page.keyboard.press('Tab');
    }
    for (const expected of ['Search papers by Chengsong Huang', 'Show all 17 authors', 'Save to the reading list', 'Clone the code repository into a folder', 'Open on Hugging Face', 'Open the arXiv abstract', 'Open the PDF', 'Open the code repository https://github.com/google-research/envharness']) {
      assert.ok(labels.includes(expected), `${expected} not reached by Tab: ${labels.join(' | ')}`);
    }
    assert.ok(!labels.includes('(none)'), labels.join(' | '));
    await panel.locator('h2', { hasText: 'On Hugging Face' }).waitFor({ timeout: 15_000 });
    assert.match(await panel.locator('section.linked').innerText(), /google\/envharness-demo/);
  });

  it('renders in a dark theme as well', async () => {
    const current = session as Session;
    await current.workbench.screenshot(screenshots, 'dev-2-paper-light');
    await setColorTheme(current, 'Dark Modern');
    await current.workbench.page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 20_000 });
    // The panel is themed by the workbench's message to it: wait for its page to be dark, too.
    await paperPanel(current).locator('body.vscode-dark').waitFor({ timeout: 20_000 });
    await current.workbench.screenshot(screenshots, 'dev-2-paper-dark');
    await setColorTheme(current, 'Light Modern');
    await current.workbench.page.locator('.monaco-workbench.vs').waitFor({ timeout: 20_000 });
  });

  it('shows a hostile feed as inert text: nothing runs, nothing is fetched', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    await showDay(current, HOSTILE_DATE);
    const row = treeRows(current).filter({ hasText: 'Hostile Title' });
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    const panel = paperPanel(current);
    const title = panel.locator('h1', { hasText: 'Hostile Title' });
    await title.waitFor({ timeout: 30_000 });
    assert.match(await title.innerText(), /^<img src=x onerror="window\.__pwned=1;fetch\('http:\/\/127\.0\.0\.1:\d+\/__trap\?img-title'\)"><script>/);
    assert.equal(await panel.locator('#paper :is(img, script, iframe, style, b)').count(), 0, 'no element came from paper text');
    const authors = await panel.locator('.authors').innerText();
    assert.match(authors, /<script>fetch\(.*\)<\/script>Eve/);
    assert.match(authors, /🦄 Emoji Author 👩‍🔬/);
    assert.doesNotMatch(authors, /Hidden Author/);
    assert.match(await panel.locator('.abstract').innerText(), /<\/style><style>body\{display:none\}<\/style>/);
    assert.equal(await panel.locator('button.link', { hasText: 'javascript' }).count(), 0, 'a javascript: repository is not offered');
    const pwned = await page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('body').evaluate((body: PageElement) => (body.ownerDocument.defaultView as { __pwned?: unknown }).__pwned);
    assert.equal(pwned, undefined, 'no payload ran');
    await page.waitForTimeout(1_000);
    assert.deepEqual(current.fake?.trapHits, [], 'the trap URL received no request');
    await current.workbench.screenshot(screenshots, 'dev-4-hostile');
    await treeRows(current).filter({ hasText: 'AAAAAAAAAA' }).first().click();
    await panel.locator('h1', { hasText: 'AAAAAAAAAA' }).waitFor({ timeout: 30_000 });
    assert.ok((await panel.locator('h1').innerText()).length <= 1_000, 'a 100 kB title is cut to 1,000 characters');
  });

  it('inserts a citation from the panel into the open .tex file and its .bib', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    await openFileAtLineEnd(current, 'paper.tex', 'Self-supervised features keep improving.');
    await showDay(current, '2026-08-21');
    await treeRows(current).filter({ hasText: 'EnvHarness: Awakening Static Worlds' }).click();
    const panel = paperPanel(current);
    await panel.locator('h1', { hasText: 'EnvHarness' }).waitFor({ timeout: 30_000 });
    await panel.locator('button[aria-label="Insert a citation into the editor"]').click();
    const key = 'huang2026envharness';
    await page.locator('.view-line', { hasText: `improving.\\cite{${key}}` }).waitFor({ timeout: 15_000 });
    const bib = readFileSync(join(current.workspace, 'references.bib'), 'utf8');
    assert.match(bib, /^@misc\{vaswani2017attention,/, 'the existing entry stays first, untouched');
    assert.match(bib, new RegExp(`@misc\\{${key},\n  title = \\{\\{EnvHarness\\}: Awakening Static Worlds for Agent Learning\\},`));
    await current.workbench.screenshot(screenshots, 'dev-5-insert-citation');
  });

  it('clones a paper\'s repository from the panel\'s button', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    await showDay(current, CLONE_DATE);
    await treeRows(current).filter({ hasText: 'Tiny Diffusion' }).click({ timeout: 30_000 });
    const panel = paperPanel(current);
    await panel.locator('h1', { hasText: 'Tiny Diffusion' }).waitFor({ timeout: 30_000 });
    await panel.locator('button[aria-label="Clone the code repository into a folder"]').click();
    await panel.locator('button[aria-label="Open the folder it was cloned into"]').waitFor({ timeout: 30_000 });
    // The toast may have timed out by now: the notification center keeps it.
    await runCommand(current, 'Notifications: Show Notifications');
    const notice = page.locator('.notifications-center .notification-list-item', { hasText: 'Cloned 127.0.0.1' });
    await notice.waitFor({ timeout: 10_000 });
    assert.match(await notice.innerText(), /tiny-diffusion/);
    await notice.locator('.monaco-button', { hasText: 'Open README' }).waitFor();
    assert.equal(readFileSync(join(current.clones, 'tiny-diffusion', 'sample.py'), 'utf8'), 'print("a picture")\n');
    assert.ok(existsSync(join(current.clones, 'tiny-diffusion', '.git')));
    await current.workbench.screenshot(screenshots, 'dev-6-cloned');
    await notice.locator('.monaco-button', { hasText: 'Open README' }).click();
    await page.locator('.tab', { hasText: 'README.md' }).waitFor({ timeout: 15_000 });
  });

  it('offers Clone only for papers with a repository', async () => {
    const current = session as Session;
    await showDay(current, HOSTILE_DATE);
    await treeRows(current).filter({ hasText: 'Hostile Title' }).click({ timeout: 30_000 });
    const panel = paperPanel(current);
    await panel.locator('h1', { hasText: 'Hostile Title' }).waitFor({ timeout: 30_000 });
    await panel.locator('button[aria-label="Open the PDF"]').waitFor();
    assert.equal(await panel.locator('button[aria-label="Clone the code repository into a folder"]').count(), 0);
  });

  it('groups by topic from the view title, and saves a paper from its inline action', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    await showDay(current, '2026-08-21');
    await clickPapersMenuItem(current, 'Group and Sort');
    const picker = await quickInput(page, 'Group and Sort Papers');
    await picker.locator('.quick-input-list .monaco-list-row[aria-label="Topic"]').click();
    await quickInputClosed(page);
    // Topic groups at the top level now, with their counts.
    const agents = page.locator('.part.sidebar .monaco-list-row[aria-level="1"]', { hasText: 'Agents & Tool Use' });
    await agents.waitFor({ timeout: 15_000 });
    assert.match(await agents.innerText(), /^Agents & Tool Use\s*\d+$/);
    assert.equal(await page.locator('.part.sidebar .monaco-list-row[aria-level="1"][aria-label^="Yesterday"]').count(), 0, 'no date groups at the top');
    await current.workbench.screenshot(screenshots, 'dev-7-topics');

    const row = treeRows(current).filter({ hasText: 'EnvHarness: Awakening Static Worlds' });
    await row.hover();
    await row.locator('.action-label[aria-label="Save to Reading List"]').click();
    const savedHeader = page.locator('.part.sidebar .pane-header', { hasText: 'Saved' });
    if ((await savedHeader.getAttribute('aria-expanded')) !== 'true') {
      await savedHeader.click();
    }
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'EnvHarness' }).nth(1).waitFor({ timeout: 15_000 });
    await current.workbench.screenshot(screenshots, 'dev-8-saved');
    await runCommand(current, 'Paper Feed: Group and Sort…');
    // The first row of a section also carries the section's name in its label.
    await (await quickInput(page, 'Group and Sort Papers')).locator('.quick-input-list .monaco-list-row[aria-label^="Date, then Topic"]').click();
    // Settled: the picker is gone and dates are back at the top.
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await page.locator('.part.sidebar .monaco-list-row[aria-level="1"][aria-label^="Yesterday, "]').waitFor({ timeout: 15_000 });
  });

  it('searches from the palette: our ranking is what shows, and Enter opens the paper', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    await runCommand(current, 'Paper Feed: Search Papers');
    await quickInput(page, 'Search Papers');
    const input = quickInputBox(page);
    await input.pressSequentially('envharness awakening sta', { delay: 30 });
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.first().filter({ hasText: 'EnvHarness: Awakening Static Worlds for Agent Learning' }).waitFor({ timeout: 15_000 });
    // Also a query whose best paper's title does not contain the typed text: VS Code's own label
    // matching would drop or reorder it; ours keeps it first.
    await input.fill('huang envharness');
    // Few offline results: Hugging Face is asked too, and has nothing to add.
    await rows.last().filter({ hasText: /Hugging Face has no other papers\s*for “huang envharness”/ }).waitFor({ timeout: 15_000 });
    assert.match(await rows.first().innerText(), /EnvHarness: Awakening Static Worlds for Agent Learning/);
    // A broad query: our order must be the order shown. The expected order comes from the same
    // engine over the same cache, outside the workbench.
    await input.fill('learning');
    const expected = await expectedTitles(current, 'learning', 8);
    // The first and the last expected rows: the previous query's list also starts with EnvHarness.
    await rows.nth(0).filter({ hasText: expected[0] ?? '(none)' }).waitFor({ timeout: 15_000 });
    await rows.nth(expected.length - 1).filter({ hasText: expected[expected.length - 1] ?? '(none)' }).waitFor({ timeout: 15_000 });
    const shown: string[] = [];
    for (let index = 0; index < expected.length; index++) {
      // The row's own label (its detail line has a label of its own).
      shown.push((await rows.nth(index).locator('.quick-input-list-rows .label-name').first().innerText()).trim());
    }
    assert.deepEqual(shown, expected);
    await input.fill('huang envharness');
    await rows.last().filter({ hasText: /Hugging Face has no other papers\s*for “huang envharness”/ }).waitFor({ timeout: 15_000 });
    await current.workbench.screenshot(screenshots, 'dev-9-search');
    await page.keyboard.press('Enter');
    const panel = paperPanel(current);
    await panel.locator('h1', { hasText: 'EnvHarness' }).waitFor({ timeout: 30_000 });
  });

  it('keeps a Paper Feed picker open while the paper panel takes focus', async () => {
    // A picker opened from the palette over a focused panel lost a race with the webview taking
    // focus back, and closed; Paper Feed's pickers now ignore focus leaving them. Moving focus into
    // the panel by hand is the same event, made certain.
    const current = session as Session;
    const page = current.workbench.page;
    const panel = paperPanel(current);
    await panel.locator('h1').first().waitFor({ timeout: 30_000 });
    await runCommand(current, 'Paper Feed: Copy Citation…');
    const picker = await quickInput(page, 'Copy Citation As');
    await panel.locator('h1').first().click();
    await page.waitForFunction("document.activeElement?.tagName === 'IFRAME'", undefined, { timeout: 10_000 });
    assert.ok(await picker.isVisible(), 'the picker is still open with the focus in the panel');
    await picker.locator('.quick-input-list .monaco-list-row', { hasText: 'BibTeX' }).first().click();
    await quickInputClosed(page);
  });

  it('lists what Hugging Face\'s search adds below the offline results, marked as online', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    // Papers only Hugging Face's search knows: no window or backfill has cached them.
    current.fake?.addSearchOnly(['EnvHarness Zoo: Many Made-Up Worlds', 'Scaling EnvHarness to Made-Up Worlds'].map((title, index) => ({
      paper: {
        id: `2501.9900${index}`, title, summary: 'Made up by the UI test.', upvotes: 2, publishedAt: '2025-01-20T00:00:00.000Z',
        authors: [{ _id: 'g', name: 'Grace Hopper', hidden: false }],
      },
      title,
    })));
    const offline = await expectedTitles(current, 'envharness', 50);
    assert.ok(offline.length > 0 && offline.length < 10, `a few offline results: ${offline.join(' | ')}`);
    await runCommand(current, 'Paper Feed: Search Papers');
    await quickInput(page, 'Search Papers');
    await quickInputBox(page).pressSequentially('envharness', { delay: 30 });
    const rows = page.locator('.quick-input-list .monaco-list-row');
    const online = rows.filter({ hasText: 'from Hugging Face' });
    await online.first().waitFor({ timeout: 20_000 });
    await current.workbench.screenshot(screenshots, 'dev-10-search-online');
    // The rows the list shows, in its order (it draws only what fits, not always in DOM order).
    const shown = (await rows.evaluateAll((elements: PageElement[]) => elements.map((element) => ({
      index: Number(element.getAttribute('data-index')), text: element.textContent ?? '',
    })))).sort((a, b) => a.index - b.index);
    const firstOnline = shown.findIndex((row) => row.text.includes('from Hugging Face'));
    assert.ok(firstOnline > 0, shown.map((row) => row.text).join('\n'));
    assert.deepEqual(shown.slice(0, firstOnline).map((row) => offline.find((title) => row.text.startsWith(title)) ?? row.text), offline.slice(0, firstOnline),
      'the offline results first, in their order');
    assert.ok(shown.slice(firstOnline).every((row) => row.text.includes('from Hugging Face')), 'only online papers below them');
    assert.match(shown[firstOnline]?.text ?? '', /^EnvHarness Zoo: Many Made-Up Worlds/);
    // Marked with the cloud icon too, on every online row drawn.
    assert.equal(await online.locator('.codicon-cloud').count(), await online.count());
    assert.equal(await rows.filter({ hasNotText: 'from Hugging Face' }).locator('.codicon-cloud').count(), 0);
    await page.keyboard.press('Escape');
    await quickInputClosed(page);
  });

  it('switches to another day from the view title', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    await showDay(current, '2026-08-20');
    await page.locator('.part.sidebar .pane-header[aria-label="Papers - Thursday, August 20, 2026 Section"]').waitFor({ state: 'attached', timeout: 30_000 });
    await page.locator('.part.sidebar .monaco-list-row[aria-label^="Thursday, August 20, 2026, "]').waitFor();
    await current.workbench.screenshot(screenshots, 'dev-3-day');
  });
});

describe('Paper Feed installed from the packaged .vsix, offline', () => {
  let session: Session | undefined;

  before(async function () {
    this.timeout(600_000);
    session = await startSession('vsix', { vsix: true, online: false });
  });

  after(async () => endSession(session));

  it('shows the Paper Feed icon in the activity bar and the sample papers in its tree', async () => {
    const current = session as Session;
    const icon = activityBarItem(current);
    await icon.waitFor({ timeout: 60_000 });
    await icon.click();
    const dino = treeRows(current).filter({ hasText: 'DINOv3' });
    await dino.waitFor({ timeout: 60_000 });
    assert.match(await dino.innerText(), /^▲7 DINOv3\s*Oriane Siméoni et al\./);
    // Years, each a ranked list: the papers right under them.
    await current.workbench.page.locator('.part.sidebar .monaco-list-row[aria-level="2"][aria-label^="DINOv3, 7 upvotes, Computer Vision"]').first().waitFor();
    await current.workbench.screenshot(screenshots, 'vsix-1-sidebar');
    await current.workbench.page.locator('.part.sidebar').hover();
    await current.workbench.page.locator('.part.sidebar .action-label[aria-label="Collapse All"]').first().click();
    for (const group of ['2025', '2024', '2023']) {
      await current.workbench.page.locator(`.part.sidebar .monaco-list-row[aria-label^="${group}, "]`).waitFor({ timeout: 10_000 });
    }
    await current.workbench.page.locator('.part.sidebar', { hasText: 'Sample papers: Hugging Face could not be reached' }).waitFor();
  });

  it('opens a paper from the tree in the paper panel', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    // Everything was collapsed above: open 2025.
    await page.locator('.part.sidebar .monaco-list-row[aria-level="1"][aria-label^="2025, "]').click();
    await treeRows(current).filter({ hasText: 'DINOv3' }).click();
    const panel = paperPanel(current);
    await panel.locator('h1', { hasText: 'DINOv3' }).waitFor({ timeout: 30_000 });
    assert.match(await panel.locator('.authors').innerText(), /^Oriane Siméoni, Huy V\. Vo, .* and 16 more$/);
    await current.workbench.screenshot(screenshots, 'vsix-2-paper');
  });

  it('completes \\cite{dino in a .tex file with DINOv3, and Enter writes its key and its .bib entry', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    const sample = parseSampleFeed(JSON.parse(readFileSync(join(root, 'media', 'sample-feed.json'), 'utf8')));
    const dino = sample.find((paper) => paper.title === 'DINOv3');
    assert.ok(dino, 'the sample feed has DINOv3');
    const key = citationKey(dino);
    const editor = await openFileAtLineEnd(current, 'paper.tex', 'Self-supervised features keep improving.');
    await page.keyboard.type('\\cite{dino');
    const widget = page.locator('.editor-widget.suggest-widget');
    await widget.locator('.monaco-list-row', { hasText: key }).first().waitFor({ timeout: 30_000 });
    // Enter accepts the focused row: move to DINOv3 should the list put another paper first.
    for (let step = 0; step < 10 && (await widget.locator('.monaco-list-row.focused', { hasText: key }).count()) === 0; step++) {
      await page.keyboard.press('ArrowDown');
    }
    await widget.locator('.monaco-list-row.focused', { hasText: key }).waitFor({ timeout: 5_000 });
    await current.workbench.screenshot(screenshots, 'vsix-3-cite-completion');
    await page.keyboard.press('Enter');
    await editor.locator('.view-line', { hasText: `improving.\\cite{${key}}` }).waitFor({ timeout: 15_000 });
    assert.equal(await editor.locator('.view-line', { hasText: 'cite{dino' }).count(), 0, 'the typed text is replaced by the key');
    // The entry is written by the completion item's command, after the key: wait for the file to have it.
    const bibFile = join(current.workspace, 'references.bib');
    await eventually('the DINOv3 entry in references.bib', () => readFileSync(bibFile, 'utf8').includes(`eprint = {${dino.id}}`));
    const bib = readFileSync(bibFile, 'utf8');
    assert.match(bib, /^@misc\{vaswani2017attention,/, 'the existing entry stays first, untouched');
    assert.match(bib, new RegExp(`@misc\\{${key},`));
    assert.equal(bib.split(`eprint = {${dino.id}}`).length - 1, 1, 'one entry');
  });
});
