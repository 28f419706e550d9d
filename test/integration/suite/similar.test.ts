/**
 * Similar papers in the real host: the search worker's model over a month of the fake Hugging Face's
 * papers, Show Similar Papers from each of its entry points, and the panel's Similar papers section
 * (posted once the worker answers, for the paper the panel still shows; a click opens only a paper
 * it listed). Messages are sent as the page would send them.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Paper } from '../../../src/core/paper/model';
import type { SimilarHit } from '../../../src/core/search/workerProtocol';
import type { HostToWebview } from '../../../src/shared/protocol';
import { acceptItem, closeAllEditors, paperFeed, papersUnder, waitFor, webviewTabs } from '../helpers';

const ENV_HARNESS = '2608.19880';
/** A month of papers in the cache and the index: enough for the model to find ten like any one. */
const MONTH = 'month:2026-08';

type Api = Awaited<ReturnType<typeof paperFeed>>;
type Picker = NonNullable<Api['testing']['similarPickers']['current']>;
type Item = Picker['items'][number];

/** Counts the calls of `search.similar` from now on (the test deletes the override to end it). */
function countSimilarCalls(search: Api['testing']['search']): { readonly count: number } {
  const real = search.similar.bind(search);
  const calls = { count: 0 };
  search.similar = (paper, limit) => {
    calls.count++;
    return real(paper, limit);
  };
  return calls;
}

const ids = (items: readonly Item[]): string[] => items.flatMap((item) => (item.paper ? [item.paper.id] : []));

/** Words of five letters or more: what two papers on one subject share beyond the common ones. */
function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z][a-z-]{4,}/g) ?? []);
}

/** The Show Similar Papers picker once it lists the papers like `id`. */
async function similarShown(id: string): Promise<Picker> {
  const { testing } = await paperFeed();
  return waitFor(`Show Similar Papers for ${id}`, () => {
    const picker = testing.similarPickers.current;
    return picker && testing.similarPickers.listedFor === id && !picker.busy ? picker : undefined;
  });
}


async function panelShowing(id: string): Promise<void> {
  const { testing } = await paperFeed();
  await waitFor(`the panel showing ${id}`, () => (webviewTabs('paperFeed.paper')[0] && testing.panel.paper?.id === id
    && testing.panel.sentToActive('showPaper')?.paper.id === id ? true : undefined));
}

/** The similar list the active panel was last sent, once it is for `id`. */
async function panelSimilar(id: string): Promise<Extract<HostToWebview, { type: 'similar' }>> {
  const { testing } = await paperFeed();
  return waitFor(`the similar papers of ${id} sent to the panel`, () => {
    const sent = testing.panel.sentToActive('similar');
    return sent?.paperId === id ? sent : undefined;
  });
}

/**
 * Makes the next ask for similar papers meet a worker replaced under it (as Clear Paper Cache or a
 * change of paperFeed.topics does): the ask takes the running worker, which is then restarted.
 * Resolves once the new worker's index is ready; the hook is gone after one ask.
 */
async function restartDuringNextAsk(): Promise<{ readonly restarted: Promise<void> }> {
  const { testing } = await paperFeed();
  const search = testing.search;
  const real = search.similar.bind(search);
  let restarted: Promise<void> | undefined;
  let asked: () => void = () => undefined;
  const once = new Promise<void>((resolve) => {
    asked = resolve;
  });
  search.similar = (paper, limit) => {
    Reflect.deleteProperty(search, 'similar');
    const answer = real(paper, limit);
    restarted = search.restart().then(() => search.ready);
    asked();
    return answer;
  };
  return { restarted: once.then(() => restarted as Promise<void>) };
}

/** After a restart: the model answers for a month of papers again. */
async function modelBack(paper: Paper): Promise<void> {
  const { testing } = await paperFeed();
  await testing.search.ready;
  await waitFor('the model to answer for a month of papers again', async () => {
    const answer = await testing.search.similar(paper, 31).catch(() => []);
    return answer.length >= 30 ? true : undefined;
  }, 60_000);
}

describe('similar papers', function () {
  this.timeout(90_000);
  let paper: Paper;
  /** The model's own answer for EnvHarness, best first, without EnvHarness (should the model count it as like itself). */
  let model: readonly SimilarHit[];

  before(async () => {
    const api = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.selectWindow', MONTH);
    api.testing.search.ensureStarted();
    await api.testing.search.ready;
    paper = api.getPaper(ENV_HARNESS) as Paper;
    assert.ok(paper, 'EnvHarness is in the month shown');
    // The month's papers reach the worker as the store changes: ask until it has them all.
    const shown = api.testing.papersTree.view.description;
    assert.equal(shown, 'August 2026');
    model = await waitFor('the model to answer for a month of papers', async () => {
      const answer = (await api.testing.search.similar(paper, 31)).filter((hit) => hit.id !== ENV_HARNESS);
      return answer.length >= 30 ? answer : undefined;
    }, 60_000);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
  });

  after(async () => {
    await vscode.commands.executeCommand('paperFeed.selectWindow', 'days');
  });

  it('the model: scores from 1 down to 0, best first, each paper once, on the same subject', async () => {
    const { testing } = await paperFeed();
    const scores = model.map((hit) => hit.score);
    assert.ok(scores.every((score) => score > 0 && score <= 1), scores.join(', '));
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'best first');
    assert.equal(new Set(model.map((hit) => hit.id)).size, model.length, 'each once');
    // EnvHarness is about environments for agent learning: the ten most like it are mostly agents papers,
    // and the most like it shares words of its title, keywords or abstract that are not everyone's.
    const topic = testing.topics.of(paper).primary;
    const sameTopic = model.slice(0, 10).filter((hit) => hit.card.topic === topic);
    assert.ok(sameTopic.length >= 6, `${sameTopic.length} of 10 on ${topic}: ${model.slice(0, 10).map((hit) => `${hit.card.topic} ${hit.card.title}`).join(' | ')}`);
    const top = model[0] as SimilarHit;
    const topPaper = (await testing.search.papers([top.id]))[0];
    assert.ok(topPaper, 'the top paper is in the cache');
    const ours = words(`${paper.title} ${(paper.aiKeywords ?? []).join(' ')}`);
    const shared = [...words(`${topPaper.title} ${(topPaper.aiKeywords ?? []).join(' ')} ${topPaper.abstract}`)].filter((word) => ours.has(word));
    assert.ok(shared.length >= 2, `“${top.card.title}” shares ${shared.join(', ') || 'nothing'} with EnvHarness`);
  });

  it('Show Similar Papers lists them, most similar first and never the paper itself, with Search Papers\' buttons', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.showSimilar', ENV_HARNESS);
    const picker = await similarShown(ENV_HARNESS);
    assert.match(picker.title ?? '', /^Papers like EnvHarness: Awakening Static Worlds/);
    const listed = ids(picker.items);
    assert.ok(listed.length >= 10 && listed.length <= 30, `${listed.length} listed`);
    assert.ok(!listed.includes(ENV_HARNESS));
    assert.deepEqual(listed, model.map((hit) => hit.id).slice(0, listed.length), 'in the model\'s order');
    const first = picker.items.find((item) => item.paper) as Item;
    assert.match(first.description ?? '', /^▲ \d+/);
    assert.ok((first.detail ?? '').length > 0, 'its authors');
    const tooltips = (first.buttons ?? []).map((button) => button.tooltip);
    for (const tooltip of ['Open Paper', 'Copy Citation…', 'Insert Citation', 'Show Similar Papers']) {
      assert.ok(tooltips.includes(tooltip), `${tooltip} in ${tooltips.join(', ')}`);
    }
    // Its own Show Similar Papers button goes on to the papers like that one.
    const pressButton = testing.similarPickers.pressButton;
    assert.ok(pressButton);
    const next = first.paper?.id as string;
    await pressButton({ item: first, button: (first.buttons ?? []).find((button) => button.tooltip === 'Show Similar Papers') as vscode.QuickInputButton });
    const again = await similarShown(next);
    assert.ok(!ids(again.items).includes(next));
  });

  it('Save in the picker drops that paper\'s Save button without asking the model again: the list stays as it was', async () => {
    const { testing } = await paperFeed();
    const search = testing.search;
    const calls = countSimilarCalls(search);
    let savedId: string | undefined;
    try {
      await vscode.commands.executeCommand('paperFeed.showSimilar', ENV_HARNESS);
      const picker = await similarShown(ENV_HARNESS);
      const before = ids(picker.items);
      const hasSave = (item: Item): boolean => (item.buttons ?? []).some((button) => button.tooltip === 'Save to Reading List');
      const item = picker.items.find((candidate) => candidate.paper && hasSave(candidate)) as Item;
      assert.ok(item, 'a paper with a Save button');
      savedId = item.paper?.id;
      assert.equal(calls.count, 1);
      await testing.similarPickers.pressButton?.({ item, button: (item.buttons ?? []).find((button) => button.tooltip === 'Save to Reading List') as vscode.QuickInputButton });
      assert.ok(testing.saved.has(savedId as string), 'saved');
      assert.equal(testing.similarPickers.current, picker, 'the picker stays open');
      assert.equal(calls.count, 1, 'the model was not asked again');
      assert.deepEqual(ids(picker.items), before, 'the same list, in the same order');
      assert.ok(!hasSave(picker.items.find((candidate) => candidate.paper?.id === savedId) as Item), 'its Save button is gone');
    } finally {
      Reflect.deleteProperty(search, 'similar');
      if (savedId) {
        await vscode.commands.executeCommand('paperFeed.unsavePaper', savedId);
      }
    }
  });

  it('runs on a tree row, and Enter opens the paper picked', async () => {
    const { testing } = await paperFeed();
    const node = (await papersUnder(testing.papersTree)).find((candidate) => candidate.paper.id === ENV_HARNESS);
    assert.ok(node, 'EnvHarness has a row');
    await vscode.commands.executeCommand('paperFeed.showSimilar', node, [node]);
    const picker = await similarShown(ENV_HARNESS);
    const third = ids(picker.items)[2] as string;
    await acceptItem(picker, (item) => item.paper?.id === third);
    await panelShowing(third);
  });

  it('runs from a Search Papers item\'s button', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.search', 'EnvHarness');
    const search = await waitFor('Search Papers listing EnvHarness', () => {
      const current = testing.searchPickers.current;
      return current && testing.searchPickers.itemsFor === 'EnvHarness' ? current.items.find((item) => item.paper?.id === ENV_HARNESS) : undefined;
    });
    const button = search.buttons?.find((candidate) => candidate.tooltip === 'Show Similar Papers');
    assert.ok(button, 'a Show Similar Papers button');
    await testing.searchPickers.pressButton?.({ item: search, button });
    await similarShown(ENV_HARNESS);
  });

  it('the panel lists the ten most similar for its paper, and a click opens the paper clicked', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.openPaper', ENV_HARNESS);
    await panelShowing(ENV_HARNESS);
    const sent = await panelSimilar(ENV_HARNESS);
    assert.deepEqual(sent.papers.map((row) => row.id), model.slice(0, 10).map((hit) => hit.id));
    const first = sent.papers[0];
    assert.ok(first && first.title.length > 0 && first.upvotes >= 0 && first.date !== undefined, JSON.stringify(first));
    assert.equal(testing.panel.sentToActive('showPaper')?.labels.similarPapers, 'Similar papers');
    const clicked = sent.papers[3]?.id as string;
    await testing.panel.receiveFromActive({ type: 'openSimilar', paperId: ENV_HARNESS, id: clicked });
    await panelShowing(clicked);
    await panelSimilar(clicked);
  });

  it('a redraw with newer records (an enrichment refresh) sends the list again without asking the model again', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.openPaper', ENV_HARNESS);
    const sent = await panelSimilar(ENV_HARNESS);
    const search = testing.search;
    const calls = countSimilarCalls(search);
    try {
      const shownBefore = testing.panel.sentToActive('showPaper');
      testing.panel.refreshPapers([ENV_HARNESS]);
      const shownAfter = testing.panel.sentToActive('showPaper');
      assert.ok(shownAfter && shownAfter !== shownBefore, 'the paper was drawn again');
      assert.deepEqual(testing.panel.sentToActive('similar'), sent, 'the same list, sent again with it');
      assert.equal(calls.count, 0, 'the model was not asked');
    } finally {
      Reflect.deleteProperty(search, 'similar');
    }
  });

  it('opens only a paper it listed, for the paper it shows', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.openPaper', ENV_HARNESS);
    const sent = await panelSimilar(ENV_HARNESS);
    const listed = new Set(sent.papers.map((row) => row.id));
    const notListed = (await papersUnder(testing.papersTree)).map((node) => node.paper.id).find((id) => id !== ENV_HARNESS && !listed.has(id));
    assert.ok(notListed);
    const before = testing.panel.rejected.length;
    await testing.panel.receiveFromActive({ type: 'openSimilar', paperId: ENV_HARNESS, id: notListed });
    await testing.panel.receiveFromActive({ type: 'openSimilar', paperId: notListed, id: sent.papers[0]?.id });
    await testing.panel.receiveFromActive({ type: 'openSimilar', paperId: ENV_HARNESS, id: sent.papers[0]?.id, then: 'x' });
    assert.equal(testing.panel.rejected.length, before + 2, testing.panel.rejected.slice(before).join('\n'));
    assert.match(testing.panel.rejected.at(-2) ?? '', /which the panel did not list as like 2608\.19880/);
    assert.equal(testing.panel.paper?.id, ENV_HARNESS, 'nothing opened');
  });

  it('Show more runs Show Similar Papers on the panel\'s paper', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.openPaper', ENV_HARNESS);
    await panelSimilar(ENV_HARNESS);
    await testing.panel.receiveFromActive({ type: 'run', command: 'showSimilar', paperId: ENV_HARNESS });
    await similarShown(ENV_HARNESS);
  });

  it('the panel says the papers could not be found when the worker is replaced while asked, then asks again once it is back', async () => {
    const { testing } = await paperFeed();
    const outcomes: { outcome: string; sent?: Extract<HostToWebview, { type: 'similar' }> }[] = [];
    const listener = testing.panel.onDidAnswerSimilar((answer) => {
      if (answer.paperId === ENV_HARNESS) {
        outcomes.push({ outcome: answer.outcome, sent: testing.panel.sentToActive('similar') });
      }
    });
    try {
      const { restarted } = await restartDuringNextAsk();
      await vscode.commands.executeCommand('paperFeed.openPaper', ENV_HARNESS);
      await panelShowing(ENV_HARNESS);
      await waitFor('the failure sent to the panel', () => (outcomes.length > 0 ? true : undefined));
      const [failure] = outcomes;
      assert.equal(failure?.outcome, 'failed', JSON.stringify(outcomes));
      assert.deepEqual(failure?.sent, { type: 'similar', paperId: ENV_HARNESS, papers: [], failed: true }, 'failed, not "none"');
      assert.equal(testing.panel.sentToActive('showPaper')?.labels.similarFailed, 'Similar papers could not be found (see the log).');
      await restarted;
      // The index is back (its onDidUpdate): the panel asks again and lists the papers.
      const sent = await waitFor('the list once the index is back', () => outcomes.find((answer) => answer.outcome === 'sent')?.sent, 60_000);
      assert.equal(sent?.failed, false);
      assert.equal(sent?.papers.length, 10);
    } finally {
      listener.dispose();
      Reflect.deleteProperty(testing.search, 'similar');
      await modelBack(paper);
    }
  });

  it('Show Similar Papers says the papers could not be found when the worker is replaced while asked', async () => {
    const { testing } = await paperFeed();
    try {
      const { restarted } = await restartDuringNextAsk();
      await vscode.commands.executeCommand('paperFeed.showSimilar', ENV_HARNESS);
      const picker = await similarShown(ENV_HARNESS);
      assert.deepEqual(ids(picker.items), []);
      assert.match(picker.items[0]?.label ?? '', /^\$\(error\) Similar papers could not be found: the search (index is not available|worker stopped)/);
      await restarted;
    } finally {
      Reflect.deleteProperty(testing.search, 'similar');
      await modelBack(paper);
    }
  });

  it('shows the panel before the worker answers, and drops an answer for a paper it no longer shows', async () => {
    const { testing } = await paperFeed();
    const search = testing.search;
    const other = (await papersUnder(testing.papersTree)).map((node) => node.paper).find((candidate) => candidate.id !== ENV_HARNESS) as Paper;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let held: Promise<unknown> | undefined;
    const real = search.similar.bind(search);
    search.similar = (asked, limit) => {
      const answer = real(asked, limit);
      if (asked.id !== ENV_HARNESS) {
        return answer;
      }
      const late = gate.then(() => answer);
      held = late;
      return late;
    };
    try {
      await vscode.commands.executeCommand('paperFeed.openPaper', ENV_HARNESS);
      await panelShowing(ENV_HARNESS);
      assert.ok(held, 'the panel asked for EnvHarness\'s similar papers');
      assert.equal(testing.panel.sentToActive('similar'), undefined, 'the paper is shown while its list is still coming');
      // The same panel (paperFeed.panel.reuse) now shows another paper; EnvHarness's answer comes after.
      await vscode.commands.executeCommand('paperFeed.openPaper', other.id);
      await panelShowing(other.id);
      const forOther = await panelSimilar(other.id);
      const answered = new Promise<string>((resolve) => {
        const listener = testing.panel.onDidAnswerSimilar((answer) => {
          if (answer.paperId === ENV_HARNESS) {
            listener.dispose();
            resolve(answer.outcome);
          }
        });
      });
      release();
      await held;
      assert.equal(await answered, 'dropped', 'EnvHarness\'s answer came to the panel, which did not send it');
      assert.equal(testing.panel.sentToActive('similar')?.paperId, other.id);
      assert.deepEqual(testing.panel.sentToActive('similar'), forOther);
      assert.equal(webviewTabs('paperFeed.paper').length, 1, 'one panel, reused');
    } finally {
      release();
      Reflect.deleteProperty(search, 'similar');
    }
  });
});
