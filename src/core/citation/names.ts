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

/** Particles, matched lowercased; a capitalised one ("Van Damme", "Le Guin") belongs to the family name. */
const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'des', 'di', 'da', 'dal', 'dalla', 'dos', 'das', 'du', 'le', 'la', 'ten', 'ter', 'zu', 'op', "d'", 'af', 'av',
]);
/**
 * Family names before which a capitalised "Van", "Le", "Da"... is a Vietnamese or Chinese middle or
 * given name, not a particle: "Chien Van Nguyen", "Toan Huynh La Viet", "Wei Da Chen".
 */
const EAST_ASIAN_FAMILY = new Set([
  'Nguyen', 'Tran', 'Pham', 'Hoang', 'Huynh', 'Phan', 'Vu', 'Vo', 'Dang', 'Bui', 'Do', 'Ho', 'Ngo', 'Duong', 'Ly', 'Truong', 'Dinh', 'Doan',
  'Trinh', 'Luong', 'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo',
  'He', 'Lin', 'Gao', 'Luo', 'Zheng', 'Liang', 'Xie', 'Song', 'Tang', 'Han', 'Feng', 'Deng', 'Cao', 'Peng', 'Zeng', 'Xiao', 'Tian', 'Dong',
  'Pan', 'Yuan', 'Cai', 'Jiang', 'Yu', 'Ye', 'Cheng', 'Wei', 'Su', 'Lu', 'Ding', 'Ren', 'Shen', 'Yao', 'Zhong', 'Jin', 'Kim', 'Lee', 'Park',
]);
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);
/** Words that make an author an organization, in any case ("Qwen Team", "SIMA team", "Anthropic Inc."). */
const ORGANIZATION_WORDS = /\b(?:teams?|labs?|laborator(?:y|ies)|group|collaboration|consortium|contributors|inc|ltd|llc|corp|corporation|university|institute|project|committee|foundation|research)\b/;
/**
 * Case-sensitive ("Ai" is a family name, "AI" is not): company names no person carries, a digit
 * ("SAM 3D Team", "The Llama 3 Herd"), "et al." left in the name.
 */
const ORGANIZATION_NAMES = /\d|\b(?:AI|OpenAI|DeepMind|Anthropic|NVIDIA|Nvidia|ByteDance|Microsoft|Google|Alibaba|Tencent|Baidu|Meituan|Salesforce|Mistral|IBM)\b|\bet al\.?$/;
/** Companies whose name is also a given name ("Meta"): an organization only beside an acronym ("Meta FAIR"). */
const AMBIGUOUS_COMPANIES = new Set(['Meta', 'Apple', 'Amazon', 'Samsung', 'Intel']);
const ACRONYM = /^[A-Z][A-Z0-9&]+$/;
/** Han, Kana or Hangul only: a name written in CJK script, family name first. */
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;
const KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}]+$/u;
/** Hangul starts at U+1100: text below it cannot be CJK (a fast check; most names are Latin). */
const cjk = (text: string): boolean => text.charCodeAt(0) >= 0x1100 && CJK.test(text);

/**
 * Whether an author is an organization, by conservative fixed patterns: an organization word, a
 * company name, a digit ("SAM 3D Team", "The Llama 3 Herd"), "The" before an acronym or a camel-case
 * name, or "et al." left in the name. "The Viet Bui" and "Huawei Cao" stay people.
 */
export function isOrganization(text: string, words = text.split(' ')): boolean {
  return ORGANIZATION_NAMES.test(text) || ORGANIZATION_WORDS.test(text.toLowerCase())
    || (words[0] === 'The' && /^(?:[A-Z]{2,}|\p{Lu}\p{Ll}+\p{Lu})/u.test(words[1] ?? ''))
    || (words.some(isAmbiguousCompany) && words.some(isAcronym));
}

function isAmbiguousCompany(word: string): boolean {
  return AMBIGUOUS_COMPANIES.has(word);
}

function isAcronym(word: string): boolean {
  return ACRONYM.test(word);
}

/** Parses one author as written by arXiv ("Given Family", "Given van der Family, Jr."). */
export function parseName(raw: string): Name {
  // "and Lei Bai": the "and" of an author list left in a name.
  let text = raw.replace(/\s+/g, ' ').trim();
  if (text.startsWith('and ') || text.startsWith('& ')) {
    text = text.replace(/^(?:and|&) (?=\S+ )/, '');
  }
  if (text.length === 0) {
    return { literal: '' };
  }
  if (!text.includes(' ')) {
    return cjk(text) ? cjkName(text) : { literal: text };
  }
  let words = text.split(' ');
  // "DeepSeek-AI", "Qwen Team", "The ATLAS Collaboration": organizations are cited as written.
  if (isOrganization(text, words)) {
    return { literal: text };
  }
  let suffix: string | undefined;
  const last = words[words.length - 1]?.replace(/^,/, '') ?? '';
  if (words.length > 2 && SUFFIXES.has(last.toLowerCase())) {
    suffix = last;
    words = words.slice(0, -1);
    words[words.length - 1] = (words[words.length - 1] ?? '').replace(/,$/, '');
  }
  if (words.every(cjk)) {
    // "王 小明" written family-first, as CJK names are.
    return { family: words[0] ?? '', given: words.slice(1).join(' '), ...(suffix ? { suffix } : {}) };
  }
  return westernName(words, suffix);
}

/** A particle word, lowercase ("van") or capitalised ("Van"), never all capitals ("AF" is initials). */
function isParticle(word: string): boolean {
  return PARTICLES.has(word.toLowerCase()) && /^\p{L}\p{Ll}*'?$/u.test(word);
}

function lowercase(word: string): boolean {
  return word === word.toLowerCase();
}

/** "Given [particles] Family": the particles are the run of particle words right before the last word. */
function westernName(words: string[], suffix: string | undefined): PersonName {
  const end = words.length - 1;
  let start = end;
  while (start > 1 && isParticle(words[start - 1] ?? '')) {
    start--;
  }
  const first = words[start] ?? '';
  if (start < end && !lowercase(first) && (EAST_ASIAN_FAMILY.has(words[end] ?? '') || EAST_ASIAN_FAMILY.has(words[start - 1] ?? ''))) {
    start = end;
  }
  // A lowercase run is the particle ("van der"); capitalised particles from there on are family ("Van Damme", "De la Cruz").
  let familyStart = start;
  while (familyStart < end && lowercase(words[familyStart] ?? '')) {
    familyStart++;
  }
  const name: { -readonly [K in keyof PersonName]: PersonName[K] } = { family: words.slice(familyStart).join(' ') };
  if (start > 0) {
    name.given = words.slice(0, start).join(' ');
  }
  if (familyStart > start) {
    name.particle = words.slice(start, familyStart).join(' ');
  }
  if (suffix) {
    name.suffix = suffix;
  }
  return name;
}

/**
 * A name written in Han/Kana/Hangul without spaces, family name first: kanji before kana
 * (山田はなこ), two characters of four (欧阳修明, 山田太郎), else one (王小明, 김철수). Five or more
 * characters, or a katakana name with a middle dot (given name first), are kept whole.
 */
function cjkName(text: string): Name {
  const characters = [...text];
  const han = text.match(/^\p{Script=Han}+/u)?.[0] ?? '';
  if (han && han.length < text.length && KANA.test(text.slice(han.length))) {
    return { family: han, given: text.slice(han.length) };
  }
  if (characters.length < 2 || characters.length > 4) {
    return { literal: text };
  }
  const familyLength = characters.length === 4 ? 2 : 1;
  return { family: characters.slice(0, familyLength).join(''), given: characters.slice(familyLength).join('') };
}

/** Whether a person's name is written in CJK script: shown family first, whole, without initials. */
export function isCjk(name: PersonName): boolean {
  return name.family.charCodeAt(0) >= 0x1100 && cjk(`${name.family}${name.given ?? ''}`.replace(/ /g, ''));
}

/** A CJK name as written in references: family then given, no space (as citeproc writes them in APA). */
export function cjkFull(name: PersonName): string {
  return `${name.family}${(name.given ?? '').replace(/ /g, '')}`;
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
