/**
 * Filter conditions shared by SOQL WHERE and GraphQL `where`, with SOQL's semantics: text compared
 * case-insensitively, `!=` and NOT IN keep nulls, comparisons never match nulls, LIKE with % and _,
 * multi-select picklists with INCLUDES/EXCLUDES, date literals as ranges, date functions.
 * A condition compiles once per query into a predicate; records are read in place.
 */
import { to18 } from '../../sample-data/ids';
import type { FieldDef } from '../schema/model';
import type { FieldValue, SObjectRecord } from '../../sample-data/types';
import type { RecordStore } from '../store';
import { applyDateFunction, type DateFunction } from '../time';
import { followRefs, readPath, type FieldPath } from './paths';

/** Comparison operators. */
export type CompareOp = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte';

/** What to test on one field's value. */
export type FieldTest =
  | { op: CompareOp; value: FieldValue }
  | { op: 'in' | 'nin'; values: FieldValue[] }
  | { op: 'like'; pattern: string }
  | { op: 'includes' | 'excludes'; sets: string[][] }
  /** A date literal or relative range: [start, end) as comparable strings of the field's type. */
  | { op: 'range'; cmp: CompareOp; start: string; end: string }
  | { op: 'datefn'; fn: DateFunction; cmp: CompareOp | 'in' | 'nin'; values: number[] };

/** A filter condition. */
export type Cond =
  | { kind: 'and'; items: Cond[] }
  | { kind: 'or'; items: Cond[] }
  | { kind: 'not'; item: Cond }
  | { kind: 'field'; path: FieldPath; test: FieldTest }
  /** The record a reference path leads to is of this object (polymorphic What/Who). */
  | { kind: 'refType'; refs: string[]; keyPrefix: string };

/** A compiled condition. */
export type Predicate = (record: SObjectRecord) => boolean;

const TEXT_TYPES = new Set([
  'string',
  'textarea',
  'longtextarea',
  'email',
  'phone',
  'url',
  'picklist',
  'multipicklist'
]);

/** The form a value is compared in for a field: text lower-cased, ids in 18-character form. */
export function comparable(field: FieldDef, value: FieldValue): FieldValue {
  if (value === null || value === undefined) return null;
  if (TEXT_TYPES.has(field.type)) return String(value).toLowerCase();
  if (field.type === 'id' || field.type === 'reference') return to18(String(value));
  return value;
}

/** Orders two non-null comparable values. */
export function compareValues(a: FieldValue, b: FieldValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function likeToRegExp(pattern: string): RegExp {
  let source = '';
  for (const ch of pattern) {
    if (ch === '%') source += '.*';
    else if (ch === '_') source += '.';
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}

function compareOp(op: CompareOp, order: number): boolean {
  switch (op) {
    case 'eq':
      return order === 0;
    case 'ne':
      return order !== 0;
    case 'lt':
      return order < 0;
    case 'lte':
      return order <= 0;
    case 'gt':
      return order > 0;
    case 'gte':
      return order >= 0;
  }
}

function compileTest(
  field: FieldDef,
  test: FieldTest,
  fiscalYearStartMonth: number
): (value: FieldValue) => boolean {
  switch (test.op) {
    case 'eq':
    case 'ne':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const target = comparable(field, test.value);
      const op = test.op;
      if (target === null) {
        // SOQL: only = null and != null are meaningful; other comparisons with null match nothing.
        if (op === 'eq') return (v) => v === null || v === undefined;
        if (op === 'ne') return (v) => v !== null && v !== undefined;
        return () => false;
      }
      return (v) => {
        const value = comparable(field, v);
        if (value === null) return op === 'ne';
        return compareOp(op, compareValues(value, target));
      };
    }
    case 'in':
    case 'nin': {
      const wanted = new Set(test.values.map((v) => comparable(field, v)));
      const keep = test.op === 'in';
      return (v) => wanted.has(comparable(field, v)) === keep;
    }
    case 'like': {
      const regex = likeToRegExp(test.pattern);
      return (v) => v !== null && v !== undefined && regex.test(String(v));
    }
    case 'includes':
    case 'excludes': {
      const sets = test.sets.map((set) => set.map((s) => s.toLowerCase()));
      const include = test.op === 'includes';
      return (v) => {
        const have = new Set(
          v === null || v === undefined
            ? []
            : String(v)
                .split(';')
                .map((s) => s.trim().toLowerCase())
        );
        const any = sets.some((set) => set.every((s) => have.has(s)));
        return include ? any : !any;
      };
    }
    case 'range': {
      const { cmp, start, end } = test;
      return (v) => {
        if (v === null || v === undefined) return cmp === 'ne';
        const s = String(v);
        switch (cmp) {
          case 'eq':
            return s >= start && s < end;
          case 'ne':
            return s < start || s >= end;
          case 'lt':
            return s < start;
          case 'lte':
            return s < end;
          case 'gt':
            return s >= end;
          case 'gte':
            return s >= start;
        }
      };
    }
    case 'datefn': {
      const { fn, cmp, values } = test;
      return (v) => {
        if (v === null || v === undefined) return cmp === 'ne' || cmp === 'nin';
        const part = applyDateFunction(fn, String(v), fiscalYearStartMonth);
        if (typeof part !== 'number') return false;
        if (cmp === 'in') return values.includes(part);
        if (cmp === 'nin') return !values.includes(part);
        return compareOp(cmp, part - values[0]);
      };
    }
  }
}

/** Compiles a condition once per query (fiscal date functions need the org's fiscal start month). */
export function compileCondition(
  cond: Cond,
  store: RecordStore,
  fiscalYearStartMonth = 1
): Predicate {
  switch (cond.kind) {
    case 'and': {
      const items = cond.items.map((c) => compileCondition(c, store, fiscalYearStartMonth));
      return (r) => {
        for (let i = 0; i < items.length; i++) if (!items[i](r)) return false;
        return true;
      };
    }
    case 'or': {
      const items = cond.items.map((c) => compileCondition(c, store, fiscalYearStartMonth));
      return (r) => {
        for (let i = 0; i < items.length; i++) if (items[i](r)) return true;
        return false;
      };
    }
    case 'not': {
      const item = compileCondition(cond.item, store, fiscalYearStartMonth);
      return (r) => !item(r);
    }
    case 'refType': {
      const { refs, keyPrefix } = cond;
      const head = refs.slice(0, -1);
      const last = refs[refs.length - 1];
      return (r) => {
        const holder = followRefs(store, r, head);
        const id = holder?.[last];
        return typeof id === 'string' && id.startsWith(keyPrefix);
      };
    }
    case 'field': {
      const test = compileTest(cond.path.field, cond.test, fiscalYearStartMonth);
      const path = cond.path;
      if (path.refs.length === 0 && !path.field.calculate) {
        const name = path.field.name;
        return (r) => test(r[name] ?? null);
      }
      return (r) => test(readPath(store, r, path));
    }
  }
}

/**
 * Equality conditions on the base object's own reference or id fields that every matching record
 * must satisfy (the top level of an AND): the planner answers them from an index instead of a scan.
 */
export function indexableEqualities(
  cond: Cond | null
): Array<{ field: string; values: FieldValue[] }> {
  if (!cond) return [];
  const items = cond.kind === 'and' ? cond.items : [cond];
  const found: Array<{ field: string; values: FieldValue[] }> = [];
  for (const item of items) {
    if (item.kind !== 'field' || item.path.refs.length > 0) continue;
    const type = item.path.field.type;
    if (type !== 'reference' && type !== 'id' && !item.path.field.unique) continue;
    if (item.test.op === 'eq' && item.test.value !== null)
      found.push({ field: item.path.field.name, values: [item.test.value] });
    if (item.test.op === 'in' && !item.test.values.includes(null))
      found.push({ field: item.path.field.name, values: item.test.values });
  }
  return found;
}
