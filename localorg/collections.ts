/**
 * sObject collections (`/composite/sobjects`): create, update, upsert by external id and delete of
 * up to 200 records per call, with `allOrNone` honoured (all saved or none, the others reported
 * as rolled back) and per-record results `{ id, success, errors[, created] }`, per-record errors
 * `{ statusCode, message, fields }`, as the REST API returns them.
 */
import { SfError } from './errors';
import type { Faults } from './faults';
import { isValidId, to18 } from '../sample-data/ids';
import type { OrgContext } from './org';
import type { FieldDef, ObjectDef } from './schema/model';
import type { SObjectRecord } from '../sample-data/types';
import { applyWrite, prepareWrite, type BatchClaims, type PreparedWrite } from './writes';

/** Records one collections call may carry. */
export const MAX_COLLECTION_RECORDS = 200;

/** One record's outcome. */
export interface SaveResult {
  id?: string;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
  created?: boolean;
}

/** The operation of a collections call. */
export type CollectionOperation = 'create' | 'update' | 'upsert';

const ROLLED_BACK = new SfError(
  'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  'Record rolled back because not all records were valid and the request was using AllOrNone header'
);

/** Rejects a call with more records than the API takes. */
export function checkCollectionSize(count: number): void {
  if (count > MAX_COLLECTION_RECORDS) {
    throw new SfError(
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${MAX_COLLECTION_RECORDS} records into this call`,
      [],
      400
    );
  }
}

/** The external id field of an upsert, or the error Salesforce gives for one that is not. */
export function upsertField(object: ObjectDef, name: string): FieldDef {
  const field = object.fieldsLower.get(name.toLowerCase());
  if (
    !field ||
    !(field.externalId || field.type === 'id' || (field.unique && field.type === 'string'))
  ) {
    throw new SfError(
      'NOT_FOUND',
      `Provided external ID field does not exist or is not accessible: ${name}`,
      [],
      404
    );
  }
  return field;
}

interface Planned {
  prepared: PreparedWrite;
}

/** Finds the record an upsert targets (null when it will be created). */
export function upsertTarget(
  org: OrgContext,
  object: ObjectDef,
  field: FieldDef,
  value: unknown
): SObjectRecord | null {
  if (value === null || value === undefined || value === '') {
    throw new SfError('MISSING_ARGUMENT', `${field.name} not specified`, [field.name]);
  }
  if (field.type === 'id') {
    const id = String(value);
    if (!isValidId(id)) throw new SfError('MALFORMED_ID', `malformed id ${id}`, ['Id']);
    const record = org.store.getById(to18(id));
    if (!record || org.store.objectOfId(to18(id))?.name !== object.name)
      throw new SfError(
        'NOT_FOUND',
        'Provided external ID field does not exist or is not accessible: Id',
        ['Id']
      );
    return record;
  }
  const matches = org.store.lookup(object.name, field.name, value as string);
  if (matches.length > 1) {
    throw new SfError(
      'DUPLICATE_EXTERNAL_ID',
      `Foreign key external ID: ${String(value)} matches more than one ${object.name}`,
      [field.name]
    );
  }
  return matches[0] ?? null;
}

/**
 * Runs a collections call. `lockedRecords` records (from the start) fail with UNABLE_TO_LOCK_ROW,
 * as an injected fault asks. Checks every record before writing when `allOrNone`.
 */
export function saveCollection(
  org: OrgContext,
  faults: Faults,
  operation: CollectionOperation,
  records: unknown[],
  options: {
    allOrNone: boolean;
    objectForUpsert?: ObjectDef;
    externalIdField?: FieldDef;
    lockedRecords?: number;
  }
): SaveResult[] {
  checkCollectionSize(records.length);
  const claims: BatchClaims = new Map();
  const outcomes: Array<{ planned?: Planned; error?: SfError; id?: string; created?: boolean }> =
    [];
  let locked = options.lockedRecords ?? 0;
  const seenUpsertKeys = new Set<string>();

  for (const raw of records) {
    let id: string | undefined;
    try {
      if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        throw new SfError('JSON_PARSER_ERROR', 'each record must be a JSON object');
      const input = raw as Record<string, unknown>;
      const attributes = input.attributes as { type?: unknown } | undefined;
      const typeName =
        options.objectForUpsert?.name ??
        (typeof attributes?.type === 'string' ? attributes.type : undefined);
      if (!typeName) throw new SfError('INVALID_TYPE', 'Must send a concrete entity type.');
      const object = org.schema.objectsLower.get(typeName.toLowerCase());
      if (!object)
        throw new SfError('INVALID_TYPE', `sObject type '${typeName}' is not supported.`);
      if (
        options.objectForUpsert &&
        typeof attributes?.type === 'string' &&
        attributes.type.toLowerCase() !== object.name.toLowerCase()
      ) {
        throw new SfError(
          'INVALID_TYPE',
          `Record type ${attributes.type} does not match the upsert's ${object.name}`
        );
      }

      let existing: SObjectRecord | null = null;
      const values: Record<string, unknown> = { ...input };
      delete values.attributes;
      if (operation === 'update') {
        const rawId = Object.entries(input).find(([k]) => k.toLowerCase() === 'id')?.[1];
        if (typeof rawId !== 'string' || !isValidId(rawId))
          throw new SfError('MALFORMED_ID', `malformed id ${String(rawId)}`, ['Id']);
        id = to18(rawId);
        existing = org.store.getById(id) ?? null;
        if (!existing || org.store.objectOfId(id)?.name !== object.name)
          throw new SfError('ENTITY_IS_DELETED', 'entity is deleted', []);
        for (const key of Object.keys(values)) if (key.toLowerCase() === 'id') delete values[key];
      } else if (operation === 'upsert') {
        const field = options.externalIdField!;
        const keyEntry = Object.entries(input).find(
          ([k]) => k.toLowerCase() === field.name.toLowerCase()
        );
        const keyValue = keyEntry?.[1];
        const claim =
          field.caseSensitive || field.type === 'id'
            ? String(keyValue)
            : String(keyValue).toLowerCase();
        if (seenUpsertKeys.has(claim)) {
          throw new SfError(
            'DUPLICATE_EXTERNAL_ID',
            `Duplicate external id specified: ${String(keyValue)}`,
            [field.name]
          );
        }
        seenUpsertKeys.add(claim);
        existing = upsertTarget(org, object, field, keyValue);
        if (field.type === 'id' && keyEntry) delete values[keyEntry[0]];
      }

      if (locked > 0) {
        locked -= 1;
        throw new SfError(
          'UNABLE_TO_LOCK_ROW',
          `unable to obtain exclusive access to this record or 1 records: ${existing?.Id ?? 'new record'}`
        );
      }
      const failure = faults.recordError([
        options.externalIdField ? input[options.externalIdField.name] : undefined,
        input.Key__c,
        existing?.Id,
        input.Name
      ]);
      if (failure) throw failure;

      const prepared = prepareWrite(org, object, values, existing, claims);
      id = prepared.id;
      if (options.allOrNone) outcomes.push({ planned: { prepared }, id });
      else {
        const result = applyWrite(org, prepared);
        outcomes.push({ id: result.id, created: result.created });
      }
    } catch (error) {
      if (!(error instanceof SfError)) throw error;
      outcomes.push({ error, id: operation === 'update' ? id : undefined });
    }
  }

  if (options.allOrNone) {
    const failed = outcomes.some((o) => o.error);
    if (failed) {
      return outcomes.map((o) => ({
        ...(operation === 'update' && o.id ? { id: o.id } : {}),
        success: false,
        errors: [(o.error ?? ROLLED_BACK).toRecordError()],
        ...(operation === 'upsert' ? { created: false } : {})
      }));
    }
    for (const o of outcomes) {
      const result = applyWrite(org, o.planned!.prepared);
      o.created = result.created;
    }
  }

  return outcomes.map((o) => {
    if (o.error) {
      return {
        ...(operation === 'update' && o.id ? { id: o.id } : {}),
        success: false,
        errors: [o.error.toRecordError()],
        ...(operation === 'upsert' ? { created: false } : {})
      };
    }
    return {
      id: o.id,
      success: true,
      errors: [],
      ...(operation === 'upsert' ? { created: Boolean(o.created) } : {})
    };
  });
}

/** Deletes records by id (`DELETE /composite/sobjects?ids=…`). */
export function deleteCollection(org: OrgContext, ids: string[], allOrNone: boolean): SaveResult[] {
  checkCollectionSize(ids.length);
  const checks = ids.map((raw) => {
    if (!isValidId(raw))
      return { id: raw, error: new SfError('MALFORMED_ID', `malformed id ${raw}`, []) };
    const id = to18(raw);
    const object = org.store.objectOfId(id);
    if (!object || !org.store.getById(id))
      return { id, error: new SfError('ENTITY_IS_DELETED', 'entity is deleted', []) };
    if (!object.deletable)
      return {
        id,
        error: new SfError('INVALID_TYPE', `entity type ${object.name} does not support delete`, [])
      };
    return { id, object };
  });
  if (allOrNone && checks.some((c) => c.error)) {
    return checks.map((c) => ({
      id: c.id,
      success: false,
      errors: [(c.error ?? ROLLED_BACK).toRecordError()]
    }));
  }
  return checks.map((c) => {
    if (c.error) return { id: c.id, success: false, errors: [c.error.toRecordError()] };
    deleteRecord(org, c.object!, c.id);
    return { id: c.id, success: true, errors: [] };
  });
}

/** Deletes a record and, for master-detail children, its details. */
export function deleteRecord(org: OrgContext, object: ObjectDef, id: string): void {
  for (const child of object.childRelationships) {
    if (!child.cascadeDelete) continue;
    for (const detail of [...org.store.lookup(child.childObject, child.field, id)]) {
      deleteRecord(org, org.schema.objects.get(child.childObject)!, String(detail.Id));
    }
  }
  org.store.remove(object.name, id);
}
