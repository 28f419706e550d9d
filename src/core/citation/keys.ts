/**
 * Citation keys: by default like arXiv's generator (first author's surname, year, then the first
 * title words that are not stopwords, lowercase ASCII) but short: words are added only while the key
 * stays within KEY_TARGET_LENGTH characters (arXiv's own keys run to 40 and more); a Google Scholar
 * preset (vaswani2017attention); or a custom pattern, not capped. The same paper always gets the same
 * key; a .bib that has the key for another paper gets it with a letter added (bibfile.ts).
 */
import type { Paper } from '../paper/model';
import { fullFamily, isLiteral, parseName } from './names';

/** Common English words skipped in keys; the project's own list, in the spirit of arXiv's. */
const STOPWORDS = new Set(`a about above across after again against all almost along also although am among an and another any
are aren't around as at be because been before being below between both but by can cannot could did do does doing done down
during each either enough even ever every few for from further get gets got had has have having he her here hers him his how
however i if in into is isn't it its itself just least less let like made make many may me might more most much must my near
neither no nor not now of off often on once one only onto or other our ours out over own per rather same she should since so
some such than that the their theirs them then there these they this those though through thus to too toward towards under
until up upon us very via was we were what when where whether which while who whom whose why will with within without would
yet you your yours`.split(/\s+/));

/** The arXiv-like key takes title words while it stays this short (grattafiori2024llama3herd). */
export const KEY_TARGET_LENGTH = 26;
/** An author's name or a first title word longer than this is cut (keys stay under ~40 whatever the title). */
const KEY_PART_LENGTH = 16;

/** The arXiv-like key as Paper Feed wrote it before keys were kept short: still recognised in documents. */
export const FULL_ARXIV_KEY: KeyFormat = '[auth][year][title:4]';

/** `arxiv`, `scholar` or a pattern such as `[auth][year][title:2]` (`string & {}` keeps the two names suggested). */
export type KeyFormat = 'arxiv' | 'scholar' | (string & {});

/** Folds to ASCII letters and digits: "Siméoni" → "Simeoni", "Łukasz" → "Lukasz", "Straße" → "Strasse". */
export function asciiFold(text: string): string {
  return text
    .replace(/ß/g, 'ss').replace(/[Ææ]/g, (c) => (c === 'Æ' ? 'AE' : 'ae')).replace(/[Øø]/g, (c) => (c === 'Ø' ? 'O' : 'o'))
    .replace(/[Łł]/g, (c) => (c === 'Ł' ? 'L' : 'l')).replace(/[Œœ]/g, (c) => (c === 'Œ' ? 'OE' : 'oe')).replace(/ı/g, 'i')
    .normalize('NFD').replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]/g, '');
}

/** The first version's date as arXiv says (enrichment), else as the paper came. */
export function firstVersionDate(paper: Paper): string | undefined {
  return paper.arxiv?.firstVersionDate ?? paper.firstVersionDate ?? paper.publishedAt;
}

/** The year to cite: the first version's when known. */
export function citationYear(paper: Paper): string | undefined {
  return (firstVersionDate(paper) ?? paper.feedDate)?.slice(0, 4);
}

/**
 * The year in a key: from the dates the paper came with, never from enrichment, so that a key
 * written before arXiv answered is the key written after (a paper's Hugging Face date and arXiv's v1
 * date can fall in different years around New Year).
 */
function keyYear(paper: Paper): string | undefined {
  return (paper.firstVersionDate ?? paper.publishedAt ?? paper.feedDate)?.slice(0, 4);
}

/** The first author's surname as keys write it (ASCII letters), or '' when there is none. */
export function firstAuthorKeyName(paper: Paper): string {
  const first = paper.authors[0];
  if (!first) {
    return '';
  }
  const name = parseName(first.name);
  return asciiFold(isLiteral(name) ? name.literal : fullFamily(name));
}

/** Title words for keys: split on spaces, stopwords dropped (as arXiv does), ASCII-folded. */
export function titleWords(paper: Paper): string[] {
  return paper.title.split(/\s+/)
    .filter((word) => !STOPWORDS.has(word.toLowerCase().replace(/[^a-z']/g, '')))
    .map(asciiFold)
    .filter((word) => word.length > 0);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/**
 * A key for `paper` in `format`: `arxiv` (default), `scholar`, or a pattern of `[auth]`, `[Auth]`,
 * `[year]`, `[title]`/`[title:N]`, `[Title:N]` and `[id]`, with other characters kept when they are
 * safe in keys (letters, digits, `_ - : .`).
 */
export function citationKey(paper: Paper, format: KeyFormat = 'arxiv'): string {
  const author = firstAuthorKeyName(paper);
  const year = keyYear(paper) ?? '';
  const words = titleWords(paper);
  let key: string;
  if (format === 'arxiv') {
    const [first = '', ...rest] = words.slice(0, 4).map((word) => word.toLowerCase());
    key = `${author.slice(0, KEY_PART_LENGTH)}${year}${first.slice(0, KEY_PART_LENGTH)}`.toLowerCase();
    for (const word of rest) {
      if (key.length + word.length > KEY_TARGET_LENGTH) {
        break;
      }
      key += word;
    }
  } else if (format === 'scholar') {
    key = `${author}${year}${words[0] ?? ''}`.toLowerCase();
  } else {
    key = format.replace(/\[(auth|Auth|year|title|Title|id)(?::(\d{1,2}))?\]/g, (_match, token: string, count?: string) => {
      const n = Math.max(1, Number(count ?? 1));
      switch (token) {
        case 'auth': return author.toLowerCase();
        case 'Auth': return capitalise(author);
        case 'year': return year;
        case 'title': return words.slice(0, n).join('').toLowerCase();
        case 'Title': return words.slice(0, n).map(capitalise).join('');
        default: return paper.id.replace('/', '');
      }
    }).replace(/[^A-Za-z0-9_\-:.]/g, '');
  }
  // No usable author (a name in a script that does not fold to ASCII): fall back to the arXiv id.
  return author.length > 0 && /^[A-Za-z]/.test(key) ? key : `arxiv${paper.id.replace(/[^0-9A-Za-z]/g, '')}`;
}
