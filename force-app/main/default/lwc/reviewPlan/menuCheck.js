/**
 * The menu a review can compute. The org's SPM_KPI__c records passed the seed script's checks when
 * they were written, but an admin can edit Definition__c in the org afterwards: a definition that is
 * not JSON or that c/kpiDefinitions refuses (an unknown field, a ratio of a missing KPI, a cycle)
 * leaves that KPI, and the KPIs computed from it, out of the plan with the reason — one KPI blank, not
 * the whole review.
 */
import { definitionRefs, validateMenuDefinitions } from 'c/kpiDefinitions';

/**
 * Splits a normalized menu into the KPIs to plan and those left out.
 * @param {Array<object>} kpis normalized menu entries (c/kpiDefinitions normalizeKpis)
 * @returns {{ planned: Array<object>, refused: Array<{ key: string, reason: string }> }}
 */
export function checkMenu(kpis) {
  const reasons = new Map();
  for (const kpi of kpis) {
    if (kpi.definitionError) reasons.set(kpi.key, `definition refused: ${kpi.definitionError}`);
  }
  // The whole menu, so that a ratio of a KPI refused above is not told as naming an unknown KPI:
  // the loop below says it is computed from that KPI.
  const unreadable = new Set(reasons.keys());
  const byKey = new Map(kpis.map((k) => [k.key, k]));
  const readsUnreadable = (key) =>
    definitionRefs(byKey.get(key) && byKey.get(key).definition).some((ref) => unreadable.has(ref));
  for (const problem of validateMenuDefinitions(kpis)) {
    if (!reasons.has(problem.key) && !readsUnreadable(problem.key)) {
      reasons.set(problem.key, `definition refused: ${problem.property} ${problem.reason}`);
    }
  }
  // A ratio, coverage or pacing of a refused KPI would compute from missing parts (zeros): out too.
  let grew = true;
  while (grew) {
    grew = false;
    for (const kpi of kpis) {
      const source = reasons.has(kpi.key)
        ? null
        : definitionRefs(kpi.definition).find((ref) => reasons.has(ref));
      if (source) {
        reasons.set(kpi.key, `computed from ${source}, whose definition is refused`);
        grew = true;
      }
    }
  }
  return {
    planned: kpis.filter((k) => !reasons.has(k.key)),
    refused: [...reasons].map(([key, reason]) => ({ key, reason }))
  };
}
