import * as vscode from 'vscode';
import { cachedDayInReach, LATEST_DAY_SEARCH_DAYS } from '../../core/feed/latestDay';
import { addDays } from '../../core/time/dates';
import { formatDay } from '../../core/time/displayDates';
import type { FeedService } from '../feed/feedService';
import { displayLocale } from '../locale';
import { UserError } from './register';

/**
 * `paperFeed.showLatestPapers`: the empty state's way out. Shows the latest day with papers before
 * the shown window: the cache's if it has one, else asked of Hugging Face day by day (two weeks at
 * most) with cancellable progress. Returns the day shown, if any.
 */
export async function showLatestPapers(feed: FeedService): Promise<string | undefined> {
  const before = feed.windowStart();
  const cached = await feed.latestCachedDay(before);
  let day = cachedDayInReach(cached, before);
  if (day === undefined) {
    day = await vscode.window.withProgress({
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Paper Feed: looking for the latest papers'),
      cancellable: true,
    }, async (progress, token) => {
      const cancel = new AbortController();
      const subscription = token.onCancellationRequested(() => cancel.abort());
      try {
        return await feed.findLatestDayOnline(before, (asked, index) => {
          progress.report({ message: formatDay(asked, displayLocale()), increment: index === 0 ? 0 : 100 / LATEST_DAY_SEARCH_DAYS });
        }, cancel.signal);
      } catch (error) {
        if (token.isCancellationRequested) {
          return undefined;
        }
        if (cached !== undefined) {
          return cached; // offline: the cache's latest day, old as it is, beats nothing
        }
        throw new UserError(feed.explainFailure(error, 'Looking for the latest papers'));
      } finally {
        subscription.dispose();
      }
    });
    day ??= cached;
    if (day === undefined) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Paper Feed: Hugging Face has no papers in the {0} days before {1}.', LATEST_DAY_SEARCH_DAYS, formatDay(before, displayLocale())));
      return undefined;
    }
  }
  await feed.setWindow(`date:${day}`, false);
  return day;
}

/**
 * `paperFeed.showCachedPapers`: the offline state's way out. Shows the latest cached day with
 * papers; with nothing cached, says so and offers the built-in sample or another try.
 */
export async function showCachedPapers(feed: FeedService): Promise<string | undefined> {
  const day = await feed.latestCachedDay(addDays(feed.today(), 1));
  if (day !== undefined) {
    await feed.setWindow(`date:${day}`, false);
    return day;
  }
  const sample = vscode.l10n.t('Show Sample Papers');
  const retry = vscode.l10n.t('Retry');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Paper Feed has no cached papers yet: they are kept once Hugging Face has been reached.'), sample, retry);
  if (choice === sample) {
    await feed.showSample();
  } else if (choice === retry) {
    await feed.refresh({ interactive: true });
  }
  return undefined;
}
