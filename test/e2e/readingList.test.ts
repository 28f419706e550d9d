/**
 * The reading list in the real workbench: a saved paper is unread; the Saved view's inline button and
 * its context menu toggle read and unread, and the row shows the state; a note and tags added from the
 * context menu show in the row and in the paper panel, whose toggle marks the paper read too.
 */
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import {
  activityBarItem, endSession, paperPanel, quickInput, quickInputBox, quickInputClosed, runFromMenu, screenshots, type Session, startSession,
  treeRows, typeIntoQuickInput,
} from './workbench';

const TITLE = 'EnvHarness: Awakening Static Worlds';

/** The Saved view's pane in the Paper Feed sidebar. */
function savedPane(page: Page): Locator {
  return page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: 'Saved' }) });
}

/** The paper's row in the Saved view. */
function savedRow(page: Page): Locator {
  return savedPane(page).locator('.monaco-list-row', { hasText: 'EnvHarness' });
}

/** Waits until the Saved row's accessible name says `state` (read or unread) and its icon agrees. */
async function rowIs(page: Page, state: 'read' | 'unread'): Promise<void> {
  const row = savedRow(page);
  await row.and(page.locator(`[aria-label*=", saved, ${state}"]`)).waitFor({ timeout: 15_000 });
  await row.locator(state === 'read' ? '.codicon-check' : '.codicon-circle-filled').waitFor({ timeout: 15_000 });
}

/** Runs `label` from the Saved row's context menu. */
async function fromContextMenu(page: Page, label: string): Promise<void> {
  await runFromMenu(page, () => savedRow(page).click({ button: 'right' }), label);
}

describe('Paper Feed in the workbench: the reading list', () => {
  let session: Session | undefined;

  before(async function () {
    this.timeout(600_000); // the first run installs the test VS Code
    session = await startSession('reading', { vsix: false, online: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) {
      await session.workbench.screenshot(screenshots, `failed-reading-${(this.currentTest.title).replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}`);
    }
  });

  after(async () => {
    await endSession(session);
  });

  it('toggles read and unread from the Saved view\'s row, inline and from the context menu', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    await activityBarItem(current).click({ timeout: 60_000 });
    const row = treeRows(current).filter({ hasText: TITLE }).first();
    await row.waitFor({ timeout: 60_000 });
    await row.hover();
    await row.locator('.action-label[aria-label="Save to Reading List"]').click();
    const header = savedPane(page).locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) !== 'true') {
      await header.click();
    }
    await rowIs(page, 'unread');

    await savedRow(page).hover();
    await savedRow(page).locator('.action-label[aria-label="Mark as Read"]').click();
    await rowIs(page, 'read');
    assert.equal(await savedRow(page).locator('.action-label[aria-label="Mark as Read"]').count(), 0, 'the inline button is now Mark as Unread');

    await fromContextMenu(page, 'Mark as Unread');
    await rowIs(page, 'unread');
  });

  it('adds a note and tags from the context menu, shown in the row and the panel, whose toggle marks it read', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    await fromContextMenu(page, 'Edit Note…');
    await quickInput(page, 'Note for');
    await typeIntoQuickInput(page, 'Compare with our harness in §4');
    await quickInputBox(page).press('Enter');
    await quickInputClosed(page);

    await fromContextMenu(page, 'Edit Tags…');
    await quickInput(page, 'Tags for');
    await typeIntoQuickInput(page, 'agents, to-cite');
    await quickInputBox(page).press('Enter');
    await quickInputClosed(page);
    await savedRow(page).locator('.label-description', { hasText: '#agents #to-cite' }).waitFor({ timeout: 15_000 });

    await savedRow(page).click();
    const panel = paperPanel(current);
    await panel.locator('h1', { hasText: 'EnvHarness' }).waitFor({ timeout: 30_000 });
    await panel.locator('.reading .note', { hasText: 'Compare with our harness in §4' }).waitFor({ timeout: 15_000 });
    assert.deepEqual(await panel.locator('.reading .chip').allInnerTexts(), ['agents', 'to-cite']);
    // The row's tooltip, as a person hovering it sees it: reading state, tags and note.
    await page.mouse.move(0, 0);
    await savedRow(page).locator('.monaco-icon-label').hover();
    const hover = page.locator('.monaco-hover', { hasText: 'Compare with our harness in §4' });
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await hover.innerText(), /Unread · #agents · #to-cite/);
    await current.workbench.screenshot(screenshots, 'saved-note-tags');

    await panel.locator('button[aria-label="Mark as read on the reading list"]').click();
    await rowIs(page, 'read');
    await panel.locator('button[aria-pressed="true"][aria-label="Mark as unread on the reading list"]').waitFor({ timeout: 15_000 });
    await current.workbench.screenshot(screenshots, 'saved-read');
  });
});
