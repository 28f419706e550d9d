import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseArxivAtom, toArxivMetadata } from '../../src/core/enrich/arxivAtom';
import { publicationFromArxiv } from '../../src/core/enrich/journalRef';
import { venueByFullName, venueByShortName } from '../../src/core/enrich/venues';
import type { Publication } from '../../src/core/paper/model';
import { sharedPath } from '../support/paths';

const fromRef = (journalRef: string, year?: string, doi?: string): Publication | undefined =>
  publicationFromArxiv({ categories: ['cs.LG'], journalRef, ...(doi ? { doi } : {}) }, year);

describe('journal references: ML venues as authors write them', () => {
  it('expands a known acronym and a year to the venue as a reference writes it', () => {
    assert.deepEqual(fromRef('ICLR 2024'), {
      kind: 'conference', venue: 'International Conference on Learning Representations', venueShort: 'ICLR', year: '2024', source: 'arxiv',
    });
    assert.deepEqual(fromRef('NeurIPS 2023', '2023', '10.5555/3666122.3666123'), {
      kind: 'conference', venue: 'Advances in Neural Information Processing Systems', venueShort: 'NeurIPS', year: '2023', doi: '10.5555/3666122.3666123', source: 'arxiv',
    });
    assert.equal(fromRef('NIPS 2017')?.venueShort, 'NeurIPS');
    assert.equal(fromRef("NeurIPS'23")?.year, '2023');
    assert.equal(fromRef('CVPR 2024 (Highlight)')?.venue, 'IEEE/CVF Conference on Computer Vision and Pattern Recognition');
    assert.equal(fromRef('In ICML, 2023')?.venue, 'International Conference on Machine Learning');
    assert.equal(fromRef('Published in ECCV 2022')?.venue, 'European Conference on Computer Vision');
    assert.deepEqual(fromRef('TMLR 2024'), { kind: 'journal', venue: 'Transactions on Machine Learning Research', venueShort: 'TMLR', year: '2024', source: 'arxiv' });
  });

  it('reads a full venue name followed by its short name in parentheses', () => {
    // Before, the venue came out as "Advances in Neural Information Processing Systems 38 (NeurIPS".
    assert.deepEqual(fromRef('Advances in Neural Information Processing Systems 38 (NeurIPS 2025)'), {
      kind: 'conference', venue: 'Advances in Neural Information Processing Systems', venueShort: 'NeurIPS', year: '2025', volume: '38', source: 'arxiv',
    });
    assert.equal(fromRef('Proceedings of the 41st International Conference on Machine Learning (ICML)', '2024')?.venueShort, 'ICML');
    assert.deepEqual(fromRef('Journal of Odd Results 3 (JOR 2024)'), { kind: 'journal', venue: 'Journal of Odd Results', year: '2024', volume: '3', source: 'arxiv' });
  });

  it('keeps a full venue name, with its volume, number and pages', () => {
    assert.deepEqual(fromRef('Advances in Neural Information Processing Systems 37 (2024)'), {
      kind: 'conference', venue: 'Advances in Neural Information Processing Systems', venueShort: 'NeurIPS', year: '2024', volume: '37', source: 'arxiv',
    });
    assert.deepEqual(fromRef('Journal of Machine Learning Research 25(112):1-40, 2024'), {
      kind: 'journal', venue: 'Journal of Machine Learning Research', venueShort: 'JMLR', year: '2024', volume: '25', number: '112', pages: '1-40', source: 'arxiv',
    });
    assert.deepEqual(fromRef('IEEE Transactions on Pattern Analysis and Machine Intelligence, vol. 45, no. 3, pp. 123-145, 2023'), {
      kind: 'journal', venue: 'IEEE Transactions on Pattern Analysis and Machine Intelligence', venueShort: 'TPAMI', year: '2023', volume: '45', number: '3', pages: '123-145', source: 'arxiv',
    });
    assert.deepEqual(fromRef('Proceedings of the 41st International Conference on Machine Learning, PMLR 235:1234--1250, 2024'), {
      kind: 'conference', venue: 'Proceedings of the 41st International Conference on Machine Learning, PMLR', year: '2024', volume: '235', pages: '1234-1250', source: 'arxiv',
    });
    assert.equal(fromRef('Transactions on Machine Learning Research (2024)')?.venue, 'Transactions on Machine Learning Research');
    assert.equal(fromRef('Nature 620, 47–53 (2023)')?.pages, '47-53');
  });

  it('tells conferences from journals by words, acronyms and the venue table', () => {
    assert.equal(fromRef('ICLR 2024 Workshop on Reliable and Responsible Foundation Models')?.kind, 'conference');
    assert.equal(fromRef('ICLR 2024 Workshop on Reliable and Responsible Foundation Models')?.venue, 'ICLR 2024 Workshop on Reliable and Responsible Foundation Models');
    assert.equal(fromRef('Proc. of the 2023 Symposium on Things')?.kind, 'conference');
    assert.equal(fromRef('EMNLP 2023 Findings')?.kind, 'conference');
    assert.equal(fromRef('Interspeech 2024')?.kind, 'conference');
    assert.equal(fromRef('Neurocomputing 512 (2022) 1-12')?.kind, 'journal');
    assert.equal(fromRef('Proceedings of the National Academy of Sciences 121 (2024) e2311234121')?.kind, 'journal');
    assert.equal(fromRef('Proceedings of the IEEE 111 (2023) 5-20')?.kind, 'journal');
    assert.equal(fromRef('Transactions of the Association for Computational Linguistics 12 (2024)')?.kind, 'journal');
  });

  it('takes the last plausible year, else the first version year, else gives none', () => {
    assert.equal(fromRef('CERN Yellow Report CERN-2013-002, pp.237-240', '2013')?.year, '2013');
    assert.equal(fromRef('Journal of Things 1989 (2020)')?.year, '2020');
    assert.equal(fromRef('Journal of Things, 12, 345-367', '2022')?.year, '2022');
    assert.equal(fromRef('Journal of Things, 12, 345-367', 'soon'), undefined);
    assert.equal(fromRef('Journal of Things, 12, 345-367'), undefined);
    assert.equal(fromRef('Journal of Things 3000')?.year, undefined);
  });

  it('gives nothing for references that name no venue yet', () => {
    for (const ref of ['Accepted at ICLR 2024', 'Submitted to NeurIPS 2025', 'Under review at TMLR', 'preprint', 'arXiv preprint arXiv:2401.00001', 'Work in progress', '2024', '  ']) {
      assert.equal(fromRef(ref, '2024'), undefined, ref);
    }
  });

  it('gives nothing for a DOI alone: it does not name the venue', () => {
    assert.equal(publicationFromArxiv({ categories: [], doi: '10.1145/3580305.3599256' }, '2023'), undefined);
  });

  it('drops an invalid DOI but keeps the venue', () => {
    assert.deepEqual(fromRef('ICML 2023', undefined, 'https://doi.org/10.1/x'), {
      kind: 'conference', venue: 'International Conference on Machine Learning', venueShort: 'ICML', year: '2023', source: 'arxiv',
    });
  });
});

describe('journal references: the physics references of the arXiv samples', () => {
  const entries = [
    ...parseArxivAtom(readFileSync(sharedPath('corpus', 'samples', 'arxiv_api_query_2025-08_oldformat.xml'), 'utf8')),
    ...parseArxivAtom(readFileSync(sharedPath('corpus', 'samples', 'arxiv_api_query_2025-11_newformat.xml'), 'utf8')),
  ];
  const publication = (id: string): Publication | undefined => {
    const found = entries.find((entry) => entry.id === id);
    assert.ok(found, id);
    return publicationFromArxiv(toArxivMetadata(found), found.published?.slice(0, 4));
  };

  it('reads each one as a venue with its numbers', () => {
    assert.deepEqual(publication('1706.01836'), {
      kind: 'journal', venue: 'The Journal of Chemical Physics', year: '2017', volume: '147', doi: '10.1063/1.4996038', source: 'arxiv',
    });
    assert.deepEqual(publication('1309.4668'), {
      kind: 'journal', venue: 'CERN Yellow Report CERN-2013-002', year: '2013', pages: '237-240', doi: '10.5170/CERN-2013-002.237', source: 'arxiv',
    });
    assert.deepEqual(publication('1610.08734'), {
      kind: 'journal', venue: 'Physical Review Accelerators and Beams', year: '2017', volume: '20', number: '10', doi: '10.1103/PhysRevAccelBeams.20.101301', source: 'arxiv',
    });
    assert.deepEqual(publication('2102.00018'), {
      kind: 'journal', venue: 'Phys. Rev. D', year: '2021', volume: '103', doi: '10.1103/PhysRevD.103.096005', source: 'arxiv',
    });
    assert.deepEqual(publication('0803.1617'), {
      kind: 'conference', venue: 'AIPConf.Proc.', year: '2008', volume: '1017', pages: '10-17', doi: '10.1063/1.2940608', source: 'arxiv',
    });
    assert.deepEqual(publication('1205.6628'), {
      kind: 'journal', venue: 'Eur. Phys. J. A', year: '2012', volume: '48', doi: '10.1140/epja/i2012-12151-1', source: 'arxiv',
    });
    assert.deepEqual(publication('1401.3666'), {
      kind: 'journal', venue: 'Phys.Rev.A', year: '2013', volume: '88', doi: '10.1103/PhysRevA.88.062514', source: 'arxiv',
    });
  });

  it('gives none for the samples that carry a DOI but no journal reference', () => {
    assert.equal(publication('1602.03411'), undefined);
  });
});

describe('the venue table', () => {
  it('finds venues by short name in any case, by old names and DBLP spellings, and by full name', () => {
    assert.equal(venueByShortName('NeurIPS')?.name, 'Advances in Neural Information Processing Systems');
    assert.equal(venueByShortName('nips')?.short, 'NeurIPS');
    assert.equal(venueByShortName('ICML')?.name, 'International Conference on Machine Learning');
    assert.equal(venueByShortName('ECCV (12)')?.name, 'European Conference on Computer Vision');
    assert.equal(venueByShortName('ACL (1)')?.name, 'Annual Meeting of the Association for Computational Linguistics');
    assert.deepEqual(venueByShortName('Trans. Mach. Learn. Res.'), { short: 'TMLR', name: 'Transactions on Machine Learning Research', kind: 'journal' });
    assert.equal(venueByShortName('J. Mach. Learn. Res.')?.kind, 'journal');
    assert.equal(venueByShortName('IEEE Trans. Pattern Anal. Mach. Intell.')?.short, 'TPAMI');
    assert.equal(venueByFullName('advances in neural information processing systems')?.short, 'NeurIPS');
  });

  it('knows nothing else, and no names that objects inherit', () => {
    for (const name of ['CoRR', 'EMNLP (Findings)', 'constructor', 'toString', '__proto__', 'x'.repeat(1_000)]) {
      assert.equal(venueByShortName(name), undefined, name);
    }
  });
});
