/** The funnel: open deals by stage in stage order, stalled deals, and conversion over closed deals. */
import { conversionRates } from 'c/metrics';
import { rowsOf } from './answers';
import { num, sumRows, round } from './numbers';

/**
 * Closed deals that must have reached a stage, in one account's review, for its conversion to the
 * next to be shown: a rate over a handful of deals says nothing about the next one. A team's or a
 * person's funnel rests on their whole pipeline and shows every rate.
 */
export const MIN_CONVERSION_DEALS = 5;

/** The count, amount and weighted amount of stages, summed. */
function totalOf(stages) {
  return stages.reduce(
    (t, s) => ({
      count: t.count + s.count,
      amount: round(t.amount + s.amount),
      weighted: round(t.weighted + s.weighted)
    }),
    { count: 0, amount: 0, weighted: 0 }
  );
}

/**
 * The funnel section: `stages` in policy order (then stages the policy does not list), `total`,
 * `byUser`, and the won stage with how many closed deals reached it.
 */
export function buildFunnel(plan, needs, base) {
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
      ...(context.accountId && (reached[stage] || 0) < MIN_CONVERSION_DEALS
        ? { conversionToNext: null, tooFewDeals: true }
        : { conversionToNext: chainIndex >= 0 ? round(rates[chainIndex]) : null })
    };
  });
  const total = totalOf(stages);
  const byUser = subjects.map((userId) => {
    const userStages = stageNames.map((stage) => {
      const { count, amount, weighted } = stageTotals([userId], stage);
      return { stage, count, amount, weighted };
    });
    const userTotal = totalOf(userStages);
    return { userId, stages: userStages, total: userTotal };
  });
  return { stages, total, byUser, wonStage, wonReached };
}
