/**
 * A review's input checked, and its context: the scope, the periods, the options (defaults, else the
 * menu's builtin parameters, else what the caller gave) every need and number of the review reads.
 * The input's shape is typed in scripts/lib/kpi-engine.ts (ReviewInput).
 */
import {
  addDays,
  addMonths,
  monthPeriod,
  monthStart,
  periodContaining,
  previousPeriod,
  nextPeriod,
  periodElapsed,
  isValidDate,
  PERIOD_TYPES
} from 'c/periods';
import { normalizeStagePolicy, DEFAULT_STALE_DAYS, DEFAULT_CLOSING_SOON_DAYS } from 'c/criteria';
import { DEFAULT_WON_STAGES, DEFAULT_LOST_STAGES } from 'c/kpiDefinitions';
import { MAX_LIST_SIZE } from 'c/queryCompiler';
import { buildHierarchy } from 'c/rollup';
import { forecastMonthsOf, historyPeriodsOf } from './trendNeeds';
import { isBuiltin } from './builtinNeeds';

const DEFAULTS = {
  staleDays: DEFAULT_STALE_DAYS,
  closingSoonDays: DEFAULT_CLOSING_SOON_DAYS,
  forecastBasis: 'commit',
  conversionWindowMonths: 12,
  topN: 5,
  listSize: MAX_LIST_SIZE,
  wonStages: DEFAULT_WON_STAGES,
  lostStages: DEFAULT_LOST_STAGES
};

/**
 * An error of the review plan's input.
 * @param {string} message
 * @returns {never}
 */
export function fail(message) {
  throw new Error(`Review plan: ${message}`);
}

/**
 * Checks a review's input; errors name the input field and what it must be.
 * @param {object} input
 * @returns {string} the period type
 */
export function checkInput(input) {
  if (!input || typeof input !== 'object') fail('input is required');
  if (!Array.isArray(input.subjectUserIds) || !input.subjectUserIds.length)
    fail('subjectUserIds must list at least one user id');
  if (!isValidDate(input.asOf))
    fail(`asOf must be a YYYY-MM-DD date (got ${JSON.stringify(input.asOf)})`);
  if (
    input.lastReviewDate !== undefined &&
    input.lastReviewDate !== null &&
    !isValidDate(input.lastReviewDate)
  ) {
    fail(
      `lastReviewDate must be a YYYY-MM-DD date or null (got ${JSON.stringify(input.lastReviewDate)})`
    );
  }
  if (
    input.accountId !== undefined &&
    input.accountId !== null &&
    (typeof input.accountId !== 'string' ||
      !/^001[0-9A-Za-z]{12}([0-9A-Za-z]{3})?$/.test(input.accountId))
  ) {
    fail(`accountId must be an Account id (001…) or null (got ${JSON.stringify(input.accountId)})`);
  }
  const type = input.periodType || 'Month';
  if (!PERIOD_TYPES.includes(type))
    fail(`periodType must be one of ${PERIOD_TYPES.join(', ')} (got ${JSON.stringify(type)})`);
  return type;
}

/** A parameter of the menu's KPI carrying a builtin (the first that sets it), else undefined. */
function builtinParam(kpis, builtin, param) {
  const kpi = kpis.find(
    (k) => isBuiltin(k, builtin) && k.definition.params && k.definition.params[param] !== undefined
  );
  return kpi ? kpi.definition.params[param] : undefined;
}

function pick(...values) {
  return values.find((v) => v !== undefined && v !== null);
}

function optionsOf(given, kpis) {
  const options = {
    ...DEFAULTS,
    ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)),
    staleDays: pick(given.staleDays, builtinParam(kpis, 'notUpdated', 'days'), DEFAULTS.staleDays),
    closingSoonDays: pick(
      given.closingSoonDays,
      builtinParam(kpis, 'earlyStageClosingSoon', 'days'),
      DEFAULTS.closingSoonDays
    ),
    forecastBasis: pick(
      given.forecastBasis,
      builtinParam(kpis, 'forecastDeviation', 'basis'),
      DEFAULTS.forecastBasis
    )
  };
  if (
    !Number.isInteger(options.listSize) ||
    options.listSize < 1 ||
    options.listSize > MAX_LIST_SIZE
  ) {
    fail(`options.listSize must be 1–${MAX_LIST_SIZE}`);
  }
  return options;
}

/**
 * The context of a review: the scope, periods and options of an input {@link checkInput} accepted.
 * @param {object} input the review's input (scripts/lib/kpi-engine.ts ReviewInput)
 * @param {string} periodType what {@link checkInput} returned
 * @param {Array<object>} kpis the active, normalized menu entries
 * @returns {{ context: object, people: Array<object> }}
 */
export function planContext(input, periodType, kpis) {
  const options = optionsOf(input.options || {}, kpis);
  const fy = input.fiscalYearStartMonth || 1;
  const period = periodContaining(/** @type {any} */ (periodType), input.asOf, fy);
  const elapsed = periodElapsed(period, input.asOf);
  const lastReviewDate = input.lastReviewDate || addDays(period.start, -1);
  const forecastMonth = monthPeriod(addDays(monthStart(input.asOf), -1));
  const accountId = input.accountId || null;
  const people = buildHierarchy(input.users || [], input.subjectUserIds);
  const context = {
    subjectUserIds: [...input.subjectUserIds],
    peopleIds: people.map((p) => p.userId),
    asOf: input.asOf,
    orgTimeZone: input.orgTimeZone || 'UTC',
    fiscalYearStartMonth: fy,
    currency: input.currency || null,
    period: { ...period, ...elapsed },
    previousPeriod: previousPeriod(period, fy),
    // Meetings planned from the review day to the end of the next period: what "Planning" shows.
    plannedUntil: nextPeriod(period, fy),
    lastReviewDate,
    forecastMonth,
    forecastMonths: forecastMonthsOf(forecastMonth),
    historyPeriods: historyPeriodsOf(period, fy),
    accountId,
    conversionWindow: {
      start: addDays(addMonths(input.asOf, -options.conversionWindowMonths), 1),
      end: input.asOf
    },
    stagePolicy: normalizeStagePolicy(input.stagePolicy || []),
    staleDays: options.staleDays,
    closingSoonDays: options.closingSoonDays,
    options,
    // An account-scoped review has no targets (they belong to people): none are queried.
    targetsGiven: Array.isArray(input.targets) || Boolean(accountId),
    // The activity trend (meetings, hours, calls of the five months before) of a Month review.
    activityByMonth: periodType === 'Month'
  };
  return { context, people };
}
