/**
 * GraphQL `where` → the query evaluator's conditions (../query/conditions.ts): fields with their operators (several operators on one
 * field are AND'd), `and`/`or` lists, `not`, parent relationships (`Owner: { Name: … }`),
 * polymorphic ones (`What: { Opportunity: { … } }`), dates as `{ value }`, `{ literal }` or
 * `{ range }`, and date functions (`CloseDate: { CALENDAR_YEAR: { eq: 2026 } }`).
 */
import { GraphQLError } from 'graphql';
import type { CompareOp, Cond, FieldTest } from '../query/conditions';
import { fieldValue, pathFrom, type FieldPath } from '../query/paths';
import type { FieldDef, ObjectDef, OrgSchema } from '../schema/model';
import type { FieldValue, SObjectRecord } from '../../sample-data/types';
import { literalBounds } from '../query/date-bounds';
import { selectRecords } from '../query/select';
import type { RecordStore } from '../store';
import { tzOffsetMinutes } from '../../sample-data/calendar';
import { DATE_FUNCTIONS, type CalendarSettings, type DateFunction } from '../time';
import { DATE_RANGE_FIELDS } from './static-types';

/** What filters need besides the input. */
export interface FilterEnv {
  schema: OrgSchema;
  calendar: CalendarSettings;
  /** Semi-/anti-joins (`inq`, `ninq`) read the joined object's records. */
  store: RecordStore;
}

const COMPARE_OPS = new Set(['eq', 'ne', 'lt', 'lte', 'gt', 'gte']);

/**
 * A DateTime path read as the org's wall-clock time, so that date functions (CALENDAR_MONTH,
 * HOUR_IN_DAY, DAY_ONLY …) in groups and filters fall in the org's time zone, as date literals do.
 * Other paths are returned unchanged.
 */
export function inOrgTimeZone(path: FieldPath, timeZone: string): FieldPath {
  const field = path.field;
  if (field.type !== 'datetime' || timeZone === 'UTC') return path;
  const calculate = (record: SObjectRecord): FieldValue => {
    const value = fieldValue(record, field);
    if (typeof value !== 'string') return value;
    const ms = Date.parse(value);
    return new Date(ms + tzOffsetMinutes(timeZone, ms) * 60_000).toISOString();
  };
  return { ...path, field: { ...field, calculate } };
}

function queryError(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { ErrorType: 'DataFetchingException', classification: 'DataFetchingException' }
  });
}

function bounds(
  field: FieldDef,
  literal: string,
  n: number | undefined,
  env: FilterEnv
): { start: string; end: string } {
  try {
    return literalBounds(field, literal, n, env.calendar);
  } catch (error) {
    throw queryError((error as Error).message);
  }
}

function dateInputTest(field: FieldDef, op: CompareOp, input: unknown, env: FilterEnv): FieldTest {
  const spec = (input ?? {}) as {
    value?: string | null;
    literal?: string | null;
    range?: Record<string, number | null> | null;
  };
  const given = ['value', 'literal', 'range'].filter(
    (k) => spec[k as keyof typeof spec] !== undefined && spec[k as keyof typeof spec] !== null
  );
  if (input === null) return { op, value: null };
  if (given.length !== 1) {
    throw queryError(
      `${field.name}: a ${field.type === 'datetime' ? 'DateTimeInput' : 'DateInput'} needs exactly one of value, literal or range`
    );
  }
  if (spec.value !== undefined && spec.value !== null) return { op, value: spec.value };
  if (spec.literal) return { op: 'range', cmp: op, ...bounds(field, spec.literal, undefined, env) };
  const entries = Object.entries(spec.range ?? {}).filter(([, v]) => v !== null && v !== undefined);
  if (entries.length !== 1)
    throw queryError(`${field.name}: range needs exactly one relative range such as last_n_days`);
  const [key, n] = entries[0];
  return { op: 'range', cmp: op, ...bounds(field, DATE_RANGE_FIELDS[key], Number(n), env) };
}

function fieldConds(path: FieldPath, operators: Record<string, unknown>, env: FilterEnv): Cond[] {
  const field = path.field;
  const conds: Cond[] = [];
  const dateLike = field.type === 'date' || field.type === 'datetime';
  for (const [op, raw] of Object.entries(operators)) {
    if (raw === undefined) continue;
    if ((DATE_FUNCTIONS as readonly string[]).includes(op)) {
      for (const [cmp, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
        const values = (Array.isArray(value) ? value : [value]).map(Number);
        conds.push({
          kind: 'field',
          path: inOrgTimeZone(path, env.calendar.timeZone),
          test: {
            op: 'datefn',
            fn: op as DateFunction,
            cmp: cmp as CompareOp | 'in' | 'nin',
            values
          }
        });
      }
      continue;
    }
    if (dateLike && (COMPARE_OPS.has(op) || op === 'in' || op === 'nin')) {
      if (op === 'in' || op === 'nin') {
        const items = ((raw ?? []) as unknown[]).map((v): Cond => ({
          kind: 'field',
          path,
          test: dateInputTest(field, op === 'in' ? 'eq' : 'ne', v, env)
        }));
        conds.push(op === 'in' ? { kind: 'or', items } : { kind: 'and', items });
      } else {
        conds.push({ kind: 'field', path, test: dateInputTest(field, op as CompareOp, raw, env) });
      }
      continue;
    }
    if (op === 'inq' || op === 'ninq') {
      conds.push({
        kind: 'field',
        path,
        test: { op: op === 'inq' ? 'in' : 'nin', values: joinValues(raw, env) }
      });
      continue;
    }
    if (COMPARE_OPS.has(op))
      conds.push({ kind: 'field', path, test: { op: op as CompareOp, value: raw as FieldValue } });
    else if (op === 'in' || op === 'nin')
      conds.push({ kind: 'field', path, test: { op, values: (raw ?? []) as FieldValue[] } });
    else if (op === 'like')
      conds.push({ kind: 'field', path, test: { op: 'like', pattern: String(raw) } });
    else if (op === 'includes' || op === 'excludes') {
      const sets = ((raw ?? []) as string[]).map((s) =>
        s
          .split(';')
          .map((p) => p.trim())
          .filter(Boolean)
      );
      conds.push({ kind: 'field', path, test: { op, sets } });
    }
  }
  return conds;
}

/**
 * The values of `ApiName` over the records of the joined object that match its filter: a
 * semi-join's subquery, run once per query.
 */
function joinValues(raw: unknown, env: FilterEnv): FieldValue[] {
  const spec = (raw ?? {}) as Record<string, unknown>;
  const objects = Object.keys(spec).filter((k) => k !== 'ApiName' && spec[k] !== undefined);
  const object = objects.length === 1 ? env.schema.objects.get(objects[0]) : undefined;
  if (!object) throw queryError('A join (inq/ninq) needs exactly one object filter and ApiName');
  const field = object.fields.get(String(spec.ApiName ?? ''));
  if (!field || (field.type !== 'id' && field.type !== 'reference')) {
    throw queryError(
      `A join's ApiName must be an id or reference field of ${object.name}, got ${String(spec.ApiName)}`
    );
  }
  const inner = whereToCond(spec[object.name], object, [], env);
  const values = new Set<FieldValue>();
  for (const record of selectRecords(
    env.store,
    object.name,
    inner,
    env.calendar.fiscalYearStartMonth
  )) {
    const value = record[field.name];
    if (value !== null && value !== undefined) values.add(value);
  }
  return [...values];
}

function combine(conds: Cond[]): Cond | null {
  if (conds.length === 0) return null;
  return conds.length === 1 ? conds[0] : { kind: 'and', items: conds };
}

/**
 * Converts a coerced `<Object>_Filter` value into a condition on `object`, reached from the
 * queried object through `refs`. Returns null for an empty filter.
 */
export function whereToCond(
  where: unknown,
  object: ObjectDef,
  refs: string[],
  env: FilterEnv
): Cond | null {
  if (where === null || where === undefined) return null;
  const conds: Cond[] = [];
  for (const [key, value] of Object.entries(where as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (key === 'and' || key === 'or') {
      const items = ((value ?? []) as unknown[])
        .map((w) => whereToCond(w, object, refs, env))
        .filter((c): c is Cond => c !== null);
      if (items.length > 0) conds.push({ kind: key, items });
      continue;
    }
    if (key === 'not') {
      const item = whereToCond(value, object, refs, env);
      if (item) conds.push({ kind: 'not', item });
      continue;
    }
    const field = object.fields.get(key);
    if (field) {
      conds.push(
        ...fieldConds(
          pathFrom(refs, object, field, [...refs, key].join('.')),
          (value ?? {}) as Record<string, unknown>,
          env
        )
      );
      continue;
    }
    const relationship = [...object.parentRelationships.values()].find(
      (f) => f.relationshipName === key
    );
    if (!relationship) throw queryError(`Unknown filter field ${key} on ${object.name}`);
    const nextRefs = [...refs, relationship.name];
    const targets = relationship.referenceTo.filter((t) => env.schema.objects.has(t));
    if (targets.length === 1) {
      const inner = whereToCond(value, env.schema.objects.get(targets[0])!, nextRefs, env);
      if (inner) conds.push(inner);
      continue;
    }
    const alternatives: Cond[] = [];
    for (const [typeName, typeWhere] of Object.entries((value ?? {}) as Record<string, unknown>)) {
      const target = env.schema.objects.get(typeName);
      if (!target || typeWhere === undefined) continue;
      const inner = whereToCond(typeWhere, target, nextRefs, env);
      const typeCond: Cond = { kind: 'refType', refs: nextRefs, keyPrefix: target.keyPrefix };
      alternatives.push(inner ? { kind: 'and', items: [typeCond, inner] } : typeCond);
    }
    if (alternatives.length > 0)
      conds.push(alternatives.length === 1 ? alternatives[0] : { kind: 'or', items: alternatives });
  }
  return combine(conds);
}
