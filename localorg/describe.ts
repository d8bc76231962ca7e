/**
 * `sobjects` (describeGlobal) and `sobjects/<T>/describe` in the REST API's shape, from the org
 * schema: the properties scripts and @salesforce/core read (name, label, keyPrefix, custom,
 * createable…; per field type, length, referenceTo, relationshipName, picklistValues, externalId,
 * unique, nillable, createable, updateable, filterable, groupable, sortable).
 */
import {
  isFilterable,
  isGroupable,
  isSortable,
  type FieldDef,
  type ObjectDef,
  type OrgSchema
} from './schema/model';

const SOAP_TYPES: Record<string, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  longtextarea: 'xsd:string',
  picklist: 'xsd:string',
  multipicklist: 'xsd:string',
  email: 'xsd:string',
  phone: 'xsd:string',
  url: 'xsd:string',
  boolean: 'xsd:boolean',
  currency: 'xsd:double',
  double: 'xsd:double',
  percent: 'xsd:double',
  int: 'xsd:int',
  date: 'xsd:date',
  datetime: 'xsd:dateTime'
};

function objectUrls(version: string, object: ObjectDef): Record<string, string> {
  const base = `/services/data/v${version}/sobjects/${object.name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

/** One entry of describeGlobal. */
export function globalEntry(version: string, object: ObjectDef): Record<string, unknown> {
  return {
    name: object.name,
    label: object.label,
    labelPlural: object.labelPlural,
    keyPrefix: object.keyPrefix,
    custom: object.custom,
    createable: object.createable,
    updateable: object.updateable,
    deletable: object.deletable,
    queryable: true,
    retrieveable: true,
    searchable: object.createable,
    layoutable: object.createable,
    triggerable: object.createable,
    replicateable: true,
    customSetting: false,
    deprecatedAndHidden: false,
    feedEnabled: false,
    mergeable: false,
    undeletable: object.deletable,
    activateable: false,
    urls: objectUrls(version, object)
  };
}

/** `GET /sobjects`. */
export function describeGlobal(version: string, schema: OrgSchema): Record<string, unknown> {
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: [...schema.objects.values()].map((o) => globalEntry(version, o))
  };
}

function describeField(field: FieldDef): Record<string, unknown> {
  const numeric =
    field.type === 'currency' ||
    field.type === 'double' ||
    field.type === 'percent' ||
    field.type === 'int';
  return {
    name: field.name,
    label: field.label,
    type: field.type,
    soapType: SOAP_TYPES[field.type],
    length:
      numeric || field.type === 'boolean' || field.type === 'date' || field.type === 'datetime'
        ? 0
        : field.length,
    byteLength: numeric || field.type === 'boolean' ? 0 : field.length * 3,
    precision: numeric && field.type !== 'int' ? field.precision : 0,
    scale: numeric && field.type !== 'int' ? field.scale : 0,
    digits: field.type === 'int' ? field.precision : 0,
    custom: field.custom,
    calculated: Boolean(field.calculate),
    autoNumber: false,
    nillable: field.nillable && field.type !== 'boolean' && field.name !== 'Id',
    defaultedOnCreate:
      field.defaultValue !== null ||
      field.name === 'OwnerId' ||
      field.type === 'boolean' ||
      !field.createable,
    defaultValue: field.type === 'boolean' ? field.defaultValue : null,
    createable: field.createable,
    updateable: field.updateable,
    externalId: field.externalId,
    unique: field.unique,
    caseSensitive: field.caseSensitive,
    idLookup: field.name === 'Id' || field.externalId || field.unique,
    nameField: field.nameField,
    filterable: isFilterable(field),
    sortable: isSortable(field),
    groupable: isGroupable(field),
    aggregatable: field.type !== 'longtextarea' && field.type !== 'multipicklist',
    referenceTo: field.referenceTo,
    relationshipName: field.relationshipName,
    relationshipOrder: field.cascadeDelete ? 0 : null,
    cascadeDelete: field.cascadeDelete,
    polymorphicForeignKey: field.referenceTo.length > 1,
    restrictedPicklist: field.restrictedPicklist,
    dependentPicklist: false,
    picklistValues: field.picklistValues.map((v) => ({
      active: true,
      defaultValue: v.default,
      label: v.label,
      validFor: null,
      value: v.value
    })),
    inlineHelpText: field.inlineHelpText,
    htmlFormatted: false,
    deprecatedAndHidden: false
  };
}

/** `GET /sobjects/<T>/describe`. */
export function describeObject(version: string, object: ObjectDef): Record<string, unknown> {
  return {
    ...globalEntry(version, object),
    fields: object.fieldList.map(describeField),
    childRelationships: object.childRelationships.map((c) => ({
      childSObject: c.childObject,
      field: c.field,
      relationshipName: c.relationshipName,
      cascadeDelete: c.cascadeDelete,
      deprecatedAndHidden: false,
      restrictedDelete: false
    })),
    recordTypeInfos: [],
    supportedScopes: object.fields.has('OwnerId')
      ? [
          { label: 'All', name: 'everything' },
          { label: 'My', name: 'mine' },
          { label: 'My team', name: 'team' }
        ]
      : [{ label: 'All', name: 'everything' }]
  };
}
