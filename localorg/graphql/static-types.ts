/**
 * The object-independent part of the UI API GraphQL schema: scalars (Currency, Date, Picklist, …),
 * the `*Value` wrappers every field is read through (`{ value displayValue }`), operators for
 * filters, ordering and grouping inputs, and the `*Aggregate` types of `uiapi.aggregate`.
 * Names and shapes follow Salesforce's GraphQL API guide ("Field Operators", "Aggregate Schema",
 * "Group By Schema", "Order By Schema"); README.md lists where the guide was silent.
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
import { aggregateValue, type AggregateFn, type Group, type GroupSpec } from '../engine/aggregate';
import type { FieldPath } from '../engine/paths';
import type { DisplayFormatter } from '../org';
import type { FieldDef, FieldType } from '../schema/model';
import type { FieldValue } from '../sample-data/types';
import type { RecordStore } from '../store';
import {
  canonicalDateTime,
  DATE_FUNCTIONS,
  DATE_LITERALS,
  isIsoDate,
  type DateFunction
} from '../time';

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

// ——— Ordering and grouping inputs ———

export const ResultOrder = new GraphQLEnumType({
  name: 'ResultOrder',
  values: { ASC: { value: 'ASC' }, DESC: { value: 'DESC' } }
});
export const NullOrder = new GraphQLEnumType({
  name: 'NullOrder',
  values: { FIRST: { value: 'FIRST' }, LAST: { value: 'LAST' } }
});

const AggregateOrderByStringFunction = new GraphQLEnumType({
  name: 'AggregateOrderByStringFunction',
  values: { COUNT: {}, COUNT_DISTINCT: {}, MAX: {}, MIN: {} }
});
const AggregateOrderByNumberFunction = new GraphQLEnumType({
  name: 'AggregateOrderByNumberFunction',
  values: { AVG: {}, COUNT: {}, COUNT_DISTINCT: {}, MAX: {}, MIN: {}, SUM: {} }
});

/** Order clause of text, id, picklist and date fields. */
export const AggregateOrderByStringClause = new GraphQLInputObjectType({
  name: 'AggregateOrderByStringClause',
  fields: {
    function: { type: AggregateOrderByStringFunction },
    order: { type: ResultOrder },
    nulls: { type: NullOrder }
  }
});
/** Order clause of numeric fields. */
export const AggregateOrderByNumberClause = new GraphQLInputObjectType({
  name: 'AggregateOrderByNumberClause',
  fields: {
    function: { type: AggregateOrderByNumberFunction },
    order: { type: ResultOrder },
    nulls: { type: NullOrder }
  }
});
/** Order clause of booleans and reference fields. */
export const NoFunctionAggregateOrderByClause = new GraphQLInputObjectType({
  name: 'NoFunctionAggregateOrderByClause',
  fields: { order: { type: ResultOrder }, nulls: { type: NullOrder } }
});
/** The plain order clause. */
export const OrderByClause = new GraphQLInputObjectType({
  name: 'OrderByClause',
  fields: { order: { type: ResultOrder }, nulls: { type: NullOrder } }
});

/** The order clause a sortable field takes. */
export function orderClauseOf(type: FieldType): GraphQLInputObjectType {
  if (type === 'currency' || type === 'double' || type === 'percent' || type === 'int')
    return AggregateOrderByNumberClause;
  if (type === 'boolean' || type === 'reference') return NoFunctionAggregateOrderByClause;
  return AggregateOrderByStringClause;
}

export const GroupByFunction = new GraphQLEnumType({
  name: 'GroupByFunction',
  values: Object.fromEntries(DATE_FUNCTIONS.map((f) => [f, { value: f }]))
});
export const GroupByType = new GraphQLEnumType({
  name: 'GroupByType',
  values: { GROUP_BY: {}, ROLLUP: {}, CUBE: {} }
});
/** `{ group: true }`, or a date function on Date fields. */
export const GroupByClause = new GraphQLInputObjectType({
  name: 'GroupByClause',
  fields: { group: { type: GraphQLBoolean }, function: { type: GroupByFunction } }
});
/** DateTime fields group only through a date function. */
export const GroupByDateFunction = new GraphQLInputObjectType({
  name: 'GroupByDateFunction',
  fields: { function: { type: GroupByFunction } }
});

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

function specIndex(ref: AggregateRef, fn: DateFunction | null): number {
  return ref.state.specs.findIndex(
    (s) =>
      s.fn === fn &&
      s.path.field === ref.path.field &&
      s.path.refs.join('.') === ref.path.refs.join('.')
  );
}

/**
 * The group's value for a field, or for a date function of it. A field grouped only through one
 * date function answers `value` with that function's number too (as SOQL's GROUP BY
 * CALENDAR_MONTH(CloseDate) does); `calendarMonth { value }` and friends name it explicitly.
 */
function groupedValue(ref: AggregateRef, fn: DateFunction | null): FieldValue {
  let at = specIndex(ref, fn);
  if (at < 0 && fn === null) {
    const viaFunction = ref.state.specs
      .map((s, i) =>
        s.fn !== null &&
        s.path.field === ref.path.field &&
        s.path.refs.join('.') === ref.path.refs.join('.')
          ? i
          : -1
      )
      .filter((i) => i >= 0);
    if (viaFunction.length === 1) at = viaFunction[0];
  }
  if (at < 0) {
    const what = fn ? `${fn}(${ref.path.label})` : ref.path.label;
    throw new GraphQLError(`Field must be grouped or aggregated: ${what}`, {
      extensions: { ErrorType: 'DataFetchingException', classification: 'DataFetchingException' }
    });
  }
  return ref.group.keys[at];
}

function fnField(fn: AggregateFn, type: GraphQLObjectType<ValueRef>, as?: 'long' | 'double') {
  return {
    type,
    resolve: (ref: AggregateRef): ValueRef => ({
      value: aggregateValue(ref.state.store, ref.group, ref.path, fn),
      field: as ? null : ref.path.field,
      display: ref.state.display,
      as
    })
  };
}

function aggregateType(
  name: string,
  valueScalar: GraphQLOutputType,
  functions: {
    count?: boolean;
    minMax?: GraphQLObjectType<ValueRef>;
    sum?: GraphQLObjectType<ValueRef>;
    label?: boolean;
    dates?: boolean;
    dateTime?: boolean;
  }
): GraphQLObjectType<AggregateRef> {
  const fields: GraphQLFieldConfigMap<AggregateRef, unknown> = {
    value: { type: valueScalar, resolve: (ref) => groupedValue(ref, null) },
    displayValue: {
      type: GraphQLString,
      resolve: (ref) => {
        const value = groupedValue(ref, null);
        // A date function's number (month 11) is not a date to format.
        if (
          typeof value === 'number' &&
          (ref.path.field.type === 'date' || ref.path.field.type === 'datetime')
        ) {
          return String(value);
        }
        return displayValueOf({ value, field: ref.path.field, display: ref.state.display });
      }
    },
    grouping: {
      type: ValueTypes.IntValue,
      resolve: (ref): ValueRef => {
        let at = specIndex(ref, null);
        if (at < 0) at = ref.state.specs.findIndex((s) => s.path.field === ref.path.field);
        if (at < 0) groupedValue(ref, null);
        return { value: ref.group.rolledUp[at] ? 1 : 0, field: null, display: ref.state.display };
      }
    }
  };
  if (functions.label) {
    fields.label = {
      type: GraphQLString,
      resolve: (ref) => {
        const value = groupedValue(ref, null);
        return (
          ref.path.field.picklistValues.find((v) => v.value === value)?.label ??
          (value === null ? null : String(value))
        );
      }
    };
  }
  if (functions.count) {
    fields.count = fnField('count', ValueTypes.LongValue, 'long');
    fields.countDistinct = fnField('countDistinct', ValueTypes.LongValue, 'long');
  }
  if (functions.minMax) {
    fields.min = fnField('min', functions.minMax);
    fields.max = fnField('max', functions.minMax);
  }
  if (functions.sum) {
    fields.sum = fnField('sum', functions.sum);
    fields.avg = fnField('avg', ValueTypes.DoubleValue, 'double');
    fields.format = { type: GraphQLString, resolve: () => null };
  }
  if (functions.dates) {
    const parts: Array<[string, DateFunction]> = [
      ['calendarMonth', 'CALENDAR_MONTH'],
      ['calendarQuarter', 'CALENDAR_QUARTER'],
      ['calendarYear', 'CALENDAR_YEAR'],
      ['dayInMonth', 'DAY_IN_MONTH'],
      ['dayInWeek', 'DAY_IN_WEEK'],
      ['dayInYear', 'DAY_IN_YEAR'],
      ['fiscalMonth', 'FISCAL_MONTH'],
      ['fiscalQuarter', 'FISCAL_QUARTER'],
      ['fiscalYear', 'FISCAL_YEAR'],
      ['weekInMonth', 'WEEK_IN_MONTH'],
      ['weekInYear', 'WEEK_IN_YEAR']
    ];
    if (functions.dateTime) parts.push(['hourInDay', 'HOUR_IN_DAY']);
    for (const [fieldName, fn] of parts) {
      fields[fieldName] = {
        type: ValueTypes.LongValue,
        resolve: (ref): ValueRef => ({
          value: groupedValue(ref, fn),
          field: null,
          display: ref.state.display,
          as: 'long'
        })
      };
    }
    fields.dayOnly = {
      type: ValueTypes.DateValue,
      resolve: (ref): ValueRef => {
        const day = functions.dateTime ? groupedValue(ref, 'DAY_ONLY') : groupedValue(ref, null);
        return {
          value: day,
          field: { ...ref.path.field, type: 'date' },
          display: ref.state.display
        };
      }
    };
    fields.format = { type: GraphQLString, resolve: () => null };
  }
  return new GraphQLObjectType<AggregateRef>({ name, fields });
}

/** The `*Aggregate` types by field type. */
export const AggregateTypes = {
  ID: aggregateType('IDAggregate', GraphQLID, { count: true, minMax: ValueTypes.IDValue }),
  String: aggregateType('StringAggregate', GraphQLString, {
    count: true,
    minMax: ValueTypes.StringValue,
    label: true
  }),
  TextArea: aggregateType('TextAreaAggregate', Scalars.TextArea, {
    count: true,
    minMax: ValueTypes.TextAreaValue
  }),
  Email: aggregateType('EmailAggregate', Scalars.Email, {
    count: true,
    minMax: ValueTypes.EmailValue
  }),
  PhoneNumber: aggregateType('PhoneNumberAggregate', Scalars.PhoneNumber, {
    count: true,
    minMax: ValueTypes.PhoneNumberValue
  }),
  Url: aggregateType('UrlAggregate', Scalars.Url, { count: true, minMax: ValueTypes.UrlValue }),
  Picklist: aggregateType('PicklistAggregate', Scalars.Picklist, {
    count: true,
    minMax: ValueTypes.PicklistValue,
    label: true
  }),
  Boolean: aggregateType('BooleanAggregate', GraphQLBoolean, {}),
  Currency: aggregateType('CurrencyAggregate', Scalars.Currency, {
    count: true,
    minMax: ValueTypes.CurrencyValue,
    sum: ValueTypes.CurrencyValue
  }),
  Double: aggregateType('DoubleAggregate', Scalars.Double, {
    count: true,
    minMax: ValueTypes.DoubleValue,
    sum: ValueTypes.DoubleValue
  }),
  Percent: aggregateType('PercentAggregate', Scalars.Percent, {
    count: true,
    minMax: ValueTypes.PercentValue,
    sum: ValueTypes.PercentValue
  }),
  Int: aggregateType('IntAggregate', GraphQLInt, {
    count: true,
    minMax: ValueTypes.IntValue,
    sum: ValueTypes.IntValue
  }),
  Date: aggregateType('DateAggregate', Scalars.Date, {
    count: true,
    minMax: ValueTypes.DateValue,
    dates: true
  }),
  DateTime: aggregateType('DateTimeAggregate', Scalars.DateTime, {
    count: true,
    minMax: ValueTypes.DateTimeValue,
    dates: true,
    dateTime: true
  })
};

/** The aggregate type of a field, or null when it takes no part in aggregation (long text, multi-select). */
export function aggregateTypeOf(type: FieldType): GraphQLObjectType<AggregateRef> | null {
  switch (type) {
    case 'id':
    case 'reference':
      return AggregateTypes.ID;
    case 'string':
      return AggregateTypes.String;
    case 'textarea':
      return AggregateTypes.TextArea;
    case 'email':
      return AggregateTypes.Email;
    case 'phone':
      return AggregateTypes.PhoneNumber;
    case 'url':
      return AggregateTypes.Url;
    case 'picklist':
      return AggregateTypes.Picklist;
    case 'boolean':
      return AggregateTypes.Boolean;
    case 'currency':
      return AggregateTypes.Currency;
    case 'double':
      return AggregateTypes.Double;
    case 'percent':
      return AggregateTypes.Percent;
    case 'int':
      return AggregateTypes.Int;
    case 'date':
      return AggregateTypes.Date;
    case 'datetime':
      return AggregateTypes.DateTime;
    default:
      return null;
  }
}

/** Unused directly but part of the schema so clients can introspect it. */
export const EXTRA_TYPES = [OrderByClause, GroupByDateFunction];
