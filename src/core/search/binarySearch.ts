/** Binary search over sorted arrays, shared by the index's parts. */

/** The first index in [0, length) for which `isBefore` is false (it must be true, then false). */
export function firstIndex(length: number, isBefore: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (isBefore(middle)) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/** Code-unit order, the order binary searches over terms and titles assume. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
