/**
 * Field paths: a field of the queried object, or of a parent reached through relationship fields
 * (Owner.Name, Cadence__r.Key__c, Owner.Manager.Name). Shared by SOQL and GraphQL, read without
 * copying records.
 */
import type { FieldDef, ObjectDef, OrgSchema } from '../schema/model';
import type { FieldValue, SObjectRecord } from '../../sample-data/types';
import type { RecordStore } from '../store';

/** A resolved path from a base object to one field. */
export interface FieldPath {
  /** Reference fields followed from the base record, in order (OwnerId, ManagerId, …). */
  refs: string[];
  /** The field read at the end. */
  field: FieldDef;
  /** The object the final field belongs to. */
  object: ObjectDef;
  /** The path as written, for messages and result keys (Owner.Name). */
  label: string;
}

/** A query the org cannot answer, with Salesforce's error code (MALFORMED_QUERY, INVALID_FIELD, …). */
export class QueryError extends Error {
  constructor(
    readonly errorCode: string,
    message: string
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

/** A path to a field of the base object itself. */
export function directPath(object: ObjectDef, field: FieldDef): FieldPath {
  return { refs: [], field, object, label: field.name };
}

/** Extends a path prefix (reference fields already followed) with the final field. */
export function pathFrom(
  refs: string[],
  object: ObjectDef,
  field: FieldDef,
  label: string
): FieldPath {
  return { refs, field, object, label };
}

/**
 * Resolves `Owner.Manager.Name` (relationship names and field names case-insensitive, as SOQL
 * allows) from `base`. A polymorphic relationship (What) continues on the first of its targets
 * that has the next name.
 */
export function resolveDottedPath(schema: OrgSchema, base: ObjectDef, dotted: string): FieldPath {
  const parts = dotted.split('.');
  let object = base;
  const refs: string[] = [];
  for (let i = 0; i < parts.length - 1; i++) {
    const ref = object.parentRelationships.get(parts[i].toLowerCase());
    if (!ref) {
      throw new QueryError(
        'INVALID_FIELD',
        `Didn't understand relationship '${parts[i]}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`
      );
    }
    const next = parts[i + 1].toLowerCase();
    const targets = ref.referenceTo
      .map((t) => schema.objects.get(t))
      .filter((t): t is ObjectDef => Boolean(t));
    const target =
      targets.find((t) =>
        i + 1 === parts.length - 1 ? t.fieldsLower.has(next) : t.parentRelationships.has(next)
      ) ?? targets[0];
    if (!target)
      throw new QueryError(
        'INVALID_FIELD',
        `No such relation '${parts[i]}' on entity '${object.name}'`
      );
    refs.push(ref.name);
    object = target;
  }
  const field = object.fieldsLower.get(parts[parts.length - 1].toLowerCase());
  if (!field) {
    throw new QueryError(
      'INVALID_FIELD',
      `No such column '${parts[parts.length - 1]}' on entity '${object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
    );
  }
  return { refs, field, object, label: dotted };
}

/** The record a path's reference fields lead to, or null when a reference is empty. */
export function followRefs(
  store: RecordStore,
  record: SObjectRecord,
  refs: readonly string[]
): SObjectRecord | null {
  let current: SObjectRecord | undefined = record;
  for (let i = 0; i < refs.length; i++) {
    const id = current[refs[i]];
    if (id === null || id === undefined) return null;
    current = store.getById(id as string);
    if (!current) return null;
  }
  return current;
}

/** A field's value on a record, computing calculated fields (ExpectedRevenue). */
export function fieldValue(record: SObjectRecord, field: FieldDef): FieldValue {
  return field.calculate ? field.calculate(record) : (record[field.name] ?? null);
}

/** The value at the end of a path (null when any step is empty). */
export function readPath(store: RecordStore, record: SObjectRecord, path: FieldPath): FieldValue {
  if (path.refs.length === 0) return fieldValue(record, path.field);
  const target = followRefs(store, record, path.refs);
  return target ? fieldValue(target, path.field) : null;
}
