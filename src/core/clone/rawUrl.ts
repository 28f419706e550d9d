/**
 * Reads a repository URL's parts from the text exactly as received. A URL parser (`new URL`, curl,
 * git) normalises before anyone looks: it resolves `.`/`..` segments (also spelled `%2e`), turns `\`
 * into `/`, drops tabs and maps look-alike letters (`ｇithub.com`) and numbers (`0x7f.1`) to other
 * hosts. So the policy decides on the raw text and refuses everything a real repository link never
 * has; what it accepts needs no normalising, and is what git is given.
 */

import { isLoopbackHost } from '../net/hosts';

export interface RawUrl {
  /** `https` or `http`, lower case. */
  readonly scheme: string;
  /** ASCII, lower case, no trailing dot; `[::1]` is the only IPv6 address. */
  readonly host: string;
  /** Digits without leading zeros, if the URL names a port. */
  readonly port?: string;
  /** The path's segments: none empty, none of dots only, each of `A-Za-z0-9_.-`. */
  readonly segments: readonly string[];
}

export type RawUrlCheck = { readonly ok: true; readonly url: RawUrl } | { readonly ok: false; readonly reason: string };

export const SEGMENT = /^[A-Za-z0-9_.-]+$/;
const LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
const HOST_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

function refuse(reason: string): RawUrlCheck {
  return { ok: false, reason };
}

/**
 * Splits `scheme://host[:port]/path` as written. The text has been trimmed and checked for
 * whitespace and control characters; everything else is checked here.
 */
export function parseRawUrl(text: string): RawUrlCheck {
  if (/[^\x21-\x7E]/.test(text)) {
    return refuse('it contains characters other than plain ASCII (look-alike letters can hide another host)');
  }
  if (text.includes('\\')) {
    return refuse('it contains a backslash, which a repository URL never has');
  }
  if (text.includes('%')) {
    return refuse('it contains percent-encoding (%…), which a repository URL never needs');
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    return refuse('not a URL');
  }
  if (scheme !== 'https' && scheme !== 'http') {
    return refuse(`${scheme} URLs are not cloned; only https`);
  }
  const rest = text.slice(scheme.length + 1);
  if (!rest.startsWith('//')) {
    return refuse(`not a URL of the form ${scheme}://host/owner/repository`);
  }
  const end = rest.slice(2).search(/[/?#]/);
  const authority = end < 0 ? rest.slice(2) : rest.slice(2, 2 + end);
  const tail = end < 0 ? '' : rest.slice(2 + end);
  if (/[?#]/.test(tail)) {
    return refuse('URLs with a query or fragment are not cloned');
  }
  if (authority.includes('@')) {
    return refuse('URLs with credentials are not cloned');
  }
  const parts = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(authority);
  const rawHost = (parts?.[1] ?? '').toLowerCase();
  const port = parts?.[2];
  if (!rawHost) {
    return refuse('it names no host');
  }
  if (port !== undefined && (!/^[1-9][0-9]{0,4}$/.test(port) || Number(port) > 65_535)) {
    return refuse('its port is not a plain number');
  }
  const host = checkHost(rawHost);
  if (typeof host !== 'string') {
    return host;
  }
  const segments = pathSegments(tail);
  if (!Array.isArray(segments)) {
    return segments;
  }
  return { ok: true, url: { scheme, host, ...(port !== undefined ? { port } : {}), segments } };
}

/** The host as written, or why it is refused. */
function checkHost(host: string): string | RawUrlCheck {
  if (host.startsWith('[')) {
    return isLoopbackHost(host) ? host : refuse('IPv6 addresses are cloned only from this machine ([::1])');
  }
  if (host.endsWith('.')) {
    return refuse('its host name ends with a dot');
  }
  if (!HOST_NAME.test(host)) {
    return refuse('its host name has unexpected characters');
  }
  // A URL parser reads a host whose last label is a number (`127.1`, `2130706433`, `0x7f.0.0.1`) as an
  // IPv4 address; only the usual dotted form is taken, so that the host checked is the host reached.
  const last = host.slice(host.lastIndexOf('.') + 1);
  if (/^(?:[0-9]+|0x[0-9a-f]*)$/.test(last) && !IPV4.test(host)) {
    return refuse('its host is an IP address written in an unusual form');
  }
  return host;
}

/**
 * The path's segments, or why the path is refused. Trailing slashes are only that (the feed has
 * `owner/repo//`); git is given the path without them.
 */
function pathSegments(path: string): string[] | RawUrlCheck {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') {
    return [];
  }
  const segments = trimmed.slice(1).split('/');
  if (segments.some((segment) => segment === '')) {
    return refuse('its path has an empty segment (//)');
  }
  if (segments.some((segment) => /^\.+$/.test(segment))) {
    return refuse('its path has a . or .. segment');
  }
  if (segments.some((segment) => !SEGMENT.test(segment))) {
    return refuse('the repository path has unexpected characters');
  }
  return segments;
}
