/** Hosts Paper Feed knows by name, as URLs carry them (`URL.hostname`: lower case, an IPv6 address in brackets). */

/** This machine's names. */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];
const LOOPBACK = new Set(LOOPBACK_HOSTS);

/** Whether `host` is this machine: a local mirror, a test server, or a service no feed may point at. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host);
}

/** Hugging Face's site: the default endpoint, and where paper pages, repositories and avatars are. */
export const HUGGING_FACE_SITE = 'https://huggingface.co';
/** Hugging Face's own host names (`hf.co` is its short domain). */
export const HUGGING_FACE_HOSTS: readonly string[] = ['huggingface.co', 'hf.co'];
