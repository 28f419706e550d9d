/**
 * Cloning in the real host: real git against bare repositories served by `git http-backend` on
 * 127.0.0.1, papers served by the fake Hugging Face. Only the dialogs are answered by the test.
 */
import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { GitServer } from '../../support/gitServer';
import { closeAllEditors, paperFeed, waitFor, webviewTabs } from '../helpers';

const fakeHf = process.env.PAPER_FEED_FAKE_HF as string;

/**
 * Paths on the loopback git server that a URL parser turns into `/lured-model.git`: dot segments,
 * encoded dots, backslashes, empty segments, and an encoded slash. (At most ten: their ids are
 * 2401.09020–29.)
 */
const NORMALISED_AWAY = [
  '/x/../lured-model.git', '/./lured-model.git', '/x/%2e%2E/lured-model.git', '/x/.%2e/lured-model.git',
  '\\lured-model.git', '/x\\..\\lured-model.git', '//lured-model.git', '/x/..//lured-model.git', '/x%2f..%2flured-model.git',
];

/** A feed item of the daily_papers shape, with the repository the test wants. */
function item(id: string, title: string, githubRepo: string | undefined, projectPage?: string): unknown {
  const paper = {
    id, title, summary: `${title}: a paper made up by the clone tests.`, upvotes: 3,
    authors: [{ _id: 'a', name: 'Ada Lovelace', hidden: false }],
    publishedAt: '2024-01-02T00:00:00.000Z', submittedOnDailyAt: '2024-01-02T00:00:00.000Z',
    ...(githubRepo !== undefined ? { githubRepo } : {}), ...(projectPage ? { projectPage } : {}),
  };
  return { paper, title, summary: paper.summary, publishedAt: paper.publishedAt, numComments: 0 };
}

async function addPapers(items: unknown[]): Promise<void> {
  const response = await fetch(`${fakeHf}/__papers`, { method: 'POST', body: JSON.stringify(items) });
  assert.equal(response.status, 200);
}

/** Processes whose command line names `text` (Linux /proc): git must not outlive a cancel. */
function processesMentioning(text: string): string[] {
  if (!existsSync('/proc')) {
    return [];
  }
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).flatMap((pid) => {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      return command.includes(text) ? [`${pid}: ${command}`] : [];
    } catch {
      return [];
    }
  });
}

describe('clone a paper\'s repository', function () {
  this.timeout(60_000);
  let git: GitServer;
  let parent: string;
  let recorder: string;
  let recorded: string;
  let recordedEnv: string;
  const shown: { folder: string; message: string }[] = [];
  let existingAnswer: 'open' | 'rename' | undefined;
  let askedExisting: string[] = [];
  let tinyUrl: string;

  before(async () => {
    const { testing } = await paperFeed();
    git = await GitServer.start();
    tinyUrl = git.createRepo('tiny-model', { 'train.py': 'print("training")\n' });
    git.createRepo('big-model', {}, { bulkFiles: 200, slowMs: 150 });
    git.createRepo('lured-model'); // what the URLs that a parser would normalise lead to
    parent = mkdtempSync(join(tmpdir(), 'paper-feed-clones-'));
    // A stand-in for git that records every call and then runs the real git.
    const tools = mkdtempSync(join(tmpdir(), 'paper-feed-git-recorder-'));
    recorder = join(tools, 'git');
    recorded = join(tools, 'calls.log');
    recordedEnv = join(tools, 'env.log');
    writeFileSync(recorder, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${recorded}'\nprintf 'LC_ALL=%s LANG=%s LANGUAGE=%s\\n' "$LC_ALL" "$LANG" "$LANGUAGE" >> '${recordedEnv}'\nexec git "$@"\n`);
    chmodSync(recorder, 0o755);
    await addPapers([
      item('2401.09001', 'Tiny Model: a repository served on loopback', tinyUrl),
      item('2401.09002', 'Big Model: a slow repository to cancel', `${git.url}/big-model.git`),
      item('2401.09003', 'Missing Model: a repository that is not there', `${git.url}/missing-model.git`),
      item('2401.09010', 'Hostile: an unknown host', 'https://evil.example/team/tool'),
      item('2401.09011', 'Hostile: plain http to GitHub', 'http://github.com/team/tool'),
      item('2401.09012', 'Hostile: an option as the repository', 'https://github.com/--upload-pack=touch%20pwned/x'),
      item('2401.09013', 'Hostile: credentials in the URL', 'https://user:token@github.com/team/tool'),
      item('2401.09014', 'Hostile: a git transport', 'ext::sh -c touch% /tmp/pwned'),
      item('2401.09015', 'Hostile: a site page as the project page', undefined, 'https://huggingface.co/papers/2401.09015'),
      // Each of these is lured-model once a URL parser has normalised it; none is a real repository link.
      ...NORMALISED_AWAY.map((path, index) => item(`2401.0902${index}`, `Hostile: ${path}`, `${git.url}${path}`)),
      item('2401.09030', 'Hostile: dot segments in the project page', undefined, `${git.url}/x/../lured-model.git`),
    ]);
    await vscode.workspace.getConfiguration('paperFeed.clone').update('directory', parent, vscode.ConfigurationTarget.Global);
    testing.clonePrompts.afterClone = (folder, message) => {
      shown.push({ folder, message });
    };
    testing.clonePrompts.existing = async (folder) => {
      askedExisting.push(folder);
      return existingAnswer;
    };
  });

  beforeEach(() => {
    shown.length = 0;
    askedExisting = [];
    existingAnswer = undefined;
    rmSync(recorded, { force: true });
    rmSync(recordedEnv, { force: true });
  });

  after(async () => {
    await vscode.workspace.getConfiguration('paperFeed.clone').update('directory', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('git').update('path', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
    await git.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it('clones into the configured folder, remembers it, and offers to open it', async () => {
    const { testing } = await paperFeed();
    const folder = await vscode.commands.executeCommand<string | undefined>('paperFeed.cloneRepository', '2401.09001');
    assert.equal(folder, join(parent, 'tiny-model'));
    assert.equal(readFileSync(join(parent, 'tiny-model', 'train.py'), 'utf8'), 'print("training")\n');
    assert.ok(existsSync(join(parent, 'tiny-model', '.git')));
    assert.deepEqual(shown.map((entry) => entry.folder), [folder]);
    assert.match(shown[0]?.message ?? '', /^Cloned 127\.0\.0\.1:\d+\/tiny-model into /);
    assert.equal(testing.cloner.clonedFolder('2401.09001'), folder);
    assert.equal(await vscode.commands.executeCommand('paperFeed.openClonedRepository', '2401.09001'), folder);
    assert.equal(shown.length, 2);
  });

  it('never touches an existing folder: asks, and clones under another name only when told', async () => {
    const existing = join(parent, 'tiny-model');
    writeFileSync(join(existing, 'my-notes.txt'), 'do not lose me');
    const before = readdirSync(existing).sort();
    assert.equal(await vscode.commands.executeCommand('paperFeed.cloneRepository', '2401.09001'), undefined);
    assert.deepEqual(askedExisting, [existing]);
    assert.deepEqual(readdirSync(existing).sort(), before);
    assert.equal(readFileSync(join(existing, 'my-notes.txt'), 'utf8'), 'do not lose me');

    existingAnswer = 'open';
    assert.equal(await vscode.commands.executeCommand('paperFeed.cloneRepository', '2401.09001'), undefined);
    assert.deepEqual(shown.map((entry) => entry.folder), [existing], 'Open It offers the existing folder');

    existingAnswer = 'rename';
    const renamed = await vscode.commands.executeCommand<string>('paperFeed.cloneRepository', '2401.09001');
    assert.equal(renamed, join(parent, 'tiny-model-2'));
    assert.ok(existsSync(join(renamed, 'train.py')));
    assert.equal(readFileSync(join(existing, 'my-notes.txt'), 'utf8'), 'do not lose me');
  });

  it('cancelling mid-clone stops git and leaves no folder behind', async () => {
    const { testing } = await paperFeed();
    const folder = join(parent, 'big-model');
    const running = vscode.commands.executeCommand<string | undefined>('paperFeed.cloneRepository', '2401.09002');
    await waitFor('git to start writing the clone', () => (testing.cloner.isCloning(folder) && existsSync(join(folder, '.git')) ? true : undefined), 20_000);
    assert.ok(processesMentioning(folder).length > 0, 'git is running');
    testing.cloner.cancelAll();
    assert.equal(await running, undefined);
    assert.equal(existsSync(folder), false, 'the partial clone is removed');
    await waitFor('git to be gone', () => (processesMentioning(folder).length === 0 ? true : undefined), 5_000);
    assert.equal(testing.cloner.clonedFolder('2401.09002'), undefined);
  });

  it('names a missing repository, and leaves nothing behind', async () => {
    const { testing } = await paperFeed();
    const folder = join(parent, 'missing-model');
    const outcome = await testing.cloner.clone(
      { url: `${git.url}/missing-model.git`, display: 'missing-model', name: 'missing-model' }, folder, { shallow: true, submodules: false },
    );
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.status === 'failed' ? outcome.failure.kind : undefined, 'notFound');
    assert.equal(await vscode.commands.executeCommand('paperFeed.cloneRepository', '2401.09003'), undefined);
    assert.equal(existsSync(folder), false);
  });

  it('a hostile repository URL in a paper never reaches git', async () => {
    const api = await paperFeed();
    await vscode.workspace.getConfiguration('git').update('path', recorder, vscode.ConfigurationTarget.Global);
    const normalisedAway = NORMALISED_AWAY.map((_path, index) => `2401.0902${index}`);
    for (const id of ['2401.09010', '2401.09011', '2401.09012', '2401.09013', '2401.09014', '2401.09015', ...normalisedAway, '2401.09030']) {
      assert.equal(await vscode.commands.executeCommand('paperFeed.cloneRepository', id), undefined, id);
      assert.ok(api.getPaper(id), `${id} was read from the feed: the clone was refused, not the paper missing`);
    }
    assert.equal(existsSync(recorded), false, existsSync(recorded) ? readFileSync(recorded, 'utf8') : '');
    assert.deepEqual(readdirSync(parent).sort(), ['tiny-model', 'tiny-model-2']);

    // The stand-in does see a repository the policy accepts, with the safe arguments.
    existingAnswer = 'rename';
    assert.equal(await vscode.commands.executeCommand('paperFeed.cloneRepository', '2401.09001'), join(parent, 'tiny-model-3'));
    const calls = readFileSync(recorded, 'utf8').trim().split('\n');
    assert.equal(calls.length, 1);
    assert.match(calls[0] ?? '', /^-c protocol\.allow=never -c protocol\.https\.allow=always -c protocol\.http\.allow=always clone --progress --depth 1 --no-recurse-submodules -- http:\/\/127\.0\.0\.1:\d+\/tiny-model\.git /);
    await vscode.workspace.getConfiguration('git').update('path', undefined, vscode.ConfigurationTarget.Global);
  });

  it('runs git in English whatever the locale the editor runs in, so that its errors are named', async () => {
    const { testing } = await paperFeed();
    await vscode.workspace.getConfiguration('git').update('path', recorder, vscode.ConfigurationTarget.Global);
    const names = ['LANGUAGE', 'LANG', 'LC_ALL', 'LC_MESSAGES'] as const;
    const saved = names.map((name) => [name, process.env[name]] as const);
    // A German user, as far as git can tell (where its translations are installed): gettext reads
    // LANGUAGE first under any locale but C.
    delete process.env.LC_ALL;
    delete process.env.LC_MESSAGES;
    Object.assign(process.env, { LANGUAGE: 'de', LANG: 'C.UTF-8' });
    let outcome: Awaited<ReturnType<typeof testing.cloner.clone>>;
    try {
      outcome = await testing.cloner.clone(
        { url: `${git.url}/missing-model.git`, display: 'missing-model', name: 'missing-model' }, join(parent, 'missing-model'), { shallow: true, submodules: false },
      );
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) {
          delete process.env[name];
        } else {
          process.env[name] = value;
        }
      }
      await vscode.workspace.getConfiguration('git').update('path', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(outcome.status === 'failed' ? outcome.failure.kind : outcome.status, 'notFound', JSON.stringify(outcome));
    assert.deepEqual(readFileSync(recordedEnv, 'utf8').trim().split('\n'), ['LC_ALL=C LANG=C LANGUAGE=']);
  });

  it('in an untrusted workspace explains why, and runs no git', async () => {
    const { testing } = await paperFeed();
    await vscode.workspace.getConfiguration('git').update('path', recorder, vscode.ConfigurationTarget.Global);
    const isTrusted = testing.clonePrompts.isTrusted;
    const untrusted = testing.clonePrompts.untrusted;
    let explained = 0;
    testing.clonePrompts.isTrusted = () => false;
    testing.clonePrompts.untrusted = () => {
      explained++;
    };
    try {
      assert.equal(await vscode.commands.executeCommand('paperFeed.cloneRepository', '2401.09001'), undefined);
    } finally {
      testing.clonePrompts.isTrusted = isTrusted;
      testing.clonePrompts.untrusted = untrusted;
      await vscode.workspace.getConfiguration('git').update('path', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(explained, 1);
    assert.equal(existsSync(recorded), false);
  });

  it('two clones racing for the same folder: one clones, the other leaves it alone', async () => {
    existingAnswer = 'rename'; // both are offered tiny-model-4
    const results = await Promise.all([
      vscode.commands.executeCommand<string | undefined>('paperFeed.cloneRepository', '2401.09001'),
      vscode.commands.executeCommand<string | undefined>('paperFeed.cloneRepository', '2401.09001'),
    ]);
    const folder = join(parent, 'tiny-model-4');
    assert.deepEqual(results.filter(Boolean), [folder], 'exactly one clone');
    assert.equal(readFileSync(join(folder, 'train.py'), 'utf8'), 'print("training")\n', 'the winner\'s clone is intact');
  });

  it('the panel\'s Clone button clones the paper it shows', async () => {
    const { testing } = await paperFeed();
    await vscode.commands.executeCommand('paperFeed.openPaper', '2401.09001');
    await waitFor('the panel', () => webviewTabs('paperFeed.paper')[0]);
    existingAnswer = 'rename';
    await testing.panel.receiveFromActive({ type: 'run', command: 'cloneRepository', paperId: '2401.09001' });
    await waitFor('the clone from the panel', () => shown[0]);
    assert.equal(shown[0]?.folder, join(parent, 'tiny-model-5'));
    assert.ok(existsSync(join(parent, 'tiny-model-5', 'README.md')));
  });
});
