/** Text handling shared by the search index, its queries and the linear scan. */

/** Words too common to find anything by; dropped from queries (except the word being typed). */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'can', 'do', 'does', 'for', 'from', 'how', 'in', 'into', 'is', 'it', 'its',
  'of', 'on', 'or', 'our', 'that', 'the', 'their', 'this', 'to', 'via', 'we', 'what', 'when', 'where', 'which', 'with', 'without',
]);

/** Lowercase, accents removed (é → e), anything but letters and digits as spaces. */
export function normalise(text: string): string {
  let lower = text.toLowerCase();
  if (/[\u0080-\uffff]/.test(lower)) { // any code unit beyond ASCII
    lower = lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  return lower;
}

/** The words of a text, normalised: runs of letters and digits. */
export function tokenize(text: string): string[] {
  const lower = normalise(text);
  // Plain ASCII (most text) is split by the faster ASCII pattern; both give the same words.
  return (/[\u0080-\uffff]/.test(lower) ? lower.match(/[\p{L}\p{N}]+/gu) : lower.match(/[a-z0-9]+/g)) ?? [];
}

/** Every string made by deleting one character. */
export function deletions(word: string): string[] {
  const result: string[] = [];
  for (let index = 0; index < word.length; index++) {
    result.push(word.slice(0, index) + word.slice(index + 1));
  }
  return result;
}

/**
 * Whether `a` and `b` differ by at most one edit: a substitution, an insertion, a deletion or a
 * transposition of neighbours (Damerau–Levenshtein distance ≤ 1).
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) {
    return false;
  }
  let start = 0;
  while (start < la && start < lb && a.charCodeAt(start) === b.charCodeAt(start)) {
    start++;
  }
  let endA = la - 1;
  let endB = lb - 1;
  while (endA >= start && endB >= start && a.charCodeAt(endA) === b.charCodeAt(endB)) {
    endA--;
    endB--;
  }
  const restA = endA - start + 1;
  const restB = endB - start + 1;
  if (restA <= 1 && restB <= 1) {
    return true; // one substitution, insertion or deletion
  }
  return restA === 2 && restB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start];
}
