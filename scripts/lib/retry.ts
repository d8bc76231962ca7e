/**
 * Which failures are worth retrying, and how long to wait. Transient: HTTP 5xx, a dropped or
 * refused connection, REQUEST_LIMIT_EXCEEDED (concurrency throttling) and UNABLE_TO_LOCK_ROW.
 * Never retried: validation errors and anything else the org rejected on purpose, since sending
 * the same request again would fail the same way.
 */

/** Error codes the org returns for conditions that pass with time. */
const TRANSIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'REQUEST_LIMIT_EXCEEDED',
  'UNABLE_TO_LOCK_ROW',
  'SERVER_UNAVAILABLE',
  'SERVICE_UNAVAILABLE'
]);

/** Network error codes of a connection that dropped, was refused or timed out. */
const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT'
]);

/** How many times to retry and how the wait grows. */
export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Six retries, from about half a second to at most 30 s: rides out a minute of trouble. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000
};

/**
 * Exponential backoff with jitter: half of the capped exponential delay is fixed, the other half
 * random, so concurrent clients spread out but no wait is near zero.
 */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random
): number {
  const capped = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(capped / 2 + (random() * capped) / 2);
}

function codeOf(value: unknown): string | undefined {
  if (value && typeof value === 'object') {
    const record = value as { code?: unknown; errorCode?: unknown };
    if (typeof record.errorCode === 'string') return record.errorCode;
    if (typeof record.code === 'string') return record.code;
  }
  return undefined;
}

/**
 * Why a failed request is worth retrying, or undefined when it is not.
 * @param error what the jsforce call threw: the org's error code, or for an answer without one
 *   jsforce's `ERROR_HTTP_<status>`, or the network error (jsforce keeps no status apart from these)
 */
export function transientReason(error: unknown): string | undefined {
  const code = codeOf(error);
  if (code && TRANSIENT_ERROR_CODES.has(code)) return code;
  if (code && /^ERROR_HTTP_5\d\d$/.test(code)) return code.replace('ERROR_HTTP_', 'HTTP ');
  // A dropped connection reaches us as undici's TypeError('fetch failed') with the socket error as cause.
  let cause: unknown = error;
  for (let depth = 0; cause && depth < 4; depth += 1) {
    const causeCode = codeOf(cause);
    if (causeCode && NETWORK_ERROR_CODES.has(causeCode)) return `connection: ${causeCode}`;
    cause = (cause as { cause?: unknown }).cause;
  }
  if (error instanceof TypeError && error.message === 'fetch failed') return 'connection failed';
  return undefined;
}
