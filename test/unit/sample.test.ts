import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeSampleFeed, paperFromSeed, parseSampleFeed, type SampleFeedFile, type SeedPaper } from '../../src/core/paper/sample';
import { root, sharedPath } from '../support/paths';

const seeds = JSON.parse(readFileSync(sharedPath('seed', 'seed-papers.json'), 'utf8')) as SeedPaper[];
const file = JSON.parse(readFileSync(join(root, 'media', 'sample-feed.json'), 'utf8')) as SampleFeedFile;

describe('embedded sample feed', () => {
  it('is exactly what `npm run sample` makes from the seed (run it after the seed changes)', () => {
    assert.deepEqual(file.papers, makeSampleFeed(seeds, file.source).papers);
  });

  it('holds all 29 seed papers with id, authors in order, date and abstract', () => {
    const papers = parseSampleFeed(file);
    assert.equal(papers.length, 29);
    for (const seed of seeds) {
      const paper = papers.find((entry) => entry.id === seed.arxivId);
      assert.ok(paper, seed.arxivId);
      assert.deepEqual(paper.authors.map((author) => author.name), seed.authors);
      assert.equal(paper.publishedAt, seed.publishedAt);
      assert.equal(paper.title, seed.title);
      assert.ok(paper.abstract.length > 100);
    }
  });

  it('leaves unknowns absent: upvotes, repository, category and v1 date', () => {
    const papers = parseSampleFeed(file);
    const unknownUpvotes = seeds.filter((seed) => seed.upvotes === null).map((seed) => seed.arxivId);
    assert.ok(unknownUpvotes.length > 10);
    for (const id of unknownUpvotes) {
      assert.ok(!('upvotes' in (papers.find((paper) => paper.id === id) ?? {})), id);
    }
    const dino = papers.find((paper) => paper.id === '2508.10104');
    assert.equal(dino?.upvotes, 7);
    assert.equal(dino?.githubRepo, 'https://github.com/facebookresearch/dinov3');
    assert.equal(dino?.primaryCategory, 'cs.CV');
    assert.equal(dino?.authors.length, 26);
    assert.deepEqual(dino?.organization, { name: 'facebook', fullname: 'AI at Meta' });
    const transductive = papers.find((paper) => paper.id === '2106.09516');
    assert.equal(transductive?.primaryCategory, undefined);
    assert.equal(transductive?.firstVersionDate, undefined);
  });

  it('keeps the verified author list where the listing counted differently (paper 16: 13, not 10)', () => {
    const steplaw = paperFromSeed(seeds.find((seed) => seed.arxivId === '2503.04715') as SeedPaper);
    assert.equal(steplaw?.authors.length, 13);
  });

  it('rejects files that are not a sample feed, with a clear message', () => {
    assert.throws(() => parseSampleFeed({ papers: [] }), /not a Paper Feed sample feed/);
    assert.throws(() => parseSampleFeed({ ...file, version: 99 }), /version 99; this build reads version 1/);
    assert.deepEqual(parseSampleFeed({ ...file, papers: [{ id: 'nope' }, file.papers[0]] }).map((paper) => paper.id), [file.papers[0]?.id]);
  });
});
