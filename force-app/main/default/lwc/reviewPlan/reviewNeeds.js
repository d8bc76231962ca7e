/**
 * The review's own needs, besides the menu's KPIs and the builtins' (./builtinNeeds): the funnel,
 * closed and created deals, coverage, stage movement, activity, forecast, targets, stage conversion,
 * and the four lists. They stay written here because no menu definition holds them: they are the
 * panels' own numbers (grouped by stage, forecast category, won/lost), which the definition language
 * (one number per KPI) does not express; the builtins that need them read them (./builtinNeeds
 * builtinReads). Open and coverage sum the weighted amount (`ExpectedRevenue`), which the compiler
 * computes from sums of Amount over sets of probabilities (c/queryCompiler expandDerived), never
 * reading the field.
 */
import { and, cmp, variable, openCondition, movedSinceCondition } from 'c/criteria';
import { periodWindow, scopeCondition } from 'c/queryCompiler';
import {
  aggregateNeed,
  recordsNeed,
  callCondition,
  heldCondition,
  COUNT,
  AMOUNT,
  MINUTES
} from './needs';
import { DEAL_FIELDS, ACTION_FIELDS, REVIEW_FIELDS } from './fields';

const WEIGHTED = { fn: 'sum', field: 'ExpectedRevenue' };

/** Accounts with no deal won before the period: a contact there is with a new customer. */
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
 * The review's needs for a plan's context, with the builtins' and the trends' in their place (the
 * order names the subqueries and decides which are left out first when the documents are full). An
 * account's review has no targets, forecasts nor past reviews (they belong to people): none of those
 * needs is built for it.
 * @param {object} context the plan's context
 * @param {{ flags: Array<object>, trends: Array<object> }} built the builtins' needs (./builtinNeeds)
 *   and the trends' (./trendNeeds)
 * @returns {Array<object>} needs
 */
export function reviewNeeds(context, { flags, trends }) {
  const agg = (spec) => aggregateNeed(context, spec);
  const list = (spec) => recordsNeed(context, spec);
  const listSize = context.options.listSize;
  const ofPeople = !context.accountId;
  const closedInPeriod = { where: cmp('IsClosed', 'eq', true), window: periodWindow('CloseDate') };
  return [
    agg({
      id: 'open',
      object: 'Opportunity',
      where: openCondition(),
      dims: ['StageName'],
      measures: [COUNT, AMOUNT, WEIGHTED]
    }),
    agg({
      id: 'closed',
      object: 'Opportunity',
      ...closedInPeriod,
      dims: ['IsWon'],
      measures: [COUNT, AMOUNT]
    }),
    agg({
      id: 'coverage',
      object: 'Opportunity',
      where: openCondition(),
      window: { field: 'CloseDate', from: 'asOf', to: 'periodEnd' },
      dims: ['ForecastCategoryName'],
      measures: [COUNT, AMOUNT, WEIGHTED]
    }),
    agg({
      id: 'created',
      object: 'Opportunity',
      window: periodWindow('CreatedDate'),
      measures: [COUNT, AMOUNT]
    }),
    ...flags,
    agg({
      id: 'moved',
      object: 'Opportunity',
      where: movedSinceCondition(),
      dims: ['IsClosed', 'IsWon'],
      measures: [COUNT, AMOUNT]
    }),
    agg({
      id: 'events',
      object: 'Event',
      where: heldCondition(),
      window: periodWindow('ActivityDate'),
      measures: [COUNT, MINUTES]
    }),
    agg({
      id: 'plannedEvents',
      object: 'Event',
      window: { field: 'ActivityDate', from: 'asOf', to: 'plannedUntil' },
      measures: [COUNT]
    }),
    agg({
      id: 'calls',
      object: 'Task',
      where: callCondition(),
      window: periodWindow('ActivityDate'),
      measures: [COUNT]
    }),
    agg({
      id: 'newCustomerEvents',
      object: 'Event',
      window: periodWindow('ActivityDate'),
      where: and(heldCondition(), newCustomerCondition()),
      measures: [COUNT]
    }),
    agg({
      id: 'newCustomerCalls',
      object: 'Task',
      where: and(callCondition(), newCustomerCondition()),
      window: periodWindow('ActivityDate'),
      measures: [COUNT]
    }),
    ...(ofPeople
      ? [
          agg({
            id: 'forecast',
            object: 'SPM_Forecast_Snapshot__c',
            window: {
              field: 'Month_Start__c',
              from: 'forecastMonthsStart',
              to: 'forecastMonthStart'
            },
            dims: ['Month_Start__c', 'Source__c'],
            measures: [
              COUNT,
              { fn: 'sum', field: 'Commit_Amount__c' },
              { fn: 'sum', field: 'Weighted_Amount__c' },
              { fn: 'sum', field: 'Pipeline_Amount__c' }
            ]
          }),
          agg({
            id: 'targets',
            object: 'SPM_Target__c',
            people: true,
            // Targets of periods inside the review's: a finer type's targets add up to its own.
            window: [
              { field: 'Period_Start__c', from: 'periodStart' },
              { field: 'Period_End__c', to: 'periodEnd' }
            ],
            dims: ['KPI__c', 'Period_Type__c'],
            measures: [COUNT, { fn: 'sum', field: 'Value__c' }],
            local: context.targetsGiven
          })
        ]
      : []),
    agg({
      id: 'conversion',
      object: 'OpportunityHistory',
      // Stages reached by the deals closed in the conversion window, through their opportunity.
      where: {
        field: 'Opportunity',
        parent: and(
          scopeCondition('Opportunity', context),
          cmp('IsClosed', 'eq', true),
          cmp('CloseDate', 'gte', variable('conversionStart')),
          cmp('CloseDate', 'lte', variable('asOf'))
        )
      },
      dims: ['StageName'],
      measures: [{ fn: 'countDistinct', field: 'OpportunityId' }]
    }),
    ...trends,
    list({
      id: 'openList',
      object: 'Opportunity',
      where: openCondition(),
      fields: DEAL_FIELDS,
      orderBy: [{ field: 'Amount', order: 'DESC', nulls: 'LAST' }],
      first: listSize
    }),
    list({
      id: 'closedList',
      object: 'Opportunity',
      ...closedInPeriod,
      fields: DEAL_FIELDS,
      orderBy: [{ field: 'CloseDate', order: 'DESC', nulls: 'LAST' }],
      first: listSize
    }),
    list({
      id: 'actions',
      object: 'SPM_Action__c',
      where: cmp('Status__c', 'eq', 'Open'),
      fields: ACTION_FIELDS,
      orderBy: [{ field: 'Due_Date__c', order: 'ASC', nulls: 'LAST' }],
      first: listSize
    }),
    // Past reviews of the scope's people: their KPI_Snapshot__c gives the data-trust trend. The
    // lowest priority: it is the first subquery left out when the plan's documents are full.
    ...(ofPeople
      ? [
          list({
            id: 'reviews',
            object: 'SPM_Review__c',
            where: cmp('Subject_User__c', 'in', variable('peopleIds')),
            window: { field: 'Review_Date__c', from: 'historyStart', to: 'periodEnd' },
            fields: REVIEW_FIELDS,
            orderBy: [{ field: 'Review_Date__c', order: 'DESC', nulls: 'LAST' }],
            first: listSize,
            priority: 2
          })
        ]
      : [])
  ];
}
