/**
 * Which `$…$` spans of an untrusted title may go into a .bib entry as TeX. A title is feed text: a
 * span such as `$\input{/etc/passwd}$` or `$\immediate\write18{…}$` would read files into the PDF or
 * run commands when the document compiles. So a span is math only when every token is on an
 * allowlist (never a blocklist: `\csname` can build any name); anything else is escaped as text.
 */

/** The control words a title's math may use: Greek, operators and relations, fonts and decorations. */
export const MATH_COMMANDS: ReadonlySet<string> = new Set(`
alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa varkappa lambda mu nu xi pi varpi rho varrho
sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega
varGamma varDelta varTheta varLambda varXi varPi varSigma varUpsilon varPhi varPsi varOmega
le ge leq geq ne neq approx sim simeq cong equiv propto ll gg prec succ preceq succeq mid parallel perp
times cdot div pm mp ast star circ bullet oplus ominus otimes odot setminus wedge vee land lor neg lnot
to rightarrow leftarrow Rightarrow Leftarrow leftrightarrow Leftrightarrow longrightarrow longleftarrow Longrightarrow
mapsto implies iff uparrow downarrow gets in notin ni subset subseteq supset supseteq cup cap emptyset varnothing
forall exists surd infty partial nabla ell hbar aleph Re Im wp prime top bot angle triangle sharp flat not
sum prod coprod int iint oint bigcup bigcap bigoplus bigotimes
log ln lg exp sin cos tan sinh cosh tanh arcsin arccos arctan arg min max sup inf lim limsup liminf det dim ker deg gcd Pr bmod
dots ldots cdots vdots ddots colon quad qquad
langle rangle lfloor rfloor lceil rceil lbrace rbrace vert Vert backslash
left right big Big bigg Bigg bigl bigr Bigl Bigr middle
mathbf mathrm mathcal mathbb mathit mathsf mathtt mathfrak boldsymbol operatorname
frac dfrac tfrac sqrt binom hat widehat bar tilde widetilde vec dot ddot overline underline check breve acute grave
text textbf textit textrm texttt textsc textsf textnormal emph mbox
dagger ddagger diamond hookrightarrow vdash models
`.trim().split(/\s+/));

/** Commands whose argument is text, not math: it may hold only plain words and punctuation. */
const TEXT_ARGUMENT = new Set(['text', 'textbf', 'textit', 'textrm', 'texttt', 'textsc', 'textsf', 'textnormal', 'emph', 'mbox']);
const PLAIN_ARGUMENT = /^\{[A-Za-z0-9 .,;:!?'()/*+=-]*\}/;

/** Control symbols a title's math may use: braces, spacing, a double bar, a percent sign. */
const MATH_SYMBOLS = new Set(['{', '}', ',', ';', ':', '!', '|', '%']);

/** Characters of math outside control sequences (not `~ " ` @ # % & $`, which TeX or babel give meanings). */
const PLAIN_MATH = /^[A-Za-z0-9 +\-=<>()[\]|/,.;:!?'*^_{}]$/;

/** A character outside ASCII: letters, digits, symbols and punctuation, unless one folds to a TeX special (＼ is `\`). */
function safeWide(character: string): boolean {
  return /^[\p{L}\p{N}\p{S}\p{P}]$/u.test(character) && !/[\\{}$%#&~^_@"`]/.test(character.normalize('NFKC'));
}

/**
 * Whether `content` (what is between the `$`s) is safe to keep as TeX math: only allowlisted
 * control words and symbols, `\text{…}` holding plain words, no `^^` (TeX reads `^^5c` as a
 * backslash), no dangling `^` or `_`, and only the characters of {@link PLAIN_MATH} or safe wide ones.
 */
export function isSafeMath(content: string): boolean {
  if (content.includes('^^') || /[\^_]$/.test(content)) {
    return false;
  }
  for (let index = 0; index < content.length;) {
    const character = String.fromCodePoint(content.codePointAt(index) ?? 0);
    if (character !== '\\') {
      if (!PLAIN_MATH.test(character) && (character.charCodeAt(0) < 0x80 || !safeWide(character))) {
        return false;
      }
      index += character.length;
      continue;
    }
    const word = /^[A-Za-z]+/.exec(content.slice(index + 1))?.[0];
    if (word === undefined) {
      if (!MATH_SYMBOLS.has(content[index + 1] ?? '')) {
        return false;
      }
      index += 2;
      continue;
    }
    if (!MATH_COMMANDS.has(word)) {
      return false;
    }
    index += 1 + word.length;
    if (TEXT_ARGUMENT.has(word)) {
      const rest = content.slice(index).replace(/^ */, '');
      const argument = PLAIN_ARGUMENT.exec(rest)?.[0];
      if (argument === undefined) {
        return false;
      }
      index = content.length - rest.length + argument.length;
    }
  }
  return true;
}
