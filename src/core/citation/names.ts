/**
 * Author names as bibliographies need them: family, given, particle (van der, de, von), suffix (Jr.),
 * or a literal for organizations and single names. arXiv and Hugging Face give "Given Family".
 */

export interface PersonName {
  readonly family: string;
  readonly given?: string;
  /** Lowercase particle before the family name: `van der`, `de`, `von`. */
  readonly particle?: string;
  readonly suffix?: string;
}

export interface LiteralName {
  /** An organization or a single name, cited as written. */
  readonly literal: string;
}

export type Name = PersonName | LiteralName;

export function isLiteral(name: Name): name is LiteralName {
  return 'literal' in name;
}

const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'le', 'la', 'ten', 'ter', 'zu', 'op', "d'", 'af', 'av',
]);
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);
/** Words that make an author an organization. Case-sensitive: "Ai" is a family name, "AI" is not. */
const ORGANIZATION_WORDS = /\b(Team|Lab|Labs|Laboratory|Group|Collaboration|Consortium|Inc|Ltd|Corporation|University|Institute|Project|Committee|Foundation|Research|AI)\b/;
const HAN_OR_KANA = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;

/** Parses one author as written by arXiv ("Given Family", "Given van der Family, Jr."). */
export function parseName(raw: string): Name {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text.length === 0) {
    return { literal: '' };
  }
  // "DeepSeek-AI", "Qwen Team", "The ATLAS Collaboration": organizations are cited as written.
  if (!text.includes(' ') || ORGANIZATION_WORDS.test(text)) {
    return HAN_OR_KANA.test(text) ? cjkName(text) : { literal: text };
  }
  let words = text.split(' ');
  let suffix: string | undefined;
  const last = words[words.length - 1]?.replace(/^,/, '') ?? '';
  if (words.length > 2 && SUFFIXES.has(last.toLowerCase())) {
    suffix = last;
    words = words.slice(0, -1);
    words[words.length - 1] = (words[words.length - 1] ?? '').replace(/,$/, '');
  }
  if (words.every((word) => HAN_OR_KANA.test(word))) {
    // "王 小明" written family-first, as CJK names are.
    return { family: words[0] ?? '', given: words.slice(1).join(' '), ...(suffix ? { suffix } : {}) };
  }
  // The particle is the run of lowercase particle words right before the last word(s).
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has((words[start - 1] ?? '').toLowerCase()) && (words[start - 1] ?? '') === (words[start - 1] ?? '').toLowerCase()) {
    start--;
  }
  const family = words[words.length - 1] ?? '';
  const particle = words.slice(start, words.length - 1).join(' ');
  const given = words.slice(0, start).join(' ');
  return { family, ...(given ? { given } : {}), ...(particle ? { particle } : {}), ...(suffix ? { suffix } : {}) };
}

/** A name written only in Han/Kana/Hangul without spaces: family name first (one character). */
function cjkName(text: string): Name {
  const characters = [...text];
  if (characters.length < 2) {
    return { literal: text };
  }
  return { family: characters[0] as string, given: characters.slice(1).join('') };
}

/** The family name with its particle, as sorted and shown in references: "van der Maaten". */
export function fullFamily(name: PersonName): string {
  return name.particle ? `${name.particle} ${name.family}` : name.family;
}

/** Initials of the given names: "Jean-Pierre Marc" → "J.-P. M." */
export function initials(given: string | undefined, separator = ' '): string {
  if (!given) {
    return '';
  }
  return given.split(/\s+/).filter(Boolean).map((part) => part.split('-').map((piece) => {
    const first = [...piece][0] ?? '';
    return piece.endsWith('.') && [...piece].length <= 3 ? piece : `${first}.`;
  }).join('-')).join(separator);
}
