/**
 * The paper panel leads somewhere, clicked in the real workbench: a keyword chip and an author's
 * name open Search Papers for them; the comment count is an icon with a label; the thumbnail shows,
 * or (offline) leaves nothing broken behind. Screenshots in light and dark themes.
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  activityBarItem, endSession, paperPanel, quickInput, quickInputClosed, screenshots, type Session, setColorTheme, startSession, treeRows,
} from './workbench';

const TITLE = 'EnvHarness: Awakening Static Worlds';

/** Waits until the quick input's text box holds `value`. */
async function quickInputValue(page: Page, value: string): Promise<void> {
  await page.waitForFunction(
    `(document.querySelector('.quick-input-widget .quick-input-box input')?.value ?? '') === ${JSON.stringify(value)}`,
    undefined, { timeout: 30_000 },
  );
}

describe('The paper panel leads somewhere, in the workbench', () => {
  let session: Session | undefined;

  before(async function () {
    this.timeout(600_000);
    session = await startSession('panel', {
      vsix: false, online: true,
      // EnvHarness as its authors might have updated it on arXiv: a journal reference, a comment, two categories.
      arxiv: { '2608.19880': { journalRef: 'ICLR 2027', comment: 'Oral presentation; 23 pages', categories: ['cs.LG', 'cs.AI'], version: 2, updated: '2026-08-28' } },
    });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) {
      await session.workbench.screenshot(screenshots, `failed-panel-${(this.currentTest.title).replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}`);
    }
  });

  after(async () => endSession(session));

  it('shows the comment count as an icon with a label, and the thumbnail or nothing broken', async () => {
    const current = session as Session;
    await activityBarItem(current).click({ timeout: 60_000 });
    const row = treeRows(current).filter({ hasText: TITLE });
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    const panel = paperPanel(current);
    await panel.locator('h1', { hasText: 'EnvHarness' }).waitFor({ timeout: 30_000 });
    const comments = panel.locator('.facts .comments');
    assert.match(await comments.getAttribute('aria-label') ?? '', /^\d+ comments?$/);
    assert.equal(await comments.locator('svg').count(), 1, 'an icon drawn in the text colour');
    assert.doesNotMatch(await panel.locator('.facts').innerText(), /💬/u);
    // The thumbnail is on Hugging Face's CDN: shown when it loads, removed when it cannot (offline).
    const image = panel.locator('figure.thumbnail img');
    const settled = async (): Promise<boolean> => (await image.evaluateAll((images: { complete: boolean; naturalWidth: number }[]) =>
      images.every((each) => each.complete && each.naturalWidth > 0)));
    // Lazily loaded: brought into view, so that it loads (or fails) now.
    await image.evaluateAll((images: { scrollIntoView(): void }[]) => images.forEach((each) => each.scrollIntoView()));
    for (const deadline = Date.now() + 30_000; !(await settled());) {
      assert.ok(Date.now() < deadline, 'the thumbnail neither loaded nor went away');
    }
    if (await image.count() > 0) {
      assert.equal(await image.getAttribute('loading'), 'lazy');
      assert.equal(await image.getAttribute('alt'), 'Thumbnail of the paper on Hugging Face');
    }
    await current.workbench.screenshot(screenshots, 'panel-1-light');
  });

  it('a keyword click runs the search', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    const panel = paperPanel(current);
    const chip = panel.locator('button.chip', { hasText: 'reinforcement learning' });
    assert.equal(await chip.getAttribute('aria-label'), 'Search papers for “reinforcement learning”');
    await chip.click();
    const widget = await quickInput(page, 'Search Papers');
    await quickInputValue(page, 'reinforcement learning');
    // Results: papers, each with its upvotes in the description.
    const results = widget.locator('.quick-input-list .monaco-list-row', { hasText: '▲' });
    await results.nth(2).waitFor({ timeout: 30_000 });
    assert.equal(await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'No cached paper matches' }).count(), 0);
    await current.workbench.screenshot(screenshots, 'panel-2-keyword-search');
    await page.keyboard.press('Escape');
    await quickInputClosed(page);
  });

  it('an author\'s name runs the search for their papers, from the keyboard too', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    const panel = paperPanel(current);
    const author = panel.locator('.authors button', { hasText: 'Chengsong Huang' });
    assert.equal(await author.getAttribute('aria-label'), 'Search papers by Chengsong Huang');
    await author.focus();
    await page.keyboard.press('Enter');
    const widget = await quickInput(page, 'Search Papers');
    await quickInputValue(page, 'author:"Chengsong Huang"');
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: TITLE }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Escape');
    await quickInputClosed(page);
  });

  it('says where the paper was published, and shows arXiv\'s record, once arXiv has answered', async () => {
    const current = session as Session;
    const panel = paperPanel(current);
    const published = panel.locator('p.published');
    await published.waitFor({ timeout: 60_000 });
    const line = await published.innerText();
    assert.match(line, /^Published in International Conference on Learning Representations \(ICLR\) 2027\b/);
    assert.match(line, /via arXiv/);
    const record = await panel.locator('body').innerText();
    assert.match(record, /cs\.LG/);
    assert.match(record, /cs\.AI/);
    assert.match(record, /Oral presentation; 23 pages/);
    assert.match(record, /ICLR 2027/);
    await published.scrollIntoViewIfNeeded();
    await current.workbench.screenshot(screenshots, 'panel-4-published');
  });

  it('renders in a dark theme as well', async () => {
    const current = session as Session;
    await setColorTheme(current, 'Dark Modern');
    await current.workbench.page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 20_000 });
    await paperPanel(current).locator('body.vscode-dark').waitFor({ timeout: 20_000 });
    await current.workbench.screenshot(screenshots, 'panel-3-dark');
    await setColorTheme(current, 'Light Modern');
    await current.workbench.page.locator('.monaco-workbench.vs').waitFor({ timeout: 20_000 });
  });
});
