/** Every citation format Paper Feed offers, by the ids in CONTRACT.md. */
import type { Paper } from '../paper/model';
import { biblatex, bibtex, type EntryOptions } from './bibtex';
import type { CslEngine } from './cslEngine';
import { citationKey, type KeyFormat } from './keys';
import { chicago, cslItem, cslJson, ieee, markdown, mla, plain } from './styles';

export const CITATION_FORMATS = ['bibtex', 'biblatex', 'csl-json', 'apa', 'ieee', 'mla', 'chicago', 'harvard', 'vancouver', 'markdown', 'plain'] as const;
export type BuiltInFormat = (typeof CITATION_FORMATS)[number];
export type CitationFormat = BuiltInFormat | `csl:${string}`;

export const FORMAT_LABELS: Record<BuiltInFormat, string> = {
  bibtex: 'BibTeX',
  biblatex: 'BibLaTeX',
  'csl-json': 'CSL-JSON',
  apa: 'APA 7',
  ieee: 'IEEE',
  mla: 'MLA 9',
  chicago: 'Chicago (author-date)',
  harvard: 'Harvard',
  vancouver: 'Vancouver',
  markdown: 'Markdown link',
  plain: 'Plain text',
};

/** Styles done by the CSL engine, and its template names. */
const CSL_TEMPLATES: Partial<Record<BuiltInFormat, string>> = { apa: 'apa', harvard: 'harvard1', vancouver: 'vancouver' };

export function isCitationFormat(value: unknown): value is CitationFormat {
  return typeof value === 'string'
    && ((CITATION_FORMATS as readonly string[]).includes(value) || /^csl:[\w.-]{1,100}$/.test(value));
}

/** Whether formatting needs the CSL engine (so callers can show progress the first time). */
export function needsCslEngine(format: CitationFormat): boolean {
  return format.startsWith('csl:') || format in CSL_TEMPLATES;
}

export interface FormatOptions {
  readonly keyFormat?: KeyFormat;
  /** The BibTeX form of a preprint, and whether a published paper is cited by its venue (every format). */
  readonly entry?: EntryOptions;
  /** Loads the CSL engine on first use. */
  readonly csl: () => Promise<CslEngine>;
  /** The XML of a user style `csl:<name>`, or undefined when there is no such style. */
  readonly userStyle?: (name: string) => Promise<string | undefined>;
}

export async function formatCitation(paper: Paper, format: CitationFormat, options: FormatOptions): Promise<string> {
  const key = citationKey(paper, options.keyFormat);
  switch (format) {
    case 'bibtex': return bibtex(paper, key, options.entry);
    case 'biblatex': return biblatex(paper, key, options.entry);
    case 'csl-json': return cslJson(paper, key, options.entry);
    case 'ieee': return ieee(paper, options.entry);
    case 'mla': return mla(paper, options.entry);
    case 'chicago': return chicago(paper, options.entry);
    case 'markdown': return markdown(paper, options.entry);
    case 'plain': return plain(paper, options.entry);
    default: break;
  }
  const engine = await options.csl();
  const builtIn = CSL_TEMPLATES[format as BuiltInFormat];
  if (builtIn) {
    return engine.format(cslItem(paper, key, options.entry), builtIn);
  }
  const name = format.slice('csl:'.length);
  const template = `user-${name}`;
  if (!engine.hasStyle(template)) {
    const xml = await options.userStyle?.(name);
    if (!xml) {
      throw new Error(`No CSL style named "${name}": add its .csl file to paperFeed.citation.cslStyles.`);
    }
    engine.addStyle(template, xml);
  }
  return engine.format(cslItem(paper, key, options.entry), template);
}

/**
 * Several papers' citations in one text, as the format lists them: CSL-JSON as one array (two
 * arrays one after the other would be no JSON), BibTeX entries with a blank line between them, and
 * a reference per line for the styles.
 */
export function joinCitations(format: CitationFormat, texts: readonly string[]): string {
  if (texts.length === 1) {
    return texts[0] as string;
  }
  if (format === 'csl-json') {
    const items = texts.flatMap((text) => {
      const parsed = JSON.parse(text) as unknown;
      return Array.isArray(parsed) ? parsed as unknown[] : [parsed];
    });
    return `${JSON.stringify(items, null, 2)}\n`;
  }
  const trimmed = texts.map((text) => text.replace(/\s+$/, ''));
  return format === 'bibtex' || format === 'biblatex' ? `${trimmed.join('\n\n')}\n` : trimmed.join('\n');
}
