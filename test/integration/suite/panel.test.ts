/** The paper panel in the real host: content, the typed protocol's validation, links and buttons. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, paperFeed, recordLinks, waitFor, webviewTabs } from '../helpers';

const ENV_HARNESS = '2608.19880';

describe('paper panel', () => {
  const opened: string[] = [];
  const asked: string[] = [];

  before(async () => {
    await recordLinks(opened, asked);
  });

  beforeEach(() => {
    opened.length = 0;
    asked.length = 0;
  });

  afterEach(closeAllEditors);

  it('opens with the paper and its title, from an id', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.openPaper', ENV_HARNESS);
    const tab = await waitFor('the panel', () => webviewTabs('paperFeed.paper')[0]);
    assert.equal(tab.label, 'EnvHarness: Awakening Static Worlds for Agent Learning');
    assert.equal(testing.panel.paper?.id, ENV_HARNESS);
  });

  it('gives the page its words with the paper, localised by the host', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.openPaper', ENV_HARNESS);
    const shown = await waitFor('the paper sent to the panel', () => testing.panel.sentToActive('showPaper'));
    assert.equal(shown.paper.id, ENV_HARNESS);
    assert.equal(shown.labels.insertCitation, 'Insert citation');
    assert.equal(shown.labels.pdfHint, 'Open the PDF');
    assert.equal(shown.labels.moreAuthors, 'and {0} more', 'the count is left for the page to fill in');
    assert.ok(Object.values(shown.labels).every((label) => label.length > 0), JSON.stringify(shown.labels));
  });

  it('rejects and logs forged messages: unknown types, extra keys, commands it does not know', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.openPaper', ENV_HARNESS);
    await waitFor('the panel', () => webviewTabs('paperFeed.paper')[0]);
    const before = testing.panel.rejected.length;
    for (const forged of [
      { type: 'eval', code: 'require("child_process")' },
      { type: 'run', command: 'workbench.action.terminal.new' },
      { type: 'ready', extra: true },
      'ready',
    ]) {
      await testing.panel.receiveFromActive(forged);
    }
    assert.equal(testing.panel.rejected.length, before + 4);
    assert.match(testing.panel.rejected.at(-4) ?? '', /^an unknown message \{"type":"eval"/);
    assert.deepEqual(opened, []);
  });

  it('refuses a javascript: link and any link the panel was not given', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.openPaper', ENV_HARNESS);
    await waitFor('the panel', () => webviewTabs('paperFeed.paper')[0]);
    const before = testing.panel.rejected.length;
    await testing.panel.receiveFromActive({ type: 'openLink', url: 'javascript:fetch("http://127.0.0.1/steal")' });
    await testing.panel.receiveFromActive({ type: 'openLink', url: 'https://evil.example/phish' });
    assert.equal(testing.panel.rejected.length, before + 2);
    assert.match(testing.panel.rejected.at(-2) ?? '', /^a link the panel was not given: "javascript:/);
    assert.deepEqual(opened, []);
    assert.deepEqual(asked, []);
  });

  it('opens the repository and the project page it shows, and runs its buttons as commands', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.openPaper', ENV_HARNESS);
    await waitFor('the panel', () => webviewTabs('paperFeed.paper')[0]);
    await testing.panel.receiveFromActive({ type: 'openLink', url: 'https://github.com/google-research/envharness' });
    await testing.panel.receiveFromActive({ type: 'openLink', url: 'https://envharness.com/' });
    await testing.panel.receiveFromActive({ type: 'run', command: 'openOnArxiv', paperId: ENV_HARNESS });
    await testing.panel.receiveFromActive({ type: 'run', command: 'openPdf', paperId: ENV_HARNESS });
    await testing.panel.receiveFromActive({ type: 'run', command: 'openOnHuggingFace', paperId: ENV_HARNESS });
    assert.deepEqual(opened, [
      'https://github.com/google-research/envharness',
      'https://envharness.com/',
      `https://arxiv.org/abs/${ENV_HARNESS}`,
      `https://arxiv.org/pdf/${ENV_HARNESS}`,
      `https://huggingface.co/papers/${ENV_HARNESS}`,
    ]);
  });

  it('shows the published version and arXiv\'s record it is given, and opens their DOI links only through the link policy', async () => {
    const api = await paperFeed();
    const paper = api.getPaper(ENV_HARNESS);
    assert.ok(paper);
    const doi = '10.52202/079017-0001';
    // Under a made-up id that the fake arXiv does not know, so that its answer (the panel asks about the
    // papers it shows) cannot replace what this test gives the panel; and with words of its own, since the
    // panel's Similar papers put the paper into the search index, where later tests look for EnvHarness.
    api.testing.panel.show({
      ...paper,
      id: '2401.09422',
      title: 'A Made-Up Paper with a Published Version',
      abstract: 'Made up by the panel test: a venue and a record of arXiv for the panel to show.',
      aiSummary: undefined,
      aiKeywords: undefined,
      arxiv: { categories: ['cs.AI', 'cs.LG'], version: 2, versionDate: '2026-08-25', comment: 'See [run](command:workbench.action.quit)', doi: '10.1145/3580305.3599256' },
      publication: { kind: 'conference', venue: 'Advances in Neural Information Processing Systems', venueShort: 'NeurIPS', year: '2026', doi, source: 'dblp' },
    });
    const shown = await waitFor('the enriched paper sent to the panel', () => {
      const message = api.testing.panel.sentToActive('showPaper');
      return message?.paper.published ? message : undefined;
    });
    assert.equal(shown.paper.published?.venue, 'Advances in Neural Information Processing Systems (NeurIPS) 2026');
    assert.equal(shown.paper.arxiv?.updated, 'Aug 25, 2026', 'the date in the display language');
    assert.equal(shown.paper.arxiv?.comment, 'See [run](command:workbench.action.quit)', 'text, for the page to show as text');
    assert.equal(shown.labels.publishedIn, 'Published in {0}');
    assert.equal(shown.labels.viaDblp, 'via DBLP');
    const before = api.testing.panel.rejected.length;
    await api.testing.panel.receiveFromActive({ type: 'openLink', url: `https://doi.org/${doi}` });
    await api.testing.panel.receiveFromActive({ type: 'openLink', url: 'https://doi.org/10.1145/3580305.3599256' });
    assert.deepEqual(asked, ['doi.org', 'doi.org'], 'doi.org is not a host the policy opens unasked');
    await api.testing.panel.receiveFromActive({ type: 'openLink', url: 'https://doi.org/10.9999/not-this-papers' });
    assert.equal(api.testing.panel.rejected.length, before + 1, 'a DOI link the host did not make from the paper');
    assert.deepEqual(opened, []);
  });

  it('ignores a button click meant for the paper it showed before (a click racing a re-render)', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.openPaper', ENV_HARNESS);
    await waitFor('the panel', () => webviewTabs('paperFeed.paper')[0]);
    const other = testing.feed.cache.heldPapers().find((entry) => entry.paper.id !== ENV_HARNESS)?.paper.id as string;
    await vscode.commands.executeCommand('paperFeed.openPaper', other);
    assert.equal(testing.panel.paper?.id, other, 'the same panel now shows another paper');
    assert.equal(webviewTabs('paperFeed.paper').length, 1);
    await testing.panel.receiveFromActive({ type: 'run', command: 'openOnArxiv', paperId: ENV_HARNESS });
    assert.deepEqual(opened, [], 'the click for the paper shown before acts on nothing');
    await testing.panel.receiveFromActive({ type: 'run', command: 'openOnArxiv', paperId: other });
    assert.deepEqual(opened, [`https://arxiv.org/abs/${other}`], 'a click for the paper shown acts on it');
  });

  it('lists linked Hugging Face repositories, fetched lazily, whose links then open', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.openPaper', ENV_HARNESS);
    const space = 'https://huggingface.co/spaces/google/envharness-demo';
    await waitFor('the linked Space to be openable', async () => {
      await testing.panel.receiveFromActive({ type: 'openLink', url: space });
      return opened.includes(space) ? true : undefined;
    });
  });

  it('the browser commands take an arXiv id from the palette or the tree', async () => {
    await vscode.commands.executeCommand('paperFeed.openOnArxiv', '2608.19880v2');
    assert.deepEqual(opened, ['https://arxiv.org/abs/2608.19880']);
  });

  it('opens a paper Paper Feed has not seen by asking Hugging Face, and keeps it', async () => {
    const api = await paperFeed();
    assert.equal(api.getPaper('2405.15738'), undefined, 'not seen yet');
    await vscode.commands.executeCommand('paperFeed.openPaper', 'https://arxiv.org/abs/2405.15738v1');
    const tab = await waitFor('the panel', () => webviewTabs('paperFeed.paper')[0]);
    assert.equal(tab.label, 'ConvLLaVA: Hierarchical Backbones as Visual Encoder for Lar…', 'long titles are shortened in the tab');
    assert.equal(api.testing.panel.paper?.title, 'ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models');
    assert.equal(api.getPaper('2405.15738')?.authors[0]?.name, 'Chunjiang Ge');
    assert.ok((await api.testing.feed.cache.read(['2405.15738'])).has('2405.15738'), 'kept in the cache');
  });

  it('says so when Hugging Face has no such paper, and opens nothing', async () => {
    await vscode.commands.executeCommand('paperFeed.openPaper', '2501.99999');
    assert.equal(webviewTabs('paperFeed.paper').length, 0);
  });

  it('opens a panel per paper when paperFeed.panel.reuse is off', async () => {
    const config = vscode.workspace.getConfiguration('paperFeed');
    await config.update('panel.reuse', false, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('paperFeed.openPaper', ENV_HARNESS);
      const { testing } = await paperFeed();
      const other = testing.feed.cache.heldPapers().find((entry) => entry.paper.id !== ENV_HARNESS)?.paper.id as string;
      await vscode.commands.executeCommand('paperFeed.openPaper', other);
      await vscode.commands.executeCommand('paperFeed.openPaper', ENV_HARNESS);
      await waitFor('two panels', () => (webviewTabs('paperFeed.paper').length === 2 ? true : undefined));
    } finally {
      await config.update('panel.reuse', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
