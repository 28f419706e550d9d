/**
 * Where the paper panel leads, in the real host: its keyword chips and authors open Search Papers,
 * URLs in its text open only through the link policy, and a repository in the abstract is cloned
 * only if the paper's own abstract links it. Messages are sent as the page would send them.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { GitServer } from '../../support/gitServer';
import { panelCsp } from '../../../src/host/panel/panelHtml';
import type { Paper } from '../../../src/core/paper/model';
import type { TextRun } from '../../../src/shared/protocol';
import { closeAllEditors, paperFeed, recordLinks, waitFor, webviewTabs } from '../helpers';

const fakeHf = process.env.PAPER_FEED_FAKE_HF as string;
const ENV_HARNESS = '2608.19880';
/** A paper of the corpus with no code repository, whose abstract links one on GitHub. */
const LIGHTMEM = '2607.11487';
/** Made up here: its abstract links a repository on the loopback git server. */
const LOOPBACK = '2401.09420';

async function openPanel(id: string): Promise<void> {
  const { testing } = await paperFeed();
  await vscode.commands.executeCommand('paperFeed.openPaper', id);
  await waitFor(`the panel showing ${id}`, () => (webviewTabs('paperFeed.paper')[0] && testing.panel.sentToActive('showPaper')?.paper.id === id ? true : undefined));
}

/** The Search Papers picker once it lists the results for `value`. */
async function searchShown(value: string): Promise<vscode.QuickPick<vscode.QuickPickItem & { paper?: { id: string } }>> {
  const { testing } = await paperFeed();
  return waitFor(`Search Papers for ${value}`, () => {
    const picker = testing.searchPickers.current;
    return picker && picker.value === value && testing.searchPickers.itemsFor === value ? picker : undefined;
  });
}

async function linkRuns(): Promise<TextRun[]> {
  const { testing } = await paperFeed();
  const shown = testing.panel.sentToActive('showPaper');
  return [...(shown?.paper.aiSummary ?? []), ...(shown?.paper.abstractParagraphs.flat() ?? [])].filter((run) => run.url !== undefined);
}

describe('where the paper panel leads', function () {
  this.timeout(60_000);
  const opened: string[] = [];
  const asked: string[] = [];
  let git: GitServer;
  let parent: string;
  let repoUrl: string;
  const cloned: string[] = [];
  let afterClone: ((folder: string, message: string) => void) | undefined;

  before(async () => {
    const { testing } = await paperFeed();
    await recordLinks(opened, asked);
    git = await GitServer.start();
    repoUrl = git.createRepo('abstract-model', { 'model.py': 'print("from the abstract")\n' });
    const summary = `We release everything. Code: ${repoUrl}. Paper page: https://huggingface.co/papers/${LOOPBACK}; `
      + 'more at https://evil.example/more, and javascript:alert(1) is not a link.';
    const paper = {
      id: LOOPBACK, title: 'Abstract Model: a Repository in the Abstract', summary, upvotes: 1,
      authors: [{ _id: 'a', name: 'Ada "Quote" Lovelace', hidden: false }],
      publishedAt: '2024-01-05T00:00:00.000Z', submittedOnDailyAt: '2024-01-05T00:00:00.000Z',
    };
    const added = await fetch(`${fakeHf}/__papers`, { method: 'POST', body: JSON.stringify([{ paper, title: paper.title, numComments: 1 }]) });
    assert.equal(added.status, 200);
    parent = mkdtempSync(join(tmpdir(), 'paper-feed-abstract-clones-'));
    await vscode.workspace.getConfiguration('paperFeed.clone').update('directory', parent, vscode.ConfigurationTarget.Global);
    afterClone = testing.clonePrompts.afterClone;
    testing.clonePrompts.afterClone = (folder) => {
      cloned.push(folder);
    };
  });

  beforeEach(() => {
    opened.length = 0;
    asked.length = 0;
  });

  afterEach(async () => {
    const { testing } = await paperFeed();
    testing.searchPickers.current?.hide();
    await closeAllEditors();
  });

  after(async () => {
    const { testing } = await paperFeed();
    if (afterClone) {
      testing.clonePrompts.afterClone = afterClone;
    }
    await vscode.workspace.getConfiguration('paperFeed.clone').update('directory', undefined, vscode.ConfigurationTarget.Global);
    await git.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it('a keyword chip opens Search Papers for that keyword, with results', async () => {
    const { testing } = await paperFeed();
    await openPanel(ENV_HARNESS);
    await testing.panel.receiveFromActive({ type: 'search', field: 'keyword', value: 'reinforcement learning', paperId: ENV_HARNESS });
    const picker = await searchShown('reinforcement learning');
    assert.equal(picker.title, 'Search Papers');
    assert.ok(picker.items.filter((item) => item.paper).length > 5, picker.items.map((item) => item.label).join(' | '));
  });

  it('an author\'s name opens Search Papers for author:"…", listing their paper', async () => {
    const { testing } = await paperFeed();
    await openPanel(ENV_HARNESS);
    await testing.panel.receiveFromActive({ type: 'search', field: 'author', value: 'Chengsong Huang', paperId: ENV_HARNESS });
    const picker = await searchShown('author:"Chengsong Huang"');
    assert.ok(picker.items.some((item) => item.paper?.id === ENV_HARNESS), picker.items.map((item) => item.label).join(' | '));
  });

  it('quotes a name with quotes in it so that it stays one author filter', async () => {
    const api = await paperFeed();
    await openPanel(LOOPBACK);
    // A paper fetched by id is not in the search index by itself: index it, as a search that found it would.
    api.testing.search.addFound([api.getPaper(LOOPBACK) as Paper]);
    await api.testing.panel.receiveFromActive({ type: 'search', field: 'author', value: 'Ada "Quote" Lovelace', paperId: LOOPBACK });
    const picker = await searchShown('author:"Ada Quote Lovelace"');
    await waitFor('the paper by that author listed, alone', () => {
      const ids = picker.items.filter((item) => item.paper).map((item) => item.paper?.id);
      return ids.length === 1 && ids[0] === LOOPBACK ? true : undefined;
    });
  });

  it('refuses a search for a keyword or an author the paper does not have, or for the paper it showed before', async () => {
    const { testing } = await paperFeed();
    await openPanel(ENV_HARNESS);
    const before = testing.panel.rejected.length;
    await testing.panel.receiveFromActive({ type: 'search', field: 'keyword', value: 'has:code topic:agents', paperId: ENV_HARNESS });
    await testing.panel.receiveFromActive({ type: 'search', field: 'author', value: 'Somebody Else', paperId: ENV_HARNESS });
    await testing.panel.receiveFromActive({ type: 'search', query: 'anything' });
    assert.equal(testing.panel.rejected.length, before + 3);
    assert.match(testing.panel.rejected.at(-3) ?? '', /^a search for keyword "has:code topic:agents", which 2608\.19880 does not have/);
    await testing.panel.receiveFromActive({ type: 'search', field: 'keyword', value: 'EnvHarness', paperId: LIGHTMEM });
    assert.equal(testing.searchPickers.current, undefined, 'no search opened');
  });

  it('shows the URLs of the abstract as links that open only through the link policy', async () => {
    const { testing } = await paperFeed();
    await openPanel(LOOPBACK);
    assert.deepEqual((await linkRuns()).map((run) => run.url), [repoUrl, `https://huggingface.co/papers/${LOOPBACK}`, 'https://evil.example/more']);
    await testing.panel.receiveFromActive({ type: 'openLink', url: `https://huggingface.co/papers/${LOOPBACK}` });
    await testing.panel.receiveFromActive({ type: 'openLink', url: 'https://evil.example/more' });
    assert.deepEqual(opened, [`https://huggingface.co/papers/${LOOPBACK}`], 'a trusted host opens');
    assert.deepEqual(asked, ['evil.example'], 'another host is asked about first (and the test says no)');
    const before = testing.panel.rejected.length;
    await testing.panel.receiveFromActive({ type: 'openLink', url: 'javascript:alert(1)' });
    await testing.panel.receiveFromActive({ type: 'openLink', url: 'https://evil.example/not-in-the-abstract' });
    assert.equal(testing.panel.rejected.length, before + 2);
    assert.deepEqual(opened, [`https://huggingface.co/papers/${LOOPBACK}`]);
  });

  it('offers Clone beside a repository the abstract links, and not beside other links', async () => {
    await openPanel(LIGHTMEM);
    const runs = await linkRuns();
    assert.deepEqual(runs.filter((run) => run.clone).map((run) => run.url), ['https://github.com/zjunlp/LightMem-Ego']);
    await openPanel(ENV_HARNESS);
    assert.deepEqual((await linkRuns()).filter((run) => run.clone), [], 'no repository in its abstract');
  });

  it('refuses to clone a URL the paper\'s abstract does not link, from the panel or the command', async () => {
    const { testing } = await paperFeed();
    await openPanel(LOOPBACK);
    const before = testing.panel.rejected.length;
    const forged = `${git.url}/../abstract-model.git`;
    for (const url of [`${git.url}/other-model.git`, forged, 'https://github.com/evil/repo', 'https://github.com/zjunlp/LightMem-Ego']) {
      await testing.panel.receiveFromActive({ type: 'cloneUrl', url, paperId: LOOPBACK });
    }
    await testing.panel.receiveFromActive({ type: 'cloneUrl', url: repoUrl, paperId: LIGHTMEM });
    assert.equal(testing.panel.rejected.length, before + 4);
    assert.match(testing.panel.rejected.at(-1) ?? '', new RegExp(`^a clone of a repository the abstract of ${LOOPBACK.replace('.', '\\.')} does not offer: "https://github\\.com/zjunlp`));
    assert.equal(await vscode.commands.executeCommand('paperFeed.cloneRepository', LOOPBACK, `${git.url}/other-model.git`), undefined);
    assert.deepEqual(cloned, []);
    assert.ok(!existsSync(join(parent, 'other-model')) && !existsSync(join(parent, 'abstract-model')), 'nothing cloned');
  });

  it('clones the repository the abstract links with the clone command, from the panel\'s message', async () => {
    const { testing } = await paperFeed();
    await openPanel(LOOPBACK);
    assert.deepEqual((await linkRuns()).filter((run) => run.clone).map((run) => run.url), [repoUrl]);
    await testing.panel.receiveFromActive({ type: 'cloneUrl', url: repoUrl, paperId: LOOPBACK });
    assert.deepEqual(cloned, [join(parent, 'abstract-model')]);
    assert.equal(readFileSync(join(parent, 'abstract-model', 'model.py'), 'utf8'), 'print("from the abstract")\n');
    assert.equal(testing.cloner.clonedFolder(LOOPBACK), join(parent, 'abstract-model'));
  });

  it('keeps remembering the paper\'s own clone after a clone of a repository its abstract links', async () => {
    const { testing } = await paperFeed();
    const id = '2401.09421';
    const own = git.createRepo('own-model', { 'own.py': 'print("its own")\n' });
    const linked = git.createRepo('linked-model', { 'linked.py': 'print("linked")\n' });
    const paper = {
      id, title: 'Own Model: a Repository of Its Own and One in the Abstract', summary: `We build on ${linked}.`, upvotes: 1, githubRepo: own,
      authors: [{ _id: 'a', name: 'Grace Hopper', hidden: false }], publishedAt: '2024-01-05T00:00:00.000Z', submittedOnDailyAt: '2024-01-05T00:00:00.000Z',
    };
    assert.equal((await fetch(`${fakeHf}/__papers`, { method: 'POST', body: JSON.stringify([{ paper, title: paper.title, numComments: 0 }]) })).status, 200);
    await vscode.commands.executeCommand('paperFeed.cloneRepository', id);
    assert.equal(testing.cloner.clonedFolder(id), join(parent, 'own-model'));
    await openPanel(id);
    await testing.panel.receiveFromActive({ type: 'cloneUrl', url: linked, paperId: id });
    await waitFor('the linked clone', () => (cloned.includes(join(parent, 'linked-model')) ? true : undefined));
    // Before, the clone from the abstract replaced the paper's own: Open Clone opened the other repository.
    assert.equal(testing.cloner.clonedFolder(id), join(parent, 'own-model'));
  });

  it('sends the thumbnail only from Hugging Face\'s thumbnail CDN, which the panel\'s CSP allows', async () => {
    const { testing } = await paperFeed();
    await openPanel(ENV_HARNESS);
    const thumbnail = testing.panel.sentToActive('showPaper')?.paper.thumbnail ?? '';
    assert.equal(thumbnail, `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${ENV_HARNESS}.png`);
    assert.match(panelCsp('vscode-resource:', 'n'), /(^|; )img-src [^;]*https:\/\/cdn-thumbnails\.huggingface\.co( |;|$)/);
    await openPanel(LOOPBACK);
    assert.equal(testing.panel.sentToActive('showPaper')?.paper.thumbnail, undefined, 'a paper without one has none');
  });
});
