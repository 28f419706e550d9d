import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, paperFeed, waitFor, webviewTabs } from '../helpers';

describe('commands', () => {
  afterEach(closeAllEditors);

  it('registers every command of the manifest with VS Code', async () => {
    await paperFeed();
    const registered = new Set(await vscode.commands.getCommands(true));
    const manifest = vscode.extensions.getExtension('paper-feed.paper-feed')?.packageJSON as { contributes: { commands: { command: string }[] } };
    for (const { command } of manifest.contributes.commands) {
      assert.ok(registered.has(command), `${command} is not registered`);
    }
  });

  it('paperFeed.openPaper opens the paper panel for an arXiv id', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.openPaper', '2508.10104');
    const tab = await waitFor('the paper panel', () => webviewTabs('paperFeed.paper')[0]);
    assert.equal(tab.label, 'DINOv3');
    assert.equal(testing.panel.paper?.id, '2508.10104');
  });

  it('paperFeed.openPaper takes an arXiv or Hugging Face URL and reuses the one panel', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.openPaper', 'https://arxiv.org/abs/2506.05333v2');
    await waitFor('the first paper', () => webviewTabs('paperFeed.paper').find((tab) => tab.label.startsWith('Kinetics')));
    await vscode.commands.executeCommand('paperFeed.openPaper', 'https://huggingface.co/papers/2303.01566');
    await waitFor('the second paper', () => webviewTabs('paperFeed.paper').find((tab) => tab.label.startsWith('On the Provable')));
    assert.equal(webviewTabs('paperFeed.paper').length, 1);
    assert.equal(testing.panel.paper?.id, '2303.01566');
  });

  it('paperFeed.openPaper with an unknown or malformed id opens nothing and does not throw', async () => {
    await paperFeed();
    await vscode.commands.executeCommand('paperFeed.openPaper', '2501.99999');
    await vscode.commands.executeCommand('paperFeed.openPaper', 'not a paper');
    assert.equal(webviewTabs('paperFeed.paper').length, 0);
  });

  it('the API finds papers by id, with or without a version, and hands out frozen objects', async () => {
    const api = await paperFeed();
    assert.equal(api.listPapers().length, 29);
    assert.equal(api.getPaper('arXiv:2508.10104v2')?.title, 'DINOv3');
    assert.equal(api.getPaper('nope'), undefined);
    const paper = api.getPaper('2508.10104');
    assert.ok(paper && Object.isFrozen(paper) && Object.isFrozen(paper.authors));
  });

  it('activates cheaply in the real extension host', async () => {
    const { testing } = await paperFeed();
    console.log(`      activate() took ${testing.activationMs.toFixed(1)} ms in this extension host`);
    assert.ok(testing.activationMs > 0);
  });
});
