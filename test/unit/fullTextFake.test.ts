/** The fake Hugging Face's full texts (`/papers/{id}.md`), read by the real parser over real HTTP on 127.0.0.1. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFullTextResponse } from '../../src/core/fulltext/response';
import { FakeHf } from '../support/fakeHf';
import { ABSTRACT_ONLY_ID, FULL_TEXT_ID, FULLTEXT_FIXTURES, HOSTILE_ID, SAMPLE_IDS } from '../support/fullTextSamples';
import { sharedPath } from '../support/paths';

describe('the fake Hugging Face: full texts (real HTTP on 127.0.0.1)', () => {
  let fake: FakeHf;
  before(async () => {
    fake = await FakeHf.start();
  });
  beforeEach(() => fake.reset());
  after(() => fake.close());

  const get = async (id: string): Promise<{ status: number; type: string; body: string }> => {
    const response = await fetch(`${fake.url}/papers/${id}.md`);
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
  };

  it('serves the samples as Markdown, for papers of the corpus, under their real titles', async () => {
    const corpus = ['2026-08-20', '2026-08-21'].flatMap((day) => JSON.parse(readFileSync(sharedPath('corpus', 'hf-daily', `${day}.json`), 'utf8')) as { paper: { id: string; title: string } }[]);
    for (const id of SAMPLE_IDS) {
      const answer = await get(id);
      assert.equal(answer.status, 200);
      assert.equal(answer.type, 'text/markdown; charset=utf-8');
      const parse = parseFullTextResponse(answer.body, answer.type);
      assert.ok(parse.ok, id);
      const paper = corpus.find((item) => item.paper.id === id)?.paper;
      assert.ok(paper, `${id} is in the corpus's last days`);
      assert.ok(parse.source.title?.startsWith(paper.title), `${id}: ${parse.source.title}`);
    }
    assert.equal((await get(HOSTILE_ID)).body.length > 300_000, true, 'the hostile sample is expanded');
    assert.ok(readFileSync(join(FULLTEXT_FIXTURES, 'README.md'), 'utf8').includes(ABSTRACT_ONLY_ID));
  });

  it("answers other ids with Hugging Face's 404 page, which the parser refuses", async () => {
    const answer = await get('2401.00001');
    assert.equal(answer.status, 404);
    assert.match(answer.type, /^text\/html/);
    assert.equal(parseFullTextResponse(answer.body, answer.type).ok, false);
  });

  it('answers what a test sets, in process or over HTTP, counts requests, and forgets on reset', async () => {
    fake.setFullText({ [FULL_TEXT_ID]: { status: 500, body: 'Internal Error', contentType: 'text/plain' } });
    const failed = await get(FULL_TEXT_ID);
    assert.deepEqual([failed.status, failed.type, failed.body], [500, 'text/plain', 'Internal Error']);
    const response = await fetch(`${fake.url}/__fulltext`, { method: 'POST', body: JSON.stringify({ '2401.00001': { body: 'Title: T\n\nMarkdown Content:\nHello' } }) });
    assert.equal(response.status, 200);
    await response.text();
    const set = await get('2401.00001');
    assert.deepEqual([set.status, set.type, set.body], [200, 'text/markdown; charset=utf-8', 'Title: T\n\nMarkdown Content:\nHello']);
    fake.setFullText({ [ABSTRACT_ONLY_ID]: { delayMs: 150 } });
    const started = Date.now();
    assert.equal((await get(ABSTRACT_ONLY_ID)).status, 200);
    assert.ok(Date.now() - started >= 140);
    assert.equal(fake.requestCount(`/papers/${FULL_TEXT_ID}.md`), 1);
    assert.equal(fake.requestCount('/papers/2401.00001.md'), 1);
    fake.reset();
    assert.equal((await get(FULL_TEXT_ID)).status, 200);
    assert.equal((await get('2401.00001')).status, 404);
  });
});
