/**
 * Hugging Face's paper list pages embed their data as a Svelte island:
 * `<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="{&quot;dailyPapers&quot;:…}">`.
 * This reads it with a real HTML parser, whatever the attribute order or quote style.
 */
import { parse } from 'node-html-parser';
import { FeedFormatError } from '../paper/normalise';

export interface DailyPapersIsland {
  /** Items of the same shape as the `daily_papers` API. */
  readonly dailyPapers: unknown[];
  readonly dateString?: string;
  readonly periodType?: string;
}

/** Finds and decodes the island of `target` (e.g. `DailyPapers`, `PaperContent`) in a page. */
export function extractIsland(html: string, target: string): unknown {
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false, noscript: false } });
  const element = root.querySelector(`[data-target="${target}"]`);
  if (!element) {
    throw new FeedFormatError(`The Hugging Face page has no ${target} data (the page layout may have changed).`);
  }
  const props = element.getAttribute('data-props');
  if (props === undefined) {
    throw new FeedFormatError(`The ${target} data on the Hugging Face page has no props.`);
  }
  try {
    return JSON.parse(props) as unknown;
  } catch {
    throw new FeedFormatError(`The ${target} data on the Hugging Face page is not valid JSON.`);
  }
}

export function extractDailyPapers(html: string): DailyPapersIsland {
  const props = extractIsland(html, 'DailyPapers');
  if (typeof props !== 'object' || props === null || !Array.isArray((props as { dailyPapers?: unknown }).dailyPapers)) {
    throw new FeedFormatError('The DailyPapers data on the Hugging Face page has no paper list.');
  }
  const { dailyPapers, dateString, periodType } = props as { dailyPapers: unknown[]; dateString?: unknown; periodType?: unknown };
  return {
    dailyPapers,
    ...(typeof dateString === 'string' ? { dateString } : {}),
    ...(typeof periodType === 'string' ? { periodType } : {}),
  };
}
