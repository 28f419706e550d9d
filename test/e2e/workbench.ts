/** Shared steps of the UI tests: start code-server, open the workbench, find things in it. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { CodeServer, freePort } from '../support/codeServer';
import type { ArxivOverride } from '../support/fakeArxiv';
import { FakeHf } from '../support/fakeHf';
import { root } from '../support/paths';
import { TEST_NOW } from '../support/testClock';
import { cacheDir, ensureVscode } from '../support/vscodeCache';
import { Workbench, workbenchUrl } from '../support/workbench';

export const screenshots = join(root, 'test-results', 'screenshots');

/**
 * An element of the workbench's page, as far as the tests' callbacks into the page read it: the tests
 * are compiled without the DOM library, so Playwright's element types do not resolve here.
 */
export interface PageElement {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  readonly ownerDocument: { readonly defaultView: unknown };
}

export interface Session {
  readonly server: CodeServer;
  readonly fake?: FakeHf;
  readonly workbench: Workbench;
  readonly workspace: string;
  /** Where Paper Feed clones repositories in this session (`paperFeed.clone.directory`). */
  readonly clones: string;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${String(result.status)})`);
  }
}

/**
 * Starts code-server with Paper Feed: from the development folder, or installed from the packaged
 * .vsix (`vsix: true`), so that what ships is what is tested. `online` points it at the local fake
 * Hugging Face; otherwise at a closed port on loopback (offline: the sample feed).
 */
export async function startSession(name: string, options: { vsix: boolean; online: boolean; arxiv?: Readonly<Record<string, ArxivOverride>> }): Promise<Session> {
  ensureVscode();
  const runDir = join(cacheDir, 'runs', `e2e-${name}`);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const workspace = join(runDir, 'workspace');
  cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  const fake = options.online ? await FakeHf.start() : undefined;
  // What the fake arXiv says about papers, set before the extension starts (it asks about the papers it shows at once).
  fake?.setArxiv(options.arxiv ?? {});
  const endpoint = fake?.url ?? `http://127.0.0.1:${await freePort()}`;
  const clones = join(runDir, 'clones');
  const server = new CodeServer({
    runDir, devMode: !options.vsix,
    // arXiv and DBLP too are the fake's (online) or a refused port (offline): no test reaches the internet.
    env: { PAPER_FEED_NOW: TEST_NOW, HF_ENDPOINT: endpoint, PAPER_FEED_ARXIV_ENDPOINT: endpoint, PAPER_FEED_DBLP_ENDPOINT: endpoint },
    machineSettings: { 'paperFeed.clone.directory': clones },
    userSettings: { 'paperFeed.archive.months': 0 },
  });
  if (options.vsix) {
    run('npm', ['run', '--silent', 'package']);
    server.installExtension(join(root, 'dist', 'paper-feed.vsix'));
  } else {
    run('node', ['esbuild.mjs']);
  }
  await server.start();
  const workbench = await Workbench.launch(join(runDir, 'chromium-profile'));
  const url = options.vsix
    ? `${server.url}/?folder=${encodeURIComponent(workspace)}`
    : workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: root });
  await workbench.open(url);
  return { server, workbench, workspace, clones, ...(fake ? { fake } : {}) };
}

export async function endSession(session: Session | undefined): Promise<void> {
  await session?.workbench.close().catch(() => undefined);
  await session?.server.stop();
  await session?.fake?.close();
}

/** The Paper Feed entry of the activity bar. */
export function activityBarItem(session: Session): Locator {
  return session.workbench.page.locator('.part.activitybar .action-item').filter({
    has: session.workbench.page.locator('[aria-label^="Paper Feed"]'),
  }).or(session.workbench.page.locator('.part.activitybar .action-item[aria-label^="Paper Feed"]')).first();
}

/** Rows of the Papers tree. */
export function treeRows(session: Session): Locator {
  return session.workbench.page.locator('.part.sidebar .monaco-list-row');
}

/** The paper panel's own document (a webview is an iframe inside an iframe). */
export function paperPanel(session: Session): FrameLocator {
  return session.workbench.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/*
 * Quick input. One widget serves the command palette, every QuickPick and every InputBox, and the
 * extension host replaces its content asynchronously: on a loaded machine, typing right after a
 * click can land in the widget that is closing, or be wiped when the next one shows. These helpers
 * act only once the widget is in the state they act on, named by its title, mode or message.
 */

// Checked in the page (strings: this project's TypeScript has no DOM library).
const WIDGET = "document.querySelector('.quick-input-widget')";
const SHOWN = `(${WIDGET} !== null && getComputedStyle(${WIDGET}).display !== 'none')`;
const TEXT = `(${WIDGET}?.querySelector('.quick-input-box input')?.value ?? '')`;

/** Waits until no quick input is shown (the widget stays in the DOM, hidden, once created). */
export async function quickInputClosed(page: Page): Promise<void> {
  await page.waitForFunction(`!${SHOWN}`, undefined, { timeout: 30_000 });
}

/** The quick input once it shows `title` (the title bar of a QuickPick or InputBox). */
export async function quickInput(page: Page, title: string): Promise<Locator> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 30_000 });
  return widget;
}

/** The text box of the quick input. */
export function quickInputBox(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-box input');
}

/**
 * Types `text` into the quick input and waits until the widget holds it: `fill` sets the value at
 * once, which an InputBox that is still being shown would wipe.
 */
export async function typeIntoQuickInput(page: Page, text: string): Promise<void> {
  await quickInputBox(page).fill(text);
  await page.waitForFunction(`${SHOWN} && ${TEXT} === ${JSON.stringify(text)}`, undefined, { timeout: 10_000 });
}

/** Opens the command palette (retrying F1 until it shows: focus may sit in a webview that passes keys on late). */
async function openPalette(page: Page): Promise<void> {
  await quickInputClosed(page);
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await page.waitForFunction(`${SHOWN} && ${TEXT}.startsWith('>')`, undefined, { timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt >= 3) {
        throw error;
      }
    }
  }
}

/** Runs a command from the palette by its title, and waits until the palette has closed. */
export async function runCommand(session: Session, title: string): Promise<void> {
  const page = session.workbench.page;
  await openPalette(page);
  await typeIntoQuickInput(page, `>${title}`);
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first().click();
  // Closed, or replaced by the command's own quick input (whose text is not the palette's).
  await page.waitForFunction(`!${SHOWN} || !${TEXT}.startsWith('>')`, undefined, { timeout: 30_000 });
}

/**
 * Closes every editor, opens the workspace file `name` (Quick Open) and puts the cursor at the end of
 * its line showing `lineText`; returns the editor.
 */
export async function openFileAtLineEnd(session: Session, name: string, lineText: string): Promise<Locator> {
  const page = session.workbench.page;
  await runCommand(session, 'View: Close All Editors');
  await quickInputClosed(page);
  await page.keyboard.press('Control+P');
  await quickInputBox(page).waitFor({ state: 'visible' });
  await typeIntoQuickInput(page, name);
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: name }).first().click();
  await quickInputClosed(page);
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-line', { hasText: lineText }).click();
  await page.keyboard.press('End');
  return editor;
}

/** Clicks an action in the title of the Paper Feed sidebar (shown on hover) by the start of its label. */
export async function clickViewTitleAction(session: Session, label: string): Promise<void> {
  const page = session.workbench.page;
  await quickInputClosed(page);
  await page.locator('.part.sidebar').hover();
  await page.locator(`.part.sidebar .action-label[aria-label^="${label}"]`).first().click();
}

/** The Papers view's header, where its title actions are (the container holds the Saved view too). */
function papersHeader(session: Session): Locator {
  return session.workbench.page.locator('.part.sidebar .pane-header[aria-label^="Papers"]');
}

/** The labels of the Papers view's title actions shown inline (not in its `…` menu). */
export async function papersTitleActions(session: Session): Promise<string[]> {
  await quickInputClosed(session.workbench.page);
  const header = papersHeader(session);
  await header.hover();
  const labels = await header.locator('.actions .action-label').evaluateAll((elements: PageElement[]) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
  return labels.filter((label) => label !== '');
}

/**
 * Opens a menu with `open` and runs its item `label`: the item is hovered until the menu has it
 * focused, then Enter (a click right after the menu opens can be taken for the opening click's own
 * release and ignored); again if the menu is still open.
 */
export async function runFromMenu(page: Page, open: () => Promise<void>, label: string): Promise<void> {
  const menu = page.locator('.context-view .monaco-menu');
  for (let attempt = 1; ; attempt++) {
    await open();
    const item = menu.locator('.action-item:not(.disabled)', { hasText: label }).first();
    await item.hover({ timeout: 15_000 });
    await menu.locator('.action-item.focused', { hasText: label }).waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    try {
      await menu.waitFor({ state: 'hidden', timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt >= 3) {
        throw error;
      }
      await page.keyboard.press('Escape');
    }
  }
}

/** Runs an entry of the Papers view's `…` menu by its label. */
export async function clickPapersMenuItem(session: Session, label: string): Promise<void> {
  const page = session.workbench.page;
  await quickInputClosed(page);
  const header = papersHeader(session);
  await runFromMenu(page, async () => {
    await header.hover();
    await header.locator('.action-label[aria-label^="More Actions"]').click();
  }, label);
}

/** Picks a color theme through the command palette, as a person would. */
export async function setColorTheme(session: Session, name: string): Promise<void> {
  const page = session.workbench.page;
  await runCommand(session, 'Preferences: Color Theme');
  // The theme picker has no title: it is shown once the palette's text is gone from the box.
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor({ timeout: 30_000 });
  await typeIntoQuickInput(page, name);
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: name }).first().click();
  await quickInputClosed(page);
}

/** Picks a day with the calendar button in the view title, as a person would. */
export async function showDay(session: Session, date: string): Promise<void> {
  const page = session.workbench.page;
  await clickViewTitleAction(session, 'Show Papers From');
  const widget = await quickInput(page, 'Show Papers From');
  await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'A day…' }).click();
  // The same title, now an InputBox: its prompt tells it from the list that was just closed.
  await widget.locator('.quick-input-message', { hasText: 'Daily Papers started on 2023-05-04.' }).waitFor({ state: 'visible', timeout: 30_000 });
  await typeIntoQuickInput(page, date);
  await quickInputBox(page).press('Enter');
  await quickInputClosed(page);
}
