/**
 * Data trust: each measure's value (the data-trust flags, offers past check, forecast deviation) held
 * once here, per person, and its trend from the snapshots of past reviews. The data-trust panel reads
 * it as it is (c/spmDataTrustPanel).
 */
import { builtinReads, trendNeedId } from 'c/reviewPlan';
import { round, sumFields } from './numbers';
import { forecastOf } from './forecast';

/** The data-trust measures in the panel's order, with the label `report` prints. */
const TRUST_LABELS = {
  forecastDeviation: 'Forecast deviation',
  pastCloseDate: 'Past close date',
  notUpdated: 'Not updated',
  earlyStageClosingSoon: 'Early stage closing soon',
  stalled: 'Stalled in stage',
  offersPastCheck: 'Offers past check date'
};
const TRUST_KEYS = Object.keys(TRUST_LABELS);
/** The measures counted on deals: each is also the flag the deals behind it carry (Deal.flags). */
const COUNT_KEYS = TRUST_KEYS.slice(1);

function parseSnapshot(text) {
  if (typeof text !== 'string' || !text) return null;
  try {
    const json = JSON.parse(text);
    return json && typeof json === 'object' && Array.isArray(json.trust) ? json : null;
  } catch {
    // A snapshot that is not JSON tells nothing about its period.
    return null;
  }
}

function sameIds(a, b) {
  if (!Array.isArray(a) || a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

/**
 * Data-trust counts as of a past period's end, from the KPI_Snapshot__c of reviews held in it: the
 * latest review of exactly this scope, else (a team) the latest individual review of every subject,
 * summed; null when neither exists or a count is missing from a snapshot.
 */
function trustFromReviews(reviews, period, subjects, keys) {
  const held = reviews
    .filter((r) => r.Review_Date__c >= period.start && r.Review_Date__c <= period.end)
    .map((r) => ({ date: r.Review_Date__c, id: r.Id, snapshot: parseSnapshot(r.KPI_Snapshot__c) }))
    .filter((r) => r.snapshot)
    .sort((a, b) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1));
  const valuesOf = (snapshot) =>
    Object.fromEntries(
      keys.map((key) => {
        const m = snapshot.trust.find((t) => t && t.key === key);
        return [key, m && typeof m.value === 'number' ? m.value : null];
      })
    );
  const whole = held.find((r) => sameIds(r.snapshot.subjectUserIds, subjects));
  if (whole) return valuesOf(whole.snapshot);
  const perSubject = subjects.map((id) =>
    held.find((r) => sameIds(r.snapshot.subjectUserIds, [id]))
  );
  if (perSubject.some((r) => !r)) return null;
  const out = {};
  for (const key of keys) {
    const values = perSubject.map((r) => valuesOf(r.snapshot)[key]);
    out[key] = values.some((v) => v === null) ? null : values.reduce((t, v) => t + v, 0);
  }
  return out;
}

/**
 * The trust section of the model: `measures` (each with its value, status, the deal flag behind it
 * and the menu KPI carrying it, `kpiKey`), `byUser` and `history`.
 * @returns {{ measures: Array<object>, byUser: Array<object>, history: Array<object> }}
 */
export function buildTrust(plan, base, kpiModel, forecastModel, lists, reviewsEntry, failedNeeds) {
  const { context } = plan;
  const subjects = context.subjectUserIds;
  // A flag read from a failed subquery is unknown (null), never 0: the numbers a user trusts first.
  // Forecast deviation's trend reads every forecast month, not only the last one its value reads.
  const forecastNeeds = [
    'forecast',
    ...context.forecastMonths.map((m, i) => trendNeedId('forecastWon', i))
  ];
  const failed = (key) =>
    (key === 'forecastDeviation' ? forecastNeeds : builtinReads({ builtin: key }, context)).some(
      (id) => failedNeeds.has(id)
    );
  const UNKNOWN_FLAG = { count: null, amount: null, snoozed: null };
  const kpiKeyOf = (builtin) => plan.builtinKpis[builtin] || null;
  const statusKpi = (builtin) => kpiModel.find((m) => m.key === kpiKeyOf(builtin)) || null;
  const flagTotals = (userIds, key) => {
    if (failed(key)) return UNKNOWN_FLAG;
    const t = sumFields(
      userIds.map((id) => base.get(id).flags[key]),
      ['count', 'amount', 'snoozed']
    );
    return { ...t, amount: round(t.amount) };
  };
  const deviation = (userIds) => {
    if (failed('forecastDeviation')) return { won: null, forecast: null, value: null };
    const { won, forecast, deviationPct } = forecastOf(base, userIds);
    return { won, forecast, value: deviationPct };
  };
  // Forecasts are taken per person (SPM_Forecast_Snapshot__c), not per account: one account's review
  // has no forecast deviation at all, rather than an empty one.
  const perPerson = !context.accountId;
  const measures = (perPerson ? TRUST_KEYS : COUNT_KEYS).map((key) => {
    const kpi = statusKpi(key);
    if (key === 'forecastDeviation') {
      const d = deviation(subjects);
      return {
        key,
        label: TRUST_LABELS[key],
        unit: 'Percent',
        value: d.value,
        count: null,
        amount: null,
        snoozed: 0,
        won: d.won,
        forecast: d.forecast,
        status: kpi ? kpi.total.status : 'none',
        flag: null,
        kpiKey: kpiKeyOf(key)
      };
    }
    // Offers past check come from the open list (≤ listSize deals): `complete` says whether exact.
    const t = flagTotals(subjects, key);
    return {
      key,
      label: TRUST_LABELS[key],
      unit: 'Count',
      value: t.count,
      count: t.count,
      amount: t.amount,
      snoozed: t.snoozed,
      status: kpi ? kpi.total.status : 'none',
      flag: key,
      kpiKey: kpiKeyOf(key),
      ...(key === 'offersPastCheck' ? { complete: lists.complete.open } : {})
    };
  });
  const byUser = subjects.map((userId) => {
    const row = {
      userId,
      ...(perPerson ? { forecastDeviation: deviation([userId]).value } : {}),
      snoozed: 0
    };
    for (const key of COUNT_KEYS) {
      const t = flagTotals([userId], key);
      row[key] = t.count;
      // Offers past check, counted on the open list, are not in the snoozed total.
      if (key !== 'offersPastCheck')
        row.snoozed = row.snoozed === null || t.snoozed === null ? null : row.snoozed + t.snoozed;
    }
    return row;
  });
  const current = Object.fromEntries(measures.map((m) => [m.key, m.value]));
  // Counts as of past periods' ends come from the snapshots of the reviews held in them (null where
  // none was held). Forecast deviation as known at each period's end: the latest complete month
  // ending by then, from the snapshot months of the forecast model.
  const months = forecastModel.months;
  const deviationAsOf = (period) => {
    const known = months.filter((m) => m.month.end <= period.end);
    return known.length ? known[known.length - 1].deviationPct : null;
  };
  const periods = context.historyPeriods;
  const reviewResult = reviewsEntry ? reviewsEntry.result : null;
  const reviews = reviewResult ? reviewResult.records || [] : [];
  // With more reviews than one page, the oldest periods may lack theirs: only trust what was read.
  const oldestRead =
    reviewResult && reviewResult.hasNextPage && reviews.length
      ? reviews[reviews.length - 1].Review_Date__c
      : null;
  const history = periods.map((period, i) => {
    const isCurrent = i === periods.length - 1;
    const entry = {
      period,
      ...(perPerson
        ? { forecastDeviation: isCurrent ? current.forecastDeviation : deviationAsOf(period) }
        : {})
    };
    const known =
      !isCurrent && reviewsEntry && !(oldestRead && period.start <= oldestRead)
        ? trustFromReviews(reviews, period, subjects, COUNT_KEYS)
        : null;
    for (const key of COUNT_KEYS) entry[key] = isCurrent ? current[key] : known ? known[key] : null;
    return entry;
  });
  return { measures, byUser, history };
}
