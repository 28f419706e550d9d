import * as assert from 'node:assert/strict';
import { isHostToWebview, isWebviewToHost } from '../../src/shared/protocol';

describe('webview protocol', () => {
  it('accepts only well-formed messages from the webview', () => {
    assert.ok(isWebviewToHost({ type: 'ready' }));
    for (const bad of [null, 'ready', { type: 'ready', extra: 1 }, { type: 'openLink', url: 'https://x' }, [], { type: 1 }]) {
      assert.equal(isWebviewToHost(bad), false, JSON.stringify(bad));
    }
  });

  it('checks the shape of messages to the webview', () => {
    assert.ok(isHostToWebview({ type: 'showPaper', paper: { id: '1', title: 't', authors: [], abstractParagraphs: [] } }));
    assert.equal(isHostToWebview({ type: 'showPaper', paper: { id: '1' } }), false);
    assert.equal(isHostToWebview({ type: 'showPaper' }), false);
  });
});
