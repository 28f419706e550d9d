/** The fake arXiv and DBLP of test/support/fakeHf.ts, read by the real parsers over real HTTP on 127.0.0.1. */
import * as assert from 'node:assert/strict';
import { arxivQueryUrl, parseArxivAtom } from '../../src/core/enrich/arxivAtom';
import { dblpQueryUrl, matchDblp } from '../../src/core/enrich/dblp';
import { FeedError } from '../../src/core/feed/http';
import type { Paper } from '../../src/core/paper/model';
import { FakeHf } from '../support/fakeHf';

describe('the fake arXiv and DBLP (real HTTP on 127.0.0.1)', () => {
  let fake: FakeHf;
  before(async () => {
    fake = await FakeHf.start();
  });
  beforeEach(() => fake.reset());
  after(() => fake.close());

  const get = async (path: string, init?: RequestInit): Promise<{ status: number; type: string; body: string }> => {
    const response = await fetch(`${fake.url}${path}`, init);
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
  };
  const post = async (path: string, body: unknown): Promise<void> => {
    const response = await fetch(`${fake.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
    assert.equal(response.status, 200);
    await response.text();
  };
  const query = (ids: string[]): string => arxivQueryUrl('', ids);

  it('answers known ids in the new Atom format, drops unknown ones, and logs the request', async () => {
    const answer = await get(query(['2512.17385', '2608.19880', '2401.99999']));
    assert.equal(answer.status, 200);
    assert.match(answer.type, /atom\+xml/);
    assert.match(answer.body, /<feed xmlns:opensearch="[^"]+" xmlns:arxiv="http:\/\/arxiv.org\/schemas\/atom" xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    const entries = parseArxivAtom(answer.body);
    assert.deepEqual(entries.map((entry) => [entry.id, entry.version, entry.primaryCategory]), [['2512.17385', 1, 'cs.CL'], ['2608.19880', 1, 'cs.LG']]);
    assert.equal(entries[1]?.authors[0], 'Chengsong Huang');
    assert.equal(entries[1]?.published, '2026-08-20');
    assert.ok(entries[1]?.title);
    assert.deepEqual(fake.requests, ['/api/query?id_list=2512.17385,2608.19880,2401.99999&start=0&max_results=3']);
  });

  it('answers a malformed id with the 200 error entry', async () => {
    const answer = await get(query(['2512.17385', 'not-an-id']));
    assert.equal(answer.status, 200);
    assert.throws(() => parseArxivAtom(answer.body), (error: unknown) => error instanceof FeedError && /incorrect id format for not-an-id/.test(error.message));
  });

  it('says what a test set over HTTP, until reset', async () => {
    await post('/__arxiv', { '2608.19880': { journalRef: 'ICLR 2027', doi: '10.1000/xyz', comment: 'Oral & more', categories: ['cs.AI', 'cs.LG'], version: 3, published: '2026-08-01', updated: '2026-09-01' } });
    const [entry] = parseArxivAtom((await get(query(['2608.19880']))).body);
    assert.deepEqual({ ...entry, authors: undefined, title: undefined }, {
      id: '2608.19880', version: 3, published: '2026-08-01', updated: '2026-09-01', primaryCategory: 'cs.AI', categories: ['cs.AI', 'cs.LG'],
      comment: 'Oral & more', journalRef: 'ICLR 2027', doi: '10.1000/xyz', authors: undefined, title: undefined,
    });
    fake.reset();
    const [plain] = parseArxivAtom((await get(query(['2608.19880']))).body);
    assert.equal(plain?.journalRef, undefined);
    fake.setArxiv({ '2608.19880': { journalRef: 'TMLR 2026' } });
    assert.equal(parseArxivAtom((await get(query(['2608.19880']))).body)[0]?.journalRef, 'TMLR 2026');
  });

  it("fails arXiv's requests as a test asks, and Hugging Face's default faults leave arXiv alone", async () => {
    fake.setFault({ mode: 'rateExceededText', path: '/api/query' });
    const limited = await get(query(['2608.19880']));
    assert.equal(limited.body, 'Rate exceeded.');
    assert.throws(() => parseArxivAtom(limited.body), FeedError);
    fake.setFault({ mode: 'malformedXml', path: '/api/query' });
    const malformed = await get(query(['2608.19880']));
    assert.throws(() => parseArxivAtom(malformed.body), /cannot be read/);
    fake.setFault({ mode: '429', path: '/api/query', times: 1 });
    assert.equal((await get(query(['2608.19880']))).status, 429);
    assert.equal((await get(query(['2608.19880']))).status, 200);
    fake.setFault({ mode: '500' });
    assert.equal((await get(query(['2608.19880']))).status, 200);
    assert.equal((await get('/api/daily_papers')).status, 500);
  });

  it('cuts an arXiv answer off mid-body for a truncate fault', async () => {
    fake.setFault({ mode: 'truncate', path: '/api/query' });
    const cut = await get(query(['2608.19880'])).then((answer) => answer.body, () => '');
    assert.throws(() => parseArxivAtom(cut), FeedError);
  });

  it('answers DBLP with an empty result of its shape, and with the hits set for a title', async () => {
    const paper: Paper = { id: '2608.19880', title: 'A Paper: On Things', authors: [{ name: 'Jian Sun' }], abstract: '', firstVersionDate: '2026-08-01' };
    const url = dblpQueryUrl('', paper);
    const empty = JSON.parse((await get(url)).body) as { result: { hits: Record<string, unknown> } };
    assert.equal(empty.result.hits['@total'], '0');
    assert.equal(matchDblp(empty, paper), undefined);
    const info = { authors: { author: [{ '@pid': '1', text: 'Jian Sun 0001' }] }, title: 'A Paper: On Things.', venue: 'ICLR', year: '2027', type: 'Conference and Workshop Papers' };
    await post('/__dblp', { 'A Paper: On Things': [{ info }] });
    const answer = JSON.parse((await get(url)).body) as unknown;
    assert.equal(matchDblp(answer, paper)?.venueShort, 'ICLR');
    fake.setDblp({ 'a paper on things': { result: 'not DBLP' } });
    assert.deepEqual(JSON.parse((await get(url)).body), { result: 'not DBLP' });
    fake.setFault({ mode: '500', path: '/search/' });
    assert.equal((await get(url)).status, 500);
    assert.deepEqual(fake.requests.map((request) => request.split('?')[0]), Array(4).fill('/search/publ/api'));
  });
});
