/**
 * The local org's schema: objects and fields with the properties describe, GraphQL, SOQL and the
 * write paths need. Built from force-app metadata plus the standard objects Pacer reads.
 */
import type { FieldValue, SObjectRecord } from '../../sample-data/types';

/** Field types, named after describe's `type` (lower case, as the REST API returns them). */
export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'longtextarea'
  | 'picklist'
  | 'multipicklist'
  | 'boolean'
  | 'currency'
  | 'double'
  | 'percent'
  | 'int'
  | 'date'
  | 'datetime'
  | 'reference'
  | 'email'
  | 'phone'
  | 'url';

/** One picklist value. */
export interface PicklistEntry {
  value: string;
  label: string;
  default: boolean;
}

/** One field. */
export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  length: number;
  precision: number;
  scale: number;
  /** Objects a reference field may point to (several for What/Who). */
  referenceTo: string[];
  /** Parent relationship name (Owner, Account, Cadence__r), null when none. */
  relationshipName: string | null;
  /** Child relationship name on the parent (Opportunities, Agenda_Items__r), null when none. */
  childRelationshipName: string | null;
  picklistValues: PicklistEntry[];
  restrictedPicklist: boolean;
  externalId: boolean;
  unique: boolean;
  caseSensitive: boolean;
  /** False when the field must have a value on create. */
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  /** Value set on create when the request leaves the field out. */
  defaultValue: FieldValue;
  custom: boolean;
  nameField: boolean;
  /** Master-detail: deleting the parent deletes the child. */
  cascadeDelete: boolean;
  /** Help text and description, for describe. */
  inlineHelpText: string | null;
  /** For fields the org computes on read (formula-like, e.g. ExpectedRevenue): the computation. */
  calculate?: (record: SObjectRecord) => FieldValue;
}

/** A child relationship as seen from the parent. */
export interface ChildRelationship {
  relationshipName: string;
  childObject: string;
  field: string;
  cascadeDelete: boolean;
}

/** One sObject type. */
export interface ObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  /** Fields by exact API name. */
  fields: Map<string, FieldDef>;
  /** Fields by lower-cased API name (SOQL and REST match names case-insensitively). */
  fieldsLower: Map<string, FieldDef>;
  /** Fields in describe order. */
  fieldList: FieldDef[];
  /** Parent relationships by lower-cased relationship name. */
  parentRelationships: Map<string, FieldDef>;
  childRelationships: ChildRelationship[];
}

/** All objects of the org. */
export interface OrgSchema {
  objects: Map<string, ObjectDef>;
  /** Objects by lower-cased API name. */
  objectsLower: Map<string, ObjectDef>;
  /** Object by key prefix (first three characters of an id). */
  byKeyPrefix: Map<string, ObjectDef>;
}

/** Can the field appear in a filter (WHERE / where)? */
export function isFilterable(field: FieldDef): boolean {
  return field.type !== 'longtextarea';
}

/** Can the field be sorted on? */
export function isSortable(field: FieldDef): boolean {
  return field.type !== 'longtextarea' && field.type !== 'multipicklist';
}

/**
 * Can the field be grouped on? As in Salesforce: not Currency, Double, Percent, TextArea, long
 * text or multi-select picklists (DateTime only through a date function).
 */
export function isGroupable(field: FieldDef): boolean {
  return ![
    'currency',
    'double',
    'percent',
    'textarea',
    'longtextarea',
    'multipicklist',
    'datetime'
  ].includes(field.type);
}

/** Numeric types that support SUM and AVG. */
export function isNumeric(field: FieldDef): boolean {
  return (
    field.type === 'currency' ||
    field.type === 'double' ||
    field.type === 'percent' ||
    field.type === 'int'
  );
}

/** Types MIN/MAX/COUNT/COUNT_DISTINCT apply to (Salesforce excludes booleans and long text). */
export function isAggregatable(field: FieldDef): boolean {
  return (
    field.type !== 'boolean' && field.type !== 'longtextarea' && field.type !== 'multipicklist'
  );
}

/** A field definition with every property at its default, for the builders to override. */
export function baseField(name: string, type: FieldType): FieldDef {
  return {
    name,
    label: name.replace(/__c$/, '').replace(/_/g, ' '),
    type,
    length:
      type === 'string' || type === 'email' || type === 'phone' || type === 'url'
        ? 255
        : type === 'textarea'
          ? 255
          : type === 'longtextarea'
            ? 32768
            : type === 'id' || type === 'reference'
              ? 18
              : 0,
    precision:
      type === 'currency'
        ? 18
        : type === 'double' || type === 'percent'
          ? 18
          : type === 'int'
            ? 9
            : 0,
    scale: type === 'currency' ? 2 : 0,
    referenceTo: [],
    relationshipName: null,
    childRelationshipName: null,
    picklistValues: [],
    restrictedPicklist: false,
    externalId: false,
    unique: false,
    caseSensitive: false,
    nillable: true,
    createable: true,
    updateable: true,
    defaultValue: type === 'boolean' ? false : null,
    custom: name.endsWith('__c'),
    nameField: false,
    cascadeDelete: false,
    inlineHelpText: null
  };
}
