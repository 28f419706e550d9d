/**
 * Adding an entry to a .bib file on disk without losing what others write to it meanwhile (a
 * reference manager's auto-export, another window): the file is read and the entry planned right
 * before the write, the entry is appended (the file is opened for appending, so the write lands at
 * its end even if it grew since), and a missing file is created exclusively, so one that appears
 * meanwhile is never replaced: the entry is planned again against it.
 */
import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import type { BibPlan } from './bibfile';

export type AppendOutcome =
  /** The file has the paper already: cite `key`. */
  | { readonly outcome: 'exists'; readonly key: string }
  /** The entry was appended to the file, or the file created with it. */
  | { readonly outcome: 'appended' | 'created'; readonly key: string }
  /** There is no file, and creating one was not allowed. */
  | { readonly outcome: 'missing' };

/** How often a file that appears between reading and creating is planned against again. */
const ATTEMPTS = 3;

/**
 * Adds what `plan` says to the .bib at `path`. `plan` gets the file's text as it is now ('' when
 * there is none); `create` allows creating a missing file. Not a regular file (a folder, a pipe,
 * a device): an error, before anything is read.
 */
export async function appendBibEntry(path: string, plan: (text: string) => BibPlan, create: boolean): Promise<AppendOutcome> {
  for (let attempt = 1; ; attempt++) {
    const text = await readIfFile(path);
    if (text === undefined && !create) {
      return { outcome: 'missing' };
    }
    const planned = plan(text ?? '');
    if (planned.action === 'exists') {
      return { outcome: 'exists', key: planned.key };
    }
    if (text !== undefined) {
      await appendFile(path, planned.text, { encoding: 'utf8', flag: 'a' });
      return { outcome: 'appended', key: planned.key };
    }
    try {
      await writeFile(path, planned.text, { encoding: 'utf8', flag: 'wx' });
      return { outcome: 'created', key: planned.key };
    } catch (error) {
      if (errorCode(error) !== 'EEXIST' || attempt >= ATTEMPTS) {
        throw error;
      }
      // Created since we looked: plan again against what it holds.
    }
  }
}

/** The text of the regular file at `path`; undefined when there is nothing there. */
async function readIfFile(path: string): Promise<string | undefined> {
  let isFile: boolean;
  try {
    isFile = (await stat(path)).isFile();
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
  if (!isFile) { // reading a pipe would wait for a writer, a device might never end
    throw new Error(`${path} is not a file.`);
  }
  return readFile(path, 'utf8');
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
