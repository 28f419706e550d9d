/**
 * What the user keeps with a saved paper besides the paper: a short note and a few tags. Both come
 * from an input box or from the shared file (which any window, version or hand may have written),
 * so both are normalised the same way wherever they come from.
 */
import { cleanLine, truncate } from '../paper/cleanText';

/** A note is a few lines: longer text belongs in a file of its own. */
export const NOTE_MAX_LENGTH = 500;
export const NOTE_MAX_LINES = 10;
export const TAG_MAX_LENGTH = 40;
export const MAX_TAGS = 12;

/**
 * A note as kept: control characters removed, each line's whitespace collapsed, no blank line
 * twice in a row, no leading or trailing blank line, at most 10 lines and 500 characters; '' for none.
 */
export function normalizeNote(value: unknown): string {
  if (typeof value !== 'string') {
    return '';
  }
  const lines: string[] = [];
  for (const raw of value.split(/\r\n?|\n|\u2028|\u2029/)) {
    const line = cleanLine(raw, NOTE_MAX_LENGTH) ?? '';
    if (line !== '' || (lines.length > 0 && lines.at(-1) !== '')) {
      lines.push(line);
    }
  }
  while (lines.at(-1) === '') {
    lines.pop();
  }
  return truncate(lines.slice(0, NOTE_MAX_LINES).join('\n'), NOTE_MAX_LENGTH);
}

/**
 * Tags as kept: each one line without commas (the separator where the user types them), trimmed and
 * capped; empty ones dropped; duplicates ignoring case dropped, keeping the first spelling; at most 12.
 */
export function normalizeTags(value: unknown): string[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const entry of value) {
    const tag = typeof entry === 'string' ? cleanLine(entry.replace(/,/g, ' '), TAG_MAX_LENGTH) : undefined;
    const key = tag?.toLocaleLowerCase('en');
    if (tag && key && !seen.has(key)) {
      seen.add(key);
      tags.push(tag);
      if (tags.length === MAX_TAGS) {
        break;
      }
    }
  }
  return tags;
}

/** Tags as the user types them: separated by commas. */
export function parseTagInput(text: string): string[] {
  return normalizeTags(text.split(','));
}

/** Tags as the input box shows them for editing. */
export function formatTagInput(tags: readonly string[]): string {
  return tags.join(', ');
}

/** The tags every one of several papers has (compared ignoring case), in the first paper's order. */
export function commonTags(own: readonly (readonly string[])[]): string[] {
  return (own[0] ?? []).filter((tag) => own.every((tags) => hasTag(tags, tag)));
}

/**
 * Edit Tags on several papers: the box showed the tags they all have (`common`) and now holds
 * `wanted`; what was removed there goes from each paper, what was added joins each, and each
 * paper's other tags stay. Undefined when the box was left as it was.
 */
export function retag(own: readonly (readonly string[])[], common: readonly string[], wanted: readonly string[]): string[][] | undefined {
  const removed = common.filter((tag) => !hasTag(wanted, tag));
  const added = wanted.filter((tag) => !hasTag(common, tag));
  if (removed.length === 0 && added.length === 0) {
    return undefined;
  }
  return own.map((tags) => {
    const kept = tags.filter((tag) => !hasTag(removed, tag));
    return normalizeTags([...kept, ...added.filter((tag) => !hasTag(kept, tag))]);
  });
}

function hasTag(tags: readonly string[], tag: string): boolean {
  return tags.some((other) => other.toLowerCase() === tag.toLowerCase());
}
