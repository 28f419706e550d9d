/**
 * The papers the TeX layer cites: the 29 seed papers, published versions of four of them (a
 * conference paper with pages and a DOI, journals with volume, number and pages, one venue with an
 * ampersand), and preprints with hostile titles and names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { citationKey } from '../../src/core/citation/keys';
import type { Paper, Publication } from '../../src/core/paper/model';
import { parseSampleFeed } from '../../src/core/paper/sample';
import { root } from '../support/paths';

export interface CitedPaper {
  readonly key: string;
  readonly paper: Paper;
  /** For a published variant: the venue and pages as the .bbl must show them (BibTeX's escapes, `--` ranges). */
  readonly expect?: { readonly venue: string; readonly pages: string };
}

const seed = parseSampleFeed(JSON.parse(readFileSync(join(root, 'media', 'sample-feed.json'), 'utf8')));

function seedPaper(id: string): Paper {
  const found = seed.find((paper) => paper.id === id);
  if (!found) {
    throw new Error(`media/sample-feed.json no longer has ${id}: pick another seed paper for the published variants.`);
  }
  return found;
}

/** Published versions, each under its own key (`<seed key>pub`) so it sits beside its preprint. */
const published: [string, Publication, CitedPaper['expect']][] = [
  [
    '2508.10104',
    { kind: 'conference', venue: 'Proceedings of the IEEE/CVF International Conference on Computer Vision (ICCV)', year: '2025', pages: '1234–1245', doi: '10.1109/ICCV51070.2025.00123', source: 'dblp' },
    { venue: 'Proceedings of the IEEE/CVF International Conference on Computer Vision (ICCV)', pages: '1234--1245' },
  ],
  [
    '2006.10029',
    { kind: 'conference', venue: 'Advances in Neural Information Processing Systems', venueShort: 'NeurIPS', year: '2020', volume: '33', pages: '22243-22255', source: 'dblp' },
    { venue: 'Advances in Neural Information Processing Systems', pages: '22243--22255' },
  ],
  [
    '2303.01566',
    { kind: 'journal', venue: 'Journal of Machine Learning Research', year: '2024', volume: '25', number: '112', pages: '1-47', source: 'arxiv' },
    { venue: 'Journal of Machine Learning Research', pages: '1--47' },
  ],
  [
    '2402.02444',
    { kind: 'journal', venue: 'IEEE Transactions on Pattern Analysis & Machine Intelligence', year: '2025', volume: '47', number: '3', pages: '1801--1815', doi: '10.1109/TPAMI.2024.3512345', source: 'dblp' },
    { venue: 'IEEE Transactions on Pattern Analysis \\& Machine Intelligence', pages: '1801--1815' },
  ],
];

function preprint(id: string, title: string, authors: string[], extra: Partial<Paper> = {}): Paper {
  return { id, title, authors: authors.map((name) => ({ name })), abstract: '', publishedAt: '2025-03-04', primaryCategory: 'cs.LG', ...extra };
}

/** The preprint with CJK names and title: pdflatex cannot typeset it without CJK fonts. */
export const CJK_KEY = 'hostilecjk';
/** The preprint with Greek letters and symbols in its title: BibTeX gets them as math, BibLaTeX as UTF-8. */
export const GREEK_KEY = 'hostilegreek';

/** Titles and names that have broken .bib files before: TeX specials, braces, accents, CJK, organisations. */
const hostile: [string, Paper][] = [
  ['hostilespecials', preprint('2503.00001', 'Braces {like} these, 100% & more_under #hash $x^2$ ~ <think> | a\\b', ['Ada Lovelace', 'Martin Luther King Jr.'])],
  ['hostilestray', preprint('2503.00002', 'A } stray { brace and an unbalanced } one', ['Laurens van der Maaten', 'Jean-Claude Van Damme'])],
  ['hostileaccents', preprint('2503.00003', 'Über naïve café résumés: Ørsted, Łódź and Erdős', ['Émile Zola', 'Søren Kierkegaard', 'Paul Erdős', 'Jürgen Schmidhuber'])],
  [CJK_KEY, preprint('2503.00004', '日本語のタイトル: A Study of 中文 and 한국어', ['山田 太郎', '王小明', '김철수'])],
  ['hostileorgs', preprint('2503.00005', 'Gemini: A Family of Highly Capable Multimodal Models', ['Google DeepMind', 'The ATLAS Collaboration', 'Qwen Team'])],
  [GREEK_KEY, preprint('2503.00006', 'α-Divergence ≤ β·γ for Σ-Algebras in ℓ² (→ ∞)', ['Ludwig von Mises'])],
  ['hostileoldid', preprint('hep-th/9901001', 'An Old-Style Identifier with a Slash', ['Juan De la Cruz'], { primaryCategory: 'hep-th', publishedAt: '1999-01-04' })],
];

/** Every cited paper under a unique key; `publication` set only on the published variants. */
export function citedPapers(): CitedPaper[] {
  const papers: CitedPaper[] = seed.map((paper) => ({ key: citationKey(paper), paper }));
  for (const [id, publication, expect] of published) {
    const paper = seedPaper(id);
    papers.push({ key: `${citationKey(paper)}pub`, paper: { ...paper, publication }, expect });
  }
  papers.push(...hostile.map(([key, paper]) => ({ key, paper })));
  const keys = new Set(papers.map((entry) => entry.key));
  if (keys.size !== papers.length) {
    throw new Error('Two cited papers share a key: the checks below match bibitems by key.');
  }
  return papers;
}
