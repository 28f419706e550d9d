/** arXiv identifiers and the links derived from them. */
import { HUGGING_FACE_HOSTS, HUGGING_FACE_SITE } from '../net/hosts';

/** New-style ids (since 2007): `YYMM.NNNN` or `YYMM.NNNNN`, optional version. */
const NEW_ID = /^(\d{4}\.\d{4,5})(v\d+)?$/;
/** Old-style ids: `archive[.SUBJ]/YYMMNNN`, optional version. */
const OLD_ID = /^([a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})(v\d+)?$/;

/** Returns the version-less arXiv id, or undefined when `value` is not an arXiv id. */
export function parseArxivId(value: string): string | undefined {
  const text = value.trim().replace(/^arxiv:\s*/i, '');
  const match = NEW_ID.exec(text) ?? OLD_ID.exec(text);
  return match?.[1];
}

const PAPER_URL_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', ...HUGGING_FACE_HOSTS]);

/**
 * Accepts what a person might paste to name a paper: an arXiv id (`2508.10104`, `arXiv:2508.10104v2`),
 * an arXiv abs/pdf/html URL, or a Hugging Face paper URL. Returns the version-less id.
 */
export function parsePaperRef(input: string): string | undefined {
  const text = input.trim();
  const direct = parseArxivId(text);
  if (direct) {
    return direct;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !PAPER_URL_HOSTS.has(url.hostname)) {
    return undefined;
  }
  const match = /^\/(?:abs|pdf|html|papers)\/(.+?)(?:\.pdf)?\/?$/.exec(url.pathname);
  return match?.[1] ? parseArxivId(decodeURIComponent(match[1])) : undefined;
}

/** A paper's pages, spelled here only: every link and citation takes its URLs from these. */
export const paperLinks = {
  huggingFace: (id: string): string => `${HUGGING_FACE_SITE}/papers/${id}`,
  arxivAbstract: (id: string): string => `https://arxiv.org/abs/${id}`,
  arxivPdf: (id: string): string => `https://arxiv.org/pdf/${id}`,
};
