/**
 * "More like this" with MiniSearch, the library the design named: the baseline the discovery model is
 * measured against in the same run. Not shipped. MiniSearch has no similarity of two documents; what
 * people do with it is ask for the paper's own words: its title and AI keywords as an OR query (title
 * words boosted as in Search Papers), over an index of title, keywords and abstract built with our
 * tokenizer and stop words.
 */
import MiniSearch from 'minisearch';
import type { IndexInput } from '../../src/core/search/index';
import { STOP_WORDS, tokenize } from '../../src/core/search/text';

type Doc = Pick<IndexInput, 'id' | 'title' | 'text'> & { readonly keywordsText: string };

export class MiniSearchSimilar {
  private readonly mini = new MiniSearch<Doc>({
    fields: ['title', 'keywordsText', 'text'],
    idField: 'id',
    tokenize: (text) => tokenize(text),
    processTerm: (term) => (STOP_WORDS.has(term) ? null : term),
    searchOptions: { boost: { title: 3, keywordsText: 1.2, text: 1 }, combineWith: 'OR' },
  });
  private readonly queries = new Map<string, string>();

  constructor(inputs: readonly IndexInput[]) {
    this.mini.addAll(inputs.map((input) => ({ id: input.id, title: input.title, text: input.text, keywordsText: input.keywords.join(' ') })));
    inputs.forEach((input) => this.queries.set(input.id, `${input.title} ${input.keywords.join(' ')}`));
  }

  /** The `limit` papers MiniSearch ranks first for the paper's title and keywords, itself left out; `accept` may restrict them. */
  similar(id: string, limit: number, accept: (id: string) => boolean = () => true): string[] {
    const query = this.queries.get(id);
    if (query === undefined) {
      return [];
    }
    const ids: string[] = [];
    for (const result of this.mini.search(query, { filter: (result) => result.id !== id && accept(result.id as string) })) {
      ids.push(result.id as string);
      if (ids.length === limit) {
        break;
      }
    }
    return ids;
  }
}
