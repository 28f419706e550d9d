/**
 * A formatted citation (APA, IEEE, plain, … asked for by name) inserted into a document is read by
 * that document's language, and its paper text is untrusted: a title may hold `\input{…}` for LaTeX,
 * `#read(…)` for Typst, raw HTML or a link for Markdown, a role for reStructuredText, an `@entry` for
 * a .bib file. So the text is escaped for the language it lands in, as text, unless it already is
 * that language's own (a BibTeX entry escapes for TeX; a Markdown citation escapes for Markdown).
 */
import type { CitationStyleKind } from './insert';
import { escapeLatexSpecials } from './latex';

/** The formatted citation as text of the document it is inserted into. */
export function embedFormatted(kind: CitationStyleKind, format: string, text: string): string {
  switch (kind) {
    case 'latex':
      return format === 'bibtex' || format === 'biblatex' ? text : escapeLatexSpecials(text);
    case 'typst':
      return keepingUrls(text, escapeTypst);
    case 'pandoc':
      return format === 'markdown' ? text : escapeMarkdownText(text);
    case 'rst':
      return keepingUrls(text, (part) => part.replace(/[\\`*_|:[\]<>]/g, '\\$&').replace(/^(\s*)\.\./gm, '$1\\..'));
    case 'bibtex':
      // Outside an entry BibTeX skips text up to the next `@`: a citation that is not an entry must hold none.
      // Nor, when the cursor is inside a field, a brace that ends it or a TeX command.
      return format === 'bibtex' || format === 'biblatex' ? text : escapeLatexSpecials(text).replace(/@/g, '(at)');
    case 'plain':
    case 'comment':
      return text;
  }
}

/**
 * The links a citation carries, arXiv's and the DOI's (built from a checked id), stay links: their
 * characters are not escaped. Any other text goes through `escape`.
 */
function keepingUrls(text: string, escape: (part: string) => string): string {
  return text.split(/(https:\/\/(?:arxiv\.org|doi\.org)\/[A-Za-z0-9./_-]+[A-Za-z0-9/])/).map((part, index) => (index % 2 === 1 ? part : escape(part))).join('');
}

/**
 * Typst markup: `#` starts code, `$` math, `@`/`<` references and labels, `*` `_` `` ` `` `~` markup,
 * `[`/`]` content, `//` and `/*` comments, and `=`, `-`, `+`, `/` at a line's start headings and lists.
 * A backslash makes any of them text.
 */
export function escapeTypst(text: string): string {
  return text
    .replace(/[\\#$@<>*_`~[\]]/g, '\\$&')
    .replace(/\/(?=[/*])/g, '\\/')
    .replace(/^(\s*)([=+\-/])/gm, '$1\\$2');
}

/**
 * Markdown (and Pandoc) text: every character that could start markup, a link, raw HTML, an entity or
 * a Pandoc citation is backslash-escaped, which CommonMark and Pandoc read as the character itself.
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|&@~^$]/g, '\\$&');
}
