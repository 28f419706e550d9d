import * as assert from 'node:assert/strict';
import { cloneCandidates } from '../../src/core/clone/candidates';
import { checkRepoUrl, gitCloneArgs, overallProgress, parseGitProgress } from '../../src/core/clone/repoUrl';

describe('repository URL policy', () => {
  const accepted: [string, string, string, string?][] = [
    ['https://github.com/facebookresearch/dinov3', 'https://github.com/facebookresearch/dinov3.git', 'dinov3'],
    ['https://github.com/facebookresearch/dinov3.git', 'https://github.com/facebookresearch/dinov3.git', 'dinov3'],
    ['https://github.com/facebookresearch/dinov3/', 'https://github.com/facebookresearch/dinov3.git', 'dinov3'],
    ['facebookresearch/dinov3', 'https://github.com/facebookresearch/dinov3.git', 'dinov3'],
    ['https://github.com/google-deepmind/limit/tree/main', 'https://github.com/google-deepmind/limit.git', 'limit', 'main'],
    ['https://github.com/a/b/blob/main/README.md', 'https://github.com/a/b.git', 'b'],
    ['https://gitlab.com/group/sub/project/-/tree/dev', 'https://gitlab.com/group/sub/project.git', 'project', 'dev'],
    ['https://huggingface.co/spaces/google/envharness-demo', 'https://huggingface.co/spaces/google/envharness-demo', 'envharness-demo'],
    ['https://huggingface.co/google/envharness-7b', 'https://huggingface.co/google/envharness-7b', 'envharness-7b'],
    ['https://codeberg.org/forgejo/forgejo', 'https://codeberg.org/forgejo/forgejo.git', 'forgejo'],
    ['http://127.0.0.1:8765/repos/demo.git', 'http://127.0.0.1:8765/repos/demo.git', 'demo'],
  ];
  for (const [input, url, name, branch] of accepted) {
    it(`accepts ${input}`, () => {
      const result = checkRepoUrl(input);
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.target.url, url);
      assert.equal(result.target.name, name);
      assert.equal(result.target.branch, branch);
    });
  }

  const hostile = [
    'ext::sh -c touch% /tmp/pwned', 'file:///etc', 'ssh://git@github.com/a/b.git', 'git@github.com:a/b.git', 'git://github.com/a/b.git',
    '--upload-pack=touch /tmp/pwned', '-c core.sshCommand=x', 'https://user:token@github.com/a/b', 'https://github.com/a/b\nrm -rf /',
    'https://github.com/a/b c', 'https://github.com/a/b\u0000', 'http://github.com/a/b', 'https://evil.example/a/b', 'https://github.com.evil.example/a/b',
    'https://github.com/../../etc', 'https://github.com/a', 'https://github.com/a/%2e%2e', 'https://github.com/a/b?x=1', 'https://github.com/a/b#frag',
    'javascript:alert(1)', '', '   ', 'https://huggingface.co/papers', 'https://github.com/a/.git', 42,
    'https://huggingface.co/papers/2508.10104', 'https://huggingface.co/blog/some-post', 'https://github.com/orgs/facebookresearch',
    'https://github.com/sponsors/someone', 'https://huggingface.co/docs/transformers', 'https://github.com/a/%E0', 'https://github.com/%zz/b',
  ];
  for (const input of hostile) {
    it(`rejects ${JSON.stringify(input)}`, () => assert.equal(checkRepoUrl(input).ok, false));
  }

  it('accepts hosts the user adds, and says why others are refused', () => {
    assert.ok(checkRepoUrl('https://git.example.org/team/tool', ['git.example.org']).ok);
    const refused = checkRepoUrl('https://git.example.org/team/tool');
    assert.ok(!refused.ok && /add it to paperFeed\.clone\.allowedHosts/.test(refused.reason));
  });
});

describe('clone candidates of a paper', () => {
  it('offers the code repository, and a project page that is a repository, once each', () => {
    const both = cloneCandidates({ githubRepo: 'https://github.com/a/b', projectPage: 'https://huggingface.co/spaces/a/demo' });
    assert.deepEqual(both.targets.map((target) => target.url), ['https://github.com/a/b.git', 'https://huggingface.co/spaces/a/demo']);
    const same = cloneCandidates({ githubRepo: 'https://github.com/a/b', projectPage: 'https://github.com/A/B/tree/main' });
    assert.equal(same.targets.length, 2, 'a branch named by the project page is a different target');
    const duplicate = cloneCandidates({ githubRepo: 'https://github.com/a/b', projectPage: 'https://github.com/a/b.git' });
    assert.equal(duplicate.targets.length, 1);
  });

  it('ignores a project page that is an ordinary site, and says why a repository is refused', () => {
    assert.deepEqual(cloneCandidates({ projectPage: 'https://a.github.io/b/' }), { targets: [] });
    const refused = cloneCandidates({ githubRepo: 'https://evil.example/a/b', projectPage: 'https://a.github.io/' });
    assert.equal(refused.targets.length, 0);
    assert.match(refused.refused?.reason ?? '', /not a known code host/);
    assert.equal(cloneCandidates({}).targets.length, 0);
  });
});

describe('git clone arguments', () => {
  const target = { url: 'https://github.com/a/b.git', display: 'github.com/a/b', name: 'b' };

  it('allow https only, put -- before the URL and folder, and skip submodules by default', () => {
    assert.deepEqual(gitCloneArgs(target, '/work/b', { shallow: true, submodules: false }), [
      '-c', 'protocol.allow=never', '-c', 'protocol.https.allow=always',
      'clone', '--progress', '--depth', '1', '--no-recurse-submodules', '--', 'https://github.com/a/b.git', '/work/b',
    ]);
  });

  it('allow http for loopback repositories, submodules and branches when asked', () => {
    const args = gitCloneArgs({ url: 'http://127.0.0.1:1/r.git', display: 'r', name: 'r', branch: 'dev' }, '/w/r', { shallow: false, submodules: true });
    assert.deepEqual(args.slice(4, 6), ['-c', 'protocol.http.allow=always']);
    assert.ok(args.includes('--recurse-submodules') && !args.includes('--depth'));
    assert.deepEqual(args.slice(-5), ['--branch', 'dev', '--', 'http://127.0.0.1:1/r.git', '/w/r']);
  });

  it('reads git progress', () => {
    assert.deepEqual(parseGitProgress('Receiving objects:  45% (450/1000), 1.2 MiB | 3 MiB/s'), { phase: 'Receiving objects', percent: 45 });
    assert.deepEqual(parseGitProgress('remote: Counting objects: 100% (10/10), done.'), { phase: 'Counting objects', percent: 100 });
    assert.equal(parseGitProgress('Cloning into \'b\'...'), undefined);
  });

  it('moves one bar forward through git\'s phases', () => {
    const steps = [['Counting objects', 100], ['Receiving objects', 0], ['Receiving objects', 50], ['Resolving deltas', 100], ['Updating files', 100]] as const;
    const overall = steps.map(([phase, percent]) => overallProgress(phase, percent) ?? -1);
    assert.deepEqual([...overall].sort((a, b) => a - b), overall);
    assert.equal(overall[overall.length - 1], 100);
    assert.equal(overallProgress('Something new', 10), undefined);
  });
});
