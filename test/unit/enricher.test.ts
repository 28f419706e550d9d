/**
 * The background enrichment (core/enrich/enricher.ts) against the fake arXiv and DBLP of fakeHf.ts,
 * over real HTTP on 127.0.0.1: batching, pacing, the DBLP step, faults, settings and the records file.
 * The clock and the waits are virtual (a fault's backoff is minutes), the requests real.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arxivLicenseUrl, parseOaiLicense } from '../../src/core/enrich/arxivOai';
import { serviceEndpoint } from '../../src/core/enrich/endpoints';
import { FeedError } from '../../src/core/feed/http';
import { Enricher, type EnricherOptions } from '../../src/core/enrich/enricher';
import { citationKey, citationYear } from '../../src/core/citation/keys';
import { applyEnrichment, arxivDue, dblpDue, mergeRecords, parseRecords, serializeRecords } from '../../src/core/enrich/records';
import type { Paper } from '../../src/core/paper/model';
import { readCorpus } from '../support/corpus';
import { normaliseDailyPapers } from '../../src/core/paper/normalise';
import { FakeHf } from '../support/fakeHf';

/** Distinct papers of the corpus's last days, in the fake's order. */
function corpusWindow(count: number): Paper[] {
  const papers = new Map<string, Paper>();
  for (const day of readCorpus().reverse()) {
    for (const paper of normaliseDailyPapers(day.response, day.date).papers) {
      papers.set(paper.id, papers.get(paper.id) ?? paper);
    }
    if (papers.size >= count) {
      break;
    }
  }
  return [...papers.values()].slice(0, count);
}

describe('enrichment from arXiv and DBLP (fake services on 127.0.0.1)', () => {
  let fake: FakeHf;
  let folder: string;
  let clock: number;
  let log: string[];
  const window = corpusWindow(150);
  const [first, second] = window as [Paper, Paper];

  before(async () => {
    fake = await FakeHf.start();
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.reset();
    folder = mkdtempSync(join(tmpdir(), 'paper-feed-enrich-'));
    clock = Date.parse('2026-08-22T10:00:00Z');
    log = [];
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  function enricher(overrides: Partial<EnricherOptions> = {}): Enricher {
    return new Enricher({
      fetch: (url, init) => fetch(url, init),
      userAgent: 'paper-feed-test',
      arxivEndpoint: fake.url,
      dblpEndpoint: fake.url,
      enabled: () => ({ arxiv: true, published: true }),
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
      log: (message) => log.push(message),
      intervalMs: { arxiv: 3_000, dblp: 1_000 },
      firstBackoffMs: 30_000,
      ...overrides,
    });
  }
  const arxivRequests = (): string[] => fake.requests.filter((request) => request.startsWith('/api/query'));
  const dblpRequests = (): string[] => fake.requests.filter((request) => request.startsWith('/search/'));

  it('asks arXiv about a shown window in batches of 100, three seconds apart, and fills every paper', async () => {
    const started = clock;
    const subject = enricher();
    subject.want(window, 'shown');
    assert.equal(subject.apply(first), first, 'apply never waits: nothing is known yet');
    await subject.idle();
    assert.equal(arxivRequests().length, 2);
    assert.equal(subject.sent.arxivIds, 150);
    assert.ok(clock - started >= 3_000, 'the second request waited out the interval');
    assert.equal(dblpRequests().length, 0, 'papers only shown are not looked up on DBLP');
    assert.equal(fake.requests.filter((request) => request.startsWith('/oai2')).length, 0, 'nor is their license asked for, one request each');
    const enriched = subject.apply(first);
    assert.ok(enriched.arxiv && enriched.arxiv.categories.length > 0, JSON.stringify(enriched.arxiv));
    assert.equal(enriched.primaryCategory, enriched.arxiv.categories[0]);
    assert.equal(enriched.arxiv.firstVersionDate, first.publishedAt?.slice(0, 10));
    assert.equal(enriched.firstVersionDate, first.firstVersionDate, 'the paper\'s own dates stay: keys are made of them');
    subject.want(window, 'shown');
    await subject.idle();
    assert.equal(arxivRequests().length, 2, 'answered papers are not asked again within the month');
  });

  it('takes the venue from the authors\' journal reference, and then asks DBLP nothing', async () => {
    fake.setArxiv({ [first.id]: { journalRef: 'Advances in Neural Information Processing Systems 38 (NeurIPS 2026)', doi: '10.5555/neurips.2026.1', comment: 'Spotlight' } });
    const subject = enricher();
    subject.want([first], 'used');
    await subject.idle();
    const publication = subject.apply(first).publication;
    assert.equal(publication?.source, 'arxiv');
    assert.equal(publication?.kind, 'conference');
    assert.match(publication?.venue ?? '', /Advances in Neural Information Processing Systems/);
    assert.equal(publication?.year, '2026');
    assert.equal(subject.apply(first).arxiv?.comment, 'Spotlight');
    assert.deepEqual(dblpRequests(), []);
    // A paper cited or opened also gets its license, from arXiv's OAI-PMH interface.
    assert.deepEqual(fake.requests.filter((request) => request.startsWith('/oai2')), [`/oai2?verb=GetRecord&identifier=oai:arXiv.org:${first.id}&metadataPrefix=arXiv`]);
    assert.equal(subject.apply(first).arxiv?.license, 'https://creativecommons.org/licenses/by/4.0/');
  });

  it('asks DBLP about a cited paper arXiv names no venue for, and takes only a match of title, first author and year', async () => {
    const year = first.publishedAt?.slice(0, 4) ?? '2026';
    const hit = (title: string, author: string) => ({
      info: {
        authors: { author: [{ '@pid': '1/1', text: author }] }, title: `${title}.`, venue: 'ICLR', year, type: 'Conference and Workshop Papers',
        key: 'conf/iclr/X', doi: '10.5555/iclr.1', ee: 'https://openreview.net/forum?id=abc', url: 'https://dblp.org/rec/conf/iclr/X',
      },
    });
    fake.setDblp({ [first.title]: [hit(first.title, first.authors[0]?.name ?? '')], [second.title]: [hit(second.title, 'Somebody Else')] });
    const subject = enricher();
    subject.want([first, second], 'used');
    await subject.idle();
    assert.equal(dblpRequests().length, 2);
    assert.ok(fake.requests.indexOf(arxivRequests()[0] as string) < fake.requests.indexOf(dblpRequests()[0] as string), 'arXiv first: its venue would make DBLP moot');
    const publication = subject.apply(first).publication;
    assert.equal(publication?.source, 'dblp');
    assert.equal(publication?.venue, 'International Conference on Learning Representations');
    assert.equal(publication?.venueShort, 'ICLR');
    assert.equal(subject.apply(second).publication, undefined, 'another first author: no match');
  });

  it('asks no service the settings turn off', async () => {
    const subject = enricher({ enabled: () => ({ arxiv: false, published: false }) });
    subject.want(window.slice(0, 5), 'used');
    await subject.idle();
    assert.deepEqual(fake.requests, [], 'not arXiv\'s API, its OAI-PMH interface or DBLP');
    const arxivOnly = enricher({ enabled: () => ({ arxiv: true, published: false }) });
    arxivOnly.want([first], 'used');
    await arxivOnly.idle();
    assert.equal(arxivRequests().length, 1);
    assert.deepEqual(dblpRequests(), []);
  });

  it('stops asking at once when a service is turned off while papers wait', async () => {
    let enabled = { arxiv: true, published: true };
    // Turned off when the first of two batches is answered: the second is never asked for.
    const subject = enricher({ enabled: () => enabled, onChange: () => (enabled = { arxiv: false, published: false }) });
    subject.want(window, 'used');
    await subject.idle();
    assert.equal(arxivRequests().length, 1, fake.requests.join('\n'));
    assert.deepEqual(dblpRequests(), []);
  });

  for (const [name, fault] of [
    ['a 429 with Retry-After', { mode: '429', retryAfterSeconds: 120 }],
    ['a server error', { mode: '500' }],
    ['"Rate exceeded." as text', { mode: 'rateExceededText' }],
    ['malformed XML', { mode: 'malformedXml' }],
    ['a cut answer', { mode: 'truncate' }],
  ] as const) {
    it(`backs off after ${name}, keeps the papers as they were meanwhile, and asks again later`, async () => {
      fake.setFault({ ...fault, times: 1, path: '/api/query' });
      const subject = enricher();
      subject.want([first], 'used');
      const before = clock;
      await subject.idle();
      assert.equal(arxivRequests().length, 2, fake.requests.join('\n'));
      assert.ok(clock - before >= (fault.mode === '429' ? 120_000 : 30_000), `waited ${clock - before} ms`);
      assert.ok(subject.apply(first).arxiv, 'the second answer was taken');
      assert.match(log.join('\n'), /arXiv enrichment failed/);
      assert.doesNotMatch(log.join('\n'), /Hugging Face/);
    });
  }

  it('does not let a wait on DBLP\'s backoff hold up arXiv (real timers: the wait is a minute)', async () => {
    fake.setFault({ mode: '500', path: '/search/' });
    const subject = enricher({ sleep: undefined, now: undefined, intervalMs: { arxiv: 0, dblp: 0 }, firstBackoffMs: 60_000 });
    try {
      subject.want([first], 'used');
      for (const deadline = Date.now() + 10_000; dblpRequests().length === 0; await new Promise((resolve) => setTimeout(resolve, 20))) {
        assert.ok(Date.now() < deadline, 'DBLP was asked');
      }
      await new Promise((resolve) => setTimeout(resolve, 100)); // the loop now waits out DBLP's minute
      subject.want([second], 'shown');
      // Before, the loop slept through DBLP's backoff and arXiv was asked a minute later.
      for (const deadline = Date.now() + 10_000; !arxivRequests().some((request) => request.includes(second.id)); await new Promise((resolve) => setTimeout(resolve, 20))) {
        assert.ok(Date.now() < deadline, 'arXiv asked about the new paper at once');
      }
    } finally {
      subject.dispose();
    }
  });

  it('finds the one id arXiv refuses by halving the batch, and asks about the others', async () => {
    const refused = '2601.77777';
    const errorFeed = '<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_' + refused + '</id><title>Error</title><summary>incorrect id format for ' + refused + '</summary></entry></feed>';
    let refusals = 0;
    const subject = enricher({
      fetch: (url, init) => (url.includes(refused) ? Promise.resolve(new Response(errorFeed, { status: 200 })).finally(() => refusals++) : fetch(url, init)),
    });
    const papers = [...window.slice(0, 9), { ...first, id: refused }];
    subject.want(papers, 'shown');
    await subject.idle();
    for (const paper of window.slice(0, 9)) {
      assert.ok(subject.apply(paper).arxiv, `${paper.id} answered`);
    }
    assert.equal(subject.apply({ ...first, id: refused }).arxiv, undefined);
    assert.match(log.join('\n'), /arXiv refused 2601\.77777/);
    const before = refusals;
    assert.ok(before >= 2 && before <= 5, `${before} requests to find it among ten`);
    subject.want(papers, 'shown');
    await subject.idle();
    assert.equal(refusals, before, 'not asked again today');
  });

  it('keeps its records in a file other windows share; a damaged file is an empty start', async () => {
    const file = join(folder, 'enrichment.json');
    const subject = enricher({ file });
    subject.want([first], 'used');
    await subject.idle();
    subject.dispose(); // writes what is pending
    await subject.idle();
    const reader = enricher({ file, enabled: () => ({ arxiv: false, published: false }) });
    await reader.load();
    assert.deepEqual(reader.apply(first).arxiv, subject.apply(first).arxiv);
    assert.ok(reader.apply(first).arxiv);
    assert.equal((JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version, 1);
    writeFileSync(file, '{"version":1,"papers":{"../x":{"arxivCheckedAt":"2026"},"2601.00001":"nope"');
    const damaged = enricher({ file });
    await damaged.load();
    assert.equal(damaged.apply(first), first);
  });

  it('reads test hooks for endpoints: http(s) only', () => {
    const warned: string[] = [];
    assert.equal(serviceEndpoint(undefined, 'https://export.arxiv.org', (value) => warned.push(value)), 'https://export.arxiv.org');
    assert.equal(serviceEndpoint('http://127.0.0.1:9/', 'x', (value) => warned.push(value)), 'http://127.0.0.1:9');
    assert.equal(serviceEndpoint('file:///etc/passwd', 'https://dblp.org', (value) => warned.push(value)), 'https://dblp.org');
    assert.deepEqual(warned, ['file:///etc/passwd']);
  });
});

describe('enrichment records', () => {
  const paper: Paper = { id: '2601.00001', title: 'T', authors: [{ name: 'Ada Lovelace' }], abstract: '', publishedAt: '2026-01-05' };
  const day = 86_400_000;
  const now = Date.parse('2026-06-01T00:00:00Z');
  const at = (daysAgo: number): string => new Date(now - daysAgo * day).toISOString();

  it('asks arXiv again monthly about a young paper with no journal reference, twice a year otherwise', () => {
    assert.ok(arxivDue(undefined, paper, now));
    assert.ok(!arxivDue({ arxivCheckedAt: at(10), arxiv: { categories: ['cs.LG'] } }, paper, now));
    assert.ok(arxivDue({ arxivCheckedAt: at(31), arxiv: { categories: ['cs.LG'] } }, paper, now));
    assert.ok(!arxivDue({ arxivCheckedAt: new Date(now - 3_600_000).toISOString() }, paper, now), 'left out of an answer an hour ago');
    assert.ok(arxivDue({ arxivCheckedAt: at(2) }, paper, now), 'left out of an answer: asked again the next day');
    assert.ok(!arxivDue({ arxivCheckedAt: at(31), arxiv: { categories: ['cs.LG'], journalRef: 'ICML 2026' } }, paper, now));
    assert.ok(!arxivDue({ arxivCheckedAt: at(100), arxiv: { categories: ['cs.LG'] } }, { ...paper, publishedAt: '2020-01-01' }, now));
    assert.ok(arxivDue({ arxivCheckedAt: at(200), arxiv: { categories: ['cs.LG'] } }, { ...paper, publishedAt: '2020-01-01' }, now));
  });

  it('asks DBLP only when arXiv names no venue, and again monthly for young papers it had no match for', () => {
    assert.ok(dblpDue(undefined, paper, now));
    assert.ok(!dblpDue({ arxivCheckedAt: at(1), arxiv: { categories: [], journalRef: 'ICML 2026' } }, paper, now));
    assert.ok(!dblpDue({ dblpCheckedAt: at(10) }, paper, now));
    assert.ok(dblpDue({ dblpCheckedAt: at(40) }, paper, now));
    assert.ok(!dblpDue({ dblpCheckedAt: at(40) }, { ...paper, publishedAt: '2019-01-01' }, now));
  });

  it('merges two windows\' records by the later answer of each service', () => {
    const a = { arxivCheckedAt: at(5), arxiv: { categories: ['cs.AI'] }, dblpCheckedAt: at(1) };
    const b = { arxivCheckedAt: at(1), arxiv: { categories: ['cs.CL'] }, dblpCheckedAt: at(9), dblp: { kind: 'journal', venue: 'J', year: '2026', source: 'dblp' } as const };
    assert.deepEqual(mergeRecords(a, b), { arxiv: { categories: ['cs.CL'] }, arxivCheckedAt: at(1), dblpCheckedAt: at(1) });
  });

  it('reads only valid records back: ids, categories, DOIs, venues, years, https URLs', () => {
    const text = serializeRecords(new Map([['2601.00001', {
      arxivCheckedAt: at(1), arxiv: { categories: ['cs.LG', 'cs.AI'], version: 2, comment: 'ok', doi: '10.1/x' },
      dblp: { kind: 'conference', venue: 'V', year: '2026', url: 'https://x.org/a', source: 'dblp' }, dblpCheckedAt: at(1),
    }]]));
    assert.deepEqual(parseRecords(text).get('2601.00001')?.arxiv?.categories, ['cs.LG', 'cs.AI']);
    const hostile = JSON.stringify({ version: 1, papers: {
      '2601.00002': { arxivCheckedAt: at(1), arxiv: { categories: ['<script>', 'cs.LG'], version: -1, doi: 'javascript:x', license: 'http://x' },
        dblp: { kind: 'book', venue: 'V', year: '2026', source: 'dblp' } },
      '2601.00003': { dblpCheckedAt: at(1), dblp: { kind: 'journal', venue: 'V', year: '99', source: 'dblp' } },
      '../../etc': { arxivCheckedAt: at(1) },
      '2601.00004': { arxiv: { categories: [] } },
    } });
    const records = parseRecords(hostile);
    assert.deepEqual(records.get('2601.00002'), { arxivCheckedAt: at(1), arxiv: { categories: ['cs.LG'] } });
    assert.deepEqual(records.get('2601.00003'), { dblpCheckedAt: at(1) });
    assert.deepEqual([...records.keys()], ['2601.00002', '2601.00003'], 'no record without an answer, no made-up id');
    assert.equal(parseRecords('not json').size, 0);
    assert.equal(parseRecords(JSON.stringify({ version: 2, papers: {} })).size, 0);
  });

  it('applies a record: arXiv\'s v1 date and primary category win, its journal reference over DBLP', () => {
    const record = {
      arxivCheckedAt: at(1), firstVersionDate: '2025-12-30', arxiv: { categories: ['cs.CV', 'cs.LG'], journalRef: 'CVPR 2026' },
      dblp: { kind: 'journal', venue: 'J', year: '2026', source: 'dblp' } as const,
    };
    const applied = applyEnrichment({ ...paper, primaryCategory: 'cs.LG' }, record);
    assert.equal(applied.arxiv?.firstVersionDate, '2025-12-30');
    assert.equal(citationYear(applied), '2025', 'a citation gives arXiv\'s v1 year');
    // Before, the v1 date replaced the paper's own, and the key changed when arXiv answered.
    assert.equal(citationKey(applied), citationKey(paper), 'the key is the one written before arXiv answered');
    assert.equal(citationKey(paper), 'lovelace2026t');
    assert.equal(applied.primaryCategory, 'cs.CV');
    assert.equal(applied.publication?.source, 'arxiv');
    assert.equal(applyEnrichment(paper, { ...record, arxiv: { categories: ['cs.CV'] } }).publication?.venue, 'J');
    assert.equal(applyEnrichment(paper, undefined), paper);
  });
});

describe('the license, from arXiv\'s OAI-PMH interface', () => {
  it('reads the arXiv-format record\'s license as https, none when it names none, and refuses what is not OAI-PMH', () => {
    const record = (license: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">
<responseDate>2026-08-21T12:00:00Z</responseDate>
<request verb="GetRecord" identifier="oai:arXiv.org:2508.10104" metadataPrefix="arXiv">http://export.arxiv.org/oai2</request>
<GetRecord><record><header><identifier>oai:arXiv.org:2508.10104</identifier><datestamp>2025-08-15</datestamp></header>
<metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>2508.10104</id>${license}<abstract>A</abstract></arXiv></metadata></record></GetRecord>
</OAI-PMH>`;
    assert.equal(parseOaiLicense(record('<license>http://creativecommons.org/licenses/by/4.0/</license>')), 'https://creativecommons.org/licenses/by/4.0/');
    assert.equal(parseOaiLicense(record('<license>http://arxiv.org/licenses/nonexclusive-distrib/1.0/</license>')), 'https://arxiv.org/licenses/nonexclusive-distrib/1.0/');
    assert.equal(parseOaiLicense(record('')), null);
    assert.equal(parseOaiLicense(record('<license>javascript:alert(1)</license>')), null);
    assert.equal(parseOaiLicense(record('<license>https://evil.example/licenses/by/</license>')), null);
    assert.equal(parseOaiLicense('<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><error code="idDoesNotExist">no</error></OAI-PMH>'), null);
    assert.throws(() => parseOaiLicense('Rate exceeded.'), FeedError);
    assert.throws(() => parseOaiLicense('<feed xmlns="http://www.w3.org/2005/Atom"/>'), FeedError);
    assert.throws(() => parseOaiLicense('<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><GetRecord>'), FeedError);
    assert.equal(arxivLicenseUrl('https://export.arxiv.org/', 'hep-th/9901001'), 'https://export.arxiv.org/oai2?verb=GetRecord&identifier=oai:arXiv.org:hep-th/9901001&metadataPrefix=arXiv');
  });
});
