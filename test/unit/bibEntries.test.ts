/** The whole-.bib reader behind hovers, Go to Definition, completion and diagnostics. */
import * as assert from 'node:assert/strict';
import { bibField, entryArxivId, parseBib, plainTex, summarize } from '../../src/core/citation/bibEntries';

const entry = (text: string, key: string) => {
  const database = parseBib(text);
  const found = database.byKey.get(key.toLowerCase());
  assert.ok(found, `${key} is in the database`);
  return { database, entry: found };
};

describe('parseBib', () => {
  it('reads keys, types, fields and where each entry and key is', () => {
    const text = 'Prose before.\n@Article{Key1,\n  Title = {A {B} c},\n  YEAR = 2021,\n}\n@misc{key2}\n';
    const { entries } = parseBib(text);
    assert.deepEqual(entries.map((item) => [item.key, item.type]), [['Key1', 'article'], ['key2', 'misc']]);
    const [first] = entries;
    assert.ok(first);
    assert.equal(text.slice(first.start, first.end), '@Article{Key1,\n  Title = {A {B} c},\n  YEAR = 2021,\n}');
    assert.equal(text.slice(first.keyStart, first.keyStart + first.key.length), 'Key1');
    assert.deepEqual(first.fields, { title: 'A {B} c', year: '2021' });
  });

  it('keeps keys with : - _ . / whole, and finds them without regard to case', () => {
    const text = '@misc{a:b-c_d.e/f, title = {T}}\n@misc{Doe:2020-x_y.z/w, title = {U}}\n';
    const database = parseBib(text);
    assert.deepEqual(database.entries.map((item) => item.key), ['a:b-c_d.e/f', 'Doe:2020-x_y.z/w']);
    assert.equal(database.byKey.get('doe:2020-x_y.z/w')?.fields.title, 'U');
    const second = database.entries[1];
    assert.ok(second);
    assert.equal(text.slice(second.keyStart, second.keyStart + second.key.length), 'Doe:2020-x_y.z/w');
  });

  it('resolves @string macros, # concatenation and the month macros', () => {
    const { entry: found } = entry([
      '@STRING{jn = "Journal"}',
      '@string(full = jn # { of } # "Stuff")',
      '@article{k, journal = full, month = dec # "~15", publisher = jn # " " # "Press", year = 2021, number = "7"}',
    ].join('\n'), 'k');
    assert.deepEqual(found.fields, { journal: 'Journal of Stuff', month: 'December~15', publisher: 'Journal Press', year: '2021', number: '7' });
  });

  it('reads parenthesised entries, with parentheses inside braced values', () => {
    const { entry: found } = entry('@misc(k3, title = {Paren (with) parens}, author = "van der Berg, Jan")\n@misc{after}', 'k3');
    assert.equal(found.fields.title, 'Paren (with) parens');
    assert.equal(found.fields.author, 'van der Berg, Jan');
    assert.ok(parseBib('@misc(k3, title = {x})\n@misc{after}').byKey.has('after'));
  });

  it('skips @comment and @preamble, and an @ in prose or an e-mail address', () => {
    const database = parseBib('me@example.com wrote:\n@comment{ @article{fake, title={no}} }\n@preamble{ "\\newcommand{\\noop}[1]{}" }\n@misc{real, title = {Yes}}\n');
    assert.deepEqual(database.entries.map((item) => item.key), ['real']);
  });

  it('tolerates damage: an unclosed entry ends where the next line starting with @ begins', () => {
    const database = parseBib('@misc{k6,\n  title = {Unclosed {brace},\n  year = 2020\n@misc{k7, title = {Fine}}\n@misc{k8, title = "open quote\n@misc{k9, title = {Nine}}\n');
    assert.deepEqual(database.entries.map((item) => item.key), ['k6', 'k7', 'k8', 'k9']);
    assert.equal(database.byKey.get('k7')?.fields.title, 'Fine');
    assert.equal(database.byKey.get('k9')?.fields.title, 'Nine');
  });

  it('keeps the first of a duplicated key in byKey, and both entries in the list', () => {
    const database = parseBib('@misc{dup, title = {First}}\n@misc{DUP, title = {Second}}\n');
    assert.equal(database.entries.length, 2);
    assert.equal(database.byKey.get('dup')?.fields.title, 'First');
  });

  it('caps a huge field', () => {
    const { entry: found } = entry(`@misc{big, abstract = {${'x'.repeat(50_000)}}}`, 'big');
    assert.equal(found.fields.abstract?.length, 20_000);
  });
});

describe('bibField and summarize', () => {
  const crossref = [
    '@inproceedings{child, crossref = {Parent}, author = "A. B", title = {Child paper}}',
    '@inproceedings{orphan, crossref = {parent}, author = "C. D"}',
    '@proceedings{parent, title = {Proceedings of X}, year = {2019}, publisher = {P}}',
  ].join('\n');

  it('follows crossref for missing fields, the parent\'s title becoming the booktitle', () => {
    const { database, entry: child } = entry(crossref, 'child');
    assert.equal(bibField(database, child, 'year'), '2019');
    assert.equal(bibField(database, child, 'booktitle'), 'Proceedings of X');
    assert.equal(bibField(database, child, 'title'), 'Child paper');
    assert.equal(bibField(database, child, 'volume'), undefined);
  });

  it('never gives a child the parent\'s title as its own', () => {
    const { database, entry: orphan } = entry(crossref, 'orphan');
    assert.equal(bibField(database, orphan, 'title'), undefined);
    assert.deepEqual(summarize(database, orphan), { key: 'orphan', title: '', authors: ['C. D'], year: '2019', venue: 'Proceedings of X', abstract: '' });
  });

  it('summarizes: plain-text title, authors as written first-name first, year, venue, arXiv id', () => {
    const { database, entry: found } = entry([
      '@article{s, title = {The {BIG} \\emph{Title}}, author = {Smith, John and M{\\"u}ller, Anna and {Google Research}},',
      ' date = {2020-05-01}, journaltitle = {J}, eprint = {2401.12345v2}, abstract = {An\n  abstract.}}',
    ].join('\n'), 's');
    assert.deepEqual(summarize(database, found), {
      key: 's', title: 'The BIG Title', authors: ['John Smith', 'Anna Muller', 'Google Research'], year: '2020', venue: 'J', abstract: 'An abstract.', arxivId: '2401.12345',
    });
  });

  it('finds the arXiv id in eprint, an arXiv DOI, an arXiv URL or the journal field', () => {
    const text = [
      '@misc{e, eprint = {hep-th/9901001}}', '@misc{d, doi = {https://doi.org/10.48550/arXiv.2401.12345}}',
      '@misc{u, url = {https://arxiv.org/pdf/2401.12346v3.pdf}}', '@misc{j, journal = {arXiv preprint arXiv:2401.12347}}',
      '@misc{n, url = {https://example.com/2401.12348}, doi = {10.1000/xyz}}',
    ].join('\n');
    const database = parseBib(text);
    const ids = database.entries.map((item) => entryArxivId(database, item));
    assert.deepEqual(ids, ['hep-th/9901001', '2401.12345', '2401.12346', '2401.12347', undefined]);
  });

  it('plainTex drops markup and keeps the words', () => {
    assert.equal(plainTex('{\\"O}zt{\\"u}rk \\& \\textbf{Bold}~text  {with} \\% sign'), 'Ozturk & Bold text with % sign');
  });
});
