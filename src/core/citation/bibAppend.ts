/**
 * Adding entries to a .bib file on disk without losing what others write to it meanwhile (a
 * reference manager's auto-export, another window): the file is read and the entries planned right
 * before the write, they are appended (the file is opened for appending, so the write lands at
 * its end even if it grew since), and a missing file is created exclusively, so one that appears
 * meanwhile is never replaced: the entries are planned again against it.
 */
import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import type { BibPlan } from './bibfile';

/** What a plan asks of a .bib: to leave it as it is (`exists`: it has everything already), or to append `text`. */
export type BibChange = { readonly action: 'exists' } | { readonly action: 'append'; readonly text: string };

/** What else a plan says (for one entry, `key`: the key to cite), returned with what was done. */
export type PlanDetails<P extends BibChange> = P extends unknown ? Omit<P, 'action' | 'text'> : never;
/** What was done (`outcome`), with the plan's own details. */
export type BibOutcome<P extends BibChange, O extends string> = PlanDetails<P> & { readonly outcome: O };

export type AppendOutcome<P extends BibChange = BibPlan> =
  /**
   * `exists`: the file has it all already, and nothing was written; `appended`: the text was appended
   * to the file; `created`: the file was created with it.
   */
  | BibOutcome<P, 'exists' | 'appended' | 'created'>
  /** There is no file, and creating one was not allowed. */
  | { readonly outcome: 'missing' };

/** How often a file that appears between reading and creating is planned against again. */
const ATTEMPTS = 3;

/** A .bib as seen by appendPlanned: what it holds, and the two ways of adding to it. */
export interface BibStore {
  /** The file's text; undefined when there is no file. */
  read(): Promise<string | undefined>;
  /** Adds `text` at the end of the file, which held `current` when it was read. */
  append(text: string, current: string): Promise<void>;
  /** Creates the file with `text` if there still is none; false when one has appeared. */
  create(text: string): Promise<boolean>;
}

/**
 * Adds what `plan` says to the .bib at `path`: one entry (planBibAppend) or several (planBibAppends).
 * `plan` gets the file's text as it is now ('' when there is none); `create` allows creating a
 * missing file. Not a regular file (a folder, a pipe, a device): an error, before anything is read.
 */
export async function appendBibEntry<P extends BibChange>(path: string, plan: (text: string) => P, create: boolean): Promise<AppendOutcome<P>> {
  return appendPlanned(diskBib(path), plan, create);
}

/** appendBibEntry for any store: read, plan and write, planning again against a file that appears meanwhile. */
export async function appendPlanned<P extends BibChange>(store: BibStore, plan: (text: string) => P, create: boolean): Promise<AppendOutcome<P>> {
  for (let attempt = 1; ; attempt++) {
    const text = await store.read();
    if (text === undefined && !create) {
      return { outcome: 'missing' };
    }
    const planned = plan(text ?? '');
    if (planned.action === 'exists') {
      return outcomeOf('exists', planned);
    }
    if (text !== undefined) {
      await store.append(planned.text, text);
      return outcomeOf('appended', planned);
    }
    if (await store.create(planned.text)) {
      return outcomeOf('created', planned);
    }
    if (attempt >= ATTEMPTS) {
      throw new Error('the file appeared and vanished again while Paper Feed was adding to it; try again');
    }
    // Created since we looked: plan again against what it holds.
  }
}

/**
 * The file on disk: opened for appending, so the write lands at its end even if it grew since it was
 * read; created exclusively, so one that appeared meanwhile is never replaced.
 */
function diskBib(path: string): BibStore {
  return {
    read: () => readIfFile(path),
    append: (text) => appendFile(path, text, { encoding: 'utf8', flag: 'a' }),
    create: async (text) => {
      try {
        await writeFile(path, text, { encoding: 'utf8', flag: 'wx' });
        return true;
      } catch (error) {
        if (errorCode(error) === 'EEXIST') {
          return false;
        }
        throw error;
      }
    },
  };
}

/** What was done, with the plan's own details. */
export function outcomeOf<P extends BibChange, O extends string>(outcome: O, planned: P): BibOutcome<P, O> {
  const details = Object.fromEntries(Object.entries(planned).filter(([name]) => name !== 'action' && name !== 'text'));
  return { ...details, outcome } as BibOutcome<P, O>;
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
