/** A paper's tooltip Markdown, rendered with marked (the parser of VS Code's Markdown renderer). */
import * as assert from 'node:assert/strict';
import type { Paper } from '../../src/core/paper/model';
import { commandUri, paperTooltipMarkdown, tooltipLinks } from '../../src/core/view/tooltip';
import { decodeHtml, renderMarkdown } from './markdown';

const HOSTILE = [
  'https://evil.example/a', 'http://x', 'www.evil.com', '<https://x>', 'mailto:a@b.c', 'a@b.com', '[x](https://evil)',
  '[run](command:workbench.action.quit)', 'command:workbench.action.terminal.new', 'vscode://vscode.git/clone?url=x',
  'file:///etc/passwd', 'javascript:alert(1)', '$(alert)', '<img src=x onerror=alert(1)>',
];

const target = (url: string): string => commandUri('paperFeed.openLink', [url, '2401.00001']);

function paper(overrides: Partial<Paper>): Paper {
  return { id: '2401.00001', title: 'A Paper', authors: [{ name: 'Ada Lovelace' }], abstract: 'An abstract.', feedDate: '2024-01-01', ...overrides };
}

/** The links marked makes, as [text, href]. */
function links(markdown: string): [string, string][] {
  const html = renderMarkdown(markdown);
  return [...html.matchAll(/<a href="([^"]*)"[^>]*>(.*?)<\/a>/g)].map((match) => [match[2] as string, decodeHtml(match[1] as string)]);
}

function shown(markdown: string): string {
  return decodeHtml(renderMarkdown(markdown).replace(/<[^>]+>/g, ''));
}

describe('paper tooltip', () => {
  it('links only to Paper Feed\'s own links, whatever the paper\'s text holds', () => {
    for (const text of HOSTILE) {
      for (const hostile of [
        paper({ title: text }), paper({ authors: [{ name: text }, { name: 'Bob' }] }), paper({ abstract: `See ${text} now.` }),
        paper({ aiSummary: `Summary: ${text}` }), paper({ aiKeywords: [text, 'safe'] }), paper({ primaryCategory: text }),
      ]) {
        const markdown = paperTooltipMarkdown(hostile, { primary: 'vision', tags: ['agents'] }, (id) => `${id} ${text}`, target);
        assert.deepEqual(links(markdown).map(([label]) => label), ['Hugging Face', 'arXiv', 'PDF'], `${JSON.stringify(text)}: ${markdown}`);
        assert.ok(shown(markdown).includes(text), `${JSON.stringify(text)} shows as typed: ${shown(markdown)}`);
      }
    }
  });

  it('points every link at the command, with the URL and the paper id as its arguments', () => {
    const markdown = paperTooltipMarkdown(paper({ githubRepo: 'https://code.evil.example/a_(b)' }), undefined, String, target);
    const found = links(markdown);
    assert.deepEqual(found.map(([label]) => label), ['Hugging Face', 'arXiv', 'PDF', 'Code']);
    const args = found.map(([, href]) => {
      const match = /^command:paperFeed\.openLink\?(.*)$/.exec(href);
      assert.ok(match, href);
      return JSON.parse(decodeURIComponent(match[1] as string)) as unknown;
    });
    assert.deepEqual(args, [
      ['https://huggingface.co/papers/2401.00001', '2401.00001'], ['https://arxiv.org/abs/2401.00001', '2401.00001'],
      ['https://arxiv.org/pdf/2401.00001', '2401.00001'], ['https://code.evil.example/a_(b)', '2401.00001'],
    ]);
  });

  it('offers the code repository only when it is https', () => {
    assert.deepEqual(tooltipLinks(paper({ githubRepo: 'https://github.com/a/b' })).map((link) => link.label), ['Hugging Face', 'arXiv', 'PDF', 'Code']);
    for (const repo of ['javascript:alert(1)', 'http://github.com/a/b', 'file:///etc/passwd', 'git@github.com:a/b.git']) {
      assert.deepEqual(tooltipLinks(paper({ githubRepo: repo })).map((link) => link.label), ['Hugging Face', 'arXiv', 'PDF'], repo);
    }
  });

  it('encodes command arguments so that no character can end the link early', () => {
    const uri = commandUri('paperFeed.openLink', ['https://x.example/a (b) [c] "d" <e>', 'id']);
    assert.doesNotMatch(uri.slice('command:paperFeed.openLink?'.length), /[()[\]\s"<>]/);
    assert.deepEqual(JSON.parse(decodeURIComponent(uri.split('?')[1] as string)), ['https://x.example/a (b) [c] "d" <e>', 'id']);
  });

  it('shows a saved paper\'s reading state, tags and note as text, whatever the user typed', () => {
    for (const text of HOSTILE) {
      const markdown = paperTooltipMarkdown(paper({}), undefined, String, target, { status: 'Unread', note: `first line ${text}\nsecond line`, tags: [text, 'to-read'] });
      assert.deepEqual(links(markdown).map(([label]) => label), ['Hugging Face', 'arXiv', 'PDF'], `${JSON.stringify(text)}: ${markdown}`);
      const visible = shown(markdown);
      assert.ok(visible.includes(`Unread · #${text} · #to-read`), `${JSON.stringify(text)}: ${visible}`);
      assert.ok(visible.includes(`first line ${text}`) && visible.includes('second line'), visible);
    }
    const plain = paperTooltipMarkdown(paper({}), undefined, String, target, { status: 'Read' });
    assert.match(shown(plain), /\bRead\b/);
    assert.doesNotMatch(paperTooltipMarkdown(paper({}), undefined, String, target), /Read|Unread/, 'the Papers view\'s tooltip has no reading state');
  });

  const enriched = paper({
    primaryCategory: 'cs.CL',
    arxiv: { categories: ['cs.CL', 'cs.AI', 'cs.LG'], comment: 'Accepted at NeurIPS 2024; 12 pages', journalRef: 'NeurIPS 37 (2024)' },
    publication: { kind: 'conference', venue: 'Advances in Neural Information Processing Systems', venueShort: 'NeurIPS', year: '2024', source: 'dblp' },
  });

  it('shows every arXiv category (the primary first), where it was published and the authors\' comment', () => {
    const visible = shown(paperTooltipMarkdown(enriched, undefined, String, target));
    assert.ok(visible.includes('2401.00001 · 2024-01-01 · cs.CL, cs.AI, cs.LG'), visible);
    assert.ok(visible.includes('Published in NeurIPS 2024'), visible);
    assert.ok(visible.includes('Comments: Accepted at NeurIPS 2024; 12 pages'), visible);
    assert.doesNotMatch(visible, /Advances in Neural/, 'the short name is enough in a tooltip');
    const long = shown(paperTooltipMarkdown(paper({ ...enriched, publication: { ...enriched.publication!, venueShort: undefined } }), undefined, String, target));
    assert.ok(long.includes('Published in Advances in Neural Information Processing Systems 2024'), long);
  });

  it('shows none of it for a paper not yet enriched', () => {
    const visible = shown(paperTooltipMarkdown(paper({ primaryCategory: 'cs.CL' }), undefined, String, target));
    assert.ok(visible.includes('2401.00001 · 2024-01-01 · cs.CL'), visible);
    assert.doesNotMatch(visible, /Published in|Comments:/);
  });

  it('says it in the user\'s words', () => {
    const words = { comments: (count: number) => `${count} Kommentare`, publishedIn: (venue: string) => `Veröffentlicht in ${venue}`, authorsComment: (comment: string) => `Anmerkungen: ${comment}` };
    const visible = shown(paperTooltipMarkdown({ ...enriched, numComments: 4 }, undefined, String, target, undefined, words));
    for (const text of ['Veröffentlicht in NeurIPS 2024', 'Anmerkungen: Accepted at NeurIPS', '4 Kommentare']) {
      assert.ok(visible.includes(text), `${text}: ${visible}`);
    }
  });

  it('keeps a hostile comment, venue and category inert, and cuts a long comment', () => {
    for (const text of HOSTILE) {
      const hostile = paper({
        arxiv: { categories: [text, 'cs.AI'], comment: `Accepted ${text} here`, journalRef: text, doi: text },
        publication: { kind: 'journal', venue: text, venueShort: text, year: '2024', doi: text, url: 'https://evil.example/x', source: 'arxiv' },
      });
      const markdown = paperTooltipMarkdown(hostile, undefined, String, target);
      assert.deepEqual(links(markdown).map(([label]) => label), ['Hugging Face', 'arXiv', 'PDF'], `${JSON.stringify(text)}: ${markdown}`);
      const visible = shown(markdown);
      for (const expected of [`Published in ${text} 2024`, `Comments: Accepted ${text} here`, `${text}, cs.AI`]) {
        assert.ok(visible.includes(expected), `${JSON.stringify(expected)}: ${visible}`);
      }
    }
    const long = shown(paperTooltipMarkdown(paper({ arxiv: { categories: [], comment: 'word '.repeat(200) } }), undefined, String, target));
    const comment = /Comments: (word[^\n]*)/.exec(long)?.[1] ?? '';
    assert.ok(comment.length > 100 && comment.length <= 160 && comment.endsWith('…'), comment);
  });
});
