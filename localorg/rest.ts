/**
 * The REST resources under `/services/data/vNN.0` that Pacer's scripts, jsforce, @salesforce/core
 * and the components use: query/queryAll with `nextRecordsUrl` paging, sobjects (describe, CRUD,
 * upsert by external id), sObject collections, Bulk API 2.0 ingest (bulk.ts), limits, GraphQL and
 * UI API record writes.
 */
import type { IncomingHttpHeaders } from 'node:http';
import {
  deleteCollection,
  deleteRecord,
  saveCollection,
  upsertField,
  upsertTarget,
  type CollectionOperation
} from './collections';
import { BulkIngest } from './bulk';
import { describeGlobal, describeObject, globalEntry } from './describe';
import { QueryError } from './query/paths';
import { badRequest, notFound, SfError } from './errors';
import type { FaultHit, Faults } from './faults';
import type { GraphqlService } from './graphql/execute';
import { displayValueOf } from './graphql/static-types';
import { isValidId, to18 } from '../sample-data/ids';
import type { DisplayFormatter, OrgContext } from './org';
import type { ObjectDef } from './schema/model';
import type { SObjectRecord } from '../sample-data/types';
import { projectRecord, queryColumns, runSoql, type QueryAnswer } from './soql';
import { fieldValue, resolveDottedPath } from './query/paths';
import { applyWrite, prepareWrite } from './writes';

/** A request routed to the REST API (path after `/services/data/vNN.0`). */
export interface RestRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  version: string;
  headers: IncomingHttpHeaders;
  /** A lockRow fault that hit this request, if any. */
  fault: FaultHit | null;
}

/** What to send back: a JSON body, or CSV text (Bulk API results). */
export interface RestResponse {
  status: number;
  body?: unknown;
  csv?: string;
}

/** Records per query page unless `Sforce-Query-Options: batchSize=n` asks for fewer. */
export const QUERY_BATCH_SIZE = 2000;
const MAX_QUERY_LOCATORS = 100;

interface Locator {
  answer: QueryAnswer;
  batch: number;
}

/** Daily API request allowance and its use. */
export class ApiLimits {
  used = 0;
  constructor(readonly max: number) {}

  get remaining(): number {
    return Math.max(0, this.max - this.used);
  }
}

function record(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('The request body must be a JSON object');
  return body as Record<string, unknown>;
}

/** The REST API of one local org. */
export class RestApi {
  private readonly locators = new Map<string, Locator>();
  private locatorCount = 0;
  private readonly bulk: BulkIngest;

  constructor(
    private readonly org: OrgContext,
    private readonly faults: Faults,
    private readonly graphql: GraphqlService,
    private readonly display: DisplayFormatter,
    private readonly limits: ApiLimits
  ) {
    this.bulk = new BulkIngest(org, faults);
  }

  private object(name: string): ObjectDef {
    const object = this.org.schema.objectsLower.get(decodeURIComponent(name).toLowerCase());
    if (!object) throw new SfError('NOT_FOUND', `The requested resource does not exist`, [], 404);
    return object;
  }

  /** Routes one request. */
  async handle(req: RestRequest): Promise<RestResponse> {
    const parts = req.path.split('/').filter(Boolean);
    const [head, ...rest] = parts;
    const m = req.method;
    switch (head) {
      case undefined:
        return { status: 200, body: this.resources(req.version) };
      case 'limits':
        return { status: 200, body: this.limitsBody() };
      case 'query':
      case 'queryAll':
        if (m !== 'GET') break;
        return rest.length > 0 ? this.queryMore(rest[0], req.version) : this.query(req);
      case 'graphql':
        if (m !== 'POST') break;
        return { status: 200, body: await this.graphql.run(this.org, this.display, req.body) };
      case 'sobjects':
        return this.sobjects(req, rest);
      case 'composite':
        if (rest[0] === 'sobjects') return this.composite(req, rest.slice(1));
        break;
      case 'ui-api':
        if (rest[0] === 'records') return this.uiRecords(req, rest.slice(1));
        break;
      case 'jobs':
        if (rest[0] === 'ingest')
          return this.bulk.handle(
            m,
            rest.slice(1),
            req.body,
            req.fault?.kind === 'lockRow' ? req.fault.records : 0
          );
        break;
    }
    throw notFound();
  }

  private resources(version: string): Record<string, string> {
    const base = `/services/data/v${version}`;
    return {
      sobjects: `${base}/sobjects`,
      query: `${base}/query`,
      queryAll: `${base}/queryAll`,
      limits: `${base}/limits`,
      composite: `${base}/composite`,
      jobs: `${base}/jobs`,
      graphql: `${base}/graphql`,
      'ui-api': `${base}/ui-api`
    };
  }

  private limitsBody(): Record<string, { Max: number; Remaining: number }> {
    return {
      DailyApiRequests: { Max: this.limits.max, Remaining: this.limits.remaining },
      DailyBulkV2QueryJobs: { Max: 10000, Remaining: 10000 },
      DailyBulkApiBatches: { Max: 15000, Remaining: 15000 },
      ConcurrentAsyncGetReportInstances: { Max: 200, Remaining: 200 },
      DataStorageMB: { Max: 1024, Remaining: 1024 }
    };
  }

  private query(req: RestRequest): RestResponse {
    const soql = req.query.get('q');
    if (!soql) throw new SfError('MALFORMED_QUERY', 'A query string has to be specified', [], 400);
    const options = String(req.headers['sforce-query-options'] ?? '');
    const asked = /batchSize=(\d+)/i.exec(options);
    const batch = asked
      ? Math.min(QUERY_BATCH_SIZE, Math.max(200, Number(asked[1])))
      : QUERY_BATCH_SIZE;
    let answer: QueryAnswer;
    try {
      if (req.query.get('columns') === 'true')
        return { status: 200, body: queryColumns(this.org, soql) };
      answer = runSoql(this.org, soql, req.version);
    } catch (error) {
      if (error instanceof QueryError) throw new SfError(error.errorCode, error.message, [], 400);
      throw error;
    }
    if (answer.countOnly)
      return { status: 200, body: { totalSize: answer.size, done: true, records: [] } };
    return { status: 200, body: this.page(answer, 0, batch, req.version) };
  }

  private page(
    answer: QueryAnswer,
    offset: number,
    batch: number,
    version: string
  ): Record<string, unknown> {
    const end = Math.min(answer.size, offset + batch);
    const records = [];
    for (let i = offset; i < end; i++) records.push(answer.row(i));
    const body: Record<string, unknown> = {
      totalSize: answer.size,
      done: end >= answer.size,
      records
    };
    if (end < answer.size) {
      let id = '';
      for (const [key, locator] of this.locators) if (locator.answer === answer) id = key;
      if (!id) {
        this.locatorCount += 1;
        id = to18(`01gLO${String(this.locatorCount).padStart(10, '0')}`);
        if (this.locators.size >= MAX_QUERY_LOCATORS)
          this.locators.delete(this.locators.keys().next().value as string);
        this.locators.set(id, { answer, batch });
      }
      body.nextRecordsUrl = `/services/data/v${version}/query/${id}-${end}`;
    }
    return body;
  }

  private queryMore(locatorRef: string, version: string): RestResponse {
    const match = /^([0-9A-Za-z]{15,18})-(\d+)$/.exec(locatorRef);
    const locator = match ? this.locators.get(match[1]) : undefined;
    if (!match || !locator)
      throw new SfError('INVALID_QUERY_LOCATOR', 'invalid query locator', [], 400);
    return {
      status: 200,
      body: this.page(locator.answer, Number(match[2]), locator.batch, version)
    };
  }

  private rowOf(
    object: ObjectDef,
    stored: SObjectRecord,
    fieldsParam: string | null,
    version: string
  ): Record<string, unknown> {
    const names = fieldsParam
      ? fieldsParam
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean)
      : object.fieldList.map((f) => f.name);
    const paths = names.map((n) => resolveDottedPath(this.org.schema, object, n));
    return projectRecord(this.org, object, stored, paths, version);
  }

  private findRecord(object: ObjectDef, rawId: string): SObjectRecord {
    if (!isValidId(rawId))
      throw new SfError(
        'NOT_FOUND',
        `Provided external ID field does not exist or is not accessible: ${rawId}`,
        [],
        404
      );
    const id = to18(rawId);
    const stored = this.org.store.getById(id);
    if (!stored || this.org.store.objectOfId(id)?.name !== object.name) {
      throw new SfError('NOT_FOUND', 'The requested resource does not exist', [], 404);
    }
    return stored;
  }

  private lockedSingle(req: RestRequest): void {
    if (req.fault?.kind === 'lockRow') {
      throw new SfError(
        'UNABLE_TO_LOCK_ROW',
        'unable to obtain exclusive access to this record',
        [],
        400
      );
    }
  }

  private checkRecordFault(keys: unknown[]): void {
    const failure = this.faults.recordError(keys);
    if (failure) throw new SfError(failure.code, failure.message, failure.fields, 400);
  }

  private sobjects(req: RestRequest, parts: string[]): RestResponse {
    const m = req.method;
    if (parts.length === 0) {
      if (m === 'GET') return { status: 200, body: describeGlobal(req.version, this.org.schema) };
      throw notFound();
    }
    const object = this.object(parts[0]);
    if (parts.length === 1) {
      if (m === 'GET')
        return {
          status: 200,
          body: { objectDescribe: globalEntry(req.version, object), recentItems: [] }
        };
      if (m === 'POST') {
        this.lockedSingle(req);
        const body = record(req.body);
        this.checkRecordFault([body.Key__c, body.Name]);
        const prepared = prepareWrite(this.org, object, body, null);
        const result = applyWrite(this.org, prepared);
        return { status: 201, body: { id: result.id, success: true, errors: [] } };
      }
      throw notFound();
    }
    if (parts.length === 2 && parts[1] === 'describe' && m === 'GET') {
      return { status: 200, body: describeObject(req.version, object) };
    }
    if (parts.length === 2) {
      const stored = this.findRecord(object, parts[1]);
      if (m === 'GET')
        return {
          status: 200,
          body: this.rowOf(object, stored, req.query.get('fields'), req.version)
        };
      if (m === 'PATCH') {
        this.lockedSingle(req);
        this.checkRecordFault([stored.Key__c, stored.Id, stored.Name]);
        applyWrite(this.org, prepareWrite(this.org, object, record(req.body), stored));
        return { status: 204 };
      }
      if (m === 'DELETE') {
        deleteRecord(this.org, object, String(stored.Id));
        return { status: 204 };
      }
      throw notFound();
    }
    if (parts.length === 3) {
      const field = upsertField(object, parts[1]);
      const value = decodeURIComponent(parts[2]);
      if (m === 'GET') {
        const stored = upsertTarget(this.org, object, field, value);
        if (!stored)
          throw new SfError('NOT_FOUND', 'The requested resource does not exist', [], 404);
        return {
          status: 200,
          body: this.rowOf(object, stored, req.query.get('fields'), req.version)
        };
      }
      if (m === 'PATCH') {
        this.lockedSingle(req);
        this.checkRecordFault([value]);
        const body = record(req.body);
        const existing = upsertTarget(this.org, object, field, value);
        const values = existing
          ? body
          : { ...body, ...(field.type === 'id' ? {} : { [field.name]: value }) };
        const result = applyWrite(this.org, prepareWrite(this.org, object, values, existing));
        return {
          status: result.created ? 201 : 200,
          body: { id: result.id, success: true, errors: [], created: result.created }
        };
      }
      if (m === 'DELETE') {
        const stored = upsertTarget(this.org, object, field, value);
        if (!stored) throw notFound();
        deleteRecord(this.org, object, String(stored.Id));
        return { status: 204 };
      }
    }
    throw notFound();
  }

  private composite(req: RestRequest, parts: string[]): RestResponse {
    const m = req.method;
    const lockedRecords = req.fault?.kind === 'lockRow' ? req.fault.records : 0;
    if (parts.length === 0) {
      if (m === 'DELETE') {
        const ids = (req.query.get('ids') ?? '').split(',').filter(Boolean);
        return {
          status: 200,
          body: deleteCollection(this.org, ids, req.query.get('allOrNone') === 'true')
        };
      }
      if (m !== 'POST' && m !== 'PATCH') throw notFound();
      const body = record(req.body);
      if (!Array.isArray(body.records)) throw badRequest("The request needs a 'records' array");
      const operation: CollectionOperation = m === 'POST' ? 'create' : 'update';
      return {
        status: 200,
        body: saveCollection(this.org, this.faults, operation, body.records, {
          allOrNone: body.allOrNone === true,
          lockedRecords
        })
      };
    }
    const object = this.object(parts[0]);
    if (parts.length === 1 && (m === 'GET' || m === 'POST')) {
      const source =
        m === 'GET'
          ? { ids: req.query.get('ids')?.split(','), fields: req.query.get('fields')?.split(',') }
          : record(req.body);
      const ids = (source.ids as string[] | undefined) ?? [];
      const fields = ((source.fields as string[] | undefined) ?? []).join(',');
      return {
        status: 200,
        body: ids.map((id) => {
          const stored = isValidId(id) ? this.org.store.getById(to18(id)) : undefined;
          return stored && this.org.store.objectOfId(String(stored.Id))?.name === object.name
            ? this.rowOf(object, stored, fields || null, req.version)
            : null;
        })
      };
    }
    if (parts.length === 2 && m === 'PATCH') {
      const field = upsertField(object, parts[1]);
      const body = record(req.body);
      if (!Array.isArray(body.records)) throw badRequest("The request needs a 'records' array");
      return {
        status: 200,
        body: saveCollection(this.org, this.faults, 'upsert', body.records, {
          allOrNone: body.allOrNone === true,
          objectForUpsert: object,
          externalIdField: field,
          lockedRecords
        })
      };
    }
    throw notFound();
  }

  /** UI API record representation: `{ apiName, id, fields: { F: { value, displayValue } }, … }`. */
  private uiRecord(
    object: ObjectDef,
    stored: SObjectRecord,
    only?: Set<string>
  ): Record<string, unknown> {
    const fields: Record<string, { value: unknown; displayValue: string | null }> = {};
    for (const field of object.fieldList) {
      if (only && !only.has(field.name)) continue;
      const value = fieldValue(stored, field);
      fields[field.name] = {
        value,
        displayValue: displayValueOf({ value, field, display: this.display })
      };
    }
    const modstamp = String(stored.SystemModstamp ?? stored.LastModifiedDate ?? '');
    return {
      apiName: object.name,
      childRelationships: {},
      eTag: Buffer.from(`${String(stored.Id)}:${modstamp}`).toString('base64'),
      fields,
      id: stored.Id,
      lastModifiedById: stored.LastModifiedById ?? null,
      lastModifiedDate: stored.LastModifiedDate ?? null,
      recordTypeId: null,
      recordTypeInfo: null,
      systemModstamp: stored.SystemModstamp ?? null,
      weakEtag: Date.parse(modstamp) || 0
    };
  }

  private uiError(error: SfError, operation: string): SfError & { uiBody: unknown } {
    const fieldErrors: Record<string, unknown[]> = {};
    for (const field of error.fields) {
      fieldErrors[field] = [
        {
          constituentField: null,
          duplicateRecordError: null,
          errorCode: error.code,
          field,
          fieldLabel: field,
          message: error.message
        }
      ];
    }
    const body = {
      enhancedErrorType: 'RecordError',
      message: `An error occurred while trying to ${operation} the record. Please try again.`,
      output: {
        errors:
          error.fields.length > 0
            ? []
            : [
                {
                  constituentField: null,
                  duplicateRecordError: null,
                  errorCode: error.code,
                  field: null,
                  fieldLabel: null,
                  message: error.message
                }
              ],
        fieldErrors
      }
    };
    return Object.assign(new SfError(error.code, error.message, error.fields, error.status), {
      uiBody: body
    });
  }

  private uiRecords(req: RestRequest, parts: string[]): RestResponse {
    const m = req.method;
    try {
      if (parts.length === 0 && m === 'POST') {
        this.lockedSingle(req);
        const body = record(req.body);
        if (typeof body.apiName !== 'string')
          throw badRequest("The request needs 'apiName'", 'INVALID_INPUT');
        const object = this.object(body.apiName);
        const fields = record(body.fields ?? {});
        this.checkRecordFault([fields.Key__c, fields.Name]);
        const result = applyWrite(this.org, prepareWrite(this.org, object, fields, null));
        return { status: 201, body: this.uiRecord(object, this.org.store.getById(result.id)!) };
      }
      if (parts.length === 1) {
        const id = parts[0];
        const stored = isValidId(id) ? this.org.store.getById(to18(id)) : undefined;
        const object = stored ? this.org.store.objectOfId(String(stored.Id)) : undefined;
        if (!stored || !object)
          throw new SfError('NOT_FOUND', 'The requested resource does not exist', [], 404);
        if (m === 'GET') {
          const requested = [
            ...(req.query.get('fields') ?? '').split(','),
            ...(req.query.get('optionalFields') ?? '').split(',')
          ]
            .map((f) => f.trim())
            .filter(Boolean)
            .map((f) => f.slice(f.indexOf('.') + 1));
          return {
            status: 200,
            body: this.uiRecord(
              object,
              stored,
              requested.length > 0 ? new Set([...requested, 'Id']) : undefined
            )
          };
        }
        if (m === 'PATCH') {
          this.lockedSingle(req);
          this.checkRecordFault([stored.Key__c, stored.Id, stored.Name]);
          const body = record(req.body);
          applyWrite(this.org, prepareWrite(this.org, object, record(body.fields ?? {}), stored));
          return { status: 200, body: this.uiRecord(object, stored) };
        }
        if (m === 'DELETE') {
          deleteRecord(this.org, object, String(stored.Id));
          return { status: 204 };
        }
      }
    } catch (error) {
      if (error instanceof SfError && error.status === 400)
        throw this.uiError(error, m === 'POST' ? 'create' : 'update');
      throw error;
    }
    throw notFound();
  }
}
