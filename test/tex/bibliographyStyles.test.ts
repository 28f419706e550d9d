/**
 * Our .bib entries through the real tools: Debian's BibTeX under the classic styles (plain, unsrt,
 * abbrv, alpha, natbib's plainnat, IEEEtran) for each `citation.bibtexStyle`, and biblatex's Biber.
 * The .bbl they write must show every preprint's arXiv id and every published paper's venue, year
 * and pages. Needs the packages .ci/run installs; without them the layer fails and says which.
 * PAPER_FEED_TEX_KEEP=1 keeps the temporary folder with the files the tools read and wrote.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUtf8 } from 'node:buffer';
import { BIBTEX_STYLES, type BibtexStyle, biblatex, bibtex } from '../../src/core/citation/bibtex';
import { CJK_KEY, citedPapers, GREEK_KEY } from './papers';
import { type BiberEntry, biberEntries, bibitems, blgProblems, missingTools, run } from './texTools';

/** The classic styles checked; the first four are the ones that ignore `eprint` and `url` alike. */
const BSTS = ['plain', 'unsrt', 'abbrv', 'alpha', 'plainnat', 'IEEEtran'] as const;
const BASE_BSTS: readonly string[] = ['plain', 'unsrt', 'abbrv', 'alpha'];

const papers = citedPapers();
const preprints = papers.filter((entry) => !entry.paper.publication);
const published = papers.filter((entry) => entry.paper.publication);

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('real BibTeX and Biber print the arXiv id and the venue (test/tex)', function () {
  this.timeout(60_000);
  let folder = '';
  const rows: string[][] = [['bibtexStyle', '.bst', 'entries', 'arXiv:id in text', 'id only in URL', 'id nowhere', 'venue+year+pages']];

  before(() => {
    const why = missingTools();
    if (why) {
      throw new Error(why);
    }
    folder = mkdtempSync(join(tmpdir(), 'paper-feed-tex-'));
  });

  after(() => {
    if (folder && process.env.PAPER_FEED_TEX_KEEP) {
      console.log(`\n      PAPER_FEED_TEX_KEEP: the .bib, .aux, .bbl and .blg files are in ${folder}`);
    } else if (folder) {
      rmSync(folder, { recursive: true, force: true });
    }
    if (rows.length === 1) {
      return;
    }
    const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
    const lines = rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
    console.log(`\n      ${preprints.length} preprints, ${published.length} published papers:\n${lines.map((line) => `      ${line}`).join('\n')}\n`);
  });

  function runBibtex(value: BibtexStyle, bst: string): { items: Map<string, string>; log: string } {
    const dir = join(folder, `${value}-${bst}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'refs.bib'), papers.map(({ paper, key }) => bibtex(paper, key, { style: value })).join('\n'));
    const citations = papers.map(({ key }) => `\\citation{${key}}`).join('\n');
    writeFileSync(join(dir, 'doc.aux'), `\\relax\n${citations}\n\\bibstyle{${bst}}\n\\bibdata{refs}\n`);
    const result = run('bibtex', ['doc'], dir);
    const log = existsSync(join(dir, 'doc.blg')) ? readFileSync(join(dir, 'doc.blg'), 'utf8') : result.output;
    const { warnings, errors } = blgProblems(log);
    assert.deepEqual(errors, [], `bibtex reported errors under ${bst}.bst:\n${log}`);
    // No warning is acceptable: each is a field a style wanted and did not get, or one it could not use.
    assert.deepEqual(warnings, [], `bibtex warned under ${bst}.bst:\n${log}`);
    assert.equal(result.status, 0, `bibtex exited ${String(result.status)} under ${bst}.bst:\n${log}`);
    const bbl = readFileSync(join(dir, 'doc.bbl'));
    // BibTeX 0.99d counts bytes: alpha's label takes the first byte of each CJK name, so that one line
    // is not UTF-8 (a limit of BibTeX itself; bibtexu and Biber count characters). Every other line is.
    const broken = bbl.toString('latin1').split('\n').filter((line) => !isUtf8(Buffer.from(line, 'latin1')));
    assert.deepEqual(broken.map((line) => /\{(\w+)\}$/.exec(line)?.[1] ?? line), bst === 'alpha' ? [CJK_KEY] : [], `lines of ${bst}.bst's .bbl that are not UTF-8`);
    typeset(dir, bst, bbl);
    return { items: bibitems(bbl.toString('utf8')), log };
  }

  /**
   * The .bbl must also typeset: pdflatex (LaTeX's default OT1 encoding, the url package the styles
   * that print URLs need) on the whole bibliography but the CJK entry, which needs CJK fonts.
   */
  function typeset(dir: string, bst: string, bbl: Buffer): void {
    const items = bbl.toString('latin1').split(/(?=\\bibitem)/);
    const cjk = (item: string): boolean => item.includes(`]{${CJK_KEY}}`) || item.includes(`\\bibitem{${CJK_KEY}}`);
    // Dropping the CJK entry keeps what follows it when it is the last (\end{thebibliography}).
    const kept = items.map((item) => (cjk(item) ? /\\end\{thebibliography\}[\s\S]*$/.exec(item)?.[0] ?? '' : item));
    writeFileSync(join(dir, 'typeset.bbl'), Buffer.from(kept.join(''), 'latin1'));
    const natbib = bst === 'plainnat' ? '\\usepackage{natbib}\n' : '';
    writeFileSync(join(dir, 'typeset.tex'), `\\documentclass{article}\n\\usepackage{url}\n${natbib}\\begin{document}\n\\input{typeset.bbl}\n\\end{document}\n`);
    const latex = run('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-draftmode', 'typeset.tex'], dir);
    assert.equal(latex.status, 0, `pdflatex could not typeset ${bst}.bst's .bbl:\n${latex.output.slice(-3000)}`);
  }

  for (const value of BIBTEX_STYLES) {
    describe(`bibtexStyle ${value}`, () => {
      for (const bst of BSTS) {
        it(`${bst}.bst: every entry; ${value === 'arxiv' ? 'the id only where the style prints URLs' : "each preprint's arXiv:id once"}; the venue, year and pages of each published paper`, () => {
          const { items } = runBibtex(value, bst);
          assert.deepEqual(papers.filter(({ key }) => !items.has(key)).map(({ key }) => key), [], 'cited keys without a \\bibitem');
          assert.equal(items.size, papers.length, 'one \\bibitem per cited key');
          const text = (key: string): string => items.get(key) ?? '';

          const shown = preprints.filter(({ key, paper }) => text(key).includes(`arXiv:${paper.id}`));
          const urlOnly = preprints.filter(({ key, paper }) => !text(key).includes(`arXiv:${paper.id}`) && text(key).includes(`arxiv.org/abs/${paper.id}`));
          const nowhere = preprints.filter(({ key, paper }) => !text(key).includes(paper.id));
          if (value === 'arxiv') {
            // arXiv's own export has the id only in eprint, which no classic style reads: the reason `portable` is the default.
            assert.equal(shown.length, 0, `${bst}.bst printed arXiv:id from eprint`);
            if (BASE_BSTS.includes(bst)) {
              assert.equal(nowhere.length, preprints.length, `${bst}.bst was expected to drop the id of arXiv's own export`);
            }
          } else {
            assert.deepEqual(preprints.filter((entry) => !shown.includes(entry)).map(({ key }) => key), [], `preprints without arXiv:id under ${bst}.bst`);
            const twice = preprints.filter(({ key, paper }) => count(text(key), `arXiv:${paper.id}`) !== 1);
            assert.deepEqual(twice.map(({ key }) => `${key}: ${text(key)}`), [], `arXiv:id printed more than once under ${bst}.bst`);
          }

          const venues = published.filter(({ key, paper, expect }) => {
            // IEEEtran groups the digits of long page numbers (22\,243--22\,255).
            const item = text(key).replace(/(\d)\\,(\d)/g, '$1$2');
            return expect !== undefined && item.includes(expect.venue) && item.includes(paper.publication?.year ?? '?') && item.includes(expect.pages);
          });
          assert.deepEqual(
            published.filter((entry) => !venues.includes(entry)).map(({ key, expect }) => `${key} (wanted ${JSON.stringify(expect)}): ${text(key)}`),
            [],
            `published papers without venue, year or pages under ${bst}.bst`,
          );
          rows.push([value, bst, `${items.size}/${papers.length}`, `${shown.length}/${preprints.length}`, `${urlOnly.length}`, `${nowhere.length}`, `${venues.length}/${published.length}`]);
        });
      }
    });
  }

  /**
   * pdflatex (to write the .bcf), Biber, pdflatex again (to typeset the .bbl, but the entries
   * `untypeset`: pdflatex has no fonts for their scripts); the entries Biber wrote.
   */
  function runBiber(name: string, bib: string, untypeset: readonly string[]): Map<string, BiberEntry> {
    const dir = join(folder, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'refs.bib'), bib);
    const cites = papers.map(({ key }) => `\\nocite{${key}}`).join('\n');
    writeFileSync(
      join(dir, 'doc.tex'),
      [
        '\\documentclass{article}',
        '\\usepackage[backend=biber]{biblatex}',
        '\\addbibresource{refs.bib}',
        '\\DeclareBibliographyCategory{untypeset}',
        `\\addtocategory{untypeset}{${untypeset.join(',')}}`,
        '\\begin{document}',
        cites,
        '\\printbibliography[notcategory=untypeset]',
        '\\end{document}',
        '',
      ].join('\n'),
    );
    const latex = run('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-draftmode', 'doc.tex'], dir);
    assert.equal(latex.status, 0, `pdflatex failed before Biber could run:\n${latex.output}`);
    assert.ok(existsSync(join(dir, 'doc.bcf')), 'pdflatex wrote no doc.bcf for Biber');

    const biber = run('biber', ['--validate-datamodel', 'doc'], dir);
    const log = existsSync(join(dir, 'doc.blg')) ? readFileSync(join(dir, 'doc.blg'), 'utf8') : biber.output;
    assert.equal(biber.status, 0, `biber exited ${String(biber.status)}:\n${log}`);
    assert.deepEqual(log.split('\n').filter((line) => /\bERROR\b/.test(line)), [], `biber reported errors:\n${log}`);
    // --validate-datamodel warns about any field or type biblatex does not know: none is acceptable.
    assert.deepEqual(log.split('\n').filter((line) => /\bWARN\b/.test(line)), [], `biber warned:\n${log}`);

    const typeset = run('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-draftmode', 'doc.tex'], dir);
    assert.equal(typeset.status, 0, `pdflatex could not typeset Biber's .bbl:\n${typeset.output.slice(-3000)}`);
    const entries = biberEntries(readFileSync(join(dir, 'doc.bbl'), 'utf8'));
    assert.deepEqual(papers.filter(({ key }) => !entries.has(key)).map(({ key }) => key), [], 'cited keys Biber did not write');
    return entries;
  }

  describe('biblatex', () => {
  it('Biber: every entry, eprint = the id with eprinttype arxiv, booktitle or journaltitle for published papers', function () {
    // The entries are UTF-8, which pdflatex sets only for scripts it has fonts for: the CJK and Greek
    // entries go through Biber but are not typeset (xelatex and lualatex set them).
    const entries = runBiber('biblatex', papers.map(({ paper, key }) => biblatex(paper, key)).join('\n'), [CJK_KEY, GREEK_KEY]);
    const withId = papers.filter(({ key, paper }) => entries.get(key)?.fields.get('eprint') === paper.id && entries.get(key)?.fields.get('eprinttype') === 'arxiv');
    assert.deepEqual(papers.filter((entry) => !withId.includes(entry)).map(({ key }) => `${key}: ${entries.get(key)?.text ?? ''}`), [], 'entries without eprint = id, eprinttype = arxiv');
    for (const { key } of preprints) {
      assert.equal(entries.get(key)?.type, 'online', `${key} is a preprint: @online`);
    }
    const venues = published.filter(({ key, paper, expect }) => {
      const entry = entries.get(key);
      const conference = paper.publication?.kind === 'conference';
      const venue = entry?.fields.get(conference ? 'booktitle' : 'journaltitle');
      return (
        expect !== undefined &&
        entry?.type === (conference ? 'inproceedings' : 'article') &&
        venue === expect.venue &&
        entry.fields.get('year') === paper.publication?.year &&
        entry.fields.get('pages') === expect.pages.replace('--', '\\bibrangedash ')
      );
    });
    assert.deepEqual(published.filter((entry) => !venues.includes(entry)).map(({ key, expect }) => `${key} (wanted ${JSON.stringify(expect)}): ${entries.get(key)?.text ?? ''}`), [], 'published papers without their venue');
    rows.push(['biblatex', 'biber', `${entries.size}/${papers.length}`, `eprint ${withId.length}/${papers.length}`, '', '', `${venues.length}/${published.length}`]);
  });

  for (const value of BIBTEX_STYLES) {
    it(`Biber reading the BibTeX entries (bibtexStyle ${value}): every entry, eprint = the id (from archivePrefix), venues`, function () {
      // Classic BibTeX text is ASCII with LaTeX commands: only the CJK entry needs fonts pdflatex lacks.
      const entries = runBiber(`biber-${value}`, papers.map(({ paper, key }) => bibtex(paper, key, { style: value })).join('\n'), [CJK_KEY]);
      const withId = papers.filter(({ key, paper }) => entries.get(key)?.fields.get('eprint') === paper.id && entries.get(key)?.fields.get('eprinttype') === 'arXiv');
      assert.deepEqual(papers.filter((entry) => !withId.includes(entry)).map(({ key }) => `${key}: ${entries.get(key)?.text ?? ''}`), [], 'entries without eprint = id, eprinttype = arXiv');
      // biblatex prints eprint, so an id also in howpublished or journal shows twice: recorded, not asserted.
      const twice = preprints.filter(({ key, paper }) => [...(entries.get(key)?.fields.values() ?? [])].some((field) => field.includes(`arXiv:${paper.id}`)));
      const venues = published.filter(({ key, paper, expect }) => {
        const fields = entries.get(key)?.fields;
        const venue = fields?.get(paper.publication?.kind === 'conference' ? 'booktitle' : 'journaltitle');
        return expect !== undefined && venue === expect.venue && fields?.get('year') === paper.publication?.year;
      });
      assert.equal(venues.length, published.length, 'published papers without their venue and year');
      rows.push([value, 'biber', `${entries.size}/${papers.length}`, `eprint ${withId.length}/${papers.length}`, `id twice: ${twice.length}`, '', `${venues.length}/${published.length}`]);
    });
  }
  });
});
