/**
 * Why talking to Hugging Face failed, as a reason the host turns into a sentence in the user's
 * language, and the raw details (Node error codes, HTTP statuses, messages) for the log only. The
 * user reads "Hugging Face could not be reached. Check your connection or proxy.", never
 * `ECONNREFUSED`. Pure: it reads the error, its `cause` chain and an AggregateError's errors.
 */
import { FeedError } from './http';

export type FailureReason =
  /** No network, or the host's name could not be looked up (ENOTFOUND, EAI_AGAIN, ENETUNREACH…). */
  | 'unreachable'
  /** The connection was refused (ECONNREFUSED): nothing listens there, or a proxy said no. */
  | 'refused'
  /** The connection broke off (ECONNRESET, EPIPE, a truncated answer). */
  | 'connectionLost'
  /** No answer in time (ETIMEDOUT, our own per-request timeout). */
  | 'timeout'
  /** TLS could not be verified: a certificate problem, usually a proxy that re-signs traffic. */
  | 'certificate'
  /** HTTP 429. */
  | 'rateLimited'
  /** HTTP 5xx. */
  | 'serverError'
  /** HTTP 404. */
  | 'notFound'
  /** HTTP 401 or 403: the token, or access. */
  | 'denied'
  /** Another HTTP status. */
  | 'httpError'
  /** An answer that could not be read (not JSON, the wrong shape). */
  | 'badResponse'
  | 'cancelled'
  | 'unknown';

export interface Failure {
  readonly reason: FailureReason;
  /** For rate limits: how long Hugging Face asked to wait. */
  readonly retryAfterMs?: number;
  /** Everything known, for the log: the error's messages, codes and status. Never shown as the message. */
  readonly detail: string;
}

/** Reasons that mean "no connection": the view offers the cache and says offline rather than failing. */
const OFFLINE: ReadonlySet<FailureReason> = new Set<FailureReason>(['unreachable', 'refused', 'connectionLost', 'timeout', 'certificate']);

export function isOfflineReason(reason: FailureReason): boolean {
  return OFFLINE.has(reason);
}

const BY_CODE: Readonly<Record<string, FailureReason>> = {
  ENOTFOUND: 'unreachable',
  EAI_AGAIN: 'unreachable',
  EAI_FAIL: 'unreachable',
  ENETUNREACH: 'unreachable',
  ENETDOWN: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'connectionLost',
  ECONNABORTED: 'connectionLost',
  EPIPE: 'connectionLost',
  UND_ERR_SOCKET: 'connectionLost',
  UND_ERR_CLOSED: 'connectionLost',
  ERR_STREAM_PREMATURE_CLOSE: 'connectionLost',
  ETIMEDOUT: 'timeout',
  ESOCKETTIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
};

/** Node's and OpenSSL's names for a certificate that could not be verified. */
const CERTIFICATE = /^(CERT_|ERR_TLS_CERT|UNABLE_TO_(GET|VERIFY)|SELF_SIGNED_CERT|DEPTH_ZERO_SELF_SIGNED|ERR_SSL_|HOSTNAME_MISMATCH)/;

/** The reason a Node error code stands for, if it is one we know. */
export function reasonOfCode(code: string): FailureReason | undefined {
  return BY_CODE[code] ?? (CERTIFICATE.test(code) ? 'certificate' : undefined);
}

/** The reason an HTTP status stands for (≥ 400). */
export function reasonOfStatus(status: number): FailureReason {
  if (status === 429) {
    return 'rateLimited';
  }
  if (status >= 500) {
    return 'serverError';
  }
  if (status === 404 || status === 410) {
    return 'notFound';
  }
  return status === 401 || status === 403 ? 'denied' : 'httpError';
}

/** The error and its causes (and an AggregateError's errors), depth-first, at most `limit` of them. */
function chain(error: unknown, limit = 12): unknown[] {
  const seen: unknown[] = [];
  const visit = (value: unknown): void => {
    if (value === undefined || value === null || seen.length >= limit || seen.includes(value)) {
      return;
    }
    seen.push(value);
    if (typeof value === 'object') {
      visit((value as { cause?: unknown }).cause);
      const errors = (value as { errors?: unknown }).errors;
      if (Array.isArray(errors)) {
        errors.forEach(visit);
      }
    }
  };
  visit(error);
  return seen;
}

function field(value: unknown, name: 'code' | 'message'): string | undefined {
  const found = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  return typeof found === 'string' && found !== '' ? found : undefined;
}

/** Why `error` happened, and its details for the log. */
export function describeFailure(error: unknown): Failure {
  const links = chain(error);
  const codes = [...new Set(links.map((link) => field(link, 'code')).filter((code): code is string => code !== undefined))];
  const messages = [...new Set(links.map((link) => field(link, 'message') ?? (typeof link === 'string' ? link : undefined)).filter((text): text is string => text !== undefined))];
  const status = error instanceof FeedError ? error.status : undefined;
  const detail = [
    ...(codes.length > 0 ? [codes.join(', ')] : []),
    ...(status !== undefined ? [`HTTP ${status}`] : []),
    ...messages,
  ].join(': ') || String(error);
  const byCode = codes.map(reasonOfCode).find((reason) => reason !== undefined);
  const retry = error instanceof FeedError && error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {};
  if (error instanceof FeedError) {
    switch (error.kind) {
      case 'cancelled': return { reason: 'cancelled', detail };
      case 'timeout': return { reason: 'timeout', detail };
      case 'rateLimited': return { reason: 'rateLimited', detail, ...retry };
      case 'format': case 'tooLarge': return { reason: 'badResponse', detail };
      case 'server': case 'http': return { reason: reasonOfStatus(error.status ?? 500), detail };
      case 'network': return { reason: byCode ?? 'unreachable', detail };
    }
  }
  if (byCode) {
    return { reason: byCode, detail };
  }
  if (links.some((link) => typeof link === 'object' && link !== null && (link as { name?: unknown }).name === 'AbortError')) {
    return { reason: 'cancelled', detail };
  }
  return { reason: 'unknown', detail };
}
