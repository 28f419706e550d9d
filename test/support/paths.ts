import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The project root. */
export const root = resolve(__dirname, '..', '..');

/** ../shared beside the project root: the corpus, the seed and the contract, read at run time. */
export const shared = resolve(root, '..', 'shared');

export function sharedPath(...parts: string[]): string {
  const path = join(shared, ...parts);
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: the tests read ../shared (beside the project root) at run time.`);
  }
  return path;
}
