/**
 * "New since a look", one rule for the Papers view's "new" marks and each watch's: a paper is new
 * when Paper Feed first saw it after the look, it belongs to that look's feed day or a later one (a
 * past day browsed later is not news), and it has not been opened. Here, not in view/, because a
 * look records the feed date current then, which windows.ts knows.
 */
import { paperDate, type Paper } from '../paper/model';
import type { Clock } from '../time/clock';
import { currentFeedDate } from './windows';

/** A look at a view or a watch. */
export interface Look {
  /** When (real time, like the cache's `seenAt`). */
  readonly at: string;
  /** The feed date current then: older days fetched later (browsing the past) are not new. */
  readonly feedDate: string;
}

/** Visible this long counts as a look; a shorter glance does not. */
export const LOOK_MS = 1_500;

/** Opened papers kept (the newest); older ones are long past every look anyway. */
export const MAX_READ = 2_000;

/** A look taken now: real time, and the feed date of `clock` (pinned by tests and demos). */
export function lookNow(clock: Clock): Look {
  return { at: new Date().toISOString(), feedDate: currentFeedDate(clock()) };
}

/** What "new" is decided from, besides the look. */
export interface NewContext {
  /** When Paper Feed first saw the paper (ISO), from the cache. */
  readonly seenAt: (id: string) => string | undefined;
  /** The paper was opened. */
  readonly isRead: (id: string) => boolean;
}

/** New since `look`: first seen after it, of its feed day or later, not opened. Nothing is new before a first look. */
export function isNewSince(paper: Paper, look: Look | undefined, context: NewContext): boolean {
  if (look === undefined || context.isRead(paper.id)) {
    return false;
  }
  const seen = context.seenAt(paper.id);
  const date = paperDate(paper);
  return seen !== undefined && seen > look.at && date !== undefined && date >= look.feedDate;
}
