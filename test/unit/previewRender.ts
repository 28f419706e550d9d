/**
 * Markdown as VS Code's Markdown preview parses it: markdown-it with raw HTML on and linkify on (its
 * defaults), math off (the harder case: a formula is then plain Markdown). markdown-it is in
 * node_modules through @vscode/vsce; it has no types here, hence the small interface.
 */
import { createRequire } from 'node:module';

interface MarkdownIt {
  render(source: string): string;
}

const load = createRequire(__filename);
const MarkdownItClass = load('markdown-it') as new (options: Record<string, unknown>) => MarkdownIt;
const engine = new MarkdownItClass({ html: true, linkify: true, breaks: false, typographer: false });

export function renderPreview(markdown: string): string {
  return engine.render(markdown);
}

/** Every `href` and `src` of the HTML. */
export function targets(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1] as string);
}
