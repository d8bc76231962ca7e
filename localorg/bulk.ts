/**
 * Bulk API 2.0 ingest jobs (`/jobs/ingest`), for upserts by external id as jsforce's
 * `conn.bulk2` sends them: create the job (JSON), upload the CSV (`PUT …/batches`), close it
 * (`PATCH` state `UploadComplete`), read its state, then `successfulResults`, `failedResults` and
 * `unprocessedrecords` as CSV. The local org processes a job when it is closed, in chunks of
 * sObject collections (collections.ts), so a record fails or succeeds here exactly as it would
 * there (faults included). CSV cells follow the Bulk API: an empty cell leaves the field as it
 * is, `#N/A` clears it, `Parent__r.Key__c` references a parent by external id.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { MAX_COLLECTION_RECORDS, saveCollection, upsertField } from './collections';
import { badRequest, notFound, SfError } from './errors';
import type { Faults } from './faults';
import { makeId } from '../sample-data/ids';
import type { OrgContext } from './org';
import type { ObjectDef } from './schema/model';

/** Key prefix of a Bulk API job id (AsyncApexJob-like `750`). */
const JOB_ID_PREFIX = '750';
/** The Bulk API's text for a null value in a CSV cell. */
const NULL_CELL = '#N/A';

type JobState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

interface IngestJob {
  id: string;
  object: ObjectDef;
  externalIdFieldName: string;
  state: JobState;
  columns: string[];
  rows: Array<Record<string, string>>;
  successful: Array<Record<string, string>>;
  failed: Array<Record<string, string>>;
}

/** A REST answer: JSON, or CSV text for results. */
export interface BulkResponse {
  status: number;
  body?: unknown;
  csv?: string;
}

/** The ingest jobs of one local org. */
export class BulkIngest {
  private readonly jobs = new Map<string, IngestJob>();

  constructor(
    private readonly org: OrgContext,
    private readonly faults: Faults
  ) {}

  /**
   * Answers one request under `/jobs/ingest`. `parts` is the path after it; `body` the parsed
   * JSON or, for an upload, the CSV text; `lockedRecords` the rows a lockRow fault locks.
   */
  handle(method: string, parts: string[], body: unknown, lockedRecords: number): BulkResponse {
    if (parts.length === 0 && method === 'POST') return this.create(body);
    const job = this.jobs.get(parts[0] ?? '');
    if (!job) throw new SfError('NOT_FOUND', 'The requested resource does not exist', [], 404);
    const [, resource] = parts;
    if (resource === undefined && method === 'GET') return { status: 200, body: this.info(job) };
    if (resource === undefined && method === 'PATCH')
      return this.setState(job, body, lockedRecords);
    if (resource === undefined && method === 'DELETE') {
      this.jobs.delete(job.id);
      return { status: 204 };
    }
    if (resource === 'batches' && method === 'PUT') return this.upload(job, body);
    if (method === 'GET' && resource === 'successfulResults')
      return {
        status: 200,
        csv: resultCsv(['sf__Id', 'sf__Created'], job.columns, job.successful)
      };
    if (method === 'GET' && resource === 'failedResults')
      return { status: 200, csv: resultCsv(['sf__Id', 'sf__Error'], job.columns, job.failed) };
    if (method === 'GET' && resource === 'unprocessedrecords')
      return {
        status: 200,
        csv: resultCsv([], job.columns, job.state === 'JobComplete' ? [] : job.rows)
      };
    throw notFound();
  }

  private create(body: unknown): BulkResponse {
    const spec = (body ?? {}) as Record<string, unknown>;
    if (spec.operation !== 'upsert')
      throw badRequest(
        `The local org's Bulk API 2.0 runs upserts only, not ${String(spec.operation)}`
      );
    const object = this.org.schema.objectsLower.get(String(spec.object ?? '').toLowerCase());
    if (!object)
      throw new SfError('INVALIDENTITY', `Entity '${String(spec.object)}' is not supported`);
    const field = upsertField(object, String(spec.externalIdFieldName ?? ''));
    const job: IngestJob = {
      id: makeId(JOB_ID_PREFIX, this.jobs.size + 1),
      object,
      externalIdFieldName: field.name,
      state: 'Open',
      columns: [],
      rows: [],
      successful: [],
      failed: []
    };
    this.jobs.set(job.id, job);
    return { status: 200, body: this.info(job) };
  }

  private upload(job: IngestJob, body: unknown): BulkResponse {
    if (job.state !== 'Open') throw badRequest(`Job ${job.id} is not open for data`);
    if (typeof body !== 'string')
      throw badRequest('The batch must be CSV text (Content-Type: text/csv)');
    const [header = [], ...lines] = parseCsv(body, { skip_empty_lines: true }) as string[][];
    job.columns = header.map((c) => c.trim());
    for (const cells of lines)
      job.rows.push(Object.fromEntries(job.columns.map((c, i) => [c, cells[i] ?? ''])));
    return { status: 201 };
  }

  private setState(job: IngestJob, body: unknown, lockedRecords: number): BulkResponse {
    const state = (body as { state?: unknown } | undefined)?.state;
    if (state === 'Aborted') job.state = 'Aborted';
    else if (state === 'UploadComplete' && job.state === 'Open') this.run(job, lockedRecords);
    else throw badRequest(`Cannot set job ${job.id} from ${job.state} to ${String(state)}`);
    return { status: 200, body: this.info(job) };
  }

  /** Processes the job's rows in collections of 200, as the org does with its batches. */
  private run(job: IngestJob, lockedRecords: number): void {
    const field = upsertField(job.object, job.externalIdFieldName);
    for (let start = 0; start < job.rows.length; start += MAX_COLLECTION_RECORDS) {
      const chunk = job.rows.slice(start, start + MAX_COLLECTION_RECORDS);
      const results = saveCollection(this.org, this.faults, 'upsert', chunk.map(recordOfRow), {
        allOrNone: false,
        objectForUpsert: job.object,
        externalIdField: field,
        lockedRecords: start === 0 ? lockedRecords : 0
      });
      chunk.forEach((row, index) => {
        const result = results[index];
        if (result.success)
          job.successful.push({
            sf__Id: String(result.id),
            sf__Created: String(Boolean(result.created)),
            ...row
          });
        else
          job.failed.push({
            sf__Id: '',
            sf__Error: (result.errors ?? [])
              .map((e) => `${e.statusCode}:${e.message}:${(e.fields ?? []).join(',')}--`)
              .join(' '),
            ...row
          });
      });
    }
    job.state = 'JobComplete';
  }

  private info(job: IngestJob): Record<string, unknown> {
    return {
      id: job.id,
      operation: 'upsert',
      object: job.object.name,
      externalIdFieldName: job.externalIdFieldName,
      state: job.state,
      contentType: 'CSV',
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
      numberRecordsProcessed: job.successful.length + job.failed.length,
      numberRecordsFailed: job.failed.length
    };
  }
}

/** A CSV row as the record a collection call would carry: relationship columns nested, `#N/A` null, empty cells left out. */
function recordOfRow(row: Record<string, string>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [column, cell] of Object.entries(row)) {
    if (cell === '') continue;
    const value = cell === NULL_CELL ? null : cell;
    const [head, ...rest] = column.split('.');
    if (rest.length === 0) record[head] = value;
    else
      record[head] = { ...((record[head] as object | undefined) ?? {}), [rest.join('.')]: value };
  }
  return record;
}

/**
 * A results CSV: the result columns, then the job's own columns, one row per record, every cell
 * quoted as Salesforce writes them (a multi-select value `Rep;Manager` must stay one cell for a
 * reader that also splits on `;`, as jsforce's does).
 */
function resultCsv(
  leading: string[],
  columns: string[],
  rows: ReadonlyArray<Record<string, string>>
): string {
  const cell = (value: string | undefined): string => `"${(value ?? '').replace(/"/g, '""')}"`;
  const header = [...leading, ...columns];
  return (
    [
      header.map(cell).join(','),
      ...rows.map((row) => header.map((c) => cell(row[c])).join(','))
    ].join('\n') + '\n'
  );
}
