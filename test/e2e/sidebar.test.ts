import * as assert from 'node:assert/strict';
import { activityBarItem, endSession, paperPanel, screenshots, type Session, startSession, treeRows } from './workbench';

for (const vsix of [false, true]) {
  const name = vsix ? 'vsix' : 'dev';
  describe(`Paper Feed in the workbench (${vsix ? 'installed from the packaged .vsix' : 'development folder'})`, () => {
    let session: Session | undefined;

    before(async function () {
      this.timeout(600_000); // the first run installs the test VS Code
      session = await startSession(name, { vsix });
    });

    after(async () => endSession(session));

    it('shows the Paper Feed icon in the activity bar and the sample papers in its tree', async () => {
      const current = session as Session;
      const icon = activityBarItem(current);
      await icon.waitFor({ timeout: 60_000 });
      await icon.click();
      const dino = treeRows(current).filter({ hasText: 'DINOv3' });
      await dino.waitFor({ timeout: 30_000 });
      assert.match(await dino.innerText(), /▲ 7 · Oriane Siméoni et al\./);
      for (const group of ['2025', '2024', '2023']) {
        await current.workbench.page.locator(`.part.sidebar .monaco-list-row[aria-label^="${group}, "]`).waitFor({ timeout: 10_000 });
      }
      assert.ok(await treeRows(current).filter({ hasText: 'Kinetics: Rethinking Test-Time Scaling Laws' }).count() > 0);
      await current.workbench.screenshot(screenshots, `${name}-1-sidebar`);
    });

    it('opens a paper from the tree in the paper panel', async () => {
      const current = session as Session;
      await treeRows(current).filter({ hasText: 'DINOv3' }).click();
      const panel = paperPanel(current);
      await panel.locator('h1', { hasText: 'DINOv3' }).waitFor({ timeout: 30_000 });
      assert.match(await panel.locator('.authors').innerText(), /^Oriane Siméoni, Huy V\. Vo, .* and 16 more$/);
      assert.match(await panel.locator('.abstract').innerText(), /self-supervised learning/i);
      await current.workbench.screenshot(screenshots, `${name}-2-paper`);
    });
  });
}
