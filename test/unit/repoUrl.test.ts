import * as assert from 'node:assert/strict';
import { checkRepoUrl, gitCloneArgs, parseGitProgress } from '../../src/core/clone/repoUrl';

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
});
