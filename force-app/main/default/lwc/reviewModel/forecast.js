/** The forecast: last month against the forecast taken at its start, the six months' accuracy, and the period's forecast. */
import { forecastDeviation } from 'c/metrics';
import { round, sumFields } from './numbers';
import { kpiCell } from './kpiCell';

function salesKpiKey(kpis) {
  const coverage = kpis.find(
    (k) => k.definition && k.definition.measure === 'builtin' && k.definition.builtin === 'coverage'
  );
  return coverage && coverage.definition.params ? coverage.definition.params.kpi : 'sales_won';
}

/**
 * The forecast month of a group of people: the start-of-month forecast summed over those who have
 * a snapshot (null when nobody has one), the won amount, and the deviation between them (%).
 */
export function forecastOf(base, userIds) {
  let won = 0;
  let forecastTotal = null;
  for (const id of userIds) {
    const b = base.get(id);
    won += b.forecastWon;
    if (b.forecast !== null) forecastTotal = (forecastTotal || 0) + b.forecast;
  }
  return {
    forecast: round(forecastTotal),
    won: round(won),
    deviationPct: round(forecastTotal ? forecastDeviation(won, forecastTotal) : null)
  };
}

/**
 * The forecast section: last month (`total`, `byUser`), the six months' accuracy (`months`), and the
 * period's forecast (won so far plus commit, or weighted, closing in the rest of it) against the
 * sales KPI's target.
 */
export function buildForecast(context, subjects, base, kpiModel, kpis) {
  const rowFor = (userIds) => forecastOf(base, userIds);
  const monthRow = (userIds, index) => {
    let won = 0;
    let forecastTotal = null;
    const sources = new Set();
    for (const id of userIds) {
      const m = base.get(id).months[index];
      won += m.won;
      if (m.forecast !== null) forecastTotal = (forecastTotal || 0) + m.forecast;
      for (const source of m.sources) sources.add(source);
    }
    // 'Live' only when every snapshot of the month was taken live; any backfill makes it 'Backfill'.
    const source = !sources.size
      ? null
      : [...sources].every((x) => x === 'Live')
        ? 'Live'
        : 'Backfill';
    return {
      forecast: round(forecastTotal),
      won: round(won),
      deviationPct: round(forecastTotal ? forecastDeviation(won, forecastTotal) : null),
      source
    };
  };
  const salesKpi = kpiModel.find((k) => k.key === salesKpiKey(kpis));
  const weightedBasis = context.options.forecastBasis === 'weighted';
  const periodRow = (userIds) => {
    const {
      wonAmount: won,
      commitRest: commit,
      weightedRest: weighted
    } = sumFields(
      userIds.map((id) => base.get(id)),
      ['wonAmount', 'commitRest', 'weightedRest']
    );
    return {
      won: round(won),
      commit: round(commit),
      weighted: round(weighted),
      forecast: round(won + (weightedBasis ? weighted : commit))
    };
  };
  const { type, start, end, label } = context.period;
  return {
    month: context.forecastMonth,
    basis: context.options.forecastBasis,
    total: rowFor(subjects),
    byUser: subjects.map((userId) => ({ userId, ...rowFor([userId]) })),
    months: context.forecastMonths.map((month, i) => ({ month, ...monthRow(subjects, i) })),
    period: {
      period: { type, start, end, label },
      ...periodRow(subjects),
      target: salesKpi ? salesKpi.total.target : null,
      byUser: subjects.map((userId) => ({
        userId,
        ...periodRow([userId]),
        target: salesKpi ? (kpiCell(salesKpi, userId, { own: true })?.target ?? null) : null
      }))
    }
  };
}
