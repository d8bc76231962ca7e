/**
 * The review plan: everything a performance review shows, as GraphQL documents sent all at once (one
 * round trip). The plan is the first half of the engine; the review model (c/reviewModel) turns the
 * answers into the numbers every panel and `report` render. Shapes: scripts/lib/kpi-engine.ts
 * (ReviewInput → ReviewPlan).
 *
 *   input ─► ./planContext (scope, periods, options)
 *         ─► needs: ./reviewNeeds (the panels' own), ./builtinNeeds (the data-trust flags, from their
 *            definitions), ./trendNeeds (one per month), c/queryCompiler compileKpis (the menu's)
 *         ─► c/queryCompiler compileDocuments (merged subqueries, ≤ 10 per document, one group each)
 *         ─► plan { documents (each naming the panels that read it), specs, variables, reads, … }
 *
 * Totals are aggregated in the org, grouped by owner (and stage): what travels grows with people ×
 * stages (× months for the trends, one subquery per month), not with opportunities. Only four small
 * lists travel as records (the largest open deals, the deals closed in the period, the open actions,
 * the past reviews), each capped at `listSize` (≤ 200).
 */
import { conditionVariables } from 'c/criteria';
import { normalizeKpis } from 'c/kpiDefinitions';
import { scopeVariables, compileKpis, compileDocuments, MAX_SUBQUERIES } from 'c/queryCompiler';
import { checkInput, planContext } from './planContext';
import { checkMenu } from './menuCheck';
import { reviewNeeds } from './reviewNeeds';
import { builtinNeeds, builtinKpiKeys, builtinReads, FLAG_BUILTINS } from './builtinNeeds';
import { trendNeeds, trendVariables, trendNeedId } from './trendNeeds';
import { kpiReads } from './kpiReads';
import { PANEL_KEYS, KPI_PANELS, panelsOf } from './panels';
import { SNOOZE_FIELD } from './fields';

export { PANEL_KEYS, SNOOZE_FIELD, FLAG_BUILTINS, panelsOf, builtinReads, trendNeedId };

/** Version of the review model's shape. */
export const MODEL_VERSION = 1;
/**
 * A plan never holds more documents than this (all sent at once, in one round trip); KPIs of the menu
 * that would need more are left out and listed in `plan.unplanned`.
 */
export const MAX_PLAN_DOCUMENTS = 8;

function planVariables(context, menuVariables) {
  const { forecastMonth, forecastMonths, historyPeriods, conversionWindow, accountId } = context;
  return {
    ...scopeVariables(context),
    ...conditionVariables(context),
    ...menuVariables,
    ...trendVariables(context),
    plannedUntil: { type: 'Date', value: context.plannedUntil.end },
    forecastMonthStart: { type: 'Date', value: forecastMonth.start },
    forecastMonthEnd: { type: 'Date', value: forecastMonth.end },
    forecastMonthsStart: { type: 'Date', value: forecastMonths[0].start },
    historyStart: { type: 'Date', value: historyPeriods[0].start },
    conversionStart: { type: 'Date', value: conversionWindow.start },
    ...(accountId ? { accountId: { type: 'ID', value: accountId } } : {})
  };
}

/**
 * Plans a review: which numbers, in which GraphQL documents. The documents are meant to be sent all
 * at once (one round trip): at most {@link MAX_PLAN_DOCUMENTS}, each of at most 10 subqueries of one
 * group ('core', 'activity' or 'joins', see c/queryCompiler SUBQUERY_GROUPS), so that a document the
 * org rejects blanks only the panels listed in its `panels`.
 * @param {object} input (scripts/lib/kpi-engine.ts ReviewInput)
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
 * @returns {object} plan (scripts/lib/kpi-engine.ts ReviewPlan): `{ version, context, people, kpis,
 *   documents, specs, variables, unplanned, localRecords, reads, builtinKpis }`, each document
 *   `{ operationName, query, variables, aliases, group, panels }` (`group` 'core' | 'activity' |
 *   'joins'; `panels` from {@link PANEL_KEYS}), `unplanned` the menu KPIs left out `{ key, reason }` (a definition refused, ./menuCheck, or no room),
 *   `reads` the needs each KPI reads, `builtinKpis` the menu KPI carrying each builtin
 */
export function buildReviewPlan(input) {
  const periodType = checkInput(input);
  const kpis = normalizeKpis(input.kpis || []).filter((k) => k.active !== false);
  // Refused definitions stay in `kpis` (the panels list them, blank, with the reason) but read nothing.
  const { planned, refused } = checkMenu(kpis);
  const { context, people } = planContext(input, periodType, planned);
  const menu = compileKpis(planned, context);
  const variables = planVariables(context, menu.variables);
  const needs = [
    ...reviewNeeds(context, { flags: builtinNeeds(planned, context), trends: trendNeeds(context) }),
    ...menu.needs.map((n) => ({ ...n, panels: KPI_PANELS }))
  ];
  const compiled = compileDocuments(
    needs.filter((n) => !n.local),
    variables,
    { operationPrefix: 'spmReview', maxDocuments: MAX_PLAN_DOCUMENTS }
  );
  const localSpecs = compileDocuments(
    needs.filter((n) => n.local),
    variables,
    { operationPrefix: 'spmLocal' }
  ).specs.map((s) => ({ ...s, local: true, document: -1 }));
  const documents = compiled.documents.map((document) => ({
    ...document,
    panels: panelsOf(compiled.specs.filter((spec) => document.aliases.includes(spec.alias)))
  }));
  const droppedNeeds = new Set(compiled.dropped.flatMap((s) => s.consumers.map((c) => c.need.id)));
  const unplanned = [
    ...refused,
    ...planned
      .filter((k) => droppedNeeds.has(`kpi:${k.key}`))
      .map((k) => ({
        key: k.key,
        reason: `not loaded: the review already sends ${MAX_PLAN_DOCUMENTS} documents of up to ${MAX_SUBQUERIES} subqueries`
      }))
  ];
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
      ? { SPM_Target__c: context.accountId ? [] : input.targets || [] }
      : {},
    reads: kpiReads(planned, context),
    builtinKpis: builtinKpiKeys(planned)
  };
}
