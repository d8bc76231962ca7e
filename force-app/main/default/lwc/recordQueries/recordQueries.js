/**
 * Runs Pacer's query specs against plain records (the sample-data file, `report --data`, tests), giving
 * the same rows that the org's UI API GraphQL returns once flattened by `c/graphqlResults`:
 * aggregate rows `{ OwnerId, StageName, 'count(Id)': 4, 'sum(Amount)': 1000 }` and flat records.
 *
 * Semantics follow SOQL/UI API: `ne`/`nin` match null values, ordering comparisons never match null,
 * string and picklist equality ignores case, SUM of only nulls is null, COUNT(field) skips nulls.
 */
import { OBJECT_FIELDS, RELATIONSHIPS, isVariable } from 'c/criteria';

const ISO_INSTANT_LENGTH = 24;
const CASE_INSENSITIVE_TYPES = new Set(['string', 'picklist']);
const NUMERIC_TYPES = new Set(['currency', 'percent', 'double', 'int', 'long']);

/**
 * A field value, including fields the org derives: `Opportunity.ExpectedRevenue` is
 * Amount × Probability / 100 when the record does not carry it.
 * @param {object} record
 * @param {string} field
 * @param {string} [object]
 * @returns {*}
 */
export function fieldValue(record, field, object) {
  const value = record[field];
  if (value !== undefined) return value;
  if (field === 'ExpectedRevenue' && (object === 'Opportunity' || object === undefined)) {
    const amount = record.Amount;
    const probability = record.Probability;
    if (
      amount === null ||
      amount === undefined ||
      probability === null ||
      probability === undefined
    )
      return null;
    return (amount * probability) / 100;
  }
  return null;
}

function instantMs(value) {
  return Date.parse(value);
}

/** Normalizes a value of a type for comparison; returns undefined for null. */
function comparable(type, value) {
  if (value === null || value === undefined) return undefined;
  if (type === 'datetime') {
    if (typeof value === 'string' && value.length === ISO_INSTANT_LENGTH && value.endsWith('Z'))
      return value;
    return new Date(instantMs(value)).toISOString();
  }
  if (NUMERIC_TYPES.has(type)) return Number(value);
  if (CASE_INSENSITIVE_TYPES.has(type)) return String(value).toLowerCase();
  return value;
}

function resolveValue(value, variables) {
  if (isVariable(value)) {
    const entry = variables[value.$var];
    if (!entry) throw new Error(`Filter refers to an unknown variable $${value.$var}`);
    return entry.value;
  }
  return value;
}

/**
 * Indexes records by Id per object, lazily, for parent-relationship filters and anti-joins.
 * @param {Object<string, Array<object>>} data records by object API name
 * @returns {{ byId: (object: string) => Map<string, object> }}
 */
export function createIndex(data) {
  const maps = new Map();
  return {
    byId(object) {
      let map = maps.get(object);
      if (!map) {
        map = new Map();
        for (const record of data[object] || []) map.set(record.Id, record);
        maps.set(object, map);
      }
      return map;
    }
  };
}

function compileLeaf(node, object, variables) {
  const type = OBJECT_FIELDS[object] ? OBJECT_FIELDS[object][node.field] : undefined;
  if (!type) throw new Error(`${object}.${node.field} is not a field Pacer reads`);
  const field = node.field;
  const raw = resolveValue(node.value, variables);
  // Specialized readers: this runs once per record and condition, so no per-value type dispatch.
  const read =
    field === 'ExpectedRevenue'
      ? (record) => fieldValue(record, field, object)
      : (record) => record[field];
  let get;
  if (type === 'datetime' || NUMERIC_TYPES.has(type) || CASE_INSENSITIVE_TYPES.has(type)) {
    get = (record) => comparable(type, read(record));
  } else {
    get = (record) => {
      const v = read(record);
      return v === null ? undefined : v;
    };
  }
  switch (node.op) {
    case 'eq': {
      if (raw === null) return (record) => get(record) === undefined;
      const target = comparable(type, raw);
      return (record) => get(record) === target;
    }
    case 'ne': {
      if (raw === null) return (record) => get(record) !== undefined;
      const target = comparable(type, raw);
      return (record) => get(record) !== target;
    }
    case 'in':
    case 'nin': {
      const values = resolveValue(raw, variables);
      if (!Array.isArray(values)) throw new Error(`${object}.${field} ${node.op} needs a list`);
      const set = new Set(values.map((v) => comparable(type, v)));
      const hasNull = values.some((v) => v === null);
      if (node.op === 'in') {
        return (record) => {
          const v = get(record);
          return v === undefined ? hasNull : set.has(v);
        };
      }
      return (record) => {
        const v = get(record);
        return v === undefined ? !hasNull : !set.has(v);
      };
    }
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      if (raw === null) return () => false;
      const target = comparable(type, raw);
      const op = node.op;
      return (record) => {
        const v = get(record);
        if (v === undefined) return false;
        if (op === 'lt') return v < target;
        if (op === 'lte') return v <= target;
        if (op === 'gt') return v > target;
        return v >= target;
      };
    }
    default:
      throw new Error(`Unknown operator ${node.op} on ${object}.${field}`);
  }
}

/**
 * Turns a filter tree into a predicate over plain records of `object`.
 * @param {object} node filter tree (see c/criteria)
 * @param {string} object API name of the records
 * @param {Object<string, { value: * }>} variables values of the `$var` references
 * @param {{ byId: Function }} [index] from {@link createIndex}, needed for parents and anti-joins
 * @param {Object<string, Array<object>>} [data] all records by object, needed for anti-joins
 * @returns {(record: object) => boolean}
 */
export function compilePredicate(node, object, variables, index, data) {
  if (!node) return () => true;
  if (node.and) {
    const parts = node.and.map((child) => compilePredicate(child, object, variables, index, data));
    if (parts.length === 0) return () => true;
    return (record) => {
      for (let i = 0; i < parts.length; i++) if (!parts[i](record)) return false;
      return true;
    };
  }
  if (node.or) {
    const parts = node.or.map((child) => compilePredicate(child, object, variables, index, data));
    return (record) => {
      for (let i = 0; i < parts.length; i++) if (parts[i](record)) return true;
      return false;
    };
  }
  if (node.parent) {
    const relation = RELATIONSHIPS[object] && RELATIONSHIPS[object][node.field];
    if (!relation)
      throw new Error(`${object}.${node.field} is not a parent relationship Pacer reads`);
    if (!index) throw new Error('Parent-relationship filters need a record index');
    const inner = compilePredicate(node.parent, relation.object, variables, index, data);
    // Evaluate the parents once: a child then only needs a set lookup of its parent id.
    const matching = new Set();
    for (const parent of index.byId(relation.object).values())
      if (inner(parent)) matching.add(parent.Id);
    const idField = relation.idField;
    return (record) => matching.has(record[idField]);
  }
  if (node.op === 'inq' || node.op === 'ninq') {
    if (!data) throw new Error('Semi-joins need the records of the joined object');
    const inner = compilePredicate(node.where, node.object, variables, index, data);
    const keys = new Set();
    for (const other of data[node.object] || []) {
      const key = other[node.apiName];
      if (key !== null && key !== undefined && inner(other)) keys.add(key);
    }
    const field = node.field;
    if (node.op === 'inq') return (record) => keys.has(record[field]);
    // NOT IN (subquery): a null value is not "in", so it matches, as in SOQL.
    return (record) => !keys.has(record[field]);
  }
  return compileLeaf(node, object, variables);
}

function measureKey(measure) {
  return `${measure.fn}(${measure.field})`;
}

/**
 * Runs an aggregate spec: filters, groups by `spec.groupBy`, computes `spec.measures`.
 * @param {{ object: string, where: object, groupBy: string[], measures: Array<{ fn: string, field: string }>, first?: number }} spec
 * @param {Object<string, Array<object>>} data records by object
 * @param {Object<string, { value: * }>} variables
 * @param {{ byId: Function }} [index]
 * @returns {{ rows: Array<object>, hasNextPage: boolean }}
 */
export function runAggregate(spec, data, variables, index) {
  const idx = index || createIndex(data);
  const predicate = compilePredicate(spec.where, spec.object, variables, idx, data);
  const groups = new Map();
  const groupFields = spec.groupBy || [];
  const measures = spec.measures || [];
  const groupValue = (record, field) => {
    const v = fieldValue(record, field, spec.object);
    return v === undefined ? null : v;
  };
  for (const record of data[spec.object] || []) {
    if (!predicate(record)) continue;
    // A cheap, collision-free key: the type tag keeps true apart from 'true' and null apart from 'null'.
    let key = '';
    for (let g = 0; g < groupFields.length; g++) {
      const v = groupValue(record, groupFields[g]);
      key += `${v === null ? 'n' : typeof v === 'string' ? 's' : typeof v === 'boolean' ? 'b' : 'd'}${v}\u0001`;
    }
    let group = groups.get(key);
    if (!group) {
      const keyValues = groupFields.map((field) => groupValue(record, field));
      group = {
        keyValues,
        acc: measures.map(() => ({ count: 0, sum: null, set: null, min: null, max: null }))
      };
      groups.set(key, group);
    }
    for (let m = 0; m < measures.length; m++) {
      const measure = measures[m];
      const value = fieldValue(record, measure.field, spec.object);
      if (value === null || value === undefined) continue;
      const acc = group.acc[m];
      acc.count += 1;
      if (measure.fn === 'sum' || measure.fn === 'avg')
        acc.sum = (acc.sum === null ? 0 : acc.sum) + Number(value);
      else if (measure.fn === 'countDistinct') (acc.set || (acc.set = new Set())).add(value);
      else if (measure.fn === 'min')
        acc.min = acc.min === null || value < acc.min ? value : acc.min;
      else if (measure.fn === 'max')
        acc.max = acc.max === null || value > acc.max ? value : acc.max;
    }
  }
  const rows = [];
  for (const group of groups.values()) {
    const row = {};
    groupFields.forEach((field, i) => {
      row[field] = group.keyValues[i];
    });
    measures.forEach((measure, m) => {
      const acc = group.acc[m];
      let value;
      if (measure.fn === 'count') value = acc.count;
      else if (measure.fn === 'countDistinct') value = acc.set ? acc.set.size : 0;
      else if (measure.fn === 'sum') value = acc.sum;
      else if (measure.fn === 'avg') value = acc.count ? acc.sum / acc.count : null;
      else if (measure.fn === 'min') value = acc.min;
      else value = acc.max;
      row[measureKey(measure)] = value;
    });
    rows.push(row);
  }
  const first = spec.first || rows.length;
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
}

function compareForOrder(type, a, b) {
  const x = comparable(type, a);
  const y = comparable(type, b);
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

/**
 * Projects a record onto field paths (`'Name'`, `'Account.Name'`) in the flat shape that
 * `c/graphqlResults` produces from GraphQL nodes: parents become nested objects or null.
 * @param {object} record
 * @param {string} object
 * @param {string[]} fields
 * @param {{ byId: Function }} index
 * @returns {object}
 */
export function projectRecord(record, object, fields, index) {
  const out = { Id: record.Id };
  for (const path of fields) {
    const dot = path.indexOf('.');
    if (dot < 0) {
      const v = fieldValue(record, path, object);
      out[path] = v === undefined ? null : v;
      continue;
    }
    const relationship = path.slice(0, dot);
    const child = path.slice(dot + 1);
    const relation = RELATIONSHIPS[object] && RELATIONSHIPS[object][relationship];
    if (!relation)
      throw new Error(`${object}.${relationship} is not a parent relationship Pacer reads`);
    const parent = index.byId(relation.object).get(record[relation.idField]);
    if (!parent) {
      if (!(relationship in out)) out[relationship] = null;
      continue;
    }
    const nested = out[relationship] || { Id: parent.Id };
    const v = fieldValue(parent, child, relation.object);
    nested[child] = v === undefined ? null : v;
    out[relationship] = nested;
  }
  return out;
}

/**
 * Runs a record-list spec: filter, order (nulls first or last as asked), first N, projected fields.
 * @param {{ object: string, where: object, fields: string[], orderBy: Array<{ field: string, order: 'ASC'|'DESC', nulls?: 'FIRST'|'LAST' }>, first: number }} spec
 * @param {Object<string, Array<object>>} data
 * @param {Object<string, { value: * }>} variables
 * @param {{ byId: Function }} [index]
 * @returns {{ records: Array<object>, hasNextPage: boolean }}
 */
export function runRecordQuery(spec, data, variables, index) {
  const idx = index || createIndex(data);
  const predicate = compilePredicate(spec.where, spec.object, variables, idx, data);
  const matches = (data[spec.object] || []).filter((record) => predicate(record));
  const orderBy = spec.orderBy || [];
  matches.sort((a, b) => {
    for (const order of orderBy) {
      const type = OBJECT_FIELDS[spec.object][order.field];
      const va = fieldValue(a, order.field, spec.object);
      const vb = fieldValue(b, order.field, spec.object);
      const aNull = va === null || va === undefined;
      const bNull = vb === null || vb === undefined;
      if (aNull || bNull) {
        if (aNull && bNull) continue;
        // SOQL default: nulls first when ascending, last when descending.
        const nullsFirst = order.nulls ? order.nulls === 'FIRST' : order.order !== 'DESC';
        return aNull === nullsFirst ? -1 : 1;
      }
      const c = compareForOrder(type, va, vb);
      if (c !== 0) return order.order === 'DESC' ? -c : c;
    }
    return 0;
  });
  const first = spec.first;
  const page = matches.slice(0, first);
  return {
    records: page.map((record) => projectRecord(record, spec.object, spec.fields || [], idx)),
    hasNextPage: matches.length > first
  };
}
