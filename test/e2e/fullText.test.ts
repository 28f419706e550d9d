/**
 * Read Full Text, clicked in the real workbench: the panel's Full Text button opens the paper's
 * Markdown (served by the fake Hugging Face in the real answers' shape) in VS Code's Markdown
 * preview, where the paper's heading and a formula (KaTeX, from the `$…$` Paper Feed writes)
 * render. The screenshot is the README's (media/readme/fulltext.png).
 */
import * as assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { activityBarItem, endSession, paperPanel, screenshots, type Session, startSession, treeRows } from './workbench';

const ID = '2608.19880';
const TITLE = 'EnvHarness: Awakening Static Worlds for Agent Learning';

const ANSWER = [
  `Title: ${TITLE}`, '', `URL Source: https://arxiv.org/html/${ID}v1`, '', 'Markdown Content:',
  TITLE, '===============', '',
  '###### Abstract', '', 'We turn static worlds into environments where agents learn by acting.', '',
  '1 Introduction', '--------------', '',
  'Agents need worlds to act in, and building them by hand is slow.', '',
  '2 Method', '--------', '',
  'Each candidate x∈𝒳 x\\in\\mathcal{X} is scored by how long an agent survives.', '',
  'E(x)→(s(x),a(x)),E(x)\\rightarrow\\bigl(s(x),\\,a(x)\\bigr),', '',
].join('\n');

/** The frame of the Markdown preview once it shows the paper's heading and a rendered formula. */
async function previewFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    for (const frame of page.frames()) {
      const ready = await frame.evaluate(`(() => {
        const heading = document.querySelector('h1');
        return !!heading && heading.textContent.includes('EnvHarness') && document.querySelector('.katex') !== null;
      })()`).catch(() => false);
      if (ready === true) {
        return frame;
      }
    }
    assert.ok(Date.now() < deadline, 'no Markdown preview with the paper’s heading and a formula');
    await page.waitForTimeout(250);
  }
}

describe('Read Full Text, in the workbench', () => {
  let session: Session | undefined;

  before(async function () {
    this.timeout(600_000);
    session = await startSession('fulltext', { vsix: false, online: true });
    session.fake?.setFullText({ [ID]: { body: ANSWER } });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) {
      await session.workbench.screenshot(screenshots, `failed-fulltext-${(this.currentTest.title).replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}`);
    }
  });

  after(async () => endSession(session));

  it('opens from the panel and renders the paper’s heading and a formula in the Markdown preview', async () => {
    const current = session as Session;
    await activityBarItem(current).click({ timeout: 60_000 });
    const row = treeRows(current).filter({ hasText: 'EnvHarness: Awakening Static Worlds' });
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    const panel = paperPanel(current);
    await panel.locator('h1', { hasText: 'EnvHarness' }).waitFor({ timeout: 30_000 });
    await panel.locator('button', { hasText: 'Full Text' }).click();
    const frame = await previewFrame(current.workbench.page);
    // The sections as headings, the formula as KaTeX's markup (not the LaTeX source as text).
    const headings = await frame.evaluate<string[]>(`[...document.querySelectorAll('h2, h3')].map((each) => each.textContent.trim())`);
    assert.ok(headings.some((text) => text.includes('1 Introduction')), headings.join(' | '));
    assert.ok(headings.some((text) => text.includes('2 Method')), headings.join(' | '));
    const math = await frame.evaluate<number>(`document.querySelectorAll('.katex').length`);
    assert.ok(math >= 1, 'a formula rendered');
    const body = await frame.evaluate<string>('document.body.innerText');
    assert.doesNotMatch(body, /\\mathcal\{X\}/, 'no LaTeX source left as text');
    // The tab is titled with the paper.
    await current.workbench.page.locator('.tabs-container .tab', { hasText: 'EnvHarness' }).first().waitFor({ timeout: 30_000 });
    await current.workbench.screenshot(screenshots, 'fulltext-preview');
  });
});
