/**
 * Tooltips of paper items in the real host: only Paper Feed's own links are links, and each opens
 * through the link policy (LinkOpener), like the panel's. Papers come from the fake Hugging Face.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { paperFeed, recordLinks, resolvedItem, waitFor } from '../helpers';

const fakeHf = process.env.PAPER_FEED_FAKE_HF as string;
const HOSTILE = '2401.09400';
const ON_GITHUB = '2401.09401';

function item(id: string, title: string, githubRepo: string, summary: string): unknown {
  const paper = {
    id, title, summary, upvotes: 2, githubRepo, ai_keywords: ['https://evil.example/keyword', '[k](command:workbench.action.quit)'],
    authors: [{ _id: 'a', name: '[Ada](https://evil.example/author) $(alert)', hidden: false }],
    publishedAt: '2024-01-09T00:00:00.000Z', submittedOnDailyAt: '2024-01-09T00:00:00.000Z',
  };
  return { paper, title, summary, publishedAt: paper.publishedAt, numComments: 0 };
}

/** The Markdown links of a tooltip (escaped brackets are text, not links), as [label, target]. */
function markdownLinks(markdown: string): [string, string][] {
  return [...markdown.matchAll(/(?<!\\)\[([^\]]*?)(?<!\\)\]\(([^)\s]*)\)/g)].map((match) => [match[1] as string, match[2] as string]);
}

/** Runs a `command:` link the way VS Code does when it is clicked. */
async function click(target: string): Promise<void> {
  const match = /^command:([\w.]+)\?(.*)$/.exec(target);
  assert.ok(match, `${target} is a command link`);
  await vscode.commands.executeCommand(match[1] as string, ...(JSON.parse(decodeURIComponent(match[2] as string)) as unknown[]));
}

describe('paper tooltips', () => {
  const opened: string[] = [];
  const asked: string[] = [];

  before(async () => {
    await recordLinks(opened, asked);
    const added = await fetch(`${fakeHf}/__papers`, {
      method: 'POST',
      body: JSON.stringify([
        item(HOSTILE, '[Run](command:workbench.action.quit) https://evil.example/title $(alert)', 'https://code.evil.example/team/tool',
          'See https://evil.example/abstract, www.evil.example, <https://evil.example/auto>, a@evil.example and file:///etc/passwd.'),
        item(ON_GITHUB, 'A paper with its code on GitHub', 'https://github.com/team/tool', 'An abstract.'),
      ]),
    });
    assert.equal(added.status, 200);
    await vscode.commands.executeCommand('paperFeed.savePaper', HOSTILE);
    await vscode.commands.executeCommand('paperFeed.savePaper', ON_GITHUB);
  });

  beforeEach(() => {
    opened.length = 0;
    asked.length = 0;
  });

  after(async () => {
    await vscode.commands.executeCommand('paperFeed.unsavePaper', HOSTILE);
    await vscode.commands.executeCommand('paperFeed.unsavePaper', ON_GITHUB);
  });

  async function tooltip(id: string): Promise<vscode.MarkdownString> {
    const { testing } = await paperFeed();
    const node = await waitFor(`${id} in the Saved view`, () => testing.savedTree.getChildren().find((candidate) => candidate.paper.id === id));
    const { tooltip: shown } = await resolvedItem(testing.savedTree, node);
    assert.ok(shown instanceof vscode.MarkdownString);
    return shown;
  }

  it('links only to Paper Feed\'s own links, through its command, which is the only one it may run', async () => {
    const markdown = await tooltip(HOSTILE);
    assert.deepEqual(markdown.isTrusted, { enabledCommands: ['paperFeed.openLink'] });
    assert.equal(markdown.supportHtml, false);
    assert.ok(!markdown.supportThemeIcons);
    const links = markdownLinks(markdown.value);
    assert.deepEqual(links.map(([label]) => label), ['Hugging Face', 'arXiv', 'PDF', 'Code'], markdown.value);
    for (const [label, target] of links) {
      assert.match(target, /^command:paperFeed\.openLink\?/, label);
    }
    assert.doesNotMatch(markdown.value, /https?:\/\/|www\.evil|@evil/, 'no URL-like paper text is left for the linkifier');
  });

  it('opens the links through the link policy: well-known hosts directly, another code host only after asking', async () => {
    for (const [, target] of markdownLinks((await tooltip(HOSTILE)).value)) {
      await click(target);
    }
    assert.deepEqual(opened, [`https://huggingface.co/papers/${HOSTILE}`, `https://arxiv.org/abs/${HOSTILE}`, `https://arxiv.org/pdf/${HOSTILE}`]);
    assert.deepEqual(asked, ['code.evil.example'], 'the code link to an unknown host asks first (and the test said no)');

    opened.length = 0;
    const code = markdownLinks((await tooltip(ON_GITHUB)).value).find(([label]) => label === 'Code');
    assert.ok(code);
    await click(code[1]);
    assert.deepEqual(opened, ['https://github.com/team/tool']);
  });

  it('refuses what the link policy refuses, whoever runs the command', async () => {
    for (const url of ['command:workbench.action.quit', 'javascript:alert(1)', 'file:///etc/passwd', 'http://arxiv.org/abs/1', 42]) {
      await vscode.commands.executeCommand('paperFeed.openLink', url, HOSTILE);
    }
    assert.deepEqual(opened, []);
    assert.deepEqual(asked, []);
  });
});
