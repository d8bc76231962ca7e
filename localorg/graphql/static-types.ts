/**
 * The object-independent part of the UI API GraphQL schema: scalars (Currency, Date, Picklist, …),
 * the `*Value` wrappers every field is read through (`{ value displayValue }`), operators for
 * filters, ordering and grouping inputs, and the `*Aggregate` types of `uiapi.aggregate`.
 * Filter shapes follow Salesforce's GraphQL API guide ("Field Operators"); grouping, ordering and
 * aggregate types are built from the table in conformance.ts. README.md lists what is unverified.
 */
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLError,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLString,
  Kind,
  type GraphQLFieldConfigMap,
  type GraphQLInputType,
  type GraphQLOutputType,
  type ValueNode
} from 'graphql';
import { aggregateValue, type AggregateFn, type Group, type GroupSpec } from '../query/aggregate';
import type { FieldPath } from '../query/paths';
import type { DisplayFormatter } from '../org';
import type { FieldDef, FieldType } from '../schema/model';
import type { FieldValue } from '../../sample-data/types';
import type { RecordStore } from '../store';
import { canonicalDateTime, isIsoDate } from '../../sample-data/calendar';
import { DATE_FUNCTIONS, DATE_LITERALS, type DateFunction } from '../time';
import {
  AGGREGATE_TYPES,
  ENUMS,
  FIELD_GROUP_BY_INPUT,
  FIELD_ORDER_CLAUSE,
  GUIDE_DATE_PARTS,
  INPUT_TYPES,
  type AggregateTypeName
} from './conformance';

type ScalarKind = 'number' | 'integer' | 'string' | 'date' | 'datetime';

function makeScalar(name: string, kind: ScalarKind, description: string): GraphQLScalarType {
  const check = (value: unknown): unknown => {
    if (value === null) return null;
    switch (kind) {
      case 'number':
        if (typeof value === 'number' && Number.isFinite(value)) return value;
        break;
      case 'integer':
        if (typeof value === 'number' && Number.isInteger(value)) return value;
        break;
      case 'string':
        if (typeof value === 'string') return value;
        break;
      case 'date':
        if (typeof value === 'string' && isIsoDate(value)) return value;
        break;
      case 'datetime': {
        const canonical = typeof value === 'string' ? canonicalDateTime(value) : null;
        if (canonical) return canonical;
        break;
      }
    }
    throw new TypeError(`${name} cannot represent value: ${JSON.stringify(value)}`);
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => value,
    parseValue: check,
    parseLiteral(ast: ValueNode) {
      if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return check(Number(ast.value));
      if (ast.kind === Kind.STRING) return check(ast.value);
      if (ast.kind === Kind.NULL) return null;
      throw new TypeError(`${name} cannot represent a non-${kind} literal`);
    }
  });
}

/** Custom scalars of the UI API schema. */
export const Scalars = {
  Currency: makeScalar('Currency', 'number', 'A currency amount.'),
  Double: makeScalar('Double', 'number', 'A double-precision number.'),
  Percent: makeScalar('Percent', 'number', 'A percentage (50 means 50%).'),
  Long: makeScalar('Long', 'integer', 'A 64-bit integer.'),
  Date: makeScalar('Date', 'date', 'A calendar date, YYYY-MM-DD.'),
  DateTime: makeScalar('DateTime', 'datetime', 'An instant, ISO-8601 in UTC.'),
  Picklist: makeScalar('Picklist', 'string', 'A picklist API value.'),
  MultiPicklist: makeScalar(
    'MultiPicklist',
    'string',
    'Multi-select picklist values joined by semicolons.'
  ),
  TextArea: makeScalar('TextArea', 'string', 'Text area content.'),
  LongTextArea: makeScalar('LongTextArea', 'string', 'Long text area content.'),
  Email: makeScalar('Email', 'string', 'An email address.'),
  PhoneNumber: makeScalar('PhoneNumber', 'string', 'A phone number.'),
  Url: makeScalar('Url', 'string', 'A URL.')
};

/** What a `*Value` type reads: the stored value and the field it came from (for displayValue). */
export interface ValueRef {
  value: FieldValue;
  field: FieldDef | null;
  display: DisplayFormatter;
  /** Overrides how displayValue formats (counts and averages). */
  as?: 'long' | 'double';
}

/** The UI API's displayValue: labels for picklists, formatted numbers and dates, null otherwise. */
export function displayValueOf(ref: ValueRef): string | null {
  const { value, field, display } = ref;
  if (value === null || value === undefined) return null;
  if (ref.as === 'long') return display.number(Number(value), 0);
  if (ref.as === 'double') return display.number(Number(value), 2);
  if (!field) return null;
  switch (field.type) {
    case 'picklist':
      return field.picklistValues.find((v) => v.value === value)?.label ?? String(value);
    case 'multipicklist':
      return String(value)
        .split(';')
        .map((v) => field.picklistValues.find((p) => p.value === v)?.label ?? v)
        .join(';');
    case 'currency':
      return display.currency(Number(value));
    case 'double':
    case 'int':
      return display.number(Number(value), field.scale);
    case 'percent':
      return `${display.number(Number(value), field.scale)}%`;
    case 'date':
      return display.date(String(value));
    case 'datetime':
      return display.dateTimeValue(String(value));
    default:
      return null;
  }
}

function valueType(
  name: string,
  scalar: GraphQLOutputType,
  withFormat: boolean
): GraphQLObjectType<ValueRef> {
  const fields: GraphQLFieldConfigMap<ValueRef, unknown> = {
    value: { type: scalar, resolve: (ref) => ref.value },
    displayValue: { type: GraphQLString, resolve: (ref) => displayValueOf(ref) }
  };
  if (withFormat) fields.format = { type: GraphQLString, resolve: () => null };
  return new GraphQLObjectType<ValueRef>({ name, fields });
}

/** The `*Value` wrapper types. */
export const ValueTypes = {
  StringValue: valueType('StringValue', GraphQLString, false),
  IDValue: valueType('IDValue', GraphQLID, false),
  BooleanValue: valueType('BooleanValue', GraphQLBoolean, false),
  IntValue: valueType('IntValue', GraphQLInt, true),
  LongValue: valueType('LongValue', Scalars.Long, true),
  DoubleValue: valueType('DoubleValue', Scalars.Double, true),
  CurrencyValue: valueType('CurrencyValue', Scalars.Currency, true),
  PercentValue: valueType('PercentValue', Scalars.Percent, true),
  DateValue: valueType('DateValue', Scalars.Date, true),
  DateTimeValue: valueType('DateTimeValue', Scalars.DateTime, true),
  PicklistValue: valueType('PicklistValue', Scalars.Picklist, false),
  MultiPicklistValue: valueType('MultiPicklistValue', Scalars.MultiPicklist, false),
  TextAreaValue: valueType('TextAreaValue', Scalars.TextArea, false),
  LongTextAreaValue: valueType('LongTextAreaValue', Scalars.LongTextArea, false),
  EmailValue: valueType('EmailValue', Scalars.Email, false),
  PhoneNumberValue: valueType('PhoneNumberValue', Scalars.PhoneNumber, false),
  UrlValue: valueType('UrlValue', Scalars.Url, false)
};

/** The wrapper a field is read through. */
export function valueTypeOf(type: FieldType): GraphQLObjectType<ValueRef> {
  switch (type) {
    case 'id':
    case 'reference':
      return ValueTypes.IDValue;
    case 'string':
      return ValueTypes.StringValue;
    case 'textarea':
      return ValueTypes.TextAreaValue;
    case 'longtextarea':
      return ValueTypes.LongTextAreaValue;
    case 'picklist':
      return ValueTypes.PicklistValue;
    case 'multipicklist':
      return ValueTypes.MultiPicklistValue;
    case 'boolean':
      return ValueTypes.BooleanValue;
    case 'currency':
      return ValueTypes.CurrencyValue;
    case 'double':
      return ValueTypes.DoubleValue;
    case 'percent':
      return ValueTypes.PercentValue;
    case 'int':
      return ValueTypes.IntValue;
    case 'date':
      return ValueTypes.DateValue;
    case 'datetime':
      return ValueTypes.DateTimeValue;
    case 'email':
      return ValueTypes.EmailValue;
    case 'phone':
      return ValueTypes.PhoneNumberValue;
    case 'url':
      return ValueTypes.UrlValue;
  }
}

/** The scalar of a field's values, for filter operators. */
export function scalarOf(type: FieldType): GraphQLInputType {
  switch (type) {
    case 'id':
    case 'reference':
      return GraphQLID;
    case 'currency':
      return Scalars.Currency;
    case 'double':
      return Scalars.Double;
    case 'percent':
      return Scalars.Percent;
    case 'int':
      return GraphQLInt;
    case 'boolean':
      return GraphQLBoolean;
    case 'date':
      return Scalars.Date;
    case 'datetime':
      return Scalars.DateTime;
    case 'picklist':
      return Scalars.Picklist;
    case 'multipicklist':
      return Scalars.MultiPicklist;
    case 'textarea':
      return Scalars.TextArea;
    case 'longtextarea':
      return Scalars.LongTextArea;
    case 'email':
      return Scalars.Email;
    case 'phone':
      return Scalars.PhoneNumber;
    case 'url':
      return Scalars.Url;
    default:
      return GraphQLString;
  }
}

// ——— Filter inputs ———

function operators(name: string, scalar: GraphQLInputType, ops: string[]): GraphQLInputObjectType {
  const fields: Record<string, { type: GraphQLInputType }> = {};
  for (const op of ops)
    fields[op] = {
      type:
        op === 'in' || op === 'nin' || op === 'includes' || op === 'excludes'
          ? new GraphQLList(scalar)
          : scalar
    };
  return new GraphQLInputObjectType({ name, fields });
}

const COMPARE = ['eq', 'ne', 'lt', 'gt', 'lte', 'gte', 'in', 'nin'];
const TEXT = ['eq', 'ne', 'like', 'lt', 'gt', 'lte', 'gte', 'in', 'nin'];

/** `literal` values of DateInput. */
export const DateLiteralEnum = new GraphQLEnumType({
  name: 'DateLiteral',
  values: Object.fromEntries(DATE_LITERALS.map((l) => [l, { value: l }]))
});

/** Relative ranges of DateInput (`range: { last_n_days: 30 }`). */
export const DATE_RANGE_FIELDS: Record<string, string> = {
  last_n_days: 'LAST_N_DAYS',
  next_n_days: 'NEXT_N_DAYS',
  n_days_ago: 'N_DAYS_AGO',
  last_n_weeks: 'LAST_N_WEEKS',
  next_n_weeks: 'NEXT_N_WEEKS',
  n_weeks_ago: 'N_WEEKS_AGO',
  last_n_months: 'LAST_N_MONTHS',
  next_n_months: 'NEXT_N_MONTHS',
  n_months_ago: 'N_MONTHS_AGO',
  last_n_quarters: 'LAST_N_QUARTERS',
  next_n_quarters: 'NEXT_N_QUARTERS',
  n_quarters_ago: 'N_QUARTERS_AGO',
  last_n_years: 'LAST_N_YEARS',
  next_n_years: 'NEXT_N_YEARS',
  n_years_ago: 'N_YEARS_AGO',
  last_n_fiscal_quarters: 'LAST_N_FISCAL_QUARTERS',
  next_n_fiscal_quarters: 'NEXT_N_FISCAL_QUARTERS',
  n_fiscal_quarters_ago: 'N_FISCAL_QUARTERS_AGO',
  last_n_fiscal_years: 'LAST_N_FISCAL_YEARS',
  next_n_fiscal_years: 'NEXT_N_FISCAL_YEARS',
  n_fiscal_years_ago: 'N_FISCAL_YEARS_AGO'
};

const DateRange = new GraphQLInputObjectType({
  name: 'DateRange',
  fields: Object.fromEntries(Object.keys(DATE_RANGE_FIELDS).map((k) => [k, { type: GraphQLInt }]))
});

const DateInput = new GraphQLInputObjectType({
  name: 'DateInput',
  fields: {
    value: { type: Scalars.Date },
    literal: { type: DateLiteralEnum },
    range: { type: DateRange }
  }
});

const DateTimeInput = new GraphQLInputObjectType({
  name: 'DateTimeInput',
  fields: {
    value: { type: Scalars.DateTime },
    literal: { type: DateLiteralEnum },
    range: { type: DateRange }
  }
});

const DateFunctionInput = operators('DateFunctionInput', Scalars.Long, COMPARE);

/** Date functions usable as filter keys (`CALENDAR_YEAR: { eq: 2026 }`). */
export const FILTER_DATE_FUNCTIONS: DateFunction[] = DATE_FUNCTIONS.filter(
  (f) => f !== 'DAY_ONLY' && f !== 'HOUR_IN_DAY'
);

function dateOperators(
  name: string,
  input: GraphQLInputObjectType,
  extra: DateFunction[]
): GraphQLInputObjectType {
  const fields: Record<string, { type: GraphQLInputType }> = {};
  for (const op of COMPARE)
    fields[op] = { type: op === 'in' || op === 'nin' ? new GraphQLList(input) : input };
  for (const fn of [...FILTER_DATE_FUNCTIONS, ...extra]) fields[fn] = { type: DateFunctionInput };
  return new GraphQLInputObjectType({ name, fields });
}

/** Operators types by field type. */
export const Operators = {
  String: operators('StringOperators', GraphQLString, TEXT),
  TextArea: operators('TextAreaOperators', Scalars.TextArea, TEXT),
  Email: operators('EmailOperators', Scalars.Email, TEXT),
  PhoneNumber: operators('PhoneNumberOperators', Scalars.PhoneNumber, TEXT),
  Url: operators('UrlOperators', Scalars.Url, TEXT),
  Picklist: operators('PicklistOperators', Scalars.Picklist, TEXT),
  MultiPicklist: operators('MultiPicklistOperators', Scalars.MultiPicklist, [
    'eq',
    'ne',
    'includes',
    'excludes'
  ]),
  Boolean: operators('BooleanOperators', GraphQLBoolean, ['eq', 'ne']),
  Currency: operators('CurrencyOperators', Scalars.Currency, COMPARE),
  Double: operators('DoubleOperators', Scalars.Double, COMPARE),
  Percent: operators('PercentOperators', Scalars.Percent, COMPARE),
  Integer: operators('IntegerOperators', GraphQLInt, COMPARE),
  Long: operators('LongOperators', Scalars.Long, COMPARE),
  Date: dateOperators('DateOperators', DateInput, []),
  DateTime: dateOperators('DateTimeOperators', DateTimeInput, ['HOUR_IN_DAY'])
};

/**
 * IDOperators: comparisons plus `inq`/`ninq`, semi- and anti-joins on another object's field
 * (`AccountId: { ninq: { Opportunity: { IsWon: { eq: true } }, ApiName: "AccountId" } }`).
 */
export function idOperatorsType(join: GraphQLInputObjectType): GraphQLInputObjectType {
  const fields: Record<string, { type: GraphQLInputType }> = {};
  for (const op of COMPARE)
    fields[op] = { type: op === 'in' || op === 'nin' ? new GraphQLList(GraphQLID) : GraphQLID };
  fields.inq = { type: join };
  fields.ninq = { type: join };
  return new GraphQLInputObjectType({ name: 'IDOperators', fields });
}

/**
 * The operators input of a filterable field (null for long text, which cannot be filtered, and for
 * ids, whose operators come from {@link idOperatorsType}).
 */
export function operatorsOf(type: FieldType): GraphQLInputObjectType | null {
  switch (type) {
    case 'id':
    case 'reference':
      // IDOperators carries the semi-/anti-join inputs, which name every object: built with the
      // schema (idOperatorsType).
      return null;
    case 'string':
      return Operators.String;
    case 'textarea':
      return Operators.TextArea;
    case 'email':
      return Operators.Email;
    case 'phone':
      return Operators.PhoneNumber;
    case 'url':
      return Operators.Url;
    case 'picklist':
      return Operators.Picklist;
    case 'multipicklist':
      return Operators.MultiPicklist;
    case 'boolean':
      return Operators.Boolean;
    case 'currency':
      return Operators.Currency;
    case 'double':
      return Operators.Double;
    case 'percent':
      return Operators.Percent;
    case 'int':
      return Operators.Integer;
    case 'date':
      return Operators.Date;
    case 'datetime':
      return Operators.DateTime;
    case 'longtextarea':
      return null;
  }
}

// ——— Ordering and grouping inputs (conformance.ts) ———

function enumType(name: string): GraphQLEnumType {
  return new GraphQLEnumType({
    name,
    values: Object.fromEntries(ENUMS[name].map((v) => [v, { value: v }]))
  });
}

/** `ResultOrder` and `NullOrder` (OrderByClause), `ResultsOrder` and `NullsOrder` (the rest). */
export const Enums = {
  ResultOrder: enumType('ResultOrder'),
  ResultsOrder: enumType('ResultsOrder'),
  NullOrder: enumType('NullOrder'),
  NullsOrder: enumType('NullsOrder'),
  GroupByFunction: enumType('GroupByFunction'),
  GroupByType: enumType('GroupByType')
};

function inputType(name: string): GraphQLInputObjectType {
  return new GraphQLInputObjectType({
    name,
    fields: () =>
      Object.fromEntries(
        Object.entries(INPUT_TYPES[name]).map(([field, type]) => [
          field,
          { type: type === 'Boolean' ? GraphQLBoolean : Enums[type as keyof typeof Enums] }
        ])
      )
  });
}

/** The order clauses and group-by inputs, exactly as conformance.ts lists them. */
export const Inputs = {
  AggregateOrderByStringClause: inputType('AggregateOrderByStringClause'),
  AggregateOrderByNumberClause: inputType('AggregateOrderByNumberClause'),
  NoFunctionAggregateOrderByClause: inputType('NoFunctionAggregateOrderByClause'),
  OrderByClause: inputType('OrderByClause'),
  GroupByClause: inputType('GroupByClause'),
  GroupByDateFunction: inputType('GroupByDateFunction')
};

/** The order clause a field takes, or null when it cannot be sorted. */
export function orderClauseOf(type: FieldType): GraphQLInputObjectType | null {
  const name = FIELD_ORDER_CLAUSE[type];
  return name ? Inputs[name] : null;
}

/** The group-by input a field takes, or null when it cannot be grouped. */
export function groupInputOf(type: FieldType): GraphQLInputObjectType | null {
  const name = FIELD_GROUP_BY_INPUT[type];
  return name ? Inputs[name] : null;
}

export const PageInfo = new GraphQLObjectType({
  name: 'PageInfo',
  fields: {
    hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
    hasPreviousPage: { type: new GraphQLNonNull(GraphQLBoolean) },
    startCursor: { type: GraphQLString },
    endCursor: { type: GraphQLString }
  }
});

// ——— Aggregate output types ———

/** What an aggregate result is computed from. */
export interface AggregateState {
  store: RecordStore;
  specs: GroupSpec[];
  display: DisplayFormatter;
  fiscalYearStartMonth: number;
}

/** A field of one group, as an `*Aggregate` type reads it. */
export interface AggregateRef {
  group: Group;
  path: FieldPath;
  state: AggregateState;
}

/**
 * Does a grouping term read the same field as a path? Terms are compared by name: a DateTime
 * term reads the field through a copy that converts to the org's time zone (schema.ts).
 */
export function samePath(a: FieldPath, b: FieldPath): boolean {
  return (
    a.field.name === b.field.name &&
    a.object.name === b.object.name &&
    a.refs.join('.') === b.refs.join('.')
  );
}

function specIndex(ref: AggregateRef, fn: DateFunction | null): number {
  return ref.state.specs.findIndex((s) => s.fn === fn && samePath(s.path, ref.path));
}

function groupingError(ref: AggregateRef, fn: DateFunction | null): GraphQLError {
  const what = fn ? `${fn}(${ref.path.label})` : ref.path.label;
  return new GraphQLError(`Field must be grouped or aggregated: ${what}`, {
    extensions: { ErrorType: 'DataFetchingException', classification: 'DataFetchingException' }
  });
}

/**
 * Where a group's value for a field is: the term grouping the field by its raw value, or the one
 * date function it is grouped through (a DateTime field has no raw grouping; its `value` answers
 * the function's result, as SOQL's GROUP BY CALENDAR_MONTH(CreatedDate) does).
 */
function groupedIndex(ref: AggregateRef): number {
  const raw = specIndex(ref, null);
  if (raw >= 0) return raw;
  const viaFunction = ref.state.specs
    .map((s, i) => (s.fn !== null && samePath(s.path, ref.path) ? i : -1))
    .filter((i) => i >= 0);
  if (viaFunction.length === 1) return viaFunction[0];
  throw groupingError(ref, null);
}

function groupedValue(ref: AggregateRef, fn: DateFunction | null): FieldValue {
  if (fn === null) return ref.group.keys[groupedIndex(ref)];
  const at = specIndex(ref, fn);
  if (at < 0) throw groupingError(ref, fn);
  return ref.group.keys[at];
}

const AGGREGATE_FNS: Record<string, AggregateFn> = {
  avg: 'avg',
  count: 'count',
  countDistinct: 'countDistinct',
  max: 'max',
  min: 'min',
  sum: 'sum'
};

/** The GraphQL types aggregate fields answer with, by name (conformance.ts). */
function outputType(name: string): GraphQLOutputType {
  switch (name) {
    case 'String':
      return GraphQLString;
    case 'Boolean':
      return GraphQLBoolean;
    case 'Int':
      return GraphQLInt;
    case 'ID':
      return GraphQLID;
  }
  if (name in Scalars) return Scalars[name as keyof typeof Scalars];
  if (name in ValueTypes) return ValueTypes[name as keyof typeof ValueTypes];
  throw new Error(`conformance.ts names a type the local org does not have: ${name}`);
}

function aggregateField(
  name: string,
  typeName: string
): GraphQLFieldConfigMap<AggregateRef, unknown>[string] {
  const type = outputType(typeName);
  if (name === 'value') return { type, resolve: (ref) => groupedValue(ref, null) };
  if (name === 'displayValue') {
    return {
      type,
      resolve: (ref) => {
        const at = groupedIndex(ref);
        const value = ref.group.keys[at];
        const fn = ref.state.specs[at].fn;
        // A date function's result (month 11) is a number, not a date to format.
        if (fn === 'DAY_ONLY' && typeof value === 'string') return ref.state.display.date(value);
        if (fn) return value === null ? null : String(value);
        return displayValueOf({ value, field: ref.path.field, display: ref.state.display });
      }
    };
  }
  if (name === 'label') {
    return {
      type,
      resolve: (ref) => {
        const value = groupedValue(ref, null);
        return (
          ref.path.field.picklistValues.find((v) => v.value === value)?.label ??
          (value === null ? null : String(value))
        );
      }
    };
  }
  if (name === 'grouping') {
    return {
      type,
      resolve: (ref): ValueRef => ({
        value: ref.group.rolledUp[groupedIndex(ref)] ? 1 : 0,
        field: null,
        display: ref.state.display
      })
    };
  }
  if (name === 'format') return { type, resolve: () => null };
  const fn = AGGREGATE_FNS[name];
  if (!fn) throw new Error(`conformance.ts names an aggregate field the local org lacks: ${name}`);
  // Counts and averages are formatted as plain numbers; sums, minima and maxima as the field.
  const as =
    fn === 'count' || fn === 'countDistinct' ? 'long' : fn === 'avg' ? 'double' : undefined;
  return {
    type,
    resolve: (ref): ValueRef => ({
      value: aggregateValue(ref.state.store, ref.group, ref.path, fn),
      field: as ? null : ref.path.field,
      display: ref.state.display,
      as
    })
  };
}

function datePartField(fn: DateFunction): GraphQLFieldConfigMap<AggregateRef, unknown>[string] {
  if (fn === 'DAY_ONLY') {
    return {
      type: ValueTypes.DateValue,
      resolve: (ref): ValueRef => ({
        value: groupedValue(ref, fn),
        field: { ...ref.path.field, type: 'date' },
        display: ref.state.display
      })
    };
  }
  return {
    type: ValueTypes.LongValue,
    resolve: (ref): ValueRef => ({
      value: groupedValue(ref, fn),
      field: null,
      display: ref.state.display,
      as: 'long'
    })
  };
}

/** The `*Aggregate` types of one schema. */
export type AggregateTypes = Record<AggregateTypeName, GraphQLObjectType<AggregateRef>>;

/**
 * Builds the aggregate types from conformance.ts. With `guideDateParts`, DateTimeAggregate also
 * has the guide's date-part fields (`calendarMonth { value }` …), which the v60 schema lacks.
 */
export function buildAggregateTypes(options: { guideDateParts?: boolean } = {}): AggregateTypes {
  const types = {} as AggregateTypes;
  for (const [name, fields] of Object.entries(AGGREGATE_TYPES) as Array<
    [AggregateTypeName, Record<string, string>]
  >) {
    types[name] = new GraphQLObjectType<AggregateRef>({
      name,
      fields: () => {
        const config: GraphQLFieldConfigMap<AggregateRef, unknown> = {};
        for (const [field, typeName] of Object.entries(fields))
          config[field] = aggregateField(field, typeName);
        if (options.guideDateParts && name === 'DateTimeAggregate') {
          for (const [field, fn] of Object.entries(GUIDE_DATE_PARTS))
            config[field] = datePartField(fn);
        }
        return config;
      }
    });
  }
  return types;
}

/** Part of the schema though no field uses them directly, so clients can introspect them. */
export const EXTRA_TYPES = [Inputs.OrderByClause, Inputs.GroupByDateFunction, Inputs.GroupByClause];
