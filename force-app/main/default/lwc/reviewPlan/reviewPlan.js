/**
 * The review plan: everything a performance review shows, loaded in one round trip of GraphQL
 * documents sent in parallel, and turned into one plain "review model" that every panel and `report`
 * render.
 *
 * buildReviewPlan(input) → { documents (≤ MAX_PLAN_DOCUMENTS, ≤ 10 subqueries each, one group each:
 *                            'core', 'activity', 'joins'; each names the panels that read it), specs,
 *                            variables, unplanned, … }
 * reviewModelFromResponses(plan, responses) → model      (the org / the local org answered the documents;
 *                                                        a failed document blanks only what reads it)
 * reviewModelFromRecords(plan, records) → model          (the same specs run on plain records)
 * reviewModelFromDataSet(dataSet, options) → model       (a sample-data file, for `report --data`)
 *
 * Totals are aggregated in the org, grouped by owner (and stage): what travels grows with people ×
 * stages (× months for the trends, one subquery per month), not with opportunities. Only four small
 * lists travel as records (the largest open deals, the deals closed in the period, the open actions,
 * the past reviews), each capped at `listSize` (≤ 200).
 */
import {
  addDays,
  addMonths,
  monthPeriod,
  monthStart,
  periodContaining,
  previousPeriod,
  periodElapsed,
  isValidDate,
  PERIOD_TYPES
} from 'c/periods';
import {
  and,
  cmp,
  variable,
  conditionVariables,
  openCondition,
  flagConditions,
  movedSinceCondition,
  normalizeStagePolicy,
  FLAG_KEYS,
  DEFAULT_STALE_DAYS,
  DEFAULT_CLOSING_SOON_DAYS
} from 'c/criteria';
import {
  normalizeKpis,
  isAdditive,
  BUILTINS,
  DEFAULT_WON_STAGES,
  DEFAULT_LOST_STAGES
} from 'c/kpiDefinitions';
import {
  scopeVariables,
  periodCondition,
  ownerCondition,
  compileKpis,
  compileDocuments,
  MAX_LIST_SIZE,
  MAX_SUBQUERIES,
  OWNER_FIELDS
} from 'c/queryCompiler';
import {
  readResponse,
  responseErrors,
  toAggregateConnection,
  toRecordConnection
} from 'c/graphqlResults';
import { runAggregate, runRecordQuery, createIndex } from 'c/recordQueries';
import {
  flagPredicates,
  daysInStage,
  conversionRates,
  ratio,
  pipelineCoverage,
  pacing,
  forecastDeviation,
  salesCycle
} from 'c/metrics';
import { attainment, statusOf } from 'c/status';
import { buildHierarchy, sumParts, teamSubjectIds } from 'c/rollup';

/** Version of the review model's shape. */
export const MODEL_VERSION = 1;
/**
 * A plan never holds more documents than this (all sent at once, in one round trip); KPIs of the menu
 * that would need more are left out and listed in `plan.unplanned`.
 */
export const MAX_PLAN_DOCUMENTS = 8;
/**
 * The panels of a review, by the key each document's `panels` and each `model.unavailable` entry use:
 * a panel whose numbers read a subquery of a document is listed in that document's `panels`.
 */
export const PANEL_KEYS = [
  'scorecard',
  'rollup',
  'funnel',
  'trust',
  'top',
  'wonLost',
  'activity',
  'forecast',
  'actions'
];
const KPI_PANELS = ['scorecard', 'rollup'];
/** The panels that read each of the review's own needs (a need family for the per-month ones). */
const NEED_PANELS = {
  open: ['funnel', ...KPI_PANELS],
  closed: ['wonLost', 'forecast', ...KPI_PANELS],
  coverage: ['forecast', 'funnel', ...KPI_PANELS],
  created: ['activity', ...KPI_PANELS],
  pastCloseDate: ['trust', ...KPI_PANELS],
  notUpdated: ['trust', ...KPI_PANELS],
  earlyStageClosingSoon: ['trust', ...KPI_PANELS],
  stalled: ['trust', 'funnel', ...KPI_PANELS],
  moved: ['funnel', ...KPI_PANELS],
  events: ['activity', ...KPI_PANELS],
  calls: ['activity', ...KPI_PANELS],
  pastEvents: ['activity'],
  pastCalls: ['activity'],
  newCustomerEvents: ['activity', ...KPI_PANELS],
  newCustomerCalls: ['activity', ...KPI_PANELS],
  forecast: ['forecast', 'trust', ...KPI_PANELS],
  forecastWon: ['forecast', 'trust', ...KPI_PANELS],
  targets: ['forecast', 'activity', 'funnel', ...KPI_PANELS],
  conversion: ['funnel'],
  openList: ['top', 'funnel', 'trust', ...KPI_PANELS],
  closedList: ['wonLost', 'funnel', ...KPI_PANELS],
  actions: ['actions'],
  reviews: ['trust']
};

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
const SNOOZE_FIELD = 'SPM_Flag_Snoozed_Until__c';
const MINUTES_PER_HOUR = 60;
const ROUNDING = 10000;
const TRUST_LABELS = {
  forecastDeviation: 'Forecast deviation',
  pastCloseDate: 'Past close date',
  notUpdated: 'Not updated',
  earlyStageClosingSoon: 'Early stage closing soon',
  stalled: 'Stalled in stage',
  offersPastCheck: 'Offers past check date'
};
const TRUST_KEYS = [
  'forecastDeviation',
  'pastCloseDate',
  'notUpdated',
  'earlyStageClosingSoon',
  'stalled',
  'offersPastCheck'
];
/** Entries of every trend series (activity, data trust, forecast accuracy): oldest first. */
export const HISTORY_LENGTH = 6;
/** The forecast category counted as "commit" in the current period's forecast. */
const COMMIT_CATEGORY = 'Commit';
/** Objects whose review needs are filtered by `AccountId` in an account-scoped plan. */
const ACCOUNT_FIELDS = {
  Opportunity: 'AccountId',
  Task: 'AccountId',
  Event: 'AccountId',
  SPM_Action__c: 'Account__c'
};
/** Needs (or need families) an account-scoped plan drops: targets and forecasts belong to people. */
const PEOPLE_ONLY_NEEDS = ['targets', 'forecast', 'forecastWon', 'reviews'];
/** Fields of the past reviews read for the data-trust trend. */
const REVIEW_FIELDS = ['Subject_User__c', 'Review_Date__c', 'KPI_Snapshot__c'];

/** Fields of the opportunity lists: enough to show a deal and to evaluate every flag on it. */
export const DEAL_FIELDS = [
  'Name',
  'AccountId',
  'Account.Name',
  'OwnerId',
  'StageName',
  'Amount',
  'Probability',
  'CloseDate',
  'NextStep',
  'IsClosed',
  'IsWon',
  'CreatedDate',
  'LastModifiedDate',
  'LastStageChangeDate',
  'SPM_Offer_Check_Date__c',
  'SPM_Flag_Snoozed_Until__c',
  'SPM_Flag_Snooze_Reason__c'
];
/** Fields of the open-actions list. */
export const ACTION_FIELDS = [
  'Name',
  'OwnerId',
  'Due_Date__c',
  'Status__c',
  'KPI__c',
  'Opportunity__c',
  'Opportunity__r.Name',
  'Account__c',
  'Account__r.Name',
  'Review__c'
];

function round(value) {
  if (value === null || value === undefined || typeof value !== 'number') return value;
  const r = Math.round(value * ROUNDING) / ROUNDING;
  return r === 0 ? 0 : r;
}

function roundParts(parts) {
  const out = {};
  for (const [k, v] of Object.entries(parts)) out[k] = round(v);
  return out;
}

function fail(message) {
  throw new Error(`Review plan: ${message}`);
}

function checkInput(input) {
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

function builtinParam(kpis, builtin, param) {
  const kpi = kpis.find(
    (k) =>
      k.definition &&
      k.definition.measure === 'builtin' &&
      k.definition.builtin === builtin &&
      k.definition.params &&
      k.definition.params[param] !== undefined
  );
  return kpi ? kpi.definition.params[param] : undefined;
}

function pick(...values) {
  return values.find((v) => v !== undefined && v !== null);
}

function need(id, object, where, dims, measures, extra) {
  return {
    id,
    label: id,
    kind: 'aggregate',
    object,
    owner: OWNER_FIELDS[object] || null,
    where,
    dims,
    measures,
    priority: 0,
    panels: NEED_PANELS[(extra && extra.family) || id],
    ...extra
  };
}

function recordsNeed(id, object, where, fields, orderBy, first, priority) {
  return {
    id,
    label: id,
    kind: 'records',
    object,
    where,
    fields,
    orderBy: [...orderBy, { field: 'Id', order: 'ASC' }],
    first,
    priority,
    panels: NEED_PANELS[id]
  };
}

const COUNT = { fn: 'count', field: 'Id' };
const AMOUNT = { fn: 'sum', field: 'Amount' };

/**
 * Restricts a need to one account: Opportunity/Task/Event by AccountId, OpportunityHistory through its
 * opportunity, actions by Account__c. Needs on other objects are returned unchanged.
 */
function scopeNeedToAccount(n) {
  const condition = (field) => cmp(field, 'eq', variable('accountId'));
  if (ACCOUNT_FIELDS[n.object])
    return { ...n, where: and(n.where, condition(ACCOUNT_FIELDS[n.object])) };
  if (n.object === 'OpportunityHistory' && n.where && n.where.parent) {
    return {
      ...n,
      where: { ...n.where, parent: and(n.where.parent, condition(ACCOUNT_FIELDS.Opportunity)) }
    };
  }
  return n;
}

/** The last {@link HISTORY_LENGTH} complete months, oldest first (the last one is `forecastMonth`). */
function forecastMonthsOf(forecastMonth) {
  const months = [];
  for (let back = HISTORY_LENGTH - 1; back >= 0; back--)
    months.push(monthPeriod(addMonths(forecastMonth.start, -back)));
  return months;
}

/** Six periods of the review's type, oldest first, the last being the review period. */
function historyPeriodsOf(period, fy) {
  const periods = [period];
  while (periods.length < HISTORY_LENGTH) periods.unshift(previousPeriod(periods[0], fy));
  return periods.map((p) => ({ type: p.type, start: p.start, end: p.end, label: p.label }));
}

function newCustomerCondition() {
  return and(cmp('AccountId', 'ne', null), {
    field: 'AccountId',
    op: 'ninq',
    object: 'Opportunity',
    apiName: 'AccountId',
    where: and(cmp('IsWon', 'eq', true), cmp('CloseDate', 'lt', variable('periodStart')))
  });
}

/**
 * The review's own needs (besides the menu's KPIs): funnel, closed and created deals, coverage, the
 * data-trust flags (snoozed ones told apart by their snooze date), stage movement, activity, forecast,
 * targets, stage conversion, and the four lists. Open and coverage sum the weighted amount
 * (`ExpectedRevenue`), which the compiler computes from sums of Amount over sets of probabilities
 * (c/queryCompiler expandDerived), never reading the field.
 */
function coreNeeds(context) {
  const flags = flagConditions(context.stagePolicy);
  const calls = cmp('TaskSubtype', 'eq', 'Call');
  const weighted = { fn: 'sum', field: 'ExpectedRevenue' };
  const listSize = context.options.listSize;
  return [
    need(
      'open',
      'Opportunity',
      and(ownerCondition('Opportunity'), openCondition()),
      ['StageName'],
      [COUNT, AMOUNT, weighted]
    ),
    need(
      'closed',
      'Opportunity',
      and(
        ownerCondition('Opportunity'),
        cmp('IsClosed', 'eq', true),
        periodCondition('Opportunity', 'CloseDate')
      ),
      ['IsWon'],
      [COUNT, AMOUNT]
    ),
    need(
      'coverage',
      'Opportunity',
      and(
        ownerCondition('Opportunity'),
        openCondition(),
        cmp('CloseDate', 'gte', variable('asOf')),
        cmp('CloseDate', 'lte', variable('periodEnd'))
      ),
      ['ForecastCategoryName'],
      [COUNT, AMOUNT, weighted]
    ),
    need(
      'created',
      'Opportunity',
      and(ownerCondition('Opportunity'), periodCondition('Opportunity', 'CreatedDate')),
      [],
      [COUNT, AMOUNT]
    ),
    need(
      'pastCloseDate',
      'Opportunity',
      and(ownerCondition('Opportunity'), flags.pastCloseDate),
      [SNOOZE_FIELD],
      [COUNT, AMOUNT]
    ),
    need(
      'notUpdated',
      'Opportunity',
      and(ownerCondition('Opportunity'), flags.notUpdated),
      [SNOOZE_FIELD],
      [COUNT, AMOUNT]
    ),
    need(
      'earlyStageClosingSoon',
      'Opportunity',
      and(ownerCondition('Opportunity'), flags.earlyStageClosingSoon),
      [SNOOZE_FIELD],
      [COUNT, AMOUNT]
    ),
    need(
      'stalled',
      'Opportunity',
      and(ownerCondition('Opportunity'), flags.stalled),
      ['StageName', SNOOZE_FIELD],
      [COUNT, AMOUNT]
    ),
    need(
      'moved',
      'Opportunity',
      and(ownerCondition('Opportunity'), movedSinceCondition()),
      ['IsClosed', 'IsWon'],
      [COUNT, AMOUNT]
    ),
    need(
      'events',
      'Event',
      and(ownerCondition('Event'), periodCondition('Event', 'ActivityDate')),
      [],
      [COUNT, { fn: 'sum', field: 'DurationInMinutes' }]
    ),
    need(
      'calls',
      'Task',
      and(ownerCondition('Task'), calls, periodCondition('Task', 'ActivityDate')),
      [],
      [COUNT]
    ),
    need(
      'newCustomerEvents',
      'Event',
      and(
        ownerCondition('Event'),
        periodCondition('Event', 'ActivityDate'),
        newCustomerCondition()
      ),
      [],
      [COUNT]
    ),
    need(
      'newCustomerCalls',
      'Task',
      and(
        ownerCondition('Task'),
        calls,
        periodCondition('Task', 'ActivityDate'),
        newCustomerCondition()
      ),
      [],
      [COUNT]
    ),
    need(
      'forecast',
      'SPM_Forecast_Snapshot__c',
      and(
        ownerCondition('SPM_Forecast_Snapshot__c'),
        cmp('Month_Start__c', 'gte', variable('forecastMonthsStart')),
        cmp('Month_Start__c', 'lte', variable('forecastMonthStart'))
      ),
      ['Month_Start__c', 'Source__c'],
      [
        COUNT,
        { fn: 'sum', field: 'Commit_Amount__c' },
        { fn: 'sum', field: 'Weighted_Amount__c' },
        { fn: 'sum', field: 'Pipeline_Amount__c' }
      ]
    ),
    need(
      'targets',
      'SPM_Target__c',
      and(
        ownerCondition('SPM_Target__c', 'peopleIds'),
        cmp('Period_Start__c', 'gte', variable('periodStart')),
        cmp('Period_End__c', 'lte', variable('periodEnd'))
      ),
      ['KPI__c', 'Period_Type__c'],
      [COUNT, { fn: 'sum', field: 'Value__c' }],
      { local: context.targetsGiven }
    ),
    need(
      'conversion',
      'OpportunityHistory',
      {
        field: 'Opportunity',
        parent: and(
          ownerCondition('Opportunity'),
          cmp('IsClosed', 'eq', true),
          cmp('CloseDate', 'gte', variable('conversionStart')),
          cmp('CloseDate', 'lte', variable('asOf'))
        )
      },
      ['StageName'],
      [{ fn: 'countDistinct', field: 'OpportunityId' }]
    ),
    ...trendNeeds(context),
    recordsNeed(
      'openList',
      'Opportunity',
      and(ownerCondition('Opportunity'), openCondition()),
      DEAL_FIELDS,
      [{ field: 'Amount', order: 'DESC', nulls: 'LAST' }],
      listSize,
      0
    ),
    recordsNeed(
      'closedList',
      'Opportunity',
      and(
        ownerCondition('Opportunity'),
        cmp('IsClosed', 'eq', true),
        periodCondition('Opportunity', 'CloseDate')
      ),
      DEAL_FIELDS,
      [{ field: 'CloseDate', order: 'DESC', nulls: 'LAST' }],
      listSize,
      0
    ),
    recordsNeed(
      'actions',
      'SPM_Action__c',
      and(ownerCondition('SPM_Action__c'), cmp('Status__c', 'eq', 'Open')),
      ACTION_FIELDS,
      [{ field: 'Due_Date__c', order: 'ASC', nulls: 'LAST' }],
      listSize,
      0
    ),
    // Past reviews of the scope's people: their KPI_Snapshot__c gives the data-trust trend. The
    // lowest priority: it is the first subquery left out when the plan's documents are full.
    recordsNeed(
      'reviews',
      'SPM_Review__c',
      and(
        cmp('Subject_User__c', 'in', variable('peopleIds')),
        cmp('Review_Date__c', 'gte', variable('historyStart')),
        cmp('Review_Date__c', 'lte', variable('periodEnd'))
      ),
      REVIEW_FIELDS,
      [{ field: 'Review_Date__c', order: 'DESC', nulls: 'LAST' }],
      listSize,
      2
    )
  ];
}

/** Variable names of the bounds of the i-th forecast month and of the i-th past history period. */
const wonMonthStart = (i) => `wonMonth${i + 1}Start`;
const wonMonthEnd = (i) => `wonMonth${i + 1}End`;
const pastPeriodStart = (i) => `pastPeriod${i + 1}Start`;
const pastPeriodEnd = (i) => `pastPeriod${i + 1}End`;

/**
 * The needs of the trends, each with its own window: won deals in each of the six forecast months,
 * and (Month reviews) meetings and calls in each of the five months before the review's. One
 * subquery per month, filtered with `gte`/`lte` on the Date field and grouped by owner: the rows
 * grow with people × months, never with deals, and no date function is needed (the UI API takes
 * none on a Date field).
 */
function trendNeeds(context) {
  const between = (field, start, end) =>
    and(cmp(field, 'gte', variable(start)), cmp(field, 'lte', variable(end)));
  const won = context.forecastMonths.map((month, i) =>
    need(
      `forecastWon:${i}`,
      'Opportunity',
      and(
        ownerCondition('Opportunity'),
        cmp('IsWon', 'eq', true),
        between('CloseDate', wonMonthStart(i), wonMonthEnd(i))
      ),
      [],
      [COUNT, AMOUNT],
      { family: 'forecastWon', label: `forecastWon${i + 1}` }
    )
  );
  if (!context.activityByMonth) return won;
  const past = context.historyPeriods.slice(0, -1);
  const activity = past.flatMap((period, i) => [
    need(
      `pastEvents:${i}`,
      'Event',
      and(ownerCondition('Event'), between('ActivityDate', pastPeriodStart(i), pastPeriodEnd(i))),
      [],
      [COUNT, { fn: 'sum', field: 'DurationInMinutes' }],
      { family: 'pastEvents', label: `pastEvents${i + 1}` }
    ),
    need(
      `pastCalls:${i}`,
      'Task',
      and(
        ownerCondition('Task'),
        cmp('TaskSubtype', 'eq', 'Call'),
        between('ActivityDate', pastPeriodStart(i), pastPeriodEnd(i))
      ),
      [],
      [COUNT],
      { family: 'pastCalls', label: `pastCalls${i + 1}` }
    )
  ]);
  return [...won, ...activity];
}

function trendVariables(context) {
  const out = {};
  context.forecastMonths.forEach((month, i) => {
    out[wonMonthStart(i)] = { type: 'Date', value: month.start };
    out[wonMonthEnd(i)] = { type: 'Date', value: month.end };
  });
  context.historyPeriods.slice(0, -1).forEach((period, i) => {
    out[pastPeriodStart(i)] = { type: 'Date', value: period.start };
    out[pastPeriodEnd(i)] = { type: 'Date', value: period.end };
  });
  return out;
}

/**
 * Plans a review: which numbers, in which GraphQL documents. The documents are meant to be sent all
 * at once (one round trip): at most {@link MAX_PLAN_DOCUMENTS}, each of at most 10 subqueries of one
 * group ('core', 'activity' or 'joins', see c/queryCompiler SUBQUERY_GROUPS), so that a document the
 * org rejects blanks only the panels listed in its `panels`.
 * @param {object} input
 *   - `subjectUserIds` (required): the people reviewed; `users`: User records (Id, Name, ManagerId,
 *     Title) for names and the ManagerId hierarchy;
 *   - `kpis`: the KPI menu (SPM_KPI__c records or config entries); `stagePolicy`: its stages;
 *   - `asOf` (required, 'YYYY-MM-DD'), `orgTimeZone`, `fiscalYearStartMonth`, `currency`;
 *   - `periodType`: 'Year', 'Quarter', 'Month' (default) or 'Week'; `lastReviewDate` (default: the
 *     day before the period);
 *   - `accountId`: scopes every number to one account (no targets, no forecast);
 *   - `targets`: SPM_Target__c records given instead of queried;
 *   - `options`: staleDays, closingSoonDays, forecastBasis ('commit' | 'weighted'),
 *     conversionWindowMonths, topN, listSize (≤ 200), wonStages, lostStages
 * @returns {object} plan: `{ version, context, people, kpis, documents, specs, variables, unplanned,
 *   localRecords }`, each document `{ operationName, query, variables, aliases, group, panels }`
 *   (`group` 'core' | 'activity' | 'joins'; `panels` from {@link PANEL_KEYS}), `unplanned` the menu
 *   KPIs left out `{ key, reason }`
 */
export function buildReviewPlan(input) {
  const periodType = checkInput(input);
  const kpis = normalizeKpis(input.kpis || []).filter((k) => k.active !== false);
  const given = input.options || {};
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
  const fy = input.fiscalYearStartMonth || 1;
  const period = periodContaining(/** @type {any} */ (periodType), input.asOf, fy);
  const elapsed = periodElapsed(period, input.asOf);
  const lastReviewDate = input.lastReviewDate || addDays(period.start, -1);
  const forecastMonth = monthPeriod(addDays(monthStart(input.asOf), -1));
  const forecastMonths = forecastMonthsOf(forecastMonth);
  const accountId = input.accountId || null;
  const conversionWindow = {
    start: addDays(addMonths(input.asOf, -options.conversionWindowMonths), 1),
    end: input.asOf
  };
  const people = buildHierarchy(input.users || [], input.subjectUserIds);
  const stagePolicy = normalizeStagePolicy(input.stagePolicy || []);
  const context = {
    subjectUserIds: [...input.subjectUserIds],
    peopleIds: people.map((p) => p.userId),
    asOf: input.asOf,
    orgTimeZone: input.orgTimeZone || 'UTC',
    fiscalYearStartMonth: fy,
    currency: input.currency || null,
    period: { ...period, ...elapsed },
    previousPeriod: previousPeriod(period, fy),
    lastReviewDate,
    forecastMonth,
    forecastMonths,
    historyPeriods: historyPeriodsOf(period, fy),
    accountId,
    conversionWindow,
    stagePolicy,
    staleDays: options.staleDays,
    closingSoonDays: options.closingSoonDays,
    options,
    // An account-scoped review has no targets (they belong to people): none are queried.
    targetsGiven: Array.isArray(input.targets) || Boolean(accountId),
    // The activity trend (meetings, hours, calls of the five months before) of a Month review.
    activityByMonth: periodType === 'Month'
  };
  const menu = compileKpis(kpis, context);
  const variables = {
    ...scopeVariables(context),
    ...conditionVariables(context),
    ...menu.variables,
    ...trendVariables(context),
    forecastMonthStart: { type: 'Date', value: forecastMonth.start },
    forecastMonthEnd: { type: 'Date', value: forecastMonth.end },
    forecastMonthsStart: { type: 'Date', value: forecastMonths[0].start },
    historyStart: { type: 'Date', value: context.historyPeriods[0].start },
    conversionStart: { type: 'Date', value: conversionWindow.start },
    ...(accountId ? { accountId: { type: 'ID', value: accountId } } : {})
  };
  const menuNeeds = menu.needs.map((n) => ({ ...n, panels: KPI_PANELS }));
  let needs = [...coreNeeds(context), ...menuNeeds];
  if (accountId) {
    needs = needs
      .filter((n) => !PEOPLE_ONLY_NEEDS.includes(n.family || n.id))
      .map(scopeNeedToAccount);
  }
  const remote = needs.filter((n) => !n.local);
  const local = needs.filter((n) => n.local);
  const compiled = compileDocuments(remote, variables, {
    operationPrefix: 'spmReview',
    maxDocuments: MAX_PLAN_DOCUMENTS
  });
  const localSpecs = compileDocuments(local, variables, { operationPrefix: 'spmLocal' }).specs.map(
    (s) => ({ ...s, local: true, document: -1 })
  );
  const documents = compiled.documents.map((document) => ({
    ...document,
    panels: panelsOf(compiled.specs.filter((spec) => document.aliases.includes(spec.alias)))
  }));
  const droppedNeeds = new Set(compiled.dropped.flatMap((s) => s.consumers.map((c) => c.need.id)));
  const unplanned = kpis
    .filter((k) => droppedNeeds.has(`kpi:${k.key}`))
    .map((k) => ({
      key: k.key,
      reason: `not loaded: the review already sends ${MAX_PLAN_DOCUMENTS} documents of up to ${MAX_SUBQUERIES} subqueries`
    }));
  return {
    version: MODEL_VERSION,
    context,
    people,
    kpis,
    documents,
    specs: [...compiled.specs, ...localSpecs],
    variables,
    unplanned,
    localRecords: context.targetsGiven
      ? { SPM_Target__c: accountId ? [] : input.targets || [] }
      : {}
  };
}

/** The panels whose numbers read any of these specs, in PANEL_KEYS order. */
function panelsOf(specs) {
  const read = new Set();
  for (const spec of specs)
    for (const consumer of spec.consumers) for (const p of consumer.need.panels || []) read.add(p);
  return PANEL_KEYS.filter((p) => read.has(p));
}

function subqueriesOf(plan) {
  const out = {};
  for (const spec of plan.specs) out[spec.alias] = { kind: spec.kind, object: spec.object };
  return out;
}

function runLocalSpecs(plan, data, results) {
  const index = createIndex(data);
  for (const spec of plan.specs) {
    if (!spec.local) continue;
    results[spec.alias] =
      spec.kind === 'records'
        ? runRecordQuery(spec, data, plan.variables, index)
        : runAggregate(spec, data, plan.variables, index);
  }
}

/**
 * Why some subqueries of a document failed: the org's messages about them (an error whose path names
 * one of them), else every message of the response, else that the response lacks them; and the
 * messages about something else (`others`), which the model keeps as warnings.
 */
function failureReason(response, failedAliases) {
  const errors = (response && response.errors) || [];
  const about = errors.filter(
    (e) => Array.isArray(e.path) && e.path.some((part) => failedAliases.includes(part))
  );
  const others = about.length
    ? responseErrors({ errors: errors.filter((e) => !about.includes(e)) })
    : [];
  const messages = responseErrors({ errors: about.length ? about : errors });
  if (!messages.length)
    return { reason: `the response holds no data for ${failedAliases.join(', ')}`, others };
  return { reason: [...new Set(messages)].join('; '), others };
}

/**
 * The review model from the GraphQL responses to `plan.documents` (same order), each `{ data, errors }`.
 *
 * A document has failed when its response has errors and no data (the org rejected the whole
 * document, e.g. a field the user cannot see), and some of its subqueries have failed when they are
 * missing or null in the data. The model is built without the failed subqueries and says what is
 * missing: `model.unavailable` lists each failed document (`operationName`, `group`, the `panels`
 * whose numbers read the failed subqueries, and the org's `reason`), and every KPI cell whose number
 * reads a failed subquery has `value: null` and `unavailable: <reason>`. Errors that did not stop
 * any subquery become warnings.
 * @param {object} plan from {@link buildReviewPlan}
 * @param {Array<{ data?: object, errors?: Array<object> }>} responses
 * @returns {object} review model
 * @throws {Error} when every document failed: its message names each document and reason, and its
 *   `errors` holds the GraphQL errors of all the responses
 */
export function reviewModelFromResponses(plan, responses) {
  if (!Array.isArray(responses) || responses.length !== plan.documents.length) {
    fail(
      `expected ${plan.documents.length} responses, got ${Array.isArray(responses) ? responses.length : typeof responses}`
    );
  }
  const subqueries = subqueriesOf(plan);
  const results = {};
  const warnings = [];
  const unavailable = [];
  const wholeFailures = [];
  plan.documents.forEach((document, i) => {
    const response = responses[i] || {};
    const messages = responseErrors(response);
    const read = readResponse(document, response, subqueries);
    const failedAliases =
      messages.length && !response.data
        ? document.aliases
        : document.aliases.filter((alias) => read[alias].missing);
    if (!failedAliases.length) {
      for (const m of messages) warnings.push(`${document.operationName}: ${m}`);
      Object.assign(results, read);
      return;
    }
    const { reason, others } = failureReason(response, failedAliases);
    for (const m of others) warnings.push(`${document.operationName}: ${m}`);
    for (const alias of document.aliases)
      results[alias] = failedAliases.includes(alias)
        ? { ...read[alias], failed: reason }
        : read[alias];
    unavailable.push({
      operationName: document.operationName,
      group: document.group,
      panels: panelsOf(plan.specs.filter((spec) => failedAliases.includes(spec.alias))),
      reason
    });
    if (failedAliases.length === document.aliases.length)
      wholeFailures.push({ document, reason, errors: response.errors || [] });
  });
  if (wholeFailures.length === plan.documents.length) {
    const err = new Error(
      wholeFailures.map((f) => `${f.document.operationName} failed: ${f.reason}`).join('; ')
    );
    // @ts-ignore the GraphQL errors travel with the Error for reduceErrors-style helpers
    err.errors = wholeFailures.flatMap((f) => f.errors);
    throw err;
  }
  runLocalSpecs(plan, plan.localRecords || {}, results);
  return buildModel(plan, results, warnings, unavailable);
}

/**
 * The review model computed from plain records (same specs, run locally): the numbers equal those from
 * the org's responses for the same data.
 * @param {object} plan from {@link buildReviewPlan}
 * @param {Object<string, Array<object>>} records by object API name (a sample-data file's `records`)
 * @returns {object} review model
 */
export function reviewModelFromRecords(plan, records) {
  const results = {};
  const index = createIndex(records);
  for (const spec of plan.specs) {
    if (spec.local) continue;
    results[spec.alias] =
      spec.kind === 'records'
        ? runRecordQuery(spec, records, plan.variables, index)
        : runAggregate(spec, records, plan.variables, index);
  }
  runLocalSpecs(plan, plan.localRecords || {}, results);
  return buildModel(plan, results, [], []);
}

/**
 * What the org answers to each document of a plan, computed from plain records with the same specs
 * (`c/recordQueries`), in the UI API's JSON shape under the document's aliases: for benchmarks and
 * test fixtures, where no org answers.
 * @param {object} plan from {@link buildReviewPlan}
 * @param {Object<string, Array<object>>} records by object API name
 * @returns {Array<{ data: { uiapi: { aggregate?: object, query?: object } }, errors: Array<object> }>}
 */
export function responsesFromRecords(plan, records) {
  const index = createIndex(records);
  return plan.documents.map((document) => {
    const uiapi = {};
    for (const spec of plan.specs) {
      if (spec.local || !document.aliases.includes(spec.alias)) continue;
      if (spec.kind === 'records') {
        const result = runRecordQuery(spec, records, plan.variables, index);
        uiapi.query = uiapi.query || {};
        uiapi.query[spec.alias] = toRecordConnection(
          result.records,
          spec.object,
          result.hasNextPage
        );
      } else {
        const result = runAggregate(spec, records, plan.variables, index);
        uiapi.aggregate = uiapi.aggregate || {};
        uiapi.aggregate[spec.alias] = toAggregateConnection(
          result.rows,
          spec.object,
          result.hasNextPage
        );
      }
    }
    return { data: { uiapi }, errors: [] };
  });
}

/**
 * Plans and computes a review from a sample-data file (`{ meta, records }`, as `npm run sample-data`
 * writes it), as `report --data` does.
 * @param {{ meta: object, records: Object<string, Array<object>> }} dataSet
 * @param {{ subjectUserIds?: string[], managerId?: string, periodType?: string, lastReviewDate?: string|null,
 *           asOf?: string, kpis?: Array<object>, stagePolicy?: Array<object>, options?: object }} options
 * @returns {{ plan: object, model: object }}
 */
export function reviewModelFromDataSet(dataSet, options) {
  const opts = options || {};
  const meta = dataSet.meta || {};
  const records = dataSet.records || {};
  const users = records.User || [];
  let subjects = opts.subjectUserIds;
  if (!subjects && opts.managerId) {
    subjects = teamSubjectIds(
      users,
      opts.managerId,
      (records.Opportunity || []).map((o) => o.OwnerId)
    );
  }
  if (!subjects || !subjects.length) fail('give subjectUserIds or the managerId of a team');
  const kpiRecords =
    records.SPM_KPI__c && records.SPM_KPI__c.length ? records.SPM_KPI__c : opts.kpis;
  const policy =
    records.SPM_Stage_Policy__c && records.SPM_Stage_Policy__c.length
      ? records.SPM_Stage_Policy__c
      : opts.stagePolicy;
  const plan = buildReviewPlan({
    subjectUserIds: subjects,
    users,
    kpis: kpiRecords || [],
    stagePolicy: policy || [],
    asOf: opts.asOf || meta.asOf,
    orgTimeZone: meta.orgTimeZone,
    fiscalYearStartMonth: meta.fiscalYearStartMonth,
    currency: meta.currency,
    periodType: opts.periodType || 'Month',
    lastReviewDate: opts.lastReviewDate,
    targets: records.SPM_Target__c || [],
    accountId: opts.accountId,
    options: opts.options
  });
  return { plan, model: reviewModelFromRecords(plan, records) };
}

/* ------------------------------------------------------------------ model building */

/**
 * Each need's answer: its spec, the groups it reads (`select`) and the spec's result. A need with a
 * derived measure (c/queryCompiler expandDerived) also reads its parts' rows, turned into rows that
 * hold only their groups and the derived column, so sums over its rows include the derived measure.
 */
function consumersByNeed(plan, results) {
  const out = new Map();
  const parts = [];
  for (const spec of plan.specs) {
    const result =
      results[spec.alias] ||
      (spec.kind === 'records'
        ? { records: [], hasNextPage: false }
        : { rows: [], hasNextPage: false });
    for (const consumer of spec.consumers) {
      const entry = { spec, select: consumer.select, result };
      if (consumer.need.partOf) parts.push({ part: consumer.need, entry });
      else out.set(consumer.need.id, entry);
    }
  }
  for (const { part, entry } of parts) {
    const { key, from, multiplier, divisor } = part.derived;
    const rows = rowsOf(entry).map((row) => {
      const groups = {};
      for (const [k, v] of Object.entries(row)) if (!k.includes('(')) groups[k] = v;
      const value = row[from];
      groups[key] = typeof value === 'number' ? (value * multiplier) / divisor : null;
      return groups;
    });
    let parent = out.get(part.partOf);
    if (!parent) {
      // Only derived measures: the need is answered by its parts alone.
      parent = { spec: entry.spec, select: {}, result: { rows: [], hasNextPage: false } };
      out.set(part.partOf, parent);
    }
    parent.derivedRows = [...(parent.derivedRows || []), ...rows];
  }
  return out;
}

/** Need id → the reason its subquery failed (a need with parts fails with any of them). */
function failedNeedsOf(plan, results) {
  const out = new Map();
  for (const spec of plan.specs) {
    const result = results[spec.alias];
    if (!result || !result.failed) continue;
    for (const consumer of spec.consumers) {
      out.set(consumer.need.id, result.failed);
      if (consumer.need.partOf) out.set(consumer.need.partOf, result.failed);
    }
  }
  return out;
}

function rowsOf(entry) {
  if (!entry) return [];
  const { select, result } = entry;
  const keys = Object.keys(select);
  const matches = (row, k) => {
    if (Array.isArray(select[k])) return select[k].includes(row[k]);
    return row[k] === select[k];
  };
  const own = (result.rows || []).filter((row) => keys.every((k) => matches(row, k)));
  return entry.derivedRows ? [...own, ...entry.derivedRows] : own;
}

/** A need's rows grouped by owner, computed once per need (KPIs read them for every person). */
function rowsByOwner(entry) {
  if (!entry.byOwner) entry.byOwner = groupRows(rowsOf(entry), entry.spec.owner);
  return entry.byOwner;
}

function num(value) {
  return typeof value === 'number' ? value : 0;
}

function sumRows(rows, key) {
  let total = 0;
  for (const row of rows) total += num(row[key]);
  return total;
}

function groupRows(rows, field) {
  const out = new Map();
  for (const row of rows) {
    const key = row[field];
    if (!out.has(key)) out.set(key, []);
    out.get(key).push(row);
  }
  return out;
}

function isSnoozedValue(value, asOf) {
  return typeof value === 'string' && value >= asOf;
}

function kpiValueFromParts(kpi, parts, target, context) {
  const def = kpi.definition || {};
  const scale = def.scale === undefined ? 1 : def.scale;
  switch (def.measure) {
    case 'count':
      return num(parts.count) * scale;
    case 'sum':
      return num(parts.sum) * scale;
    case 'avg':
      return ratio(parts.sum, parts.n, scale);
    case 'ratio':
      return ratio(parts.numerator, parts.denominator, scale);
    default:
      break;
  }
  switch (def.builtin) {
    case 'forecastDeviation':
      return parts.forecast ? forecastDeviation(parts.won, parts.forecast) : null;
    case 'coverage':
      return pipelineCoverage(parts.open, target, parts.won);
    case 'pacing':
      return pacing(parts.actual, target, context.period.fraction);
    case 'salesCycle':
      return ratio(parts.days, parts.deals);
    default:
      return num(parts.count);
  }
}

function buildModel(plan, results, warnings, unavailable) {
  const { context, people, kpis } = plan;
  const asOf = context.asOf;
  const needs = consumersByNeed(plan, results);
  const failedNeeds = failedNeedsOf(plan, results);
  for (const spec of plan.specs) {
    const result = results[spec.alias];
    if (spec.kind === 'aggregate' && result && result.hasNextPage) {
      warnings.push(
        `${spec.alias}: more than ${spec.first} groups; totals cover the first ${spec.first} only`
      );
    }
  }
  const subjects = context.subjectUserIds;
  const byOwner = (needId) => {
    const entry = needs.get(needId);
    const owner = entry && entry.spec.owner;
    return owner ? groupRows(rowsOf(entry), owner) : new Map();
  };
  const ownerRows = (map, userId) => map.get(userId) || [];
  const userName = new Map(people.map((p) => [p.userId, p.name]));

  // Base quantities per subject.
  const open = byOwner('open');
  const closed = byOwner('closed');
  const coverage = byOwner('coverage');
  const created = byOwner('created');
  const moved = byOwner('moved');
  const events = byOwner('events');
  const calls = byOwner('calls');
  const pastEvents = context.historyPeriods.slice(0, -1).map((p, i) => byOwner(`pastEvents:${i}`));
  const pastCalls = context.historyPeriods.slice(0, -1).map((p, i) => byOwner(`pastCalls:${i}`));
  const newEvents = byOwner('newCustomerEvents');
  const newCalls = byOwner('newCustomerCalls');
  const forecast = byOwner('forecast');
  const forecastWon = context.forecastMonths.map((m, i) => byOwner(`forecastWon:${i}`));
  const flagMaps = {};
  for (const key of ['pastCloseDate', 'notUpdated', 'earlyStageClosingSoon', 'stalled'])
    flagMaps[key] = byOwner(key);

  const lists = buildLists(plan, needs, userName);
  const basisField =
    context.options.forecastBasis === 'weighted'
      ? 'sum(Weighted_Amount__c)'
      : 'sum(Commit_Amount__c)';
  // One subject's forecast snapshot and won amount for forecast month i (null forecast: no snapshot).
  const monthFigures = (userId, i) => {
    const month = context.forecastMonths[i];
    const snapshots = ownerRows(forecast, userId).filter((r) => r.Month_Start__c === month.start);
    const sources = new Set(snapshots.map((r) => r.Source__c || null));
    return {
      forecast: snapshots.length ? sumRows(snapshots, basisField) : null,
      won: sumRows(ownerRows(forecastWon[i], userId), 'sum(Amount)'),
      sources
    };
  };
  const lastMonth = context.forecastMonths.length - 1;

  const base = new Map();
  for (const userId of subjects) {
    const flags = {};
    for (const key of Object.keys(flagMaps)) {
      const rows = ownerRows(flagMaps[key], userId);
      const active = rows.filter((r) => !isSnoozedValue(r[SNOOZE_FIELD], asOf));
      flags[key] = {
        count: sumRows(active, 'count(Id)'),
        amount: sumRows(active, 'sum(Amount)'),
        snoozed: sumRows(rows, 'count(Id)') - sumRows(active, 'count(Id)')
      };
    }
    const offers = lists.open.filter(
      (d) => d.OwnerId === userId && d.flags.includes('offerPastCheck')
    );
    flags.offerPastCheck = {
      count: offers.filter((d) => !d.snoozed).length,
      amount: offers.filter((d) => !d.snoozed).reduce((t, d) => t + (d.Amount || 0), 0),
      snoozed: offers.filter((d) => d.snoozed).length
    };
    const openRows = ownerRows(open, userId);
    const movedRows = ownerRows(moved, userId);
    const closedRows = ownerRows(closed, userId);
    const movedOpen = sumRows(
      movedRows.filter((r) => r.IsClosed === false),
      'count(Id)'
    );
    const won = closedRows.filter((r) => r.IsWon === true);
    const cycle = salesCycle(
      lists.closed.filter((d) => d.OwnerId === userId),
      context.orgTimeZone
    );
    base.set(userId, {
      openCount: sumRows(openRows, 'count(Id)'),
      openAmount: sumRows(openRows, 'sum(Amount)'),
      openWeighted: sumRows(openRows, 'sum(ExpectedRevenue)'),
      openByStage: groupRows(openRows, 'StageName'),
      wonCount: sumRows(won, 'count(Id)'),
      wonAmount: sumRows(won, 'sum(Amount)'),
      closedCount: sumRows(closedRows, 'count(Id)'),
      coverageOpen: sumRows(ownerRows(coverage, userId), 'sum(Amount)'),
      createdCount: sumRows(ownerRows(created, userId), 'count(Id)'),
      createdAmount: sumRows(ownerRows(created, userId), 'sum(Amount)'),
      flags,
      stalledByStage: groupRows(
        ownerRows(flagMaps.stalled, userId).filter((r) => !isSnoozedValue(r[SNOOZE_FIELD], asOf)),
        'StageName'
      ),
      movedOpen,
      movedWon: sumRows(
        movedRows.filter((r) => r.IsClosed === true && r.IsWon === true),
        'count(Id)'
      ),
      movedLost: sumRows(
        movedRows.filter((r) => r.IsClosed === true && r.IsWon !== true),
        'count(Id)'
      ),
      meetings: sumRows(ownerRows(events, userId), 'count(Id)'),
      minutes: sumRows(ownerRows(events, userId), 'sum(DurationInMinutes)'),
      calls: sumRows(ownerRows(calls, userId), 'count(Id)'),
      newCustomerContacts:
        sumRows(ownerRows(newEvents, userId), 'count(Id)') +
        sumRows(ownerRows(newCalls, userId), 'count(Id)'),
      forecast: monthFigures(userId, lastMonth).forecast,
      forecastWon: monthFigures(userId, lastMonth).won,
      months: context.forecastMonths.map((month, i) => monthFigures(userId, i)),
      commitRest: sumRows(
        ownerRows(coverage, userId).filter((r) => r.ForecastCategoryName === COMMIT_CATEGORY),
        'sum(Amount)'
      ),
      weightedRest: sumRows(ownerRows(coverage, userId), 'sum(ExpectedRevenue)'),
      // Activity of each past period (null when the plan has no activity trend).
      activityByPeriod: context.historyPeriods.slice(0, -1).map((p, i) => {
        if (!context.activityByMonth) return null;
        return {
          meetings: sumRows(ownerRows(pastEvents[i], userId), 'count(Id)'),
          minutes: sumRows(ownerRows(pastEvents[i], userId), 'sum(DurationInMinutes)'),
          calls: sumRows(ownerRows(pastCalls[i], userId), 'count(Id)')
        };
      }),
      cycle
    });
  }

  const targetIndex = buildTargetIndex(needs, kpis, context);
  const kpiModel = buildKpis(plan, needs, base, targetIndex, lists, failedNeeds);
  const funnelModel = buildFunnel(plan, needs, base);
  const forecastModel = buildForecast(context, subjects, base, kpiModel, plan.kpis);
  const trust = buildTrust(
    plan,
    base,
    kpiModel,
    forecastModel,
    lists,
    needs.get('reviews'),
    failedNeeds
  );
  const movement = buildMovement(subjects, base);
  const activityModel = buildActivity(context, subjects, base, failedNeeds);

  return {
    version: MODEL_VERSION,
    scope: {
      subjectUserIds: subjects,
      accountId: context.accountId,
      asOf,
      orgTimeZone: context.orgTimeZone,
      fiscalYearStartMonth: context.fiscalYearStartMonth,
      currency: context.currency,
      lastReviewDate: context.lastReviewDate,
      period: {
        type: context.period.type,
        start: context.period.start,
        end: context.period.end,
        label: context.period.label,
        daysTotal: context.period.daysTotal,
        daysElapsed: context.period.daysElapsed,
        fraction: round(context.period.fraction)
      },
      previousPeriod: {
        type: context.previousPeriod.type,
        start: context.previousPeriod.start,
        end: context.previousPeriod.end,
        label: context.previousPeriod.label
      },
      forecastMonth: context.forecastMonth,
      conversionWindow: context.conversionWindow
    },
    people: people.map((p) => ({ ...p, teamUserIds: [...p.teamUserIds] })),
    kpis: kpiModel,
    funnel: funnelModel,
    trust,
    movement,
    activity: activityModel,
    forecast: forecastModel,
    lists: {
      top: lists.open.slice(0, context.options.topN),
      open: lists.open,
      flagged: lists.open.filter((d) => d.flags.length > 0),
      offersPastCheck: lists.open.filter((d) => d.flags.includes('offerPastCheck')),
      moved: [
        ...lists.open.filter((d) => d.movedSinceReview),
        ...lists.closed.filter((d) => d.movedSinceReview)
      ],
      notMoved: lists.open.filter((d) => !d.movedSinceReview),
      closed: lists.closed,
      actions: lists.actions,
      complete: lists.complete
    },
    unplanned: plan.unplanned,
    unavailable,
    warnings
  };
}

function buildLists(plan, needs, userName) {
  const { context } = plan;
  const predicates = flagPredicates(context);
  const toDeal = (record) => {
    const flags = FLAG_KEYS.filter((key) => predicates[key](record));
    return {
      Id: record.Id,
      Name: record.Name === undefined ? null : record.Name,
      AccountId: record.AccountId || null,
      AccountName: record.Account ? record.Account.Name || null : null,
      OwnerId: record.OwnerId || null,
      OwnerName: userName.get(record.OwnerId) || null,
      StageName: record.StageName || null,
      Amount: record.Amount === undefined ? null : record.Amount,
      Probability: record.Probability === undefined ? null : record.Probability,
      weighted:
        record.Amount !== null &&
        record.Amount !== undefined &&
        record.Probability !== null &&
        record.Probability !== undefined
          ? round((record.Amount * record.Probability) / 100)
          : null,
      CloseDate: record.CloseDate || null,
      NextStep: record.NextStep || null,
      CreatedDate: record.CreatedDate || null,
      LastModifiedDate: record.LastModifiedDate || null,
      LastStageChangeDate: record.LastStageChangeDate || null,
      IsClosed: record.IsClosed === true,
      IsWon: record.IsWon === true,
      SPM_Offer_Check_Date__c: record.SPM_Offer_Check_Date__c || null,
      SPM_Flag_Snoozed_Until__c: record.SPM_Flag_Snoozed_Until__c || null,
      SPM_Flag_Snooze_Reason__c: record.SPM_Flag_Snooze_Reason__c || null,
      flags,
      snoozed: predicates.snoozed(record),
      movedSinceReview: predicates.moved(record),
      daysInStage: daysInStage(record, context)
    };
  };
  const listOf = (id) => {
    const entry = needs.get(id);
    return entry ? entry.result : { records: [], hasNextPage: false };
  };
  const openResult = listOf('openList');
  const closedResult = listOf('closedList');
  const actionResult = listOf('actions');
  const kpiKeyById = new Map(plan.kpis.filter((k) => k.id).map((k) => [k.id, k.key]));
  const actions = (actionResult.records || []).map((r) => ({
    Id: r.Id,
    Name: r.Name || null,
    OwnerId: r.OwnerId || null,
    OwnerName: userName.get(r.OwnerId) || null,
    Due_Date__c: r.Due_Date__c || null,
    Status__c: r.Status__c || null,
    KPI__c: r.KPI__c || null,
    kpiKey: kpiKeyById.get(r.KPI__c) || null,
    Opportunity__c: r.Opportunity__c || null,
    OpportunityName: r.Opportunity__r ? r.Opportunity__r.Name || null : null,
    Account__c: r.Account__c || null,
    AccountName: r.Account__r ? r.Account__r.Name || null : null,
    Review__c: r.Review__c || null,
    overdue: Boolean(r.Due_Date__c) && r.Due_Date__c < context.asOf
  }));
  return {
    open: (openResult.records || []).map(toDeal),
    closed: (closedResult.records || []).map(toDeal),
    actions,
    complete: {
      open: !openResult.hasNextPage,
      closed: !closedResult.hasNextPage,
      actions: !actionResult.hasNextPage
    }
  };
}

const TYPE_ORDER = ['Year', 'Quarter', 'Month', 'Week'];

function buildTargetIndex(needs, kpis, context) {
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
function ratioBuiltinTarget(kpi) {
  const def = kpi.definition || {};
  if (typeof def.target === 'number') return def.target;
  const green = kpi.thresholds ? kpi.thresholds.green : undefined;
  return typeof green === 'number' ? green : null;
}

function targetBaseKpi(kpi, byKey) {
  const def = kpi.definition || {};
  if (def.measure === 'builtin' && (def.builtin === 'coverage' || def.builtin === 'pacing'))
    return byKey.get(def.params.kpi) || null;
  return kpi;
}

/** The builtins whose numbers come from one need of the same name (the data-trust flags). */
const FLAG_BUILTINS = ['pastCloseDate', 'notUpdated', 'earlyStageClosingSoon', 'stalled'];

/**
 * The needs a KPI's cell reads: its own subquery or those of its parts, and the targets (its target,
 * attainment and status, and the value of coverage and pacing, read them).
 */
function kpiNeedIds(kpi, byKey, context, seen) {
  const def = kpi.definition || {};
  const visited = seen || new Set();
  if (visited.has(kpi.key)) return [];
  visited.add(kpi.key);
  const of = (key) => (byKey.has(key) ? kpiNeedIds(byKey.get(key), byKey, context, visited) : []);
  let ids;
  if (def.measure === 'count' || def.measure === 'sum' || def.measure === 'avg')
    ids = [`kpi:${kpi.key}`];
  else if (def.measure === 'ratio') ids = [...of(def.numerator), ...of(def.denominator)];
  else if (FLAG_BUILTINS.includes(def.builtin)) ids = [def.builtin];
  else if (def.builtin === 'offersPastCheck') ids = ['openList'];
  else if (def.builtin === 'movedSinceReview') ids = ['moved'];
  else if (def.builtin === 'notMovedSinceReview') ids = ['open', 'moved'];
  else if (def.builtin === 'newCustomerContacts') ids = ['newCustomerEvents', 'newCustomerCalls'];
  else if (def.builtin === 'forecastDeviation')
    ids = ['forecast', `forecastWon:${context.forecastMonths.length - 1}`];
  else if (def.builtin === 'coverage') ids = ['coverage', ...of(def.params && def.params.kpi)];
  else if (def.builtin === 'pacing') ids = of(def.params && def.params.kpi);
  else if (def.builtin === 'salesCycle') ids = ['closedList'];
  else ids = [];
  return [...ids, 'targets'];
}

function buildKpis(plan, needs, base, targetIndex, lists, failedNeeds) {
  const { context, people, kpis } = plan;
  const byKey = new Map(kpis.map((k) => [k.key, k]));
  const unplanned = new Set(plan.unplanned.map((u) => u.key));
  // Why a KPI's number is unavailable (a subquery it reads failed), or null.
  const unavailableReason = (kpi) => {
    const reasons = kpiNeedIds(kpi, byKey, context)
      .filter((id) => failedNeeds.has(id))
      .map((id) => failedNeeds.get(id));
    return reasons.length ? [...new Set(reasons)].join('; ') : null;
  };
  const subjects = context.subjectUserIds;
  const partsCache = new Map();

  const partsOf = (kpi, userId) => {
    const cacheKey = `${kpi.key}|${userId}`;
    if (partsCache.has(cacheKey)) return partsCache.get(cacheKey);
    const def = kpi.definition || {};
    const b = base.get(userId);
    let parts;
    if (def.measure === 'count' || def.measure === 'sum' || def.measure === 'avg') {
      const entry = needs.get(`kpi:${kpi.key}`);
      const rows = entry ? rowsByOwner(entry).get(userId) || [] : [];
      if (def.measure === 'count') parts = { count: sumRows(rows, 'count(Id)') };
      else if (def.measure === 'sum') parts = { sum: sumRows(rows, `sum(${def.field})`) };
      else
        parts = {
          sum: sumRows(rows, `sum(${def.field})`),
          n: sumRows(rows, `count(${def.field})`)
        };
    } else if (def.measure === 'ratio') {
      const numKpi = byKey.get(def.numerator);
      const denKpi = byKey.get(def.denominator);
      parts = {
        numerator: numKpi
          ? kpiValueFromParts(numKpi, partsOf(numKpi, userId), null, context)
          : null,
        denominator: denKpi
          ? kpiValueFromParts(denKpi, partsOf(denKpi, userId), null, context)
          : null
      };
    } else {
      parts = builtinParts(def, b, userId, byKey, partsOf, context, lists);
    }
    partsCache.set(cacheKey, parts);
    return parts;
  };

  // Coverage and pacing use their base KPI's target (sales won, …); every other KPI its own.
  const targetCache = new Map();
  const ownTarget = (kpi, userId) => {
    const cacheKey = `${kpi.key}|${userId}`;
    if (!targetCache.has(cacheKey)) {
      const targetKpi = targetBaseKpi(kpi, byKey);
      targetCache.set(cacheKey, targetKpi ? targetIndex.own(userId, targetKpi) : null);
    }
    return targetCache.get(cacheKey);
  };
  const teamTarget = (kpi, team, leaderId) => {
    const own = leaderId ? ownTarget(kpi, leaderId) : null;
    if (own !== null) return own;
    const targetKpi = targetBaseKpi(kpi, byKey);
    if (!targetKpi || !isAdditive(targetKpi)) return null;
    const values = team.map((id) => ownTarget(kpi, id)).filter((v) => v !== null);
    return values.length ? values.reduce((t, v) => t + v, 0) : null;
  };

  const cell = (kpi, parts, target, unavailable) => {
    const def = kpi.definition || {};
    // Coverage and pacing are computed against their base KPI's target (sales won, …), but that
    // target is not theirs: they show their own goal (definition.target, else the green threshold),
    // and their status comes from their own value (e.g. coverage ≥ 3 is green).
    const isRatioBuiltin =
      def.measure === 'builtin' && (def.builtin === 'coverage' || def.builtin === 'pacing');
    const value =
      unplanned.has(kpi.key) || unavailable ? null : kpiValueFromParts(kpi, parts, target, context);
    const basis = isRatioBuiltin ? 'value' : def.statusBasis || 'attainment';
    return {
      value: round(value),
      target: round(isRatioBuiltin ? ratioBuiltinTarget(kpi) : target),
      attainment: isRatioBuiltin ? null : round(attainment(value, target, kpi.direction)),
      status: statusOf({
        value,
        target,
        thresholds: kpi.thresholds,
        direction: kpi.direction,
        basis,
        absolute: def.statusOnAbsolute === true
      }),
      // Parts read from a failed subquery would look like zeros: unknown instead.
      parts: unavailable
        ? Object.fromEntries(Object.keys(parts).map((k) => [k, null]))
        : roundParts(parts),
      ...(unplanned.has(kpi.key) ? { note: 'not loaded' } : {}),
      ...(unavailable ? { unavailable } : {})
    };
  };
  const topLeader = people.find((p) => p.depth === 0 && p.teamUserIds.length === subjects.length);
  return kpis.map((kpi) => {
    const unavailable = unavailableReason(kpi);
    const byUser = subjects.map((userId) => ({
      userId,
      ...cell(kpi, partsOf(kpi, userId), teamTarget(kpi, [userId], userId), unavailable)
    }));
    const byTeam = people
      .filter((p) => p.isManager)
      .map((p) => ({
        userId: p.userId,
        ...cell(
          kpi,
          sumParts(p.teamUserIds.map((id) => partsOf(kpi, id))),
          teamTarget(kpi, p.teamUserIds, p.userId),
          unavailable
        )
      }));
    const totalParts = sumParts(subjects.map((id) => partsOf(kpi, id)));
    const total = cell(
      kpi,
      totalParts,
      teamTarget(kpi, subjects, topLeader ? topLeader.userId : null),
      unavailable
    );
    return {
      key: kpi.key,
      name: kpi.name,
      category: kpi.category,
      kind: kpi.kind,
      unit: kpi.unit,
      direction: kpi.direction,
      aboveTheLine: kpi.aboveTheLine,
      sortOrder: kpi.sortOrder,
      levels: kpi.levels,
      description: kpi.description || '',
      total,
      byUser,
      byTeam
    };
  });
}

function builtinParts(def, b, userId, byKey, partsOf, context, lists) {
  switch (def.builtin) {
    case 'pastCloseDate':
    case 'notUpdated':
    case 'earlyStageClosingSoon':
    case 'stalled':
      return { ...b.flags[def.builtin] };
    case 'offersPastCheck':
      return { ...b.flags.offerPastCheck, complete: lists.complete.open };
    case 'movedSinceReview':
      return { count: b.movedOpen + b.movedWon + b.movedLost };
    case 'notMovedSinceReview':
      return { count: b.openCount - b.movedOpen };
    case 'newCustomerContacts':
      return { count: b.newCustomerContacts };
    case 'forecastDeviation':
      return { won: b.forecastWon, forecast: b.forecast };
    case 'coverage':
    case 'pacing': {
      const baseKpi = byKey.get(def.params.kpi);
      const actual = baseKpi
        ? kpiValueFromParts(baseKpi, partsOf(baseKpi, userId), null, context)
        : null;
      return def.builtin === 'coverage' ? { open: b.coverageOpen, won: actual } : { actual };
    }
    case 'salesCycle':
      return { days: b.cycle.days, deals: b.cycle.deals, complete: lists.complete.closed };
    default:
      return BUILTINS[def.builtin] ? { count: 0 } : {};
  }
}

function buildFunnel(plan, needs, base) {
  const { context } = plan;
  const closedStages = [...context.options.wonStages, ...context.options.lostStages];
  const policy = context.stagePolicy.filter((s) => !closedStages.includes(s.stage));
  const stageNames = policy.map((s) => s.stage);
  const subjects = context.subjectUserIds;
  for (const userId of subjects) {
    for (const stage of base.get(userId).openByStage.keys())
      if (!stageNames.includes(stage)) stageNames.push(stage);
  }
  const policyByStage = new Map(context.stagePolicy.map((s) => [s.stage, s]));
  const reachedRows = rowsOf(needs.get('conversion'));
  const reached = {};
  for (const row of reachedRows)
    reached[row.StageName] =
      (reached[row.StageName] || 0) + num(row['countDistinct(OpportunityId)']);
  const wonStage = context.options.wonStages[0];
  const wonReached = context.options.wonStages.reduce((t, s) => t + (reached[s] || 0), 0);
  const chain = [...stageNames.filter((s) => policyByStage.has(s)), wonStage];
  const rates = conversionRates(chain, { ...reached, [wonStage]: wonReached });
  const stageTotals = (userIds, stage) => {
    let count = 0;
    let amount = 0;
    let weighted = 0;
    let stalled = 0;
    for (const id of userIds) {
      const b = base.get(id);
      const rows = b.openByStage.get(stage) || [];
      count += sumRows(rows, 'count(Id)');
      amount += sumRows(rows, 'sum(Amount)');
      weighted += sumRows(rows, 'sum(ExpectedRevenue)');
      stalled += sumRows(b.stalledByStage.get(stage) || [], 'count(Id)');
    }
    return { count, amount: round(amount), weighted: round(weighted), stalled };
  };
  const stages = stageNames.map((stage) => {
    const policyEntry = policyByStage.get(stage);
    const totals = stageTotals(subjects, stage);
    const chainIndex = chain.indexOf(stage);
    return {
      stage,
      sortOrder: policyEntry ? policyEntry.sortOrder : null,
      earlyStage: policyEntry ? policyEntry.earlyStage : false,
      maxDaysInStage: policyEntry ? policyEntry.maxDaysInStage : null,
      ...totals,
      reached: reached[stage] || 0,
      conversionToNext: chainIndex >= 0 ? round(rates[chainIndex]) : null
    };
  });
  const total = stages.reduce(
    (t, s) => ({
      count: t.count + s.count,
      amount: round(t.amount + s.amount),
      weighted: round(t.weighted + s.weighted)
    }),
    { count: 0, amount: 0, weighted: 0 }
  );
  const byUser = subjects.map((userId) => {
    const userStages = stageNames.map((stage) => {
      const { count, amount, weighted } = stageTotals([userId], stage);
      return { stage, count, amount, weighted };
    });
    const userTotal = userStages.reduce(
      (t, s) => ({
        count: t.count + s.count,
        amount: round(t.amount + s.amount),
        weighted: round(t.weighted + s.weighted)
      }),
      { count: 0, amount: 0, weighted: 0 }
    );
    return { userId, stages: userStages, total: userTotal };
  });
  return { stages, total, byUser, wonStage, wonReached };
}

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

function buildTrust(plan, base, kpiModel, forecastModel, lists, reviewsEntry, failedNeeds) {
  const { context } = plan;
  const subjects = context.subjectUserIds;
  // A flag read from a failed subquery is unknown (null), never 0: the numbers a user trusts first.
  const forecastNeeds = ['forecast', ...context.forecastMonths.map((m, i) => `forecastWon:${i}`)];
  const failed = (key) =>
    (key === 'forecastDeviation'
      ? forecastNeeds
      : [key === 'offersPastCheck' || key === 'offerPastCheck' ? 'openList' : key]
    ).some((id) => failedNeeds.has(id));
  const UNKNOWN_FLAG = { count: null, amount: null, snoozed: null };
  const statusKpi = (builtin) => {
    const kpi = plan.kpis.find(
      (k) => k.definition && k.definition.measure === 'builtin' && k.definition.builtin === builtin
    );
    return kpi ? kpiModel.find((m) => m.key === kpi.key) : null;
  };
  const flagTotals = (userIds, key) => {
    if (failed(key)) return UNKNOWN_FLAG;
    let count = 0;
    let amount = 0;
    let snoozed = 0;
    for (const id of userIds) {
      const f = base.get(id).flags[key];
      count += f.count;
      amount += f.amount;
      snoozed += f.snoozed;
    }
    return { count, amount: round(amount), snoozed };
  };
  const deviation = (userIds) => {
    if (failed('forecastDeviation')) return { won: null, forecast: null, value: null };
    const { won, forecast, deviationPct } = forecastOf(base, userIds);
    return { won, forecast, value: deviationPct };
  };
  const measures = TRUST_KEYS.map((key) => {
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
        status: kpi ? kpi.total.status : 'none'
      };
    }
    // Offers past check come from the open list (≤ listSize deals): `complete` says whether exact.
    const t = flagTotals(subjects, key === 'offersPastCheck' ? 'offerPastCheck' : key);
    return {
      key,
      label: TRUST_LABELS[key],
      unit: 'Count',
      value: t.count,
      count: t.count,
      amount: t.amount,
      snoozed: t.snoozed,
      status: kpi ? kpi.total.status : 'none',
      ...(key === 'offersPastCheck' ? { complete: lists.complete.open } : {})
    };
  });
  const byUser = subjects.map((userId) => {
    const row = { userId, forecastDeviation: deviation([userId]).value, snoozed: 0 };
    for (const key of ['pastCloseDate', 'notUpdated', 'earlyStageClosingSoon', 'stalled']) {
      const t = flagTotals([userId], key);
      row[key] = t.count;
      row.snoozed = row.snoozed === null || t.snoozed === null ? null : row.snoozed + t.snoozed;
    }
    row.offersPastCheck = flagTotals([userId], 'offerPastCheck').count;
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
  const countKeys = TRUST_KEYS.slice(1);
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
      forecastDeviation: isCurrent ? current.forecastDeviation : deviationAsOf(period)
    };
    const known =
      !isCurrent && reviewsEntry && !(oldestRead && period.start <= oldestRead)
        ? trustFromReviews(reviews, period, subjects, countKeys)
        : null;
    for (const key of countKeys) entry[key] = isCurrent ? current[key] : known ? known[key] : null;
    return entry;
  });
  return { measures, byUser, history };
}

function buildMovement(subjects, base) {
  const rowFor = (userIds) => {
    const out = { movedOpen: 0, movedWon: 0, movedLost: 0, notMoved: 0 };
    for (const id of userIds) {
      const b = base.get(id);
      out.movedOpen += b.movedOpen;
      out.movedWon += b.movedWon;
      out.movedLost += b.movedLost;
      out.notMoved += b.openCount - b.movedOpen;
    }
    return out;
  };
  return {
    ...rowFor(subjects),
    byUser: subjects.map((userId) => ({ userId, ...rowFor([userId]) }))
  };
}

function buildActivity(context, subjects, base, failedNeeds) {
  // A measure read from a failed subquery is unknown (null), never 0.
  const known = (needIds, value) => (needIds.some((id) => failedNeeds.has(id)) ? null : value);
  const rowFor = (userIds) => {
    let meetings = 0;
    let minutes = 0;
    let calls = 0;
    let newOpportunities = 0;
    let newPipeline = 0;
    let newCustomerContacts = 0;
    for (const id of userIds) {
      const b = base.get(id);
      meetings += b.meetings;
      minutes += b.minutes;
      calls += b.calls;
      newOpportunities += b.createdCount;
      newPipeline += b.createdAmount;
      newCustomerContacts += b.newCustomerContacts;
    }
    return {
      meetings: known(['events'], meetings),
      customerHours: known(['events'], round(minutes / MINUTES_PER_HOUR)),
      calls: known(['calls'], calls),
      newOpportunities: known(['created'], newOpportunities),
      newPipeline: known(['created'], round(newPipeline)),
      newCustomerContacts: known(['newCustomerEvents', 'newCustomerCalls'], newCustomerContacts)
    };
  };
  const total = rowFor(subjects);
  const byUser = subjects.map((userId) => ({ userId, ...rowFor([userId]) }));
  // Past periods: meetings, hours and calls of Month reviews (one subquery per month); new
  // opportunities/pipeline and new-customer contacts (defined against each period's start) are not
  // loaded: null, never 0.
  const pastRow = (userIds, index) => {
    const unknown = {
      meetings: null,
      customerHours: null,
      calls: null,
      newOpportunities: null,
      newPipeline: null,
      newCustomerContacts: null
    };
    if (!context.activityByMonth) return unknown;
    let meetings = 0;
    let minutes = 0;
    let calls = 0;
    for (const id of userIds) {
      const a = base.get(id).activityByPeriod[index];
      meetings += a.meetings;
      minutes += a.minutes;
      calls += a.calls;
    }
    const events = [`pastEvents:${index}`];
    return {
      ...unknown,
      meetings: known(events, meetings),
      customerHours: known(events, round(minutes / MINUTES_PER_HOUR)),
      calls: known([`pastCalls:${index}`], calls)
    };
  };
  const periods = context.historyPeriods;
  const history = periods.map((period, i) => {
    if (i === periods.length - 1)
      return { period, total: { ...total }, byUser: byUser.map((row) => ({ ...row })) };
    return {
      period,
      total: pastRow(subjects, i),
      byUser: subjects.map((userId) => ({ userId, ...pastRow([userId], i) }))
    };
  });
  return { total, byUser, history };
}

/** Key of the KPI whose target is the sales target of the period (coverage's base KPI, else sales_won). */
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
function forecastOf(base, userIds) {
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

function buildForecast(context, subjects, base, kpiModel, kpis) {
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
    let won = 0;
    let commit = 0;
    let weighted = 0;
    for (const id of userIds) {
      const b = base.get(id);
      won += b.wonAmount;
      commit += b.commitRest;
      weighted += b.weightedRest;
    }
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
      byUser: subjects.map((userId, i) => ({
        userId,
        ...periodRow([userId]),
        target: salesKpi ? salesKpi.byUser[i].target : null
      }))
    }
  };
}
