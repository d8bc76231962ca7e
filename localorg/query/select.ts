/**
 * Selecting and ordering records: equality conditions on reference and id fields are answered from
 * an index, the rest by one pass of the compiled predicate; sorting follows SOQL (text
 * case-insensitive, picklists in their defined order, ASC puts nulls first, DESC last).
 */
import { to18 } from '../../sample-data/ids';
import type { FieldDef } from '../schema/model';
import type { FieldValue, SObjectRecord } from '../../sample-data/types';
import { indexKey, type RecordStore } from '../store';
import { compileCondition, indexableEqualities, type Cond } from './conditions';
import { readPath, type FieldPath } from './paths';

/** One ORDER BY key. */
export interface SortKey {
  path: FieldPath;
  descending: boolean;
  /** Null values first; SOQL's default is true for ascending, false for descending. */
  nullsFirst: boolean;
}

/**
 * The records of an object matching a condition, in table order. The returned array is new unless
 * there is no condition, in which case it is the table itself: callers never mutate it.
 */
export function selectRecords(
  store: RecordStore,
  objectName: string,
  cond: Cond | null,
  fiscalYearStartMonth = 1
): SObjectRecord[] {
  const table = store.table(objectName);
  if (!cond) return table.records;
  const predicate = compileCondition(cond, store, fiscalYearStartMonth);
  let candidates: SObjectRecord[] = table.records;
  let smallest = Infinity;
  for (const { field, values } of indexableEqualities(cond)) {
    const def = table.object.fields.get(field);
    if (!def) continue;
    const index = store.index(objectName, field);
    const exact = def.type === 'id' || def.type === 'reference' || def.caseSensitive;
    const hits: SObjectRecord[] = [];
    for (const value of values) {
      const key = indexKey(
        def.type === 'id' || def.type === 'reference' ? toId(value) : value,
        exact
      );
      if (key !== null) hits.push(...(index.get(key) ?? []));
    }
    if (hits.length < smallest) {
      smallest = hits.length;
      candidates = values.length > 1 ? inTableOrder(table.records, hits) : hits;
    }
  }
  const out: SObjectRecord[] = [];
  for (let i = 0; i < candidates.length; i++) if (predicate(candidates[i])) out.push(candidates[i]);
  return out;
}

function toId(value: FieldValue): FieldValue {
  return typeof value === 'string' ? to18(value) : value;
}

function inTableOrder(all: SObjectRecord[], hits: SObjectRecord[]): SObjectRecord[] {
  if (hits.length < 2) return hits;
  const wanted = new Set(hits);
  return all.filter((r) => wanted.has(r));
}

/** The value a field sorts by: picklists by position, text lower-cased, booleans as 0/1. */
export function sortValue(field: FieldDef, value: FieldValue): FieldValue {
  if (value === null || value === undefined) return null;
  if (field.type === 'picklist' && field.picklistValues.length > 0) {
    const at = field.picklistValues.findIndex((v) => v.value === value);
    return at >= 0 ? at : field.picklistValues.length + 1;
  }
  if (
    typeof value === 'string' &&
    field.type !== 'id' &&
    field.type !== 'reference' &&
    field.type !== 'date' &&
    field.type !== 'datetime'
  ) {
    return value.toLowerCase();
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** Compares two sort values with nulls placed as asked. */
export function compareSortValues(
  a: FieldValue,
  b: FieldValue,
  descending: boolean,
  nullsFirst: boolean
): number {
  if (a === null || b === null) {
    if (a === b) return 0;
    return (a === null) === nullsFirst ? -1 : 1;
  }
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : a < b ? -1 : a > b ? 1 : 0;
  return descending ? -order : order;
}

/** A sorted copy (stable: equal keys keep table order). */
export function sortRecords(
  store: RecordStore,
  records: SObjectRecord[],
  keys: SortKey[]
): SObjectRecord[] {
  if (keys.length === 0) return records;
  const n = records.length;
  const columns = keys.map((key) => {
    const column = new Array<FieldValue>(n);
    for (let i = 0; i < n; i++)
      column[i] = sortValue(key.path.field, readPath(store, records[i], key.path));
    return column;
  });
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((x, y) => {
    for (let k = 0; k < keys.length; k++) {
      const c = compareSortValues(
        columns[k][x],
        columns[k][y],
        keys[k].descending,
        keys[k].nullsFirst
      );
      if (c !== 0) return c;
    }
    return x - y;
  });
  return order.map((i) => records[i]);
}
