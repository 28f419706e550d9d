// Placeholder until the full-text core lands (branch ft-core).
import type { FullTextParse } from './fullText';

export function parseFullTextResponse(raw: string, _contentType?: string): FullTextParse {
  const marker = raw.indexOf('Markdown Content:');
  const markdown = marker < 0 ? raw : raw.slice(marker + 17);
  return { ok: true, source: { markdown, isFullText: true } };
}
