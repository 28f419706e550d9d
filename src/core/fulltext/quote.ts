/**
 * Copy Quote with Citation: a passage of a full text as plain words, checked against the document
 * it claims to come from, and put with the paper's citation.
 */

/** The longest passage quoted (characters): a quote, not the paper. */
export const MAX_QUOTE_LENGTH = 20_000;

const LINK = /!?\[([^\]\n]{0,2000})\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"\n]*")?\)/g;

/** A passage selected in the Markdown source as plain text: links as their text, markup and breaks gone. */
export function cleanPassage(markdown: string): string {
  return markdown.slice(0, MAX_QUOTE_LENGTH * 2)
    .replace(LINK, (match, text: string) => (match.startsWith('!') ? '' : text))
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,9}[.)]\s+)/gm, '')
    .replace(/(\*\*|__|\*|`)/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ')
    .trim()
    .slice(0, MAX_QUOTE_LENGTH);
}

/** Lower-case words (letters and digits): what two renderings of the same text share. */
export function quoteWords(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Whether `passage` (text copied from the rendered preview) is from `document` (the full text's
 * Markdown): its words, at least three, appear in the document in that order and next to each other.
 */
export function isPassageOf(passage: string, document: string): boolean {
  const words = quoteWords(passage.slice(0, MAX_QUOTE_LENGTH));
  if (words.length < 3) {
    return false;
  }
  return ` ${quoteWords(cleanPassage(document.slice(0, 8_000_000))).join(' ')} `.includes(` ${words.join(' ')} `);
}

/** The document's paragraphs of prose, plain, for picking a passage by typing some of its words. */
export function quotableParagraphs(markdown: string, max = 2_000): string[] {
  const found: string[] = [];
  for (const block of markdown.split(/\n\s*\n/)) {
    const text = cleanPassage(block);
    // Headings, formulas alone, and lists of links (the contents) are not prose.
    if (/^\s{0,3}#/.test(block) || /^\s*\$\$/.test(block) || quoteWords(text).length < 8) {
      continue;
    }
    found.push(text);
    if (found.length >= max) {
      break;
    }
  }
  return found;
}

/** The quote, then the citation: one line after the quote for a one-line style, a blank line before an entry. */
export function quoteWithCitation(passage: string, citation: string): string {
  const quote = `“${passage.trim()}”`;
  const cited = citation.trim();
  return cited.includes('\n') ? `${quote}\n\n${cited}\n` : `${quote}\n— ${cited}\n`;
}
