/** Markdown as VS Code's renderer parses it (marked, GitHub flavour), and HTML text as a browser shows it. */
import { marked } from 'marked';

export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false, gfm: true });
}

/** Decodes the character references marked writes: what a browser shows. */
export function decodeHtml(html: string): string {
  return html.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot);/gi, (_match, entity: string) => {
    if (/^#x/i.test(entity)) {
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    }
    if (entity.startsWith('#')) {
      return String.fromCodePoint(parseInt(entity.slice(1), 10));
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"' } as Record<string, string>)[entity.toLowerCase()] as string;
  });
}
