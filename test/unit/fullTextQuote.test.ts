import * as assert from 'node:assert/strict';
import { cleanPassage, isPassageOf, quotableParagraphs, quoteWithCitation } from '../../src/core/fulltext/quote';

const DOCUMENT = [
  '# EnvHarness\\: Awakening Static Worlds', '', 'A B · [arXiv\\:2608\\.19880](https://arxiv.org/abs/2608.19880)', '',
  '## 1 Introduction', '',
  'Agents need worlds to act in. Building interactive environments by hand is **slow** and brittle, so we turn static worlds into [live ones](https://arxiv.org/html/x#S1) that agents can explore.', '',
  '$$', 'E(x)', '$$', '',
].join('\n');

describe('full text quotes', () => {
  it('cleans a selected passage: links as their text, markup and escapes gone, whitespace collapsed', () => {
    assert.equal(cleanPassage('so we turn static worlds into [live ones](https://a.b/c "t")\n  that **agents** can `explore`\\.'), 'so we turn static worlds into live ones that agents can explore.');
    assert.equal(cleanPassage('![Image 1: x](https://a/x.png) Text'), 'Text');
  });

  it('accepts text copied from the rendered preview only when it is the paper’s, in order', () => {
    assert.equal(isPassageOf('so we turn static worlds into live ones', DOCUMENT), true);
    assert.equal(isPassageOf('is slow and brittle, so we turn', DOCUMENT), true, 'across the bold markup');
    assert.equal(isPassageOf('static worlds so we turn', DOCUMENT), false, 'words out of order');
    assert.equal(isPassageOf('words from somewhere else entirely', DOCUMENT), false);
    assert.equal(isPassageOf('static worlds', DOCUMENT), false, 'two words say nothing');
  });

  it('offers prose paragraphs, not headings, formulas or short lines', () => {
    const paragraphs = quotableParagraphs(DOCUMENT);
    assert.equal(paragraphs.length, 1);
    assert.match(paragraphs[0] as string, /^Agents need worlds/);
  });

  it('puts the quote before the citation: one line after it, or a blank line before an entry', () => {
    assert.equal(quoteWithCitation(' a passage ', 'Huang et al. (2026)'), '“a passage”\n— Huang et al. (2026)\n');
    assert.equal(quoteWithCitation('a passage', '@misc{k,\n}'), '“a passage”\n\n@misc{k,\n}\n');
  });
});
