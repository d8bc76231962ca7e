/**
 * SOQL for the REST `query` resource, parsed with soql-parser-js: the subset Pacer's scripts use —
 * fields and parent relationship fields (Owner.Name, Cadence__r.Key__c), WHERE with AND/OR/NOT,
 * IN/NOT IN, LIKE, INCLUDES/EXCLUDES, date literals and date functions, ORDER BY with NULLS,
 * LIMIT/OFFSET, GROUP BY (also ROLLUP/CUBE) with COUNT/COUNT_DISTINCT/SUM/AVG/MIN/MAX, and
 * COUNT(). Results have Salesforce's shape (attributes, nested parents, exprN aliases).
 */
import { composeQuery, parseQuery, type FieldType as SoqlField, type Query } from 'soql-parser-js';
import {
  aggregateValue,
  groupRecords,
  type AggregateFn,
  type Group,
  type GroupSpec,
  type GroupingType
} from './query/aggregate';
import type { CompareOp, Cond, FieldTest } from './query/conditions';
import { literalBounds } from './query/date-bounds';
import { fieldValue, QueryError, resolveDottedPath, type FieldPath } from './query/paths';
import {
  compareSortValues,
  selectRecords,
  sortRecords,
  sortValue,
  type SortKey
} from './query/select';
import type { OrgContext } from './org';
import type { ObjectDef } from './schema/model';
import type { FieldValue, SObjectRecord } from '../sample-data/types';
import { canonicalDateTime, isIsoDate } from '../sample-data/calendar';
import { DATE_FUNCTIONS, type DateFunction } from './time';

/** One row of a query result. */
export type QueryRow = Record<string, unknown>;

/** A query answered but not yet cut into pages. */
export interface QueryAnswer {
  /** All rows, or a lazy projection over matched records (big record queries stay unprojected). */
  size: number;
  row(index: number): QueryRow;
  /** COUNT() queries: totalSize is the count and there are no rows. */
  countOnly: boolean;
}

const AGGREGATE_NAMES: Record<string, AggregateFn> = {
  COUNT: 'count',
  COUNT_DISTINCT: 'countDistinct',
  SUM: 'sum',
  AVG: 'avg',
  MIN: 'min',
  MAX: 'max'
};

function malformed(message: string): QueryError {
  return new QueryError('MALFORMED_QUERY', message);
}

function unquote(value: string): string {
  if (!value.startsWith("'")) return value;
  return value
    .slice(1, -1)
    .replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[c] ?? c);
}

function recordUrl(version: string, objectName: string, id: string): string {
  return `/services/data/v${version}/sobjects/${objectName}/${id}`;
}

/** The parts of soql-parser-js's WHERE and ORDER BY output this module reads. */
interface Condition {
  field?: string;
  fn?: { functionName: string; parameters?: string[] };
  operator?: string;
  value?: string | string[];
  literalType?: string | string[];
  valueQuery?: unknown;
  openParen?: number;
  closeParen?: number;
}
interface WhereClause {
  left: Condition | null;
  operator?: string;
  right?: WhereClause;
}
interface OrderByClause {
  field?: string;
  fn?: { functionName: string; parameters?: string[] };
  order?: string;
  nulls?: string;
}

type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | { condition: Condition };

function flatten(node: WhereClause | undefined, out: Token[]): Token[] {
  if (!node) return out;
  const left = node.left;
  if (!left && node.operator === 'NOT') {
    out.push('NOT');
    return flatten(node.right, out);
  }
  if (left) {
    for (let i = 0; i < (left.openParen ?? 0); i++) out.push('(');
    out.push({ condition: left });
    for (let i = 0; i < (left.closeParen ?? 0); i++) out.push(')');
  }
  if (node.operator && node.right) {
    out.push(node.operator as Token);
    flatten(node.right, out);
  }
  return out;
}

class WhereParser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly leaf: (c: Condition) => Cond
  ) {}

  parse(): Cond {
    const cond = this.or();
    if (this.at < this.tokens.length) throw malformed('unexpected token in WHERE clause');
    return cond;
  }

  private or(): Cond {
    const items = [this.and()];
    while (this.tokens[this.at] === 'OR') {
      this.at++;
      items.push(this.and());
    }
    return items.length === 1 ? items[0] : { kind: 'or', items };
  }

  private and(): Cond {
    const items = [this.unary()];
    while (this.tokens[this.at] === 'AND') {
      this.at++;
      items.push(this.unary());
    }
    return items.length === 1 ? items[0] : { kind: 'and', items };
  }

  private unary(): Cond {
    const token = this.tokens[this.at];
    if (token === 'NOT') {
      this.at++;
      return { kind: 'not', item: this.unary() };
    }
    if (token === '(') {
      this.at++;
      const inner = this.or();
      if (this.tokens[this.at] !== ')')
        throw malformed("expecting a right parentheses, found 'EOF'");
      this.at++;
      return inner;
    }
    if (token && typeof token === 'object') {
      this.at++;
      return this.leaf(token.condition);
    }
    throw malformed('unexpected token in WHERE clause');
  }
}

const OPERATORS: Record<string, CompareOp> = {
  '=': 'eq',
  '!=': 'ne',
  '<>': 'ne',
  '<': 'lt',
  '<=': 'lte',
  '>': 'gt',
  '>=': 'gte'
};

function literal(path: FieldPath, type: string, raw: string): FieldValue {
  const field = path.field;
  switch (type) {
    case 'NULL':
      return null;
    case 'BOOLEAN':
      return raw.toUpperCase() === 'TRUE';
    case 'INTEGER':
    case 'DECIMAL':
    case 'INTEGER_WITH_CURRENCY_PREFIX':
    case 'DECIMAL_WITH_CURRENCY_PREFIX':
      return Number(raw.replace(/^[A-Z]{3}/, ''));
    case 'DATE':
      if (field.type !== 'date') throw typeMismatch(path, 'dateTime');
      if (!isIsoDate(raw)) throw malformed(`invalid date: ${raw}`);
      return raw;
    case 'DATETIME': {
      if (field.type !== 'datetime') throw typeMismatch(path, 'date');
      const value = canonicalDateTime(raw);
      if (!value) throw malformed(`invalid dateTime: ${raw}`);
      return value;
    }
    default:
      if (field.type === 'date' || field.type === 'datetime')
        throw typeMismatch(path, field.type === 'date' ? 'date' : 'dateTime');
      return unquote(raw);
  }
}

function typeMismatch(path: FieldPath, expected: string): QueryError {
  return new QueryError(
    'INVALID_QUERY_FILTER_OPERATOR',
    `value of filter criterion for field '${path.label}' must be of type ${expected === 'dateTime' && path.field.type === 'datetime' ? 'dateTime' : path.field.type === 'date' ? 'date' : 'dateTime'} and should not be enclosed in quotes`
  );
}

/** `Field [NOT] IN (SELECT OtherField FROM Other WHERE …)`: the subquery runs once per query. */
function semiJoin(org: OrgContext, path: FieldPath, c: Condition, version: string): Cond {
  const operator = String(c.operator).toUpperCase();
  if (operator !== 'IN' && operator !== 'NOT IN')
    throw malformed(`a subquery needs IN or NOT IN, not ${operator}`);
  const answer = runSoql(org, composeQuery(c.valueQuery as Query), version);
  const values = new Set<FieldValue>();
  for (let i = 0; i < answer.size; i++) {
    const row = answer.row(i);
    const key = Object.keys(row).find((k) => k !== 'attributes');
    const value = key === undefined ? null : row[key];
    if (value !== null && value !== undefined && typeof value !== 'object')
      values.add(value as FieldValue);
  }
  return {
    kind: 'field',
    path,
    test: { op: operator === 'IN' ? 'in' : 'nin', values: [...values] }
  };
}

/** Parses and plans a SOQL query; answers it against the org. */
export function runSoql(org: OrgContext, soql: string, version: string): QueryAnswer {
  let query;
  try {
    query = parseQuery(soql);
  } catch (error) {
    throw malformed(`${soql}\n${(error as Error).message}`);
  }
  const objectName = query.sObject ?? '';
  const object = org.schema.objectsLower.get(objectName.toLowerCase());
  if (!object) {
    throw new QueryError(
      'INVALID_TYPE',
      `\n${soql}\n^\nERROR at Row:1:Column:1\nsObject type '${objectName}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
    );
  }
  const fiscal = org.calendar.fiscalYearStartMonth;
  const resolve = (dotted: string): FieldPath => resolveDottedPath(org.schema, object, dotted);

  const leaf = (c: Condition): Cond => {
    const anyC = c;
    if (anyC.valueQuery) return semiJoin(org, resolve(anyC.field ?? ''), c, version);
    const operator = String(c.operator).toUpperCase();
    const rawValues = (Array.isArray(c.value) ? c.value : [c.value]) as string[];
    if (anyC.fn) {
      const fn = anyC.fn.functionName.toUpperCase() as DateFunction;
      if (!(DATE_FUNCTIONS as readonly string[]).includes(fn))
        throw malformed(`function ${fn} is not supported in WHERE`);
      const path = resolve(anyC.fn.parameters?.[0] ?? '');
      const values = rawValues.map(Number);
      const cmp = operator === 'IN' ? 'in' : operator === 'NOT IN' ? 'nin' : OPERATORS[operator];
      if (!cmp) throw malformed(`operator ${operator} is not supported with ${fn}`);
      return { kind: 'field', path, test: { op: 'datefn', fn, cmp, values } };
    }
    const path = resolve(anyC.field ?? '');
    const literalType = String(c.literalType ?? 'STRING');
    const valueOf = (raw: string, i: number): FieldValue => {
      const type = Array.isArray(c.literalType) ? String(c.literalType[i]) : literalType;
      return literal(path, type, raw);
    };
    if (literalType === 'DATE_LITERAL' || literalType === 'DATE_N_LITERAL') {
      if (path.field.type !== 'date' && path.field.type !== 'datetime')
        throw typeMismatch(path, 'string');
      const cmp = OPERATORS[operator];
      if (!cmp) throw malformed(`operator ${operator} cannot take a date literal`);
      const [name, n] = String(c.value).toUpperCase().split(':');
      const { start, end } = literalBounds(
        path.field,
        name,
        n === undefined ? undefined : Number(n),
        org.calendar
      );
      return { kind: 'field', path, test: { op: 'range', cmp, start, end } };
    }
    let test: FieldTest;
    if (operator === 'IN' || operator === 'NOT IN')
      test = { op: operator === 'IN' ? 'in' : 'nin', values: rawValues.map(valueOf) };
    else if (operator === 'LIKE') test = { op: 'like', pattern: unquote(rawValues[0]) };
    else if (operator === 'INCLUDES' || operator === 'EXCLUDES') {
      const sets = rawValues.map((v) =>
        unquote(v)
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean)
      );
      test = { op: operator === 'INCLUDES' ? 'includes' : 'excludes', sets };
    } else if (OPERATORS[operator])
      test = { op: OPERATORS[operator], value: valueOf(rawValues[0], 0) };
    else throw malformed(`unexpected operator ${operator}`);
    return { kind: 'field', path, test };
  };

  const where = query.where
    ? new WhereParser(flatten(query.where as unknown as WhereClause, []), leaf).parse()
    : null;
  const matched = selectRecords(org.store, object.name, where, fiscal);

  const fields = (query.fields ?? []) as SoqlField[];
  const isAggregate =
    (query.groupBy !== undefined &&
      (Array.isArray(query.groupBy) ? query.groupBy.length > 0 : true)) ||
    fields.some(
      (f) =>
        f.type === 'FieldFunctionExpression' &&
        (f.functionName.toUpperCase() in AGGREGATE_NAMES ||
          f.functionName.toUpperCase() === 'COUNT')
    );

  if (
    fields.length === 1 &&
    fields[0].type === 'FieldFunctionExpression' &&
    fields[0].functionName.toUpperCase() === 'COUNT' &&
    (fields[0].parameters ?? []).length === 0
  ) {
    if (query.groupBy) throw malformed('COUNT() cannot be used with GROUP BY; use COUNT(Id)');
    return { size: matched.length, row: () => ({}), countOnly: true };
  }

  if (isAggregate) return aggregateAnswer(org, object, query, fields, matched);

  for (const f of fields) {
    if (f.type === 'FieldSubquery')
      throw malformed('relationship subqueries in SELECT are not supported by the local org');
    if (f.type === 'FieldTypeof') throw malformed('TYPEOF is not supported by the local org');
    if (f.type === 'FieldFunctionExpression')
      throw malformed(
        `function ${f.functionName} is not supported by the local org outside aggregate queries`
      );
  }
  const paths = fields.map((f) =>
    resolve(
      f.type === 'FieldRelationship'
        ? (f.rawValue ?? `${f.relationships.join('.')}.${f.field}`)
        : (f as { field: string }).field
    )
  );
  const orderBy = (toArray(query.orderBy) as unknown as OrderByClause[]).map((o): SortKey => {
    if (!o.field) throw malformed('ORDER BY supports fields in a non-aggregate query');
    const descending = String(o.order ?? 'ASC').toUpperCase() === 'DESC';
    return {
      path: resolve(o.field),
      descending,
      nullsFirst: o.nulls ? o.nulls.toUpperCase() === 'FIRST' : !descending
    };
  });
  const sorted = sortRecords(org.store, matched, orderBy);
  const offset = query.offset ?? 0;
  const limit = query.limit ?? Infinity;
  const window =
    offset > 0 || limit < sorted.length ? sorted.slice(offset, offset + limit) : sorted;
  return {
    size: window.length,
    countOnly: false,
    row: (i) => projectRecord(org, object, window[i], paths, version)
  };
}

function toArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** A record as the REST API returns it: attributes, selected fields, parents as nested objects. */
export function projectRecord(
  org: OrgContext,
  object: ObjectDef,
  record: SObjectRecord,
  paths: FieldPath[],
  version: string
): QueryRow {
  const row: QueryRow = {
    attributes: { type: object.name, url: recordUrl(version, object.name, String(record.Id)) }
  };
  for (const path of paths) {
    if (path.refs.length === 0) {
      row[path.field.name] = fieldValue(record, path.field);
      continue;
    }
    let holder: QueryRow | null = row;
    let current: SObjectRecord | null = record;
    let currentObject = object;
    for (const ref of path.refs) {
      const refField = currentObject.fields.get(ref)!;
      const key = refField.relationshipName ?? ref;
      const id: FieldValue = current ? (current[ref] ?? null) : null;
      const next: SObjectRecord | null =
        typeof id === 'string' ? (org.store.getById(id) ?? null) : null;
      if (!next) {
        if (holder && !(key in holder)) holder[key] = null;
        holder = null;
        break;
      }
      const nextObject = org.store.objectOfId(String(next.Id))!;
      let nested = holder![key] as QueryRow | null | undefined;
      if (!nested) {
        nested = {
          attributes: {
            type: nextObject.name,
            url: recordUrl(version, nextObject.name, String(next.Id))
          }
        };
        holder![key] = nested;
      }
      holder = nested;
      current = next;
      currentObject = nextObject;
    }
    if (holder && current) holder[path.field.name] = fieldValue(current, path.field);
  }
  return row;
}

type Selected =
  | { kind: 'group'; key: string; spec: number }
  | { kind: 'aggregate'; key: string; fn: AggregateFn; path: FieldPath };

function aggregateAnswer(
  org: OrgContext,
  object: ObjectDef,
  query: ReturnType<typeof parseQuery>,
  fields: SoqlField[],
  matched: SObjectRecord[]
): QueryAnswer {
  const fiscal = org.calendar.fiscalYearStartMonth;
  const resolve = (dotted: string): FieldPath => resolveDottedPath(org.schema, object, dotted);
  const groupClauses = toArray(query.groupBy);
  let grouping: GroupingType = 'GROUP_BY';
  const specs: GroupSpec[] = [];
  for (const clause of groupClauses) {
    const c = clause as {
      field?: string | string[];
      fn?: { functionName: string; parameters?: string[] };
    };
    if (c.fn) {
      const name = c.fn.functionName.toUpperCase();
      if (name === 'ROLLUP' || name === 'CUBE') {
        grouping = name;
        for (const p of c.fn.parameters ?? []) specs.push({ path: resolve(p), fn: null });
        continue;
      }
      if (!(DATE_FUNCTIONS as readonly string[]).includes(name))
        throw malformed(`GROUP BY function ${name} is not supported`);
      specs.push({ path: resolve(c.fn.parameters?.[0] ?? ''), fn: name as DateFunction });
    } else {
      for (const f of toArray(c.field)) specs.push({ path: resolve(f), fn: null });
    }
  }
  const sameSpec = (path: FieldPath, fn: DateFunction | null) =>
    specs.findIndex(
      (s) =>
        s.fn === fn && s.path.field === path.field && s.path.refs.join('.') === path.refs.join('.')
    );

  let expr = 0;
  const selected: Selected[] = fields.map((f): Selected => {
    if (f.type === 'FieldFunctionExpression') {
      const name = f.functionName.toUpperCase();
      const param = String((f.parameters ?? [])[0] ?? 'Id');
      if (name in AGGREGATE_NAMES) {
        const path = resolve(param);
        return {
          kind: 'aggregate',
          key: f.alias ?? `expr${expr++}`,
          fn: AGGREGATE_NAMES[name],
          path
        };
      }
      if ((DATE_FUNCTIONS as readonly string[]).includes(name)) {
        const at = sameSpec(resolve(param), name as DateFunction);
        if (at < 0) throw malformed(`field must be grouped or aggregated: ${f.rawValue ?? name}`);
        return { kind: 'group', key: f.alias ?? `expr${expr++}`, spec: at };
      }
      throw malformed(`function ${name} is not supported by the local org`);
    }
    if (f.type !== 'Field' && f.type !== 'FieldRelationship')
      throw malformed('unsupported field in an aggregate query');
    const dotted =
      f.type === 'FieldRelationship'
        ? (f.rawValue ?? `${f.relationships.join('.')}.${f.field}`)
        : f.field;
    const path = resolve(dotted);
    const at = sameSpec(path, null);
    if (at < 0) throw malformed(`Field must be grouped or aggregated: ${path.field.name}`);
    return { kind: 'group', key: (f as { alias?: string }).alias ?? path.field.name, spec: at };
  });

  let rows = groupRecords(org.store, matched, specs, grouping, fiscal);
  const orderBy = toArray(query.orderBy) as unknown as OrderByClause[];
  if (orderBy.length > 0) {
    const keys = orderBy.map((o) => {
      const descending = String(o.order ?? 'ASC').toUpperCase() === 'DESC';
      const nullsFirst = o.nulls ? o.nulls.toUpperCase() === 'FIRST' : !descending;
      const fnClause = o.fn;
      if (fnClause) {
        const name = fnClause.functionName.toUpperCase();
        const path = resolve(String(fnClause.parameters?.[0] ?? 'Id'));
        if (name in AGGREGATE_NAMES) {
          const fn = AGGREGATE_NAMES[name];
          return {
            get: (g: Group) => sortValue(path.field, aggregateValue(org.store, g, path, fn)),
            descending,
            nullsFirst
          };
        }
        const at = sameSpec(path, name as DateFunction);
        if (at < 0) throw malformed(`ORDER BY ${name}(${path.label}) must be grouped`);
        return { get: (g: Group) => g.keys[at], descending, nullsFirst };
      }
      const path = resolve(String(o.field));
      const at = sameSpec(path, null);
      if (at < 0)
        throw malformed(`Ordered field must be grouped or aggregated: ${path.field.name}`);
      return { get: (g: Group) => sortValue(path.field, g.keys[at]), descending, nullsFirst };
    });
    rows = rows
      .map((g) => ({ g, k: keys.map((k) => k.get(g)) }))
      .sort((a, b) => {
        for (let i = 0; i < keys.length; i++) {
          const c = compareSortValues(a.k[i], b.k[i], keys[i].descending, keys[i].nullsFirst);
          if (c !== 0) return c;
        }
        return 0;
      })
      .map((x) => x.g);
  }
  const offset = query.offset ?? 0;
  const limit = query.limit ?? Infinity;
  rows = rows.slice(offset, offset + limit);
  const answerRows = rows.map((g) => {
    const row: QueryRow = { attributes: { type: 'AggregateResult' } };
    for (const s of selected) {
      row[s.key] = s.kind === 'group' ? g.keys[s.spec] : aggregateValue(org.store, g, s.path, s.fn);
    }
    return row;
  });
  return { size: answerRows.length, countOnly: false, row: (i) => answerRows[i] };
}

function column(
  name: string,
  display: string,
  field: FieldPath['field'] | null,
  aggregate: boolean,
  joins: QueryRow[] = []
): QueryRow {
  const numeric = field ? ['currency', 'double', 'percent', 'int'].includes(field.type) : aggregate;
  return {
    aggregate,
    apexType: field
      ? ((
          { boolean: 'Boolean', date: 'Date', datetime: 'Datetime', int: 'Integer' } as Record<
            string,
            string
          >
        )[field.type] ?? (numeric ? 'Decimal' : 'String'))
      : null,
    booleanType: field?.type === 'boolean',
    columnName: name,
    custom: field?.custom ?? false,
    displayName: display,
    foreignKeyName: null,
    insertable: field?.createable ?? false,
    joinColumns: joins,
    numberType: numeric,
    textType: field ? !numeric && field.type !== 'boolean' : false,
    updatable: field?.updateable ?? false
  };
}

/**
 * The `columns=true` form of the query resource (what `sf data query` asks first): the selected
 * columns, with parent fields nested under their relationship and aggregates flagged.
 */
export function queryColumns(org: OrgContext, soql: string): QueryRow {
  let query;
  try {
    query = parseQuery(soql);
  } catch (error) {
    throw malformed(`${soql}\n${(error as Error).message}`);
  }
  const object = org.schema.objectsLower.get(String(query.sObject ?? '').toLowerCase());
  if (!object)
    throw new QueryError(
      'INVALID_TYPE',
      `sObject type '${String(query.sObject)}' is not supported.`
    );
  let expr = 0;
  const columns = ((query.fields ?? []) as SoqlField[]).map((f): QueryRow => {
    if (f.type === 'FieldFunctionExpression') {
      return column(
        f.alias ?? `expr${expr++}`,
        f.alias ?? f.rawValue ?? f.functionName,
        null,
        true
      );
    }
    if (f.type !== 'Field' && f.type !== 'FieldRelationship')
      throw malformed('unsupported field in the column request');
    const dotted =
      f.type === 'FieldRelationship'
        ? (f.rawValue ?? `${f.relationships.join('.')}.${f.field}`)
        : f.field;
    const path = resolveDottedPath(org.schema, object, dotted);
    if (path.refs.length === 0) return column(path.field.name, path.field.name, path.field, false);
    const names = dotted.split('.');
    let nested = column(path.field.name, dotted, path.field, false);
    for (let i = names.length - 2; i >= 0; i--)
      nested = column(names[i], names.slice(0, i + 1).join('.'), null, false, [nested]);
    return nested;
  });
  return {
    columnMetadata: columns,
    entityName: object.name,
    groupBy: query.groupBy !== undefined,
    idSelected: columns.some((c) => c.columnName === 'Id'),
    keyPrefix: object.keyPrefix
  };
}
