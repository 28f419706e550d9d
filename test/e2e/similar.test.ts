/**
 * Similar papers, clicked in the real workbench: the panel lists the papers most like the open one
 * once the search worker answers; a click (or Enter, after moving with the arrow keys) opens that
 * paper in the panel; Show more and a tree row's context menu open Show Similar Papers. The
 * screenshot of the panel's list is the README's (media/readme/panel-similar.png).
 */
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import {
  activityBarItem, endSession, paperPanel, quickInput, quickInputClosed, runFromMenu, screenshots, type Session, startSession, treeRows,
  typeIntoQuickInput,
} from './workbench';

const TITLE = 'EnvHarness: Awakening Static Worlds';

/** The titles of the panel's similar papers, once it lists them. */
async function similarTitles(session: Session): Promise<string[]> {
  const list = paperPanel(session).locator('section.similar ol.similar-list');
  await list.locator('li').nth(9).waitFor({ timeout: 60_000 });
  return list.locator('button.similar-title').allInnerTexts();
}

async function panelTitle(session: Session, title: string): Promise<void> {
  await paperPanel(session).locator('h1', { hasText: title }).waitFor({ timeout: 30_000 });
}

describe('Similar papers, in the workbench', () => {
  let session: Session | undefined;

  before(async function () {
    this.timeout(600_000);
    session = await startSession('similar', { vsix: false, online: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) {
      await session.workbench.screenshot(screenshots, `failed-similar-${(this.currentTest.title).replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}`);
    }
  });

  after(async () => endSession(session));

  it('the panel lists ten papers like the open one, each with its authors, date and upvotes', async () => {
    const current = session as Session;
    await activityBarItem(current).click({ timeout: 60_000 });
    const row = treeRows(current).filter({ hasText: TITLE });
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await panelTitle(current, 'EnvHarness');
    const panel = paperPanel(current);
    const section = panel.locator('section.similar');
    assert.equal(await section.locator('h2').textContent(), 'Similar papers');
    const titles = await similarTitles(current);
    assert.equal(titles.length, 10);
    assert.ok(!titles.some((title) => title.startsWith(TITLE)), 'not the paper itself');
    assert.equal(await section.getAttribute('aria-busy'), null, 'no longer looking');
    const meta = await section.locator('.similar-meta').first().innerText();
    assert.match(meta, /▲ \d+$/);
    assert.match(meta, /\d{4} · ▲/, 'its date');
    assert.match(await section.locator('.similar-upvotes').first().getAttribute('aria-label') ?? '', /^\d+ upvotes$/);
    await section.scrollIntoViewIfNeeded();
    await current.workbench.screenshot(screenshots, 'similar-1-panel');
  });

  it('a click on one opens that paper in the panel', async () => {
    const current = session as Session;
    const titles = await similarTitles(current);
    const third = titles[2] as string;
    await paperPanel(current).locator('section.similar button.similar-title').nth(2).click();
    await panelTitle(current, third);
    // The paper it opened has its own similar papers, which are not itself.
    const next = await similarTitles(current);
    assert.ok(!next.includes(third), next.join(' | '));
  });

  it('from the keyboard: Down moves to the next paper, Enter opens it', async () => {
    const current = session as Session;
    const titles = await similarTitles(current);
    const buttons: Locator = paperPanel(current).locator('section.similar button.similar-title');
    await buttons.first().focus();
    await buttons.first().press('ArrowDown');
    const focused = await paperPanel(current).locator('button.similar-title:focus').innerText();
    assert.equal(focused, titles[1]);
    await paperPanel(current).locator('button.similar-title:focus').press('Enter');
    await panelTitle(current, titles[1] as string);
  });

  it('Show more opens Show Similar Papers for the panel\'s paper', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    const shown = await paperPanel(current).locator('h1').innerText();
    await similarTitles(current);
    await paperPanel(current).locator('section.similar .similar-header button').click();
    const widget = await quickInput(page, `Papers like ${shown.slice(0, 30)}`);
    // More than the panel's ten (the list shows the first few, the rest scroll).
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: '▲' }).nth(5).waitFor({ timeout: 30_000 });
    assert.equal(await widget.locator('.quick-input-list .monaco-list-row', { hasText: shown }).count(), 0, 'not the paper itself');
    await current.workbench.screenshot(screenshots, 'similar-2-picker');
    // The box filters the list: typing part of one title leaves the papers whose title has it.
    const rows = widget.locator('.quick-input-list .monaco-list-row', { hasText: '▲' });
    const before = await rows.count();
    const typed = (await rows.nth(3).locator('.label-name').first().innerText()).slice(0, 30);
    await typeIntoQuickInput(page, typed);
    // Checked in the page (a string: this project's TypeScript has no DOM library).
    await page.waitForFunction(`(() => {
      const shown = [...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')]
        .filter((row) => (row.textContent ?? '').includes('▲'));
      return shown.length > 0 && shown.length < ${before} && shown.every((row) => (row.textContent ?? '').includes(${JSON.stringify(typed)}));
    })()`, undefined, { timeout: 10_000 });
    await page.keyboard.press('Escape');
    await quickInputClosed(page);
  });

  it('a tree row\'s context menu has Show Similar Papers; Enter on a paper opens it', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    // A paper row of the Papers view in full sight: the panel's paper may be one of another day, with no
    // row, and a row under the tree's sticky day header cannot be clicked (checked in the page: a string,
    // this project's TypeScript has no DOM library).
    const visibleRow = await page.waitForFunction(`(() => {
      const list = document.querySelector('.part.sidebar .monaco-list');
      if (!list) return '';
      const sticky = list.querySelector('.monaco-tree-sticky-container');
      const box = list.getBoundingClientRect();
      const top = Math.max(box.top, sticky ? sticky.getBoundingClientRect().bottom : box.top);
      const row = [...list.querySelectorAll('.monaco-list-rows .monaco-list-row')].find((candidate) => {
        const rect = candidate.getBoundingClientRect();
        return /^▲\\d+ /.test(candidate.querySelector('.label-name')?.textContent ?? '') && rect.top >= top && rect.bottom <= box.bottom;
      });
      return row ? row.id : '';
    })()`, undefined, { timeout: 30_000 });
    const row = page.locator(`#${String(await visibleRow.jsonValue())}`);
    const shown = (await row.locator('.label-name').first().innerText()).replace(/^▲\d+ /, '');
    await runFromMenu(page, () => row.click({ button: 'right' }), 'Show Similar Papers');
    const widget = await quickInput(page, `Papers like ${shown.slice(0, 20)}`);
    const first = widget.locator('.quick-input-list .monaco-list-row', { hasText: '▲' }).first();
    await first.waitFor({ timeout: 30_000 });
    const label = await first.locator('.label-name').first().innerText();
    await page.keyboard.press('Enter');
    await quickInputClosed(page);
    await panelTitle(current, label.slice(0, 40));
  });

  it('a redraw with newer records (arXiv\'s license coming late) keeps the focus on the similar paper it was on', async () => {
    const current = session as Session;
    const panel = paperPanel(current);
    const titles = await similarTitles(current);
    // A paper not opened before: opening it asks arXiv's OAI-PMH interface for its license, answered late.
    current.fake?.setFault({ mode: 'delay', path: '/oai2', delayMs: 8_000, times: 1 });
    const next = titles[9] as string;
    await panel.locator('section.similar button.similar-title').nth(9).click();
    await panelTitle(current, next);
    const nextTitles = await similarTitles(current);
    const license = panel.locator('section.record dt', { hasText: 'License' });
    const buttons = panel.locator('section.similar button.similar-title');
    await buttons.nth(4).focus();
    assert.equal(await license.count(), 0, 'the license came before the focus was set: nothing to test');
    await license.waitFor({ timeout: 30_000 });
    assert.equal(await panel.locator('button.similar-title:focus').innerText(), nextTitles[4], 'the focus is where it was');
    // Still from the keyboard: Down goes on from there.
    await panel.locator('button.similar-title:focus').press('ArrowDown');
    assert.equal(await panel.locator('button.similar-title:focus').innerText(), nextTitles[5]);
  });
});
