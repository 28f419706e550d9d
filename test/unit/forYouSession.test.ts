/**
 * When For you asks the search worker and which answer stands (core/view/forYouSession.ts), with a
 * fake worker whose answers the test settles by hand.
 */
import * as assert from 'node:assert/strict';
import type { Paper } from '../../src/core/paper/model';
import type { ScoreLike } from '../../src/core/view/forYouOrder';
import { type ForYouInput, ForYouSession } from '../../src/core/view/forYouSession';

function paper(id: string): Paper {
  return { id, title: `Paper ${id}`, authors: [{ name: 'A' }], abstract: '', feedDate: '2026-08-21', upvotes: 1 };
}

interface Question {
  readonly window: readonly string[];
  readonly saved: readonly string[];
  readonly resolve: (scores: readonly ScoreLike[]) => void;
  readonly reject: (error: Error) => void;
}

/** A session over a window and reading list the test changes, and a worker that answers when told. */
function harness(input: Partial<ForYouInput> = {}) {
  let current: ForYouInput = { active: true, label: 'Last 3 days', window: ['a', 'b', 'c', 'd'].map(paper), saved: ['s1', 's2', 's3'].map(paper), ...input };
  const questions: Question[] = [];
  let changes = 0;
  const session = new ForYouSession({
    read: () => current,
    score: (window, saved) => new Promise((resolve, reject) => {
      questions.push({ window: window.map((entry) => entry.id), saved: saved.map((entry) => entry.id), resolve, reject });
    }),
    changed: () => {
      changes++;
    },
    log: () => undefined,
    debounceMs: 1,
  });
  return {
    session, questions,
    get changes() {
      return changes;
    },
    set: (next: Partial<ForYouInput>) => {
      current = { ...current, ...next };
      session.schedule();
    },
  };
}

/** Lets the debounce timer and settled promises run. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Each paper of `ids` like s1, the first best. */
function scoresFor(ids: readonly string[]): ScoreLike[] {
  return ids.map((id, index) => ({ id, score: 0.9 - index * 0.01, like: 's1' }));
}

describe('For you: when the worker is asked and which answer stands', () => {
  it('asks nothing while For you is not picked, nor before it starts', async () => {
    const test = harness({ active: false });
    test.session.schedule();
    await settle();
    assert.equal(test.questions.length, 0, 'not started');
    test.session.start();
    await settle();
    assert.equal(test.questions.length, 0, 'not picked');
    assert.equal(test.session.status.kind, 'off');
    test.set({ active: true });
    await settle();
    assert.equal(test.questions.length, 1);
    test.session.dispose();
  });

  it('says what it needs below three saved papers, and asks nothing', async () => {
    const test = harness({ saved: [paper('s1'), paper('s2')] });
    test.session.start();
    await settle();
    assert.deepEqual(test.session.status, { kind: 'needsSaved', saved: 2 });
    assert.equal(test.questions.length, 0);
    test.session.dispose();
  });

  it('drops a late answer to an older question', async () => {
    const test = harness();
    test.session.start();
    await settle();
    test.set({ window: ['e', 'f', 'g'].map(paper) });
    await settle();
    assert.equal(test.questions.length, 2);
    const [older, newer] = test.questions as [Question, Question];
    newer.resolve(scoresFor(newer.window));
    await settle();
    older.resolve(scoresFor(older.window));
    await settle();
    assert.deepEqual([...(test.session.current()?.affinities.keys() ?? [])], ['e', 'f', 'g'], 'the newer answer stands');
    assert.equal(test.session.status.kind, 'ready');
    test.session.dispose();
  });

  it('asks once per window and reading list', async () => {
    const test = harness();
    test.session.start();
    await settle();
    test.questions[0]?.resolve(scoresFor(['a', 'b', 'c', 'd']));
    await settle();
    test.session.schedule();
    test.set({});
    await settle();
    assert.equal(test.questions.length, 1);
    test.set({ saved: ['s1', 's2', 's3', 's4'].map(paper) });
    await settle();
    assert.equal(test.questions.length, 2, 'a new reading list is a new question');
    test.session.dispose();
  });

  it('ignores answers that come after dispose', async () => {
    const test = harness();
    test.session.start();
    await settle();
    const changes = test.changes;
    test.session.dispose();
    test.questions[0]?.resolve(scoresFor(['a', 'b', 'c', 'd']));
    await settle();
    assert.equal(test.session.current(), undefined);
    assert.equal(test.changes, changes, 'no redraw after dispose');
  });

  it('after a failure, says so and asks again when the index changes, not at every change', async () => {
    const test = harness();
    test.session.start();
    await settle();
    test.questions[0]?.reject(new Error('the search index is not available'));
    await settle();
    assert.equal(test.session.status.kind, 'failed');
    test.set({});
    await settle();
    assert.equal(test.questions.length, 1, 'a change that asks the same question does not retry');
    test.session.indexUpdated();
    test.session.indexUpdated();
    await settle();
    assert.equal(test.questions.length, 2, 'the index is back: asked again, once');
    assert.equal(test.session.status.kind, 'pending');
    test.questions[1]?.resolve(scoresFor(['a', 'b', 'c', 'd']));
    await settle();
    assert.equal(test.session.status.kind, 'ready');
    test.session.indexUpdated();
    await settle();
    assert.equal(test.questions.length, 2, 'an answer stands when the index gains papers');
    test.session.dispose();
  });

  it('holds no scores while a new window is being scored, and the old ones while the same papers stay shown', async () => {
    const test = harness();
    test.session.start();
    await settle();
    test.questions[0]?.resolve(scoresFor(['a', 'b', 'c', 'd']));
    await settle();
    assert.ok(test.session.current());
    test.set({ window: ['a', 'b', 'c'].map(paper) });
    assert.ok(test.session.current(), 'a paper that left the window does not matter');
    test.set({ window: ['e', 'f', 'a'].map(paper) });
    await settle();
    assert.equal(test.session.status.kind, 'pending');
    assert.equal(test.session.current(), undefined, 'e and f have no score yet');
    test.questions.at(-1)?.resolve(scoresFor(['e', 'f', 'a']));
    await settle();
    assert.deepEqual([...(test.session.current()?.reasons.keys() ?? [])].sort(), ['a', 'e', 'f']);
    test.session.dispose();
  });

  it('names no saved paper taken off the reading list since the answer, while the next is on its way', async () => {
    const test = harness({ saved: ['s1', 's2', 's3', 's4'].map(paper) });
    test.session.start();
    await settle();
    test.questions[0]?.resolve([{ id: 'a', score: 0.9, like: 's2' }, { id: 'b', score: 0.8, like: 's1' }, { id: 'c', score: 0.7, like: 's1' }, { id: 'd', score: 0.6, like: 's3' }]);
    await settle();
    test.set({ saved: ['s1', 's3', 's4'].map(paper) });
    const scores = test.session.current();
    assert.deepEqual([...(scores?.reasons ?? [])], [['b', 's1'], ['c', 's1'], ['d', 's3']], 'a is like no saved paper now');
    assert.deepEqual(scores?.affinities.get('a'), { score: 0.9 }, 'it keeps its score until the next answer');
    test.session.dispose();
  });

  it('keeps a paper saved from the window where it was until the window changes', async () => {
    const test = harness();
    test.session.start();
    await settle();
    test.questions[0]?.resolve(scoresFor(['a', 'b', 'c', 'd']));
    await settle();
    const before = test.session.current()?.affinities.get('b');
    assert.deepEqual(before, { score: 0.89, like: 's1' });
    test.set({ saved: ['s1', 's2', 's3', 'b'].map(paper) });
    await settle();
    // The worker scores a saved paper as like itself; the view would give it 0 and move it to the end.
    test.questions[1]?.resolve([...scoresFor(['a', 'c', 'd']), { id: 'b', score: 1, like: 'b' }]);
    await settle();
    assert.deepEqual(test.session.current()?.affinities.get('b'), before);
    assert.equal(test.session.current()?.reasons.get('b'), 's1');
    test.set({ label: 'Last 7 days', window: ['a', 'b', 'c', 'd', 'e'].map(paper) });
    await settle();
    test.questions[2]?.resolve([...scoresFor(['a', 'c', 'd', 'e']), { id: 'b', score: 1, like: 'b' }]);
    await settle();
    assert.deepEqual(test.session.current()?.affinities.get('b'), { score: 0 }, 'another window: saved papers score 0');
    test.session.dispose();
  });
});
