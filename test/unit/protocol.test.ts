import * as assert from 'node:assert/strict';
import { isHostToWebview, isWebviewToHost, PANEL_LABEL_KEYS, type PanelLabels } from '../../src/shared/protocol';

describe('webview protocol', () => {
  it('accepts the known messages from the webview', () => {
    assert.ok(isWebviewToHost({ type: 'ready' }));
    assert.ok(isWebviewToHost({ type: 'run', command: 'openOnArxiv', paperId: '2608.19880' }));
    assert.ok(isWebviewToHost({ type: 'run', command: 'openPdf', paperId: '2608.19880' }));
    assert.ok(isWebviewToHost({ type: 'run', command: 'cloneRepository', paperId: '2608.19880' }));
    assert.ok(isWebviewToHost({ type: 'openLink', url: 'https://github.com/a/b' }));
  });

  it('rejects unknown types, extra or missing keys, wrong value types and unknown commands', () => {
    const forged: unknown[] = [
      null, 'ready', [], 42, { type: 1 }, { type: 'eval', code: 'alert(1)' }, { type: 'ready', extra: 1 },
      { type: 'run' }, { type: 'run', command: 'workbench.action.terminal.new', paperId: '1' }, { type: 'run', command: 'openPdf', paperId: '1', args: ['x'] },
      { type: 'run', command: ['openPdf'], paperId: '1' }, { type: 'openLink' }, { type: 'openLink', url: 42 },
      { type: 'openLink', url: `https://github.com/${'a'.repeat(3_000)}` }, { type: 'openLink', url: 'https://x', paper: '1' },
      { type: '__proto__' }, JSON.parse('{"type":"ready","__proto__":{"polluted":true}}'),
    ];
    for (const message of forged) {
      assert.equal(isWebviewToHost(message), false, JSON.stringify(message)?.slice(0, 60));
    }
  });

  it('wants the paper a run is for: a run without it, or with anything but a short non-empty string, is refused', () => {
    for (const forged of [
      { type: 'run', command: 'openPdf' }, { type: 'run', command: 'openPdf', paperId: 2608.19880 }, { type: 'run', command: 'openPdf', paperId: '' },
      { type: 'run', command: 'openPdf', paperId: ['2608.19880'] }, { type: 'run', command: 'openPdf', paperId: null },
      { type: 'run', command: 'openPdf', paperId: 'x'.repeat(201) },
    ]) {
      assert.equal(isWebviewToHost(forged), false, JSON.stringify(forged).slice(0, 80));
    }
    assert.ok(isWebviewToHost({ type: 'run', command: 'savePaper', paperId: '2608.19880' }));
  });

  it('accepts a search for a keyword or an author, and refuses any other shape', () => {
    assert.ok(isWebviewToHost({ type: 'search', field: 'keyword', value: 'diffusion', paperId: '2608.19880' }));
    assert.ok(isWebviewToHost({ type: 'search', field: 'author', value: 'Eve" topic:x', paperId: '2608.19880' }), 'quoting is the host\'s job');
    for (const forged of [
      { type: 'search', query: 'author:"x"' }, { type: 'search', field: 'keyword', value: 'x' },
      { type: 'search', field: 'title', value: 'x', paperId: '1' }, { type: 'search', field: 'keyword', value: '', paperId: '1' },
      { type: 'search', field: 'keyword', value: '   ', paperId: '1' }, { type: 'search', field: 'keyword', value: 'x'.repeat(501), paperId: '1' },
      { type: 'search', field: 'keyword', value: ['x'], paperId: '1' }, { type: 'search', field: 'keyword', value: 'x', paperId: '' },
      { type: 'search', field: 'keyword', value: 'x', paperId: '1', query: 'has:code' }, { type: 'search', field: ['keyword'], value: 'x', paperId: '1' },
    ]) {
      assert.equal(isWebviewToHost(forged), false, JSON.stringify(forged).slice(0, 80));
    }
  });

  it('accepts a clone of a URL only as an http(s) string with the paper it is for', () => {
    assert.ok(isWebviewToHost({ type: 'cloneUrl', url: 'https://github.com/a/b', paperId: '2607.11487' }));
    for (const forged of [
      { type: 'cloneUrl', url: 'https://github.com/a/b' }, { type: 'cloneUrl', url: 'ext::sh -c touch% /tmp/x', paperId: '1' },
      { type: 'cloneUrl', url: '--upload-pack=touch /tmp/x', paperId: '1' }, { type: 'cloneUrl', url: 'file:///etc', paperId: '1' },
      { type: 'cloneUrl', url: `https://github.com/${'a'.repeat(3_000)}`, paperId: '1' }, { type: 'cloneUrl', url: 42, paperId: '1' },
      { type: 'cloneUrl', url: 'https://github.com/a/b', paperId: '1', folder: '/tmp' },
    ]) {
      assert.equal(isWebviewToHost(forged), false, JSON.stringify(forged).slice(0, 80));
    }
  });

  const labels = Object.fromEntries(PANEL_LABEL_KEYS.map((key) => [key, `«${key}»`])) as PanelLabels;

  it('checks the shape of messages to the webview', () => {
    const actions = { canClone: true, cloned: false, saved: true };
    assert.ok(isHostToWebview({ type: 'showPaper', paper: { id: '1', title: 't', authors: [], abstractParagraphs: [] }, actions, labels }));
    assert.ok(isHostToWebview({ type: 'actions', paperId: '1', actions }));
    assert.equal(isHostToWebview({ type: 'actions', paperId: '1', actions: { canClone: 'yes', cloned: false } }), false);
    assert.equal(isHostToWebview({ type: 'showPaper', paper: { id: '1', title: 't', authors: [], abstractParagraphs: [] } }), false);
    assert.ok(isHostToWebview({ type: 'linkedRepos', paperId: '1', repos: { models: [], datasets: [], spaces: [] } }));
    assert.equal(isHostToWebview({ type: 'showPaper', paper: { id: '1' } }), false);
    assert.equal(isHostToWebview({ type: 'showPaper' }), false);
    assert.equal(isHostToWebview({ type: 'linkedRepos', paperId: '1', repos: { models: [] } }), false);
    const paper = { id: '1', title: 't', authors: [], abstractParagraphs: [[{ text: 'See ' }, { text: 'https://x.org', url: 'https://x.org' }]], aiSummary: [{ text: 's' }] };
    assert.ok(isHostToWebview({ type: 'showPaper', paper, actions, labels }));
    assert.equal(isHostToWebview({ type: 'showPaper', paper: { ...paper, abstractParagraphs: ['plain'] }, actions, labels }), false, 'paragraphs are runs');
    assert.equal(isHostToWebview({ type: 'showPaper', paper: { ...paper, aiSummary: 'plain' }, actions, labels }), false, 'the summary is runs');
  });

  it('takes a saved paper\'s reading state, note and tags only in their shape', () => {
    const reading = { read: true, note: 'a note', tags: ['agents'] };
    assert.ok(isHostToWebview({ type: 'actions', paperId: '1', actions: { canClone: false, cloned: false, saved: true, reading } }));
    for (const wrong of [{ ...reading, read: 'yes' }, { ...reading, note: 1 }, { ...reading, tags: [1] }, { ...reading, tags: 'agents' }, null]) {
      assert.equal(isHostToWebview({ type: 'actions', paperId: '1', actions: { canClone: false, cloned: false, saved: true, reading: wrong } }), false, JSON.stringify(wrong));
    }
    assert.ok(isWebviewToHost({ type: 'run', command: 'markRead', paperId: '2608.19880' }));
    assert.ok(isWebviewToHost({ type: 'run', command: 'markUnread', paperId: '2608.19880' }));
  });

  it('takes the published version and arXiv\'s record only in their shape, their links only https (doi.org for the DOI)', () => {
    const paper = { id: '1', title: 't', authors: [], abstractParagraphs: [] };
    const actions = { canClone: false, cloned: false, saved: false };
    const published = { venue: 'NeurIPS 2024', volume: '37', pages: '1--9', url: 'https://doi.org/10.1/x', source: 'dblp' };
    const arxiv = { categories: ['cs.CL'], version: 3, updated: 'Oct 12, 2025', comment: 'c', journalRef: 'j', doi: '10.1/x', doiUrl: 'https://doi.org/10.1/x', license: 'CC BY 4.0' };
    assert.ok(isHostToWebview({ type: 'showPaper', paper: { ...paper, published, arxiv }, actions, labels }));
    assert.ok(isHostToWebview({ type: 'showPaper', paper: { ...paper, published: { venue: 'TMLR 2025', source: 'arxiv' }, arxiv: { categories: [] } }, actions, labels }));
    for (const wrong of [
      { published: null }, { published: 'Published in NeurIPS' }, { published: { ...published, venue: 1 } }, { published: { ...published, source: 'web' } },
      { published: { ...published, pages: 12 } }, { published: { ...published, url: 'javascript:alert(1)' } }, { published: { ...published, url: 'command:x' } },
      { arxiv: null }, { arxiv: { categories: 'cs.CL' } }, { arxiv: { categories: [1] } }, { arxiv: { ...arxiv, version: '3' } },
      { arxiv: { ...arxiv, comment: ['c'] } }, { arxiv: { ...arxiv, doiUrl: 'https://evil.example/10.1/x' } }, { arxiv: { ...arxiv, doiUrl: 'javascript:alert(1)' } },
    ]) {
      assert.equal(isHostToWebview({ type: 'showPaper', paper: { ...paper, ...wrong }, actions, labels }), false, JSON.stringify(wrong));
    }
  });

  it('wants the words the panel shows with the paper: a page script has no text of its own', () => {
    const paper = { id: '1', title: 't', authors: [], abstractParagraphs: [] };
    const actions = { canClone: false, cloned: false, saved: false };
    assert.equal(isHostToWebview({ type: 'showPaper', paper, actions }), false, 'no labels');
    for (const key of PANEL_LABEL_KEYS) {
      const { [key]: _left, ...missing } = labels;
      assert.equal(isHostToWebview({ type: 'showPaper', paper, actions, labels: missing }), false, `without ${key}`);
      assert.equal(isHostToWebview({ type: 'showPaper', paper, actions, labels: { ...labels, [key]: 42 } }), false, `${key} not a string`);
    }
  });

  it('accepts a click on a similar paper only as the shown paper\'s id and the clicked one\'s, and Show more as a run', () => {
    assert.ok(isWebviewToHost({ type: 'openSimilar', paperId: '2608.19880', id: '2607.11487' }));
    assert.ok(isWebviewToHost({ type: 'run', command: 'showSimilar', paperId: '2608.19880' }));
    for (const forged of [
      { type: 'openSimilar', id: '2607.11487' }, { type: 'openSimilar', paperId: '2608.19880' }, { type: 'openSimilar', paperId: '2608.19880', id: '' },
      { type: 'openSimilar', paperId: '2608.19880', id: 42 }, { type: 'openSimilar', paperId: '2608.19880', id: 'x'.repeat(201) },
      { type: 'openSimilar', paperId: '2608.19880', id: ['2607.11487'] }, { type: 'openSimilar', paperId: '2608.19880', id: '2607.11487', command: 'workbench.action.terminal.new' },
      { type: 'run', command: 'paperFeed.showSimilar', paperId: '2608.19880' },
    ]) {
      assert.equal(isWebviewToHost(forged), false, JSON.stringify(forged).slice(0, 80));
    }
  });

  it('takes the similar papers only in their shape', () => {
    const row = { id: '2607.11487', title: 'LightMem', firstAuthor: 'Ada', moreAuthors: true, date: 'Aug 21, 2026', upvotes: 12 };
    assert.ok(isHostToWebview({ type: 'similar', paperId: '1', papers: [row, { id: '2', title: 't', moreAuthors: false, upvotes: 0 }], failed: false }));
    assert.ok(isHostToWebview({ type: 'similar', paperId: '1', papers: [], failed: false }), 'none: the page says so');
    assert.ok(isHostToWebview({ type: 'similar', paperId: '1', papers: [], failed: true }), 'failed: the page says so');
    for (const wrong of [
      undefined, null, 'papers', [null], [{ ...row, title: 1 }], [{ ...row, id: undefined }], [{ ...row, moreAuthors: 'yes' }],
      [{ ...row, upvotes: '12' }], [{ ...row, date: 1 }], [{ ...row, firstAuthor: ['Ada'] }],
    ]) {
      assert.equal(isHostToWebview({ type: 'similar', paperId: '1', papers: wrong, failed: false }), false, JSON.stringify(wrong));
    }
    assert.equal(isHostToWebview({ type: 'similar', papers: [row], failed: false }), false, 'no paper id');
    assert.equal(isHostToWebview({ type: 'similar', paperId: '1', papers: [] }), false, 'no failure flag');
    assert.equal(isHostToWebview({ type: 'similar', paperId: '1', papers: [], failed: 'yes' }), false, 'a flag that is not one');
    assert.equal(isHostToWebview({ type: 'similar', paperId: '1', papers: [row], failed: true }), false, 'failed, yet papers');
  });
});
