/**
 * Every call a command makes to an org goes through `OrgClient`, over jsforce's public API:
 * SOQL and GraphQL through `conn.request`, upserts through sObject collections
 * (`conn.sobject(T).upsert(records, extId, { allOrNone: false })`, 200 records a call) or
 * Bulk API 2.0 (`conn.bulk2.createJob`) for large sets, and the daily API usage from
 * `conn.limitInfo` (jsforce parses the `Sforce-Limit-Info` header of every response).
 *
 * What OrgClient adds, because jsforce does not do it:
 * - the API budget: it stops before a call would take the org past `--max-api-share`;
 * - one retry loop for every call. jsforce's own retry (its `retry` request option; by default
 *   GET, PUT, HEAD, OPTIONS and DELETE on 420, 429, 5xx and dropped connections, up to 5 times)
 *   sleeps on a timer no test can skip and reports only through a `retry` event jsforce keeps for
 *   its tests. Where a call takes request options (`conn.request`), it is switched off so that this
 *   loop alone decides. It cannot be passed to `sobject().upsert` or `bulk2`, so there jsforce
 *   still retries the GETs and PUTs by itself (the Bulk API CSV upload is a PUT, reading a job's
 *   state a GET) before this loop sees a failure: those retries are neither counted nor checked
 *   against the budget. Every write here is an upsert by external id (or a create confirmed by
 *   Key__c), so retrying a POST or PATCH is safe;
 * - per-record handling: rows locked by someone else (UNABLE_TO_LOCK_ROW) are sent again, and a
 *   create retried after a dropped connection that finds its record saved (DUPLICATE_VALUE on
 *   Key__c) is confirmed, not reported as failed.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { Connection } from 'jsforce';
import { ApiBudgetError, OrgRequestError } from '../../cli/errors';
import { quote } from './soql';
import { backoffDelay, DEFAULT_RETRY_POLICY, RetryPolicy, transientReason } from './retry';

/** The REST API version every script uses. */
export const API_VERSION = '62.0';
/** Records per sObject collection call (the API's maximum). */
export const COLLECTION_SIZE = 200;
/** Above this many records of one type, writes go through Bulk API 2.0. */
const BULK_THRESHOLD = 5000;

type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** jsforce's request option that switches its own HTTP retry off (see the module comment). */
const NO_JSFORCE_RETRY = { retry: { maxRetries: 0 } };

/**
 * The part of a jsforce `Connection` the client uses: public members only. Both `jsforce` and
 * `@salesforce/core` (which wraps `@jsforce/jsforce-node`) connections fit.
 */
export type ConnectionLike = Pick<
  Connection,
  'instanceUrl' | 'version' | 'limitInfo' | 'request' | 'sobject' | 'bulk2'
>;

/** Calls made so far, by kind. */
export interface CallCounts {
  reads: number;
  writes: number;
  retries: number;
}

/** A record to upsert: its external-id value (for reports) and its fields (including the external id). */
export interface UpsertRecord {
  key: string;
  fields: Record<string, unknown>;
}

/** One record that could not be written, and why. */
export interface RecordFailure {
  key: string;
  message: string;
}

/** What an upsert did, by key. */
export interface UpsertResult {
  created: string[];
  updated: string[];
  failed: RecordFailure[];
}

/** Options of an `OrgClient`. */
export interface OrgClientOptions {
  /** Highest share (0–1] of the daily API calls the run may bring the org to. */
  maxApiShare: number;
  retry?: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told about each retry (the command prints it as a warning). */
  onRetry?: (message: string) => void;
}

/** A row of a Bulk API 2.0 result: CSV cells by column (jsforce types them by the schema). */
type BulkResultRow = Record<string, string>;

/** One record's result in an sObject collection answer. */
interface CollectionSaveResult {
  id?: string | null;
  success: boolean;
  created?: boolean;
  errors?: Array<{ statusCode?: string; message?: string; fields?: string[] }>;
}

/** Talks to one org through a jsforce connection. */
export class OrgClient {
  readonly calls: CallCounts = { reads: 0, writes: 0, retries: 0 };
  private readonly retry: RetryPolicy;
  private readonly random: () => number;
  private bulkAvailable = true;
  private bulkJobsStarted = 0;

  constructor(
    private readonly conn: ConnectionLike,
    private readonly options: OrgClientOptions
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.random = options.random ?? Math.random;
  }

  /** The org's URL (never the token). */
  get instanceUrl(): string {
    return this.conn.instanceUrl;
  }

  /** Daily API usage from the last `Sforce-Limit-Info` header jsforce read, if any yet. */
  get apiUsage(): { used: number; limit: number } | undefined {
    return this.conn.limitInfo?.apiUsage;
  }

  /** Calls still allowed by the API budget, or undefined before the first response told the limit. */
  remainingBudget(): number | undefined {
    const usage = this.apiUsage;
    if (!usage) return undefined;
    return Math.max(0, Math.floor(usage.limit * this.options.maxApiShare) - usage.used);
  }

  /** The budget as a sentence, for commands that print it before they start. */
  describeBudget(): string {
    const usage = this.apiUsage;
    if (!usage) return 'daily API usage not known yet';
    return `${usage.used} of ${usage.limit} daily API calls used; this run may use ${this.remainingBudget()} more (up to ${Math.round(this.options.maxApiShare * 100)}%)`;
  }

  private checkBudget(): void {
    const usage = this.apiUsage;
    const remaining = this.remainingBudget();
    if (usage && remaining !== undefined && remaining < 1) {
      throw new ApiBudgetError(
        `the next call would exceed ${Math.round(this.options.maxApiShare * 100)}% of the org's daily API calls ` +
          `(${usage.used} of ${usage.limit} used); raise --max-api-share or run later`
      );
    }
  }

  /**
   * Makes one call (`send` is one jsforce call, one HTTP request) inside the budget check and the
   * retry loop. `label` names it in retry warnings; `attempts` tells the caller how many were made.
   */
  private async call<T>(
    kind: 'read' | 'write',
    label: string,
    send: () => PromiseLike<T>,
    attempts?: { count: number }
  ): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      this.checkBudget();
      if (kind === 'read') this.calls.reads += 1;
      else this.calls.writes += 1;
      if (attempts) attempts.count = attempt + 1;
      try {
        return await send();
      } catch (error) {
        const reason = transientReason(error);
        if (!reason || attempt >= this.retry.maxRetries) throw toOrgError(error);
        this.calls.retries += 1;
        const delay = backoffDelay(attempt, this.retry, this.random);
        this.options.onRetry?.(`${label}: ${reason}; retry ${attempt + 1} in ${delay} ms`);
        await this.options.sleep(delay);
      }
    }
  }

  /**
   * Sends one REST request (path from the domain root, e.g. `/services/data/v62.0/query?q=…`)
   * with `conn.request`. `kind` decides which counter the call adds to.
   */
  async request<T>(
    method: HttpMethod,
    path: string,
    body?: unknown,
    options: { kind?: 'read' | 'write' } = {}
  ): Promise<T> {
    const request = {
      method,
      url: path,
      ...(body === undefined
        ? {}
        : {
            body: typeof body === 'string' ? body : JSON.stringify(body),
            headers: { 'content-type': 'application/json' }
          })
    };
    return this.call(
      options.kind ?? (method === 'GET' ? 'read' : 'write'),
      `${method} ${shortPath(path)}`,
      () => this.conn.request<T>(request, NO_JSFORCE_RETRY)
    );
  }

  /** The versioned REST root, e.g. `/services/data/v62.0`. */
  get root(): string {
    return `/services/data/v${API_VERSION}`;
  }

  /**
   * Runs a SOQL query and follows `nextRecordsUrl` to the end, one counted call a page (not
   * `conn.query`, whose pages take no request options). Records lose their `attributes`.
   */
  async query<T extends Record<string, unknown>>(soql: string): Promise<T[]> {
    const records: T[] = [];
    let page = await this.request<QueryPage<T>>(
      'GET',
      `${this.root}/query?q=${encodeURIComponent(soql)}`
    );
    for (;;) {
      for (const record of page.records) records.push(stripAttributes(record));
      if (page.done || !page.nextRecordsUrl) return records;
      page = await this.request<QueryPage<T>>('GET', page.nextRecordsUrl);
    }
  }

  /**
   * Sends one GraphQL (UI API) document and returns the org's answer as it is, `errors` included:
   * for callers that read a partial answer (a rejected document blanks only what reads it).
   */
  async sendGraphql<T = unknown>(document: {
    query: string;
    variables?: Record<string, unknown>;
    operationName?: string;
  }): Promise<{ data?: T; errors?: Array<{ message: string }> }> {
    return this.request<{ data?: T; errors?: Array<{ message: string }> }>(
      'POST',
      `${this.root}/graphql`,
      document,
      { kind: 'read' }
    );
  }

  /** Sends a GraphQL (UI API) request; GraphQL errors become an OrgRequestError. */
  async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await this.sendGraphql<T>({ query, variables });
    if (response.errors && response.errors.length > 0) {
      throw new OrgRequestError(response.errors.map((e) => e.message).join('; '), 'GRAPHQL_ERROR');
    }
    if (!response.data) throw new OrgRequestError('GraphQL response without data', 'GRAPHQL_ERROR');
    return response.data;
  }

  /**
   * Upserts records of one type by an external id field: sObject collections of 200 for up to
   * BULK_THRESHOLD records, Bulk API 2.0 above. Not all-or-none: each record succeeds or fails on
   * its own; rows locked by someone else are retried, other failures are returned by key.
   */
  async upsert(
    type: string,
    externalIdField: string,
    records: readonly UpsertRecord[],
    onProgress?: (done: number, total: number) => void
  ): Promise<UpsertResult> {
    if (records.length > BULK_THRESHOLD && this.bulkAvailable) {
      try {
        return await this.bulkUpsert(type, externalIdField, records, onProgress);
      } catch (error) {
        // An org without Bulk API 2.0 answers NOT_FOUND to the job: use collections.
        if (
          !(error instanceof OrgRequestError) ||
          error.errorCode !== 'NOT_FOUND' ||
          this.bulkJobsStarted > 0
        )
          throw error;
        this.bulkAvailable = false;
        this.options.onRetry?.(
          'Bulk API 2.0 is not available here; writing in sObject collections of 200'
        );
      }
    }
    return this.collectionUpsert(type, externalIdField, records, onProgress);
  }

  /**
   * sObject collections by external id, chunked to 200 here: jsforce's `allowRecursive` would
   * split too, but one chunk's failure would then stop the rest.
   */
  private async collectionUpsert(
    type: string,
    externalIdField: string,
    records: readonly UpsertRecord[],
    onProgress?: (done: number, total: number) => void
  ): Promise<UpsertResult> {
    const result: UpsertResult = { created: [], updated: [], failed: [] };
    let pending = [...records];
    let done = 0;
    for (let round = 0; pending.length > 0; round += 1) {
      const locked: UpsertRecord[] = [];
      for (let start = 0; start < pending.length; start += COLLECTION_SIZE) {
        const chunk = pending.slice(start, start + COLLECTION_SIZE);
        const saveResults = (await this.call('write', `upsert ${type} by ${externalIdField}`, () =>
          this.conn.sobject(type).upsert(
            chunk.map((r) => r.fields),
            externalIdField,
            { allOrNone: false }
          )
        )) as CollectionSaveResult[];
        chunk.forEach((record, index) => {
          const saved = saveResults[index];
          if (saved?.success) {
            (saved.created ? result.created : result.updated).push(record.key);
            done += 1;
          } else if (isLocked(saved) && round < this.retry.maxRetries) {
            locked.push(record);
          } else {
            result.failed.push({ key: record.key, message: describeRecordErrors(saved) });
            done += 1;
          }
        });
        onProgress?.(done, records.length);
      }
      if (locked.length > 0) await this.waitForLocks(round, `${type}: ${locked.length}`);
      pending = locked;
    }
    return result;
  }

  /** Waits before sending locked rows again. */
  private async waitForLocks(round: number, what: string): Promise<void> {
    const delay = backoffDelay(round, this.retry, this.random);
    this.calls.retries += 1;
    this.options.onRetry?.(`${what} locked rows; retry in ${delay} ms`);
    await this.options.sleep(delay);
  }

  /**
   * Creates (POST) or updates by Id (PATCH) records of several types in sObject collections of
   * 200, in the order given (parents before children: a child may reference a parent created
   * earlier in the same call by `Parent__r: { Key__c }`). Used when that takes fewer calls than one
   * upsert per type. jsforce's `create`/`update` send one type a call, so this posts the
   * collection itself with `conn.request`. A create retried after a dropped connection may find
   * its records already saved (DUPLICATE_VALUE on the unique key): those are confirmed by reading
   * them back, so a retry never duplicates and never reports a saved record as failed.
   */
  async saveMixed(
    operation: 'create' | 'update',
    records: readonly MixedRecord[],
    onProgress?: (done: number, total: number) => void
  ): Promise<MixedResult> {
    const result: MixedResult = { saved: [], failed: [] };
    let pending = [...records];
    let done = 0;
    for (let round = 0; pending.length > 0; round += 1) {
      const locked: MixedRecord[] = [];
      for (const chunk of collectionChunks(pending)) {
        const attempts = { count: 0 };
        const body = JSON.stringify({
          allOrNone: false,
          records: chunk.map((r) => ({
            attributes: { type: r.type },
            ...(operation === 'update' ? { Id: r.id } : {}),
            ...r.fields
          }))
        });
        const method = operation === 'create' ? 'POST' : 'PATCH';
        const url = `${this.root}/composite/sobjects`;
        const saveResults = await this.call(
          'write',
          `${method} /composite/sobjects`,
          () =>
            this.conn.request<CollectionSaveResult[]>(
              { method, url, body, headers: { 'content-type': 'application/json' } },
              NO_JSFORCE_RETRY
            ),
          attempts
        );
        const duplicates: MixedRecord[] = [];
        chunk.forEach((record, index) => {
          const saved = saveResults[index];
          const codes = (saved?.errors ?? []).map((e) => e.statusCode);
          if (saved?.success) {
            result.saved.push({
              type: record.type,
              key: record.key,
              created: operation === 'create',
              id: saved.id ?? record.id
            });
            done += 1;
          } else if (isLocked(saved) && round < this.retry.maxRetries) {
            locked.push(record);
          } else if (
            operation === 'create' &&
            attempts.count > 1 &&
            codes.includes('DUPLICATE_VALUE')
          ) {
            duplicates.push(record);
          } else {
            result.failed.push({
              type: record.type,
              key: record.key,
              message: describeRecordErrors(saved)
            });
            done += 1;
          }
        });
        for (const record of duplicates) {
          // The earlier attempt saved it before the connection dropped: check that it is there.
          const found = await this.query<{ Id: string }>(
            `SELECT Id FROM ${record.type} WHERE Key__c = ${quote(record.key)}`
          );
          if (found.length === 1)
            result.saved.push({
              type: record.type,
              key: record.key,
              created: true,
              id: found[0].Id
            });
          else
            result.failed.push({
              type: record.type,
              key: record.key,
              message: 'DUPLICATE_VALUE: Key__c already in use'
            });
          done += 1;
        }
        onProgress?.(done, records.length);
      }
      if (locked.length > 0) await this.waitForLocks(round, `${locked.length}`);
      pending = locked;
    }
    return result;
  }

  /**
   * Opens an ingest job and uploads the records' CSV, as one step of the retry loop (two
   * requests, both counted): jsforce's job takes its data once, so an upload that failed on the
   * way (a dropped connection) is retried with a new job, and the half-loaded one is aborted (best
   * effort).
   */
  private openBulkJob(
    type: string,
    externalIdField: string,
    records: readonly UpsertRecord[],
    label: string
  ): Promise<ReturnType<ConnectionLike['bulk2']['createJob']>> {
    const csv = toCsv(records.map((r) => r.fields));
    return this.call('write', `${label} job`, async () => {
      const job = this.conn.bulk2.createJob({
        object: type,
        externalIdFieldName: externalIdField,
        contentType: 'CSV',
        operation: 'upsert',
        lineEnding: 'LF'
      });
      await job.open();
      this.bulkJobsStarted += 1;
      this.calls.writes += 1;
      try {
        await job.uploadData(csv);
      } catch (error) {
        job.abort().catch(() => undefined);
        throw error;
      }
      return job;
    });
  }

  /**
   * Bulk API 2.0 upsert through jsforce's ingest job: open, upload the CSV, close, check until
   * done (each step one counted call; the wait between checks is `sleep`, so tests skip it), then
   * read the successful and failed results. Rows that failed with UNABLE_TO_LOCK_ROW go into a
   * second job.
   */
  private async bulkUpsert(
    type: string,
    externalIdField: string,
    records: readonly UpsertRecord[],
    onProgress?: (done: number, total: number) => void
  ): Promise<UpsertResult> {
    const result: UpsertResult = { created: [], updated: [], failed: [] };
    let pending = [...records];
    for (let round = 0; pending.length > 0; round += 1) {
      const label = `Bulk API 2.0 ${type}`;
      const job = await this.openBulkJob(type, externalIdField, pending, label);
      await this.call('write', `${label} close`, () => job.close());
      for (let poll = 0; ; poll += 1) {
        const info = await this.call('read', `${label} check`, () => job.check());
        onProgress?.(
          result.created.length + result.updated.length + (info.numberRecordsProcessed ?? 0),
          records.length
        );
        if (info.state === 'JobComplete') break;
        if (info.state === 'Failed' || info.state === 'Aborted')
          throw new OrgRequestError(
            `bulk job ${job.id} ${info.state}: ${info.errorMessage ?? ''}`,
            'BULK_JOB_FAILED'
          );
        await this.options.sleep(Math.min(10_000, 500 * 2 ** Math.min(poll, 4)));
      }
      const successful = resultRows(
        await this.call('read', `${label} results`, () => job.getSuccessfulResults())
      );
      for (const row of successful)
        (row.sf__Created === 'true' ? result.created : result.updated).push(row[externalIdField]);
      const failedRows = resultRows(
        await this.call('read', `${label} failures`, () => job.getFailedResults())
      );
      const byKey = new Map(pending.map((r) => [r.key, r]));
      const locked: UpsertRecord[] = [];
      for (const row of failedRows) {
        const key = row[externalIdField];
        const original = byKey.get(key);
        if (/UNABLE_TO_LOCK_ROW/.test(row.sf__Error) && original && round < this.retry.maxRetries)
          locked.push(original);
        else result.failed.push({ key, message: row.sf__Error });
      }
      if (locked.length > 0) await this.waitForLocks(round, `${label}: ${locked.length}`);
      pending = locked;
    }
    onProgress?.(records.length, records.length);
    return result;
  }
}

/** A record for `saveMixed`: its type, key (Key__c), Id for updates, and fields. */
export interface MixedRecord {
  type: string;
  key: string;
  id?: string;
  fields: Record<string, unknown>;
}

/** What `saveMixed` did, by type and key. */
export interface MixedResult {
  saved: Array<{ type: string; key: string; created: boolean; id?: string }>;
  failed: Array<{ type: string; key: string; message: string }>;
}

/** The API saves at most this many runs of one type in a collection call ("chunks"). */
const MAX_TYPE_RUNS = 10;

/** Splits records into collection calls: at most 200 records and 10 runs of one type each. */
function collectionChunks<T extends { type: string }>(records: readonly T[]): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let runs = 0;
  for (const record of records) {
    const newRun = current.length === 0 || current[current.length - 1].type !== record.type;
    if (current.length === COLLECTION_SIZE || (newRun && runs === MAX_TYPE_RUNS)) {
      chunks.push(current);
      current = [];
      runs = 0;
    }
    if (current.length === 0 || current[current.length - 1].type !== record.type) runs += 1;
    current.push(record);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

interface QueryPage<T> {
  records: T[];
  done: boolean;
  nextRecordsUrl?: string;
}

function stripAttributes<T extends Record<string, unknown>>(record: T): T {
  const copy: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    if (field === 'attributes') continue;
    copy[field] =
      value && typeof value === 'object' && !Array.isArray(value)
        ? stripAttributes(value as Record<string, unknown>)
        : value;
  }
  return copy as T;
}

function describeRecordErrors(saved: CollectionSaveResult | undefined): string {
  if (!saved) return 'no result returned for this record';
  const errors = saved.errors ?? [];
  if (errors.length === 0) return 'failed without a reason';
  return errors
    .map(
      (e) =>
        `${e.statusCode ?? 'ERROR'}: ${e.message ?? ''}${e.fields && e.fields.length ? ` (${e.fields.join(', ')})` : ''}`
    )
    .join('; ');
}

function shortPath(path: string): string {
  const withoutQuery = path.split('?')[0];
  return withoutQuery.replace(/^\/services\/data\/v[\d.]+/, '');
}

/**
 * The rows of a Bulk API 2.0 result. jsforce parses the CSV, but its reader also splits on `;`
 * (and `|`, tab…), so an unquoted multi-select value (`Rep;Manager`) makes it give up and return
 * the text: then it is read here, split on commas only.
 */
function resultRows(result: unknown): BulkResultRow[] {
  if (Array.isArray(result)) return result as BulkResultRow[];
  if (typeof result !== 'string' || result.trim() === '') return [];
  return parseCsv(result, { columns: true }) as BulkResultRow[];
}

/** True when the org refused a record because someone else holds its row lock (worth sending again). */
function isLocked(saved: CollectionSaveResult | undefined): boolean {
  return (saved?.errors ?? []).some((e) => e.statusCode === 'UNABLE_TO_LOCK_ROW');
}

/**
 * What a jsforce call threw, as an OrgRequestError with the org's error code. jsforce keeps the
 * HTTP status only in the code it makes up for an answer without one (`ERROR_HTTP_404`).
 */
function toOrgError(error: unknown): Error {
  if (error instanceof ApiBudgetError || error instanceof OrgRequestError) return error;
  const record = error as { errorCode?: unknown; name?: unknown; message?: unknown };
  const code =
    typeof record?.errorCode === 'string'
      ? record.errorCode
      : error instanceof TypeError
        ? 'CONNECTION_FAILED'
        : typeof record?.name === 'string'
          ? record.name
          : 'ERROR';
  const message = typeof record?.message === 'string' ? record.message : String(error);
  const status = /^ERROR_HTTP_(\d{3})$/.exec(code);
  return new OrgRequestError(message, code, status ? Number(status[1]) : undefined);
}

/**
 * The CSV a Bulk API 2.0 upsert uploads: one column per field of any record, relationship
 * references flattened (`{ Cadence__r: { Key__c: 'x' } }` → `Cadence__r.Key__c`), `#N/A` for
 * null (the API's way to clear a field). Written here rather than by handing jsforce the records:
 * its serializer takes the columns from the first record only, drops a field named `type` and
 * adds an empty `Id` column to an upsert.
 */
function toCsv(records: ReadonlyArray<Record<string, unknown>>): string {
  const rows = records.map((fields) => flatten(fields));
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: unknown): string => {
    if (value === undefined) return '';
    if (value === null) return '#N/A';
    const text = String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return (
    [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join(
      '\n'
    ) + '\n'
  );
}

function flatten(fields: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value && typeof value === 'object' && !Array.isArray(value))
      Object.assign(out, flatten(value as Record<string, unknown>, `${prefix}${name}.`));
    else out[`${prefix}${name}`] = value;
  }
  return out;
}
