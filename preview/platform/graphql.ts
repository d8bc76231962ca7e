/**
 * Preview implementation of `lightning/graphql`: `gql` and the `graphql` wire adapter, sending
 * the query to the org's GraphQL endpoint (`POST /services/data/vNN.0/graphql`) and emitting
 * `{ data, errors, refresh }` as the platform does. Data is read-only, as it is in Salesforce.
 */
import { deepFreeze, orgRequest, type OrgResponse } from './orgApi';

/** A parsed-once GraphQL document, as `gql` returns it. */
export interface GraphQLDocument {
  readonly kind: 'Document';
  /** The document's text. */
  readonly source: string;
  toString(): string;
}

/** One GraphQL error, as the UI API GraphQL endpoint returns it. */
export interface GraphQLError {
  message: string;
  locations?: Array<{ line: number; column: number }>;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}

/** What the wire emits. */
export interface GraphQLResult {
  data: unknown;
  errors: GraphQLError[] | undefined;
  /** Sends the query again and emits the new result. */
  refresh: () => Promise<void>;
}

/** The wire's configuration. */
export interface GraphQLConfig {
  query?: GraphQLDocument | string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** `gql\`query … { … }\`` or `gql(text)`: a GraphQL document for the `graphql` wire. */
export function gql(strings: TemplateStringsArray | string, ...values: unknown[]): GraphQLDocument {
  const source =
    typeof strings === 'string'
      ? strings
      : strings.reduce(
          (text, part, index) => text + part + (index < values.length ? String(values[index]) : ''),
          ''
        );
  return Object.freeze({ kind: 'Document' as const, source, toString: () => source });
}

/** The request body the wire sends for a configuration, or undefined when it cannot send yet. */
export function graphqlRequestBody(
  config: GraphQLConfig | undefined
): { query: string; variables: Record<string, unknown>; operationName?: string } | undefined {
  const query = config?.query;
  const source = typeof query === 'string' ? query : query?.source;
  if (!source) return undefined;
  return {
    query: source,
    variables: config?.variables ?? {},
    ...(config?.operationName ? { operationName: config.operationName } : {})
  };
}

/** Turns an HTTP answer into `{ data, errors }`. */
export function graphqlOutcome(response: OrgResponse): {
  data: unknown;
  errors: GraphQLError[] | undefined;
} {
  const body = response.body as { data?: unknown; errors?: GraphQLError[] } | GraphQLError[] | null;
  if (response.ok && body && !Array.isArray(body)) {
    const errors = Array.isArray(body.errors) && body.errors.length ? body.errors : undefined;
    return { data: body.data ?? undefined, errors };
  }
  // REST-style failures (401, 500, network) come as `[{ errorCode, message }]`.
  const list = Array.isArray(body)
    ? body
    : body && !Array.isArray(body) && body.errors
      ? body.errors
      : [];
  const errors: GraphQLError[] = list.length
    ? list.map((error) => ({ ...error, message: error.message ?? `HTTP ${response.status}` }))
    : [{ message: `HTTP ${response.status} ${response.statusText}`.trim() }];
  return { data: undefined, errors };
}

// Identical requests in flight share one HTTP call, as Lightning Data Service dedupes them.
const inFlight = new Map<string, Promise<OrgResponse>>();

function send(
  body: NonNullable<ReturnType<typeof graphqlRequestBody>>,
  fresh: boolean
): Promise<OrgResponse> {
  const key = JSON.stringify(body);
  let request = fresh ? undefined : inFlight.get(key);
  if (!request) {
    request = orgRequest('POST', '/graphql', body);
    inFlight.set(key, request);
    const forget = () => inFlight.delete(key);
    request.then(forget, forget);
  }
  return request;
}

type DataCallback = (value: GraphQLResult) => void;

/** The `graphql` wire adapter. */
export class graphql {
  private readonly dataCallback: DataCallback;
  private config: GraphQLConfig | undefined;
  private configKey: string | undefined;
  private connected = false;
  private sequence = 0;

  constructor(dataCallback: DataCallback) {
    this.dataCallback = dataCallback;
  }

  /** Called by LWC's engine (the wire service) with each new configuration (reactive `$` values resolved). */
  update(config: GraphQLConfig): void {
    this.config = config;
    const body = graphqlRequestBody(config);
    const key = body ? JSON.stringify(body) : undefined;
    if (key === this.configKey) return;
    this.configKey = key;
    if (this.connected && body) void this.fetch();
  }

  connect(): void {
    this.connected = true;
    if (graphqlRequestBody(this.config)) void this.fetch();
  }

  disconnect(): void {
    this.connected = false;
    // Responses arriving after disconnect are dropped.
    this.sequence += 1;
  }

  /** `fresh`: do not share a request started earlier (a refresh after a write must see it). */
  private async fetch(fresh = false): Promise<void> {
    const body = graphqlRequestBody(this.config);
    if (!body) return;
    const sequence = ++this.sequence;
    const response = await send(body, fresh);
    // A newer configuration was sent meanwhile: its answer wins.
    if (sequence !== this.sequence) return;
    const { data, errors } = graphqlOutcome(response);
    this.dataCallback({
      data: deepFreeze(data),
      errors: deepFreeze(errors),
      refresh: () => this.fetch(true)
    });
  }
}

/** Sends the query of a result again (`refreshGraphQL(this.wiredResult)`). */
export function refreshGraphQL(result: Pick<GraphQLResult, 'refresh'> | undefined): Promise<void> {
  return result?.refresh ? result.refresh() : Promise.resolve();
}
