/**
 * The Papers view as a new user sees it at the default sidebar width (about 300 px) and at 500 px,
 * in a light and a dark theme: every row keeps its upvotes in sight, a date row switches between a
 * ranked list and topics in one click, the view title keeps three actions, and several selected
 * papers are saved at once. The screenshots are the README's.
 */
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import {
  activityBarItem, clickPapersMenuItem, endSession, papersTitleActions, runFromMenu, screenshots,
  type Session, setColorTheme, showDay, startSession, treeRows,
} from './workbench';

/** Drags the sash at the sidebar's right edge until the sidebar is `width` px wide. */
async function setSidebarWidth(session: Session, width: number): Promise<void> {
  const page = session.workbench.page;
  const box = await page.locator('.part.sidebar').boundingBox();
  assert.ok(box, 'the sidebar is shown');
  // The vertical sash nearest the sidebar's right edge.
  const sashes = page.locator('.monaco-sash.vertical');
  let sash: { x: number; y: number; width: number; height: number } | undefined;
  for (let index = 0; index < await sashes.count(); index++) {
    const candidate = await sashes.nth(index).boundingBox();
    if (candidate && candidate.height > box.height / 2 && Math.abs(candidate.x + candidate.width / 2 - (box.x + box.width)) < 6) {
      sash = candidate;
    }
  }
  assert.ok(sash, 'the sidebar\'s sash');
  const y = sash.y + sash.height / 2;
  await page.mouse.move(sash.x + sash.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + (box.width + width) / 2, y, { steps: 5 });
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
  const after = await page.locator('.part.sidebar').boundingBox();
  assert.ok(after && Math.abs(after.width - width) <= 4, `the sidebar is ${after?.width ?? '?'} px wide, not ${width}`);
}

/**
 * Whether the start of the row's label up to `visible` is drawn inside the row, not cut off: the
 * text's own box (a DOM Range over it) ends left of the label's visible box.
 */
async function showsStart(row: Locator, visible: string): Promise<boolean> {
  return row.locator('.label-name').first().evaluate((label: unknown, text: string) => {
    const element = label as { firstChild: unknown; textContent: string | null; getBoundingClientRect(): { right: number }; ownerDocument: { createRange(): { setStart(node: unknown, offset: number): void; setEnd(node: unknown, offset: number): void; getBoundingClientRect(): { right: number; width: number } } } };
    const content = element.textContent ?? '';
    const at = content.indexOf(text);
    let node = element.firstChild as { nodeType: number; firstChild?: unknown } | null;
    while (node && node.nodeType !== 3) {
      node = (node.firstChild ?? null) as typeof node;
    }
    if (at !== 0 || !node) {
      return false;
    }
    const range = element.ownerDocument.createRange();
    range.setStart(node, 0);
    range.setEnd(node, text.length);
    const shown = range.getBoundingClientRect();
    // The label's visible box: its container clips it (overflow hidden, an ellipsis).
    const container = (label as { closest(selector: string): { getBoundingClientRect(): { right: number } } | null }).closest('.monaco-icon-label-container') ?? element;
    return shown.width > 0 && shown.right <= container.getBoundingClientRect().right + 0.5;
  }, visible);
}

/**
 * Clicks one of a row's inline actions, which VS Code draws only while the row is hovered: a
 * refresh of the tree redraws the row and drops the hover, so hover and click again until it lands.
 */
async function clickRowAction(row: Locator, label: string): Promise<void> {
  const action = row.locator(`.action-label[aria-label="${label}"]`);
  for (let attempt = 0; ; attempt++) {
    await row.hover();
    try {
      await action.click({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 9) {
        throw error;
      }
    }
  }
}

describe('The Papers view at 300 and 500 px, light and dark', () => {
  let session: Session | undefined;

  before(async function () {
    this.timeout(600_000);
    session = await startSession('tree', { vsix: false, online: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) {
      await session.workbench.screenshot(screenshots, `failed-tree-${(this.currentTest.title).replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}`);
    }
  });

  after(async () => {
    await endSession(session);
  });

  it('keeps every paper row\'s upvotes in sight at 300 px, and shows the day ranked', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    await activityBarItem(current).click({ timeout: 60_000 });
    await showDay(current, '2026-08-21');
    await setSidebarWidth(current, 300);
    const rows = treeRows(current).filter({ has: page.locator('.label-name', { hasText: /^▲\d+ / }) });
    await rows.first().waitFor({ timeout: 30_000 });
    const count = await rows.count();
    assert.ok(count >= 10, `${count} paper rows drawn`);
    const upvotes: number[] = [];
    for (let index = 0; index < count; index++) {
      const label = (await rows.nth(index).locator('.label-name').first().textContent()) ?? '';
      const mark = /^▲\d+/.exec(label)?.[0] ?? '';
      assert.ok(await showsStart(rows.nth(index), mark), `row ${index} shows “${mark}” uncut at 300 px: ${label}`);
      upvotes.push(Number(mark.slice(1)));
    }
    // One ranked list under the day (the default grouping): most upvoted first.
    assert.deepEqual(upvotes, [...upvotes].sort((a, b) => b - a), 'the rows are in upvote order');
    assert.equal(await page.locator('.part.sidebar .monaco-list-row[aria-level="2"][aria-label*="papers"]').count(), 0, 'no topic subgroups by default');
    // Each row's icon is its topic's.
    assert.ok(await rows.first().locator('.custom-view-tree-node-item-icon.codicon, .codicon').count() > 0);
    await current.workbench.screenshot(screenshots, 'tree-300-light');
    await setColorTheme(current, 'Dark Modern');
    await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 20_000 });
    await current.workbench.screenshot(screenshots, 'tree-300-dark');
    await setSidebarWidth(current, 500);
    await current.workbench.screenshot(screenshots, 'tree-500-dark');
    await setColorTheme(current, 'Light Modern');
    await page.locator('.monaco-workbench.vs').waitFor({ timeout: 20_000 });
    await current.workbench.screenshot(screenshots, 'tree-500-light');
    await setSidebarWidth(current, 300);
  });

  it('keeps three actions in the view title and the rest in its … menu', async () => {
    const current = session as Session;
    const inline = (await papersTitleActions(current)).filter((label) => !/^(More Actions|Collapse All)/.test(label));
    assert.deepEqual(inline.map((label) => label.replace(/ \(.*\)$/, '')), ['Search Papers…', 'Show Papers From…', 'Refresh Papers'], inline.join(' | '));
    // The title is not cut to "Pap…" by its actions.
    const title = current.workbench.page.locator('.part.sidebar .pane-header[aria-label^="Papers"] h3.title').or(current.workbench.page.locator('.part.sidebar .composite.title h2')).first();
    assert.equal((await title.evaluate((element: unknown) => { const e = element as { scrollWidth: number; clientWidth: number }; return e.scrollWidth <= e.clientWidth; })), true, 'the view title fits');
    // The … menu's Previous Period works: the day shown changes.
    const firstDay = "document.querySelector('.part.sidebar .monaco-list-row[aria-level=\"1\"]')?.getAttribute('aria-label') ?? ''";
    const before = await current.workbench.page.evaluate<string>(firstDay);
    assert.notEqual(before, '');
    await clickPapersMenuItem(current, 'Previous Period');
    await current.workbench.page.waitForFunction(`(${firstDay}) !== '' && (${firstDay}) !== ${JSON.stringify(before)}`, undefined, { timeout: 30_000 });
    await showDay(current, '2026-08-21');
  });

  it('switches a day between a ranked list and topics with one click on its row', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    const day = page.locator('.part.sidebar .monaco-list-row[aria-level="1"]').first();
    await clickRowAction(day, 'Group Each Day by Topic');
    const topicRow = page.locator('.part.sidebar .monaco-list-row[aria-level="2"]', { hasText: /\d+$/ }).first();
    await topicRow.waitFor({ timeout: 15_000 });
    await current.workbench.screenshot(screenshots, 'tree-300-topics');
    await clickRowAction(day, 'Show Each Day as a Ranked List');
    await page.locator('.part.sidebar .monaco-list-row[aria-level="2"]', { has: page.locator('.label-name', { hasText: /^▲\d+ / }) }).first().waitFor({ timeout: 15_000 });
  });

  it('saves three selected papers at once from the context menu', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    const rows = treeRows(current).filter({ has: page.locator('.label-name', { hasText: /^▲\d+ / }) });
    const titles: string[] = [];
    for (const index of [0, 2, 4]) {
      const label = (await rows.nth(index).locator('.label-name').first().textContent()) ?? '';
      titles.push(label.replace(/^▲\d+ /, ''));
    }
    await rows.nth(0).click();
    await rows.nth(2).click({ modifiers: ['Control'] });
    await rows.nth(4).click({ modifiers: ['Control'] });
    assert.equal(await page.locator('.part.sidebar .monaco-list-row.selected').count(), 3, 'three rows selected');
    await runFromMenu(page, () => rows.nth(4).click({ button: 'right' }), 'Save to Reading List');
    const savedHeader = page.locator('.part.sidebar .pane-header', { hasText: 'Saved' });
    if ((await savedHeader.getAttribute('aria-expanded')) !== 'true') {
      await savedHeader.click();
    }
    for (const title of titles) {
      await page.locator('.part.sidebar .monaco-list-row', { hasText: title }).nth(1).waitFor({ timeout: 15_000 });
    }
    // The Papers view marks them with the saved badge, drawn by the row's decoration (a ::after).
    const papersPane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header[aria-label^="Papers"]') });
    const savedRow = papersPane.locator('.monaco-list-row', { hasText: titles[0] as string }).first();
    const handle = await savedRow.elementHandle();
    await page.waitForFunction("(row) => [...row.querySelectorAll('*')].some((element) => getComputedStyle(element, '::after').content.includes('✓'))", handle, { timeout: 15_000 });
    await current.workbench.screenshot(screenshots, 'tree-300-saved-three');
  });
});
