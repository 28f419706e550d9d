/**
 * Empty and offline states in the real workbench (issue 18): the Papers view's welcome content
 * offers a way out, and its buttons work. Screenshots: test-results/screenshots/state-*.png.
 */
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { activityBarItem, endSession, runCommand, screenshots, type Session, showDay, startSession, treeRows } from './workbench';

describe('Paper Feed\'s empty and offline states in the workbench', () => {
  let session: Session | undefined;

  before(async function () {
    this.timeout(600_000); // the first run installs the test VS Code
    session = await startSession('states', { vsix: false, online: true });
  });

  afterEach(async function () {
    session?.fake?.setFault(undefined);
    if (this.currentTest?.state === 'failed' && session) {
      await session.workbench.screenshot(screenshots, `failed-states-${(this.currentTest.title).replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}`);
    }
  });

  after(async () => endSession(session));

  /** The Papers view's welcome content (shown when its tree has no rows); the Saved view has its own. */
  const welcome = (current: Session): Locator => {
    const page = current.workbench.page;
    return page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header[aria-label^="Papers"]') }).locator('.welcome-view-content');
  };

  it('the empty state\'s button shows the latest day with papers before it', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    await activityBarItem(current).click({ timeout: 60_000 });
    await treeRows(current).filter({ hasText: 'EnvHarness: Awakening Static Worlds' }).waitFor({ timeout: 60_000 });
    // Sunday 16 August: Hugging Face has no papers; nothing before it is cached (the first load was 17–21 August).
    await showDay(current, '2026-08-16');
    const button = welcome(current).locator('.monaco-button', { hasText: 'Show Latest Papers' });
    await button.waitFor({ timeout: 30_000 });
    assert.match(await welcome(current).innerText(), /No papers here: Hugging Face posts Daily Papers on weekdays/);
    await page.locator('.part.sidebar .pane-header[aria-label="Papers - Sunday, August 16, 2026 Section"]').waitFor({ state: 'attached' });
    await current.workbench.screenshot(screenshots, 'state-empty');
    await button.click();
    // Hugging Face is asked for Saturday (none), then Friday 14 August.
    await page.locator('.part.sidebar .pane-header[aria-label="Papers - Friday, August 14, 2026 Section"]').waitFor({ state: 'attached', timeout: 30_000 });
    await page.locator('.part.sidebar .monaco-list-row[aria-level="1"][aria-label^="Friday, August 14, 2026, "]').waitFor({ timeout: 30_000 });
    assert.ok(await treeRows(current).count() > 1, 'papers under the day');
    assert.equal(await welcome(current).locator('.monaco-button', { hasText: 'Show Latest Papers' }).isVisible(), false, 'the welcome content is gone');
  });

  it('an offline window offers Retry and Show Cached Papers, in plain words, and shows the cache', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    current.fake?.setFault({ mode: 'reset', path: '/' }); // every connection broken off
    await showDay(current, '2026-08-09'); // a Sunday never fetched: nothing of it cached
    const retry = welcome(current).locator('.monaco-button', { hasText: 'Retry' });
    const cached = welcome(current).locator('.monaco-button', { hasText: 'Show Cached Papers' });
    await cached.waitFor({ timeout: 60_000 });
    await retry.waitFor();
    assert.match(await welcome(current).innerText(), /Hugging Face could not be reached, and no papers for these dates are cached/);
    await current.workbench.screenshot(screenshots, 'state-offline');
    // The notification says why in plain words (the codes are for the log): in the notification center.
    await runCommand(current, 'Notifications: Show Notifications');
    const notification = page.locator('.notifications-center .notification-list-item', { hasText: 'Paper Feed could not refresh' }).last();
    await notification.waitFor({ timeout: 30_000 });
    const said = await notification.innerText();
    assert.match(said, /The connection to Hugging Face broke off/);
    assert.doesNotMatch(said, /ECONNRESET|UND_ERR|fetch failed|socket/, 'codes are for the log');
    await current.workbench.screenshot(screenshots, 'state-offline-notification');
    await runCommand(current, 'Notifications: Hide Notifications');
    await cached.click();
    // The latest cached day: Friday 21 August, from the first load.
    await page.locator('.part.sidebar .pane-header[aria-label="Papers - Friday, August 21, 2026 Section"]').waitFor({ state: 'attached', timeout: 30_000 });
    await treeRows(current).filter({ hasText: 'EnvHarness: Awakening Static Worlds' }).waitFor({ timeout: 30_000 });
    await page.locator('.part.sidebar', { hasText: 'Offline: showing' }).waitFor({ timeout: 30_000 });
    await current.workbench.screenshot(screenshots, 'state-offline-cached');
  });
});
