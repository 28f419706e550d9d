/** Text for BibTeX and BibLaTeX: escaping LaTeX's special characters, accents, math, and protecting capitals. */
import { isSafeMath } from './texMath';

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  '$': '\\$',
  '#': '\\#',
  '_': '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In LaTeX's default OT1 encoding these print as ¡, ¿ and —: "<think>" would read "¡think¿".
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/** Combining marks → LaTeX accent commands. */
const ACCENTS: Record<string, string> = {
  '\u0300': '`', '\u0301': "'", '\u0302': '^', '\u0303': '~', '\u0304': '=', '\u0306': 'u', '\u0307': '.',
  '\u0308': '"', '\u030A': 'r', '\u030B': 'H', '\u030C': 'v', '\u0327': 'c', '\u0328': 'k', '\u0323': 'd',
};

/** Letters without a decomposition, and text symbols. */
const LETTERS: Record<string, string> = {
  ß: '{\\ss}', æ: '{\\ae}', Æ: '{\\AE}', ø: '{\\o}', Ø: '{\\O}', å: '{\\aa}', Å: '{\\AA}', œ: '{\\oe}', Œ: '{\\OE}',
  ł: '{\\l}', Ł: '{\\L}', ı: '{\\i}', đ: '{\\dj}', Đ: '{\\DJ}', þ: '{\\th}', Þ: '{\\TH}', ð: '{\\dh}', Ð: '{\\DH}',
  '–': '--', '—': '---', '‘': '`', '’': "'", '“': '``', '”': "''", '…': '{\\ldots}', '\u00A0': '~',
  '§': '{\\S}', '¶': '{\\P}', '†': '{\\dag}', '‡': '{\\ddag}', '©': '{\\textcopyright}', '®': '{\\textregistered}',
  '™': '{\\texttrademark}', '£': '{\\pounds}', '€': '{\\texteuro}', '•': '{\\textbullet}',
};

/**
 * Greek letters and symbols as math: classic BibTeX is 8-bit, so `α` is written `{$\alpha$}` (braced,
 * so no style lowercases `\Psi`). Greek capitals that look Latin have no command and are written as Latin.
 */
const MATH: Record<string, string> = {
  α: '\\alpha', β: '\\beta', γ: '\\gamma', δ: '\\delta', ε: '\\varepsilon', ϵ: '\\epsilon', ζ: '\\zeta', η: '\\eta',
  θ: '\\theta', ϑ: '\\vartheta', ι: '\\iota', κ: '\\kappa', λ: '\\lambda', μ: '\\mu', µ: '\\mu', ν: '\\nu', ξ: '\\xi',
  ο: 'o', π: '\\pi', ϖ: '\\varpi', ρ: '\\rho', ϱ: '\\varrho', σ: '\\sigma', ς: '\\varsigma', τ: '\\tau',
  υ: '\\upsilon', φ: '\\varphi', ϕ: '\\phi', χ: '\\chi', ψ: '\\psi', ω: '\\omega',
  Γ: '\\Gamma', Δ: '\\Delta', Θ: '\\Theta', Λ: '\\Lambda', Ξ: '\\Xi', Π: '\\Pi', Σ: '\\Sigma', Υ: '\\Upsilon',
  Φ: '\\Phi', Ψ: '\\Psi', Ω: '\\Omega', Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N',
  Ο: 'O', Ρ: 'P', Τ: 'T', Χ: 'X',
  '°': '^\\circ', '±': '\\pm', '×': '\\times', '÷': '\\div', '·': '\\cdot', '≤': '\\leq', '≥': '\\geq', '≠': '\\neq',
  '≈': '\\approx', '∼': '\\sim', '≃': '\\simeq', '≡': '\\equiv', '∝': '\\propto', '∞': '\\infty', '∂': '\\partial',
  '∇': '\\nabla', '∑': '\\sum', '∏': '\\prod', '∫': '\\int', '√': '\\surd', '∈': '\\in', '∉': '\\notin',
  '⊂': '\\subset', '⊆': '\\subseteq', '∪': '\\cup', '∩': '\\cap', '∀': '\\forall', '∃': '\\exists', '¬': '\\neg',
  '∧': '\\wedge', '∨': '\\vee', '→': '\\rightarrow', '←': '\\leftarrow', '↔': '\\leftrightarrow', '⇒': '\\Rightarrow',
  '⇐': '\\Leftarrow', '⇔': '\\Leftrightarrow', '↑': '\\uparrow', '↓': '\\downarrow', 'ℓ': '\\ell', '′': '\\prime',
  '∘': '\\circ', '⊕': '\\oplus', '⊗': '\\otimes', '∗': '\\ast', '⋆': '\\star', '−': '-',
  '¹': '^1', '²': '^2', '³': '^3',
};

/** The text symbols that classic BibTeX gets as LaTeX commands (for tests and documentation). */
export const BIBTEX_SYMBOLS: readonly string[] = [...Object.keys(MATH), '§', '¶', '†', '‡', '©', '®', '™', '£', '€', '•'];

/**
 * Escapes LaTeX's special characters only (for BibLaTeX, which reads UTF-8). BibTeX counts every
 * brace, escaped or not, so a brace with a partner is `\{`/`\}` and one without is `\textbraceleft{}`.
 */
export function escapeLatexSpecials(text: string): string {
  if (!/[\\{}&%$#_~^<>|]/.test(text)) {
    return text;
  }
  const partnered = new Set<number>();
  const open: number[] = [];
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '{') {
      open.push(index);
    } else if (text[index] === '}' && open.length > 0) {
      partnered.add(open.pop() as number).add(index);
    }
  }
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const character = text[index] as string;
    if (character === '{' || character === '}') {
      out += partnered.has(index) ? `\\${character}` : character === '{' ? '\\textbraceleft{}' : '\\textbraceright{}';
    } else {
      out += SPECIALS[character] ?? character;
    }
  }
  return out;
}

/** Escapes for classic BibTeX: special characters, accented letters as LaTeX commands ({\'e}), Greek and symbols as math. */
export function escapeBibtex(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) {
    // Printable ASCII: only the special characters need escaping.
    return escapeLatexSpecials(text);
  }
  let out = '';
  for (const cluster of escapeLatexSpecials(text).normalize('NFD').match(/\P{M}\p{M}*/gu) ?? []) {
    const [base = '', ...marks] = [...cluster];
    // A symbol that decomposes (≠ is = and a combining slash) is looked up whole.
    const symbol = marks.length === 0 ? base : cluster.normalize('NFC');
    if (marks.length === 0 || MATH[symbol]) {
      const math = MATH[symbol];
      out += LETTERS[symbol] ?? (math ? `{$${math}$}` : symbol);
      continue;
    }
    if (marks.every((mark) => ACCENTS[mark]) && /^[A-Za-z]$/.test(base)) {
      // {\'e}, and {\'i} for í (LaTeX sets í, ì, î, ï from it): not {\'\i}, which Biber and BibTeX
      // parsers read as a dotless ı and a combining accent ("Martı́nez"), a mark pdflatex cannot set.
      let letter = base;
      for (const mark of marks) {
        const command = ACCENTS[mark] as string;
        letter = /^[a-zA-Z]$/.test(command) ? `\\${command}{${letter}}` : `\\${command}${letter}`;
      }
      out += `{${letter}}`;
    } else {
      out += cluster.normalize('NFC');
    }
  }
  // Hangul decomposes into jamo that are not marks: compose them again (the commands are ASCII).
  return out.normalize('NFC');
}

/**
 * Protects words whose capitals must survive bibliography styles that lowercase titles: acronyms
 * (LLM), mixed case (DINOv3, ImageNet), words with digits and capitals (GPT-4), a capital with `++`
 * or `#` (C++, C#). `escape` runs on each piece.
 */
export function protectCapitals(title: string, escape: (text: string) => string): string {
  return title.split(/(\s+)/).map((word) => {
    if (/^\s+$/.test(word) || word.length === 0) {
      return word;
    }
    const core = word.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}+#]+$/u, '');
    // Acronyms and mixed case (LLM, DINOv3), capitals with digits (GPT-4), roman numerals (Part I), C++ and C#.
    const needsProtection = /\p{Lu}/u.test(core.slice(1)) || (/\p{Lu}/u.test(core) && /\p{N}/u.test(core)) || /^[IVX]+$/.test(core)
      || /^\p{Lu}[+#]+$/u.test(core);
    if (!needsProtection) {
      return escape(word);
    }
    const start = word.indexOf(core);
    return `${escape(word.slice(0, start))}{${escape(core)}}${escape(word.slice(start + core.length))}`;
  }).join('');
}

interface Piece {
  readonly math: boolean;
  readonly text: string;
}

/**
 * A title's text and math. A math span follows pandoc's rule for `$`: a non-space right after the
 * opening `$` and right before the closing one (the first such `$`, with no other between), no digit
 * right after it; it holds no bare word ("$1 or 2$" is money); and it must be safe to keep as it is:
 * braces balanced the way BibTeX counts them, and only allowlisted math (`isSafeMath`: a title is
 * untrusted, and `$\input{…}$` would read a file). Any other `$` is text, escaped like all text.
 * TeX escapes already in the title (`\$`, `\&`, `\%`, `\#`, `\_`, `\{`, `\}`) are the characters;
 * any other backslash is text.
 */
function splitMath(title: string): Piece[] {
  if (!/[$\\]/.test(title)) {
    return [{ math: false, text: title }];
  }
  const pieces: Piece[] = [];
  let text = '';
  for (let index = 0; index < title.length; index++) {
    const character = title[index] as string;
    const next = title[index + 1] ?? '';
    if (character === '\\' && /[$&%#_{}]/.test(next)) {
      text += next;
      index++;
      continue;
    }
    const end = character === '$' ? mathEnd(title, index) : -1;
    if (end < 0) {
      text += character;
      continue;
    }
    if (text) {
      pieces.push({ math: false, text });
      text = '';
    }
    pieces.push({ math: true, text: title.slice(index + 1, end) });
    index = end;
  }
  return text ? [...pieces, { math: false, text }] : pieces;
}

/** The index of the `$` closing a math span opened at `start`, or -1. */
function mathEnd(title: string, start: number): number {
  if (/^$|\s/.test(title[start + 1] ?? '')) {
    return -1;
  }
  const end = title.indexOf('$', start + 2);
  const content = title.slice(start + 1, end);
  if (end < 0 || /\s|\\/.test(title[end - 1] as string) || /\d/.test(title[end + 1] ?? '')) {
    return -1;
  }
  // Balanced both as BibTeX counts braces (every one) and as TeX does (escaped ones are characters).
  return balanced(content) && balanced(content.replace(/\\[{}]/g, '')) && isSafeMath(content)
    && !/(?:^|\s)[A-Za-z]{2,}(?:\s|$)/.test(content) ? end : -1;
}

/** Balanced as BibTeX counts braces: every one, escaped or not. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const character of text) {
    depth += character === '{' ? 1 : character === '}' ? -1 : 0;
    if (depth < 0) {
      return false;
    }
  }
  return depth === 0;
}

/**
 * A title for BibTeX (`bibtex`: 8-bit, accents and symbols as commands) or BibLaTeX (UTF-8): math
 * spans kept as math, braced; text escaped, with capitals protected.
 */
export function texTitle(title: string, flavour: 'bibtex' | 'biblatex'): string {
  const escape = flavour === 'bibtex' ? escapeBibtex : escapeLatexSpecials;
  return splitMath(title).map((piece, index, pieces) => {
    if (!piece.math) {
      // The rest of a word that starts with math keeps its capitals: "$\mu$P" → {$\mu$}{P}.
      const glued = pieces[index - 1]?.math ? (piece.text.match(/^\p{Lu}[^\s]*/u)?.[0] ?? '') : '';
      return `${glued && `{${escape(glued)}}`}${protectCapitals(piece.text.slice(glued.length), escape)}`;
    }
    // In classic BibTeX, Greek inside math becomes its command too: $α_1$ → $\alpha_1$.
    const math = flavour === 'bibtex' ? [...piece.text].map((character) => (MATH[character] ? `{${MATH[character]}}` : character)).join('') : piece.text;
    return `{$${math}$}`;
  }).join('');
}
