import * as assert from 'node:assert/strict';
import { clockFromEnv } from '../../src/core/time/clock';
import { isoDate, isoWeek, weekStart } from '../../src/core/time/dates';
import { abstractTeaser, authorLine, describePaper, formatCount, escapeMarkdown } from '../../src/core/view/present';
import { cleanLine, cleanParagraphs, truncate } from '../../src/core/paper/cleanText';
import { absoluteHfUrl, normaliseRepoUrl, safeWebUrl } from '../../src/core/paper/webUrl';
import type { Paper } from '../../src/core/paper/model';

describe('text cleaning', () => {
  it('collapses whitespace and strips control and bidi characters', () => {
    assert.equal(cleanLine(' a\t\n b\u0000c\u202e '), 'a bc');
    assert.equal(cleanLine('   '), undefined);
    assert.equal(cleanLine(42), undefined);
    assert.equal(cleanLine('x'.repeat(50), 10), `${'x'.repeat(9)}…`);
    assert.equal(cleanParagraphs('\r\n a\r\nb \r\n\r\n c'), 'a b\n\nc');
    assert.equal(truncate('short', 10), 'short');
  });
});

describe('urls', () => {
  it('accepts web URLs and rejects everything else', () => {
    assert.equal(safeWebUrl('https://example.com/a b'), undefined);
    assert.equal(safeWebUrl('https://example.com/a'), 'https://example.com/a');
    assert.equal(safeWebUrl('http://example.com/', { httpsOnly: true }), undefined);
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'https://u:p@example.com', 'data:text/html,x', '//example.com', 42]) {
      assert.equal(safeWebUrl(bad), undefined, String(bad));
    }
  });

  it('normalises repositories and avatars', () => {
    assert.equal(normaliseRepoUrl('facebookresearch/dinov3'), 'https://github.com/facebookresearch/dinov3');
    assert.equal(normaliseRepoUrl('https://github.com/a/b/'), 'https://github.com/a/b');
    assert.equal(normaliseRepoUrl('../etc'), undefined);
    assert.equal(absoluteHfUrl('/avatars/x.svg'), 'https://huggingface.co/avatars/x.svg');
    assert.equal(absoluteHfUrl('//evil.example/x.svg'), undefined);
  });
});

describe('dates', () => {
  it('reads date-only and full-precision timestamps as UTC dates', () => {
    assert.equal(isoDate('2026-08-21T00:00:00.000Z'), '2026-08-21');
    assert.equal(isoDate('2025-06-10T00:43:01.816Z'), '2025-06-10');
    assert.equal(isoDate('2025-02-29'), undefined);
    assert.equal(isoDate('2024-02-29'), '2024-02-29');
    assert.equal(isoDate('soon'), undefined);
  });

  it('computes ISO weeks across year boundaries', () => {
    assert.equal(isoWeek('2026-08-21'), '2026-W34');
    assert.equal(isoWeek('2021-01-03'), '2020-W53');
    assert.equal(isoWeek('2024-12-30'), '2025-W01');
    assert.equal(weekStart('2026-08-21'), '2026-08-17');
  });
});

describe('clock', () => {
  it('pins "now" from PAPER_FEED_NOW and keeps it moving', () => {
    const now = clockFromEnv('2026-08-21T22:00:00-04:00')();
    assert.ok(Math.abs(now.getTime() - Date.parse('2026-08-22T02:00:00Z')) < 5_000);
  });

  it('falls back to the system clock and reports an invalid value', () => {
    const invalid: string[] = [];
    const now = clockFromEnv('not a date', (value) => invalid.push(value))();
    assert.deepEqual(invalid, ['not a date']);
    assert.ok(Math.abs(now.getTime() - Date.now()) < 5_000);
    assert.ok(Math.abs(clockFromEnv(undefined)().getTime() - Date.now()) < 5_000);
  });
});

describe('paper presentation', () => {
  const base: Paper = { id: '2508.10104', title: 'DINOv3', authors: [{ name: 'Oriane Siméoni' }, { name: 'Huy V. Vo' }], abstract: 'One.\n\nTwo.' };

  it('describes with upvotes only when known and the first author', () => {
    assert.equal(describePaper({ ...base, upvotes: 7 }), '▲ 7 · Oriane Siméoni et al.');
    assert.equal(describePaper({ ...base, upvotes: 0 }), '▲ 0 · Oriane Siméoni et al.');
    assert.equal(describePaper({ ...base, authors: [{ name: 'Solo' }] }), 'Solo');
  });

  it('adds ★ stars only when the paper has a repository, in short form', () => {
    assert.equal(describePaper({ ...base, upvotes: 7, githubRepo: 'https://github.com/a/b', githubStars: 9_512 }), '▲ 7 · ★ 9.5k · Oriane Siméoni et al.');
    assert.equal(describePaper({ ...base, githubStars: 12 }), 'Oriane Siméoni et al.');
    assert.deepEqual([0, 999, 1_000, 1_049, 12_345].map(formatCount), ['0', '999', '1k', '1k', '12k']);
  });

  it('shortens long author lists and abstracts', () => {
    const many = { ...base, authors: Array.from({ length: 26 }, (_, index) => ({ name: `Author ${index}` })) };
    assert.equal(authorLine(many, 2), 'Author 0, Author 1 and 24 more');
    assert.equal(abstractTeaser(base), 'One. Two.');
    assert.equal(abstractTeaser({ ...base, aiSummary: 'Summary.' }), 'Summary.');
  });
});

describe('escapeMarkdown', () => {
  it('shows untrusted text as typed: no links, emphasis, headings or HTML', () => {
    assert.equal(escapeMarkdown('[click](command:x) *bold* <img src=x> # h & more'),
      '\\[click\\]\\(command&#58;x\\) \\*bold\\* &lt;img src=x\\> \\# h &amp; more');
    assert.equal(escapeMarkdown('line one\n1. two'), 'line one 1\\. two');
    assert.equal(escapeMarkdown('plain words keep spaces'), 'plain words keep spaces');
  });
});
