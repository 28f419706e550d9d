import * as assert from 'node:assert/strict';
import { abstractRepos } from '../../src/core/clone/candidates';
import { findTextUrls, linkPieces, MAX_TEXT_URL_LENGTH, MAX_TEXT_URLS } from '../../src/core/paper/textLinks';
import { authorQuery, keywordQuery, parseQuery } from '../../src/core/search/query';

const urls = (text: string): string[] => findTextUrls(text).map((found) => found.url);

describe('URLs in paper text', () => {
  it('finds http and https URLs, each as written, and leaves the sentence\'s punctuation out', () => {
    assert.deepEqual(urls('Code: https://github.com/zjunlp/LightMem-Ego.'), ['https://github.com/zjunlp/LightMem-Ego']);
    assert.deepEqual(urls('(see https://x.org/a), and http://y.org/b; or https://z.org/c?q=1&r=2!'), ['https://x.org/a', 'http://y.org/b', 'https://z.org/c?q=1&r=2']);
    assert.deepEqual(urls('At https://x.org/a... and "https://x.org/q" and <https://x.org/angle>: done'), ['https://x.org/a', 'https://x.org/q', 'https://x.org/angle']);
    assert.deepEqual(urls('[https://x.org/in-brackets] {https://x.org/in-braces}'), ['https://x.org/in-brackets', 'https://x.org/in-braces']);
    assert.deepEqual(urls('HTTPS://GitHub.com/A/B:'), ['HTTPS://GitHub.com/A/B']);
  });

  it('keeps brackets the URL opened itself, and its path, query and fragment', () => {
    assert.deepEqual(urls('(https://en.wikipedia.org/wiki/Foo_(bar)).'), ['https://en.wikipedia.org/wiki/Foo_(bar)']);
    assert.deepEqual(urls('https://x.org/a/b.html#sec-2.'), ['https://x.org/a/b.html#sec-2']);
    assert.deepEqual(urls('https://x.org:8443/p?x=1,2'), ['https://x.org:8443/p?x=1,2']);
  });

  it('never makes a link of another scheme, a URL with credentials, or a scheme glued to a word', () => {
    for (const text of [
      'javascript:alert(1)', 'command:workbench.action.quit', 'vscode://evil/x', 'file:///etc/passwd', 'mailto:a@evil.example',
      'data:text/html,<script>', 'www.evil.example', 'ftp://evil.example/x', 'https://user:pass@evil.example/', 'https://good.org@evil.example/',
      'https://@evil.example/', 'xhttps://evil.example/', 'https://', 'https:// spaced.example', 'https:///nohost',
    ]) {
      assert.deepEqual(urls(text), [], text);
    }
  });

  it('finds a URL inside hostile text without the text around it', () => {
    assert.deepEqual(urls('javascript:fetch(\'http://127.0.0.1:9/__trap?js\')'), ['http://127.0.0.1:9/__trap?js']);
    assert.deepEqual(urls('<img src="https://evil.example/x.png" onerror=alert(1)>'), ['https://evil.example/x.png']);
    assert.deepEqual(urls('https://a.example/\u0000https://b.example/'), ['https://a.example/', 'https://b.example/']);
  });

  it('is bounded: a URL too long stays text, and at most MAX_TEXT_URLS links per text', () => {
    const long = `https://x.org/${'a'.repeat(MAX_TEXT_URL_LENGTH)}`;
    assert.deepEqual(urls(`${long} https://y.org/after`), ['https://y.org/after']);
    const many = Array.from({ length: MAX_TEXT_URLS + 20 }, (_, index) => `https://x.org/${index}`).join(' ');
    assert.equal(urls(many).length, MAX_TEXT_URLS);
    const started = Date.now();
    urls(`https://x.org/${'('.repeat(200_000)}`);
    urls('https://'.repeat(50_000));
    urls(Array.from({ length: MAX_TEXT_URLS }, () => `https://x.org/${')'.repeat(1_900)}`).join(' '));
    assert.ok(Date.now() - started < 2_000, 'linear time on hostile input');
  });

  it('cuts a text into pieces that join back into it', () => {
    const text = 'See https://x.org/a, then https://x.org/b.';
    const pieces = linkPieces(text);
    assert.deepEqual(pieces, [
      { text: 'See ' }, { text: 'https://x.org/a', url: 'https://x.org/a' }, { text: ', then ' },
      { text: 'https://x.org/b', url: 'https://x.org/b' }, { text: '.' },
    ]);
    assert.equal(pieces.map((piece) => piece.text).join(''), text);
    assert.deepEqual(linkPieces(''), [{ text: '' }]);
    assert.deepEqual(linkPieces('no links'), [{ text: 'no links' }]);
  });
});

describe('repositories an abstract links', () => {
  it('offers the repositories the clone policy accepts, each once, not the paper\'s own code repository', () => {
    const repos = abstractRepos({
      abstract: 'Code at https://github.com/Boogu-Project/Boogu-Image. Data at https://huggingface.co/datasets/org/data and '
        + 'https://gitlab.com/group/sub/tool, again https://github.com/other/Tool and https://github.com/other/tool/tree/main. '
        + 'Site https://example.org/page, https://github.com/features/copilot, http://github.com/plain/http, https://evil.example/a/b.',
      githubRepo: 'https://github.com/boogu-project/Boogu-Image',
    });
    assert.deepEqual(repos.map((repo) => [repo.url, repo.target.url]), [
      ['https://huggingface.co/datasets/org/data', 'https://huggingface.co/datasets/org/data'],
      ['https://gitlab.com/group/sub/tool', 'https://gitlab.com/group/sub/tool.git'],
      ['https://github.com/other/Tool', 'https://github.com/other/Tool.git'],
    ]);
  });

  it('offers this machine only when the host allows it (a local feed), as the clone policy says', () => {
    const paper = { abstract: 'Served at http://127.0.0.1:8080/tiny.git.' };
    assert.deepEqual(abstractRepos(paper), []);
    assert.deepEqual(abstractRepos(paper, ['127.0.0.1']).map((repo) => repo.url), ['http://127.0.0.1:8080/tiny.git']);
  });
});

describe('searches the panel opens', () => {
  it('searches a keyword by its words, with no way to add a filter', () => {
    assert.equal(keywordQuery('diffusion'), 'diffusion');
    assert.equal(keywordQuery('  vision   transformer '), 'vision transformer');
    for (const hostile of ['topic:agents', 'a has:code', 'x author:"eve"', 'after:2020-01-01 before:2021-01-01 org:google']) {
      const query = keywordQuery(hostile) as string;
      assert.deepEqual(parseQuery(query).filters, {}, query);
    }
    assert.equal(keywordQuery('""::'), undefined);
    assert.ok((keywordQuery('x'.repeat(10_000)) ?? '').length <= 200);
  });

  it('searches an author as author:"…", and a quote in a name cannot end the value', () => {
    assert.equal(authorQuery('Chengsong Huang'), 'author:"Chengsong Huang"');
    assert.deepEqual(parseQuery(authorQuery('Chengsong Huang') as string), parseQuery('author:"Chengsong Huang"'));
    const hostile = authorQuery('Eve" topic:agents has:code "') as string;
    const parsed = parseQuery(hostile);
    assert.deepEqual(Object.keys(parsed.filters), ['author'], hostile);
    assert.deepEqual(parsed.words, [], 'nothing of the name left outside the filter');
    assert.equal(authorQuery('“Smart” Quotes'), 'author:"Smart Quotes"');
    assert.equal(authorQuery('A\nB\u0000C'), 'author:"A B C"');
    assert.equal(authorQuery('"'), undefined);
  });
});
