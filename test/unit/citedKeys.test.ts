/** Every key a document cites and defines (citeSyntax.ts), per syntax: what the diagnostics read. */
import * as assert from 'node:assert/strict';
import { type CiteKind, citedKeys, definedKeys } from '../../src/core/citation/citeSyntax';

/** The cited keys, each checked to sit at its offsets, bare ones marked with a leading `~`. */
function keys(text: string, kind: CiteKind): string[] {
  return citedKeys(text, kind).map((cited) => {
    assert.equal(text.slice(cited.start, cited.end), cited.key, `${cited.key} at ${cited.start}`);
    return cited.bare ? `~${cited.key}` : cited.key;
  });
}

describe('cited keys: LaTeX', () => {
  it('reads every cite command, several keys, optional arguments and stars', () => {
    const text = 'A \\cite{a} b \\citep[see][p.~4]{b, c} \\citet*{d}\\autocite[12]{e}\n\\parencite{f}\\textcite{g}\\footcite{h} \\nocite{i}';
    assert.deepEqual(keys(text, 'latex'), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
  });

  it('skips comments and verbatim, keeps an escaped percent sign', () => {
    const text = '% \\cite{commented}\nx \\cite{real} 50\\% \\cite{after}% \\cite{tail}\n'
      + '\\begin{verbatim}\n\\cite{verb}\n\\end{verbatim}\n\\begin{lstlisting}\\cite{listing}\\end{lstlisting}\\begin{comment}\\cite{c}\\end{comment}\\cite{last}';
    assert.deepEqual(keys(text, 'latex'), ['real', 'after', 'last']);
  });

  it('\\nocite{*} cites no key; keys with : - _ . / are whole', () => {
    assert.deepEqual(keys('\\nocite{*}\\cite{doe:2020-x_y.z/w, *}', 'latex'), ['doe:2020-x_y.z/w']);
  });

  it('a key list over lines is read', () => {
    assert.deepEqual(keys('\\cite{a,\n  b}', 'latex'), ['a', 'b']);
  });

  it('\\bibitem defines keys, with or without a label; commented ones do not', () => {
    assert.deepEqual([...definedKeys('\\bibitem{one} x \\bibitem[Doe 2020]{two}\n% \\bibitem{three}', 'latex')], ['one', 'two']);
  });
});

describe('cited keys: Markdown (Pandoc)', () => {
  it('brackets and bare keys, the latter marked', () => {
    assert.deepEqual(keys('As [@a; -@b, p. 4] and @c say, [see @d].', 'pandoc'), ['a', 'b', '~c', 'd']);
  });

  it('skips e-mail addresses, code fences, inline code, HTML comments and front matter', () => {
    const text = '---\ntitle: "@front"\nbibliography: refs.bib\n---\nMail me@example.org. `[@inline]` and ``@two ` ticks``\n'
      + '```\n[@fenced]\n```\n~~~ python\n@tilde\n~~~\n<!-- [@commented] -->\n[@real]';
    assert.deepEqual(keys(text, 'pandoc'), ['real']);
  });

  it('keys end before final punctuation; internal punctuation stays', () => {
    assert.deepEqual(keys('[@doe:2020.x-y_z/w.] and [@{braced key}]', 'pandoc'), ['doe:2020.x-y_z/w', 'braced key']);
  });

  it('a bracketed link text is not a citation group', () => {
    assert.deepEqual(keys('[@handle](https://example.org)', 'pandoc'), ['~handle']);
  });

  it('defines no keys', () => {
    assert.equal(definedKeys('[@a]', 'pandoc').size, 0);
  });
});

describe('cited keys: Typst', () => {
  it('@key and #cite(<key>), not in comments or raw text', () => {
    const text = 'See @a and #cite(<b>).\n// @comment\n/* @block */ `@raw` ```\n@rawblock\n``` me@mail.org @c.';
    assert.deepEqual(keys(text, 'typst'), ['a', 'b', 'c']);
  });

  it('labels define keys', () => {
    assert.deepEqual([...definedKeys('#figure(image("a.png")) <fig-a>\n= Intro <sec:intro>\n// <commented>', 'typst')], ['fig-a', 'sec:intro']);
  });

  it('the <key> of #cite(<key>) cites it, it does not define it', () => {
    assert.deepEqual([...definedKeys('#cite(<a>) #cite( <b>) <c>', 'typst')], ['c']);
  });
});

describe('cited keys: reStructuredText', () => {
  it(':cite: and its variants, several keys', () => {
    assert.deepEqual(keys('As :cite:`a,b` and :cite:p:`c` and :cite:t:`d, e`.', 'rst'), ['a', 'b', 'c', 'd', 'e']);
  });

  it('skips comments, literal blocks, code and math directives and inline literals', () => {
    const text = [
      'Intro :cite:`a`. Example::', '', '    :cite:`literal`', '    more :cite:`literal2`', '',
      'Back :cite:`b`.', '', '.. This is a comment :cite:`comment`', '   still comment :cite:`comment2`', '',
      '.. code-block:: rst', '', '   :cite:`code`', '', '.. note::', '', '   A note :cite:`c`.', '',
      'Inline ``:cite:`inline``` and :cite:p:`d`.', '..', '  :cite:`empty-comment`', '', '.. [#f1] A footnote :cite:`e`.',
    ].join('\n');
    assert.deepEqual(keys(text, 'rst'), ['a', 'b', 'c', 'd', 'e']);
  });

  it('defines no keys', () => {
    assert.equal(definedKeys(':cite:`a`', 'rst').size, 0);
  });
});
