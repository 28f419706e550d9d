/**
 * The tools that only read: search, one paper, a window of the feed, a citation's text. Each answers
 * from the cache first (offline), with the services the commands use, and says what went wrong in
 * its result rather than throwing.
 */
import type * as vscode from 'vscode';
import { type CitationFormat, FORMAT_LABELS, isCitationFormat } from '../../core/citation/format';
import type { LinkedRepos } from '../../core/feed/linkedRepos';
import { describeFailure } from '../../core/feed/failureReason';
import { normalise } from '../../core/search/text';
import { isInputObject, readLimit, readPaperRef, readString, readWindow } from '../../core/tools/input';
import { citationText, listText, recordText } from '../../core/tools/results';
import { readCitationConfig } from '../config';
import { failureText } from '../feed/failureText';
import { afterLoad, factsOf, findPaper, type ToolDeps, waitAtMost } from './toolDeps';

/** One tool's work: its input, as the model sent it, to the text of its result. */
export type ToolRun = (input: unknown, token: vscode.CancellationToken) => Promise<string>;

const NOT_AN_OBJECT = 'The input must be a JSON object with the fields of this tool\'s schema.';
/** How long linked Hugging Face repositories are waited for (they are optional). */
const LINKED_MS = 4_000;

/** `paperFeed_searchPapers {query, limit?}`: Search Papers' query language over the cache and archive. */
export function searchPapersTool(deps: ToolDeps): ToolRun {
  return async (input, token) => {
    const query = readString(input, 'query', { required: true });
    const limit = readLimit(input, 10);
    if (!isInputObject(input) || !query.ok || !limit.ok) {
      return [!isInputObject(input) ? NOT_AN_OBJECT : '', !query.ok ? query.problem : '', !limit.ok ? limit.problem : ''].filter(Boolean).join(' ');
    }
    await afterLoad(deps, token);
    // The index covers the whole cache once it has caught up with it; until then the search may miss papers.
    await waitAtMost(deps.search.synced, 10_000, token);
    const text = query.value as string;
    const papers = await deps.search.searchPapers(text, limit.value);
    const snippets = papers.length > 0 ? await deps.search.snippets(text, papers.map((paper) => paper.id)) : new Map<string, string>();
    return listText({
      heading: `Paper Feed search for "${text.replace(/"/g, "'")}": ${papers.length} paper${papers.length === 1 ? '' : 's'}, best first${deps.search.isIndexReady ? '' : ' (the search index is still loading: only the papers at hand were searched)'}.`,
      notes: [query.note, limit.note].filter((note): note is string => note !== undefined),
      papers: papers.map((paper) => ({ paper: deps.store.remember(paper), facts: factsOf(deps, paper), ...(snippets.get(paper.id) ? { excerpt: snippets.get(paper.id) } : {}) })),
      empty: 'No cached paper matches. Try other words, fewer filters, or paperFeed_getPaper with an arXiv id.',
    });
  };
}

/** `paperFeed_getPaper {id}`: the full record, with linked Hugging Face repositories when they can be asked. */
export function getPaperTool(deps: ToolDeps): ToolRun {
  return async (input, token) => {
    const ref = readPaperRef(input, 'id');
    if (!ref.ok) {
      return isInputObject(input) ? ref.problem : NOT_AN_OBJECT;
    }
    await afterLoad(deps, token);
    const found = await findPaper(deps, ref.value, token);
    if (!('paper' in found)) {
      return found.problem;
    }
    const paper = deps.citations.prepare(found.paper); // with arXiv's and DBLP's record, when known
    return recordText(paper, factsOf(deps, paper), await linkedRepos(deps, paper.id, token));
  };
}

/** The Hugging Face repositories that cite a paper, as the panel shows them; a reason when they cannot be asked. */
async function linkedRepos(deps: ToolDeps, id: string, token: vscode.CancellationToken): Promise<LinkedRepos | string> {
  const controller = new AbortController();
  const listener = token.onCancellationRequested(() => controller.abort());
  const timer = setTimeout(() => controller.abort(), LINKED_MS);
  try {
    return await deps.feed.createClient().linkedRepos(id, controller.signal);
  } catch (error) {
    return `Hugging Face could not be asked: ${failureText(describeFailure(error))}`;
  } finally {
    clearTimeout(timer);
    listener.dispose();
  }
}

/** `paperFeed_listFeed {window?, topic?, limit?}`: a window's cached papers, ranked by upvotes; the Papers view stays as it is. */
export function listFeedTool(deps: ToolDeps): ToolRun {
  return async (input, token) => {
    const window = readWindow(input);
    const topic = readString(input, 'topic', { required: false, maxLength: 100 });
    const limit = readLimit(input, 20);
    if (input !== undefined && !isInputObject(input)) {
      return NOT_AN_OBJECT;
    }
    if (!window.ok || !topic.ok || !limit.ok) {
      return [!window.ok ? window.problem : '', !topic.ok ? topic.problem : '', !limit.ok ? limit.problem : ''].filter(Boolean).join(' ');
    }
    await afterLoad(deps, token);
    const cached = await deps.feed.cachedWindow(window.value);
    if (!cached) {
      return `Paper Feed has no cached papers for ${window.value}. Hugging Face's papers for it have not been loaded yet: the user can show them in the Papers view (Show Papers From…), or use paperFeed_searchPapers with after:/before: dates.`;
    }
    const matches = deps.topics.matcher();
    const filter = topic.value !== undefined ? normalise(topic.value) : undefined;
    const ranked = cached.papers
      .filter((paper) => filter === undefined || matches(deps.topics.of(paper).primary, filter))
      .map((paper, index) => ({ paper, index }))
      .sort((a, b) => (b.paper.upvotes ?? 0) - (a.paper.upvotes ?? 0) || a.index - b.index)
      .map(({ paper }) => paper);
    const shown = ranked.slice(0, limit.value);
    return listText({
      heading: `Paper Feed, ${cached.label}${filter !== undefined ? `, topic "${topic.value?.replace(/"/g, "'")}"` : ''}: ${shown.length} of ${ranked.length} paper${ranked.length === 1 ? '' : 's'}, most upvoted first (from the cache).`,
      notes: [limit.note].filter((note): note is string => note !== undefined),
      papers: shown.map((paper) => ({ paper, facts: factsOf(deps, paper) })),
      empty: filter !== undefined ? `No paper of ${cached.label} has that topic. Try without "topic".` : `No papers in ${cached.label}.`,
    });
  };
}

/** `paperFeed_formatCitation {id, format?}`: Copy Citation's text, nothing written. */
export function formatCitationTool(deps: ToolDeps): ToolRun {
  return async (input, token) => {
    const ref = readPaperRef(input, 'id');
    const format = readString(input, 'format', { required: false, maxLength: 110 });
    if (!ref.ok || !format.ok) {
      return isInputObject(input) ? [!ref.ok ? ref.problem : '', !format.ok ? format.problem : ''].filter(Boolean).join(' ') : NOT_AN_OBJECT;
    }
    const raw = format.value;
    const chosen: unknown = raw === undefined ? readCitationConfig().defaultFormat : /^csl:/i.test(raw) ? `csl:${raw.slice(4)}` : raw.toLowerCase();
    if (!isCitationFormat(chosen)) {
      return `"${String(format.value).slice(0, 60)}" is not a citation format. Use one of: ${Object.keys(FORMAT_LABELS).join(', ')}, or csl:<name> for a style the user added.`;
    }
    await afterLoad(deps, token);
    const found = await findPaper(deps, ref.value, token);
    if (!('paper' in found)) {
      return found.problem;
    }
    try {
      return citationText(found.paper, labelOf(chosen), await deps.citations.format(found.paper, chosen));
    } catch (error) {
      return `The ${labelOf(chosen)} citation of arXiv:${ref.value} could not be made: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`;
    }
  };
}

function labelOf(format: CitationFormat): string {
  return format.startsWith('csl:') ? `the CSL style ${format.slice(4)}` : FORMAT_LABELS[format as keyof typeof FORMAT_LABELS];
}
