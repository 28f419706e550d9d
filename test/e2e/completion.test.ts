/**
 * Citing as you write, typed in the real workbench: `\cite{dino` in a .tex file shows the completion
 * widget with the sample feed's DINOv3; Enter inserts its key and adds its entry to the .bib.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { endSession, quickInputBox, quickInputClosed, runCommand, screenshots, type Session, startSession, typeIntoQuickInput } from './workbench';

const DINO = '2508.10104';
const KEY = 'simeoni2025dinov3';

/** Polls `check` until it holds, or fails after `timeoutMs` (the file is written by the extension host). */
async function eventually(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('citation completion in the workbench (offline: the sample feed)', () => {
  let session: Session | undefined;

  before(async function () {
    this.timeout(600_000); // the first run installs the test VS Code
    session = await startSession('completion', { vsix: false, online: false });
  });

  after(async () => {
    await endSession(session);
  });

  it('typing \\cite{dino in a .tex file offers DINOv3; Enter inserts its key and adds its .bib entry', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    await runCommand(current, 'View: Close All Editors');
    await quickInputClosed(page);
    await page.keyboard.press('Control+P');
    await quickInputBox(page).waitFor({ state: 'visible' });
    await typeIntoQuickInput(page, 'paper.tex');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'paper.tex' }).first().click();
    await quickInputClosed(page);
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: 'Self-supervised features keep improving.' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' \\cite{dino', { delay: 60 });

    const widget = page.locator('.editor-widget.suggest-widget');
    const row = widget.locator('.monaco-list-row', { hasText: KEY });
    await row.first().waitFor({ state: 'visible', timeout: 30_000 });
    // The focused row is the one Enter accepts: move to DINOv3 if the list put another first.
    for (let step = 0; step < 10 && !(await widget.locator('.monaco-list-row.focused', { hasText: KEY }).count()); step++) {
      await page.keyboard.press('ArrowDown');
    }
    await widget.locator('.monaco-list-row.focused', { hasText: KEY }).waitFor({ timeout: 5_000 });
    await current.workbench.screenshot(screenshots, 'completion-1-widget');
    await page.keyboard.press('Enter');

    await editor.locator('.view-line', { hasText: `improving. \\cite{${KEY}` }).waitFor({ timeout: 15_000 });
    assert.equal(await editor.locator('.view-line', { hasText: 'cite{dino' }).count(), 0, 'the typed text is replaced by the key');
    const bibPath = join(current.workspace, 'references.bib');
    await eventually('the DINOv3 entry in references.bib', () => readFileSync(bibPath, 'utf8').includes(`eprint = {${DINO}}`));
    const bib = readFileSync(bibPath, 'utf8');
    assert.match(bib, /^@misc\{vaswani2017attention,/, 'the existing entry stays first, untouched');
    assert.equal(bib.split(`eprint = {${DINO}}`).length - 1, 1);
    assert.match(bib, new RegExp(`@misc\\{${KEY},`));
    await current.workbench.screenshot(screenshots, 'completion-2-accepted');
  });
});
