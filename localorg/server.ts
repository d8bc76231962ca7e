/**
 * The local org: a Node HTTP server on 127.0.0.1 that stands in for a Salesforce org, holding a
 * sample data set in memory. It speaks the wire formats Pacer uses with Salesforce — UI API
 * GraphQL, the REST API (SOQL, sobjects, collections, limits), UI API record writes, and the
 * endpoints `sf org login access-token` and @salesforce/core call — with Salesforce's error shapes,
 * a bearer token, API usage counting and injectable faults. See README.md for what differs.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SfError } from './errors';
import { faultResponse, Faults } from './faults';
import { GraphqlService } from './graphql/execute';
import { LOCAL_ORG_ID, makeId } from '../sample-data/ids';
import { DisplayFormatter, type OrgContext } from './org';
import { ApiLimits, RestApi } from './rest';
import { generateSampleData } from '../sample-data/generate';
import type { SampleDataSet } from '../sample-data/types';
import { readSampleData } from '../sample-data/write';
import { hiddenFieldsByUser, tokenUser, type HiddenFields } from './sessions';
import { loadSchema } from './schema/load-schema';
import type { OrgSchema } from './schema/model';
import { RecordStore } from './store';
import { DAY_MS, isoToDay } from '../sample-data/calendar';

/** The fake access token of the local org (no secret: it opens nothing but this server). */
export const DEFAULT_ACCESS_TOKEN = '00D000000000001!LOCAL';
/** API versions the server lists at /services/data (any vNN.0 is answered). */
const API_VERSIONS = Array.from({ length: 17 }, (_, i) => `${50 + i}.0`);
/** The newest version the server lists (userinfo URLs name it). */
const NEWEST_API_VERSION = API_VERSIONS[API_VERSIONS.length - 1];
/** Daily API requests of a new org in this stand-in. */
export const DEFAULT_API_LIMIT = 100_000;

/** How to start the local org. */
export interface LocalOrgOptions {
  /** Port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /** A data set, or the path of a sample-data file; default: the default generated data set. */
  data?: SampleDataSet | string;
  /** Bearer token clients must send (default {@link DEFAULT_ACCESS_TOKEN}). */
  accessToken?: string;
  /** Project root whose force-app metadata defines the schema (default: the working directory). */
  projectDir?: string;
  /** Daily API request allowance (default 100,000). */
  apiLimit?: number;
  /** Id of the session user (default: the top of the User.ManagerId hierarchy). */
  userId?: string;
  /**
   * Fields a user cannot see, as field-level security hides them in an org: by user id, username
   * or `'*'` (everyone), lists of `Object.Field`. The GraphQL schema of that user's requests lacks
   * them (types, filters, orderBy, groupBy); SOQL and REST still show them.
   */
  hiddenFields?: HiddenFields;
  /**
   * Offer the guide's date-part fields (`calendarMonth { value }` …) on DateTimeAggregate, which
   * the schema introspected at v60 lacks (README.md, "The grammar"). Default false.
   */
  guideDateParts?: boolean;
}

/** One request the server answered (for tests counting calls). */
export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
}

/** A running local org. */
export interface LocalOrg {
  /** e.g. `http://127.0.0.1:4410` */
  url: string;
  port: number;
  accessToken: string;
  store: RecordStore;
  schema: OrgSchema;
  org: OrgContext;
  faults: Faults;
  limits: ApiLimits;
  data: SampleDataSet;
  /** Requests answered so far, oldest first. */
  requests: RequestLogEntry[];
  /** The GraphQL service, whose `schemaFor(version, userId)` is what that user's requests see. */
  graphql: GraphqlService;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, limits: ApiLimits): void {
  res.setHeader('Sforce-Limit-Info', `api-usage=${limits.used}/${limits.max}`);
  if (status === 204 || body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json;charset=UTF-8',
    'Content-Length': Buffer.byteLength(text)
  });
  res.end(text);
}

/** Sends CSV text (Bulk API 2.0 results), with the same limit header as every answer. */
function sendCsv(res: ServerResponse, status: number, text: string, limits: ApiLimits): void {
  res.setHeader('Sforce-Limit-Info', `api-usage=${limits.used}/${limits.max}`);
  res.writeHead(status, {
    'Content-Type': 'text/csv',
    'Content-Length': Buffer.byteLength(text)
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sessionUser(data: SampleDataSet, requested?: string): string {
  if (requested) return requested;
  const users = data.records.User ?? [];
  const top = users.find((u) => !u.ManagerId && u.IsActive !== false) ?? users[0];
  return top ? String(top.Id) : makeId('005', 1);
}

function isActiveUser(store: RecordStore, userId: string): boolean {
  const user = store.getById(userId);
  return Boolean(user) && user?.IsActive !== false && userId.startsWith('005');
}

function replyError(error: unknown, reply: (status: number, body: unknown) => void): void {
  if (error instanceof SfError) {
    const ui = (error as SfError & { uiBody?: unknown }).uiBody;
    reply(error.status, ui ?? [error.toRest()]);
    return;
  }
  reply(500, [{ message: (error as Error).message, errorCode: 'UNKNOWN_EXCEPTION' }]);
}

function userInfo(org: OrgContext, base: string, version: string): Record<string, unknown> {
  const user = org.store.getById(org.userId) ?? {};
  const v = version;
  return {
    sub: `${base}/id/${LOCAL_ORG_ID}/${org.userId}`,
    user_id: org.userId,
    organization_id: LOCAL_ORG_ID,
    preferred_username: user.Username ?? 'admin@pacer-local.example',
    nickname: user.FirstName ?? 'admin',
    name: user.Name ?? 'Local Admin',
    email: user.Email ?? 'admin@pacer-local.example',
    email_verified: true,
    given_name: user.FirstName ?? 'Local',
    family_name: user.LastName ?? 'Admin',
    zoneinfo: org.calendar.timeZone,
    active: true,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_GB',
    utcOffset: 0,
    updated_at: org.now(),
    is_app_installed: true,
    urls: {
      enterprise: `${base}/services/Soap/c/${v}/${LOCAL_ORG_ID}`,
      metadata: `${base}/services/Soap/m/${v}/${LOCAL_ORG_ID}`,
      partner: `${base}/services/Soap/u/${v}/${LOCAL_ORG_ID}`,
      rest: `${base}/services/data/v${v}/`,
      sobjects: `${base}/services/data/v${v}/sobjects/`,
      search: `${base}/services/data/v${v}/search/`,
      query: `${base}/services/data/v${v}/query/`,
      recent: `${base}/services/data/v${v}/recent/`,
      tooling_soap: `${base}/services/Soap/T/${v}/${LOCAL_ORG_ID}`,
      tooling_rest: `${base}/services/data/v${v}/tooling/`,
      profile: `${base}/${org.userId}`,
      feeds: `${base}/services/data/v${v}/chatter/feeds`,
      groups: `${base}/services/data/v${v}/chatter/groups`,
      users: `${base}/services/data/v${v}/chatter/users`,
      feed_items: `${base}/services/data/v${v}/chatter/feed-items`,
      feed_elements: `${base}/services/data/v${v}/chatter/feed-elements`,
      custom_domain: base
    }
  };
}

/** Starts a local org; resolves once it listens. */
export async function startLocalOrg(options: LocalOrgOptions = {}): Promise<LocalOrg> {
  const data =
    typeof options.data === 'string'
      ? readSampleData(options.data)
      : (options.data ?? generateSampleData());
  const schema = loadSchema(options.projectDir ?? process.cwd());
  const store = new RecordStore(schema, data);
  const asOf = data.meta.asOf;
  const asOfMs = isoToDay(asOf) * DAY_MS;
  let lastNow = 0;
  const requestUser = new AsyncLocalStorage<string>();
  const requestVersion = new AsyncLocalStorage<string>();
  let sessionUserId = sessionUser(data, options.userId);
  const org: OrgContext = {
    schema,
    store,
    calendar: {
      today: isoToDay(asOf),
      fiscalYearStartMonth: data.meta.fiscalYearStartMonth ?? 1,
      weekStartsOn: 1,
      timeZone: data.meta.orgTimeZone ?? 'UTC'
    },
    currency: data.meta.currency ?? 'EUR',
    locale: 'en_GB',
    // A request made with a user token runs as that user; any other as the session user.
    get userId(): string {
      return requestUser.getStore() ?? sessionUserId;
    },
    set userId(id: string) {
      sessionUserId = id;
    },
    // The org's day is the data set's asOf; the time of day is the real one, strictly increasing.
    now() {
      let ms = asOfMs + (Date.now() % DAY_MS);
      if (ms <= lastNow) ms = lastNow + 1;
      lastNow = ms;
      return new Date(ms).toISOString();
    }
  };
  store.insert('Organization', {
    Id: LOCAL_ORG_ID,
    Name: 'Pacer Local Org',
    InstanceName: 'LOCAL',
    IsSandbox: false,
    TrialExpirationDate: null,
    NamespacePrefix: null,
    OrganizationType: 'Developer Edition',
    TimeZoneSidKey: org.calendar.timeZone,
    DefaultLocaleSidKey: 'en_GB',
    LanguageLocaleKey: 'en_US',
    FiscalYearStartMonth: org.calendar.fiscalYearStartMonth,
    DefaultCurrencyIsoCode: org.currency,
    CreatedDate: `${asOf}T00:00:00.000Z`,
    LastModifiedDate: `${asOf}T00:00:00.000Z`,
    SystemModstamp: `${asOf}T00:00:00.000Z`
  });

  const accessToken = options.accessToken ?? DEFAULT_ACCESS_TOKEN;
  const faults = new Faults();
  const limits = new ApiLimits(options.apiLimit ?? DEFAULT_API_LIMIT);
  const display = new DisplayFormatter(org.currency, org.calendar.timeZone);
  const hidden = hiddenFieldsByUser(schema, store, options.hiddenFields ?? {});
  const graphql = new GraphqlService({
    schema,
    apiVersion: () => requestVersion.getStore() ?? NEWEST_API_VERSION,
    hiddenFieldsOf: hidden,
    guideDateParts: options.guideDateParts
  });
  const rest = new RestApi(org, faults, graphql, display, limits);
  const requests: RequestLogEntry[] = [];

  // Known once the server listens (port 0 picks a free one).
  const address = { url: '' };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    // A stored instance URL ending in '/' makes clients ask for '//services/…' (which would parse as a host).
    const url = new URL((req.url ?? '/').replace(/^\/{2,}/, '/'), 'http://127.0.0.1');
    const path = url.pathname.replace(/\/{2,}/g, '/');
    const reply = (status: number, body: unknown, csv?: string): void => {
      requests.push({ method, path, status });
      if (csv !== undefined) sendCsv(res, status, csv, limits);
      else send(res, status, body, limits);
    };
    try {
      if (path === '/' && method === 'GET') {
        reply(200, {
          name: 'Pacer local org',
          instanceUrl: address.url,
          apiVersions: API_VERSIONS,
          records: store.counts()
        });
        return;
      }
      const auth = String(req.headers.authorization ?? '');
      const user = auth
        ? tokenUser(auth.replace(/^(Bearer|OAuth)\s+/i, ''), accessToken)
        : undefined;
      if (user === undefined || (user !== null && !isActiveUser(store, user))) {
        reply(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
        return;
      }
      if (user !== null) {
        await requestUser.run(user, () => answer(req, method, url, path, reply));
        return;
      }
      await answer(req, method, url, path, reply);
    } catch (error) {
      replyError(error, reply);
    }
  }

  /** Everything after authentication, as the request's user. */
  async function answer(
    req: IncomingMessage,
    method: string,
    url: URL,
    path: string,
    reply: (status: number, body: unknown, csv?: string) => void
  ): Promise<void> {
    try {
      const text = method === 'GET' || method === 'DELETE' ? '' : await readBody(req);
      let body: unknown;
      // A Bulk API 2.0 upload is CSV text; everything else is JSON.
      if (/^text\/csv/i.test(String(req.headers['content-type'] ?? ''))) body = text;
      else if (text.trim() !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          throw new SfError(
            'JSON_PARSER_ERROR',
            `Unexpected character in the request body at [line:1, column:1]`,
            [],
            400
          );
        }
      }

      if (path === '/__faults') {
        if (method === 'GET')
          return reply(200, { pending: faults.pending(), applied: faults.applied });
        const spec = (body ?? {}) as Record<string, unknown>;
        if (spec.clear) faults.clear();
        if (spec.failRecord) faults.failRecord(spec.failRecord as { key: string });
        if (spec.kind) faults.inject(spec as unknown as Parameters<Faults['inject']>[0]);
        return reply(200, { pending: faults.pending() });
      }

      const fault = faults.take(method, path);
      if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault?.kind === 'drop') {
        requests.push({ method, path, status: 0 });
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'unavailable' || fault?.kind === 'requestLimit') {
        const error = faultResponse(fault.kind);
        return reply(error.status, [error.toRest()]);
      }

      if (path === '/services/data' && method === 'GET') {
        return reply(
          200,
          API_VERSIONS.map((v) => ({ label: `v${v}`, url: `/services/data/v${v}`, version: v }))
        );
      }
      if (path === '/services/oauth2/userinfo' || path.startsWith(`/id/${LOCAL_ORG_ID}/`)) {
        return reply(200, userInfo(org, address.url, NEWEST_API_VERSION));
      }
      const match = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(path);
      if (!match) throw new SfError('NOT_FOUND', 'The requested resource does not exist', [], 404);
      if (limits.remaining <= 0) {
        return reply(403, [
          { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }
        ]);
      }
      limits.used += 1;
      const response = await requestVersion.run(match[1], () =>
        rest.handle({
          method,
          path: match[2] ?? '',
          query: url.searchParams,
          body,
          version: match[1],
          headers: req.headers,
          fault: fault?.kind === 'lockRow' ? fault : null
        })
      );
      reply(response.status, response.body, response.csv);
    } catch (error) {
      replyError(error, reply);
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(res, 500, [{ message: String(error), errorCode: 'UNKNOWN_EXCEPTION' }], limits);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  address.url = `http://127.0.0.1:${port}`;
  return {
    url: address.url,
    port,
    accessToken,
    store,
    schema,
    org,
    faults,
    limits,
    data,
    requests,
    graphql,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      })
  };
}
