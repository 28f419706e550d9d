/** The environment `git clone` runs in. */

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * What git needs besides `base` (the editor's environment):
 * - English messages whatever the user's locale, because its errors are classified by their text
 *   (gitErrors.ts): `LC_ALL=C` wins over `LANG` and every `LC_*`, and `LANGUAGE`, which gettext
 *   reads before them, is emptied;
 * - never waiting for a password: a private or missing repository fails at once.
 * Names are matched without case, as Windows does, so no `lc_all` from `base` survives beside them.
 */
export function gitEnvironment(base: Environment): Record<string, string> {
  const fixed: Record<string, string> = {
    LC_ALL: 'C', LANG: 'C', LANGUAGE: '',
    GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', SSH_ASKPASS: '', GCM_INTERACTIVE: 'never',
  };
  const kept = Object.entries(base).filter((entry): entry is [string, string] => entry[1] !== undefined && !Object.hasOwn(fixed, entry[0].toUpperCase()));
  return { ...Object.fromEntries(kept), ...fixed };
}
