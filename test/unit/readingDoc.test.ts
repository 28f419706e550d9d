import * as assert from 'node:assert/strict';
import type { ReadingPaper } from '../../src/core/fulltext/fullText';
import { Slugger } from '../../src/core/fulltext/headings';
import { readingDocument } from '../../src/core/fulltext/readingDoc';
import { parseFullTextResponse } from '../../src/core/fulltext/response';
import { ABSTRACT_ONLY_ID, FULL_TEXT_ID, fullTextSample, HOSTILE_ID, OLD_STYLE_ID } from '../support/fullTextSamples';
import { renderPreview, targets } from './previewRender';

function paper(id: string, title: string, authors = 3): ReadingPaper {
  return { id, title, authors: Array.from({ length: authors }, (_, index) => ({ name: `Author ${index + 1}` })) };
}

function documentOf(id: string, title: string, imagesOnline = true, authors = 3) {
  const parse = parseFullTextResponse(fullTextSample(id) as string, 'text/markdown; charset=utf-8');
  assert.ok(parse.ok);
  return readingDocument(parse.source, paper(id, title, authors), { imagesOnline });
}

const ENVHARNESS = 'EnvHarness: Awakening Static Worlds for Agent Learning';

describe('full text: the reading document', () => {
  it("starts with the paper's heading, authors, arXiv link and where the text came from", () => {
    const doc = documentOf(FULL_TEXT_ID, ENVHARNESS, true, 12);
    const lines = doc.markdown.split('\n');
    assert.equal(lines[0], '# EnvHarness\\: Awakening Static Worlds for Agent Learning');
    assert.ok((lines[2] as string).startsWith('Author 1, Author 2'), lines[2]);
    assert.ok((lines[2] as string).includes('Author 10, et al\\.'), lines[2]);
    assert.ok(!(lines[2] as string).includes('Author 11'));
    assert.ok((lines[2] as string).includes('(https://arxiv.org/abs/2608.19880)'), lines[2]);
    assert.ok((lines[4] as string).includes("[arXiv's HTML](https://arxiv.org/html/2608.19880v2)"), lines[4]);
    assert.equal(lines.filter((line) => /^# /.test(line)).length, 1, 'the paper title is the only #');
  });

  it("drops arXiv's furniture, the duplicate title and arXiv's own contents list", () => {
    const doc = documentOf(FULL_TEXT_ID, ENVHARNESS);
    assert.ok(!doc.markdown.includes('Back to arXiv'));
    assert.ok(!doc.markdown.includes('experimental HTML'));
    assert.ok(!doc.markdown.includes('failed: biblatex'));
    assert.ok(!doc.markdown.includes('======'));
    assert.deepEqual(doc.markdown.split('\n').filter((line) => /^(?:#+ )?EnvHarness\\?: Awakening/.test(line)), ['# EnvHarness\\: Awakening Static Worlds for Agent Learning'], 'the title once');
    assert.ok(!doc.markdown.includes('](https://arxiv.org/html/2608.19880v2#S3.SS1'), 'the source contents list is gone');
  });

  it('lists every section with its anchor and line, and a contents list linking to them', () => {
    const doc = documentOf(FULL_TEXT_ID, ENVHARNESS);
    const lines = doc.markdown.split('\n');
    const byTitle = new Map(doc.sections.map((section) => [section.title, section]));
    assert.deepEqual(byTitle.get('3.1 Drafting phase'), { level: 3, title: '3.1 Drafting phase', anchor: '#31-drafting-phase', line: lines.indexOf('### 3.1 Drafting phase') });
    assert.equal(byTitle.get('2 Preliminaries')?.level, 2);
    assert.equal(byTitle.get('Contributions.')?.anchor, '#contributions');
    for (const section of doc.sections) {
      assert.ok(/^#{1,6} /.test(lines[section.line] as string), `${section.title} at ${section.line}`);
    }
    assert.ok(doc.markdown.includes('- [2 Preliminaries](#2-preliminaries)'));
    assert.ok(doc.markdown.includes('  - [3\\.3 Verification phase](#33-verification-phase)'));
    const html = renderPreview(doc.markdown);
    assert.ok(html.includes('<a href="#31-drafting-phase">3.1 Drafting phase</a>'), 'the contents list renders as links');
    assert.ok(Math.min(...doc.sections.slice(1).map((section) => section.level)) >= 2, 'body headings start at ##');
  });

  it('points links into the same arXiv page at the sections here, and keeps the others', () => {
    const doc = documentOf(FULL_TEXT_ID, ENVHARNESS);
    assert.ok(doc.markdown.includes('Section [3.1](#31-drafting-phase') || doc.markdown.includes('[3.3](#33-verification-phase'), 'a subsection link');
    assert.ok(doc.markdown.includes('Appendix [A](#appendix-a-prompt-templates'), 'an appendix link');
    assert.ok(doc.markdown.includes('(https://arxiv.org/html/2608.19880v2#bib.bib4'), 'citations stay links to arXiv');
    assert.ok(doc.markdown.includes('(https://arxiv.org/html/2608.19880v2#S4.T1'), 'a table link (no section) stays');
  });

  it('points a link without version, or to a subsubsection, at the heading with that number', () => {
    const markdown = '## 2 Method\n\n### 2.1 Architecture\n\n#### 2.1.3 Heads\n\nSee [2.1](https://arxiv.org/html/2608.19880#S2.SS1), [2.1.3](https://arxiv.org/html/2608.19880v7#S2.SS1.SSS3 "In 2.1"), [other paper](https://arxiv.org/html/2401.00001#S2.SS1) and [missing](https://arxiv.org/html/2608.19880#S9).';
    const doc = readingDocument({ markdown, isFullText: true }, paper('2608.19880', 'A title'), { imagesOnline: false });
    assert.ok(doc.markdown.includes('See [2.1](#21-architecture), [2.1.3](#213-heads "In 2.1"), [other paper](https://arxiv.org/html/2401.00001#S2.SS1) and [missing](https://arxiv.org/html/2608.19880#S9).'), doc.markdown);
  });

  it('writes the formulas as math and counts them', () => {
    const doc = documentOf(FULL_TEXT_ID, ENVHARNESS);
    assert.ok(doc.formulas >= 15, String(doc.formulas));
    assert.ok(doc.markdown.includes('Let $\\mathcal{X}$ denote'));
    assert.ok(doc.markdown.includes('$$\n\\mathcal{D}_{t}=\\{(x_{i},s_{i},a_{i})\\}_{i=1}^{t},\\quad\\mathcal{D}_{0}=\\emptyset,\n$$'));
    assert.ok(doc.markdown.includes('```python\ndef step(env, action):'), 'code kept');
    const old = documentOf(OLD_STYLE_ID, 'Co-RL: Unsupervised Reasoning Emerges from Diverse Cohort in Multi-agent RL');
    assert.ok(!/POSTSUBSCRIPT|italic_|start_ARG/.test(old.markdown), old.markdown);
    assert.ok(old.markdown.includes('Let $f_{I}$ be the answer'));
  });

  it('keeps images online and turns them into text offline', () => {
    const online = documentOf(FULL_TEXT_ID, ENVHARNESS, true);
    assert.deepEqual(online.images, { kept: 3, dropped: 0 });
    const offline = documentOf(FULL_TEXT_ID, ENVHARNESS, false);
    assert.deepEqual(offline.images, { kept: 0, dropped: 3 });
    assert.ok(!renderPreview(offline.markdown).includes('<img'));
    assert.ok(offline.markdown.includes('*\\[Figure: Image 1: Refer to caption\\]*'));
  });

  it("says when the text is only Hugging Face's abstract page", () => {
    const doc = documentOf(ABSTRACT_ONLY_ID, 'FACET: Preserving Source Intent and Executable State in Terminal Task Synthesis');
    assert.ok(doc.markdown.includes('arXiv has no HTML version of this paper'));
    assert.ok(doc.markdown.includes('Terminal tasks synthesised from documentation'));
    assert.ok(!doc.markdown.includes("arXiv's HTML]("));
  });

  it('makes a hostile text and title inert', () => {
    const doc = documentOf(HOSTILE_ID, '4DAnyone <script>alert(1)</script> [x](command:y)');
    const html = renderPreview(doc.markdown);
    assert.ok(!/<script|<iframe|onerror=|<img src="(?!https:\/\/arxiv\.org\/)/i.test(html));
    for (const target of targets(html)) {
      assert.ok(target.startsWith('https://') || target.startsWith('#'), target);
    }
    assert.ok(doc.sections.length <= 1_010, String(doc.sections.length));
  });

  it('makes the document of a 4 MB answer in bounded time, its headings bounded', () => {
    const sample = fullTextSample(FULL_TEXT_ID) as string;
    const body = sample.slice(sample.indexOf('Markdown Content:\n') + 18);
    const raw = (sample + body.repeat(400)).slice(0, 4 * 1024 * 1024);
    const started = process.hrtime.bigint();
    const parse = parseFullTextResponse(raw, 'text/markdown');
    assert.ok(parse.ok);
    const doc = readingDocument(parse.source, paper(FULL_TEXT_ID, ENVHARNESS), { imagesOnline: true });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`      readingDocument: ${(raw.length / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms, ${doc.formulas} formulas`);
    assert.ok(ms < 5_000, `${ms} ms`);
    assert.ok(doc.sections.length <= 1_002, String(doc.sections.length));
    assert.ok(doc.markdown.split('\n').filter((line) => /^\s*- \[.*\]\(#/.test(line)).length <= 300, 'the contents list is bounded');
  });

  it("slugs headings as the preview does, repeated ones suffixed", () => {
    const slugs = new Slugger();
    assert.deepEqual(['3.1 Drafting phase', 'Résumé & Notes', 'A B', 'A B', 'A B', 'a-b-1', 'C++ (ours)!'].map((text) => slugs.slug(text)), ['31-drafting-phase', 'résumé--notes', 'a-b', 'a-b-1', 'a-b-2', 'a-b-1-1', 'c-ours']);
  });
});
