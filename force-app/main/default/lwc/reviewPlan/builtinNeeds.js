/**
 * The built-in measures (c/kpiDefinitions BUILTINS): the needs each compiles to and the needs its value
 * reads. The data-trust flags compile to one need of their own, from their definition: the menu's KPI
 * carrying the builtin when the menu has one (its `params` set the flag's days, c/reviewPlan
 * planContext), else the bare definition, since the data-trust panel shows every flag whether the
 * menu lists it or not. The menu KPI and the panel thus read one need. The other builtins are composed
 * from the review's own needs (c/reviewPlan reviewNeeds), which their panels read anyway.
 */
import { flagConditions } from 'c/criteria';
import { aggregateNeed, COUNT, AMOUNT } from './needs';
import { SNOOZE_FIELD } from './fields';
import { trendNeedId } from './trendNeeds';

/** The builtins whose numbers come from one need of the same name (the data-trust flags). */
export const FLAG_BUILTINS = ['pastCloseDate', 'notUpdated', 'earlyStageClosingSoon', 'stalled'];

/** Beside the snooze date, the groups a flag's rows keep (stalled deals by stage, for the funnel). */
const FLAG_DIMS = { stalled: ['StageName'] };

/**
 * Whether a KPI's definition is this builtin.
 * @param {object} kpi normalized menu entry
 * @param {string} builtin
 * @returns {boolean}
 */
export function isBuiltin(kpi, builtin) {
  const def = kpi.definition;
  return Boolean(def) && def.measure === 'builtin' && def.builtin === builtin;
}

/**
 * The menu KPI that carries each builtin (the first of the menu whose definition is it).
 * @param {Array<object>} kpis normalized menu entries
 * @returns {Object<string, string>} builtin → KPI key
 */
export function builtinKpiKeys(kpis) {
  const out = {};
  for (const kpi of kpis) {
    const def = kpi.definition || {};
    if (def.measure === 'builtin' && !(def.builtin in out)) out[def.builtin] = kpi.key;
  }
  return out;
}

/**
 * The need of a data-trust flag, compiled from its definition: open opportunities under the flag's
 * condition, counted and summed per owner and snooze date (snoozed flags are counted apart).
 * @param {{ builtin: string }} definition
 * @param {object} context the plan's context
 * @returns {object} need
 */
function flagNeed(definition, context) {
  const key = definition.builtin;
  return aggregateNeed(context, {
    id: key,
    object: 'Opportunity',
    where: flagConditions(context.stagePolicy)[key],
    dims: [...(FLAG_DIMS[key] || []), SNOOZE_FIELD],
    measures: [COUNT, AMOUNT]
  });
}

/**
 * The needs the builtins compile to: one per data-trust flag, from the menu's definition of it when
 * the menu has one.
 * @param {Array<object>} kpis normalized menu entries
 * @param {object} context the plan's context
 * @returns {Array<object>} needs
 */
export function builtinNeeds(kpis, context) {
  return FLAG_BUILTINS.map((builtin) => {
    const kpi = kpis.find((k) => isBuiltin(k, builtin));
    return flagNeed(kpi ? kpi.definition : { measure: 'builtin', builtin }, context);
  });
}

/**
 * The needs a builtin's value reads (its parts; a coverage or pacing KPI also reads its base KPI's).
 * @param {{ builtin: string }} definition
 * @param {object} context the plan's context
 * @returns {string[]} need ids
 */
export function builtinReads(definition, context) {
  const builtin = definition.builtin;
  if (FLAG_BUILTINS.includes(builtin)) return [builtin];
  switch (builtin) {
    case 'offersPastCheck':
      // Counted on the open list (≤ listSize deals): the model says whether it is complete.
      return ['openList'];
    case 'movedSinceReview':
      return ['moved'];
    case 'notMovedSinceReview':
      return ['open', 'moved'];
    case 'newCustomerContacts':
      return ['newCustomerEvents', 'newCustomerCalls'];
    case 'forecastDeviation':
      return ['forecast', trendNeedId('forecastWon', context.forecastMonths.length - 1)];
    case 'coverage':
      return ['coverage'];
    case 'salesCycle':
      return ['closedList'];
    default:
      return [];
  }
}
