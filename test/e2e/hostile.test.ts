/**
 * Paper text that VS Code could read as markup, in every surface of the real workbench that shows
 * it: `$(name)` theme-icon syntax (rendered as icons by QuickPick items and the status bar),
 * `[label](target)` link syntax (turned into links, command: links included, by notifications) and
 * bare URLs (turned into links by tooltips). Each must show as typed, and nothing from a paper may
 * become an icon or a link: the only links are Paper Feed's own.
 */
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import {
  activityBarItem, endSession, type PageElement, paperPanel, quickInput, quickInputClosed, runCommand, screenshots, type Session, showDay,
  startSession, treeRows, typeIntoQuickInput,
} from './workbench';

const DATE = '2024-01-08';
const TITLE = '$(alert) [x](command:workbench.action.quit) $(zap~spin) Icons in Titles https://evil.example/t';
const FIRST_AUTHOR = '$(flame) Ada Lovelace';
const SECOND_AUTHOR = 'Bob $(zap)';
const ABSTRACT = 'Read https://evil.example/abstract or http://evil.example/plain, www.evil.example, <https://evil.example/auto>, '
  + 'a@evil.example, mailto:a@evil.example, [md](https://evil.example/md), command:workbench.action.quit, vscode://evil/x, '
  + 'file:///etc/passwd and javascript:alert(1).';
const KEYWORDS = ['$(alert) keyword', 'https://evil.example/keyword'];

/** Icons a paper's text names: none of them may appear as an icon anywhere. */
function paperIcons(scope: Locator): Locator {
  return scope.locator('.codicon-alert, .codicon-zap, .codicon-flame');
}

/** What a person reads: invisible format characters left out. */
function visible(text: string): string {
  return text.replace(/[\u200B-\u200D\u2060]/g, '');
}

describe('Paper text that looks like icons or links, in the workbench', () => {
  let session: Session | undefined;

  before(async function () {
    this.timeout(600_000);
    session = await startSession('hostile', { vsix: false, online: true });
    const paper = {
      id: '2401.09300', title: TITLE, summary: ABSTRACT, upvotes: 5, ai_keywords: KEYWORDS,
      authors: [{ _id: 'a', name: FIRST_AUTHOR, hidden: false }, { _id: 'b', name: SECOND_AUTHOR, hidden: false }],
      organization: { _id: 'o', name: 'evil-org', fullname: '$(alert) Org' },
      publishedAt: `${DATE}T00:00:00.000Z`, submittedOnDailyAt: `${DATE}T00:00:00.000Z`,
    };
    const added = await fetch(`${session.fake?.url ?? ''}/__papers`, { method: 'POST', body: JSON.stringify([{ paper, title: paper.title, numComments: 0 }]) });
    assert.equal(added.status, 200);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) {
      await session.workbench.screenshot(screenshots, `failed-hostile-${(this.currentTest.title).replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}`);
    }
  });

  after(async () => endSession(session));

  it('shows the paper in the tree as typed, and its tooltip links only to Paper Feed\'s own links', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    await activityBarItem(current).click({ timeout: 60_000 });
    await treeRows(current).first().waitFor({ timeout: 60_000 });
    await showDay(current, DATE);
    const row = treeRows(current).filter({ hasText: 'Icons in Titles' });
    await row.waitFor({ timeout: 30_000 });
    // The upvotes lead the row (they must survive a narrow sidebar); the title follows as typed.
    assert.equal(await row.locator('.label-name').innerText(), `▲5 ${TITLE}`);
    assert.equal(await row.locator('.label-description').innerText(), `${FIRST_AUTHOR} et al.`);
    assert.equal(await paperIcons(row).count(), 0);

    // The tooltip comes after the pointer rests on the row; a redraw of the tree (a refresh landing)
    // starts that wait over, so the pointer leaves and rests again until the tooltip is there.
    const tooltip = page.locator('.monaco-hover .rendered-markdown', { hasText: 'Icons in Titles' });
    for (let attempt = 1; ; attempt++) {
      await page.mouse.move(0, 0);
      await row.hover();
      try {
        await tooltip.waitFor({ timeout: 8_000 });
        break;
      } catch (error) {
        if (attempt >= 4) {
          throw error;
        }
      }
    }
    const text = await tooltip.innerText();
    for (const expected of [TITLE, `${FIRST_AUTHOR}, ${SECOND_AUTHOR}`, ABSTRACT, KEYWORDS.join(' · ')]) {
      assert.ok(text.includes(expected), `the tooltip shows ${JSON.stringify(expected)} as typed:\n${text}`);
    }
    const links = await tooltip.locator('a').evaluateAll((anchors: PageElement[]) => anchors.map((anchor) => ({
      text: anchor.textContent ?? '', target: anchor.getAttribute('data-href') ?? anchor.getAttribute('href') ?? '',
    })));
    assert.deepEqual(links.map((link) => link.text), ['Hugging Face', 'arXiv', 'PDF'], JSON.stringify(links));
    for (const link of links) {
      assert.match(link.target, /^command:paperFeed\.openLink\?/, `${link.text} opens through Paper Feed's link policy`);
    }
    assert.equal(await paperIcons(tooltip).count(), 0);
    await current.workbench.screenshot(screenshots, 'hostile-1-tooltip');
    await page.mouse.move(900, 700);
  });

  it('shows the paper as typed in Search Papers, and in the status bar after Copy Citation', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    await runCommand(current, 'Paper Feed: Search Papers');
    await quickInput(page, 'Search Papers');
    await typeIntoQuickInput(page, 'icons in titles');
    // The first row; the last one offers to search Hugging Face for the typed words.
    const row = page.locator('.quick-input-list .monaco-list-row').first().filter({ hasText: 'Icons in Titles' });
    await row.waitFor({ timeout: 15_000 });
    const labels = row.locator('.label-name');
    assert.equal(await labels.first().innerText(), TITLE);
    assert.equal(await labels.nth(1).innerText(), `${FIRST_AUTHOR}, ${SECOND_AUTHOR}`, 'the detail line: the authors');
    assert.equal(await paperIcons(page.locator('.quick-input-widget')).count(), 0);
    await current.workbench.screenshot(screenshots, 'hostile-2-search');

    // Hugging Face's answer redraws the list (its section below): a click during the redraw is lost,
    // and the picker, which stays open when focus leaves it, would stay in the way of the next tests.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Hugging Face has no other papers' }).waitFor({ timeout: 30_000 });
    await row.hover();
    await row.locator('.action-label[aria-label="Copy Citation…"]').click();
    await (await quickInput(page, 'Copy Citation As')).locator('.quick-input-list .monaco-list-row[aria-label^="BibTeX"]').click();
    await quickInputClosed(page);
    const message = page.locator('.part.statusbar .statusbar-item', { hasText: 'Copied BibTeX for' });
    await message.waitFor({ timeout: 15_000 });
    assert.equal((await message.innerText()).trim(), `Copied BibTeX for “${TITLE.slice(0, 49)}…”`);
    assert.equal(await paperIcons(page.locator('.part.statusbar')).count(), 0);
    await current.workbench.screenshot(screenshots, 'hostile-3-copied');
  });

  it('shows the paper as typed in the panel\'s tab, the Saved view and the status bar after saving', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    const row = treeRows(current).filter({ hasText: 'Icons in Titles' }).first();
    await row.click();
    await paperPanel(current).locator('h1', { hasText: 'Icons in Titles' }).waitFor({ timeout: 30_000 });
    const tab = page.locator('.tabs-container .tab', { hasText: '[x](command:workbench.action.quit)' });
    await tab.waitFor();
    assert.equal(await tab.locator('.label-name').innerText(), `${TITLE.slice(0, 59)}…`);
    assert.equal(await paperIcons(page.locator('.part.editor .title')).count(), 0);

    await row.hover();
    await row.locator('.action-label[aria-label="Save to Reading List"]').click();
    const message = page.locator('.part.statusbar .statusbar-item', { hasText: 'to the reading list' });
    await message.waitFor({ timeout: 15_000 });
    assert.equal((await message.innerText()).trim(), `Saved “${TITLE}” to the reading list.`);
    assert.equal(await paperIcons(page.locator('.part.statusbar')).count(), 0);
    const savedHeader = page.locator('.part.sidebar .pane-header', { hasText: 'Saved' });
    if ((await savedHeader.getAttribute('aria-expanded')) !== 'true') {
      await savedHeader.click();
    }
    const saved = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Saved' }) }).locator('.monaco-list-row', { hasText: 'Icons in Titles' });
    await saved.waitFor({ timeout: 15_000 });
    assert.equal(await saved.locator('.label-name').innerText(), `▲5 ${TITLE}`);
    assert.equal(await paperIcons(page.locator('.part.sidebar')).count(), 0);
    await current.workbench.screenshot(screenshots, 'hostile-4-tab-and-saved');
  });

  it('shows the paper as typed in a notification, with no link made from it', async () => {
    const current = session as Session;
    const page = current.workbench.page;
    // The paper is selected in the tree and open in the panel (above). It has no repository: the
    // command says so, naming the paper.
    await runCommand(current, 'Paper Feed: Clone Repository…');
    await runCommand(current, 'Notifications: Show Notifications');
    const notice = page.locator('.notifications-center .notification-list-item', { hasText: 'No code repository is known for' });
    await notice.waitFor({ timeout: 15_000 });
    const message = notice.locator('.notification-list-item-message');
    assert.equal(visible(await message.innerText()), `No code repository is known for “${TITLE.slice(0, 59)}…”.`);
    assert.equal(await message.locator('a').count(), 0, 'no link from paper text');
    assert.equal(await paperIcons(page.locator('.notifications-center')).count(), 0);
    await current.workbench.screenshot(screenshots, 'hostile-5-notification');
  });
});
