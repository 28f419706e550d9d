import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendBibEntry } from '../../src/core/citation/bibAppend';
import { type BibCandidate, type BibPlan, planBibAppend, planBibAppends } from '../../src/core/citation/bibfile';

const ID = '2508.10104';
const entry = (key: string): string => `@misc{${key},\n  title = {{DINOv3}},\n  eprint = {${ID}},\n}\n`;
const plan = (text: string): BibPlan => planBibAppend(text, ID, 'simeoni2025dinov3', `10.48550/arXiv.${ID}`, entry);
const OTHER = '@misc{other2025,\n  title = {Another},\n}\n';

describe('adding an entry to a .bib on disk', () => {
  let dir: string;
  let bib: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paper-feed-bib-'));
    bib = join(dir, 'refs.bib');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends, leaving every byte before it as it was (a BOM, CRLF line endings)', async () => {
    const before = '\uFEFF@misc{a,\r\n  title = {A},\r\n}\r\n';
    writeFileSync(bib, before);
    assert.deepEqual(await appendBibEntry(bib, plan, false), { outcome: 'appended', key: 'simeoni2025dinov3' });
    const after = readFileSync(bib, 'utf8');
    assert.ok(after.startsWith(before));
    assert.equal(after.slice(before.length), '\r\n@misc{simeoni2025dinov3,\r\n  title = {{DINOv3}},\r\n  eprint = {2508.10104},\r\n}\r\n');
  });

  it('cites the entry the file has already, and writes nothing', async () => {
    writeFileSync(bib, entry('mine'));
    assert.deepEqual(await appendBibEntry(bib, plan, true), { outcome: 'exists', key: 'mine' });
    assert.equal(readFileSync(bib, 'utf8'), entry('mine'));
  });

  it('creates a missing file only when allowed', async () => {
    assert.deepEqual(await appendBibEntry(bib, plan, false), { outcome: 'missing' });
    assert.ok(!existsSync(bib));
    assert.deepEqual(await appendBibEntry(bib, plan, true), { outcome: 'created', key: 'simeoni2025dinov3' });
    assert.equal(readFileSync(bib, 'utf8'), entry('simeoni2025dinov3'));
  });

  it('keeps an entry another program appends between the read and the write', async () => {
    writeFileSync(bib, OTHER);
    let planned = 0;
    const racing = (text: string): BibPlan => {
      if (planned++ === 0) {
        appendFileSync(bib, '\n@misc{exported2025,\n  title = {Exported meanwhile},\n}\n');
      }
      return plan(text);
    };
    await appendBibEntry(bib, racing, false);
    const after = readFileSync(bib, 'utf8');
    assert.ok(after.startsWith(OTHER));
    assert.match(after, /@misc\{exported2025,/);
    assert.match(after, /@misc\{simeoni2025dinov3,/);
  });

  it('never replaces a file created between the read and the create: plans again against it', async () => {
    for (const created of [OTHER, entry('theirs')]) {
      rmSync(bib, { force: true });
      let planned = 0;
      const racing = (text: string): BibPlan => {
        if (planned++ === 0) {
          writeFileSync(bib, created);
        }
        return plan(text);
      };
      const outcome = await appendBibEntry(bib, racing, true);
      const after = readFileSync(bib, 'utf8');
      assert.ok(after.startsWith(created), 'what the other program wrote is kept');
      if (created === OTHER) {
        assert.deepEqual(outcome, { outcome: 'appended', key: 'simeoni2025dinov3' });
        assert.match(after, /@misc\{simeoni2025dinov3,/);
      } else {
        assert.deepEqual(outcome, { outcome: 'exists', key: 'theirs' }, 'the paper it holds is cited, not added twice');
        assert.equal(after, created);
      }
    }
  });

  it('refuses what is not a regular file without reading it: a folder, a named pipe', async () => {
    mkdirSync(bib);
    await assert.rejects(appendBibEntry(bib, plan, true), /not a file/);
    const pipe = join(dir, 'pipe.bib');
    assert.equal(spawnSync('mkfifo', [pipe]).status, 0, 'mkfifo');
    await assert.rejects(appendBibEntry(pipe, plan, true), /not a file/, 'reading a pipe would wait for a writer forever');
  });

  it('adds several papers in one append, each planned against those before it: none twice, no key taken twice', async () => {
    const candidate = (arxivId: string, wantedKey: string): BibCandidate => ({
      arxivId, wantedKey, doi: `10.48550/arXiv.${arxivId}`, entry: (key) => `@misc{${key},\n  eprint = {${arxivId}},\n}\n`,
    });
    const list = [candidate('2501.00001', 'same2025'), candidate(ID, 'simeoni2025dinov3'), candidate('2501.00002', 'same2025'), candidate('2501.00001', 'again')];
    writeFileSync(bib, entry('mine'));
    const keys = ['same2025', 'mine', 'same2025a', 'same2025'];
    assert.deepEqual(await appendBibEntry(bib, (text) => planBibAppends(text, list), false), { outcome: 'appended', keys, added: 2 });
    assert.equal(readFileSync(bib, 'utf8'), `${entry('mine')}\n@misc{same2025,\n  eprint = {2501.00001},\n}\n\n@misc{same2025a,\n  eprint = {2501.00002},\n}\n`);
    assert.deepEqual(await appendBibEntry(bib, (text) => planBibAppends(text, list), false), { outcome: 'exists', keys, added: 0 }, 'a second export adds nothing');
  });
});
