/** Text for BibTeX and BibLaTeX: escaping LaTeX's special characters, accents, and protecting capitals. */

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  '$': '\\$',
  '#': '\\#',
  '_': '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Combining marks → LaTeX accent commands. */
const ACCENTS: Record<string, string> = {
  '\u0300': '`', '\u0301': "'", '\u0302': '^', '\u0303': '~', '\u0304': '=', '\u0306': 'u', '\u0307': '.',
  '\u0308': '"', '\u030A': 'r', '\u030B': 'H', '\u030C': 'v', '\u0327': 'c', '\u0328': 'k', '\u0323': 'd',
};

/** Letters without a decomposition. */
const LETTERS: Record<string, string> = {
  ß: '{\\ss}', æ: '{\\ae}', Æ: '{\\AE}', ø: '{\\o}', Ø: '{\\O}', å: '{\\aa}', Å: '{\\AA}', œ: '{\\oe}', Œ: '{\\OE}',
  ł: '{\\l}', Ł: '{\\L}', ı: '{\\i}', đ: '{\\dj}', Đ: '{\\DJ}', þ: '{\\th}', Þ: '{\\TH}', ð: '{\\dh}', Ð: '{\\DH}',
  '–': '--', '—': '---', '‘': '`', '’': "'", '“': '``', '”': "''", '…': '{\\ldots}', '\u00A0': '~',
};

/** Escapes LaTeX's special characters only (for BibLaTeX, which reads UTF-8). */
export function escapeLatexSpecials(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (character) => SPECIALS[character] ?? character);
}

/** Escapes for classic BibTeX: special characters, and accented letters as LaTeX commands ({\'e}). */
export function escapeBibtex(text: string): string {
  let out = '';
  for (const cluster of escapeLatexSpecials(text).normalize('NFD').match(/\P{M}\p{M}*/gu) ?? []) {
    const [base = '', ...marks] = [...cluster];
    if (marks.length === 0) {
      out += LETTERS[base] ?? base;
      continue;
    }
    if (marks.every((mark) => ACCENTS[mark]) && /^[A-Za-z]$/.test(base)) {
      // {\'e}; a dotless i under an accent: {\'\i}.
      let letter = base === 'i' ? '\\i' : base === 'j' ? '\\j' : base;
      for (const mark of marks) {
        const command = ACCENTS[mark] as string;
        letter = /^[a-zA-Z]$/.test(command) ? `\\${command}{${letter}}` : `\\${command}${letter}`;
      }
      out += `{${letter}}`;
    } else {
      out += cluster.normalize('NFC');
    }
  }
  return out;
}

/**
 * Protects words whose capitals must survive bibliography styles that lowercase titles: acronyms
 * (LLM), mixed case (DINOv3, ImageNet), words with digits and capitals (GPT-4). `escape` runs on each piece.
 */
export function protectCapitals(title: string, escape: (text: string) => string): string {
  return title.split(/(\s+)/).map((word) => {
    if (/^\s+$/.test(word) || word.length === 0) {
      return word;
    }
    const core = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    // Acronyms and mixed case (LLM, DINOv3), capitals with digits (GPT-4), roman numerals (Part I).
    const needsProtection = /\p{Lu}/u.test(core.slice(1)) || (/\p{Lu}/u.test(core) && /\p{N}/u.test(core)) || /^[IVX]+$/.test(core);
    if (!needsProtection) {
      return escape(word);
    }
    const start = word.indexOf(core);
    return `${escape(word.slice(0, start))}{${escape(core)}}${escape(word.slice(start + core.length))}`;
  }).join('');
}
