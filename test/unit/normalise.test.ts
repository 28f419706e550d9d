import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FeedFormatError, normaliseDailyItem, normaliseDailyPapers, normalisePaperObject } from '../../src/core/paper/normalise';
import { root, sharedPath } from '../support/paths';

function sample(name: string): unknown {
  return JSON.parse(readFileSync(sharedPath('corpus', 'samples', name), 'utf8'));
}

describe('normaliseDailyPapers', () => {
  it('reads the 2026 shape with every optional field', () => {
    const { papers, rejected } = normaliseDailyPapers(sample('daily_papers_2026-08-21_api.json'), '2026-08-21');
    assert.equal(rejected, 0);
    const paper = papers.find((entry) => entry.id === '2608.19880');
    assert.ok(paper);
    assert.equal(paper.title, 'EnvHarness: Awakening Static Worlds for Agent Learning');
    assert.equal(paper.authors[0]?.name, 'Chengsong Huang');
    assert.equal(paper.authors.length, 17);
    assert.equal(paper.feedDate, '2026-08-21');
    assert.equal(paper.publishedAt, '2026-08-20');
    assert.equal(paper.upvotes, 163);
    assert.equal(paper.numComments, 1);
    assert.equal(paper.githubRepo, 'https://github.com/google-research/envharness');
    assert.equal(paper.githubStars, 8);
    assert.equal(paper.projectPage, 'https://envharness.com/');
    assert.match(paper.aiSummary ?? '', /^EnvHarness and EnvRigger/);
    assert.deepEqual(paper.aiKeywords?.slice(0, 2), ['LLM agents', 'Environment Harness']);
    assert.deepEqual(paper.organization, {
      name: 'google',
      fullname: 'Google',
      avatar: 'https://cdn-avatars.huggingface.co/v1/production/uploads/5dd96eb166059660ed1ee413/WtA3YYitedOr9n02eHfJe.png',
    });
    assert.equal(paper.submittedBy, 'taesiri');
    assert.equal(paper.thumbnail, 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2608.19880.png');
  });

  it('reads the 2024 shape: no feed date in the item, hard-wrapped title, mediaUrl', () => {
    const { papers, rejected } = normaliseDailyPapers(sample('daily_papers_2024-05-27_api_oldformat.json'), '2024-05-27');
    assert.equal(rejected, 0);
    assert.ok(papers.length > 0);
    for (const paper of papers) {
      assert.equal(paper.feedDate, '2024-05-27', 'falls back to the requested date');
      assert.doesNotMatch(paper.title, /\s{2}|\n/);
      assert.equal(paper.githubRepo, undefined);
      assert.ok(paper.abstract.length > 0);
    }
  });

  it('joins hard-wrapped abstract lines and keeps indented paragraph starts', () => {
    const paper = normaliseDailyItem({
      paper: {
        id: '2401.00001',
        title: 'A  multi\n  line\ttitle',
        authors: [{ name: 'Ada Lovelace', hidden: false }],
        summary: 'First line\nwraps here.\n  Second paragraph\nalso wraps.\n\nThird one.',
      },
    });
    assert.equal(paper?.title, 'A multi line title');
    assert.equal(paper?.abstract, 'First line wraps here.\n\nSecond paragraph also wraps.\n\nThird one.');
  });

  it('leaves hidden authors out and reads linked accounts', () => {
    const paper = normaliseDailyItem({
      paper: {
        id: '2401.00002',
        title: 'T',
        authors: [
          { name: 'Shown', hidden: false, user: { user: 'shown-user', fullname: 'Shown' } },
          { name: 'Hidden', hidden: true },
          { name: 'Newer', hidden: false, user: { name: 'newer_user' } },
        ],
      },
    });
    assert.deepEqual(paper?.authors, [{ name: 'Shown', user: 'shown-user' }, { name: 'Newer', user: 'newer_user' }]);
  });

  it('accepts owner/repo, prefixes relative avatars and reads the short submitter form', () => {
    const paper = normaliseDailyItem({
      paper: {
        id: '2503.00003',
        title: 'T',
        authors: [{ name: 'A', hidden: false }],
        githubRepo: 'owner/repo',
        submittedOnDailyAt: '2025-06-10T00:43:01.816Z',
        publishedAt: '2025-06-09T17:59:53.000Z',
        submittedOnDailyBy: { user: 'akhaliq', fullname: 'AK' },
        organization: { name: 'org', avatar: '/avatars/abc.svg' },
      },
    }, '2025-06-11');
    assert.equal(paper?.githubRepo, 'https://github.com/owner/repo');
    assert.equal(paper?.organization?.avatar, 'https://huggingface.co/avatars/abc.svg');
    assert.equal(paper?.submittedBy, 'akhaliq');
    assert.equal(paper?.feedDate, '2025-06-10', 'submittedOnDailyAt wins over the requested date');
    assert.equal(paper?.publishedAt, '2025-06-09');
  });

  it('never uses the item-level publishedAt, whose meaning changed', () => {
    const paper = normaliseDailyItem({
      paper: { id: '2501.00004', title: 'T', authors: [{ name: 'A', hidden: false }] },
      publishedAt: '2020-01-01T00:00:00.000Z',
    });
    assert.equal(paper?.publishedAt, undefined);
    assert.equal(paper?.feedDate, undefined);
  });

  it('survives hostile items: rejects the unusable, cleans the rest, drops unsafe values', () => {
    const hostile = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'hostile-daily.json'), 'utf8')) as unknown;
    const { papers, rejected } = normaliseDailyPapers(hostile, '2026-08-21');
    assert.equal(rejected, 10);
    assert.deepEqual(papers.map((paper) => paper.id), ['2608.00004', '2608.00005']);
    const [hostilePaper, duplicate] = papers;
    assert.equal(duplicate?.title, 'Duplicate one', 'the first copy of a duplicate wins');
    assert.ok(hostilePaper);
    assert.equal(hostilePaper.title, '<img src=x onerror=alert(1)> Hostile title', 'control and bidi characters removed; markup stays text');
    assert.deepEqual(hostilePaper.authors, [{ name: 'Eve <script>' }]);
    assert.equal(hostilePaper.abstract, 'First line.');
    assert.equal(hostilePaper.upvotes, undefined);
    assert.equal(hostilePaper.githubStars, undefined);
    assert.equal(hostilePaper.numComments, 2);
    assert.equal(hostilePaper.githubRepo, undefined);
    assert.equal(hostilePaper.projectPage, undefined);
    assert.deepEqual(hostilePaper.aiKeywords, ['x', 'y']);
    assert.equal(hostilePaper.aiSummary, undefined);
    assert.equal(hostilePaper.feedDate, '2026-08-21', 'an invalid feed date falls back to the requested date');
    assert.equal(hostilePaper.publishedAt, undefined);
    assert.equal(hostilePaper.organization, undefined);
    assert.deepEqual(hostilePaper.mediaUrls, ['https://cdn-uploads.huggingface.co/a.png']);
    assert.equal(hostilePaper.thumbnail, undefined);
    assert.equal(hostilePaper.submittedBy, undefined);
    assert.ok(!('upvotes' in hostilePaper), 'absent stays absent, not undefined-valued');
  });

  it('says clearly when the response is not an array', () => {
    assert.throws(() => normaliseDailyPapers({ error: 'Rate limited' }), FeedFormatError);
    assert.throws(() => normaliseDailyPapers(null), /Expected a JSON array of papers but got null/);
  });

  it('reads a bare paper object (the /api/papers/{id} shape) from a paper page', () => {
    const props = sample('paper_page_2509.24002_PaperContent_props.json') as { paper: unknown };
    const paper = normalisePaperObject(props.paper);
    assert.equal(paper?.id, '2509.24002');
    assert.ok(paper?.githubRepo?.startsWith('https://github.com/'));
    assert.ok((paper?.aiKeywords?.length ?? 0) > 0);
  });

  it('reads search results, which have no submitter', () => {
    const { papers, rejected } = normaliseDailyPapers(sample('papers_search_q-kazakh_hf-mcp-server.json'));
    assert.equal(rejected, 0);
    assert.ok(papers.some((paper) => /Kazakh/.test(paper.title)));
    assert.ok(papers.every((paper) => paper.submittedBy === undefined));
  });
});
