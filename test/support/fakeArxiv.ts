/**
 * The arXiv API and DBLP search of the fake server (fakeHf.ts), as pure functions of what the fake
 * knows: arXiv answers `/api/query?id_list=…` in the new (November 2025) Atom format, for each listed
 * paper the fake Hugging Face serves (unknown ids silently dropped, a malformed id answered with
 * arXiv's 200 error entry); DBLP answers `/search/publ/api?q=…` with the hits a test set for the
 * query's normalised title, else an empty result of DBLP's shape.
 */
import { readFileSync } from 'node:fs';
import { normaliseTitle } from '../../src/core/enrich/dblp';
import { parseArxivId } from '../../src/core/paper/arxiv';
import { sharedPath } from './paths';

/** What a test sets for one paper on the fake arXiv (over HTTP: `POST /__arxiv` with `{ "<id>": override }`). */
export interface ArxivOverride {
  readonly journalRef?: string;
  readonly doi?: string;
  readonly comment?: string;
  /** Every category, primary first. */
  readonly categories?: readonly string[];
  readonly version?: number;
  /** The v1 date-time or date. */
  readonly published?: string;
  /** This version's date-time or date (default: `published`). */
  readonly updated?: string;
  readonly title?: string;
  /** The license its OAI-PMH record names (default CC BY 4.0; `null`: none). */
  readonly license?: string | null;
}

/** The paper fields the fake arXiv reads from a Hugging Face item. */
export interface ArxivSource {
  readonly id: string;
  readonly title?: unknown;
  readonly authors?: unknown;
  readonly publishedAt?: unknown;
}

let seedCategories: Map<string, string> | undefined;

/** Primary categories of the seed papers, by arXiv id. */
function seedCategory(id: string): string | undefined {
  if (!seedCategories) {
    const seed = JSON.parse(readFileSync(sharedPath('seed', 'seed-papers.json'), 'utf8')) as { arxivId?: unknown; primaryCategory?: unknown }[];
    seedCategories = new Map(seed.flatMap((paper) =>
      typeof paper.arxivId === 'string' && typeof paper.primaryCategory === 'string' ? [[paper.arxivId, paper.primaryCategory] as [string, string]] : []));
  }
  return seedCategories.get(id);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const FEED_START = `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">`;

function feed(query: string, total: number, entries: readonly string[]): string {
  return `${FEED_START}
  <id>https://arxiv.org/api/fake</id>
  <title>arXiv Query: ${escapeXml(query)}</title>
  <updated>2026-08-21T12:00:00Z</updated>
  <link href="https://arxiv.org/api/query?${escapeXml(query)}" type="application/atom+xml"/>
  <opensearch:itemsPerPage>${entries.length}</opensearch:itemsPerPage>
  <opensearch:totalResults>${total}</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
${entries.join('\n')}
</feed>
`;
}

function dateTime(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    return '2026-01-01T00:00:00Z';
  }
  return value.length === 10 ? `${value}T12:00:00Z` : value.replace(/\.\d+Z$/, 'Z');
}

function entry(source: ArxivSource, override: ArxivOverride = {}): string {
  const version = override.version ?? 1;
  const published = dateTime(override.published ?? source.publishedAt);
  const updated = dateTime(override.updated ?? override.published ?? source.publishedAt);
  const title = override.title ?? (typeof source.title === 'string' ? source.title : '');
  const authors = Array.isArray(source.authors) ? source.authors.flatMap((author: unknown) => {
    const name = typeof author === 'object' && author !== null ? (author as { name?: unknown }).name : undefined;
    return typeof name === 'string' ? [name] : [];
  }) : [];
  const categories = override.categories ?? [seedCategory(source.id) ?? 'cs.LG'];
  const id = `${source.id}v${version}`;
  const lines = [
    `    <id>http://arxiv.org/abs/${id}</id>`,
    `    <title>${escapeXml(title)}</title>`,
    `    <updated>${updated}</updated>`,
    `    <link href="https://arxiv.org/abs/${id}"/>`,
    `    <link href="https://arxiv.org/pdf/${id}"/>`,
    '    <summary>An abstract.</summary>',
    ...categories.map((term) => `    <category term="${escapeXml(term)}" scheme="http://arxiv.org/schemas/atom"/>`),
    `    <published>${published}</published>`,
    ...(override.comment !== undefined ? [`    <arxiv:comment>${escapeXml(override.comment)}</arxiv:comment>`] : []),
    `    <arxiv:primary_category term="${escapeXml(categories[0] ?? 'cs.LG')}"/>`,
    ...(override.journalRef !== undefined ? [`    <arxiv:journal_ref>${escapeXml(override.journalRef)}</arxiv:journal_ref>`] : []),
    ...authors.map((name) => `    <author>\n      <name>${escapeXml(name)}</name>\n    </author>`),
    ...(override.doi !== undefined
      ? [`    <arxiv:doi>${escapeXml(override.doi)}</arxiv:doi>`, `    <link rel="related" href="https://doi.org/${escapeXml(override.doi)}"/>`]
      : []),
  ];
  return `  <entry>\n${lines.join('\n')}\n  </entry>`;
}

/** arXiv's answer to an `id_list` query over the papers `known` returns. */
export function arxivAnswer(params: URLSearchParams, known: (id: string) => ArxivSource | undefined, overrides: ReadonlyMap<string, ArxivOverride>): string {
  const ids = (params.get('id_list') ?? '').split(',').map((id) => id.trim()).filter((id) => id.length > 0);
  const query = `search_query=&id_list=${ids.join(',')}&start=0&max_results=${params.get('max_results') ?? 10}`;
  const malformed = ids.find((id) => parseArxivId(id) === undefined);
  if (malformed !== undefined) {
    const anchor = `incorrect_id_format_for_${malformed}`;
    return feed(query, 1, [`  <entry>
    <id>http://arxiv.org/api/errors#${escapeXml(anchor)}</id>
    <title>Error</title>
    <summary>incorrect id format for ${escapeXml(malformed)}</summary>
    <updated>2026-08-21T00:00:00-04:00</updated>
    <link href="http://arxiv.org/api/errors#${escapeXml(anchor)}" rel="alternate" type="text/html"/>
    <author>
      <name>arXiv api core</name>
    </author>
  </entry>`]);
  }
  const max = Math.min(2_000, Math.max(0, Number(params.get('max_results') ?? 10) || 10));
  const entries = ids.flatMap((raw) => {
    const id = parseArxivId(raw) as string;
    const source = known(id);
    return source ? [entry(source, overrides.get(id))] : [];
  });
  return feed(query, entries.length, entries.slice(0, max));
}

/**
 * arXiv's OAI-PMH answer to `GetRecord` in the `arXiv` metadata format (written from arXiv's and the
 * OAI-PMH 2.0 documentation): the record with its license, or the `idDoesNotExist` error.
 */
export function oaiAnswer(params: URLSearchParams, known: (id: string) => ArxivSource | undefined, overrides: ReadonlyMap<string, ArxivOverride>): string {
  const identifier = params.get('identifier') ?? '';
  const id = parseArxivId(identifier.replace(/^oai:arXiv\.org:/, ''));
  const source = id === undefined ? undefined : known(id);
  const request = `<request verb="GetRecord" identifier="${escapeXml(identifier)}" metadataPrefix="arXiv">http://export.arxiv.org/oai2</request>`;
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">\n<responseDate>2026-08-21T12:00:00Z</responseDate>\n';
  if (!id || !source) {
    return `${head}${request}\n<error code="idDoesNotExist">Malformed or unknown identifier</error>\n</OAI-PMH>\n`;
  }
  const override = overrides.get(id) ?? {};
  const license = override.license === undefined ? 'http://creativecommons.org/licenses/by/4.0/' : override.license;
  const title = override.title ?? (typeof source.title === 'string' ? source.title : '');
  return `${head}${request}
<GetRecord>
<record>
<header>
 <identifier>oai:arXiv.org:${escapeXml(id)}</identifier>
 <datestamp>2026-08-21</datestamp>
 <setSpec>cs</setSpec>
</header>
<metadata>
 <arXiv xmlns="http://arxiv.org/OAI/arXiv/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://arxiv.org/OAI/arXiv/ http://arxiv.org/OAI/arXiv.xsd">
 <id>${escapeXml(id)}</id>
 <created>${dateTime(override.published ?? source.publishedAt).slice(0, 10)}</created>
 <title>${escapeXml(title)}</title>
 <categories>${escapeXml((override.categories ?? [seedCategory(id) ?? 'cs.LG']).join(' '))}</categories>
${license === null ? '' : ` <license>${escapeXml(license)}</license>\n`} <abstract>An abstract.</abstract>
 </arXiv>
</metadata>
</record>
</GetRecord>
</OAI-PMH>
`;
}

/** A body of DBLP's shape around `hits` (each `{ info: … }`). */
export function dblpBody(query: string, hits: readonly unknown[]): unknown {
  const count = String(hits.length);
  return {
    result: {
      query: `${query}*`,
      status: { '@code': '200', text: 'OK' },
      time: { '@unit': 'msecs', text: '1.00' },
      completions: { '@total': '0', '@computed': '0', '@sent': '0' },
      hits: {
        '@total': count, '@computed': count, '@sent': count, '@first': '0',
        ...(hits.length > 0 ? { hit: hits.map((hit, index) => ({ '@score': '1', '@id': String(index + 1), ...(hit as object) })) } : {}),
      },
    },
  };
}

/**
 * DBLP's answer to `q`: what a test set for the query's normalised title (`normaliseTitle`): a list of
 * hits is wrapped in DBLP's shape, anything else is sent as the whole body; else no hits.
 */
export function dblpAnswer(params: URLSearchParams, answers: ReadonlyMap<string, unknown>): unknown {
  const query = params.get('q') ?? '';
  const set = answers.get(normaliseTitle(query));
  if (set === undefined) {
    return dblpBody(query, []);
  }
  return Array.isArray(set) ? dblpBody(query, set) : set;
}

/** Keys of `POST /__dblp` normalised as the fake looks them up: a test may give the plain title. */
export function dblpKeys(answers: Record<string, unknown>): [string, unknown][] {
  return Object.entries(answers).map(([title, value]) => [normaliseTitle(title), value]);
}
