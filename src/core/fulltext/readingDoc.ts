// Placeholder until the full-text core lands (branch ft-core).
import type { FullTextSource, ReadingDocument, ReadingOptions, ReadingPaper } from './fullText';

export function readingDocument(source: FullTextSource, paper: ReadingPaper, _options: ReadingOptions): ReadingDocument {
  return { markdown: `# ${paper.title}\n\n${source.markdown}`, sections: [], formulas: 0, images: { kept: 0, dropped: 0 } };
}
