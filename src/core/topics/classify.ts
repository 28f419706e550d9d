/**
 * A deterministic topic classifier: every topic's terms are looked up in a paper's title, AI keywords,
 * abstract and arXiv category, weighted by where they occur; the best score is the primary topic,
 * close runners-up are secondary tags. No model, no randomness: the same paper always gets the same
 * topics, fast enough to classify every cached paper when the view is built.
 */
import type { Paper } from '../paper/model';
import { BUILT_IN_TOPICS, OTHER_TOPIC, type TopicDefinition } from './taxonomy';

export interface Topic {
  readonly id: string;
  readonly label: string;
}

export interface PaperTopics {
  /** A topic id, or `other`. */
  readonly primary: string;
  /** Other topics the paper is clearly about, strongest first (at most three). */
  readonly tags: readonly string[];
}

/** Where a term is found, and how much that says. */
const FIELD_WEIGHTS = { title: 3, keywords: 2, abstract: 1, summary: 0.5, category: 2 } as const;
/** A paper needs at least this score for a topic; below it, it is `other`. */
const MIN_SCORE = 2;
/** Secondary tags score at least this share of the primary's. */
const TAG_SHARE = 0.5;
const MAX_NGRAM = 4;
/** Users' own topics: their terms weigh this much, so that they win where they match. */
const USER_TERM_WEIGHT = 4;

interface Entry { readonly topic: number; readonly weight: number }

export interface CompiledTaxonomy {
  readonly topics: readonly Topic[];
  /** Folded word or phrase → topics it points to. */
  readonly terms: ReadonlyMap<string, readonly Entry[]>;
  /** Every start of a phrase term ("chain", "chain of"): a longer phrase is looked up only after one. */
  readonly phraseStarts: ReadonlySet<string>;
  /** Three-letter start → prefix terms with that start. */
  readonly prefixes: ReadonlyMap<string, readonly (Entry & { readonly prefix: string })[]>;
  readonly categories: readonly (Entry & { readonly category: string })[];
}

/** Folds simple plurals so that "agents" finds "agent" and "policies" finds "policy". */
export function foldWord(word: string): string {
  const length = word.length;
  if (length <= 3 || word.charCodeAt(length - 1) !== 115 /* s */) {
    return word;
  }
  const before = word.charCodeAt(length - 2);
  if (before === 115 /* s */ || before === 117 /* u */ || before === 105 /* i */) {
    return word;
  }
  if (length > 4 && before === 101 /* e */ && word.charCodeAt(length - 3) === 105 /* i */) {
    return `${word.slice(0, -3)}y`;
  }
  return word.slice(0, -1);
}

function words(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map(foldWord);
}

function parseTerm(text: string): { readonly term: string; readonly weight: number } {
  const match = /^(.*?)(?:\^(-?\d+(?:\.\d+)?))?$/.exec(text.trim());
  return { term: (match?.[1] ?? text).trim(), weight: match?.[2] !== undefined ? Number(match[2]) : 1 };
}

/**
 * Builds the lookup tables for the built-in topics plus the user's (`paperFeed.topics`: name →
 * terms). A user topic named like a built-in one (by id or label, any case) replaces its terms.
 */
export function compileTaxonomy(userTopics: Readonly<Record<string, readonly string[]>> = {}): CompiledTaxonomy {
  const definitions: TopicDefinition[] = BUILT_IN_TOPICS.map((topic) => ({ ...topic }));
  for (const [name, terms] of Object.entries(userTopics)) {
    const cleanName = name.trim().slice(0, 60);
    const cleanTerms = (Array.isArray(terms) ? terms : []).filter((term): term is string => typeof term === 'string' && term.trim().length > 0)
      .slice(0, 200).map((term) => `${term.replace(/\^.*$/, '').trim()}^${USER_TERM_WEIGHT}`);
    if (!cleanName || cleanTerms.length === 0) {
      continue;
    }
    const index = definitions.findIndex((topic) => topic.id === cleanName.toLowerCase() || topic.label.toLowerCase() === cleanName.toLowerCase());
    if (index >= 0) {
      definitions[index] = { ...(definitions[index] as TopicDefinition), terms: cleanTerms, categories: [] };
    } else if (cleanName.toLowerCase() !== OTHER_TOPIC) {
      definitions.push({ id: `user:${cleanName}`, label: cleanName, terms: cleanTerms });
    }
  }
  const terms = new Map<string, Entry[]>();
  const phraseStarts = new Set<string>();
  const prefixes = new Map<string, (Entry & { prefix: string })[]>();
  const categories: (Entry & { category: string })[] = [];
  definitions.forEach((topic, index) => {
    for (const raw of topic.terms) {
      const { term, weight } = parseTerm(raw);
      if (term.endsWith('*') && !term.includes(' ')) {
        const prefix = term.slice(0, -1).toLowerCase();
        if (prefix.length >= 3) {
          const key = prefix.slice(0, 3);
          prefixes.set(key, [...(prefixes.get(key) ?? []), { topic: index, weight, prefix }]);
        }
        continue;
      }
      const parts = words(term).slice(0, MAX_NGRAM);
      if (parts.length > 0) {
        terms.set(parts.join(' '), [...(terms.get(parts.join(' ')) ?? []), { topic: index, weight }]);
        for (let length = 1; length < parts.length; length++) {
          phraseStarts.add(parts.slice(0, length).join(' '));
        }
      }
    }
    for (const raw of topic.categories ?? []) {
      const { term, weight } = parseTerm(raw);
      categories.push({ topic: index, weight, category: term });
    }
  });
  return { topics: definitions.map(({ id, label }) => ({ id, label })), terms, phraseStarts, prefixes, categories };
}

/** Adds each distinct term found in `text` once, times `fieldWeight`. */
function scoreText(taxonomy: CompiledTaxonomy, text: string, fieldWeight: number, scores: Float64Array, found: Set<string>): void {
  const add = (key: string, entries: readonly Entry[]): void => {
    if (!found.has(key)) {
      found.add(key);
      for (const entry of entries) {
        scores[entry.topic] = (scores[entry.topic] as number) + entry.weight * fieldWeight;
      }
    }
  };
  const sequence = words(text);
  for (let start = 0; start < sequence.length; start++) {
    const word = sequence[start] as string;
    const entries = taxonomy.terms.get(word);
    if (entries) {
      add(word, entries);
    }
    const candidates = word.length >= 3 ? taxonomy.prefixes.get(word.slice(0, 3)) : undefined;
    for (const candidate of candidates ?? []) {
      if (word.startsWith(candidate.prefix)) {
        add(`*${candidate.prefix}:${candidate.topic}`, [candidate]);
      }
    }
    let phrase = word;
    for (let length = 2; length <= MAX_NGRAM && start + length <= sequence.length && taxonomy.phraseStarts.has(phrase); length++) {
      phrase = `${phrase} ${sequence[start + length - 1] as string}`;
      const longer = taxonomy.terms.get(phrase);
      if (longer) {
        add(phrase, longer);
      }
    }
  }
}

/** Scores a paper against every topic (same order as `taxonomy.topics`). */
export function scorePaper(taxonomy: CompiledTaxonomy, paper: Pick<Paper, 'title' | 'abstract' | 'aiKeywords' | 'aiSummary' | 'primaryCategory'>): Float64Array {
  const scores = new Float64Array(taxonomy.topics.length);
  scoreText(taxonomy, paper.title, FIELD_WEIGHTS.title, scores, new Set());
  const keywordTerms = new Set<string>();
  for (const keyword of paper.aiKeywords ?? []) {
    scoreText(taxonomy, keyword, FIELD_WEIGHTS.keywords, scores, keywordTerms);
  }
  scoreText(taxonomy, paper.abstract, FIELD_WEIGHTS.abstract, scores, new Set());
  if (paper.aiSummary) {
    scoreText(taxonomy, paper.aiSummary, FIELD_WEIGHTS.summary, scores, new Set());
  }
  const category = paper.primaryCategory;
  if (category) {
    for (const entry of taxonomy.categories) {
      if (category === entry.category || category.startsWith(`${entry.category}.`)) {
        scores[entry.topic] = (scores[entry.topic] as number) + entry.weight * FIELD_WEIGHTS.category;
      }
    }
  }
  return scores;
}

/** The paper's primary topic and secondary tags. */
export function classifyPaper(taxonomy: CompiledTaxonomy, paper: Pick<Paper, 'title' | 'abstract' | 'aiKeywords' | 'aiSummary' | 'primaryCategory'>): PaperTopics {
  const scores = scorePaper(taxonomy, paper);
  const ranked = [...scores.keys()].filter((index) => (scores[index] as number) >= MIN_SCORE)
    .sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  const top = ranked[0];
  if (top === undefined) {
    return { primary: OTHER_TOPIC, tags: [] };
  }
  const threshold = (scores[top] as number) * TAG_SHARE;
  return {
    primary: (taxonomy.topics[top] as Topic).id,
    tags: ranked.slice(1).filter((index) => (scores[index] as number) >= threshold).slice(0, 3).map((index) => (taxonomy.topics[index] as Topic).id),
  };
}

/** A topic's label; `other` and unknown ids read as "Other". */
export function topicLabel(taxonomy: CompiledTaxonomy, id: string): string {
  return taxonomy.topics.find((topic) => topic.id === id)?.label ?? 'Other';
}
