import * as assert from 'node:assert/strict';
import { describeFailure, isOfflineReason, reasonOfCode, reasonOfStatus } from '../../src/core/feed/failureReason';
import { FeedError } from '../../src/core/feed/http';

/** What fetch (undici) throws when the connection fails: a TypeError whose cause carries Node's code. */
function fetchFailed(code: string, message = `connect ${code} 127.0.0.1:9`): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
}

describe('failure reasons', () => {
  it('maps Node\'s network codes to what they mean for the user', () => {
    const cases: [string, string][] = [
      ['ECONNREFUSED', 'refused'], ['ENOTFOUND', 'unreachable'], ['EAI_AGAIN', 'unreachable'], ['ENETUNREACH', 'unreachable'],
      ['ETIMEDOUT', 'timeout'], ['UND_ERR_CONNECT_TIMEOUT', 'timeout'], ['ECONNRESET', 'connectionLost'], ['EPIPE', 'connectionLost'],
      ['CERT_HAS_EXPIRED', 'certificate'], ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'certificate'], ['SELF_SIGNED_CERT_IN_CHAIN', 'certificate'],
      ['DEPTH_ZERO_SELF_SIGNED_CERT', 'certificate'], ['ERR_TLS_CERT_ALTNAME_INVALID', 'certificate'],
    ];
    for (const [code, reason] of cases) {
      assert.equal(reasonOfCode(code), reason, code);
      assert.equal(describeFailure(new FeedError('network', `Hugging Face could not be reached (${code}).`, undefined, undefined, fetchFailed(code))).reason, reason, `${code} in a FeedError`);
      assert.equal(describeFailure(fetchFailed(code)).reason, reason, `${code} straight from fetch`);
    }
    assert.equal(reasonOfCode('EWHATEVER'), undefined);
  });

  it('finds the code in an AggregateError (both addresses of localhost refused)', () => {
    const both = new AggregateError([
      Object.assign(new Error('connect ECONNREFUSED ::1:9'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
    ]);
    const failure = describeFailure(new TypeError('fetch failed', { cause: both }));
    assert.equal(failure.reason, 'refused');
    assert.match(failure.detail, /^ECONNREFUSED: fetch failed: /, 'the code leads the log line');
    assert.match(failure.detail, /127\.0\.0\.1:9/);
  });

  it('maps HTTP statuses: 429, 5xx, 404, 401/403, the rest', () => {
    assert.equal(reasonOfStatus(429), 'rateLimited');
    assert.equal(reasonOfStatus(500), 'serverError');
    assert.equal(reasonOfStatus(503), 'serverError');
    assert.equal(reasonOfStatus(404), 'notFound');
    assert.equal(reasonOfStatus(401), 'denied');
    assert.equal(reasonOfStatus(403), 'denied');
    assert.equal(reasonOfStatus(418), 'httpError');
    const server = describeFailure(new FeedError('server', 'Hugging Face had a server error (HTTP 502).', 502));
    assert.deepEqual([server.reason, server.detail], ['serverError', 'HTTP 502: Hugging Face had a server error (HTTP 502).']);
    assert.equal(describeFailure(new FeedError('http', 'Hugging Face refused the request (HTTP 404).', 404)).reason, 'notFound');
    const limited = describeFailure(new FeedError('rateLimited', 'Hugging Face is limiting requests.', 429, 120_000));
    assert.deepEqual([limited.reason, limited.retryAfterMs], ['rateLimited', 120_000]);
  });

  it('tells timeouts, unreadable answers and cancellations apart', () => {
    assert.equal(describeFailure(new FeedError('timeout', 'Hugging Face did not answer within 15 seconds.')).reason, 'timeout');
    assert.equal(describeFailure(new FeedError('format', 'Hugging Face sent JSON that cannot be read.')).reason, 'badResponse');
    assert.equal(describeFailure(new FeedError('cancelled', 'The refresh was cancelled.')).reason, 'cancelled');
    assert.equal(describeFailure(Object.assign(new Error('This operation was aborted'), { name: 'AbortError' })).reason, 'cancelled');
    assert.equal(describeFailure(new FeedError('network', 'Hugging Face could not be reached.')).reason, 'unreachable', 'no code: unreachable');
    const odd = describeFailure(new Error('something odd'));
    assert.deepEqual([odd.reason, odd.detail], ['unknown', 'something odd']);
    assert.equal(describeFailure('a string').detail, 'a string');
  });

  it('counts only connection problems as offline', () => {
    assert.deepEqual(
      (['unreachable', 'refused', 'connectionLost', 'timeout', 'certificate', 'rateLimited', 'serverError', 'notFound', 'denied', 'httpError', 'badResponse', 'unknown'] as const)
        .filter(isOfflineReason),
      ['unreachable', 'refused', 'connectionLost', 'timeout', 'certificate'],
    );
  });

  it('never loops on a cause that points back at itself', () => {
    const error = new Error('loop') as Error & { cause?: unknown };
    error.cause = error;
    assert.equal(describeFailure(error).reason, 'unknown');
  });
});
