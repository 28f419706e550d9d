import * as assert from 'node:assert/strict';
import { FULLTEXT_MAX_BYTES } from '../../src/core/fulltext/fullTextFiles';
import { fullTextBody, fullTextPlain } from '../../src/core/fulltext/plainText';
import { parseQuery, quotedPhrases, withFullText, withoutFilters } from '../../src/core/search/query';

const ANSWER = `Title: Attention Is All You Need
URL Source: https://arxiv.org/html/1706.03762v7
Published Time: 2023-08-02T00:00:00Z

Markdown Content:
Attention Is All You Need
===============

1 Introduction[#](https://arxiv.org/html/1706.03762v7#S1 "In Attention Is All You Need")
-----------------------------------------------------------------------------------------

Recurrent **neural networks**, _long short-term memory_ and \`gated\` recurrent networks, see [Section 2](https://arxiv.org/html/1706.03762v7#S2 "2 Background").

![Image 1: The Transformer - model architecture.](https://arxiv.org/html/1706.03762v7/Figures/ModalNet-21.png)

### 3.2 Attention ###

For an input x∈𝒳 x\\in\\mathcal{X} the output is $y$.

| Layer | Complexity |
|:------|-----------:|
| Self-Attention | O(n^2 · d) |

> Quoted line
- First item
1. Numbered item
`;

describe('a full text as plain text', () => {
  const plain = fullTextPlain(ANSWER);

  it('drops the header, keeps the body', () => {
    assert.doesNotMatch(plain, /URL Source|Published Time|Markdown Content|Title:/);
    assert.match(plain, /^Attention Is All You Need\n\n1 Introduction\n\nRecurrent/);
    assert.equal(fullTextBody('no header at all'), 'no header at all');
    assert.equal(fullTextBody('Title: x\nURL Source: https://a.b/\nthe text'), 'the text', 'a header without the content mark');
  });

  it('keeps link text and alt text, drops targets, image URLs and link titles', () => {
    assert.match(plain, /see Section 2\./);
    assert.match(plain, /^The Transformer - model architecture\.$/m);
    assert.doesNotMatch(plain, /https?:|arxiv\.org|\.png|Background"|Image 1/);
  });

  it('drops heading, emphasis, code, table and list marks, and LaTeX commands', () => {
    assert.match(plain, /^3\.2 Attention$/m);
    assert.match(plain, /Recurrent neural networks, long short-term memory and gated recurrent networks/);
    assert.match(plain, /For an input x∈𝒳 x X the output is y\./);
    assert.doesNotMatch(plain, /[#*`|\\{}$]|mathcal|===|---|:--/);
    assert.match(plain, /^Layer Complexity$/m);
    assert.match(plain, /^Quoted line\nFirst item\nNumbered item$/m);
  });

  it('keeps paragraphs apart by one blank line', () => {
    assert.doesNotMatch(plain, /\n\n\n/);
    assert.doesNotMatch(plain, /^\s|\s$/);
  });

  it('is bounded and quick on hostile text: a 4 MB line of brackets, backslashes, underscores, NUL and bidi marks', () => {
    const hostile = [
      '[x]('.repeat(FULLTEXT_MAX_BYTES / 4),
      '!['.repeat(FULLTEXT_MAX_BYTES / 2),
      '\\'.repeat(FULLTEXT_MAX_BYTES),
      '_a'.repeat(FULLTEXT_MAX_BYTES / 2),
      '| -'.repeat(FULLTEXT_MAX_BYTES / 3),
    ];
    for (const text of hostile) {
      const started = performance.now();
      const result = fullTextPlain(`${text}${text}`);
      assert.ok(performance.now() - started < 3_000, `took ${performance.now() - started} ms`);
      assert.ok(result.length <= FULLTEXT_MAX_BYTES);
    }
    assert.equal(fullTextPlain('a\u0000b \u202Eevil\u202C'), 'a\u0000b \u202Eevil\u202C', 'kept as text (the picker shows plain text)');
  });
});

describe('in:fulltext and quoted phrases in queries', () => {
  it('reads in:fulltext, in:full-text and in:text as the full-text filter, and nothing else', () => {
    for (const query of ['in:fulltext diffusion', 'diffusion in:full-text', 'IN:Text diffusion', 'in:"fulltext" diffusion']) {
      const parsed = parseQuery(query);
      assert.equal(parsed.filters.inFullText, true, query);
      assert.deepEqual(parsed.words, ['diffusion'], query);
    }
    assert.equal(parseQuery('in:title diffusion').filters.inFullText, undefined);
    assert.equal(parseQuery('within fulltext').filters.inFullText, undefined);
    assert.deepEqual(parseQuery('in:fulltext author:lecun after:2025-01-01 nets').filters, { inFullText: true, author: 'lecun', after: '2025-01-01' });
  });

  it('finds quoted phrases outside filters, open while the closing quote is not typed', () => {
    assert.deepEqual(quotedPhrases('in:fulltext "State of the Art" models "mixture of exp'), [
      { words: ['state', 'of', 'the', 'art'], open: false },
      { words: ['mixture', 'of', 'exp'], open: true },
    ]);
    assert.deepEqual(quotedPhrases('author:"yann lecun" nets'), [], 'a filter\'s quoted value is no phrase');
    assert.deepEqual(quotedPhrases('"done "'), [{ words: ['done'], open: false }]);
    assert.deepEqual(quotedPhrases('""'), []);
  });

  it('adds or removes in:fulltext in the typed text', () => {
    assert.equal(withFullText('diffusion models', true), 'in:fulltext diffusion models');
    assert.equal(withFullText('', true), 'in:fulltext ');
    assert.equal(withFullText('in:fulltext diffusion models', false), 'diffusion models');
    assert.equal(withFullText('diffusion in:text models in:full-text', false), 'diffusion models');
    assert.equal(withFullText('in:fulltext x', true), 'in:fulltext x', 'not twice');
    assert.equal(withoutFilters('in:fulltext x').trim(), 'x');
  });
});
