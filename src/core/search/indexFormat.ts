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
export const INDEX_VERSION = 2;
const MAGIC = 0x50465349; // "PFSI"

/** What an index is made of, as saved and as loaded. */
export interface IndexParts {
  readonly documents: Documents;
  readonly vocabulary: Vocabulary;
  readonly postings: Postings;
}

/** The file's bytes. The postings must be compacted and the deletion table rebuilt first. */
export function writeIndexFile({ documents, vocabulary, postings }: IndexParts): Uint8Array {
  const docs = documents.list;
  const prefixKeys = [...vocabulary.prefixTop.keys()];
  const prefixOffsets = new Int32Array(prefixKeys.length + 1);
  const prefixTerms: number[] = [];
  prefixKeys.forEach((key, index) => {
    prefixOffsets[index] = prefixTerms.length;
    prefixTerms.push(...(vocabulary.prefixTop.get(key) as number[]));
  });
  prefixOffsets[prefixKeys.length] = prefixTerms.length;
  const tinyKeys = [...documents.tinyTop.keys()];
  const tinyOffsets = new Int32Array(tinyKeys.length + 1);
  const tinyDocs: number[] = [];
  tinyKeys.forEach((key, index) => {
    tinyOffsets[index] = tinyDocs.length;
    tinyDocs.push(...(documents.tinyTop.get(key) as number[]));
  });
  tinyOffsets[tinyKeys.length] = tinyDocs.length;
  const sections = [
    postings.offsets, postings.docs, Int32Array.from(vocabulary.sortedTerms), Int32Array.from(documents.titleOrder),
    prefixOffsets, Int32Array.from(prefixTerms), vocabulary.typos.hashes, vocabulary.typos.terms, tinyOffsets, Int32Array.from(tinyDocs),
  ];
  const header = new TextEncoder().encode(JSON.stringify({
    format: INDEX_FORMAT, version: INDEX_VERSION,
    ids: docs.map((doc) => doc.id), titles: docs.map((doc) => doc.title), upvotes: docs.map((doc) => doc.upvotes),
    dates: docs.map((doc) => doc.date), code: docs.map((doc) => (doc.hasCode ? 1 : 0)), orgs: docs.map((doc) => doc.org),
    authors: docs.map((doc) => doc.authors), topics: docs.map((doc) => doc.topic),
    terms: vocabulary.terms.join('\n'), termFields: vocabulary.termFields, prefixKeys: prefixKeys.join('\n'), tinyKeys: tinyKeys.join('\n'),
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
  const column = <T>(name: string): T[] => header[name] as T[];
  const titles = column<string>('titles');
  const upvotes = column<number>('upvotes');
  const dates = column<string>('dates');
  const code = column<number>('code');
  const orgs = column<string>('orgs');
  const authors = column<string>('authors');
  const topics = column<string>('topics');
  ids.forEach((id, number) => {
    documents.list.push({
      id, title: titles[number] ?? '', upvotes: upvotes[number] ?? 0, date: dates[number] ?? '', hasCode: code[number] === 1,
      org: orgs[number] ?? '', authors: authors[number] ?? '', topic: topics[number] ?? 'other',
    });
    documents.numbers.set(id, number);
  });
  documents.deleted = new Set(Array.isArray(header.deleted) ? (header.deleted as number[]) : []);
  const terms = (header.terms as string).length > 0 ? (header.terms as string).split('\n') : [];
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
  const prefixTop = new Map<string, number[]>();
  const prefixKeys = (header.prefixKeys as string).length > 0 ? (header.prefixKeys as string).split('\n') : [];
  prefixKeys.forEach((key, number) => {
    prefixTop.set(key, Array.from(prefixTerms.subarray(prefixOffsets[number] as number, prefixOffsets[number + 1] as number)));
  });
  const tinyKeys = (header.tinyKeys as string).length > 0 ? (header.tinyKeys as string).split('\n') : [];
  tinyKeys.forEach((key, number) => {
    documents.tinyTop.set(key, Array.from(tinyDocs.subarray(tinyOffsets[number] as number, tinyOffsets[number + 1] as number)));
  });
  // One posting per paper and term: a term's postings count its papers.
  const vocabulary = Vocabulary.restore({ terms, df: postings.counts(termCount), termFields: header.termFields as number[], sortedTerms, prefixTop });
  vocabulary.typos.hashes = typoHashes;
  vocabulary.typos.terms = typoTerms;
  return { documents, vocabulary, postings };
}
