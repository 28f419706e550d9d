import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ARXIV_ENDPOINT, arxivQueryUrl, parseArxivAtom, toArxivMetadata, validDoi } from '../../src/core/enrich/arxivAtom';
import { FeedError } from '../../src/core/feed/http';
import { sharedPath } from '../support/paths';

const sample = (name: string): string => readFileSync(sharedPath('corpus', 'samples', `arxiv_api_query_${name}.xml`), 'utf8');

const FEED_OPEN = '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">';
const feed = (...entries: string[]): string => `${FEED_OPEN}<title>arXiv Query</title>${entries.join('')}</feed>`;
const entry = (inner: string, id = 'http://arxiv.org/abs/2508.10104v2'): string =>
  `<entry><id>${id}</id><title>A Title</title><published>2025-08-13T17:59:59Z</published><updated>2025-08-20T10:00:00Z</updated>${inner}<author><name>Ada Lovelace</name></author></entry>`;

function formatError(xml: string, message?: RegExp): void {
  assert.throws(() => parseArxivAtom(xml), (error: unknown) => {
    assert.ok(error instanceof FeedError, String(error));
    assert.equal(error.kind, 'format');
    if (message) {
      assert.match(error.message, message);
    }
    return true;
  });
}

describe('arXiv Atom: the request', () => {
  it('lists the ids, starts at 0 and asks for as many results as ids', () => {
    assert.equal(ARXIV_ENDPOINT, 'https://export.arxiv.org');
    assert.equal(arxivQueryUrl(ARXIV_ENDPOINT, ['2508.10104', 'hep-th/9901001']),
      'https://export.arxiv.org/api/query?id_list=2508.10104,hep-th/9901001&start=0&max_results=2');
    assert.equal(arxivQueryUrl('http://127.0.0.1:4000/', ['2508.10104']), 'http://127.0.0.1:4000/api/query?id_list=2508.10104&start=0&max_results=1');
  });

  it('escapes what does not belong in a query', () => {
    assert.equal(arxivQueryUrl('https://x', ['a&b=c']), 'https://x/api/query?id_list=a%26b%3Dc&start=0&max_results=1');
  });
});

describe('arXiv Atom: the real answers of both formats', () => {
  it('reads the old (August 2025) format: per-element prefixes, wrapped titles, DOI and journal reference', () => {
    const entries = parseArxivAtom(sample('2025-08_oldformat'));
    assert.equal(entries.length, 10);
    assert.deepEqual(entries[0], {
      id: 'astro-ph/9904306', version: 1, title: 'Improved scenario of baryogenesis', authors: ['D. L. Khokhlov'],
      published: '1999-04-22', updated: '1999-04-22', primaryCategory: 'astro-ph', categories: ['astro-ph'], comment: '3 pages LaTeX',
    });
    assert.equal(entries[1]?.title, 'Proton-ring and Electron-linac Collider (PRELC) as a (first) TeV-rangeelectron-proton or photon-proton collider');
    assert.deepEqual(entries[1]?.authors, ['Raimo Vuopionperä']);
    const chem = entries.find((found) => found.id === '1706.01836');
    assert.equal(chem?.version, 2);
    assert.equal(chem?.published, '2017-06-06');
    assert.equal(chem?.updated, '2017-09-24');
    assert.equal(chem?.doi, '10.1063/1.4996038');
    assert.equal(chem?.journalRef, 'The Journal of Chemical Physics 147, 114113 (2017)');
    assert.equal(chem?.primaryCategory, 'physics.chem-ph');
    assert.equal(chem?.categories[0], 'physics.chem-ph');
  });

  it('reads the new (November 2025) format: prefixes on <feed>, bare links, several categories', () => {
    const entries = parseArxivAtom(sample('2025-11_newformat'));
    assert.equal(entries.length, 10);
    assert.deepEqual(entries[0]?.categories, ['nucl-ex', 'hep-ph']);
    assert.equal(entries[0]?.authors.length, 9);
    assert.equal(entries[0]?.authors[8], 'H. de Vries');
    const refs = entries.map((found) => found.journalRef).filter((ref) => ref !== undefined);
    assert.deepEqual(refs, [
      'CERN Yellow Report CERN-2013-002, pp.237-240',
      'Li, Y., Xia, G., Lotov, K. V., Sosedkin, A. P., Hanahoe, K., & Mete-Apsimon, O. (2017). High-quality electron beam generation in a proton-driven hollow plasma wakefield accelerator. Physical Review Accelerators and Beams, 20(10), 101301',
      'Phys. Rev. D 103, 096005 (2021)',
      'AIPConf.Proc.1017:10-17,2008',
      'Eur. Phys. J. A, 48 11 (2012) 151',
      'Phys.Rev.A 88 (2013) 062514',
    ]);
    const wake = entries.find((found) => found.id === '1610.08734');
    assert.equal(wake?.version, 3);
    assert.equal(wake?.doi, '10.1103/PhysRevAccelBeams.20.101301');
    for (const found of entries) {
      assert.ok(found.categories.length > 0, `${found.id} has no category`);
      assert.equal(found.categories[0], found.primaryCategory);
      assert.equal(new Set(found.categories).size, found.categories.length);
    }
  });

  it('reads an answer with no entries, and one where missing ids were dropped', () => {
    assert.deepEqual(parseArxivAtom(sample('2025-11_empty')), []);
    const partial = parseArxivAtom(sample('2025-11_partial_idlist'));
    assert.deepEqual(partial.map((found) => [found.id, found.primaryCategory, found.comment]), [['2201.13452', 'math.AP', '34 pages']]);
  });

  it('keeps what the paper model needs as ArxivMetadata (no license: the Atom API has none)', () => {
    const chem = parseArxivAtom(sample('2025-08_oldformat')).find((found) => found.id === '1706.01836');
    assert.ok(chem);
    assert.deepEqual(toArxivMetadata(chem), {
      categories: ['physics.chem-ph'], version: 2, versionDate: '2017-09-24',
      journalRef: 'The Journal of Chemical Physics 147, 114113 (2017)', doi: '10.1063/1.4996038',
    });
    assert.deepEqual(toArxivMetadata({ id: '2508.10104', authors: [], categories: [] }), { categories: [] });
  });
});

describe('arXiv Atom: what is not a feed', () => {
  it('refuses the plain-text rate limit, an HTML page, JSON and an empty body', () => {
    formatError('Rate exceeded.', /Rate exceeded/);
    formatError('<!doctype html><html><body>Service unavailable</body></html>');
    formatError('<html><body><p>Sign in</p></body></html>', /Atom feed/);
    formatError('{"error":"nope"}');
    formatError('');
    formatError('   ');
  });

  it("turns arXiv's error entry (HTTP 200) into an error with its message", () => {
    const error = `<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.1234x</id><title>Error</title>
      <summary>incorrect id format for 1234.1234x</summary><updated>2025-11-11T00:00:00-05:00</updated>
      <author><name>arXiv api core</name></author></entry>`;
    formatError(feed(error), /incorrect id format for 1234\.1234x/);
  });

  it('refuses cut-off XML, mismatched tags, a second root and text outside the root', () => {
    const whole = sample('2025-11_newformat');
    formatError(whole.slice(0, Math.floor(whole.length / 2)), /cut off|not closed|unclosed/);
    formatError(whole.slice(0, whole.lastIndexOf('</feed>')));
    formatError(feed('<entry><id>x</title></entry>'), /does not match/);
    formatError(`${feed()}<feed xmlns="http://www.w3.org/2005/Atom"/>`, /second root/);
    formatError(`${feed()} trailing words`, /outside/);
    formatError('<feed xmlns="http://example.org/not-atom"></feed>', /Atom feed/);
  });

  it('refuses unknown entities, bad character references and an undeclared prefix', () => {
    formatError(feed(entry('<arxiv:comment>&nbsp;</arxiv:comment>')), /unknown entity/);
    formatError(feed(entry('<arxiv:comment>&#0;</arxiv:comment>')), /does not allow/);
    formatError(feed(entry('<arxiv:comment>&#xD800;</arxiv:comment>')));
    formatError(feed(entry('<arxiv:comment>fish & chips</arxiv:comment>')), /starts no entity/);
    formatError(`<feed xmlns="http://www.w3.org/2005/Atom"><x:entry/></feed>`, /undeclared/);
  });
});

describe('arXiv Atom: the text inside', () => {
  it('decodes the five entities, numeric references and CDATA', () => {
    const [found] = parseArxivAtom(feed(entry('<arxiv:comment>A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos; &#233;&#xE9; <![CDATA[<raw> & more]]></arxiv:comment>')));
    assert.equal(found?.comment, 'A & B <C> "D" \'E\' éé <raw> & more');
  });

  it('reads the arXiv namespace under any prefix, declared on the element or the feed', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2401.00001v1</id>
      <ax:journal_ref xmlns:ax="http://arxiv.org/schemas/atom">ICLR 2024</ax:journal_ref>
      <a:entry-free xmlns:a="http://www.w3.org/2005/Atom"/>
      <atom:category xmlns:atom="http://www.w3.org/2005/Atom" term="cs.LG"/>
      <q:primary_category xmlns:q="http://arxiv.org/schemas/atom" term="cs.CL"/>
      <comment>not arXiv's: Atom has no comment</comment></entry></feed>`;
    const [found] = parseArxivAtom(xml);
    assert.equal(found?.journalRef, 'ICLR 2024');
    assert.deepEqual(found?.categories, ['cs.CL', 'cs.LG']);
    assert.equal(found?.comment, undefined);
  });

  it('cleans, validates and deduplicates: bad ids, categories, dates and DOIs are left out', () => {
    const entries = parseArxivAtom(feed(
      entry('<category term="cs.CL"/><category term="cs.CL"/><category term="x y"/><category term="cs.AI"/><arxiv:primary_category term="cs.CL"/><arxiv:doi>not a doi</arxiv:doi>'),
      entry('', 'http://arxiv.org/abs/not-an-id'),
      entry('', 'https://example.org/abs/2508.10104v1'),
      `<entry><id>http://arxiv.org/abs/2401.00002</id><published>2024-02-30T00:00:00Z</published><updated>yesterday</updated><title>  Many
          spaces\u202E here </title><arxiv:doi>10.1000/a b</arxiv:doi></entry>`,
    ));
    assert.deepEqual(entries.map((found) => found.id), ['2508.10104', '2401.00002']);
    assert.deepEqual(entries[0]?.categories, ['cs.CL', 'cs.AI']);
    assert.equal(entries[0]?.doi, undefined);
    assert.equal(entries[1]?.version, undefined);
    assert.equal(entries[1]?.published, undefined);
    assert.equal(entries[1]?.updated, undefined);
    assert.equal(entries[1]?.title, 'Many spaces here');
    assert.equal(entries[1]?.doi, '10.1000/a');
    assert.deepEqual(entries[1]?.authors, []);
  });

  it('checks DOIs: the 10. prefix, no whitespace, at most 200 characters', () => {
    assert.equal(validDoi('10.1103/PhysRevD.103.096005'), '10.1103/PhysRevD.103.096005');
    assert.equal(validDoi(' 10.5170/CERN-2013-002.237 '), '10.5170/CERN-2013-002.237');
    assert.equal(validDoi('11.1000/x'), undefined);
    assert.equal(validDoi('10.1/x'), undefined);
    assert.equal(validDoi(`10.1000/${'x'.repeat(200)}`), undefined);
    assert.equal(validDoi('10.1000/"><script>'), undefined);
    assert.equal(validDoi(42), undefined);
  });
});

describe('arXiv Atom: hostile input', () => {
  it('refuses a DOCTYPE and entity declarations (no entity can expand: billion laughs, external entities)', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
      <feed xmlns="http://www.w3.org/2005/Atom"><title>&lol2;</title></feed>`;
    formatError(bomb, /declaration/);
    formatError('<!DOCTYPE feed SYSTEM "file:///etc/passwd"><feed xmlns="http://www.w3.org/2005/Atom"/>', /declaration/);
    formatError(feed('<!ENTITY x "y">'), /declaration/);
  });

  it('refuses more than 8 MB unread, and reads a long valid feed in linear time', () => {
    formatError(`${FEED_OPEN}${' '.repeat(10 * 1024 * 1024)}</feed>`, /MB/);
    const many = feed(...Array.from({ length: 2_500 }, (_unused, index) => entry(`<arxiv:comment>${'&amp;'.repeat(200)}</arxiv:comment>`, `http://arxiv.org/abs/2401.${String(index).padStart(5, '0')}v1`)));
    assert.ok(many.length < 8 * 1024 * 1024);
    const started = Date.now();
    const entries = parseArxivAtom(many);
    assert.equal(entries.length, 2_000, 'at most 2,000 entries');
    assert.ok(Date.now() - started < 3_000, `took ${Date.now() - started} ms`);
  });

  it('stays linear on pathological text: a run of "&" and of "<" characters', () => {
    const started = Date.now();
    formatError(feed(entry(`<arxiv:comment>${'&'.repeat(1_000_000)}</arxiv:comment>`)), /starts no entity/);
    formatError(`${FEED_OPEN}${'<'.repeat(1_000_000)}`);
    formatError(`${FEED_OPEN}<a b="${'x'.repeat(1_000_000)}`);
    assert.ok(Date.now() - started < 3_000, `took ${Date.now() - started} ms`);
  });

  it('refuses thousands of namespace prefixes, which each declaring element would copy (quadratic before)', () => {
    const prefixes = Array.from({ length: 16_000 }, (_, index) => ` xmlns:p${index}="urn:${index}"`).join('');
    const children = '<c xmlns:q="urn:q"/>'.repeat(16_000);
    const started = Date.now();
    formatError(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"${prefixes}>${children}</feed>`, /too many namespace prefixes/);
    assert.ok(Date.now() - started < 2_000, `took ${Date.now() - started} ms`);
  });

  it('refuses deep nesting without recursing', () => {
    formatError(feed(`${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}`), /nested too deeply/);
  });

  it('bounds each field: a huge title is cut, thousands of authors are capped', () => {
    const authors = '<author><name>A B</name></author>'.repeat(5_000);
    const [found] = parseArxivAtom(feed(`<entry><id>http://arxiv.org/abs/2401.00001v1</id><title>${'word '.repeat(200_000)}</title>${authors}</entry>`));
    assert.ok((found?.title?.length ?? 0) <= 1_000);
    assert.equal(found?.authors.length, 1_000);
  });
});
