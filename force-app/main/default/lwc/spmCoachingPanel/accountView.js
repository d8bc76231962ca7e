/**
 * One account's review model as the coaching panel shows it: the measures that mean nothing for one
 * account are left out or marked (issue 12, "on the Account page").
 * - Forecast deviation: forecasts are taken per person (SPM_Forecast_Snapshot__c), not per account, so
 *   the account-scoped plan loads none and the measure has no value; it is left out of the data-trust
 *   measures and their trend, and the panel says why (SPM_Coaching_NoForecast).
 * - Stage conversion: a rate over a handful of closed deals says nothing about the next one; a stage
 *   whose conversion rests on fewer than {@link MIN_CONVERSION_DEALS} closed deals keeps no rate and is
 *   marked `tooFewDeals` (the funnel panel shows "too few deals").
 */

/** Closed deals that must have reached a stage for its conversion to the next to be shown. */
export const MIN_CONVERSION_DEALS = 5;

/** Data-trust measures (c/reviewModel model.trust.measures keys) that one account cannot have. */
const PEOPLE_ONLY_MEASURES = Object.freeze(['forecastDeviation']);

function withoutKeys(entry) {
  const out = { ...entry };
  for (const key of PEOPLE_ONLY_MEASURES) {
    delete out[key];
  }
  return out;
}

function trustOf(trust) {
  if (!trust) {
    return trust;
  }
  const list = (value) => (Array.isArray(value) ? value : []);
  return {
    ...trust,
    measures: list(trust.measures).filter((m) => !PEOPLE_ONLY_MEASURES.includes(m.key)),
    byUser: list(trust.byUser).map(withoutKeys),
    history: list(trust.history).map(withoutKeys)
  };
}

function funnelOf(funnel) {
  if (!funnel || !Array.isArray(funnel.stages)) {
    return funnel;
  }
  return {
    ...funnel,
    stages: funnel.stages.map((stage) => {
      const thin = typeof stage.reached === 'number' && stage.reached < MIN_CONVERSION_DEALS;
      return thin ? { ...stage, conversionToNext: null, tooFewDeals: true } : stage;
    })
  };
}

/**
 * @param {object} model the review model (c/reviewModel) of an account-scoped plan (c/reviewPlan)
 * @returns {object} a new model; the given one is untouched
 */
export function accountView(model) {
  if (!model) {
    return model;
  }
  return { ...model, trust: trustOf(model.trust), funnel: funnelOf(model.funnel) };
}
