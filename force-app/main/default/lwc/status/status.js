/**
 * Attainment and the green / amber / red status of a KPI value.
 *
 * Thresholds (SPM_KPI__c Green_Threshold__c / Amber_Threshold__c) apply either to the attainment of the
 * target, in percent (the default: green ≥ 100, amber ≥ 85 …), or to the value itself
 * (`definition.statusBasis = 'value'`, e.g. "past close date: green ≤ 0, amber ≤ 5").
 */

const PERCENT = 100;

/**
 * Attainment of a target in percent, oriented so that higher is always better: value ÷ target for
 * higher-is-better KPIs, target ÷ value for lower-is-better ones. Null without a usable target.
 * @param {number|null} value
 * @param {number|null} target
 * @param {string} direction 'Higher is better' | 'Lower is better'
 * @returns {number|null}
 */
export function attainment(value, target, direction) {
  if (value === null || value === undefined || target === null || target === undefined) return null;
  if (direction === 'Lower is better') {
    if (value <= 0) return null;
    return (target / value) * PERCENT;
  }
  if (target === 0) return null;
  return (value / target) * PERCENT;
}

/**
 * The status of a value.
 * @param {{ value: number|null, target?: number|null, thresholds: { green: number, amber: number },
 *           direction: string, basis?: 'attainment'|'value', absolute?: boolean }} input
 * @returns {'green'|'amber'|'red'|'none'}
 */
export function statusOf(input) {
  const { value, target, thresholds, direction } = input;
  if (value === null || value === undefined || !thresholds) return 'none';
  if (input.basis === 'value') {
    const v = input.absolute ? Math.abs(value) : value;
    if (direction === 'Lower is better') {
      if (v <= thresholds.green) return 'green';
      return v <= thresholds.amber ? 'amber' : 'red';
    }
    if (v >= thresholds.green) return 'green';
    return v >= thresholds.amber ? 'amber' : 'red';
  }
  if (target === null || target === undefined) return 'none';
  if (direction === 'Lower is better' && value <= 0) {
    // Nothing spent / nothing flagged against a lower-is-better target is as good as it gets.
    return 'green';
  }
  const a = attainment(value, target, direction);
  if (a === null) return 'none';
  if (a >= thresholds.green) return 'green';
  return a >= thresholds.amber ? 'amber' : 'red';
}
