/**
 * Enrichment (core/enrich/enricher.ts) against the fake arXiv of test/support/fakeHf.ts on 127.0.0.1:
 * - papersPerRequest: a month of mornings, each showing the last seven days of Daily Papers (the
 *   default window) from the corpus: the distinct papers asked about per arXiv request;
 * - addedLatencyMs: what Copy Citation's path (ask in the background, apply what is known, format)
 *   costs for a paper not yet enriched while arXiv takes two seconds to answer, over the same
 *   formatting without enrichment, in the same run (target 0: the citation never waits).
 */
import { parse as parseHtml } from 'node-html-parser';
import type { EntryOptions } from '../../src/core/citation/bibtex';
import { arxivQueryUrl, parseArxivAtom } from '../../src/core/enrich/arxivAtom';
import { formatCitation } from '../../src/core/citation/format';
import { Enricher } from '../../src/core/enrich/enricher';
import type { Paper } from '../../src/core/paper/model';
import { normaliseDailyPapers } from '../../src/core/paper/normalise';
import { readCorpus } from '../support/corpus';
import { FakeHf } from '../support/fakeHf';
import { type Bench, percentile, time } from './harness';

const DAY_MS = 86_400_000;
const MORNINGS = 30;
const CITED = 200;

function enricher(fake: FakeHf, clock: { now: number }): Enricher {
  return new Enricher({
    fetch: (url, init) => fetch(url, init),
    userAgent: 'paper-feed-bench',
    arxivEndpoint: fake.url,
    dblpEndpoint: fake.url,
    enabled: () => ({ arxiv: true, published: false }),
    now: () => clock.now,
    sleep: async (ms) => {
      clock.now += ms;
    },
    intervalMs: { arxiv: 3_000, dblp: 1_000 },
  });
}

export async function benchEnrichment(bench: Bench): Promise<void> {
  const days = readCorpus().slice(-(MORNINGS + 7)).map((day) => ({ date: day.date, papers: normaliseDailyPapers(day.response, day.date).papers }));
  const fake = await FakeHf.start();
  try {
    // A month of mornings: each shows the seven days before it; answered papers are not asked again.
    const clock = { now: Date.parse(`${days[7]?.date ?? '2026-07-01'}T08:00:00Z`) };
    const subject = enricher(fake, clock);
    const asked = new Set<string>();
    for (let morning = 7; morning < days.length; morning++) {
      const shown = days.slice(morning - 7, morning).flatMap((day) => day.papers);
      shown.forEach((paper) => asked.add(paper.id));
      subject.want(shown, 'shown');
      await subject.idle();
      clock.now += DAY_MS;
    }
    bench.record('enrichment.papersPerRequest', asked.size / subject.sent.arxiv, 'papers', `${asked.size} papers shown over ${days.length - 7} mornings of the 7-day window, ${subject.sent.arxiv} arXiv requests`);

    // Copy Citation for papers not yet enriched, while arXiv answers after two seconds.
    fake.reset();
    fake.setFault({ mode: 'delay', delayMs: 2_000, path: '/api/query' });
    const cited: Paper[] = days.slice(0, 7).flatMap((day) => day.papers).filter((paper, index, all) => all.findIndex((other) => other.id === paper.id) === index).slice(0, CITED);
    const entry: EntryOptions = { style: 'portable', preferPublished: true };
    const options = { entry, csl: () => Promise.reject(new Error('not used')) };
    const fresh = enricher(fake, { now: Date.now() });
    const withEnrichment: number[] = [];
    const without: number[] = [];
    for (const paper of cited) {
      let started = performance.now();
      await formatCitation(paper, 'bibtex', options);
      without.push(performance.now() - started);
      started = performance.now();
      fresh.want([paper], 'used');
      await formatCitation(fresh.apply(paper), 'bibtex', options);
      withEnrichment.push(performance.now() - started);
    }
    const added = percentile(withEnrichment, 50) - percentile(without, 50);
    bench.record('enrichment.addedLatencyMs', Math.max(0, added), 'ms', `Copy Citation (BibTeX) p50 ${percentile(withEnrichment, 50).toFixed(3)} ms with arXiv answering in 2 s, ${percentile(without, 50).toFixed(3)} ms without enrichment, ${cited.length} papers`);
    bench.record('enrichment.citationP95Ms', percentile(withEnrichment, 95), 'ms', 'same, p95, with enrichment');
    fresh.dispose();

    // arXiv's answer for 100 ids: our reader (strict, bounded) against node-html-parser, the card's parser.
    fake.reset();
    const ids = cited.slice(0, 100).map((paper) => paper.id);
    const atom = await (await fetch(`${fake.url}${arxivQueryUrl('', ids)}`)).text();
    const ours = time(() => {
      parseArxivAtom(atom);
    }, 50, 5);
    const theirs = time(() => {
      const root = parseHtml(atom);
      root.querySelectorAll('entry').map((entry) => ({
        id: entry.querySelector('id')?.text, categories: entry.querySelectorAll('category').map((category) => category.getAttribute('term')),
        comment: entry.querySelector('arxiv\\:comment')?.text, published: entry.querySelector('published')?.text,
      }));
    }, 50, 5);
    const entries = parseArxivAtom(atom).length;
    bench.record('enrichment.atomParseMs', percentile(ours, 50), 'ms', `core/enrich/arxivAtom.ts on arXiv's answer for ${entries} papers (${Math.round(atom.length / 1024)} kB), p50`);
    bench.record('enrichment.atomParseMsNodeHtmlParser', percentile(theirs, 50), 'ms', 'node-html-parser (the card\'s parser) reading the same fields, p50');
  } finally {
    await fake.close();
  }
}
