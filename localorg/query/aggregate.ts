/**
 * GROUP BY and aggregate functions, shared by SOQL and GraphQL `uiapi.aggregate`: groups hold the
 * matching records by reference; each function is computed once per group and path on demand.
 * As in SOQL, aggregate functions ignore nulls (COUNT(Id) counts records), MIN/MAX on a picklist
 * follow the picklist's order, ROLLUP and CUBE add subtotal groups.
 */
import type { FieldDef } from '../schema/model';
import type { FieldValue, SObjectRecord } from '../../sample-data/types';
import type { RecordStore } from '../store';
import { applyDateFunction, type DateFunction } from '../time';
import { readPath, type FieldPath } from './paths';
import { compareSortValues, sortValue } from './select';

/** One grouping term: a field, or a date function of one. */
export interface GroupSpec {
  path: FieldPath;
  fn: DateFunction | null;
}

/** One group of records. */
export interface Group {
  /** The group's value per spec (null when rolled up). */
  keys: FieldValue[];
  /** Per spec: true when this row is a subtotal over that term (ROLLUP/CUBE). */
  rolledUp: boolean[];
  records: SObjectRecord[];
  /** Computed aggregates by `fn:path`. */
  cache: Map<string, FieldValue>;
}

/** Aggregate functions. */
export type AggregateFn = 'count' | 'countDistinct' | 'sum' | 'avg' | 'min' | 'max';

/** Grouping type of GraphQL's GroupByType. */
export type GroupingType = 'GROUP_BY' | 'ROLLUP' | 'CUBE';

const TEXT_TYPES = new Set(['string', 'textarea', 'email', 'phone', 'url', 'picklist']);

/** SOQL groups text case-insensitively; other values group as they are. */
function groupKey(spec: GroupSpec, value: FieldValue): FieldValue {
  return typeof value === 'string' && spec.fn === null && TEXT_TYPES.has(spec.path.field.type)
    ? value.toLowerCase()
    : value;
}

/** The value a record has for a grouping term. */
export function groupValue(
  store: RecordStore,
  record: SObjectRecord,
  spec: GroupSpec,
  fiscalYearStartMonth: number
): FieldValue {
  const value = readPath(store, record, spec.path);
  if (spec.fn === null || value === null) return value;
  return applyDateFunction(spec.fn, String(value), fiscalYearStartMonth);
}

function groupBySet(
  store: RecordStore,
  records: SObjectRecord[],
  specs: GroupSpec[],
  active: boolean[],
  fiscalYearStartMonth: number
): Group[] {
  // One nested map level per term: no key strings are built per record.
  const root = new Map<FieldValue, unknown>();
  const created: Group[] = [];
  const last = specs.length - 1;
  const values = new Array<FieldValue>(specs.length);
  for (let r = 0; r < records.length; r++) {
    let level = root;
    for (let s = 0; s < specs.length; s++) {
      const value = active[s]
        ? groupValue(store, records[r], specs[s], fiscalYearStartMonth)
        : null;
      values[s] = value;
      const key = groupKey(specs[s], value);
      if (s < last) {
        let next = level.get(key) as Map<FieldValue, unknown> | undefined;
        if (!next) {
          next = new Map();
          level.set(key, next);
        }
        level = next;
      } else {
        let group = level.get(key) as Group | undefined;
        if (!group) {
          group = {
            keys: values.slice(),
            rolledUp: active.map((a) => !a),
            records: [],
            cache: new Map()
          };
          level.set(key, group);
          created.push(group);
        }
        group.records.push(records[r]);
      }
    }
  }
  const out = created;
  // SOQL does not promise an order; sorting by the keys keeps answers stable between runs.
  out.sort((a, b) => {
    for (let s = 0; s < specs.length; s++) {
      const field = specs[s].path.field;
      const x = specs[s].fn ? a.keys[s] : sortValue(field, a.keys[s]);
      const y = specs[s].fn ? b.keys[s] : sortValue(field, b.keys[s]);
      const c = compareSortValues(x, y, false, true);
      if (c !== 0) return c;
    }
    return 0;
  });
  return out;
}

/**
 * Groups records. Without specs there is exactly one group (so COUNT over no rows is 0).
 * ROLLUP adds subtotals dropping terms from the right; CUBE adds every combination.
 */
export function groupRecords(
  store: RecordStore,
  records: SObjectRecord[],
  specs: GroupSpec[],
  type: GroupingType,
  fiscalYearStartMonth: number
): Group[] {
  if (specs.length === 0) return [{ keys: [], rolledUp: [], records, cache: new Map() }];
  const sets: boolean[][] = [];
  if (type === 'GROUP_BY') sets.push(specs.map(() => true));
  else if (type === 'ROLLUP') {
    for (let keep = specs.length; keep >= 0; keep--) sets.push(specs.map((_, i) => i < keep));
  } else {
    for (let mask = (1 << specs.length) - 1; mask >= 0; mask--)
      sets.push(specs.map((_, i) => Boolean(mask & (1 << (specs.length - 1 - i)))));
  }
  const out: Group[] = [];
  for (const active of sets) {
    const groups = groupBySet(store, records, specs, active, fiscalYearStartMonth);
    // Subtotal rows over an empty record set would be noise; SOQL returns none either.
    for (const g of groups) if (g.records.length > 0 || active.every(Boolean)) out.push(g);
  }
  return out;
}

function extreme(field: FieldDef, values: FieldValue[], wantMax: boolean): FieldValue {
  let best: FieldValue = null;
  let bestKey: FieldValue = null;
  for (const v of values) {
    const key = sortValue(field, v);
    if (
      bestKey === null ||
      compareSortValues(key, bestKey, false, false) * (wantMax ? 1 : -1) > 0
    ) {
      best = v;
      bestKey = key;
    }
  }
  return best;
}

/** An aggregate function over a group's records (computed once per group, function and path). */
export function aggregateValue(
  store: RecordStore,
  group: Group,
  path: FieldPath,
  fn: AggregateFn
): FieldValue {
  const cacheKey = `${fn}:${path.refs.join('.')}:${path.field.name}`;
  const cached = group.cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const records = group.records;
  let result: FieldValue;
  if (fn === 'count' && path.refs.length === 0 && path.field.type === 'id') {
    result = records.length;
  } else {
    const values: FieldValue[] = [];
    for (let i = 0; i < records.length; i++) {
      const v = readPath(store, records[i], path);
      if (v !== null && v !== undefined) values.push(v);
    }
    switch (fn) {
      case 'count':
        result = values.length;
        break;
      case 'countDistinct': {
        const seen = new Set<FieldValue>();
        for (const v of values)
          seen.add(
            typeof v === 'string' && path.field.type !== 'id' && path.field.type !== 'reference'
              ? v.toLowerCase()
              : v
          );
        result = seen.size;
        break;
      }
      case 'sum': {
        let sum = 0;
        for (const v of values) sum += Number(v);
        result = values.length > 0 ? roundTo(sum, path.field.scale) : null;
        break;
      }
      case 'avg': {
        let sum = 0;
        for (const v of values) sum += Number(v);
        result = values.length > 0 ? sum / values.length : null;
        break;
      }
      case 'min':
        result = extreme(path.field, values, false);
        break;
      case 'max':
        result = extreme(path.field, values, true);
        break;
    }
  }
  group.cache.set(cacheKey, result);
  return result;
}

function roundTo(value: number, scale: number): number {
  const factor = 10 ** Math.max(0, Math.min(scale, 8));
  return Math.round(value * factor) / factor;
}
