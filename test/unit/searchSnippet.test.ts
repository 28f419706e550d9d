import * as assert from 'node:assert/strict';
import { parseQuery } from '../../src/core/search/query';
import { matchedSentence, SNIPPET_LENGTH } from '../../src/core/search/snippet';

const ABSTRACT = `Recent advances in masked diffusion language models (MDLMs) narrow the quality gap to autoregressive LMs, but their sampling remains expensive.
In this work, we study model scheduling, where a smaller MDLM replaces the full model at a subset of denoising steps.  We show that early and late
denoising steps are more robust to replacement than middle steps (e.g. steps 10 to 20), enabling a 17% reduction in FLOPs.

Our results suggest that simple, architecture-agnostic scheduling rules can accelerate MDLM sampling.
Masked diffusion models get faster with smaller models at some denoising steps.`;

describe('the abstract sentence a query matched', () => {
  it('is the sentence with the most of the query\'s words, white space collapsed', () => {
    assert.equal(matchedSentence(ABSTRACT, 'smaller mdlm subset'),
      'In this work, we study model scheduling, where a smaller MDLM replaces the full model at a subset of denoising steps.');
    assert.equal(matchedSentence(ABSTRACT, 'early late denoising'),
      'We show that early and late denoising steps are more robust to replacement than middle steps (e.g. steps 10 to 20), enabling a 17% reduction in FLOPs.',
      'across a line break, and not cut at "e.g."');
  });

  it('takes the first of equally good sentences, the AI summary too', () => {
    assert.equal(matchedSentence(ABSTRACT, 'sampling'),
      'Recent advances in masked diffusion language models (MDLMs) narrow the quality gap to autoregressive LMs, but their sampling remains expensive.');
    assert.equal(matchedSentence(ABSTRACT, 'faster'), 'Masked diffusion models get faster with smaller models at some denoising steps.');
  });

  it('matches words as the index does: hyphenated or joined, plural, a typo, the word being typed', () => {
    assert.match(matchedSentence(ABSTRACT, 'architectureagnostic') ?? '', /^Our results suggest/);
    assert.match(matchedSentence(ABSTRACT, 'architecture agnostic rules') ?? '', /^Our results suggest/);
    assert.match(matchedSentence(ABSTRACT, 'replacements') ?? '', /^We show that/);
    assert.match(matchedSentence(ABSTRACT, 'schedulng rules') ?? '', /^Our results suggest/);
    assert.match(matchedSentence(ABSTRACT, 'reduction in FL') ?? '', /^We show that/);
    assert.equal(matchedSentence(ABSTRACT, 'FL '), undefined, 'a complete word is not a prefix');
  });

  it('takes a parsed query, and ignores its filters', () => {
    assert.match(matchedSentence(ABSTRACT, parseQuery('author:"ivan sedykh" flops')) ?? '', /^We show that/);
    assert.equal(matchedSentence(ABSTRACT, 'author:sedykh'), undefined, 'no words');
    assert.equal(matchedSentence(ABSTRACT, 'quantum chromodynamics'), undefined);
    assert.equal(matchedSentence('', 'anything'), undefined);
  });

  it('cuts a long sentence around its matches at word boundaries, marked with ellipses', () => {
    const long = `${'Words that come before the point of this sentence and go on for a while '.repeat(3)}until the zeppelin lands, ${'and words that come after it and go on and on for a long while '.repeat(3)}to the end.`;
    const snippet = matchedSentence(long, 'zeppelin') ?? '';
    assert.match(snippet, /^….*zeppelin.*…$/);
    assert.ok(snippet.length <= SNIPPET_LENGTH + 2, `${snippet.length} characters`);
    assert.ok(long.includes(snippet.slice(1, -1)), 'whole words of the sentence');
    assert.match(matchedSentence(long, 'before zeppelin') ?? '', /before .* zeppelin/, 'the stretch with the most words, not their first');
    const start = matchedSentence(long, 'words before') ?? '';
    assert.match(start, /^Words that come before .*[^…]…$/, 'a match at the start: cut at the end only');
    const end = matchedSentence(long, 'end') ?? '';
    assert.match(end, /^….* to the end\.$/, 'a match at the end: cut at the start only');
  });
});
