/**
 * The definitions of docs/engine.md ("Definitions every number follows") on plain records, and the formulas every KPI value uses.
 *
 * Conditions on opportunities are the filter trees of `c/criteria` evaluated on records, so a flag means
 * exactly what the GraphQL aggregate counts in the org. Formulas (ratio, coverage, pacing, deviation,
 * cycle) are here once and are used by the review model for both data paths.
 *
 * `ctx` everywhere: { asOf: 'YYYY-MM-DD', orgTimeZone?: 'Europe/Paris', staleDays?: 60, closingSoonDays?: 30,
 *                     lastReviewDate?: 'YYYY-MM-DD', stagePolicy?: [...] }
 */
import {
  conditionVariables,
  openCondition,
  pastCloseDateCondition,
  notUpdatedCondition,
  earlyStageClosingSoonCondition,
  stalledCondition,
  movedSinceCondition,
  notMovedSinceCondition,
  offersPastCheckCondition,
  snoozedCondition,
  flagConditions,
  normalizeStagePolicy,
  FLAG_KEYS
} from 'c/criteria';
import { compilePredicate, fieldValue } from 'c/recordQueries';
import { daysBetween, localDateOf, compareDates } from 'c/periods';

const PERCENT = 100;
const MINUTES_PER_HOUR = 60;

function withDefaults(ctx) {
  return { lastReviewDate: ctx.asOf, ...ctx };
}

function predicateOf(node, ctx) {
  const full = withDefaults(ctx);
  return compilePredicate(node, 'Opportunity', conditionVariables(full));
}

/**
 * True when the opportunity is open (`IsClosed = false`).
 * @param {object} opp
 * @returns {boolean}
 */
export function isOpen(opp) {
  return compilePredicate(openCondition(), 'Opportunity', {})(opp);
}

/** Open and `CloseDate < asOf`. */
export function isPastCloseDate(opp, ctx) {
  return predicateOf(pastCloseDateCondition(), ctx)(opp);
}

/** Open and not modified since before day `asOf − staleDays` (default 60) in the org time zone. */
export function isNotUpdated(opp, ctx) {
  return predicateOf(notUpdatedCondition(), ctx)(opp);
}

/** Open, `asOf ≤ CloseDate ≤ asOf + 30`, early stage by policy (else Probability ≤ 20). */
export function isEarlyStageClosingSoon(opp, ctx) {
  return predicateOf(earlyStageClosingSoonCondition(ctx.stagePolicy), ctx)(opp);
}

/** Open and longer in its stage than the stage's maximum days. */
export function isStalled(opp, ctx) {
  return predicateOf(stalledCondition(ctx.stagePolicy), ctx)(opp);
}

/** Stage changed on a day after the last review (open or closed). */
export function isMovedSince(opp, ctx) {
  return predicateOf(movedSinceCondition(), ctx)(opp);
}

/** Open with no stage change after the last review. */
export function isNotMovedSince(opp, ctx) {
  return predicateOf(notMovedSinceCondition(), ctx)(opp);
}

/** Open with an offer check date before asOf. */
export function isOffersPastCheck(opp, ctx) {
  return predicateOf(offersPastCheckCondition(), ctx)(opp);
}

/** Flags snoozed until asOf or later. */
export function isSnoozed(opp, ctx) {
  return predicateOf(snoozedCondition(), ctx)(opp);
}

/**
 * Days the opportunity has been in its stage on asOf (since LastStageChangeDate, else CreatedDate),
 * counted between org-time-zone days.
 * @param {object} opp
 * @param {object} ctx
 * @returns {number|null}
 */
export function daysInStage(opp, ctx) {
  const since = opp.LastStageChangeDate || opp.CreatedDate;
  if (!since) return null;
  return daysBetween(localDateOf(since, ctx.orgTimeZone), ctx.asOf);
}

/**
 * Compiled predicates of every flag for one context (fast for lists).
 * @param {object} ctx
 * @returns {Object<string, (opp: object) => boolean>} including `snoozed`, `moved`, `notMoved`
 */
export function flagPredicates(ctx) {
  const full = withDefaults(ctx);
  const vars = conditionVariables(full);
  const out = {};
  const conditions = flagConditions(full.stagePolicy);
  for (const key of FLAG_KEYS) out[key] = compilePredicate(conditions[key], 'Opportunity', vars);
  out.snoozed = compilePredicate(snoozedCondition(), 'Opportunity', vars);
  out.moved = compilePredicate(movedSinceCondition(), 'Opportunity', vars);
  out.notMoved = compilePredicate(notMovedSinceCondition(), 'Opportunity', vars);
  return out;
}

/**
 * The flags an opportunity carries on asOf (snoozing does not remove them; see {@link isSnoozed}).
 * @param {object} opp
 * @param {object} ctx
 * @returns {string[]} among pastCloseDate, notUpdated, earlyStageClosingSoon, stalled, offersPastCheck
 */
export function flagsOf(opp, ctx) {
  const predicates = flagPredicates(ctx);
  return FLAG_KEYS.filter((key) => predicates[key](opp));
}

/**
 * Data-trust counts over opportunities: per flag, the deals flagged and not snoozed (count, amount) and,
 * apart, the snoozed ones.
 * @param {Array<object>} opps
 * @param {object} ctx
 * @returns {Object<string, { count: number, amount: number, snoozed: number }>}
 */
export function dataTrust(opps, ctx) {
  const predicates = flagPredicates(ctx);
  const out = {};
  for (const key of FLAG_KEYS) out[key] = { count: 0, amount: 0, snoozed: 0 };
  for (const opp of opps) {
    const snoozed = predicates.snoozed(opp);
    for (const key of FLAG_KEYS) {
      if (!predicates[key](opp)) continue;
      if (snoozed) out[key].snoozed += 1;
      else {
        out[key].count += 1;
        out[key].amount += opp.Amount || 0;
      }
    }
  }
  return out;
}

/**
 * Weighted amount: Amount × Probability / 100 (null when either is missing).
 * @param {object} opp
 * @returns {number|null}
 */
export function weightedAmount(opp) {
  return fieldValue(opp, 'ExpectedRevenue', 'Opportunity');
}

/**
 * Stage-to-stage conversion over closed deals: `reached[s]` = closed deals whose history shows stage s;
 * conversion from a stage to the next = reachedOrLater(next) / reachedOrLater(stage) × 100, where
 * reachedOrLater(s) is the largest `reached` of s and the stages after it. Deals that skip a stage
 * (straight from Prospecting to Proposal) are not in that stage's history; counting them there keeps a
 * rate from passing 100%. Aggregates give distinct deals per stage, not their union across stages, so
 * the largest count is the bound they allow; without skipped stages it equals `reached` exactly. The
 * stage after the last open stage is the won stage.
 * @param {Array<string>} stages open stages in order, then the won stage
 * @param {Object<string, number>} reached
 * @returns {Array<number|null>} conversion from each stage to the next (null for the last, or no data)
 */
export function conversionRates(stages, reached) {
  const orLater = new Array(stages.length);
  let most = 0;
  for (let i = stages.length - 1; i >= 0; i--) {
    most = Math.max(most, reached[stages[i]] || 0);
    orLater[i] = most;
  }
  return stages.map((stage, i) => {
    if (i === stages.length - 1) return null;
    return orLater[i] ? ratio(orLater[i + 1], orLater[i], PERCENT) : null;
  });
}

/**
 * Closed deals of a window that reached each stage, from OpportunityHistory (distinct deals).
 * @param {Array<object>} opps opportunities (closed ones in the window are used)
 * @param {Array<object>} history OpportunityHistory records
 * @param {{ start: string, end: string }} window CloseDate range
 * @returns {Object<string, number>}
 */
export function stagesReached(opps, history, window) {
  const closed = new Set(
    opps
      .filter(
        (o) =>
          o.IsClosed === true &&
          o.CloseDate &&
          compareDates(o.CloseDate, window.start) >= 0 &&
          compareDates(o.CloseDate, window.end) <= 0
      )
      .map((o) => o.Id)
  );
  const seen = new Map();
  for (const h of history) {
    if (!closed.has(h.OpportunityId) || !h.StageName) continue;
    if (!seen.has(h.StageName)) seen.set(h.StageName, new Set());
    seen.get(h.StageName).add(h.OpportunityId);
  }
  const out = {};
  for (const [stage, set] of seen) out[stage] = set.size;
  return out;
}

/** Stage names treated as closed unless told otherwise (Salesforce's defaults). */
const DEFAULT_CLOSED_STAGES = ['Closed Won', 'Closed Lost'];

/**
 * The funnel of open opportunities by stage: count, amount, weighted amount. Open stages of the policy
 * come first in policy order (also when empty), then stages the policy does not list, alphabetically.
 * @param {Array<object>} opps
 * @param {Array<object>} stagePolicy
 * @param {string[]} [closedStages] stage names that are not part of the open funnel
 * @returns {{ stages: Array<{ stage: string, count: number, amount: number, weighted: number }>, total: { count: number, amount: number, weighted: number } }}
 */
export function funnel(opps, stagePolicy, closedStages) {
  const closed = closedStages || DEFAULT_CLOSED_STAGES;
  const order = normalizeStagePolicy(stagePolicy)
    .map((p) => p.stage)
    .filter((stage) => !closed.includes(stage));
  const byStage = new Map();
  for (const opp of opps) {
    if (opp.IsClosed !== false) continue;
    const entry = byStage.get(opp.StageName) || {
      stage: opp.StageName,
      count: 0,
      amount: 0,
      weighted: 0
    };
    entry.count += 1;
    entry.amount += opp.Amount || 0;
    entry.weighted += weightedAmount(opp) || 0;
    byStage.set(opp.StageName, entry);
  }
  const extra = [...byStage.keys()].filter((stage) => !order.includes(stage)).sort();
  const stages = [...order, ...extra].map(
    (stage) => byStage.get(stage) || { stage, count: 0, amount: 0, weighted: 0 }
  );
  const total = stages.reduce(
    (t, st) => ({
      count: t.count + st.count,
      amount: t.amount + st.amount,
      weighted: t.weighted + st.weighted
    }),
    { count: 0, amount: 0, weighted: 0 }
  );
  return { stages, total };
}

/**
 * `numerator / denominator × scale`, or null when the denominator is 0 or either part is missing.
 * @param {number|null} numerator
 * @param {number|null} denominator
 * @param {number} [scale=1]
 * @returns {number|null}
 */
export function ratio(numerator, denominator, scale) {
  if (numerator === null || numerator === undefined || !denominator) return null;
  return (numerator / denominator) * (scale === undefined ? 1 : scale);
}

/**
 * Win rate: won ÷ closed (count) × 100.
 * @param {number} won
 * @param {number} closed
 * @returns {number|null}
 */
export function winRate(won, closed) {
  return ratio(won, closed, PERCENT);
}

/**
 * Average deal value: won amount ÷ won count.
 * @param {number} wonAmount
 * @param {number} wonCount
 * @returns {number|null}
 */
export function averageDealValue(wonAmount, wonCount) {
  return ratio(wonAmount, wonCount);
}

/**
 * Sales cycle: mean days from CreatedDate (its org-time-zone day) to CloseDate over won deals.
 * @param {Array<object>} deals (only won ones count)
 * @param {string} [timeZone]
 * @returns {{ value: number|null, days: number, deals: number }}
 */
export function salesCycle(deals, timeZone) {
  let days = 0;
  let count = 0;
  for (const deal of deals) {
    if (deal.IsWon !== true || !deal.CreatedDate || !deal.CloseDate) continue;
    days += daysBetween(localDateOf(deal.CreatedDate, timeZone), deal.CloseDate);
    count += 1;
  }
  return { value: ratio(days, count), days, deals: count };
}

/**
 * Pipeline coverage: open amount closing in the rest of the period ÷ (target − won so far).
 * Null without a target, or when the target is already met (nothing left to cover).
 * @param {number} openAmount
 * @param {number|null} target
 * @param {number} won
 * @returns {number|null}
 */
export function pipelineCoverage(openAmount, target, won) {
  if (target === null || target === undefined) return null;
  const gap = target - (won || 0);
  return gap > 0 ? ratio(openAmount || 0, gap) : null;
}

/**
 * Pacing: actual to date ÷ (target × fraction of the period elapsed) × 100.
 * @param {number} actual
 * @param {number|null} target
 * @param {number} fraction of the period elapsed (0–1)
 * @returns {number|null}
 */
export function pacing(actual, target, fraction) {
  if (target === null || target === undefined) return null;
  return ratio(actual || 0, target * fraction, PERCENT);
}

/**
 * Forecast deviation for a month: (won − forecast at the start of the month) ÷ forecast × 100.
 * @param {number|null} won
 * @param {number|null} forecast
 * @returns {number|null}
 */
export function forecastDeviation(won, forecast) {
  if (forecast === null || forecast === undefined || won === null || won === undefined) return null;
  return ratio(won - forecast, forecast, PERCENT);
}

/**
 * Activity of a period from records: customer meetings (Events), customer-facing hours
 * (Σ DurationInMinutes / 60), calls (Tasks with TaskSubtype 'Call'), new opportunities and their amount
 * (created in the period), contacts with new customers (meetings and calls on accounts with no won
 * opportunity closed before the period).
 * @param {{ events: Array<object>, tasks: Array<object>, opportunities: Array<object> }} records
 * @param {{ period: { start: string, end: string }, orgTimeZone?: string }} ctx
 * @returns {{ meetings: number, customerHours: number, calls: number, newOpportunities: number, newPipeline: number, newCustomerContacts: number }}
 */
export function activity(records, ctx) {
  const { start, end } = ctx.period;
  const inPeriod = (date) =>
    Boolean(date) && compareDates(date, start) >= 0 && compareDates(date, end) <= 0;
  const wonBefore = new Set(
    records.opportunities
      .filter(
        (o) =>
          o.IsWon === true && o.CloseDate && compareDates(o.CloseDate, start) < 0 && o.AccountId
      )
      .map((o) => o.AccountId)
  );
  const isNewCustomer = (a) => Boolean(a.AccountId) && !wonBefore.has(a.AccountId);
  const out = {
    meetings: 0,
    customerHours: 0,
    calls: 0,
    newOpportunities: 0,
    newPipeline: 0,
    newCustomerContacts: 0
  };
  let minutes = 0;
  for (const e of records.events) {
    if (!inPeriod(e.ActivityDate)) continue;
    out.meetings += 1;
    minutes += e.DurationInMinutes || 0;
    if (isNewCustomer(e)) out.newCustomerContacts += 1;
  }
  for (const t of records.tasks) {
    if (!inPeriod(t.ActivityDate) || t.TaskSubtype !== 'Call') continue;
    out.calls += 1;
    if (isNewCustomer(t)) out.newCustomerContacts += 1;
  }
  for (const o of records.opportunities) {
    if (!o.CreatedDate || !inPeriod(localDateOf(o.CreatedDate, ctx.orgTimeZone))) continue;
    out.newOpportunities += 1;
    out.newPipeline += o.Amount || 0;
  }
  out.customerHours = minutes / MINUTES_PER_HOUR;
  return out;
}
