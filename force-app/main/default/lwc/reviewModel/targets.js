/** Targets: the target of each person for each KPI in the review period. */
import { isAdditive } from 'c/kpiDefinitions';
import { rowsOf } from './answers';
import { num } from './numbers';

const TYPE_ORDER = ['Year', 'Quarter', 'Month', 'Week'];

/**
 * The targets index of a review.
 * @param {Map<string, object>} needs each need's answer
 * @param {Array<object>} kpis normalized menu entries
 * @param {object} context the plan's context
 * @returns {{ own: function(string, object): number|null }}
 */
export function buildTargetIndex(needs, kpis, context) {
  const entry = needs.get('targets');
  const rows = rowsOf(entry);
  const keyById = new Map(kpis.map((k) => [k.id || k.key, k.key]));
  const index = new Map();
  for (const row of rows) {
    const key = keyById.get(row.KPI__c);
    if (!key) continue;
    const id = `${row.Assignee__c}|${key}`;
    if (!index.has(id)) index.set(id, new Map());
    const byType = index.get(id);
    byType.set(
      row.Period_Type__c,
      (byType.get(row.Period_Type__c) || 0) + num(row['sum(Value__c)'])
    );
  }
  const periodType = context.period.type;
  return {
    // The target of one person for one KPI in the review period: a target of the period's own type,
    // or (additive KPIs only) the sum of the next finer type's targets inside the period.
    own(userId, kpi) {
      const byType = index.get(`${userId}|${kpi.key}`);
      if (!byType) return null;
      if (byType.has(periodType)) return byType.get(periodType);
      if (!isAdditive(kpi)) return null;
      for (const type of TYPE_ORDER.slice(TYPE_ORDER.indexOf(periodType) + 1))
        if (byType.has(type)) return byType.get(type);
      return null;
    }
  };
}

/**
 * The goal of a coverage or pacing KPI as the menu defines it: `definition.target`, else the green
 * threshold (their status is on the value, so green is the goal), else null.
 */
export function ratioBuiltinTarget(kpi) {
  const def = kpi.definition || {};
  if (typeof def.target === 'number') return def.target;
  const green = kpi.thresholds ? kpi.thresholds.green : undefined;
  return typeof green === 'number' ? green : null;
}

/** The KPI whose target a KPI is measured against: coverage and pacing use their base KPI's. */
export function targetBaseKpi(kpi, byKey) {
  const def = kpi.definition || {};
  if (def.measure === 'builtin' && (def.builtin === 'coverage' || def.builtin === 'pacing'))
    return (def.params && byKey.get(def.params.kpi)) || null;
  return kpi;
}
