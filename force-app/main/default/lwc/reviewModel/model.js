/**
 * The review model assembled from the needs' answers: scope, people, KPIs, funnel, trust, movement,
 * activity, forecast and lists (scripts/lib/kpi-engine.ts ReviewModel).
 */
import { MODEL_VERSION } from 'c/reviewPlan';
import { consumersByNeed, failedNeedsOf } from './answers';
import { round } from './numbers';
import { buildLists } from './lists';
import { subjectBases } from './base';
import { buildTargetIndex } from './targets';
import { buildKpis } from './kpis';
import { buildFunnel } from './funnel';
import { buildForecast } from './forecast';
import { buildTrust } from './trust';
import { buildMovement } from './movement';
import { buildActivity } from './activity';

/**
 * The TOP N of the open list (largest first) among the deals not past their close date, and how
 * many larger ones were passed over because their close date has passed.
 * @param {Array<object>} open
 * @param {number} topN
 * @returns {{ top: Array<object>, topPastCloseDate: number }}
 */
function topDeals(open, topN) {
  const top = [];
  let pastCloseDate = 0;
  for (const deal of open) {
    if (top.length >= topN) break;
    if (deal.flags.includes('pastCloseDate')) pastCloseDate += 1;
    else top.push(deal);
  }
  return { top, topPastCloseDate: pastCloseDate };
}

/**
 * The model of a plan from its specs' results (alias → rows or records, `failed` for a failed one).
 * @param {object} plan
 * @param {Object<string, object>} results
 * @param {string[]} warnings
 * @param {Array<object>} unavailable the failed documents (./responses)
 * @returns {object} review model
 */
export function buildModel(plan, results, warnings, unavailable) {
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
  const userName = new Map(people.map((p) => [p.userId, p.name]));
  const lists = buildLists(plan, needs, userName);
  const base = subjectBases(plan, needs, lists);
  const targetIndex = buildTargetIndex(needs, kpis, context);
  const kpiModel = buildKpis(plan, needs, base, targetIndex, lists, failedNeeds);
  const funnelModel = buildFunnel(plan, needs, base);
  const forecastModel = buildForecast(
    context,
    subjects,
    base,
    kpiModel,
    plan.kpis,
    plan.builtinKpis
  );
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
  const activityModel = buildActivity(context, people, base, failedNeeds);

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
      // TOP N: the largest deals still ahead of their close date. A larger deal past its close date
      // is flagged (data trust), not ranked first: `topPastCloseDate` says how many were left out.
      ...topDeals(lists.open, context.options.topN),
      open: lists.open,
      flagged: lists.open.filter((d) => d.flags.length > 0),
      offersPastCheck: lists.open.filter((d) => d.flags.includes('offersPastCheck')),
      moved: [
        ...lists.open.filter((d) => d.movedSinceReview),
        ...lists.closed.filter((d) => d.movedSinceReview)
      ],
      notMoved: lists.open.filter((d) => !d.movedSinceReview),
      closed: lists.closed,
      actions: lists.actions,
      complete: lists.complete
    },
    // The menu KPI carrying each builtin, from its definition: panels find a builtin's KPI here.
    builtinKpis: { ...plan.builtinKpis },
    unplanned: plan.unplanned,
    unavailable,
    warnings
  };
}
