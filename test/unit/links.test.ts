import * as assert from 'node:assert/strict';
import { decideLink } from '../../src/core/paper/linkPolicy';

describe('link policy', () => {
  const paper = { projectPage: 'https://envharness.com/' };

  it('opens https links to arXiv, Hugging Face, GitHub and the paper project page', () => {
    for (const url of [
      'https://arxiv.org/abs/2608.19880', 'https://www.arxiv.org/pdf/2608.19880', 'https://huggingface.co/papers/2608.19880',
      'https://github.com/google-research/envharness', 'https://envharness.com/demo', 'https://cdn-uploads.huggingface.co/x.png',
    ]) {
      assert.equal(decideLink(url, paper).action, 'open', url);
    }
  });

  it('asks before other https hosts, including look-alikes', () => {
    for (const url of ['https://example.com/', 'https://github.com.evil.example/x', 'https://evilarxiv.org/abs/1', 'https://envharness.com.evil.example/']) {
      const decision = decideLink(url, paper);
      assert.equal(decision.action, 'ask', url);
    }
    assert.deepEqual(decideLink('https://Example.com/a', paper), { action: 'ask', url: 'https://example.com/a', host: 'example.com' });
  });

  it('never opens anything but https, nor credentials, nor junk', () => {
    for (const url of [
      'javascript:alert(1)', 'http://arxiv.org/abs/1', 'file:///etc/passwd', 'data:text/html,<script>', 'vscode://settings',
      'command:workbench.action.terminal.new', 'https://user:pw@github.com/x', 'not a url', '', 42, null, `https://github.com/${'a'.repeat(3_000)}`,
    ]) {
      assert.equal(decideLink(url, paper).action, 'reject', String(url).slice(0, 40));
    }
  });

  it('does not trust an http project page', () => {
    assert.equal(decideLink('https://insecure.example/', { projectPage: 'http://insecure.example/' }).action, 'ask');
  });
});
