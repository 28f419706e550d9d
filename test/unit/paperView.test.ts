/** The panel's view of an enriched paper: the published version and arXiv's record, as text, with the host's links. */
import * as assert from 'node:assert/strict';
import type { Paper } from '../../src/core/paper/model';
import { toPaperView, viewLinks } from '../../src/host/panel/paperView';
import { isHostToWebview, PANEL_LABEL_KEYS, type PanelLabels } from '../../src/shared/protocol';

const HOSTILE = [
  '[run](command:workbench.action.quit)', 'command:workbench.action.terminal.new', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>',
  'javascript:alert(1)', '**bold** _it_ `code`', '$(alert)', 'https://evil.example/a', 'vscode://vscode.git/clone?url=x',
];

const PLAIN: Paper = {
  id: '2410.01234', title: 'A Paper', authors: [{ name: 'Ada Lovelace' }], abstract: 'An abstract.', primaryCategory: 'cs.CL',
  githubRepo: 'https://github.com/a/b',
};

const ENRICHED: Paper = {
  ...PLAIN,
  arxiv: {
    categories: ['cs.CL', 'cs.AI'], version: 3, versionDate: '2025-10-12', comment: 'Accepted at NeurIPS 2024; 12 pages',
    journalRef: 'Advances in Neural Information Processing Systems 37 (2024)', doi: '10.52202/079017-0001',
    license: 'http://creativecommons.org/licenses/by/4.0/',
  },
  publication: {
    kind: 'conference', venue: 'Advances in Neural Information Processing Systems', venueShort: 'NeurIPS', year: '2024',
    volume: '37', pages: '1234--1250', doi: '10.52202/079017-0001', source: 'dblp',
  },
};

const labels = Object.fromEntries(PANEL_LABEL_KEYS.map((key) => [key, `«${key}»`])) as PanelLabels;
const actions = { canClone: true, cloned: false, saved: false };

describe('paper panel view of the published version and arXiv record', () => {
  it('shows a paper not yet enriched as before: neither a published line nor an arXiv record', () => {
    const view = toPaperView(PLAIN);
    assert.equal('published' in view, false);
    assert.equal('arxiv' in view, false);
    assert.deepEqual(viewLinks(view), ['https://github.com/a/b']);
  });

  it('gives the venue with its short name and year, the details, the DOI link and who said so', () => {
    const view = toPaperView(ENRICHED, [], 'en');
    assert.deepEqual(view.published, {
      venue: 'Advances in Neural Information Processing Systems (NeurIPS) 2024', volume: '37', pages: '1234–1250',
      url: 'https://doi.org/10.52202/079017-0001', source: 'dblp',
    });
    assert.deepEqual(view.arxiv, {
      categories: ['cs.CL', 'cs.AI'], version: 3, updated: 'Oct 12, 2025', comment: 'Accepted at NeurIPS 2024; 12 pages',
      journalRef: 'Advances in Neural Information Processing Systems 37 (2024)', doi: '10.52202/079017-0001',
      doiUrl: 'https://doi.org/10.52202/079017-0001', license: 'CC BY 4.0',
    });
    assert.deepEqual(viewLinks(view), ['https://github.com/a/b', 'https://doi.org/10.52202/079017-0001', 'https://doi.org/10.52202/079017-0001']);
    assert.ok(isHostToWebview({ type: 'showPaper', paper: view, actions, labels }), 'the page takes it');
  });

  it('writes the version\'s date in the display language, and leaves out a date that is not one', () => {
    assert.equal(toPaperView(ENRICHED, [], 'de').arxiv?.updated, '12. Okt. 2025');
    assert.equal(toPaperView(ENRICHED, [], 'fr').arxiv?.updated, '12 oct. 2025');
    for (const versionDate of ['2025-13-45', 'yesterday', '2025-10-12T00:00:00Z']) {
      const view = toPaperView({ ...ENRICHED, arxiv: { ...ENRICHED.arxiv!, versionDate } }, [], 'en');
      assert.equal(view.arxiv?.updated, undefined, versionDate);
      assert.equal(view.arxiv?.version, 3);
    }
  });

  it('keeps hostile comments, journal references and venues as text, and links nothing but doi.org and an https venue page', () => {
    for (const text of HOSTILE) {
      const view = toPaperView({
        ...ENRICHED,
        arxiv: { categories: [text, 'cs.AI'], comment: `See ${text}`, journalRef: text, doi: text, license: text },
        publication: { kind: 'journal', venue: text, venueShort: text, year: text, pages: text, doi: text, url: text, source: 'arxiv' },
      }, [], 'en');
      assert.equal(view.arxiv?.comment, `See ${text}`);
      assert.equal(view.arxiv?.journalRef, text);
      assert.equal(view.arxiv?.doi, undefined, 'a DOI that is not one is not shown');
      assert.equal(view.arxiv?.doiUrl, undefined);
      assert.equal(view.published?.venue, `${text} ${text}`);
      const expected = text === 'https://evil.example/a' ? ['https://evil.example/a'] : [];
      assert.deepEqual(viewLinks(view).filter((link) => link !== PLAIN.githubRepo), expected, text);
      assert.ok(isHostToWebview({ type: 'showPaper', paper: view, actions, labels }), text);
    }
  });

  it('cuts long server text and leaves out empty fields', () => {
    const view = toPaperView({ ...ENRICHED, arxiv: { categories: [], comment: 'x'.repeat(5_000), journalRef: '   ', version: -1 } });
    assert.equal(view.arxiv?.comment?.length, 500);
    assert.deepEqual(Object.keys(view.arxiv ?? {}).sort(), ['categories', 'comment']);
    assert.deepEqual(view.arxiv?.categories, ['cs.CL'], 'Hugging Face\'s primary category when arXiv\'s list is empty');
    const empty = toPaperView({ ...PLAIN, primaryCategory: undefined, arxiv: { categories: [] } });
    assert.equal('arxiv' in empty, false, 'nothing to show, no block');
  });
});
