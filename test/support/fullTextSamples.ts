/**
 * The hand-written answers of `GET /papers/{id}.md` in test/fixtures/fulltext (see its README), read
 * for the fake server and the unit tests. The hostile sample's large parts are made here, to keep the
 * file small: a 300 kB line, lists and block quotes 200 levels deep, 5,000 headings.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './paths';

export const FULLTEXT_FIXTURES = join(root, 'test', 'fixtures', 'fulltext');
/** The paper each sample stands for. */
export const FULL_TEXT_ID = '2608.19880';
export const OLD_STYLE_ID = '2608.17253';
export const ABSTRACT_ONLY_ID = '2608.18580';
export const HOSTILE_ID = '2608.20335';
export const SAMPLE_IDS: readonly string[] = [FULL_TEXT_ID, OLD_STYLE_ID, ABSTRACT_ONLY_ID, HOSTILE_ID];

const DEPTH = 200;
const HEADINGS = 5_000;

/** The sample answer for `id`, or undefined when there is none. */
export function fullTextSample(id: string): string | undefined {
  if (id === HOSTILE_ID) {
    return hostileSample();
  }
  const file = join(FULLTEXT_FIXTURES, `${id}.md`);
  return SAMPLE_IDS.includes(id) && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

let hostile: string | undefined;

export function hostileSample(): string {
  hostile ??= readFileSync(join(FULLTEXT_FIXTURES, 'hostile.md'), 'utf8')
    .replace('{{LONG_LINE}}', longLine())
    .replace('{{DEEP_LIST}}', Array.from({ length: DEPTH }, (_, depth) => `${'  '.repeat(depth)}- level ${depth} [deep](command:workbench.action.terminal.new)`).join('\n'))
    .replace('{{DEEP_QUOTE}}', `${'> '.repeat(DEPTH)}quoted 200 deep <img src=x onerror=alert(3)>`)
    .replace('{{MANY_HEADINGS}}', Array.from({ length: HEADINGS }, (_, index) => `## Heading ${index}\n\ntext ${index}\n`).join('\n'));
  return hostile;
}

/** 300 kB on one line: words, a link and markup every few kilobytes. */
function longLine(): string {
  const chunk = 'word '.repeat(400) + '<b>bold</b> [l](javascript:alert(1)) ';
  return chunk.repeat(Math.ceil(300_000 / chunk.length)).slice(0, 300_000);
}
