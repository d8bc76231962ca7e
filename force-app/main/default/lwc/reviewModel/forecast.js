/**
 * The forecast: last month against the forecast taken at its start, the six months' accuracy, and the
 * period's forecast with what closing its gap to target takes.
 */
import { forecastDeviation } from 'c/metrics';
import { statusOf } from 'c/status';
import { dealsFor } from 'c/decomposition';
import { round, sumFields } from './numbers';
import { kpiCell } from './kpiCell';

function salesKpiKey(kpis) {
  const coverage = kpis.find(
    (k) => k.definition && k.definition.measure === 'builtin' && k.definition.builtin === 'coverage'
  );
  return coverage && coverage.definition.params ? coverage.definition.params.kpi : 'sales_won';
}

/**
 * The model KPIs a gap is decomposed with, found by what they compute (the menu's own keys may
 * differ): average deal value = the sales KPI ÷ a count of won deals, win rate = that count ÷ another
 * × 100, and the sales cycle (the menu KPI carrying the salesCycle builtin, plan.builtinKpis).
 */
function historyKpis(kpis, kpiModel, salesKey, builtinKpis) {
  const ratioOf = (numerator) =>
    kpis.find(
      (k) =>
        k.definition && k.definition.measure === 'ratio' && k.definition.numerator === numerator
    );
  const averageDeal = ratioOf(salesKey);
  const winRate = averageDeal ? ratioOf(averageDeal.definition.denominator) : undefined;
  const modelKpi = (kpi) => (kpi ? kpiModel.find((k) => k.key === kpi.key) : undefined);
  return {
    averageDeal: modelKpi(averageDeal),
    winRate: modelKpi(winRate),
    cycle: modelKpi(builtinKpis.salesCycle ? { key: builtinKpis.salesCycle } : undefined)
  };
}

/**
 * One person's win rate, average deal value and sales cycle this period (no `userId`: the whole
 * review's), each null while unknown (no deal won or closed yet).
 */
function historyOf(history, userId) {
  const valueOf = (kpi) => {
    const cell = kpi ? (userId ? kpiCell(kpi, userId, { own: true }) : kpi.total) : null;
    return cell && typeof cell.value === 'number' && cell.value > 0 ? cell.value : null;
  };
  return {
    winRate: valueOf(history.winRate),
    averageDealValue: valueOf(history.averageDeal),
    cycleDays: valueOf(history.cycle)
  };
}

/**
 * What closing a gap takes for one person, from their own win rate, deal size and cycle this period
 * (the team's where theirs is unknown: no deal won or closed yet): the deals to win and the
 * opportunities to create, and whether a deal created today can still close in the period (its cycle
 * fits in the days left) or the gap must come from deals already open, advanced.
 * @returns {object|null} null without a gap or without the history to size it
 */
function toCloseGap(gap, own, team, daysLeft) {
  if (!(gap > 0)) return null;
  const basis = own.winRate !== null && own.averageDealValue !== null ? 'own' : 'team';
  const used = basis === 'own' ? own : team;
  if (used.winRate === null || used.averageDealValue === null) return null;
  const winRate = Math.min(used.winRate, 100);
  const deals = dealsFor(gap, { winRate, averageDealValue: used.averageDealValue });
  const cycleDays = own.cycleDays !== null ? own.cycleDays : team.cycleDays;
  return {
    basis,
    winRate: round(winRate),
    averageDealValue: round(used.averageDealValue),
    cycleDays: round(cycleDays),
    dealsToWin: Math.ceil(deals.dealsToWin),
    opportunitiesToCreate: Math.ceil(deals.opportunitiesToCreate),
    // A deal created today closes after the cycle: within the period, or the gap is the open deals'.
    createInTime: cycleDays !== null ? cycleDays <= daysLeft : null
  };
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
export function buildForecast(context, subjects, base, kpiModel, kpis, builtinKpis = {}) {
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
  const salesKey = salesKpiKey(kpis);
  const salesKpi = kpiModel.find((k) => k.key === salesKey);
  const salesDefinition = kpis.find((k) => k.key === salesKey);
  const history = historyKpis(kpis, kpiModel, salesKey, builtinKpis);
  // The whole review's history, the fallback of anyone who has closed nothing yet: read once.
  const teamHistory = historyOf(history);
  const daysLeft = context.period.daysTotal - context.period.daysElapsed;
  const weightedBasis = context.options.forecastBasis === 'weighted';
  // The forecast is judged as a forecast: what is expected to close in the period against its
  // target, with the sales KPI's thresholds (a forecast above target is on track whatever is won yet).
  const judged = (row, target, userId) => {
    const gap = target === null ? null : Math.max(0, target - row.forecast);
    return {
      ...row,
      target,
      gap: round(gap),
      status: salesDefinition
        ? statusOf({
            value: row.forecast,
            target,
            thresholds: salesDefinition.thresholds,
            direction: salesDefinition.direction
          })
        : 'none',
      toClose: toCloseGap(
        gap,
        userId ? historyOf(history, userId) : teamHistory,
        teamHistory,
        daysLeft
      )
    };
  };
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
      ...judged(periodRow(subjects), salesKpi ? salesKpi.total.target : null),
      byUser: subjects.map((userId) => ({
        userId,
        ...judged(
          periodRow([userId]),
          salesKpi ? (kpiCell(salesKpi, userId, { own: true })?.target ?? null) : null,
          userId
        )
      }))
    }
  };
}
