import * as assert from 'node:assert/strict';
import { paperLinks, parseArxivId, parsePaperRef } from '../../src/core/paper/arxiv';

describe('arXiv ids and paper references', () => {
  const accepted: [string, string][] = [
    ['2508.10104', '2508.10104'],
    ['  2508.10104v3 ', '2508.10104'],
    ['arXiv:2508.10104', '2508.10104'],
    ['1501.0001', '1501.0001'],
    ['hep-th/9901001v2', 'hep-th/9901001'],
    ['math.AP/0601001', 'math.AP/0601001'],
    ['https://arxiv.org/abs/2508.10104v1', '2508.10104'],
    ['https://arxiv.org/pdf/2508.10104', '2508.10104'],
    ['https://arxiv.org/pdf/2508.10104v2.pdf', '2508.10104'],
    ['http://export.arxiv.org/abs/hep-th/9901001', 'hep-th/9901001'],
    ['https://huggingface.co/papers/2508.10104', '2508.10104'],
    ['https://hf.co/papers/2508.10104/', '2508.10104'],
  ];
  for (const [input, id] of accepted) {
    it(`reads ${JSON.stringify(input)}`, () => assert.equal(parsePaperRef(input), id));
  }

  const rejected = [
    '', 'hello', '2508.101', '25081.0104', '2508.10104; rm -rf /', 'https://evil.example/abs/2508.10104',
    'javascript:alert(1)//2508.10104', 'https://arxiv.org/list/cs.CL', 'file:///abs/2508.10104', 'https://huggingface.co/papers',
  ];
  for (const input of rejected) {
    it(`rejects ${JSON.stringify(input)}`, () => assert.equal(parsePaperRef(input), undefined));
  }

  it('keeps parseArxivId to bare ids', () => {
    assert.equal(parseArxivId('https://arxiv.org/abs/2508.10104'), undefined);
  });

  it('builds the canonical links', () => {
    assert.equal(paperLinks.huggingFace('2508.10104'), 'https://huggingface.co/papers/2508.10104');
    assert.equal(paperLinks.arxivAbstract('2508.10104'), 'https://arxiv.org/abs/2508.10104');
    assert.equal(paperLinks.arxivPdf('2508.10104'), 'https://arxiv.org/pdf/2508.10104');
  });
});
