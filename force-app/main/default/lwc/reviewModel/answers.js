/**
 * The answer each need got: the result of its spec (from the org's response or run on records), and
 * the rows of its groups (`select`). A need with a derived measure also reads its parts' rows.
 */
import { createIndex, runAggregate, runRecordQuery } from 'c/recordQueries';
import { groupRows } from './numbers';

/** Alias → what the subquery is (kind, object), for reading responses (c/graphqlResults). */
export function subqueriesOf(plan) {
  const out = {};
  for (const spec of plan.specs) out[spec.alias] = { kind: spec.kind, object: spec.object };
  return out;
}

/** Runs the plan's local specs (targets given, not queried) on the given records, into `results`. */
export function runLocalSpecs(plan, data, results) {
  const index = createIndex(data);
  for (const spec of plan.specs) {
    if (!spec.local) continue;
    results[spec.alias] =
      spec.kind === 'records'
        ? runRecordQuery(spec, data, plan.variables, index)
        : runAggregate(spec, data, plan.variables, index);
  }
}

/**
 * Each need's answer: its spec, the groups it reads (`select`) and the spec's result. A need with a
 * derived measure (c/queryCompiler expandDerived) also reads its parts' rows, turned into rows that
 * hold only their groups and the derived column, so sums over its rows include the derived measure.
 */
export function consumersByNeed(plan, results) {
  const out = new Map();
  const parts = [];
  for (const spec of plan.specs) {
    const result =
      results[spec.alias] ||
      (spec.kind === 'records'
        ? { records: [], hasNextPage: false }
        : { rows: [], hasNextPage: false });
    for (const consumer of spec.consumers) {
      const entry = { spec, select: consumer.select, result };
      if (consumer.need.partOf) parts.push({ part: consumer.need, entry });
      else out.set(consumer.need.id, entry);
    }
  }
  for (const { part, entry } of parts) {
    const { key, from, multiplier, divisor } = part.derived;
    const rows = rowsOf(entry).map((row) => {
      const groups = {};
      for (const [k, v] of Object.entries(row)) if (!k.includes('(')) groups[k] = v;
      const value = row[from];
      groups[key] = typeof value === 'number' ? (value * multiplier) / divisor : null;
      return groups;
    });
    let parent = out.get(part.partOf);
    if (!parent) {
      // Only derived measures: the need is answered by its parts alone.
      parent = { spec: entry.spec, select: {}, result: { rows: [], hasNextPage: false } };
      out.set(part.partOf, parent);
    }
    parent.derivedRows = [...(parent.derivedRows || []), ...rows];
  }
  return out;
}

/** Need id → the reason its subquery failed (a need with parts fails with any of them). */
export function failedNeedsOf(plan, results) {
  const out = new Map();
  for (const spec of plan.specs) {
    const result = results[spec.alias];
    if (!result || !result.failed) continue;
    for (const consumer of spec.consumers) {
      out.set(consumer.need.id, result.failed);
      if (consumer.need.partOf) out.set(consumer.need.partOf, result.failed);
    }
  }
  return out;
}

/** The rows of a need's answer that are its own (its groups), with its derived rows. */
export function rowsOf(entry) {
  if (!entry) return [];
  const { select, result } = entry;
  const keys = Object.keys(select);
  const matches = (row, k) => {
    if (Array.isArray(select[k])) return select[k].includes(row[k]);
    return row[k] === select[k];
  };
  const own = (result.rows || []).filter((row) => keys.every((k) => matches(row, k)));
  return entry.derivedRows ? [...own, ...entry.derivedRows] : own;
}

/** A need's rows grouped by owner, computed once per need (KPIs read them for every person). */
export function rowsByOwner(entry) {
  if (!entry.byOwner) entry.byOwner = groupRows(rowsOf(entry), entry.spec.owner);
  return entry.byOwner;
}
