/**
 * Which needs each KPI of the menu reads: its own subquery or those of its parts, and the targets (its
 * target, attainment and status, and the value of coverage and pacing, read them). The model blanks a
 * KPI whose reads include a failed subquery.
 */
import { builtinReads } from './builtinNeeds';

function readsOf(kpi, byKey, context, visited) {
  const def = kpi.definition || {};
  if (visited.has(kpi.key)) return [];
  visited.add(kpi.key);
  const of = (key) => (byKey.has(key) ? readsOf(byKey.get(key), byKey, context, visited) : []);
  let ids;
  if (def.measure === 'count' || def.measure === 'sum' || def.measure === 'avg')
    ids = [`kpi:${kpi.key}`];
  else if (def.measure === 'ratio') ids = [...of(def.numerator), ...of(def.denominator)];
  else if (def.measure === 'builtin') {
    const base =
      def.builtin === 'coverage' || def.builtin === 'pacing' ? def.params && def.params.kpi : null;
    ids = [...builtinReads(def, context), ...(base ? of(base) : [])];
  } else ids = [];
  return [...ids, 'targets'];
}

/**
 * The needs each KPI reads.
 * @param {Array<object>} kpis normalized menu entries
 * @param {object} context the plan's context
 * @returns {Object<string, string[]>} KPI key → need ids
 */
export function kpiReads(kpis, context) {
  const byKey = new Map(kpis.map((k) => [k.key, k]));
  return Object.fromEntries(kpis.map((k) => [k.key, readsOf(k, byKey, context, new Set())]));
}
