/**
 * The standard objects and fields Pacer reads (docs/data-model.md, "Standard objects Pacer reads"), with
 * the properties Salesforce gives them: read-only derived fields (IsClosed, LastStageChangeDate,
 * Task.AccountId), relationship names, picklist values. Custom fields on these objects come from
 * force-app metadata and are merged in by load-schema.ts.
 */
import { STAGES, HISTORY_FORECAST_CATEGORIES } from '../../sample-data/stages';
import { INDUSTRIES } from '../../sample-data/words';
import type { FieldValue, SObjectRecord } from '../../sample-data/types';
import { baseField, type FieldDef, type FieldType } from './model';

/** Options of one standard field in the compact table below. */
interface FieldOptions {
  label?: string;
  length?: number;
  precision?: number;
  scale?: number;
  to?: string[];
  rel?: string;
  child?: string;
  values?: ReadonlyArray<string | { value: string; label: string }>;
  restricted?: boolean;
  required?: boolean;
  readOnly?: boolean;
  createOnly?: boolean;
  unique?: boolean;
  default?: string | number | boolean;
  nameField?: boolean;
  /** Read-only field computed from the record. */
  calculate?: (record: SObjectRecord) => FieldValue;
}

/** A standard object's outline. */
export interface StandardObjectSpec {
  name: string;
  label: string;
  labelPlural: string;
  /** Has OwnerId (Owner → User). */
  owned: boolean;
  createable: boolean;
  fields: Array<[string, FieldType, FieldOptions?]>;
}

function picklist(
  values: ReadonlyArray<string | { value: string; label: string }>,
  defaultValue?: string
) {
  return values.map((v) => {
    const entry = typeof v === 'string' ? { value: v, label: v } : v;
    return { ...entry, default: entry.value === defaultValue };
  });
}

/** Builds a FieldDef from one row of the compact table. */
export function standardField(name: string, type: FieldType, o: FieldOptions = {}): FieldDef {
  const field = baseField(name, type);
  field.custom = false;
  field.label = o.label ?? name.replace(/Id$/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
  if (o.length !== undefined) field.length = o.length;
  if (o.precision !== undefined) field.precision = o.precision;
  if (o.scale !== undefined) field.scale = o.scale;
  if (o.to) field.referenceTo = o.to;
  if (o.rel) field.relationshipName = o.rel;
  if (o.child) field.childRelationshipName = o.child;
  if (o.values)
    field.picklistValues = picklist(
      o.values,
      typeof o.default === 'string' ? o.default : undefined
    );
  field.restrictedPicklist = Boolean(o.restricted);
  if (o.required) field.nillable = false;
  if (o.readOnly) {
    field.createable = false;
    field.updateable = false;
  }
  if (o.createOnly) field.updateable = false;
  if (o.unique) field.unique = true;
  if (o.default !== undefined) field.defaultValue = o.default;
  field.nameField = Boolean(o.nameField);
  if (o.calculate) {
    field.calculate = o.calculate;
    field.createable = false;
    field.updateable = false;
  }
  return field;
}

/** Fields every object has: the id and the audit fields Salesforce maintains. */
export function systemFields(): FieldDef[] {
  return [
    standardField('Id', 'id', { label: 'Record ID', readOnly: true }),
    standardField('IsDeleted', 'boolean', { label: 'Deleted', readOnly: true }),
    standardField('CreatedDate', 'datetime', { label: 'Created Date', readOnly: true }),
    standardField('CreatedById', 'reference', {
      label: 'Created By ID',
      to: ['User'],
      rel: 'CreatedBy',
      readOnly: true
    }),
    standardField('LastModifiedDate', 'datetime', { label: 'Last Modified Date', readOnly: true }),
    standardField('LastModifiedById', 'reference', {
      label: 'Last Modified By ID',
      to: ['User'],
      rel: 'LastModifiedBy',
      readOnly: true
    }),
    standardField('SystemModstamp', 'datetime', { label: 'System Modstamp', readOnly: true })
  ];
}

/** The owner field of owned objects. */
export function ownerField(): FieldDef {
  return standardField('OwnerId', 'reference', { label: 'Owner ID', to: ['User'], rel: 'Owner' });
}

const STAGE_NAMES = STAGES.map((s) => s.name);
const FORECAST_CATEGORY_NAMES = ['Pipeline', 'Best Case', 'Commit', 'Closed', 'Omitted'];
const ACCOUNT_TYPES = [
  'Prospect',
  'Customer - Direct',
  'Customer - Channel',
  'Channel Partner / Reseller',
  'Installation Partner',
  'Technology Partner',
  'Other'
];
const TASK_STATUSES = [
  'Not Started',
  'In Progress',
  'Completed',
  'Waiting on someone else',
  'Deferred'
];
const ACTIVITY_TYPES = ['Call', 'Email', 'Meeting', 'Other'];
const TASK_SUBTYPES = ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'];
const TIME_ZONES = [
  'Europe/Paris',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC'
];
const LOCALES = ['en_GB', 'en_US', 'fr_FR', 'de_DE', 'it_IT', 'es_ES', 'nl_NL'];
const WHAT = ['Account', 'Opportunity'];

/** Opportunity.ExpectedRevenue as Salesforce computes it: Amount × Probability / 100. */
function expectedRevenue(record: SObjectRecord): FieldValue {
  const amount = record.Amount;
  const probability = record.Probability;
  if (typeof amount !== 'number' || typeof probability !== 'number') return null;
  return Math.round(amount * probability) / 100;
}
const WHO = ['Contact', 'Lead'];

/** The standard objects, in describe order. */
export const STANDARD_OBJECTS: StandardObjectSpec[] = [
  {
    name: 'User',
    label: 'User',
    labelPlural: 'Users',
    owned: false,
    createable: true,
    fields: [
      ['Name', 'string', { label: 'Full Name', length: 121, readOnly: true, nameField: true }],
      ['FirstName', 'string', { length: 40 }],
      ['LastName', 'string', { length: 80, required: true }],
      ['Username', 'string', { length: 80, required: true, unique: true }],
      ['Email', 'email', { length: 128, required: true }],
      ['IsActive', 'boolean', { label: 'Active', default: true }],
      [
        'ManagerId',
        'reference',
        { label: 'Manager ID', to: ['User'], rel: 'Manager', child: 'ManagedUsers' }
      ],
      ['Title', 'string', { length: 80 }],
      ['UserRoleId', 'reference', { label: 'Role ID', to: ['UserRole'], rel: 'UserRole' }],
      [
        'TimeZoneSidKey',
        'picklist',
        { label: 'Time Zone', values: TIME_ZONES, required: true, default: 'Europe/Paris' }
      ],
      [
        'LocaleSidKey',
        'picklist',
        { label: 'Locale', values: LOCALES, required: true, default: 'en_GB' }
      ]
    ]
  },
  {
    name: 'Account',
    label: 'Account',
    labelPlural: 'Accounts',
    owned: true,
    createable: true,
    fields: [
      ['Name', 'string', { label: 'Account Name', required: true, nameField: true }],
      ['Industry', 'picklist', { values: INDUSTRIES }],
      ['Type', 'picklist', { label: 'Account Type', values: ACCOUNT_TYPES }]
    ]
  },
  {
    name: 'Opportunity',
    label: 'Opportunity',
    labelPlural: 'Opportunities',
    owned: true,
    createable: true,
    fields: [
      ['Name', 'string', { label: 'Name', length: 120, required: true, nameField: true }],
      [
        'AccountId',
        'reference',
        { label: 'Account ID', to: ['Account'], rel: 'Account', child: 'Opportunities' }
      ],
      [
        'StageName',
        'picklist',
        { label: 'Stage', values: STAGE_NAMES, restricted: true, required: true }
      ],
      ['Amount', 'currency', { precision: 18, scale: 2 }],
      ['Probability', 'percent', { label: 'Probability (%)', precision: 3, scale: 0 }],
      ['ExpectedRevenue', 'currency', { label: 'Expected Amount', calculate: expectedRevenue }],
      ['CloseDate', 'date', { label: 'Close Date', required: true }],
      ['IsClosed', 'boolean', { label: 'Closed', readOnly: true }],
      ['IsWon', 'boolean', { label: 'Won', readOnly: true }],
      [
        'ForecastCategoryName',
        'picklist',
        { label: 'Forecast Category', values: FORECAST_CATEGORY_NAMES, restricted: true }
      ],
      [
        'Type',
        'picklist',
        { label: 'Opportunity Type', values: ['New Business', 'Existing Business'] }
      ],
      ['LastStageChangeDate', 'datetime', { label: 'Last Stage Change Date', readOnly: true }],
      ['LastActivityDate', 'date', { label: 'Last Activity', readOnly: true }],
      ['NextStep', 'string', { label: 'Next Step' }]
    ]
  },
  {
    name: 'OpportunityHistory',
    label: 'Opportunity History',
    labelPlural: 'Opportunity History',
    owned: false,
    createable: false,
    fields: [
      [
        'OpportunityId',
        'reference',
        {
          label: 'Opportunity ID',
          to: ['Opportunity'],
          rel: 'Opportunity',
          child: 'OpportunityHistories',
          readOnly: true
        }
      ],
      ['StageName', 'picklist', { label: 'Stage', values: STAGE_NAMES, readOnly: true }],
      ['Amount', 'currency', { readOnly: true }],
      ['Probability', 'percent', { label: 'Probability (%)', precision: 3, readOnly: true }],
      ['ExpectedRevenue', 'currency', { label: 'Expected Amount', calculate: expectedRevenue }],
      ['CloseDate', 'date', { label: 'Close Date', readOnly: true }],
      [
        'ForecastCategory',
        'picklist',
        { label: 'Forecast Category', values: HISTORY_FORECAST_CATEGORIES, readOnly: true }
      ]
    ]
  },
  {
    name: 'Task',
    label: 'Task',
    labelPlural: 'Tasks',
    owned: true,
    createable: true,
    fields: [
      ['Subject', 'string', { label: 'Subject', nameField: true }],
      ['WhatId', 'reference', { label: 'Related To ID', to: WHAT, rel: 'What', child: 'Tasks' }],
      ['WhoId', 'reference', { label: 'Name ID', to: WHO, rel: 'Who' }],
      [
        'AccountId',
        'reference',
        { label: 'Account ID', to: ['Account'], rel: 'Account', readOnly: true }
      ],
      ['ActivityDate', 'date', { label: 'Due Date Only' }],
      ['Status', 'picklist', { values: TASK_STATUSES, required: true, default: 'Not Started' }],
      ['Type', 'picklist', { values: ACTIVITY_TYPES }],
      [
        'TaskSubtype',
        'picklist',
        { label: 'Task Subtype', values: TASK_SUBTYPES, createOnly: true, default: 'Task' }
      ]
    ]
  },
  {
    name: 'Event',
    label: 'Event',
    labelPlural: 'Events',
    owned: true,
    createable: true,
    fields: [
      ['Subject', 'string', { label: 'Subject', nameField: true }],
      ['WhatId', 'reference', { label: 'Related To ID', to: WHAT, rel: 'What', child: 'Events' }],
      ['WhoId', 'reference', { label: 'Name ID', to: WHO, rel: 'Who' }],
      [
        'AccountId',
        'reference',
        { label: 'Account ID', to: ['Account'], rel: 'Account', readOnly: true }
      ],
      ['ActivityDate', 'date', { label: 'Due Date Only' }],
      ['StartDateTime', 'datetime', { label: 'Start' }],
      ['EndDateTime', 'datetime', { label: 'End' }],
      ['DurationInMinutes', 'int', { label: 'Duration' }],
      ['Type', 'picklist', { values: ACTIVITY_TYPES }]
    ]
  },
  {
    name: 'Organization',
    label: 'Organization',
    labelPlural: 'Organizations',
    owned: false,
    createable: false,
    fields: [
      ['Name', 'string', { readOnly: true, nameField: true }],
      ['InstanceName', 'string', { readOnly: true }],
      ['IsSandbox', 'boolean', { readOnly: true }],
      ['TrialExpirationDate', 'datetime', { readOnly: true }],
      ['NamespacePrefix', 'string', { readOnly: true }],
      ['OrganizationType', 'string', { readOnly: true }],
      ['TimeZoneSidKey', 'picklist', { values: TIME_ZONES, readOnly: true }],
      ['DefaultLocaleSidKey', 'picklist', { values: LOCALES, readOnly: true }],
      ['LanguageLocaleKey', 'string', { readOnly: true }],
      ['FiscalYearStartMonth', 'int', { readOnly: true }],
      ['DefaultCurrencyIsoCode', 'string', { readOnly: true }]
    ]
  }
];
