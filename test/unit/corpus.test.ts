import * as assert from 'node:assert/strict';
import type { Paper } from '../../src/core/paper/model';
import { normaliseDailyPapers } from '../../src/core/paper/normalise';
import { cleanLine, cleanParagraphs, isCleanLine, isCleanParagraphs } from '../../src/core/paper/cleanText';
import { type CorpusDay, readCorpus } from '../support/corpus';

describe('normaliser over the whole real corpus', () => {
  let corpus: CorpusDay[];
  const papers = new Map<string, Paper>();
  let items = 0;
  let rejected = 0;

  before(() => {
    corpus = readCorpus();
    for (const day of corpus) {
      items += (day.response as unknown[]).length;
      const result = normaliseDailyPapers(day.response, day.date);
      rejected += result.rejected;
      for (const paper of result.papers) {
        papers.set(paper.id, papers.get(paper.id) ?? paper);
      }
    }
  });

  it('reads 580 files, 9,881 items, 9,877 distinct papers, rejecting none', () => {
    assert.equal(corpus.length, 580);
    assert.equal(items, 9_881);
    assert.equal(rejected, 0);
    assert.equal(papers.size, 9_877);
  });

  it('gives every paper an arXiv id, a clean title, authors, an abstract and its feed date', () => {
    const dates = new Set(corpus.map((day) => day.date));
    for (const paper of papers.values()) {
      assert.match(paper.id, /^\d{4}\.\d{4,5}$/);
      assert.doesNotMatch(paper.title, /^\s|\s$|\s{2}|\n/, paper.id);
      assert.ok(paper.authors.length > 0, paper.id);
      assert.ok(paper.abstract.length > 0, paper.id);
      assert.ok(paper.feedDate && dates.has(paper.feedDate), `${paper.id} feed date ${paper.feedDate}`);
    }
  });

  it('puts each paper on the day it was saved under (submittedOnDailyAt agrees with date=)', () => {
    for (const day of corpus) {
      for (const paper of normaliseDailyPapers(day.response, day.date).papers) {
        assert.equal(paper.feedDate, day.date, paper.id);
      }
    }
  });

  it('keeps only safe links: https repos and thumbnails, http(s) project pages', () => {
    let repos = 0;
    for (const paper of papers.values()) {
      if (paper.githubRepo) {
        repos++;
        assert.match(paper.githubRepo, /^https?:\/\/[^/\s]+\/\S+$/, paper.id);
      }
      if (paper.thumbnail) {
        assert.ok(paper.thumbnail.startsWith('https://'), paper.id);
      }
      if (paper.projectPage) {
        assert.match(paper.projectPage, /^https?:\/\//, paper.id);
      }
    }
    assert.ok(repos > 2_000, `only ${repos} repositories found`);
  });
});

describe('text cleaning fast path, over the real corpus', () => {
  it('accepts exactly the canonical forms: cleaned text passes, raw text passes only when already canonical', () => {
    let raw = 0;
    for (const day of readCorpus()) {
      for (const item of day.response as { paper: { title: string; summary: string; authors: { name: string }[] } }[]) {
        const { title, summary } = item.paper;
        const slowTitle = title.replace(/\s+/g, ' ').trim();
        assert.equal(cleanLine(title), slowTitle);
        assert.ok(isCleanLine(slowTitle), slowTitle);
        const cleaned = cleanParagraphs(summary) as string;
        assert.ok(isCleanParagraphs(cleaned), 'cleaned abstracts take the fast path on reload');
        assert.equal(cleanParagraphs(cleaned), cleaned);
        if (isCleanParagraphs(summary)) {
          raw++;
          assert.equal(cleaned, summary);
        }
      }
    }
    assert.ok(raw > 1_000, `${raw} raw abstracts were already canonical`);
  });

  it('sends anything unusual down the slow path', () => {
    for (const text of [' a', 'a ', 'a  b', 'a\tb', 'a\nb', 'a\u0000b', 'a\u202eb', 'a\u00a0b']) {
      assert.equal(isCleanLine(text), false, JSON.stringify(text));
    }
    for (const text of ['a\nb', 'a\n\n\nb', 'a \n\nb', 'a\n\n b', '\n\na', 'a\n\n', 'a\r\n\r\nb', 'a\u0007']) {
      assert.equal(isCleanParagraphs(text), false, JSON.stringify(text));
    }
    assert.ok(isCleanParagraphs('One para.\n\nTwo para.'));
  });
});
