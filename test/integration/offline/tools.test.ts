/** The language model tools with no network: they answer from what Paper Feed has, and say what they cannot know. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { paperFeed } from '../helpers';

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

describe('language model tools offline', () => {
  before(async () => {
    const { testing } = await paperFeed();
    await testing.loaded;
  });

  it('searches and reads the papers at hand, and says the linked repos are not known', async () => {
    const found = await invoke('paperFeed_searchPapers', { query: 'dinov3', limit: 3 });
    assert.match(found, /^1\. arXiv:2508\.10104 · /m);
    const record = await invoke('paperFeed_getPaper', { id: 'arXiv:2508.10104v1' });
    assert.match(record, /^arXiv:2508\.10104 · /);
    assert.match(record, /\nLinked Hugging Face models, datasets and Spaces: not known \(Hugging Face could not be asked: .+\)\.\n/);
    assert.match(record, /\nTitle: DINOv3/);
  });

  it('says what it cannot know offline, in its result', async () => {
    assert.match(await invoke('paperFeed_getPaper', { id: '2699.99999' }), /^arXiv:2699\.99999 is not in Paper Feed's cache, and Hugging Face could not be asked \(.+\)\.$/);
    assert.match(await invoke('paperFeed_listFeed', { window: 'week' }), /^Paper Feed has no cached papers for week\./);
  });
});
