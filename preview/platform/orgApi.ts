/**
 * HTTP calls to the org's REST API (the local org, through the preview server) with the
 * current context's bearer token. Every call is counted by the readiness tracker.
 */
import { previewContext } from './context';
import { trackRequest } from './readiness';

/** An org response: status and parsed JSON body (null when empty). */
export interface OrgResponse {
  ok: boolean;
  status: number;
  statusText: string;
  body: unknown;
}

/** `/services/data/vNN.0` + `path`, against the context's instance URL. */
export function orgUrl(path: string): string {
  const { instanceUrl, apiVersion } = previewContext();
  return `${instanceUrl.replace(/\/$/, '')}/services/data/v${apiVersion}${path}`;
}

/** Sends one request to the org. Network failures resolve as status 0 with a message body. */
export function orgRequest(method: string, path: string, body?: unknown): Promise<OrgResponse> {
  const request = (async (): Promise<OrgResponse> => {
    let response: Response;
    try {
      response = await fetch(orgUrl(path), {
        method,
        headers: {
          Authorization: `Bearer ${previewContext().accessToken}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' })
        },
        body: body === undefined ? undefined : JSON.stringify(body)
      });
    } catch (error) {
      return {
        ok: false,
        status: 0,
        statusText: 'Network error',
        body: [
          {
            errorCode: 'NETWORK_ERROR',
            message: `The org did not answer: ${(error as Error).message}`
          }
        ]
      };
    }
    const text = await response.text();
    let parsed: unknown = null;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = [{ errorCode: 'INVALID_RESPONSE', message: text.slice(0, 500) }];
      }
    }
    return {
      ok: response.ok,
      status: response.status,
      statusText: response.statusText,
      body: parsed
    };
  })();
  return trackRequest(request);
}

/** Freezes a JSON value deeply: wire data is read-only on the platform too. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
