import * as assert from 'node:assert/strict';
import { convertMath } from '../../src/core/fulltext/math';

function inline(line: string): string {
  return convertMath(line).markdown;
}

describe('full text: LaTeXML formulas as math', () => {
  it('writes inline formulas (rendering then LaTeX, with or without a space) as $…$ without the rendering', () => {
    const cases: [string, string][] = [
      ['Let 𝒳\\mathcal{X} denote the space', 'Let $\\mathcal{X}$ denote the space'],
      ['Each candidate x∈𝒳 x\\in\\mathcal{X} is evaluated', 'Each candidate $x\\in\\mathcal{X}$ is evaluated'],
      ['a scalar score s(x)∈ℝ s(x)\\in\\mathbb{R} together with', 'a scalar score $s(x)\\in\\mathbb{R}$ together with'],
      ['for T T sequential steps', 'for $T$ sequential steps'],
      ['We write π θ\\pi_{\\theta} for the policy', 'We write $\\pi_{\\theta}$ for the policy'],
      ['with parameters θ\\theta, trained', 'with parameters $\\theta$, trained'],
      ['the expected return 𝔼​[R]\\mathbb{E}[R] in', 'the expected return $\\mathbb{E}[R]$ in'],
      ['a triple (s,α,s′)(s,\\alpha,s^{\\prime}) of', 'a triple $(s,\\alpha,s^{\\prime})$ of'],
      ['the rate is η=3×10−5\\eta=3\\times 10^{-5}, training', 'the rate is $\\eta=3\\times 10^{-5}$, training'],
      ['The loss ℒ=−log⁡p θ​(y)\\mathcal{L}=-\\log p_{\\theta}(y) is used.', 'The loss $\\mathcal{L}=-\\log p_{\\theta}(y)$ is used.'],
      ['members x i x_{i} too', 'members $x_{i}$ too'],
      ['with f<0.9 f<0.9 are sent', 'with $f<0.9$ are sent'],
      ['assertions a(x)a(x):', 'assertions $a(x)$:'],
    ];
    for (const [input, expected] of cases) {
      assert.equal(inline(input), expected);
    }
  });

  it('writes a paragraph that is only a formula as display math, with its equation number as a tag', () => {
    const text = 'The pairs are\n\n𝒟 t={(x i,s i,a i)}i=1 t,𝒟 0=∅,\\mathcal{D}_{t}=\\{(x_{i},s_{i},a_{i})\\}_{i=1}^{t},\\quad\\mathcal{D}_{0}=\\emptyset,\n\nand\n\nE(x)→(s(x),a(x)),E(x)\\rightarrow\\bigl(s(x),\\,a(x)\\bigr),(1)\n';
    const result = convertMath(text);
    assert.equal(result.markdown, 'The pairs are\n\n$$\n\\mathcal{D}_{t}=\\{(x_{i},s_{i},a_{i})\\}_{i=1}^{t},\\quad\\mathcal{D}_{0}=\\emptyset,\n$$\n\nand\n\n$$\nE(x)\\rightarrow\\bigl(s(x),\\,a(x)\\bigr), \\tag{1}\n$$\n');
    assert.equal(result.formulas, 2);
  });

  it("removes 2024's MathML annotations around a converted formula", () => {
    assert.equal(inline('Let f I subscript 𝑓 𝐼 f_{I}italic_f start_POSTSUBSCRIPT italic_I end_POSTSUBSCRIPT be the answer'), 'Let $f_{I}$ be the answer');
    assert.equal(inline('The temperature τ 𝜏\\tau italic_τ of each member'), 'The temperature $\\tau$ of each member');
    const display = convertMath('\n\nr I=𝟙⁢[f I=y^]subscript 𝑟 𝐼 1 delimited-[] subscript 𝑓 𝐼^𝑦 r_{I}=\\mathbb{1}[f_{I}=\\hat{y}]italic_r start_POSTSUBSCRIPT italic_I end_POSTSUBSCRIPT = blackboard_1 [ italic_f start_POSTSUBSCRIPT italic_I end_POSTSUBSCRIPT = over^ start_ARG italic_y end_ARG ]\n\n').markdown;
    assert.ok(!/POSTSUBSCRIPT|italic_|start_ARG/.test(display), display);
    assert.ok(display.includes('r_{I}=\\mathbb{1}[f_{I}=\\hat{y}]'), display);
    assert.equal(
      inline('disagreement d=1 N 2⁢∑i≠j δ i⁢j 𝑑 1 superscript 𝑁 2 subscript 𝑖 𝑗 subscript 𝛿 𝑖 𝑗 d=\\frac{1}{N^{2}}\\sum_{i\\neq j}\\delta_{ij}italic_d = divide start_ARG 1 end_ARG start_ARG italic_N start_POSTSUPERSCRIPT 2 end_POSTSUPERSCRIPT end_ARG ∑ start_POSTSUBSCRIPT italic_i ≠ italic_j end_POSTSUBSCRIPT italic_δ start_POSTSUBSCRIPT italic_i italic_j end_POSTSUBSCRIPT, where δ i⁢j 𝛿 𝑖 𝑗 \\delta_{ij}italic_δ start_POSTSUBSCRIPT italic_i italic_j end_POSTSUBSCRIPT is one'),
      'disagreement $d=\\frac{1}{N^{2}}\\sum_{i\\neq j}\\delta_{ij}$, where $\\delta_{ij}$ is one',
    );
  });

  it('escapes a $ of ordinary text, so prices are never math', () => {
    const result = convertMath('It costs $5 and $10, or \\$3.');
    assert.equal(result.markdown, 'It costs \\$5 and \\$10, or \\$3.');
    assert.equal(result.formulas, 0);
  });

  it('leaves code spans and fenced code as they are', () => {
    const text = 'Use `x∈𝒳 x\\in\\mathcal{X}` and `$5`.\n\n```\nLet 𝒳\\mathcal{X} cost $5\n```\n';
    assert.equal(convertMath(text).markdown, text);
  });

  it('leaves text it is not sure of as it is, never losing words', () => {
    const unsure = [
      'the the results, a a typo, I I said',
      'We use \\emph-like markers and C++ code with x_1 names.',
      'A path like C:\\Users\\name\\file and a regex \\d+ stay.',
      'Words before \\unknowncommand{with braces} stay when nothing matches them.',
      'Set {a, b} and f(x) = y are plain.',
    ];
    for (const line of unsure) {
      const out = inline(line);
      const words = (text: string) => text.replace(/[$\\]/g, ' ').split(/\s+/).filter(Boolean);
      for (const word of words(line)) {
        assert.ok(out.includes(word.replace(/[{}]/g, '')) || out.includes(word), `${word} lost from ${out}`);
      }
    }
    assert.equal(inline('the the results, a a typo, I I said'), 'the the results, a a typo, I I said');
  });

  it('converts a long paper-like text and a 2 MB line in bounded time', () => {
    const paragraph = 'Each candidate x∈𝒳 x\\in\\mathcal{X} is scored by s(x)∈ℝ s(x)\\in\\mathbb{R} over T T steps. ';
    const text = `${paragraph.repeat(2_000)}\n\n${'\\a_{'.repeat(200_000)}${'x y '.repeat(300_000)}`;
    const started = process.hrtime.bigint();
    const result = convertMath(text);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`      convertMath: ${(text.length / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms`);
    assert.ok(ms < 5_000, `${ms} ms`);
    assert.ok(result.formulas >= 6_000, String(result.formulas));
  });
});
