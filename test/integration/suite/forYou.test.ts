/**
 * "For you" in the real host: three saved papers of one topic (picked from the fake feed's window by
 * the classifier, in the test) rank that topic's papers first, each with its reason; two saved papers
 * are not enough and the view says so; turning For you off gives the upvote order back.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Paper } from '../../../src/core/paper/model';
import type { PaperNode, TreeNode } from '../../../src/host/tree/nodes';
import { paperFeed, papersUnder, resolvedItem, waitFor } from '../helpers';

/** For you's reason at the end of a row's description: `… · like SAM 2`. */
const REASON = /(?:^| · )like ([^·]+)$/;

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('paperFeed').update(key, value, vscode.ConfigurationTarget.Global);
}

async function rows(): Promise<PaperNode[]> {
  const { testing } = await paperFeed();
  return papersUnder(testing.papersTree);
}

async function roots(): Promise<TreeNode[]> {
  const { testing } = await paperFeed();
  return [...(testing.papersTree.getChildren() ?? [])];
}

async function description(node: PaperNode): Promise<string> {
  const { testing } = await paperFeed();
  return String(testing.papersTree.getTreeItem(node).description ?? '');
}

/** Upvotes first, as the view's upvote order (ties do not matter to the counts below). */
function byUpvotes(papers: readonly Paper[]): Paper[] {
  return [...papers].sort((a, b) => (b.upvotes ?? -1) - (a.upvotes ?? -1));
}

/** A paper's words: title and keywords, lower case, four letters or more. */
function words(paper: Paper): Set<string> {
  return new Set(`${paper.title} ${(paper.aiKeywords ?? []).join(' ')}`.toLowerCase().match(/[a-z][a-z0-9-]{3,}/g) ?? []);
}

/** How many words `paper` shares with the other papers of `group`, on average. */
function kinship(paper: Paper, group: readonly Paper[]): number {
  const own = words(paper);
  const others = group.filter((other) => other.id !== paper.id);
  return others.reduce((sum, other) => sum + [...words(other)].filter((word) => own.has(word)).length, 0) / Math.max(1, others.length);
}

function meanKinship(entries: readonly { kinship: number }[]): number {
  return entries.reduce((sum, entry) => sum + entry.kinship, 0) / Math.max(1, entries.length);
}

describe('For you: the Papers view ranked by the reading list', () => {
  let topicOf: (paper: Paper) => string = () => 'other';
  /** Of the topic: its primary topic, or one of its other topics (the classifier's tags), for For you and upvotes alike. */
  let ofTopic: (paper: Paper) => boolean = () => false;
  let topic = '';
  let saved: Paper[] = [];
  let window: Paper[] = [];
  let earlier: Paper[] = [];
  /** The paper the last test saves from a "Like …" group. */
  let savedNow: string | undefined;

  before(async function () {
    this.timeout(60_000);
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.selectWindow', 'days');
    window = (await waitFor('papers in the Papers view', async () => {
      const found = await rows();
      return found.length >= 30 ? found : undefined;
    })).map((node) => node.paper);
    // Whatever another suite left on the reading list would blur the taste: kept aside, put back after.
    earlier = testing.saved.list().map((entry) => entry.paper);
    await testing.saved.unsave(earlier.map((paper) => paper.id));
    topicOf = (paper) => testing.topics.of(paper).primary;
    // A reader of one topic: among the topics with at least eight papers in the window and none in the
    // upvote order's top five (For you has to move them up; upvotes alone do not), the one whose papers
    // share the most words (the most recognisable), and its three most typical papers, the ones that
    // share the most words with the topic's others. All from the fake feed, worked out here.
    const byTopic = new Map<string, Paper[]>();
    window.forEach((paper) => byTopic.set(topicOf(paper), [...(byTopic.get(topicOf(paper)) ?? []), paper]));
    const upvoteTop = new Set(byUpvotes(window).slice(0, 5).map((paper) => paper.id));
    const candidates = [...byTopic].filter(([id, papers]) => id !== 'other' && papers.length >= 8 && papers.every((paper) => !upvoteTop.has(paper.id)))
      .map(([id, papers]) => ({ id, papers, typical: papers.map((paper) => ({ paper, kinship: kinship(paper, papers) })).sort((a, b) => b.kinship - a.kinship) }))
      .sort((a, b) => meanKinship(b.typical) - meanKinship(a.typical));
    const chosen = candidates[0];
    assert.ok(chosen, `a topic with eight papers in the window, none in the upvote top 5: ${JSON.stringify([...byTopic].map(([id, papers]) => [id, papers.length]))}`);
    topic = chosen.id;
    ofTopic = (paper) => testing.topics.of(paper).primary === topic || testing.topics.of(paper).tags.includes(topic);
    saved = chosen.typical.slice(0, 3).map((entry) => entry.paper);
  });

  after(async () => {
    await setting('grouping', undefined);
    await setting('sortBy', undefined);
    const { testing } = await paperFeed();
    await testing.saved.unsave([...saved.map((paper) => paper.id), ...(savedNow === undefined ? [] : [savedNow])]);
    if (earlier.length > 0) {
      await testing.saved.save(earlier);
    }
  });

  it('puts the saved topic\'s papers first, each with the saved paper it is like, in "Like …" groups', async function () {
    this.timeout(60_000);
    const { testing } = await paperFeed();
    for (const paper of saved) {
      await vscode.commands.executeCommand('paperFeed.savePaper', paper.id);
    }
    await vscode.commands.executeCommand('paperFeed.setGrouping', 'forYou');
    assert.equal(vscode.workspace.getConfiguration('paperFeed').inspect('grouping')?.globalValue, 'forYou');
    const ranked = await waitFor('the For you groups', async () => {
      const top = await roots();
      return top[0]?.id.startsWith('like:') ? await rows() : undefined;
    }, 45_000);
    const savedIds = new Set(saved.map((paper) => paper.id));
    const candidates = window.filter((paper) => !savedIds.has(paper.id));
    const forYouTop = ranked.filter((node) => !savedIds.has(node.paper.id)).slice(0, 5);
    const upvotesTop = byUpvotes(candidates).slice(0, 5);
    const share = (papers: readonly Paper[]): number => papers.filter(ofTopic).length;
    const forYouShare = share(forYouTop.map((node) => node.paper));
    assert.ok(forYouShare >= 3, `most of For you's top 5 are ${topic} papers: ${forYouTop.map((node) => `${node.paper.title} (${[topicOf(node.paper), ...testing.topics.of(node.paper).tags].join(', ')})`).join('; ')}`);
    assert.ok(forYouShare > share(upvotesTop), `more than the upvote order's top 5 (${share(upvotesTop)})`);
    assert.equal(ranked.length, window.length, 'every paper of the window, once');

    const savedTitles = saved.map((paper) => paper.title);
    for (const node of forYouTop.filter((entry) => entry.parent?.id !== 'like:rest')) {
      const text = await description(node);
      const reason = REASON.exec(text)?.[1];
      assert.ok(reason, `${node.paper.title} says which saved paper it is like: "${text}"`);
      assert.ok(savedTitles.some((title) => title.startsWith(reason.replace(/…$/, ''))), `"${reason}" is a saved paper's short title`);
      assert.match(node.parent?.label ?? '', /^Like /);
      assert.match(node.parent?.label ?? '', new RegExp(`^Like ${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), 'in the group of the saved paper it is like');
      const tooltip = (await resolvedItem(testing.papersTree, node)).tooltip;
      assert.ok(tooltip instanceof vscode.MarkdownString);
      assert.match(tooltip.value, /\*For you&#58; like /);
    }
    const groupItem = testing.papersTree.getTreeItem((await roots())[0] as TreeNode);
    assert.equal(groupItem.contextValue, 'likeGroup');
    assert.equal(testing.papersTree.view.message, undefined, 'nothing to say while For you ranks');
  });

  it('sorts inside each day most alike first with sortBy forYou', async function () {
    this.timeout(60_000);
    await setting('grouping', 'date');
    await setting('sortBy', 'forYou');
    const days = await waitFor('days sorted For you', async () => {
      const top = await roots();
      const all = await rows();
      const reasons = await Promise.all(all.map(description));
      return top[0]?.id.startsWith('date:') && reasons.some((text) => REASON.test(text)) ? top : undefined;
    }, 45_000);
    const { testing } = await paperFeed();
    const savedIds = new Set(saved.map((paper) => paper.id));
    let forYouCount = 0;
    let upvotesCount = 0;
    for (const day of days) {
      const papers = (await papersUnder(testing.papersTree, day)).map((node) => node.paper).filter((paper) => !savedIds.has(paper.id));
      forYouCount += papers.slice(0, 3).filter(ofTopic).length;
      upvotesCount += byUpvotes(papers).slice(0, 3).filter(ofTopic).length;
    }
    assert.ok(forYouCount > upvotesCount, `each day's top 3 hold more ${topic} papers For you (${forYouCount}) than by upvotes (${upvotesCount})`);
  });

  it('asks for three saved papers when there are two, and keeps the upvote order', async function () {
    this.timeout(60_000);
    const { testing } = await paperFeed();
    await setting('sortBy', undefined);
    await setting('grouping', 'forYou');
    await testing.saved.unsave([saved[0]?.id ?? '']);
    const message = await waitFor('the message asking for saved papers', () => {
      const text = testing.papersTree.view.message;
      return text?.includes('For you needs three saved papers') ? text : undefined;
    });
    assert.match(message, /\(you have 2\)/);
    assert.match(message, /save papers you like/);
    assert.match(message, /the most upvoted come first/);
    await setting('sortBy', 'date');
    const byDate = await waitFor('the message naming the date order', () => {
      const text = testing.papersTree.view.message;
      return text?.includes('For you needs three saved papers') && !text.includes('upvoted') ? text : undefined;
    });
    assert.match(byDate, /Until then, the newest come first\.$/, 'the order the view keeps, not the upvotes');
    await setting('sortBy', undefined);
    const top = await roots();
    assert.ok(top.every((node) => node.id.startsWith('date:')), 'grouped by date, as before For you');
    for (const day of top) {
      const upvotes = (await papersUnder(testing.papersTree, day)).map((node) => node.paper.upvotes ?? -1);
      assert.deepEqual(upvotes, [...upvotes].sort((a, b) => b - a), `${day.id} by upvotes`);
    }
    const descriptions = await Promise.all((await rows()).map(description));
    assert.ok(descriptions.every((text) => !REASON.test(text)), 'no reasons without a ranking');
    await vscode.commands.executeCommand('paperFeed.savePaper', saved[0]?.id);
    await waitFor('For you ranking again with three saved papers', async () => ((await roots())[0]?.id.startsWith('like:') ? true : undefined), 45_000);
  });

  it('gives the upvote order back when turned off', async () => {
    const { testing } = await paperFeed();
    await setting('grouping', undefined);
    await setting('sortBy', undefined);
    const top = await waitFor('the date groups', async () => {
      const found = await roots();
      return found.length > 0 && found.every((node) => node.id.startsWith('date:')) ? found : undefined;
    });
    assert.ok((await rows()).length > 0, 'papers to check the order of');
    for (const day of top) {
      const upvotes = (await papersUnder(testing.papersTree, day)).map((node) => node.paper.upvotes ?? -1);
      assert.deepEqual(upvotes, [...upvotes].sort((a, b) => b - a), `${day.id} by upvotes`);
    }
    const descriptions = await Promise.all((await rows()).map(description));
    assert.ok(descriptions.every((text) => !REASON.test(text)), 'no reasons once For you is off');
    assert.equal(testing.papersTree.view.message, undefined);
  });

  it('keeps a paper saved from a "Like …" group in its row, and selected', async function () {
    this.timeout(60_000);
    const { testing } = await paperFeed();
    await setting('grouping', 'forYou');
    await vscode.commands.executeCommand('paperFeed.papers.focus');
    await waitFor('the Papers view to be visible', () => (testing.papersTree.view.visible ? true : undefined));
    const savedIds = new Set(saved.map((paper) => paper.id));
    const picked = await waitFor('a paper in a "Like …" group', async () => (await rows())
      .find((node) => node.parent?.id.startsWith('like:') && node.parent.id !== 'like:rest' && !savedIds.has(node.paper.id)), 45_000);
    const id = picked.paper.id;
    savedNow = id;
    assert.ok(await testing.papersTree.reveal(id));
    await waitFor('the paper to be selected', () => testing.papersTree.view.selection.find((node) => node.kind === 'paper' && node.paper.id === id));
    const answered = new Promise<void>((resolve) => {
      const listener = testing.forYou.onDidChange(() => {
        if (testing.forYou.status.kind === 'ready') {
          listener.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('paperFeed.savePaper', id);
    await waitFor('For you to rank again with the paper saved', () => Promise.race([answered.then(() => true), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 200))]), 45_000);
    // The workbench takes the redraw and drops a selected row whose id is gone.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = (await rows()).find((node) => node.paper.id === id);
    assert.equal(after?.id, picked.id, 'the same row');
    assert.equal(after.parent?.id, picked.parent?.id, 'in the group it was in');
    assert.match(await description(after), REASON, 'still saying which saved paper it is like');
    assert.ok(testing.papersTree.view.selection.some((node) => node.kind === 'paper' && node.paper.id === id), 'still selected');
  });
});
