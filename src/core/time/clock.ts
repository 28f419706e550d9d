/** The clock the extension uses for "today"; tests and demos pin it with PAPER_FEED_NOW. */

export type Clock = () => Date;

/**
 * A clock from the `PAPER_FEED_NOW` value (an ISO date or date-time), else the system clock.
 * An unparsable value is reported through `onInvalid` and ignored.
 */
export function clockFromEnv(value: string | undefined, onInvalid?: (value: string) => void): Clock {
  if (value === undefined || value.trim() === '') {
    return () => new Date();
  }
  const fixed = Date.parse(value.trim());
  if (Number.isNaN(fixed)) {
    onInvalid?.(value);
    return () => new Date();
  }
  // A pinned clock still moves, so elapsed-time logic (refresh intervals, "new" marks) behaves.
  const offset = fixed - Date.now();
  return () => new Date(Date.now() + offset);
}
