import * as assert from 'node:assert/strict';
import { PanelSimilar } from '../../src/host/panel/panelSimilar';
import type { SimilarInput } from '../../src/core/view/similarRows';

function hit(id: string, score: number): SimilarInput {
  return { id, score, card: { title: `Paper ${id}`, authors: ['Ada Lovelace'], authorCount: 1, date: '2026-08-21', upvotes: 1 } };
}

/** A source whose answer the test gives when it wants. */
function held(): { readonly source: () => Promise<readonly SimilarInput[]>; answer(hits: readonly SimilarInput[]): void; fail(error: Error): void } {
  let resolve: (hits: readonly SimilarInput[]) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<readonly SimilarInput[]>((ok, no) => {
    resolve = ok;
    reject = no;
  });
  return { source: () => promise, answer: resolve, fail: reject };
}

describe('a panel\'s similar papers', () => {
  it('lists what the answer listed, for its paper only', async () => {
    const similar = new PanelSimilar();
    const answer = await similar.ask('p', () => Promise.resolve([hit('a', 0.9), hit('b', 0.5)]), 'en-US');
    assert.deepEqual(answer?.papers.map((paper) => paper.id), ['a', 'b']);
    assert.ok(similar.lists('p', 'a'));
    assert.ok(!similar.lists('q', 'a'), 'not for another paper');
    assert.ok(!similar.lists('p', 'c'), 'not a paper it did not list');
  });

  it('asked again for the same paper, keeps the list it had clickable until the new answer replaces it', async () => {
    const similar = new PanelSimilar();
    await similar.ask('p', () => Promise.resolve([hit('a', 0.9), hit('b', 0.5)]), 'en-US');
    const again = held();
    const asking = similar.ask('p', again.source, 'en-US');
    assert.ok(similar.lists('p', 'a'), 'a late click on the list shown is no forgery');
    again.answer([hit('c', 0.9)]);
    await asking;
    assert.ok(!similar.lists('p', 'a'), 'replaced');
    assert.ok(similar.lists('p', 'c'));
  });

  it('forgets the list at once when asked for another paper, and when the new answer fails', async () => {
    const similar = new PanelSimilar();
    await similar.ask('p', () => Promise.resolve([hit('a', 0.9)]), 'en-US');
    const other = held();
    const asking = similar.ask('q', other.source, 'en-US');
    assert.ok(!similar.lists('p', 'a'), 'another paper is shown');
    other.answer([hit('b', 0.9)]);
    await asking;
    const failing = held();
    const failed = similar.ask('q', failing.source, 'en-US');
    failing.fail(new Error('the search index is not available'));
    const answer = await failed;
    assert.equal(answer?.failed, true);
    assert.ok(similar.failed('q'));
    assert.ok(!similar.lists('q', 'b'), 'the page says it failed: its list is gone');
  });

  it('drops an answer an ask since replaced, and the failure of one', async () => {
    const similar = new PanelSimilar();
    const first = held();
    const older = similar.ask('p', first.source, 'en-US');
    const newer = similar.ask('p', () => Promise.resolve([hit('b', 0.5)]), 'en-US');
    first.fail(new Error('gone'));
    assert.equal(await older, undefined);
    assert.deepEqual((await newer)?.papers.map((paper) => paper.id), ['b']);
    assert.ok(!similar.failed('p'));
  });
});
