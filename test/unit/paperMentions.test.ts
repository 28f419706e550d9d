/** Papers named in any text (the hover in every file) and arXiv ids inside citation keys. */
import * as assert from 'node:assert/strict';
import { arxivIdInKey, paperMentionAt, plausibleArxivId } from '../../src/core/citation/paperMentions';

/** The mention at the `|` in `marked` (the bar removed). */
function at(marked: string): { id: string; text: string } | undefined {
  const column = marked.indexOf('|');
  const line = marked.replace('|', '');
  const mention = paperMentionAt(line, column);
  return mention && { id: mention.id, text: line.slice(mention.start, mention.end) };
}

describe('paperMentionAt', () => {
  it('finds new-style ids, with a version or an arXiv: prefix, anywhere on the id', () => {
    assert.deepEqual(at('see 24|01.12345 here'), { id: '2401.12345', text: '2401.12345' });
    assert.deepEqual(at('see |2401.12345'), { id: '2401.12345', text: '2401.12345' });
    assert.deepEqual(at('see 2401.12345|'), { id: '2401.12345', text: '2401.12345' });
    assert.deepEqual(at('arXiv:2401.1234|5v2.'), { id: '2401.12345', text: 'arXiv:2401.12345v2' });
    assert.deepEqual(at('ar|Xiv: 2401.12345'), { id: '2401.12345', text: 'arXiv: 2401.12345' });
    assert.deepEqual(at('# 07|04.0001 was the first'), { id: '0704.0001', text: '0704.0001' });
  });

  it('finds old-style ids', () => {
    assert.deepEqual(at('hep-th/99|01001v1 x'), { id: 'hep-th/9901001', text: 'hep-th/9901001v1' });
    assert.deepEqual(at('(math.AG/06|01001)'), { id: 'math.AG/0601001', text: 'math.AG/0601001' });
  });

  it('finds arXiv, Hugging Face and alphaXiv paper URLs, without the punctuation around them', () => {
    assert.deepEqual(at('https://arxiv.org/abs/24|01.12345v3'), { id: '2401.12345', text: 'https://arxiv.org/abs/2401.12345v3' });
    assert.deepEqual(at('h|ttps://arxiv.org/pdf/2401.12345.pdf'), { id: '2401.12345', text: 'https://arxiv.org/pdf/2401.12345.pdf' });
    assert.deepEqual(at('https://export.arxiv.org/abs/hep-th/99|01001'), { id: 'hep-th/9901001', text: 'https://export.arxiv.org/abs/hep-th/9901001' });
    assert.deepEqual(at('https://huggingface.co/pap|ers/2401.12345'), { id: '2401.12345', text: 'https://huggingface.co/papers/2401.12345' });
    assert.deepEqual(at('https://hf.co/papers/|2401.12345'), { id: '2401.12345', text: 'https://hf.co/papers/2401.12345' });
    assert.deepEqual(at('https://www.alphaxiv.org/abs/2401.1|2345'), { id: '2401.12345', text: 'https://www.alphaxiv.org/abs/2401.12345' });
    assert.deepEqual(at('https://alphaxiv.org/pdf/2401.12345v2.pdf|'), { id: '2401.12345', text: 'https://alphaxiv.org/pdf/2401.12345v2.pdf' });
    assert.deepEqual(at('[paper](https://arxiv.org/abs/|2401.12345).'), { id: '2401.12345', text: 'https://arxiv.org/abs/2401.12345' });
    assert.deepEqual(at('\\url{https://arxiv.org/abs/2401.12|345}'), { id: '2401.12345', text: 'https://arxiv.org/abs/2401.12345' });
  });

  it('takes no other host, and no paper from a URL that is not a paper page', () => {
    assert.equal(at('https://example.com/abs/2401.1|2345'), undefined);
    assert.equal(at('https://evil.example/?u=https://arxiv.org/abs/2401.1|2345x'), undefined);
    assert.equal(at('https://arxiv.org/list/cs.CL/re|cent'), undefined);
  });

  it('takes no version number, date, address or number for an id', () => {
    for (const text of ['version 1.|2', 'on 2024.01|.15', 'v24|01.12345', 'file24|01.12345', '192.16|8.1.1', '10.48550/arXiv.2401.1|2345x',
      '2401.1|23456', 'costs 1234.5|678', 'build 2413.0|0001', '1.2401.1|2345', '2401.12345.6|7']) {
      assert.equal(at(text), undefined, text);
    }
  });

  it('needs the cursor on the mention', () => {
    assert.equal(at('|see 2401.12345'), undefined);
    assert.equal(at('2401.12345 and |more'), undefined);
  });

  it('reads only around the cursor on a very long line', () => {
    const line = `${'x '.repeat(50_000)}2401.12345${' y'.repeat(50_000)}`;
    const mention = paperMentionAt(line, 100_003);
    assert.deepEqual(mention, { id: '2401.12345', start: 100_000, end: 100_010 });
  });
});

describe('plausibleArxivId', () => {
  it('accepts ids arXiv could have issued, and refuses the others', () => {
    for (const id of ['0704.0001', '1412.9999', '1501.00001', '2508.10104', 'hep-th/9901001']) {
      assert.equal(plausibleArxivId(id), true, id);
    }
    for (const id of ['1234.5678', '0703.0001', '2413.00001', '2400.12345', '1501.0001', '1412.00001']) {
      assert.equal(plausibleArxivId(id), false, id);
    }
  });
});

describe('arxivIdInKey', () => {
  it('finds the id Paper Feed and others put in keys', () => {
    assert.equal(arxivIdInKey('arxiv2401.12345'), '2401.12345');
    assert.equal(arxivIdInKey('2401.12345'), '2401.12345');
    assert.equal(arxivIdInKey('arXiv:2401.12345v2'), '2401.12345');
    assert.equal(arxivIdInKey('vaswani2017-1706.03762'), '1706.03762');
  });

  it('finds none in an ordinary key, or in a year followed by digits', () => {
    for (const key of ['vaswani2017attention', 'smith2024.12345', 'x12401.12345', '2017.1234', 'a.2401.12345', 'key:2401.123456']) {
      assert.equal(arxivIdInKey(key), undefined, key);
    }
  });
});
