/**
 * A paper named in any text: an arXiv id (`2401.12345`, `arXiv:2401.12345v2`, `hep-th/9901001`) or
 * an arXiv, Hugging Face or alphaXiv paper URL. Used by the hover, which works in every file.
 */
import { parseArxivId, parsePaperRef } from '../paper/arxiv';

export interface PaperMention {
  readonly id: string;
  /** Offsets in the line: [start, end). */
  readonly start: number;
  readonly end: number;
}

const URL_PATTERN = /https?:\/\/(?:www\.|export\.)?(?:arxiv\.org|huggingface\.co|hf\.co|alphaxiv\.org)\/(?:abs|pdf|html|papers)\/[^\s)\]}>"'`,;]+/gi;
const ID_PATTERN = /(?<![\w./-])(?:arxiv:\s?)?(\d{4}\.\d{4,5})(v\d+)?(?![\w]|\.\d)/gi;
const OLD_ID_PATTERN = /(?<![\w./-])(?:arxiv:\s?)?([a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})(v\d+)?(?!\w)/gi;

/** The paper mentioned at `column` of `line`, if any (a URL first, then an id). */
export function paperMentionAt(line: string, column: number): PaperMention | undefined {
  const text = line.length > 10_000 ? line.slice(Math.max(0, column - 1_000), column + 1_000) : line;
  const shift = line.length > 10_000 ? Math.max(0, column - 1_000) : 0;
  const at = column - shift;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (at >= start && at <= end) {
      const url = match[0].replace(/[.]+$/, '');
      const alpha = /alphaxiv\.org\/(?:abs|pdf)\/([^/?#]+)/i.exec(url)?.[1];
      const id = alpha ? parseArxivId(alpha.replace(/\.pdf$/, '')) : parsePaperRef(url);
      return id ? { id, start: start + shift, end: start + shift + url.length } : undefined;
    }
  }
  for (const pattern of [ID_PATTERN, OLD_ID_PATTERN]) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (at >= start && at <= end) {
        const id = parseArxivId(match[1] ?? '');
        return id && plausibleArxivId(id) ? { id, start: start + shift, end: end + shift } : undefined;
      }
    }
  }
  return undefined;
}

/** An arXiv id inside a citation key (`arxiv2401.12345`, `2401.12345`, `arXiv:2401.12345`), if any. */
export function arxivIdInKey(key: string): string | undefined {
  const match = /(?:^|[^\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])/.exec(key);
  const id = match ? parseArxivId(match[1] ?? '') : undefined;
  return id && plausibleArxivId(id) ? id : undefined;
}

/**
 * Whether a new-style id could have been issued: `YYMM` from 0704 on with a month 01-12, four digits
 * after the dot until 1412 and five from 1501. In free text and keys, `1234.5678` (a number, a price)
 * or `smith2024.12345` is not taken for a paper. Old-style ids (`hep-th/9901001`) are unambiguous.
 */
export function plausibleArxivId(id: string): boolean {
  const match = /^(\d\d)(\d\d)\.(\d{4,5})$/.exec(id);
  if (!match) {
    return true;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const yymm = year * 100 + month;
  return month >= 1 && month <= 12 && yymm >= 704 && (match[3]?.length === 4 ? yymm <= 1412 : yymm >= 1501);
}
