/** Host names as URLs carry them (`URL.hostname`: lower case, an IPv6 address in brackets). */

/** This machine's names. */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];
const LOOPBACK = new Set(LOOPBACK_HOSTS);

/** Whether `host` is this machine: a local mirror, a test server, or a service no feed may point at. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host);
}
