/** The clock the extension sees in tests and demos (PAPER_FEED_NOW): the real corpus ends on 2026-08-21. */
export const TEST_NOW = '2026-08-21T22:00:00-04:00';
