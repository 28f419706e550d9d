/**
 * The saved search index: a compact, versioned binary file. "PFSI", the length of a JSON header
 * (the papers, the terms, the keys of the prefix lists, the section lengths), the header padded to
 * four bytes, then the typed-array sections in a fixed order, and the posting masks last. Reading
 * copies each section into a fresh, aligned buffer and checks that the parts agree; anything else
 * throws, and the caller rebuilds.
 */
import { Documents } from './documents';
import { Postings } from './postings';
import { Vocabulary } from './vocabulary';

export const INDEX_FORMAT = 'paper-feed.search-index';
/** 3: each paper's card (title as published, first authors, author count, code repository and stars). */
export const INDEX_VERSION = 3;
const MAGIC = 0x50465349; // "PFSI"

/** What an index is made of, as saved and as loaded. */
export interface IndexParts {
  readonly documents: Documents;
  readonly vocabulary: Vocabulary;
  readonly postings: Postings;
}

/** Short lists by key (prefix → terms, tiny prefix → papers) as the file keeps them: keys, offsets, one flat array. */
interface PackedLists {
  readonly keys: string[];
  readonly offsets: Int32Array;
  readonly values: Int32Array;
}

function packLists(lists: ReadonlyMap<string, readonly number[]>): PackedLists {
  const keys = [...lists.keys()];
  const offsets = new Int32Array(keys.length + 1);
  const values: number[] = [];
  keys.forEach((key, index) => {
    offsets[index] = values.length;
    values.push(...(lists.get(key) as number[]));
  });
  offsets[keys.length] = values.length;
  return { keys, offsets, values: Int32Array.from(values) };
}

function unpackLists(keys: readonly string[], offsets: Int32Array, values: Int32Array): Map<string, number[]> {
  const lists = new Map<string, number[]>();
  keys.forEach((key, number) => {
    lists.set(key, Array.from(values.subarray(offsets[number] as number, offsets[number + 1] as number)));
  });
  return lists;
}

/** Lines of a header field joined with `\n`; none for an empty one. A field that is not text is damage. */
function lines(text: unknown): string[] {
  if (typeof text !== 'string') {
    throw new Error('the search index file is damaged');
  }
  return text.length > 0 ? text.split('\n') : [];
}

/** The file's bytes. The postings must be compacted and the deletion table rebuilt first. */
export function writeIndexFile({ documents, vocabulary, postings }: IndexParts): Uint8Array {
  const docs = documents.list;
  const prefix = packLists(vocabulary.prefixTop);
  const tiny = packLists(documents.tinyTop);
  const sections = [
    postings.offsets, postings.docs, Int32Array.from(vocabulary.sortedTerms), Int32Array.from(documents.titleOrder),
    prefix.offsets, prefix.values, vocabulary.typos.hashes, vocabulary.typos.terms, tiny.offsets, tiny.values,
  ];
  const header = new TextEncoder().encode(JSON.stringify({
    format: INDEX_FORMAT, version: INDEX_VERSION,
    ids: docs.map((doc) => doc.id), titles: docs.map((doc) => doc.title), upvotes: docs.map((doc) => doc.upvotes),
    dates: docs.map((doc) => doc.date), code: docs.map((doc) => (doc.hasCode ? 1 : 0)), orgs: docs.map((doc) => doc.org),
    authors: docs.map((doc) => doc.authors), topics: docs.map((doc) => doc.topic),
    displays: docs.map((doc) => doc.display), names: docs.map((doc) => doc.names), authorCounts: docs.map((doc) => doc.authorCount),
    repos: docs.map((doc) => doc.repo), stars: docs.map((doc) => doc.stars),
    terms: vocabulary.terms.join('\n'), termFields: vocabulary.termFields, prefixKeys: prefix.keys.join('\n'), tinyKeys: tiny.keys.join('\n'),
    deleted: [...documents.deleted],
    lengths: sections.map((section) => section.length),
  }));
  const padded = Math.ceil(header.length / 4) * 4;
  const size = 8 + padded + sections.reduce((sum, section) => sum + section.byteLength, 0) + postings.masks.length;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC);
  view.setUint32(4, header.length);
  bytes.set(header, 8);
  let at = 8 + padded;
  for (const section of sections) {
    bytes.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), at);
    at += section.byteLength;
  }
  bytes.set(postings.masks, at);
  return bytes;
}

/** Reads `writeIndexFile`'s output; throws on anything else. */
export function readIndexFile(bytes: Uint8Array): IndexParts {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 8 || view.getUint32(0) !== MAGIC) {
    throw new Error('not a Paper Feed search index');
  }
  const headerLength = view.getUint32(4);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Record<string, unknown>;
  if (header.format !== INDEX_FORMAT || header.version !== INDEX_VERSION) {
    throw new Error(`search index version ${String(header.version)}, expected ${INDEX_VERSION}`);
  }
  const documents = new Documents();
  const ids = header.ids as string[];
  if (!Array.isArray(ids)) {
    throw new Error('the search index file is damaged');
  }
  const column = <T>(name: string): T[] => header[name] as T[];
  const titles = column<string>('titles');
  const upvotes = column<number>('upvotes');
  const dates = column<string>('dates');
  const code = column<number>('code');
  const orgs = column<string>('orgs');
  const authors = column<string>('authors');
  const topics = column<string>('topics');
  const displays = column<string>('displays');
  const names = column<string>('names');
  const authorCounts = column<number>('authorCounts');
  const repos = column<string>('repos');
  const stars = column<number>('stars');
  if (![titles, upvotes, dates, code, orgs, authors, topics, displays, names, authorCounts, repos, stars].every((values) => Array.isArray(values) && values.length === ids.length)) {
    throw new Error('the search index file is damaged');
  }
  ids.forEach((id, number) => {
    documents.list.push({
      id, title: titles[number] ?? '', upvotes: upvotes[number] ?? 0, date: dates[number] ?? '', hasCode: code[number] === 1,
      org: orgs[number] ?? '', authors: authors[number] ?? '', topic: topics[number] ?? 'other',
      display: displays[number] ?? '', names: names[number] ?? '', authorCount: authorCounts[number] ?? 0, repo: repos[number] ?? '', stars: stars[number] ?? -1,
    });
    documents.numbers.set(id, number);
  });
  documents.deleted = new Set(Array.isArray(header.deleted) ? (header.deleted as number[]) : []);
  const terms = lines(header.terms);
  const lengths = header.lengths as number[];
  let at = bytes.byteOffset + 8 + Math.ceil(headerLength / 4) * 4;
  // Each section is copied into a fresh, aligned buffer.
  const end = bytes.byteOffset + bytes.byteLength;
  const section = <T>(make: (buffer: ArrayBuffer) => T, index: number, width: number): T => {
    const length = lengths[index] ?? 0;
    if (at + width * length > end) {
      throw new Error('the search index file is truncated');
    }
    const buffer = bytes.buffer.slice(at, at + width * length) as ArrayBuffer;
    at += width * length;
    return make(buffer);
  };
  const postings = new Postings();
  postings.offsets = section((buffer) => new Int32Array(buffer), 0, 4);
  postings.docs = section((buffer) => new Int32Array(buffer), 1, 4);
  const sortedTerms = Array.from(section((buffer) => new Int32Array(buffer), 2, 4));
  documents.titleOrder = Array.from(section((buffer) => new Int32Array(buffer), 3, 4));
  const prefixOffsets = section((buffer) => new Int32Array(buffer), 4, 4);
  const prefixTerms = section((buffer) => new Int32Array(buffer), 5, 4);
  const typoHashes = section((buffer) => new Uint32Array(buffer), 6, 4);
  const typoTerms = section((buffer) => new Int32Array(buffer), 7, 4);
  const tinyOffsets = section((buffer) => new Int32Array(buffer), 8, 4);
  const tinyDocs = section((buffer) => new Int32Array(buffer), 9, 4);
  const postingCount = postings.docs.length;
  if (at + postingCount > end) {
    throw new Error('the search index file is truncated');
  }
  postings.masks = new Uint8Array(bytes.buffer.slice(at, at + postingCount) as ArrayBuffer);
  const termCount = terms.length;
  if (postings.masks.length !== postingCount || postings.offsets.length !== termCount + 1 || postings.offsets[termCount] !== postingCount
    || sortedTerms.length !== termCount || documents.titleOrder.length !== ids.length) {
    throw new Error('the search index file is damaged or truncated');
  }
  const prefixTop = unpackLists(lines(header.prefixKeys), prefixOffsets, prefixTerms);
  documents.tinyTop = unpackLists(lines(header.tinyKeys), tinyOffsets, tinyDocs);
  // One posting per paper and term: a term's postings count its papers.
  const vocabulary = Vocabulary.restore({ terms, df: postings.counts(termCount), termFields: header.termFields as number[], sortedTerms, prefixTop });
  vocabulary.typos.hashes = typoHashes;
  vocabulary.typos.terms = typoTerms;
  return { documents, vocabulary, postings };
}
