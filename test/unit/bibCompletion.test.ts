/** Citation key completion as data: matching, the three groups in order, filter texts, documentation. */
import * as assert from 'node:assert/strict';
import { parseBib } from '../../src/core/citation/bibEntries';
import { bibCandidates, completionDocMarkdown, completionFilterText, matchCandidates, paperMatchable } from '../../src/core/citation/bibCompletion';
import { archiveItems, bibItems, type CardFacts, emptyCovered, savedItems, type Typed } from '../../src/core/citation/completionPlan';
import { citationKey } from '../../src/core/citation/keys';
import type { Paper } from '../../src/core/paper/model';

const BIB = `@string{neurips = "Advances in Neural Information Processing Systems"}
@inproceedings{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki},
  booktitle = neurips, year = 2017,
  eprint = {1706.03762},
}
@article{He:2016/deep-residual,
  title = {Deep Residual Learning for Image Recognition},
  author = {Kaiming He and Xiangyu Zhang},
  year = {2016},
}
@misc{oquab2023dinov2,
  title = {{DINOv2}: Learning Robust Visual Features without Supervision},
  author = {Oquab, Maxime and others},
  year = {2023},
  url = {https://arxiv.org/abs/2304.07193v2},
}
`;

const typed = (prefix: string, others: string[] = []): Typed => ({ prefix, exclude: new Set(others.map((key) => key.toLowerCase())) });

function paper(id: string, title: string, author: string, date: string): Paper {
  return { id, title, authors: [{ name: author }], abstract: `The abstract of ${title}.`, feedDate: date, upvotes: 7 };
}

function card(id: string, title: string, author: string, date: string): { id: string; card: CardFacts } {
  return { id, card: { id, title, authors: [author], authorCount: 4, date, upvotes: 12 } };
}

describe('citation completion: matching', () => {
  const database = parseBib(BIB);
  const keys = (prefix: string, others: string[] = []): string[] => matchCandidates(bibCandidates(database), prefix, typed(prefix, others).exclude, 100).map((match) => match.key);

  it('lists every entry for nothing typed, in the file\'s order', () => {
    assert.deepEqual(keys(''), ['vaswani2017attention', 'He:2016/deep-residual', 'oquab2023dinov2']);
  });

  it('ranks a key that starts with the text, then one that contains it, then title and author words, then letters in order', () => {
    assert.deepEqual(keys('he'), ['He:2016/deep-residual']);
    assert.deepEqual(keys('dino'), ['oquab2023dinov2']);
    assert.deepEqual(keys('residual learning'), ['He:2016/deep-residual']);
    assert.deepEqual(keys('shazeer'), ['vaswani2017attention']);
    assert.deepEqual(keys('vas17'), ['vaswani2017attention']);
    assert.deepEqual(keys('2016'), ['He:2016/deep-residual']);
    assert.deepEqual(keys('transformerless'), []);
  });

  it('leaves out the keys already in the same citation, whatever their case', () => {
    assert.deepEqual(keys('', ['VASWANI2017attention']), ['He:2016/deep-residual', 'oquab2023dinov2']);
  });

  it('keeps at most the limit, best first', () => {
    const candidates = Array.from({ length: 50 }, (_, index) => paperMatchable(`key${index}`, 'A title', ['Ada'], '2020'));
    const found = matchCandidates(candidates, 'key4', new Set(), 3);
    assert.deepEqual(found.map((match) => match.key), ['key4', 'key40', 'key41']);
  });
});

describe('citation completion: the groups', () => {
  const database = parseBib(BIB);
  const dinov2 = paper('2304.07193', 'DINOv2: Learning Robust Visual Features without Supervision', 'Maxime Oquab', '2023-04-17');
  const dinov3 = paper('2508.10104', 'DINOv3', 'Oriane Siméoni', '2025-08-15');

  it('.bib entries first, then saved papers not in the .bib, then archive papers listed by neither', () => {
    const covered = emptyCovered();
    const t = typed('di');
    const bib = bibItems(t, [{ file: 'references.bib', database }], covered);
    const saved = savedItems(t, [dinov2, dinov3], 'arxiv', covered);
    const archive = archiveItems(t, [card('2508.10104', 'DINOv3', 'Oriane Siméoni', '2025-08-15'), card('2401.00001', 'Dino Dynamics', 'Ada Lovelace', '2024-01-02')], 'arxiv', covered);
    assert.deepEqual(bib.map((item) => item.key), ['oquab2023dinov2']);
    assert.deepEqual(saved.map((item) => item.key), [citationKey(dinov3)], 'DINOv2 is in the .bib (by its arXiv URL)');
    assert.deepEqual(archive.map((item) => item.key), ['lovelace2024dinodynamics'], 'DINOv3 is listed as saved already');
    const sorted = [...bib, ...saved, ...archive].map((item) => item.sortText);
    assert.deepEqual([...sorted].sort(), sorted, 'the sort texts keep the groups in order');
    assert.deepEqual([bib[0]?.source.from, saved[0]?.source.from, archive[0]?.source.from], ['bib', 'saved', 'archive']);
  });

  it('every item\'s filter text starts with what is typed, so VS Code keeps all of them', () => {
    const covered = emptyCovered();
    const t = typed('vision transformer');
    const archive = archiveItems(t, [card('2010.11929', 'An Image is Worth 16x16 Words', 'Alexey Dosovitskiy', '2020-10-22')], 'arxiv', covered);
    assert.equal(archive[0]?.key, 'dosovitskiy2020imageworth');
    assert.ok(archive[0]?.filterText.startsWith('vision transformer '), archive[0]?.filterText);
    assert.equal(completionFilterText('', 'k', 'T  t'), 'k T t');
  });

  it('a key defined in two .bib files is listed once; the description reads author, year and title', () => {
    const covered = emptyCovered();
    const items = bibItems(typed('vas'), [{ file: 'a.bib', database }, { file: 'b.bib', database }], covered);
    assert.equal(items.length, 1);
    assert.equal(items[0]?.description, 'Vaswani et al. 2017 · Attention Is All You Need');
    assert.ok(covered.ids.has('1706.03762'));
  });

  it('finds saved papers by author and title words, accents or not', () => {
    assert.deepEqual(savedItems(typed('simeoni'), [dinov2, dinov3], 'arxiv', emptyCovered()).map((item) => item.source.from === 'saved' && item.source.paper.id), ['2508.10104']);
    assert.deepEqual(savedItems(typed('robust visual'), [dinov2, dinov3], 'arxiv', emptyCovered()).map((item) => item.key), [citationKey(dinov2)]);
  });

  it('leaves out an archive paper whose key the citation has already', () => {
    const key = 'lovelace2024dinodynamics';
    assert.deepEqual(archiveItems(typed('dino', [key]), [card('2401.00001', 'Dino Dynamics', 'Ada Lovelace', '2024-01-02')], 'arxiv', emptyCovered()), []);
  });
});

describe('citation completion: documentation', () => {
  it('shows title, the first authors and et al., year, venue or arXiv id, upvotes, and the abstract\'s start', () => {
    const markdown = completionDocMarkdown({
      title: 'DINOv3', authors: ['Oriane Siméoni', 'Huy V. Vo', 'Maximilian Seitzer', 'Federico Baldassarre'], year: '2025',
      arxivId: '2508.10104', upvotes: 163, abstract: `${'word '.repeat(100)}END`,
    });
    assert.match(markdown, /^\*\*DINOv3\*\*/);
    assert.match(markdown, /Oriane Siméoni, Huy V\\\. Vo, Maximilian Seitzer et al\\\. · 2025 · arXiv 2508\\\.10104 · ▲ 163/);
    assert.ok(!markdown.includes('END'), 'the abstract is cut');
    assert.ok(markdown.includes('…'));
    assert.match(completionDocMarkdown({ title: 'T', authors: ['A'], venue: 'NeurIPS', arxivId: '1' }), /A · NeurIPS$/);
  });

  it('escapes paper text: no links, no HTML, no command URIs', () => {
    const markdown = completionDocMarkdown({
      title: '[Click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>', authors: ['**Bold**'],
      abstract: 'See https://evil.example and [x](https://evil.example).',
    });
    assert.ok(!/\]\(/.test(markdown), markdown);
    assert.ok(!markdown.includes('<img'), markdown);
    assert.ok(!markdown.includes('https://'), markdown);
    assert.ok(!markdown.includes('**Bold**'), markdown);
  });
});
