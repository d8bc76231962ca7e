/**
 * Preview implementation of `lightning/uiRecordApi`: record writes and reads through the org's
 * UI API (`/services/data/vNN.0/ui-api/records`), with the platform's shapes: record
 * representations `{ apiName, id, fields: { Name: { value, displayValue } } }` and, on failure,
 * a rejected fetch response `{ ok: false, status, statusText, body }`.
 */
import { deepFreeze, orgRequest, type OrgResponse } from './orgApi';

/** A field reference: `'Account.Name'` or a `@salesforce/schema` import. */
export type FieldReference = string | { objectApiName: string; fieldApiName: string };

/** A UI API record representation (the parts the preview relies on). */
export interface RecordRepresentation {
  apiName: string;
  id: string;
  fields: Record<string, { value: unknown; displayValue: string | null }>;
  [key: string]: unknown;
}

/** What a failed call rejects with (and `getRecord` emits as `error`). */
export interface FetchResponseError {
  ok: false;
  status: number;
  statusText: string;
  body: unknown;
}

/** `{ apiName, fields }` for createRecord; `{ fields: { Id, … } }` for updateRecord. */
export interface RecordInput {
  apiName?: string;
  fields: Record<string, unknown>;
  allowSaveOnDuplicate?: boolean;
}

/** `'Account.Name'` for either form of field reference. */
export function qualifiedFieldName(field: FieldReference): string {
  return typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
}

function asError(response: OrgResponse): FetchResponseError {
  return {
    ok: false,
    status: response.status,
    statusText: response.statusText,
    body: response.body
  };
}

function recordPath(recordId: string): string {
  return `/ui-api/records/${encodeURIComponent(recordId)}`;
}

/** The value of a field of a record representation (`undefined` when the record lacks it). */
export function getFieldValue(
  record: RecordRepresentation | undefined | null,
  field: FieldReference
): unknown {
  return fieldEntry(record, field)?.value;
}

/** The display value of a field of a record representation. */
export function getFieldDisplayValue(
  record: RecordRepresentation | undefined | null,
  field: FieldReference
): unknown {
  return fieldEntry(record, field)?.displayValue;
}

function fieldEntry(
  record: RecordRepresentation | undefined | null,
  field: FieldReference
): { value: unknown; displayValue: string | null } | undefined {
  if (!record) return undefined;
  // The object name is the first segment of a qualified name; relationships follow.
  const [, ...path] = qualifiedFieldName(field).split('.');
  let node: RecordRepresentation | null | undefined = record;
  for (let index = 0; index < path.length; index += 1) {
    const entry: { value: unknown; displayValue: string | null } | undefined =
      node?.fields?.[path[index]];
    if (!entry) return undefined;
    if (index === path.length - 1) return entry;
    node = entry.value as RecordRepresentation | null;
  }
  return undefined;
}

// The getRecord wires on the page, so writes and notifyRecordUpdateAvailable refresh them.
const recordWires = new Set<getRecord>();

async function refreshRecordWires(recordIds: readonly string[]): Promise<void> {
  const ids = new Set(recordIds);
  await Promise.all(
    [...recordWires]
      .filter((wire) => wire.recordId && ids.has(wire.recordId))
      .map((wire) => wire.refresh())
  );
}

/** Creates a record. Resolves with its record representation. */
export async function createRecord(recordInput: RecordInput): Promise<RecordRepresentation> {
  if (!recordInput?.apiName) throw new Error('createRecord: recordInput.apiName is required');
  const response = await orgRequest('POST', '/ui-api/records', {
    apiName: recordInput.apiName,
    fields: recordInput.fields ?? {},
    ...(recordInput.allowSaveOnDuplicate ? { allowSaveOnDuplicate: true } : {})
  });
  if (!response.ok) throw asError(response);
  return deepFreeze(response.body as RecordRepresentation);
}

/** Updates the record named by `recordInput.fields.Id`. Resolves with its record representation. */
export async function updateRecord(
  recordInput: RecordInput,
  clientOptions?: { ifUnmodifiedSince?: string }
): Promise<RecordRepresentation> {
  const { Id: id, ...fields } = recordInput?.fields ?? {};
  if (typeof id !== 'string' || !id)
    throw new Error('updateRecord: recordInput.fields.Id is required');
  const response = await orgRequest('PATCH', recordPath(id), {
    fields,
    ...(clientOptions?.ifUnmodifiedSince
      ? { ifUnmodifiedSince: clientOptions.ifUnmodifiedSince }
      : {})
  });
  if (!response.ok) throw asError(response);
  await refreshRecordWires([id]);
  return deepFreeze(response.body as RecordRepresentation);
}

/** Deletes a record. */
export async function deleteRecord(recordId: string): Promise<void> {
  const response = await orgRequest('DELETE', recordPath(recordId));
  if (!response.ok) throw asError(response);
  await refreshRecordWires([recordId]);
}

/** Tells the page that records changed elsewhere: their getRecord wires fetch them again. */
export async function notifyRecordUpdateAvailable(
  recordInfos: ReadonlyArray<{ recordId: string }>
): Promise<void> {
  await refreshRecordWires((recordInfos ?? []).map((info) => info.recordId));
}

/** Former name of {@link notifyRecordUpdateAvailable}. */
export function getRecordNotifyChange(recordInfos: ReadonlyArray<{ recordId: string }>): void {
  void notifyRecordUpdateAvailable(recordInfos);
}

/** The `getRecord` wire's configuration. */
export interface GetRecordConfig {
  recordId?: string;
  fields?: FieldReference | FieldReference[];
  optionalFields?: FieldReference | FieldReference[];
}

/** The query string of a getRecord request, or undefined when the config is incomplete. */
export function getRecordQuery(config: GetRecordConfig | undefined): string | undefined {
  if (!config?.recordId) return undefined;
  const list = (value: FieldReference | FieldReference[] | undefined) =>
    (Array.isArray(value) ? value : value ? [value] : []).map(qualifiedFieldName);
  const fields = list(config.fields);
  const optionalFields = list(config.optionalFields);
  if (!fields.length && !optionalFields.length) return undefined;
  const params = new URLSearchParams();
  if (fields.length) params.set('fields', fields.join(','));
  if (optionalFields.length) params.set('optionalFields', optionalFields.join(','));
  return `${recordPath(config.recordId)}?${params.toString()}`;
}

type RecordCallback = (value: {
  data: RecordRepresentation | undefined;
  error: FetchResponseError | undefined;
}) => void;

/** The `getRecord` wire adapter: emits `{ data, error }`. */
export class getRecord {
  recordId: string | undefined;
  private readonly dataCallback: RecordCallback;
  private path: string | undefined;
  private connected = false;
  private sequence = 0;

  constructor(dataCallback: RecordCallback) {
    this.dataCallback = dataCallback;
  }

  update(config: GetRecordConfig): void {
    const path = getRecordQuery(config);
    if (path === this.path) return;
    this.path = path;
    this.recordId = config?.recordId;
    if (this.connected) void this.refresh();
  }

  connect(): void {
    this.connected = true;
    recordWires.add(this);
    void this.refresh();
  }

  disconnect(): void {
    this.connected = false;
    recordWires.delete(this);
    this.sequence += 1;
  }

  /** Fetches the record again and emits it. */
  async refresh(): Promise<void> {
    if (!this.path) return;
    const sequence = ++this.sequence;
    const response = await orgRequest('GET', this.path);
    if (sequence !== this.sequence) return;
    this.dataCallback(
      response.ok
        ? { data: deepFreeze(response.body as RecordRepresentation), error: undefined }
        : { data: undefined, error: deepFreeze(asError(response)) }
    );
  }
}
