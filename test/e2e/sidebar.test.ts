import * as assert from 'node:assert/strict';
import { activityBarItem, endSession, paperPanel, screenshots, type Session, startSession, treeRows } from './workbench';

describe('Paper Feed in the workbench, live from the fake Hugging Face (development folder)', () => {
  let session: Session | undefined;

  before(async function () {
    this.timeout(600_000); // the first run installs the test VS Code
    session = await startSession('dev', { vsix: false, online: true });
  });

  after(async () => endSession(session));

  it('shows the last 7 days of papers by day in the sidebar', async () => {
    const current = session as Session;
    await activityBarItem(current).click({ timeout: 60_000 });
    const envHarness = treeRows(current).filter({ hasText: 'EnvHarness: Awakening Static Worlds' });
    await envHarness.waitFor({ timeout: 60_000 });
    assert.match(await envHarness.innerText(), /▲ 163 · Chengsong Huang et al\./);
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
    assert.match(await panel.locator('.facts').innerText(), /▲ 163/);
    await current.workbench.screenshot(screenshots, 'dev-2-paper');
  });

  it('switches to another day from the view title', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    await page.locator('.part.sidebar').hover();
    await page.locator('.part.sidebar .action-label[aria-label^="Show Papers From"]').first().click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'A day…' }).click();
    await input.fill('2026-08-20');
    await page.keyboard.press('Enter');
    await page.locator('.part.sidebar .pane-header[aria-label="Papers - Thu 20 Aug 2026 Section"]').waitFor({ state: 'attached', timeout: 30_000 });
    await page.locator('.part.sidebar .monaco-list-row[aria-label^="Thu 20 Aug 2026, "]').waitFor();
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
    assert.match(await dino.innerText(), /▲ 7 · Oriane Siméoni et al\./);
    for (const group of ['2025', '2024', '2023']) {
      await current.workbench.page.locator(`.part.sidebar .monaco-list-row[aria-label^="${group}, "]`).waitFor({ timeout: 10_000 });
    }
    await current.workbench.page.locator('.part.sidebar', { hasText: 'Sample papers: Hugging Face could not be reached' }).waitFor();
    await current.workbench.screenshot(screenshots, 'vsix-1-sidebar');
  });

  it('opens a paper from the tree in the paper panel', async () => {
    const current = session as Session;
    await treeRows(current).filter({ hasText: 'DINOv3' }).click();
    const panel = paperPanel(current);
    await panel.locator('h1', { hasText: 'DINOv3' }).waitFor({ timeout: 30_000 });
    assert.match(await panel.locator('.authors').innerText(), /^Oriane Siméoni, Huy V\. Vo, .* and 16 more$/);
    await current.workbench.screenshot(screenshots, 'vsix-2-paper');
  });
});
