import * as assert from 'node:assert/strict';
import { DEFAULT_ENDPOINT, mayReceiveToken, resolveEndpoint } from '../../src/core/feed/endpoint';

describe('endpoint', () => {
  const warnings: string[] = [];
  const resolve = (configured?: string, env?: string): string => resolveEndpoint(configured, env, (message) => warnings.push(message));
  beforeEach(() => {
    warnings.length = 0;
  });

  it('prefers the setting, then HF_ENDPOINT, then huggingface.co', () => {
    assert.equal(resolve('https://hf-mirror.com/', 'https://other.example'), 'https://hf-mirror.com');
    assert.equal(resolve(undefined, 'https://hf-mirror.com'), 'https://hf-mirror.com');
    assert.equal(resolve('  ', undefined), DEFAULT_ENDPOINT);
    assert.deepEqual(warnings, []);
  });

  it('allows plain http only to this machine', () => {
    assert.equal(resolve('http://127.0.0.1:8080'), 'http://127.0.0.1:8080');
    assert.equal(resolve('http://localhost:9/'), 'http://localhost:9');
    assert.equal(resolve('http://mirror.example'), DEFAULT_ENDPOINT);
    assert.equal(warnings.length, 1);
  });

  it('rejects other schemes, credentials and junk, falling through to the next source', () => {
    for (const bad of ['file:///etc', 'javascript:alert(1)', 'https://user:pw@mirror.example', 'not a url', 'ftp://x', 'https://mirror.example/?q=1']) {
      assert.equal(resolve(bad, 'https://hf-mirror.com'), 'https://hf-mirror.com', bad);
    }
    assert.equal(warnings.length, 6);
    assert.match(warnings[0] ?? '', /^Ignoring paperFeed\.endpoint=file:\/\/\/etc: it must be an https URL/);
  });

  it('sends the token only to Hugging Face itself or to this machine', () => {
    assert.ok(mayReceiveToken('https://huggingface.co'));
    assert.ok(mayReceiveToken('http://127.0.0.1:3000'));
    assert.ok(!mayReceiveToken('https://hf-mirror.com'));
    assert.ok(!mayReceiveToken('https://huggingface.co.evil.example'));
  });
});
