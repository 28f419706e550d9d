/**
 * The embedded sample feed (media/sample-feed.json): shown on first run and offline. Made from the
 * verified seed listing by `npm run sample`; a unit test keeps the two in step.
 */
import type { Paper } from './model';
import { compact } from './normalise';
import { category, parseStoredPaper } from './stored';

export const SAMPLE_FEED_FORMAT = 'paper-feed.sample-feed';
export const SAMPLE_FEED_VERSION = 1;

export interface SampleFeedFile {
  readonly format: typeof SAMPLE_FEED_FORMAT;
  readonly version: typeof SAMPLE_FEED_VERSION;
  readonly source: string;
  readonly papers: readonly Paper[];
}

/** One entry of ../shared/seed/seed-papers.json; `null` means "could not be verified". */
export interface SeedPaper {
  readonly arxivId: string;
  readonly title: string;
  readonly abstract: string;
  readonly authors: readonly string[];
  readonly publishedAt: string;
  readonly firstVersionDate: string | null;
  readonly upvotes: number | null;
  readonly githubRepo: string | null;
  readonly primaryCategory: string | null;
  /** The listing's organization line: the Hugging Face slug, then the display name. */
  readonly organization: string | null;
}

/** Converts a seed entry, keeping unknowns absent rather than guessed. */
export function paperFromSeed(seed: SeedPaper): Paper | undefined {
  const [slug, ...rest] = (seed.organization ?? '').trim().split(/\s+/);
  return parseStoredPaper(compact({
    id: seed.arxivId,
    title: seed.title,
    authors: seed.authors,
    abstract: seed.abstract,
    publishedAt: seed.publishedAt,
    firstVersionDate: seed.firstVersionDate ?? undefined,
    upvotes: seed.upvotes ?? undefined,
    githubRepo: seed.githubRepo ?? undefined,
    primaryCategory: category(seed.primaryCategory),
    organization: slug ? compact({ name: slug, fullname: rest.length > 0 ? rest.join(' ') : undefined }) : undefined,
  }));
}

export function makeSampleFeed(seeds: readonly SeedPaper[], source: string): SampleFeedFile {
  const papers = seeds.map((seed) => {
    const paper = paperFromSeed(seed);
    if (!paper) {
      throw new Error(`Seed paper ${seed.arxivId} is not a valid paper.`);
    }
    return paper;
  });
  return { format: SAMPLE_FEED_FORMAT, version: SAMPLE_FEED_VERSION, source, papers };
}

/** Reads the sample feed file; throws with a clear message when it is not one. */
export function parseSampleFeed(json: unknown): Paper[] {
  const file = json as Partial<SampleFeedFile> | null;
  if (typeof file !== 'object' || file === null || file.format !== SAMPLE_FEED_FORMAT) {
    throw new Error('The sample feed file is not a Paper Feed sample feed.');
  }
  if (file.version !== SAMPLE_FEED_VERSION || !Array.isArray(file.papers)) {
    throw new Error(`The sample feed file has version ${String(file.version)}; this build reads version ${SAMPLE_FEED_VERSION}.`);
  }
  return file.papers.map(parseStoredPaper).filter((paper): paper is Paper => paper !== undefined);
}
