/**
 * Where keys are, for Go to Definition and Find All References: the keys a document defines itself
 * (LaTeX `\bibitem`, Typst labels) with their offsets, the citations of one key, the .bib entry whose
 * key is at an offset, and offsets turned into lines and columns for files that are not open.
 */
import type { BibDatabase, BibEntry } from './bibEntries';
import { blankLatex, blankTypst } from './blankSource';
import type { CiteKind, CitedKey } from './citeSyntax';

export interface LocatedKey {
  readonly key: string;
  /** [start, end) in the document. */
  readonly start: number;
  readonly end: number;
}

/** Keys the document defines, where: `\bibitem[label]{key}` in LaTeX, `<key>` labels in Typst. */
export function definedKeyLocations(text: string, kind: CiteKind): LocatedKey[] {
  const out: LocatedKey[] = [];
  if (kind === 'latex') {
    for (const match of blankLatex(text).matchAll(/\\bibitem\s*(?:\[[^\]\n]*\]\s*)?\{([^{}\n]+)\}/g)) {
      const content = match[1] ?? '';
      const key = content.trim();
      const start = (match.index ?? 0) + match[0].length - 1 - content.length + (content.length - content.trimStart().length);
      out.push({ key, start, end: start + key.length });
    }
  } else if (kind === 'typst') {
    for (const match of blankTypst(text).matchAll(/(?<!\bcite\(\s*)<([\p{L}\p{N}_\-:.]+)>/gu)) { // not the <key> of #cite(<key>)
      const key = match[1] ?? '';
      const start = (match.index ?? 0) + 1;
      out.push({ key, start, end: start + key.length });
    }
  }
  return out;
}

/** The located key at `offset` (its start to its end, both included), if any. */
export function locatedAt<T extends LocatedKey>(keys: readonly T[], offset: number): T | undefined {
  return keys.find((key) => key.start <= offset && offset <= key.end);
}

/** Keys are matched as BibTeX matches them: the whole key, without regard to case. */
export function sameKey(a: string, b: string): boolean {
  return a.length === b.length && a.toLowerCase() === b.toLowerCase();
}

/** The citations of `key` among a document's cited keys (whole keys, any case). */
export function citationsOf<T extends CitedKey>(keys: readonly T[], key: string): T[] {
  return keys.filter((cited) => sameKey(cited.key, key));
}

/** The entry of a .bib whose key `offset` is on (from its first character to just past its last). */
export function bibEntryAtKey(database: BibDatabase, offset: number): BibEntry | undefined {
  return database.entries.find((entry) => entry.keyStart <= offset && offset <= entry.keyStart + entry.key.length);
}

/** Every entry a key names in a .bib (a key defined twice is found twice), in file order. */
export function bibEntriesOf(database: BibDatabase, key: string): BibEntry[] {
  if (!database.byKey.has(key.toLowerCase())) {
    return [];
  }
  return database.entries.filter((entry) => sameKey(entry.key, key));
}

/** Offsets as zero-based lines and columns (UTF-16, as VS Code counts), for text that is not open. */
export class LineMap {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
      this.starts.push(index + 1);
    }
  }

  position(offset: number): { readonly line: number; readonly character: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return { line: low, character: offset - (this.starts[low] ?? 0) };
  }
}
