/**
 * Which links from a paper open directly, which ask first, and which never open. Paper text and
 * feed URLs are untrusted: only https, and only well-known hosts (or the paper's own project page)
 * open without a question.
 */
import { HUGGING_FACE_HOSTS } from '../net/hosts';
import type { Paper } from './model';

export type LinkDecision =
  | { readonly action: 'open'; readonly url: string }
  | { readonly action: 'ask'; readonly url: string; readonly host: string }
  | { readonly action: 'reject'; readonly reason: string };

const TRUSTED_HOSTS = ['arxiv.org', ...HUGGING_FACE_HOSTS, 'github.com'];

function isTrustedHost(host: string): boolean {
  return TRUSTED_HOSTS.some((trusted) => host === trusted || host.endsWith(`.${trusted}`));
}

export function decideLink(value: unknown, paper?: Pick<Paper, 'projectPage'>): LinkDecision {
  if (typeof value !== 'string' || value.length > 2_048) {
    return { action: 'reject', reason: 'not a link' };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { action: 'reject', reason: 'not a valid URL' };
  }
  if (url.protocol !== 'https:') {
    return { action: 'reject', reason: `${url.protocol.replace(':', '')} links are not opened` };
  }
  if (url.username || url.password) {
    return { action: 'reject', reason: 'links with credentials are not opened' };
  }
  const host = url.hostname.toLowerCase();
  if (isTrustedHost(host)) {
    return { action: 'open', url: url.href };
  }
  const projectHost = projectPageHost(paper?.projectPage);
  if (projectHost && host === projectHost) {
    return { action: 'open', url: url.href };
  }
  return { action: 'ask', url: url.href, host };
}

function projectPageHost(projectPage: string | undefined): string | undefined {
  if (!projectPage) {
    return undefined;
  }
  try {
    const url = new URL(projectPage);
    return url.protocol === 'https:' ? url.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
