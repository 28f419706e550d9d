/**
 * The fake Hugging Face's full texts: `GET /papers/{id}.md` answers what a test set for the id
 * (`POST /__fulltext` with `{ "<id>": { body, status?, contentType? } | null }`), else the hand-written
 * sample of test/fixtures/fulltext for the id, else 404 with an HTML page, as huggingface.co does for
 * a paper it does not know.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { root } from './paths';

export interface FullTextAnswer {
  readonly body: string;
  readonly status?: number;
  readonly contentType?: string;
}

const PATH = /^\/papers\/(\d{4}\.\d{4,5}(?:v\d+)?)\.md$/;

/** The id of a full-text request's path, or undefined for any other path. */
export function fullTextRequestId(path: string): string | undefined {
  return PATH.exec(path)?.[1];
}

export function answerFullText(id: string, overrides: ReadonlyMap<string, FullTextAnswer>, response: ServerResponse): void {
  const sample = join(root, 'test', 'fixtures', 'fulltext', `${id}.md`);
  const answer = overrides.get(id) ?? (existsSync(sample) ? { body: readFileSync(sample, 'utf8') } : undefined);
  if (!answer) {
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html><head><title>404</title></head><body><h1>404</h1><p>Sorry, we can’t find the page you are looking for.</p></body></html>');
    return;
  }
  response.writeHead(answer.status ?? 200, { 'content-type': answer.contentType ?? 'text/markdown; charset=utf-8' });
  response.end(answer.body);
}
