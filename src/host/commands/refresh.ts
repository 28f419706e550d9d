import type { FeedService } from '../feed/feedService';

/** Fetches the current window now, with cancellable progress. */
export function refresh(feed: FeedService): Promise<void> {
  return feed.refresh({ interactive: true });
}
