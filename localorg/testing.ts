/**
 * Small HTTP helpers for tests that talk to a running local org the way clients do (fetch with a
 * bearer token). Not a test file itself, so any test may import it.
 */
import { addAbortListener } from 'node:events';
import type { LocalOrg } from './server';

/** The JSON body and status of a response. */
export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls a path of the org (`/services/data/v62.0/…`) with the org's token. */
export async function call<T = unknown>(
  org: LocalOrg,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<JsonResponse<T>> {
  const response = await fetch(`${org.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${org.accessToken}`,
      'Content-Type': 'application/json',
      ...headers
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : undefined) as T,
    headers: response.headers
  };
}

/** A GraphQL response as Salesforce returns it. */
export interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
}

/** Posts a GraphQL document. */
export async function graphql(
  org: LocalOrg,
  query: string,
  variables?: Record<string, unknown>
): Promise<JsonResponse<GraphqlBody>> {
  return call<GraphqlBody>(org, 'POST', '/services/data/v62.0/graphql', { query, variables });
}

/** Runs SOQL through the REST query resource. */
export async function soql<T = unknown>(org: LocalOrg, query: string): Promise<JsonResponse<T>> {
  return call<T>(org, 'GET', `/services/data/v62.0/query?q=${encodeURIComponent(query)}`);
}

/** Reads `data.uiapi.query.<alias>` or `data.uiapi.aggregate.<alias>` of a GraphQL body. */
export function connectionOf(
  body: GraphqlBody,
  part: 'query' | 'aggregate',
  alias: string
): {
  edges: Array<{ node: Record<string, unknown>; cursor: string }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
} {
  const uiapi = (body.data as { uiapi: Record<string, Record<string, unknown>> }).uiapi;
  return uiapi[part][alias] as ReturnType<typeof connectionOf>;
}

/**
 * jest runs each test file in a vm context whose `Symbol` lacks Node's `Symbol.dispose`; undici
 * (the HTTP client under jsforce and fetch) reads that symbol and fails with "removeAbortListener is
 * not a function". This copies Node's symbol into the test context. Call it once per test file
 * that uses jsforce.
 */
export function shareNodeDisposeSymbol(): void {
  const disposable = addAbortListener(new AbortController().signal, () => undefined);
  const [dispose] = Object.getOwnPropertySymbols(disposable);
  if (dispose && (Symbol as unknown as { dispose?: symbol }).dispose !== dispose) {
    Object.defineProperty(Symbol, 'dispose', { value: dispose, configurable: true });
  }
  (disposable as unknown as Record<symbol, () => void>)[dispose]?.();
}
