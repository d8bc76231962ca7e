/**
 * The UI API GraphQL grammar the local org's schema is generated from, as a table of facts: which
 * `*Aggregate` type a field is read through and what each offers, which group-by input and which
 * order clause each field type takes, the enums, and the API versions that add a feature. The
 * schema builder reads these tables, and `conformance.test.ts` introspects the generated schema
 * and fails when it drifts from them.
 *
 * Sources (README.md, "The grammar", says which facts are verified and how): a schema introspected
 * from a real org at API v60.0 (InnovateUKGitHub/innovation-funding-service-post-award,
 * app/src/gql/schema/sfSchema.gql), Salesforce's GraphQL API Developer Guide (Group By Schema,
 * Aggregate Functions for Field Types, Order By Schema) and Salesforce's own data-access skill
 * (forcedotcom/afv-library, skills/using-ui-bundle-salesforce-data) for `@optional`.
 */
import type { FieldType } from '../schema/model';
import type { DateFunction } from '../time';

/** The `*Aggregate` types of `uiapi.aggregate`. */
export type AggregateTypeName =
  | 'CurrencyAggregate'
  | 'DoubleAggregate'
  | 'PercentAggregate'
  | 'IntAggregate'
  | 'LongAggregate'
  | 'IDAggregate'
  | 'PicklistAggregate'
  | 'StringAggregate'
  | 'TextAreaAggregate'
  | 'EmailAggregate'
  | 'PhoneNumberAggregate'
  | 'UrlAggregate'
  | 'BooleanAggregate'
  | 'DateAggregate'
  | 'DateTimeAggregate';

const TEXT_LIKE = (scalar: string, value: string): Record<string, string> => ({
  value: scalar,
  displayValue: 'String',
  count: 'LongValue',
  countDistinct: 'LongValue',
  grouping: 'IntValue',
  max: value,
  min: value
});

const DECIMAL = (scalar: string, value: string): Record<string, string> => ({
  value: scalar,
  displayValue: 'String',
  avg: 'DoubleValue',
  count: 'LongValue',
  countDistinct: 'LongValue',
  format: 'String',
  max: value,
  min: value,
  sum: value
});

/**
 * Every field of each aggregate type, with the GraphQL type it answers (`value` answers the
 * field's scalar). Exactly these: no more (a document asking for `grouping` on a Currency field
 * fails, as in an org), no fewer.
 */
export const AGGREGATE_TYPES: Record<AggregateTypeName, Readonly<Record<string, string>>> = {
  // Currency, Double and Percent fields cannot be grouped, so they have no `grouping`.
  CurrencyAggregate: DECIMAL('Currency', 'CurrencyValue'),
  DoubleAggregate: DECIMAL('Double', 'DoubleValue'),
  PercentAggregate: DECIMAL('Percent', 'PercentValue'),
  // Whole numbers group, and their sum is a Long.
  IntAggregate: {
    value: 'Int',
    displayValue: 'String',
    avg: 'DoubleValue',
    count: 'LongValue',
    countDistinct: 'LongValue',
    format: 'String',
    grouping: 'IntValue',
    max: 'IntValue',
    min: 'IntValue',
    sum: 'LongValue'
  },
  LongAggregate: {
    value: 'Long',
    displayValue: 'String',
    avg: 'DoubleValue',
    count: 'LongValue',
    countDistinct: 'LongValue',
    format: 'String',
    grouping: 'IntValue',
    max: 'LongValue',
    min: 'LongValue',
    sum: 'LongValue'
  },
  IDAggregate: TEXT_LIKE('ID', 'IDValue'),
  PicklistAggregate: { ...TEXT_LIKE('Picklist', 'PicklistValue'), label: 'String' },
  StringAggregate: { ...TEXT_LIKE('String', 'StringValue'), label: 'String' },
  TextAreaAggregate: TEXT_LIKE('TextArea', 'TextAreaValue'),
  EmailAggregate: TEXT_LIKE('Email', 'EmailValue'),
  PhoneNumberAggregate: TEXT_LIKE('PhoneNumber', 'PhoneNumberValue'),
  UrlAggregate: TEXT_LIKE('Url', 'UrlValue'),
  // No count, no functions: a boolean can only be grouped.
  BooleanAggregate: { value: 'Boolean', displayValue: 'String', grouping: 'IntValue' },
  DateAggregate: {
    value: 'Date',
    displayValue: 'String',
    count: 'LongValue',
    countDistinct: 'LongValue',
    format: 'String',
    grouping: 'IntValue',
    max: 'DateValue',
    min: 'DateValue'
  },
  // No grouping and no date parts (calendarMonth…) in the v60 schema; see GUIDE_DATE_PARTS.
  DateTimeAggregate: {
    value: 'DateTime',
    displayValue: 'String',
    count: 'LongValue',
    countDistinct: 'LongValue',
    format: 'String',
    max: 'DateTimeValue',
    min: 'DateTimeValue'
  }
};

/**
 * The aggregate type a field is read through, by field type; null: not offered under
 * `aggregate { … }` (long text and multi-select picklists, which SOQL cannot aggregate).
 */
export const FIELD_AGGREGATE_TYPE: Record<FieldType, AggregateTypeName | null> = {
  id: 'IDAggregate',
  reference: 'IDAggregate',
  string: 'StringAggregate',
  textarea: 'TextAreaAggregate',
  longtextarea: null,
  picklist: 'PicklistAggregate',
  multipicklist: null,
  boolean: 'BooleanAggregate',
  currency: 'CurrencyAggregate',
  double: 'DoubleAggregate',
  percent: 'PercentAggregate',
  int: 'IntAggregate',
  date: 'DateAggregate',
  datetime: 'DateTimeAggregate',
  email: 'EmailAggregate',
  phone: 'PhoneNumberAggregate',
  url: 'UrlAggregate'
};

/** The two group-by inputs a field can take. */
export type GroupByInputName = 'GroupByClause' | 'GroupByDateFunction';

/**
 * The input a field takes in `<Object>_GroupBy`, by field type: the raw value (`{ group: true }`)
 * or a date function (`{ function: CALENDAR_MONTH }`), never both; null: not groupable. A Date
 * field cannot take a date function, a DateTime field cannot be grouped by its raw value.
 * Parent relationships take the parent's `<Parent>_GroupBy`.
 */
export const FIELD_GROUP_BY_INPUT: Record<FieldType, GroupByInputName | null> = {
  id: 'GroupByClause',
  reference: 'GroupByClause',
  string: 'GroupByClause',
  textarea: null,
  longtextarea: null,
  picklist: 'GroupByClause',
  multipicklist: null,
  boolean: 'GroupByClause',
  currency: null,
  double: null,
  percent: null,
  int: 'GroupByClause',
  date: 'GroupByClause',
  datetime: 'GroupByDateFunction',
  email: 'GroupByClause',
  phone: 'GroupByClause',
  url: 'GroupByClause'
};

/** The order clauses of `<Object>_OrderBy`. */
export type OrderClauseName =
  | 'AggregateOrderByStringClause'
  | 'AggregateOrderByNumberClause'
  | 'NoFunctionAggregateOrderByClause';

/**
 * The clause a field takes in `<Object>_OrderBy` (one type for record and aggregate queries, as
 * in the v60 schema), by field type; null: not sortable.
 */
export const FIELD_ORDER_CLAUSE: Record<FieldType, OrderClauseName | null> = {
  id: 'AggregateOrderByStringClause',
  reference: 'NoFunctionAggregateOrderByClause',
  string: 'AggregateOrderByStringClause',
  textarea: 'AggregateOrderByStringClause',
  longtextarea: null,
  picklist: 'AggregateOrderByStringClause',
  multipicklist: null,
  boolean: 'NoFunctionAggregateOrderByClause',
  currency: 'AggregateOrderByNumberClause',
  double: 'AggregateOrderByNumberClause',
  percent: 'AggregateOrderByNumberClause',
  int: 'AggregateOrderByNumberClause',
  date: 'AggregateOrderByStringClause',
  datetime: 'AggregateOrderByStringClause',
  email: 'AggregateOrderByStringClause',
  phone: 'AggregateOrderByStringClause',
  url: 'AggregateOrderByStringClause'
};

/**
 * The grouping and ordering inputs, field by field. `function` appears in GroupByDateFunction only:
 * the v60 schema's order clauses have no aggregate function (the guide's v59 pages show one).
 */
export const INPUT_TYPES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  GroupByClause: { group: 'Boolean' },
  GroupByDateFunction: { function: 'GroupByFunction' },
  AggregateOrderByStringClause: { order: 'ResultsOrder', nulls: 'NullsOrder' },
  AggregateOrderByNumberClause: { order: 'ResultsOrder', nulls: 'NullsOrder' },
  NoFunctionAggregateOrderByClause: { order: 'ResultsOrder', nulls: 'NullsOrder' },
  OrderByClause: { order: 'ResultOrder', nulls: 'NullOrder' }
};

/** The enums of grouping and ordering, values in the order the v60 schema lists them. */
export const ENUMS: Readonly<Record<string, readonly string[]>> = {
  GroupByFunction: [
    'DAY_IN_WEEK',
    'DAY_IN_MONTH',
    'DAY_IN_YEAR',
    'WEEK_IN_MONTH',
    'WEEK_IN_YEAR',
    'CALENDAR_MONTH',
    'CALENDAR_QUARTER',
    'CALENDAR_YEAR',
    'FISCAL_MONTH',
    'FISCAL_QUARTER',
    'FISCAL_YEAR',
    'DAY_ONLY',
    'HOUR_IN_DAY'
  ] satisfies DateFunction[],
  GroupByType: ['GROUP_BY', 'ROLLUP', 'CUBE'],
  ResultOrder: ['DESC', 'ASC'],
  ResultsOrder: ['ASC', 'DESC'],
  NullOrder: ['FIRST', 'LAST'],
  NullsOrder: ['FIRST', 'LAST']
};

/** The first API version that has a feature; below it the schema lacks it. */
export const VERSION_GATES = {
  /** `uiapi { currentUser }`: documented for v66.0 and later. */
  currentUser: '66.0',
  /** `directive @optional on FIELD`: "v65+" in Salesforce's data-access skill. */
  optionalDirective: '65.0'
} as const;

/** One feature gated by API version. */
export type VersionGate = keyof typeof VERSION_GATES;

/** Is `version` ("62.0") at or after `since` ("66.0")? */
export function versionAtLeast(version: string, since: string): boolean {
  const [major, minor = '0'] = version.split('.');
  const [sinceMajor, sinceMinor = '0'] = since.split('.');
  return Number(major) !== Number(sinceMajor)
    ? Number(major) > Number(sinceMajor)
    : Number(minor) >= Number(sinceMinor);
}

/** The gated features a request at `version` has. */
export function featuresAt(version: string): Record<VersionGate, boolean> {
  return {
    currentUser: versionAtLeast(version, VERSION_GATES.currentUser),
    optionalDirective: versionAtLeast(version, VERSION_GATES.optionalDirective)
  };
}

/**
 * How the guide reads a function group back (`CreatedDate { calendarYear { value } }`, from its
 * "Aggregate Your Results" LWC example and "Aggregate Functions for Field Types"): one field per
 * date function, a Long, or a Date for `dayOnly`. The v60 schema has none of them, so the local
 * org offers them on DateTimeAggregate only when started with `guideDateParts` (README.md).
 */
export const GUIDE_DATE_PARTS: Readonly<Record<string, DateFunction>> = {
  calendarMonth: 'CALENDAR_MONTH',
  calendarQuarter: 'CALENDAR_QUARTER',
  calendarYear: 'CALENDAR_YEAR',
  dayInMonth: 'DAY_IN_MONTH',
  dayInWeek: 'DAY_IN_WEEK',
  dayInYear: 'DAY_IN_YEAR',
  dayOnly: 'DAY_ONLY',
  fiscalMonth: 'FISCAL_MONTH',
  fiscalQuarter: 'FISCAL_QUARTER',
  fiscalYear: 'FISCAL_YEAR',
  hourInDay: 'HOUR_IN_DAY',
  weekInMonth: 'WEEK_IN_MONTH',
  weekInYear: 'WEEK_IN_YEAR'
};
