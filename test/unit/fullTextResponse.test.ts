import * as assert from 'node:assert/strict';
import { parseFullTextResponse } from '../../src/core/fulltext/response';
import { ABSTRACT_ONLY_ID, FULL_TEXT_ID, fullTextSample, OLD_STYLE_ID } from '../support/fullTextSamples';

function source(raw: string, contentType?: string) {
  const parse = parseFullTextResponse(raw, contentType);
  assert.ok(parse.ok, parse.ok ? '' : parse.reason);
  return parse.source;
}

describe('full text: Hugging Face answer', () => {
  it('reads the header of a full text converted from arXiv HTML', () => {
    const read = source(fullTextSample(FULL_TEXT_ID) as string, 'text/markdown; charset=utf-8');
    assert.equal(read.title, 'EnvHarness: Awakening Static Worlds for Agent Learning');
    assert.equal(read.sourceUrl, 'https://arxiv.org/html/2608.19880v2');
    assert.equal(read.published, 'Fri, 21 Aug 2026 01:12:40 GMT');
    assert.equal(read.isFullText, true);
    assert.ok(read.markdown.startsWith('[Back to arXiv]'), read.markdown.slice(0, 40));
    assert.ok(!read.markdown.includes('Markdown Content:'));
  });

  it('reads an answer without Published Time', () => {
    const read = source(fullTextSample(OLD_STYLE_ID) as string);
    assert.equal(read.published, undefined);
    assert.equal(read.isFullText, true);
  });

  it("marks Hugging Face's own paper page (abstract only) as not the full text", () => {
    const read = source(fullTextSample(ABSTRACT_ONLY_ID) as string);
    assert.equal(read.sourceUrl, 'https://huggingface.co/papers/2608.18580');
    assert.equal(read.isFullText, false);
  });

  it('takes the whole text as Markdown when there is no header, deciding by its length and headings', () => {
    const paper = `# A paper\n\n## 1 Introduction\n\n${'Some words of the paper. '.repeat(300)}\n\n## 2 Method\n\nMore.`;
    const long = source(paper);
    assert.equal(long.markdown, paper);
    assert.equal(long.title, undefined);
    assert.equal(long.isFullText, true);
    assert.equal(source('Just an abstract, short.').isFullText, false);
  });

  it('refuses HTML by content type or by its start, empty answers and binary content', () => {
    const refused = [
      parseFullTextResponse('Title: x\n\nMarkdown Content:\nhello', 'text/html; charset=utf-8'),
      parseFullTextResponse('<!DOCTYPE html><html><body>404</body></html>'),
      parseFullTextResponse('\n  <html lang="en"><head></head></html>'),
      parseFullTextResponse(''),
      parseFullTextResponse(' \n\t\n'),
      parseFullTextResponse('Title: x\n\nMarkdown Content:\n   \n'),
      parseFullTextResponse('Title: x\n\nMarkdown Content:\nbinary\u0000data'),
    ];
    for (const parse of refused) {
      assert.equal(parse.ok, false);
      assert.ok(!parse.ok && parse.reason.length > 0);
    }
  });

  it('cleans the title (controls and bidi overrides out) and keeps only http(s) sources', () => {
    const read = source('Title: A \u202Etitle\u202C\twith\u0007 controls\r\nURL Source: javascript:alert(1)\r\n\r\nMarkdown Content:\r\nBody line\r\n');
    assert.equal(read.title, 'A title with controls');
    assert.equal(read.sourceUrl, undefined);
    assert.equal(read.markdown, 'Body line');
  });

  it('reads a header without the Markdown Content line, and a body that starts with a header-like line later', () => {
    const read = source('Title: Only a title\n\nThe body starts here.\nTitle: not a header any more');
    assert.equal(read.title, 'Only a title');
    assert.equal(read.markdown, 'The body starts here.\nTitle: not a header any more');
  });
});
