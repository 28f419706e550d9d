/** The published version and arXiv's record as the panel and the tooltips show them: cleaned, cut, one kind of link. */
import * as assert from 'node:assert/strict';
import type { Publication } from '../../src/core/paper/model';
import { categoriesOf, checkedDoi, doiUrl, licenseName, publishedParts, venueYear } from '../../src/core/view/published';

const NEURIPS: Publication = {
  kind: 'conference', venue: 'Advances in Neural Information Processing Systems', venueShort: 'NeurIPS', year: '2024', source: 'dblp',
};

describe('published version and arXiv record', () => {
  it('links a DOI of the usual shape at doi.org, whatever prefix it came with', () => {
    assert.equal(doiUrl('10.18653/v1/2024.acl-long.1'), 'https://doi.org/10.18653/v1/2024.acl-long.1');
    assert.equal(doiUrl('  doi:10.1145/3580305.3599256 '), 'https://doi.org/10.1145/3580305.3599256');
    assert.equal(doiUrl('https://doi.org/10.1038/s41586-021-03819-2'), 'https://doi.org/10.1038/s41586-021-03819-2');
    assert.equal(doiUrl('https://dx.doi.org/10.1002/(SICI)1097-4571(199806)49:8'), 'https://doi.org/10.1002/(SICI)1097-4571(199806)49:8');
    assert.equal(checkedDoi('doi:10.1145/3580305.3599256'), '10.1145/3580305.3599256');
  });

  it('makes no link of anything else: other schemes, markup, queries, fragments, dot segments, spaces, long ones', () => {
    for (const hostile of [
      undefined, '', 'javascript:alert(1)', 'command:workbench.action.quit', 'https://evil.example/10.1000/x', 'http://doi.org/10.1000/x',
      '10.1000/x"><img src=x onerror=alert(1)>', '10.1000/x y', '10.1000/x?redirect=https://evil', '10.1000/x#frag', '10.1000/../../evil',
      '10.1000/./x', '10.1000/x\n[run](command:x)', '11.1000/x', '10.10/x', '10.1000/', `10.1000/${'a'.repeat(300)}`, '10.1000/%2e%2e/x',
      '10.1000/x[1](command:x)', '10.1000/x@evil', '10.1000/x\\y',
    ]) {
      assert.equal(doiUrl(hostile), undefined, JSON.stringify(hostile));
    }
  });

  it('names the venue, its short name and the year, the short name alone in the tooltip', () => {
    assert.equal(venueYear(NEURIPS), 'Advances in Neural Information Processing Systems (NeurIPS) 2024');
    assert.equal(venueYear(NEURIPS, true), 'NeurIPS 2024');
    assert.equal(venueYear({ ...NEURIPS, venueShort: undefined }, true), 'Advances in Neural Information Processing Systems 2024');
    assert.equal(venueYear({ ...NEURIPS, venue: 'TMLR', venueShort: 'TMLR' }), 'TMLR 2024', 'no "TMLR (TMLR)"');
    assert.equal(venueYear({ ...NEURIPS, venue: '  ', venueShort: undefined }), undefined, 'nothing to name');
    assert.equal(venueYear({ ...NEURIPS, venue: `${'Long '.repeat(100)}Venue` })?.length, 300 + ' (NeurIPS) 2024'.length, 'cut');
  });

  it('gives the published version\'s details and its link: the DOI at doi.org, else the venue\'s https page, else none', () => {
    assert.deepEqual(publishedParts({ ...NEURIPS, volume: '37', pages: '1234--1250', doi: '10.52202/079017-0001', url: 'https://proceedings.neurips.cc/x' }), {
      venue: 'Advances in Neural Information Processing Systems (NeurIPS) 2024', volume: '37', pages: '1234–1250',
      url: 'https://doi.org/10.52202/079017-0001', source: 'dblp',
    });
    assert.equal(publishedParts({ ...NEURIPS, doi: 'not a doi', url: 'https://proceedings.neurips.cc/x' })?.url, 'https://proceedings.neurips.cc/x');
    for (const url of ['javascript:alert(1)', 'http://proceedings.neurips.cc/x', 'file:///etc/passwd', 'https://user:pw@evil.example/', 'command:x']) {
      assert.equal(publishedParts({ ...NEURIPS, url })?.url, undefined, url);
    }
    assert.equal(publishedParts({ ...NEURIPS, pages: '17' })?.pages, '17');
    assert.equal(publishedParts({ ...NEURIPS, pages: 'e1001 - e1010' })?.pages, 'e1001–e1010');
    assert.equal(publishedParts(undefined), undefined);
    assert.equal(publishedParts({ ...NEURIPS, venue: '', venueShort: undefined }), undefined);
    assert.equal(publishedParts({ ...NEURIPS, source: 'elsewhere' as 'dblp' })?.source, 'arxiv', 'an unknown source is not shown as DBLP\'s');
  });

  it('lists the categories primary first, none twice, cleaned and at most a dozen', () => {
    assert.deepEqual(categoriesOf({ primaryCategory: 'cs.CL', arxiv: { categories: ['cs.CL', 'cs.AI', 'cs.LG'] } }), ['cs.CL', 'cs.AI', 'cs.LG']);
    assert.deepEqual(categoriesOf({ primaryCategory: 'cs.LG', arxiv: { categories: ['cs.CL', 'cs.LG'] } }), ['cs.LG', 'cs.CL']);
    assert.deepEqual(categoriesOf({ arxiv: { categories: ['stat.ML', 'cs.LG'] } }), ['stat.ML', 'cs.LG']);
    assert.deepEqual(categoriesOf({ primaryCategory: 'cs.CV' }), ['cs.CV']);
    assert.deepEqual(categoriesOf({}), []);
    assert.deepEqual(categoriesOf({ arxiv: { categories: [' cs.AI\u202E ', '', 'cs.AI'] } }), ['cs.AI']);
    assert.equal(categoriesOf({ arxiv: { categories: Array.from({ length: 50 }, (_, index) => `cs.X${index}`) } }).length, 12);
  });

  it('names Creative Commons licenses and arXiv\'s own, and leaves other licenses as their URL', () => {
    assert.equal(licenseName('http://creativecommons.org/licenses/by/4.0/'), 'CC BY 4.0');
    assert.equal(licenseName('https://creativecommons.org/licenses/by-nc-sa/4.0/'), 'CC BY-NC-SA 4.0');
    assert.equal(licenseName('https://arxiv.org/licenses/nonexclusive-distrib/1.0/'), 'arXiv non-exclusive license 1.0');
    assert.equal(licenseName('http://creativecommons.org/publicdomain/zero/1.0/'), 'CC0 1.0');
    assert.equal(licenseName('https://example.org/my-license'), 'https://example.org/my-license');
    assert.equal(licenseName(undefined), undefined);
  });
});
