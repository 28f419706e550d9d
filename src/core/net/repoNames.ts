/** How code hosts name accounts and repositories, as feeds give them. */

/** A Hugging Face account or repository name: letters, digits, `-`, `_` and `.`, first a letter or digit. */
const HF_NAME = '[A-Za-z0-9][A-Za-z0-9_.-]{0,95}';
/** A Hugging Face user or organization. */
export const HF_ACCOUNT = new RegExp(`^${HF_NAME}$`);
/** A Hugging Face model, dataset or Space: `owner/name`. */
export const HF_REPO_ID = new RegExp(`^${HF_NAME}/${HF_NAME}$`);

/** GitHub's `owner/repo` shorthand, which the feed sometimes gives for a repository: its URL, else undefined. */
export function githubShorthandUrl(text: string): string | undefined {
  return /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(text) && !text.startsWith('.') ? `https://github.com/${text}` : undefined;
}
