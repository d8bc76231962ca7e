/**
 * Creating and updating records the way the org does: field names matched case-insensitively,
 * values checked against their type (picklists, lengths, numeric ranges, ids), references
 * resolved by id or by external id (`Cadence__r: { Key__c: "…" }`), unique fields enforced,
 * read-only fields refused, and the fields Salesforce derives kept in step (IsClosed, Probability,
 * LastStageChangeDate and OpportunityHistory; Task.AccountId; audit fields).
 *
 * An update that changes nothing leaves the record untouched: LastModifiedDate and SystemModstamp
 * move only on real changes, so re-running an idempotent script is visible as "unchanged".
 */
import { isValidId, to18 } from '../sample-data/ids';
import type { OrgContext } from './org';
import type { FieldDef, ObjectDef } from './schema/model';
import { STAGE_BY_NAME } from '../sample-data/stages';
import type { FieldValue, SObjectRecord } from '../sample-data/types';
import { indexKey } from './store';
import { canonicalDateTime, isIsoDate, utcMsToLocalDay, dayToIso } from '../sample-data/calendar';
import { SfError } from './errors';

/** A write checked against the schema and the current records, ready to apply. */
export interface PreparedWrite {
  object: ObjectDef;
  /** The stored record for an update; null for a create. */
  existing: SObjectRecord | null;
  /** Normalised values by exact field name (only the fields the request named). */
  values: SObjectRecord;
  /** The record id (new for a create). */
  id: string;
}

/** Result of applying a write. */
export interface WriteResult {
  id: string;
  created: boolean;
  /** False when an update matched the stored values exactly. */
  changed: boolean;
}

/** Unique values claimed by earlier records of the same request (so one call cannot create duplicates). */
export type BatchClaims = Map<string, string>;

const OPPORTUNITY_TRACKED = [
  'StageName',
  'Amount',
  'Probability',
  'CloseDate',
  'ForecastCategoryName'
];

function label(field: FieldDef): string {
  return field.label;
}

/** Checks and converts one value for a field; throws the error the org would report. */
export function normalizeValue(field: FieldDef, raw: unknown): FieldValue {
  if (raw === null || raw === undefined || raw === '') return null;
  const wrongType = (): SfError =>
    new SfError(
      'INVALID_TYPE_ON_FIELD_IN_RECORD',
      `${label(field)}: value not of required type: ${String(raw)}`,
      [field.name]
    );
  switch (field.type) {
    case 'string':
    case 'textarea':
    case 'longtextarea':
    case 'email':
    case 'phone':
    case 'url':
    case 'picklist': {
      if (typeof raw === 'object') throw wrongType();
      const text = String(raw);
      if (field.length > 0 && text.length > field.length) {
        throw new SfError(
          'STRING_TOO_LONG',
          `${label(field)}: data value too large: ${text.slice(0, 40)} (max length=${field.length})`,
          [field.name]
        );
      }
      if (
        field.type === 'picklist' &&
        field.restrictedPicklist &&
        !field.picklistValues.some((v) => v.value === text)
      ) {
        throw new SfError(
          'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          `${label(field)}: bad value for restricted picklist field: ${text}`,
          [field.name]
        );
      }
      if (field.type === 'email' && !/^[^@\s]+@[^@\s]+$/.test(text)) {
        throw new SfError(
          'INVALID_EMAIL_ADDRESS',
          `${label(field)}: invalid email address: ${text}`,
          [field.name]
        );
      }
      return text;
    }
    case 'multipicklist': {
      const parts = (Array.isArray(raw) ? raw.map(String) : String(raw).split(';'))
        .map((s) => s.trim())
        .filter(Boolean);
      const known = field.picklistValues.map((v) => v.value);
      for (const part of parts) {
        if (field.restrictedPicklist && !known.includes(part)) {
          throw new SfError(
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            `${label(field)}: bad value for restricted picklist field: ${part}`,
            [field.name]
          );
        }
      }
      const unique = [...new Set(parts)].sort((a, b) => known.indexOf(a) - known.indexOf(b));
      return unique.length > 0 ? unique.join(';') : null;
    }
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw wrongType();
    case 'currency':
    case 'double':
    case 'percent':
    case 'int': {
      const n =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && raw.trim() !== ''
            ? Number(raw)
            : NaN;
      if (!Number.isFinite(n)) throw wrongType();
      if (field.type === 'int' && !Number.isInteger(n)) throw wrongType();
      const scale = field.type === 'int' ? 0 : field.scale;
      const rounded = Number(n.toFixed(Math.min(scale, 15)));
      const integerDigits = Math.max(1, field.precision - scale);
      if (field.precision > 0 && Math.abs(Math.trunc(rounded)) >= 10 ** integerDigits) {
        throw new SfError(
          'NUMBER_OUTSIDE_VALID_RANGE',
          `${label(field)}: value outside of valid range on numeric field: ${n}`,
          [field.name]
        );
      }
      return rounded;
    }
    case 'date':
      if (typeof raw !== 'string' || !isIsoDate(raw)) throw wrongType();
      return raw;
    case 'datetime': {
      const value = typeof raw === 'string' ? canonicalDateTime(raw) : null;
      if (!value) throw wrongType();
      return value;
    }
    case 'id':
    case 'reference': {
      if (typeof raw !== 'string' || !isValidId(raw)) {
        throw new SfError(
          'MALFORMED_ID',
          `${label(field)}: id value of incorrect type: ${String(raw)}`,
          [field.name]
        );
      }
      return to18(raw);
    }
  }
}

function resolveReference(org: OrgContext, field: FieldDef, id: string): void {
  const target = org.store.objectOfId(id);
  if (!target || !field.referenceTo.includes(target.name)) {
    throw new SfError(
      'FIELD_INTEGRITY_EXCEPTION',
      `${label(field)}: id value of incorrect type: ${id}`,
      [field.name]
    );
  }
  if (!org.store.getById(id)) {
    throw new SfError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [field.name]);
  }
}

/** Resolves `Cadence__r: { Key__c: "x" }` to the parent's id. */
function resolveExternalReference(
  org: OrgContext,
  object: ObjectDef,
  relationship: FieldDef,
  raw: unknown
): string | null {
  if (raw === null) return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new SfError(
      'INVALID_FIELD',
      `Cannot deserialize instance of ${relationship.relationshipName} from a non-object value`,
      [relationship.name]
    );
  }
  const spec = raw as Record<string, unknown>;
  const attributes = spec.attributes as { type?: unknown } | undefined;
  const targetName =
    typeof attributes?.type === 'string' ? attributes.type : relationship.referenceTo[0];
  const target = org.schema.objects.get(targetName);
  if (!target || !relationship.referenceTo.includes(target.name)) {
    throw new SfError(
      'INVALID_FIELD',
      `Invalid relationship type ${String(targetName)} for ${relationship.relationshipName} on ${object.name}`,
      [relationship.name]
    );
  }
  const keys = Object.keys(spec).filter((k) => k !== 'attributes');
  if (keys.length !== 1) {
    throw new SfError(
      'INVALID_FIELD',
      `Foreign key reference ${relationship.relationshipName} must name exactly one external ID field`,
      [relationship.name]
    );
  }
  const keyField = target.fieldsLower.get(keys[0].toLowerCase());
  if (!keyField || !(keyField.externalId || keyField.type === 'id' || keyField.unique)) {
    throw new SfError(
      'INVALID_FIELD',
      `Field ${keys[0]} is not an external ID or indexed field for ${target.name}`,
      [relationship.name]
    );
  }
  const value = spec[keys[0]];
  const matches =
    keyField.type === 'id'
      ? [org.store.getById(String(value))].filter(Boolean)
      : org.store.lookup(target.name, keyField.name, value as FieldValue);
  if (matches.length === 0) {
    throw new SfError(
      'INVALID_FIELD',
      `Foreign key external ID: ${String(value)} not found for field ${keyField.name} in entity ${target.name}`,
      [relationship.name]
    );
  }
  if (matches.length > 1) {
    throw new SfError(
      'INVALID_FIELD',
      `Foreign key external ID: ${String(value)} matches more than one ${target.name} for field ${keyField.name}`,
      [relationship.name]
    );
  }
  return matches[0]!.Id as string;
}

function checkUnique(
  org: OrgContext,
  object: ObjectDef,
  field: FieldDef,
  value: FieldValue,
  selfId: string,
  claims: BatchClaims | undefined
): void {
  if (value === null) return;
  const key = indexKey(value, field.caseSensitive);
  for (const match of org.store.lookup(object.name, field.name, value)) {
    if (match.Id !== selfId) {
      throw new SfError(
        'DUPLICATE_VALUE',
        `duplicate value found: ${field.name} duplicates value on record with id: ${String(match.Id)}`,
        [field.name]
      );
    }
  }
  if (claims && key !== null) {
    const claimKey = `${object.name}.${field.name}=${key}`;
    const claimedBy = claims.get(claimKey);
    if (claimedBy !== undefined && claimedBy !== selfId) {
      throw new SfError(
        'DUPLICATE_VALUE',
        `duplicate value found: ${field.name} duplicates value on record with id: ${claimedBy}`,
        [field.name]
      );
    }
    claims.set(claimKey, selfId);
  }
}

/**
 * Checks a create (existing = null) or update of `object` with the request's field values.
 * Nothing is changed; throws an SfError for the first problem, as the org reports one per record.
 */
export function prepareWrite(
  org: OrgContext,
  object: ObjectDef,
  input: Record<string, unknown>,
  existing: SObjectRecord | null,
  claims?: BatchClaims
): PreparedWrite {
  const creating = existing === null;
  if (creating ? !object.createable : !object.updateable) {
    throw new SfError(
      'INVALID_TYPE',
      `entity type ${object.name} does not support ${creating ? 'insert' : 'update'}`,
      [],
      400
    );
  }
  const values: SObjectRecord = {};
  const id = creating ? org.store.newId(object.name) : (existing.Id as string);
  const readOnly: string[] = [];
  for (const [key, raw] of Object.entries(input)) {
    if (key === 'attributes') continue;
    const field = object.fieldsLower.get(key.toLowerCase());
    if (field) {
      if (field.name === 'Id') {
        if (creating)
          throw new SfError(
            'INVALID_FIELD_FOR_INSERT_UPDATE',
            'cannot specify Id in an insert call',
            ['Id']
          );
        continue;
      }
      if (!(creating ? field.createable : field.updateable)) {
        readOnly.push(field.name);
        continue;
      }
      values[field.name] = normalizeValue(field, raw);
      continue;
    }
    const relationship = object.parentRelationships.get(key.toLowerCase());
    if (relationship) {
      if (!(creating ? relationship.createable : relationship.updateable)) {
        readOnly.push(relationship.name);
        continue;
      }
      values[relationship.name] = resolveExternalReference(org, object, relationship, raw);
      continue;
    }
    throw new SfError(
      'INVALID_FIELD',
      `No such column '${key}' on sobject of type ${object.name}`,
      [key]
    );
  }
  if (readOnly.length > 0) {
    throw new SfError(
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      readOnly
    );
  }
  const missing: string[] = [];
  for (const field of object.fieldList) {
    const value =
      field.name in values
        ? values[field.name]
        : creating
          ? field.defaultValue
          : (existing[field.name] ?? null);
    if (field.type === 'reference' && field.name in values && value !== null)
      resolveReference(org, field, value as string);
    if (
      !field.nillable &&
      field.createable &&
      value === null &&
      (creating || field.name in values)
    ) {
      if (!(field.name === 'OwnerId' || (field.name === 'Name' && object.custom)))
        missing.push(field.name);
    }
    if (field.unique && field.name in values) checkUnique(org, object, field, value, id, claims);
  }
  if (missing.length > 0) {
    throw new SfError(
      'REQUIRED_FIELD_MISSING',
      `Required fields are missing: [${missing.join(', ')}]`,
      missing
    );
  }
  return { object, existing, values, id };
}

function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

function deriveOpportunity(
  values: SObjectRecord,
  current: SObjectRecord,
  explicit: Set<string>
): void {
  const stage = STAGE_BY_NAME.get(String(values.StageName ?? current.StageName ?? ''));
  if (!stage) return;
  if ('StageName' in values) {
    values.IsClosed = stage.isClosed;
    values.IsWon = stage.isWon;
    if (!explicit.has('Probability')) values.Probability = stage.probability;
    if (!explicit.has('ForecastCategoryName'))
      values.ForecastCategoryName = stage.forecastCategoryName;
  }
}

function deriveActivity(
  org: OrgContext,
  object: ObjectDef,
  values: SObjectRecord,
  current: SObjectRecord
): void {
  if ('WhatId' in values) {
    const whatId = values.WhatId as string | null;
    const what = whatId ? org.store.getById(whatId) : undefined;
    values.AccountId =
      !whatId || !what
        ? null
        : whatId.startsWith('001')
          ? whatId
          : ((what.AccountId as string | null) ?? null);
  }
  if (object.name === 'Event') {
    const start = (values.StartDateTime ?? current.StartDateTime ?? null) as string | null;
    const duration = (values.DurationInMinutes ?? current.DurationInMinutes ?? null) as
      number | null;
    if (
      start &&
      duration !== null &&
      !('EndDateTime' in values) &&
      ('StartDateTime' in values || 'DurationInMinutes' in values)
    ) {
      values.EndDateTime = new Date(Date.parse(start) + duration * 60_000).toISOString();
    } else if (
      start &&
      'EndDateTime' in values &&
      values.EndDateTime &&
      !('DurationInMinutes' in values)
    ) {
      values.DurationInMinutes = Math.round(
        (Date.parse(values.EndDateTime as string) - Date.parse(start)) / 60_000
      );
    }
    if ('StartDateTime' in values && start) {
      values.ActivityDate = dayToIso(utcMsToLocalDay(Date.parse(start), org.calendar.timeZone));
    }
  }
}

function historyRow(org: OrgContext, opp: SObjectRecord, when: string): SObjectRecord {
  const stage = STAGE_BY_NAME.get(String(opp.StageName));
  return {
    Id: org.store.newId('OpportunityHistory'),
    OpportunityId: opp.Id,
    StageName: opp.StageName ?? null,
    Amount: opp.Amount ?? null,
    Probability: opp.Probability ?? null,
    CloseDate: opp.CloseDate ?? null,
    ForecastCategory: stage?.historyForecastCategory ?? null,
    CreatedDate: when,
    CreatedById: org.userId,
    IsDeleted: false,
    LastModifiedDate: when,
    LastModifiedById: org.userId,
    SystemModstamp: when
  };
}

/** Applies a prepared write: creates the record, or updates it when something actually changed. */
export function applyWrite(org: OrgContext, prepared: PreparedWrite): WriteResult {
  const { object, existing, id } = prepared;
  const values: SObjectRecord = { ...prepared.values };
  const explicit = new Set(Object.keys(prepared.values));
  const now = org.now();

  if (!existing) {
    const record: SObjectRecord = {};
    for (const field of object.fieldList)
      if (!field.calculate) record[field.name] = field.defaultValue;
    Object.assign(record, values);
    record.Id = id;
    if (object.fields.has('OwnerId') && !record.OwnerId) record.OwnerId = org.userId;
    if (object.custom && object.fields.has('Name') && !record.Name) record.Name = id;
    if (object.name === 'User')
      record.Name = [record.FirstName, record.LastName].filter(Boolean).join(' ');
    if (object.name === 'Opportunity') deriveOpportunity(record, record, explicit);
    if (object.name === 'Task' || object.name === 'Event') {
      const derived: SObjectRecord = { WhatId: record.WhatId ?? null, ...values };
      deriveActivity(org, object, derived, record);
      Object.assign(record, derived);
    }
    record.IsDeleted = false;
    record.CreatedDate = now;
    record.CreatedById = org.userId;
    record.LastModifiedDate = now;
    record.LastModifiedById = org.userId;
    record.SystemModstamp = now;
    org.store.insert(object.name, record);
    if (object.name === 'Opportunity')
      org.store.insert('OpportunityHistory', historyRow(org, record, now));
    return { id, created: true, changed: true };
  }

  for (const key of Object.keys(values))
    if (sameValue(values[key], existing[key])) delete values[key];
  if (Object.keys(values).length === 0) return { id, created: false, changed: false };

  if (object.name === 'Opportunity') {
    deriveOpportunity(values, existing, explicit);
    if ('StageName' in values) values.LastStageChangeDate = now;
  }
  if (object.name === 'Task' || object.name === 'Event')
    deriveActivity(org, object, values, existing);
  if (object.name === 'User' && ('FirstName' in values || 'LastName' in values)) {
    values.Name = [values.FirstName ?? existing.FirstName, values.LastName ?? existing.LastName]
      .filter(Boolean)
      .join(' ');
  }
  const trackedChange =
    object.name === 'Opportunity' &&
    OPPORTUNITY_TRACKED.some((f) => f in values && !sameValue(values[f], existing[f]));
  values.LastModifiedDate = now;
  values.LastModifiedById = org.userId;
  values.SystemModstamp = now;
  org.store.assign(object.name, existing, values);
  if (trackedChange) org.store.insert('OpportunityHistory', historyRow(org, existing, now));
  return { id, created: false, changed: true };
}
