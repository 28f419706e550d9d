import * as assert from 'node:assert/strict';
import { HfClient } from '../../src/core/feed/hfClient';
import * as htmlReader from '../../src/core/feed/html';
import { fetchWindow } from '../../src/core/feed/feed';
import { linkedRepoUrl, parseLinkedRepos } from '../../src/core/feed/linkedRepos';
import { FeedError } from '../../src/core/feed/http';
import { resolveWindow } from '../../src/core/feed/windows';
import { FakeHf } from '../support/fakeHf';

describe('HfClient against the local fake Hugging Face (real HTTP on 127.0.0.1)', () => {
  let fake: FakeHf;
  let client: HfClient;
  const logs: string[] = [];

  before(async () => {
    fake = await FakeHf.start();
    client = new HfClient({
      endpoint: fake.url, fetch, userAgent: 'paper-feed-test/1.0', maxRetryWaitMs: 0, html: async () => htmlReader,
      sleep: async () => undefined, log: (message) => logs.push(message),
    });
  });
  afterEach(() => {
    fake.reset();
    logs.length = 0;
  });
  after(() => fake.close());

  it('fetches a day with limit=100 from the API', async () => {
    const result = await client.fetchQuery({ kind: 'date', date: '2026-08-21' });
    assert.equal(result.source, 'api');
    assert.ok(result.papers.length > 10);
    assert.ok(result.papers.every((paper) => paper.feedDate === '2026-08-21'));
    assert.deepEqual(fake.requests, ['/api/daily_papers?date=2026-08-21&limit=100&p=0']);
  });

  it('pages a month with p until there is no Link rel="next"', async () => {
    const result = await client.fetchQuery({ kind: 'month', month: '2026-07' });
    assert.ok(result.papers.length > 200, `${result.papers.length} papers`);
    assert.ok(fake.requests.length >= 3);
    assert.ok(fake.requests.every((request, index) => request.endsWith(`&p=${index}`)));
  });

  it('reads a 2024 day, whose items have no feed date, as the requested date', async () => {
    const result = await client.fetchQuery({ kind: 'date', date: '2024-05-27' });
    assert.ok(result.papers.length > 0 && result.papers.every((paper) => paper.feedDate === '2024-05-27'));
  });

  it('falls back to the HTML page when the API is rate-limited', async () => {
    fake.setFault({ mode: '429', path: '/api/' });
    const result = await client.fetchQuery({ kind: 'week', week: '2026-W34' });
    assert.equal(result.source, 'html');
    assert.ok(result.papers.length > 20);
    assert.ok(fake.requests.includes('/papers/week/2026-W34'));
  });

  it('treats a date page that redirects as an empty day, not as the latest batch', async () => {
    fake.setFault({ mode: '500', path: '/api/' });
    const result = await client.fetchQuery({ kind: 'date', date: '2026-08-22' });
    assert.equal(result.papers.length, 0);
  });

  it('reports the API error when the page fails too', async () => {
    fake.setFault({ mode: '500', path: '/' });
    await assert.rejects(client.fetchQuery({ kind: 'date', date: '2026-08-21' }), (error: unknown) =>
      error instanceof FeedError && error.kind === 'server');
  });

  for (const [mode, kind, pattern] of [
    ['invalidJson', 'format', /cannot be read/],
    ['wrongType', 'format', /sent text\/html where JSON was expected/],
    ['truncate', 'network', /could not be reached/],
    ['reset', 'network', /could not be reached/],
  ] as const) {
    it(`explains a ${mode} response clearly when nothing else works`, async () => {
      fake.setFault({ mode, path: '/' });
      await assert.rejects(client.fetchQuery({ kind: 'date', date: '2026-08-21' }), (error: unknown) =>
        error instanceof FeedError && error.kind === kind && pattern.test(error.message));
    });
  }

  it('recovers from one transient fault by retrying', async () => {
    fake.setFault({ mode: 'reset', times: 1 });
    const result = await client.fetchQuery({ kind: 'date', date: '2026-08-21' });
    assert.equal(result.source, 'api');
    assert.ok(result.papers.length > 0);
  });

  it('gets a paper and answers undefined for an unknown one', async () => {
    assert.equal((await client.paper('2608.19880'))?.title, 'EnvHarness: Awakening Static Worlds for Agent Learning');
    assert.equal(await client.paper('1234.56789'), undefined);
  });

  it('searches', async () => {
    const papers = await client.search('awakening static worlds');
    assert.ok(papers.some((paper) => paper.id === '2608.19880'));
  });

  it('shows the latest non-empty batch for Today, stepping back over the weekend', async () => {
    const result = await fetchWindow(client, resolveWindow('today', '2026-08-23', 7));
    assert.equal(result.date, '2026-08-21');
    assert.ok(result.papers.length > 0);
  });

  it('fetches Last N days as one request per day and merges them', async () => {
    const result = await fetchWindow(client, resolveWindow('days', '2026-08-21', 3));
    assert.deepEqual([...result.queries.keys()], ['date:2026-08-21', 'date:2026-08-20', 'date:2026-08-19']);
    const total = [...result.queries.values()].reduce((sum, ids) => sum + ids.length, 0);
    assert.equal(result.papers.length, new Set([...result.queries.values()].flat()).size);
    assert.ok(total >= result.papers.length);
  });
});

describe('linked Hugging Face repositories', () => {
  it('reads models, datasets and Spaces, skipping unusable entries', () => {
    const repos = parseLinkedRepos({
      models: [{ id: 'google/envharness-7b', likes: 12, downloads: 340 }, { id: '../../etc/passwd' }, { id: 7 }],
      datasets: [{ id: 'google/envharness-tasks', likes: -1 }],
      spaces: [{ id: 'google/envharness-demo', emoji: '🌍' }, { id: 'x/y', emoji: '<script>alert(1)</script>' }],
    });
    assert.deepEqual(repos.models, [{ id: 'google/envharness-7b', kind: 'model', likes: 12, downloads: 340 }]);
    assert.deepEqual(repos.datasets, [{ id: 'google/envharness-tasks', kind: 'dataset' }]);
    assert.deepEqual(repos.spaces.map((space) => space.emoji), ['🌍', undefined]);
    assert.equal(linkedRepoUrl(repos.datasets[0] as never), 'https://huggingface.co/datasets/google/envharness-tasks');
    assert.equal(linkedRepoUrl(repos.spaces[0] as never), 'https://huggingface.co/spaces/google/envharness-demo');
    assert.deepEqual(parseLinkedRepos('nonsense'), { models: [], datasets: [], spaces: [] });
  });
});
