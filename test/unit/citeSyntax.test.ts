/** The key being typed at the cursor, in every citation syntax completion knows. */
import * as assert from 'node:assert/strict';
import { type CiteKind, citeContextAt, inFencedCode } from '../../src/core/citation/citeSyntax';

/** The context at the `|` of `template` (the bar is not part of the text). */
function at(kind: CiteKind, template: string): ReturnType<typeof citeContextAt> & object | undefined {
  const offset = template.indexOf('|');
  assert.ok(offset >= 0, 'the template marks the cursor with |');
  const text = template.slice(0, offset) + template.slice(offset + 1);
  return citeContextAt(text, offset, kind);
}

/** The key's text as the range covers it. */
function keyText(template: string, context: { start: number; end: number }): string {
  return template.replace('|', '').slice(context.start, context.end);
}

describe('citeContextAt', () => {
  describe('LaTeX', () => {
    it('in \\cite{…}: the typed prefix, and the range up to the end of a half-typed key', () => {
      const template = 'As shown \\cite{vasw|ani2017} here.';
      const context = at('latex', template);
      assert.ok(context);
      assert.equal(context.prefix, 'vasw');
      assert.equal(keyText(template, context), 'vaswani2017');
      assert.deepEqual(context.others, []);
    });

    it('right after the brace: an empty prefix', () => {
      const context = at('latex', 'See \\cite{|}');
      assert.equal(context?.prefix, '');
      assert.equal(context?.start, context?.end);
    });

    for (const command of ['citep', 'citet', 'autocite', 'parencite', 'textcite', 'footcite', 'Textcite', 'citeauthor', 'nocite', 'cite*', 'citep*', 'parencite*']) {
      it(`\\${command}`, () => {
        assert.equal(at('latex', `x \\${command}{dino|}`)?.prefix, 'dino');
      });
    }

    it('after optional arguments: \\citep[p.~4]{…} and \\autocite[see][12]{…}', () => {
      assert.equal(at('latex', '\\citep[p.~4]{dino|}')?.prefix, 'dino');
      assert.equal(at('latex', '\\autocite[see][12]{di|}')?.prefix, 'di');
      assert.equal(at('latex', '\\textcite [chap.~2] {|}')?.prefix, '');
    });

    it('after a comma inside the braces: the other keys before and after are listed', () => {
      const template = '\\cite{vaswani2017attention, oq|, he2016deep}';
      const context = at('latex', template);
      assert.ok(context);
      assert.equal(context.prefix, 'oq');
      assert.deepEqual(context.others, ['vaswani2017attention', 'he2016deep']);
      assert.equal(keyText(template, context), 'oq');
      assert.equal(at('latex', '\\cite{a,|}')?.prefix, '');
    });

    it('not in a % comment, but after an escaped \\% it is', () => {
      assert.equal(at('latex', '% \\cite{dino|}'), undefined);
      assert.equal(at('latex', 'text % old: \\cite{dino|}'), undefined);
      assert.equal(at('latex', '50\\% of \\cite{dino|}')?.prefix, 'dino');
      assert.equal(at('latex', 'a\\\\% \\cite{dino|}'), undefined, '\\\\% is a line break, then a comment');
    });

    it('not outside a citation: other commands, closed braces, a brace of another line', () => {
      assert.equal(at('latex', '\\section{dino|}'), undefined);
      assert.equal(at('latex', '\\cite{a} dino|'), undefined);
      assert.equal(at('latex', '\\cite{a\nb|'), undefined);
      assert.equal(at('latex', '\\ref{fig:|}'), undefined);
    });
  });

  describe('Pandoc (Markdown, Quarto, R Markdown)', () => {
    it('[@…]', () => {
      const template = 'As [@vasw|ani2017] shows.';
      const context = at('pandoc', template);
      assert.equal(context?.prefix, 'vasw');
      assert.equal(context && keyText(template, context), 'vaswani2017');
    });

    it('[see @a; @…] lists the other keys of the group', () => {
      const context = at('pandoc', '[see @vaswani2017, p. 4; @oq|; -@he2016]');
      assert.equal(context?.prefix, 'oq');
      assert.deepEqual(context?.others, ['vaswani2017', 'he2016']);
    });

    it('a bare @key, and right after the @', () => {
      assert.equal(at('pandoc', 'As @oqu| says')?.prefix, 'oqu');
      assert.equal(at('pandoc', 'As @| says')?.prefix, '');
      assert.equal(at('pandoc', '-@oqu|')?.prefix, 'oqu');
    });

    it('not in an e-mail address', () => {
      assert.equal(at('pandoc', 'write to jane@exam|ple.org'), undefined);
      assert.equal(at('pandoc', 'jane@|'), undefined);
    });

    it('not in inline code, but after it is', () => {
      assert.equal(at('pandoc', 'run `npm @sco|`'), undefined);
      assert.equal(at('pandoc', 'run ``a ` @x|'), undefined, 'a single backtick does not close a double one');
      assert.equal(at('pandoc', '``a ` b`` [@x|]')?.prefix, 'x');
      assert.equal(at('pandoc', '`code` then [@oq|]')?.prefix, 'oq');
    });
  });

  describe('Typst', () => {
    it('@key', () => {
      const template = 'As @oqu|ab2023 shows.';
      const context = at('typst', template);
      assert.equal(context?.prefix, 'oqu');
      assert.equal(context && keyText(template, context), 'oquab2023');
      assert.equal(at('typst', 'see @|')?.prefix, '');
    });

    it('#cite(<…>)', () => {
      const template = '#cite(<oqu|ab2023>, supplement: [p. 4])';
      const context = at('typst', template);
      assert.equal(context?.prefix, 'oqu');
      assert.equal(context && keyText(template, context), 'oquab2023');
      assert.equal(at('typst', '#cite(<|')?.prefix, '');
    });

    it('not in an e-mail address', () => {
      assert.equal(at('typst', 'mail me@ex|'), undefined);
    });
  });

  describe('reStructuredText', () => {
    it(':cite:`…`', () => {
      const template = 'As :cite:`oq|uab2023` shows.';
      const context = at('rst', template);
      assert.equal(context?.prefix, 'oq');
      assert.equal(context && keyText(template, context), 'oquab2023');
    });

    it(':cite:p:`…` and :cite:t:`…`, after a comma', () => {
      assert.equal(at('rst', ':cite:p:`dino|`')?.prefix, 'dino');
      const context = at('rst', ':cite:t:`vaswani2017,di|`');
      assert.equal(context?.prefix, 'di');
      assert.deepEqual(context?.others, ['vaswani2017']);
    });

    it('not outside the backticks, nor in another role', () => {
      assert.equal(at('rst', ':cite:`a` and dino|'), undefined);
      assert.equal(at('rst', ':ref:`dino|`'), undefined);
    });
  });

  describe('fenced code above the cursor\'s line', () => {
    it('an open ``` or ~~~ fence is code; a closed one is not', () => {
      assert.equal(inFencedCode('Text\n```python\nclass A:\n'), true);
      assert.equal(inFencedCode('Text\n```python\nx = 1\n```\n'), false);
      assert.equal(inFencedCode('~~~~\n```\n'), true, 'a backtick run does not close a tilde fence');
      assert.equal(inFencedCode('````\n```\n'), true, 'a shorter run does not close it');
      assert.equal(inFencedCode('````\n`````\n'), false);
      assert.equal(inFencedCode('```js\n``` not a close\n'), true, 'a closing run has nothing after it');
      assert.equal(inFencedCode('``` a `b`\n'), false, 'an info string with a backtick is no fence');
      assert.equal(inFencedCode('    ```\n'), false, 'four spaces: indented code, no fence');
      assert.equal(inFencedCode(''), false);
    });
  });
});
