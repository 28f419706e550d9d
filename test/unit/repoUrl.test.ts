import * as assert from 'node:assert/strict';
import { cloneCandidates } from '../../src/core/clone/candidates';
import { checkRepoUrl, gitCloneArgs, overallProgress, parseGitProgress } from '../../src/core/clone/repoUrl';
import { LOOPBACK_HOSTS } from '../../src/core/net/hosts';
import { normaliseDailyItem } from '../../src/core/paper/normalise';

describe('repository URL policy', () => {
  /** What the host adds when Paper Feed's endpoint is on this machine (tests, local mirrors). */
  const LOCAL = [...LOOPBACK_HOSTS];
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
    // Forms that must keep working now that the policy reads the text as received.
    ['HTTPS://GitHub.com/Owner/Repo', 'https://github.com/Owner/Repo.git', 'Repo'],
    ['https://github.com/a/b.git/', 'https://github.com/a/b.git', 'b'],
    ['https://github.com/Alibaba-NLP/DeepResearch//', 'https://github.com/Alibaba-NLP/DeepResearch.git', 'DeepResearch'], // as in the feed
    ['https://github.com/a/b/tree/feature-x/src', 'https://github.com/a/b.git', 'b', 'feature-x'],
    ['https://gitlab.com/group/sub/project/', 'https://gitlab.com/group/sub/project.git', 'project'],
    ['https://huggingface.co/datasets/org/data.v2', 'https://huggingface.co/datasets/org/data.v2', 'data.v2'],
    ['https://huggingface.co/spaces/org/demo/tree/main', 'https://huggingface.co/spaces/org/demo', 'demo', 'main'],
    ['owner.name/repo_name-2', 'https://github.com/owner.name/repo_name-2.git', 'repo_name-2'],
    ['http://localhost:8765/demo', 'http://localhost:8765/demo.git', 'demo'],
    ['http://[::1]:8765/demo.git', 'http://[::1]:8765/demo.git', 'demo'],
  ];
  it('clones from this machine only when it is listed (a feed from the internet must not reach local services)', () => {
    for (const input of ['http://127.0.0.1:8765/repos/demo.git', 'https://127.0.0.1/a/b', 'http://localhost:631/printers', 'https://localhost/a/b', 'http://[::1]:8765/demo.git']) {
      const refused = checkRepoUrl(input);
      assert.ok(!refused.ok && /this machine/.test(refused.reason), `${input}: ${JSON.stringify(refused)}`);
      assert.ok(checkRepoUrl(input, LOCAL).ok, input);
    }
    assert.ok(checkRepoUrl('http://127.0.0.1:8765/repos/demo.git', ['127.0.0.1:8765']).ok, 'one port of this machine, listed');
    assert.ok(!checkRepoUrl('http://127.0.0.1:8766/repos/demo.git', ['127.0.0.1:8765']).ok, 'another port is not listed');
  });

  for (const [input, url, name, branch] of accepted) {
    it(`accepts ${input}`, () => {
      const result = checkRepoUrl(input, LOCAL);
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

  // Decided on the text as received: each of these is something a URL parser (or git) would first
  // normalise into an ordinary-looking repository, and none is ever a real repository link.
  const normalisedAway: [string, RegExp][] = [
    // dot segments, in every spelling
    ['https://github.com/x/../a/b', /\. or \.\. segment/],
    ['https://github.com/a/b/../c', /\. or \.\. segment/],
    ['https://github.com/./a/b', /\. or \.\. segment/],
    ['https://github.com/a/./b', /\. or \.\. segment/],
    ['https://github.com/a/b/tree/../../evil/x', /\. or \.\. segment/],
    ['https://github.com/a/.../b', /\. or \.\. segment/],
    ['http://127.0.0.1:8765/../etc.git', /\. or \.\. segment/],
    ['a/..', /\. or \.\. segment/],
    ['https://github.com/x/%2e%2e/a/b', /percent-encoding/],
    ['https://github.com/x/%2E%2e/a/b', /percent-encoding/],
    ['https://github.com/x/.%2e/a/b', /percent-encoding/],
    ['https://github.com/x/%2e./a/b', /percent-encoding/],
    ['https://github.com/%2e/a/b', /percent-encoding/],
    // encoded slashes and backslashes, and any other percent-encoding
    ['https://github.com/a%2fb/c', /percent-encoding/],
    ['https://github.com/a/b%2Fc', /percent-encoding/],
    ['https://github.com/a/b%5c..%5cc', /percent-encoding/],
    ['https://github.com/%61/b', /percent-encoding/],
    ['https://github.com/a/b%23frag', /percent-encoding/],
    ['https://github.com%2f@evil.example/a/b', /percent-encoding/],
    ['https://evil.example%2f@github.com/a/b', /percent-encoding/],
    ['https://github%2ecom/a/b', /percent-encoding/],
    // backslashes, which a URL parser reads as /
    ['https://github.com/a\\b/c', /backslash/],
    ['https://github.com\\a/b', /backslash/],
    ['https://github.com/a/b\\..\\c', /backslash/],
    ['https:\\\\github.com\\a\\b', /backslash/],
    // empty segments
    ['https://github.com//a/b', /empty segment/],
    ['https://github.com/a//b', /empty segment/],
    ['https://gitlab.com/group//project', /empty segment/],
    // not quite the usual form
    ['https:github.com/a/b', /not a URL of the form/],
    ['https:/github.com/a/b', /not a URL of the form/],
    ['https:///github.com/a/b', /names no host/],
    ['https://github.com', /no owner\/repository/],
    // hosts: look-alikes, tabs, user info, trailing dots, IP literals, ports
    ['https://ｇithub.com/a/b', /plain ASCII/], // fullwidth g, which the URL parser maps to g
    ['https://github\u3002com/a/b', /plain ASCII/], // ideographic full stop, mapped to .
    ['https://gіthub.com/a/b', /plain ASCII/], // Cyrillic i
    ['https://\u212Aernel.org/a/b', /plain ASCII/], // Kelvin sign, which lower-cases to k
    ['https://github.com/a/b\u200B', /plain ASCII/], // zero-width space
    ['https://git\thub.com/a/b', /whitespace/], // the URL parser drops tabs
    ['https://github.com@evil.example/a/b', /credentials/],
    ['https://evil.example@github.com/a/b', /credentials/],
    ['https://:@github.com/a/b', /credentials/],
    ['https://github.com./a/b', /ends with a dot/],
    ['https://github.com../a/b', /ends with a dot/],
    ['https://-github.com/a/b', /unexpected characters/],
    ['https://github..com/a/b', /unexpected characters/],
    ['https://github_com/a/b', /unexpected characters/],
    ['https://[2606:50c0:8000::153]/a/b', /IPv6/],
    ['https://[::ffff:127.0.0.1]/a/b', /IPv6/],
    ['https://140.82.112.3/a/b', /not a known code host/],
    ['http://2130706433/demo.git', /IP address written in an unusual form/],
    ['http://127.1/demo.git', /IP address written in an unusual form/],
    ['http://0x7f.0.0.1/demo.git', /IP address written in an unusual form/],
    ['http://0177.0.0.1/demo.git', /IP address written in an unusual form/],
    ['http://127.0.0.01/demo.git', /IP address written in an unusual form/],
    ['https://github.com:443/a/b', /github\.com:443 is not a known code host/],
    ['https://github.com:22/a/b', /github\.com:22 is not a known code host/],
    ['https://github.com:/a/b', /port is not a plain number/],
    ['https://github.com:0443/a/b', /port is not a plain number/],
    ['http://127.0.0.1:99999/demo.git', /port is not a plain number/],
    ['https://github.com:443@evil.example/a/b', /credentials/],
    // other schemes and what follows the path
    ['HTTP://github.com/a/b', /http URLs are not cloned/],
    ['hxxps://github.com/a/b', /hxxps URLs are not cloned/],
    ['https://github.com/a/b?', /query or fragment/],
    ['https://github.com/a/b#', /query or fragment/],
    ['https://github.com/a/b;x', /unexpected characters/],
  ];
  for (const [input, reason] of normalisedAway) {
    it(`rejects ${JSON.stringify(input)}, saying why`, () => {
      const result = checkRepoUrl(input);
      assert.ok(!result.ok, `accepted as ${result.ok ? result.target.url : ''}`);
      assert.match(result.reason, reason);
    });
  }

  it('accepts hosts the user adds, with the port they add, and says why others are refused', () => {
    assert.ok(checkRepoUrl('https://git.example.org/team/tool', ['git.example.org']).ok);
    const refused = checkRepoUrl('https://git.example.org/team/tool');
    assert.ok(!refused.ok && /add it to paperFeed\.clone\.allowedHosts/.test(refused.reason));
    const withPort = checkRepoUrl('https://git.example.org:8443/team/tool', [' Git.Example.org:8443 ']);
    assert.ok(withPort.ok && withPort.target.url === 'https://git.example.org:8443/team/tool.git', JSON.stringify(withPort));
    assert.equal(checkRepoUrl('https://git.example.org:8443/team/tool', ['git.example.org']).ok, false, 'a port must be added too');
    assert.equal(checkRepoUrl('https://git.example.org/team/tool', ['git.example.org:8443']).ok, false);
    assert.ok(checkRepoUrl('https://10.0.0.7/team/tool', ['10.0.0.7']).ok, 'an address the user adds');
  });

  it('gives git exactly the text it checked, rebuilt from the parts it accepted', () => {
    for (const [input] of accepted) {
      const result = checkRepoUrl(input, LOCAL);
      assert.ok(result.ok);
      assert.equal(new URL(result.target.url).href, result.target.url, 'nothing left for a URL parser to normalise');
    }
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

describe('repository links from the feed to the policy', () => {
  /** A paper read from a daily_papers item, as the feed delivers it. */
  function fromFeed(githubRepo?: string, projectPage?: string): Parameters<typeof cloneCandidates>[0] {
    const paper = normaliseDailyItem({
      paper: {
        id: '2501.00001', title: 'T', authors: [{ name: 'A', hidden: false }], submittedOnDailyAt: '2025-01-02T00:00:00.000Z',
        ...(githubRepo !== undefined ? { githubRepo } : {}), ...(projectPage !== undefined ? { projectPage } : {}),
      },
    });
    assert.ok(paper);
    return paper;
  }

  // Reading the feed must not normalise these into an acceptable repository before the policy sees them.
  const hostile = [
    'https://github.com/x/../a/b', 'https://github.com/./a/b', 'https://github.com/x/%2e%2e/a/b', 'https://github.com/x/.%2E/a/b',
    'https://github.com\\a\\b', 'https://github.com/x\\..\\a/b', 'https://github.com//a/b', 'https://github.com/a//b',
    'https://github.com/a%2fb/c', 'https://ｇithub.com/a/b', 'https://github\u3002com/a/b', 'https://github.com:443/a/b',
    'https://\u212Aernel.org/a/b', 'http://127.1/a.git', 'https://github.com/a/b/tree/../../x/y',
  ];
  for (const url of hostile) {
    it(`never offers ${JSON.stringify(url)} to clone, as the code repository or the project page`, () => {
      assert.deepEqual(cloneCandidates(fromFeed(url)).targets, []);
      assert.deepEqual(cloneCandidates(fromFeed(undefined, url)).targets, []);
    });
  }

  it('still offers the links the real feed has', () => {
    const paper = fromFeed('https://github.com/Alibaba-NLP/DeepResearch//', 'https://huggingface.co/spaces/Org/Demo');
    assert.deepEqual(cloneCandidates(paper).targets.map((target) => target.url), ['https://github.com/Alibaba-NLP/DeepResearch.git', 'https://huggingface.co/spaces/Org/Demo']);
    assert.equal(fromFeed(undefined, 'https://Example.org').projectPage, 'https://example.org/', 'a plain site link is kept');
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
