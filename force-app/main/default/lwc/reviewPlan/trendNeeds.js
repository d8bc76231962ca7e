/**
 * The trends' needs, each with its own window: won deals in each of the six forecast months, and
 * (Month reviews) meetings and calls in each of the five months before the review's. One subquery per
 * month, filtered with `gte`/`lte` on the Date field and grouped by owner: the rows grow with people ×
 * months, never with deals, and no date function is needed (the UI API takes none on a Date field).
 */
import { addMonths, monthPeriod, previousPeriod } from 'c/periods';
import { cmp } from 'c/criteria';
import { aggregateNeed, callCondition, COUNT, AMOUNT, MINUTES } from './needs';

/** Entries of every trend series (activity, data trust, forecast accuracy): oldest first. */
export const HISTORY_LENGTH = 6;

/**
 * The id of the i-th need of a per-month family ('forecastWon', 'pastEvents', 'pastCalls'): the model
 * reads each month's rows by it.
 * @param {string} family
 * @param {number} index
 * @returns {string}
 */
export function trendNeedId(family, index) {
  return `${family}:${index}`;
}

/** The last {@link HISTORY_LENGTH} complete months, oldest first (the last one is `forecastMonth`). */
export function forecastMonthsOf(forecastMonth) {
  const months = [];
  for (let back = HISTORY_LENGTH - 1; back >= 0; back--)
    months.push(monthPeriod(addMonths(forecastMonth.start, -back)));
  return months;
}

/** Six periods of the review's type, oldest first, the last being the review period. */
export function historyPeriodsOf(period, fy) {
  const periods = [period];
  while (periods.length < HISTORY_LENGTH) periods.unshift(previousPeriod(periods[0], fy));
  return periods.map((p) => ({ type: p.type, start: p.start, end: p.end, label: p.label }));
}

/** The variable-name prefix of the bounds of the i-th forecast month and the i-th past period. */
const wonMonth = (i) => `wonMonth${i + 1}`;
const pastPeriod = (i) => `pastPeriod${i + 1}`;
const between = (field, prefix) => ({ field, from: `${prefix}Start`, to: `${prefix}End` });

/**
 * The trends' needs.
 * @param {object} context the plan's context
 * @returns {Array<object>} needs
 */
export function trendNeeds(context) {
  const monthNeed = (family, i, spec) =>
    aggregateNeed(context, {
      id: trendNeedId(family, i),
      family,
      label: `${family}${i + 1}`,
      ...spec
    });
  // Forecasts belong to people: an account's review has no forecast months.
  const months = context.accountId ? [] : context.forecastMonths;
  const won = months.map((month, i) =>
    monthNeed('forecastWon', i, {
      object: 'Opportunity',
      where: cmp('IsWon', 'eq', true),
      window: between('CloseDate', wonMonth(i)),
      measures: [COUNT, AMOUNT]
    })
  );
  if (!context.activityByMonth) return won;
  const past = context.historyPeriods.slice(0, -1);
  const activity = past.flatMap((period, i) => [
    monthNeed('pastEvents', i, {
      object: 'Event',
      window: between('ActivityDate', pastPeriod(i)),
      measures: [COUNT, MINUTES]
    }),
    monthNeed('pastCalls', i, {
      object: 'Task',
      where: callCondition(),
      window: between('ActivityDate', pastPeriod(i)),
      measures: [COUNT]
    })
  ]);
  return [...won, ...activity];
}

/**
 * The values of the trend windows' variables.
 * @param {object} context the plan's context
 * @returns {Object<string, { type: 'Date', value: string }>}
 */
export function trendVariables(context) {
  const out = {};
  const bounds = (prefix, period) => {
    out[`${prefix}Start`] = { type: 'Date', value: period.start };
    out[`${prefix}End`] = { type: 'Date', value: period.end };
  };
  context.forecastMonths.forEach((month, i) => bounds(wonMonth(i), month));
  context.historyPeriods.slice(0, -1).forEach((period, i) => bounds(pastPeriod(i), period));
  return out;
}
