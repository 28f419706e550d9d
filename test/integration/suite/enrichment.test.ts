/**
 * Citations that match the published record (issue 19), in the real extension host: arXiv's
 * metadata and DBLP's venue come from a second fake server on 127.0.0.1 (arXiv's Atom in its new
 * format, DBLP's JSON), never in a citation's way; faults leave citations working; a service the
 * settings turn off is never asked; the BibTeX style and preferPublished settings.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { editorWith, paperFeed, readWorkspaceFile, resolvedItem, papersUnder, waitFor, writeWorkspaceFile } from '../helpers';

const enrichFake = process.env.PAPER_FEED_FAKE_ENRICH ?? '';

async function control(path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${enrichFake}${path}`, { method: 'POST', body: body === undefined ? '' : JSON.stringify(body) });
  await response.text();
}

async function requests(): Promise<string[]> {
  return ((await (await fetch(`${enrichFake}/__requests`)).json()) as { requests: string[] }).requests;
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('paperFeed').update(key, value, vscode.ConfigurationTarget.Global);
}

async function copied(id: string, format = 'bibtex'): Promise<string> {
  await vscode.env.clipboard.writeText('');
  await vscode.commands.executeCommand('paperFeed.copyCitation', id, format);
  return vscode.env.clipboard.readText();
}

/** Papers of June 2025 (the corpus), outside the shown window: nothing has asked about them yet. */
const PRE_TRAINING = '2506.08007'; // "Reinforcement Pre-Training", Qingxiu Dong et al.
const SAFFRON = '2506.06444'; // "Saffron-1: Towards an Inference Scaling Paradigm for LLM Safety Assurance", Ruizhong Qiu et al.
const MINICPM = '2506.07900';

describe('enrichment from arXiv and DBLP', () => {
  afterEach(async () => {
    await control('/__reset');
    for (const key of ['enrichment.arxiv', 'enrichment.published', 'citation.bibtexStyle', 'citation.preferPublished']) {
      await setting(key, undefined);
    }
  });

  it('asks arXiv about the papers on screen, in batches, and the tooltip shows their categories', async () => {
    const { testing } = await paperFeed();
    await testing.loaded;
    const [node] = await papersUnder(testing.papersTree);
    assert.ok(node);
    await waitFor('arXiv asked about the shown window', async () => (await requests()).some((request) => request.startsWith('/api/query?') && request.includes(node.paper.id)) || undefined);
    await testing.enrichment.idle();
    for (const request of (await requests()).filter((entry) => entry.startsWith('/api/query?'))) {
      assert.ok((new URL(request, enrichFake).searchParams.get('id_list')?.split(',').length ?? 0) <= 100, request);
    }
    const categories = testing.enrichment.apply(node.paper).arxiv?.categories ?? [];
    assert.ok(categories.length > 0, 'arXiv\'s record of the paper');
    const tooltip = (await resolvedItem(testing.papersTree, node)).tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    // Markdown-escaped: cs\.LG
    assert.ok(tooltip.value.replace(/\\/g, '').includes(categories.join(', ')) || tooltip.value.replace(/\\/g, '').includes(categories[0] as string), tooltip.value);
  });

  it('copies a citation at once while arXiv has not answered, and the venue once the authors\' journal reference is in', async () => {
    const { testing } = await paperFeed();
    await control('/__arxiv', { [PRE_TRAINING]: { journalRef: 'Advances in Neural Information Processing Systems 38 (NeurIPS 2025)', doi: '10.5555/neurips.2025.7', categories: ['cs.CL', 'cs.LG'] } });
    await control('/__fault', { mode: 'hang', path: '/api/query' });
    const preprint = await copied(PRE_TRAINING);
    // The citation did not wait: arXiv's request is still held open by the fake.
    assert.match(preprint, /^@misc\{dong2025reinforcement\w*,/);
    assert.match(preprint, /howpublished = \{arXiv preprint arXiv:2506\.08007\}/);
    assert.doesNotMatch(preprint, /primaryClass|booktitle/);
    await waitFor('the held arXiv request', async () => (await requests()).some((request) => request.includes(PRE_TRAINING)) || undefined);
    await control('/__fault'); // the held request fails; the enricher backs off and asks again
    await testing.enrichment.idle();
    await waitFor('arXiv\'s record of the paper', async () => (await copied(PRE_TRAINING)).includes('booktitle') || undefined);
    const published = await copied(PRE_TRAINING);
    assert.match(published, /^@inproceedings\{dong2025reinforcement\w*,/, 'the key stays the preprint\'s');
    assert.match(published, /booktitle = \{Advances in Neural Information Processing Systems\}/);
    assert.match(published, /year = \{2025\}/);
    assert.match(published, /doi = \{10\.5555\/neurips\.2025\.7\}/);
    assert.match(published, /eprint = \{2506\.08007\}/);
    assert.match(published, /primaryClass = \{cs\.CL\}/);
    assert.match(await copied(PRE_TRAINING, 'apa'), /Advances in Neural Information Processing Systems/, 'every CSL style gets the venue');
    await setting('citation.preferPublished', false);
    assert.match(await copied(PRE_TRAINING), /^@misc\{[^]*howpublished = \{arXiv preprint arXiv:2506\.08007\}[^]*primaryClass = \{cs\.CL\}/);
    await setting('citation.bibtexStyle', 'scholar');
    assert.match(await copied(PRE_TRAINING), /^@article\{[^]*journal = \{arXiv preprint arXiv:2506\.08007\}/);
    await setting('citation.bibtexStyle', 'arxiv');
    assert.doesNotMatch(await copied(PRE_TRAINING), /howpublished|journal =/);
  });

  it('asks DBLP about an opened paper arXiv names no venue for; the panel says where it was published', async () => {
    const { testing } = await paperFeed();
    await control('/__dblp', {
      'Saffron-1: Towards an Inference Scaling Paradigm for LLM Safety Assurance': [{ info: {
        authors: { author: [{ '@pid': '1/1', text: 'Ruizhong Qiu 0001' }, { '@pid': '1/2', text: 'Hanghang Tong' }] },
        title: 'Saffron-1: Towards an Inference Scaling Paradigm for LLM Safety Assurance.',
        venue: 'ICML', year: '2025', type: 'Conference and Workshop Papers', pages: '51234-51250', key: 'conf/icml/Qiu25', doi: '10.5555/icml.2025.1',
        ee: 'https://proceedings.mlr.press/v267/qiu25a.html', url: 'https://dblp.org/rec/conf/icml/Qiu25',
      } }],
    });
    await vscode.commands.executeCommand('paperFeed.openPaper', SAFFRON);
    await waitFor('the panel says where it was published', () => testing.panel.sentToActive('showPaper')?.paper.published);
    const shown = testing.panel.sentToActive('showPaper')?.paper;
    assert.match(shown?.published?.venue ?? '', /International Conference on Machine Learning/);
    assert.equal(shown?.published?.source, 'dblp');
    assert.ok((await requests()).some((request) => request.startsWith('/search/publ/api?')));
    const license = await waitFor('the license from arXiv\'s OAI-PMH interface', () => testing.panel.sentToActive('showPaper')?.paper.arxiv?.license);
    assert.equal(license, 'CC BY 4.0');
    const entry = await copied(SAFFRON);
    assert.match(entry, /^@inproceedings\{/);
    assert.match(entry, /pages = \{51234--51250\}/);
    assert.match(await copied(SAFFRON, 'ieee'), /in International Conference on Machine Learning, 2025, pp\. 51234–51250/);
  });

  it('asks no service the user turned off, and citations still work', async () => {
    const { testing } = await paperFeed();
    await setting('enrichment.arxiv', false);
    await setting('enrichment.published', false);
    await control('/__reset');
    await vscode.commands.executeCommand('paperFeed.openPaper', MINICPM);
    assert.match(await copied(MINICPM), /howpublished = \{arXiv preprint arXiv:2506\.07900\}/);
    await vscode.commands.executeCommand('paperFeed.refresh');
    await testing.enrichment.idle();
    assert.deepEqual(await requests(), []);
  });

  it('faults (a server error, "Rate exceeded.", malformed XML) leave Insert Citation and its .bib entry working', async () => {
    await writeWorkspaceFile('enriched.bib', '');
    for (const mode of ['500', 'rateExceededText', 'malformedXml']) {
      await control('/__fault', { mode, path: '/api/query' });
      await control('/__dblp', {}); // nothing known
      const editor = await editorWith('enriched.tex', '\\documentclass{article}\n\\begin{document}\nSee |.\n\\bibliography{enriched}\n\\end{document}\n');
      await vscode.commands.executeCommand('paperFeed.insertCitation', MINICPM);
      assert.match(editor.document.getText(), /See \\cite\{\w+2025minicpm4\w*\}\./, mode);
      await waitFor(`arXiv asked, and answered with ${mode}`, async () => (await requests()).some((request) => request.includes(MINICPM)) || undefined);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    const bib = await readWorkspaceFile('enriched.bib');
    assert.equal(bib.match(/@misc\{/g)?.length, 1, bib);
    assert.match(bib, /howpublished = \{arXiv preprint arXiv:2506\.07900\}/);
  });

  it('writes arXiv\'s own form into the .bib of a document that loads biblatex, which prints eprint itself', async () => {
    await writeWorkspaceFile('biblatex.bib', '');
    const editor = await editorWith('biblatex.tex', '\\documentclass{article}\n\\usepackage[backend=biber]{biblatex}\n\\addbibresource{biblatex.bib}\n\\begin{document}\nSee |.\n\\end{document}\n');
    await vscode.commands.executeCommand('paperFeed.insertCitation', MINICPM);
    assert.match(editor.document.getText(), /See \\cite\{\w+\}\./);
    const bib = await readWorkspaceFile('biblatex.bib');
    assert.match(bib, /eprint = \{2506\.07900\}/);
    assert.doesNotMatch(bib, /howpublished/, 'the id would show twice under biblatex');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
