/**
 * The model's KPIs: each menu KPI's cell per subject (`byUser`), per manager's team (`byTeam`) and in
 * total, computed from summed parts (never an average of people's values), with its target,
 * attainment and status. A KPI that reads a failed subquery (plan.reads) is unknown, not 0.
 */
import { BUILTINS, isAdditive } from 'c/kpiDefinitions';
import { ratio, pipelineCoverage, pacing, forecastDeviation } from 'c/metrics';
import { attainment, statusOf } from 'c/status';
import { sumParts } from 'c/rollup';
import { rowsByOwner } from './answers';
import { num, sumRows, round, roundParts } from './numbers';
import { ratioBuiltinTarget, targetBaseKpi } from './targets';

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

/** Measures whose value accumulates day by day through the period: a count or sum by a date field. */
function accumulatesByDate(def) {
  return (def.measure === 'count' || def.measure === 'sum') && Boolean(def.dateField);
}

/**
 * The KPI section of the model.
 * @returns {Array<object>} one entry per menu KPI (scripts/lib/kpi-engine.ts ModelKpi)
 */
export function buildKpis(plan, needs, base, targetIndex, lists, failedNeeds) {
  const { context, people, kpis } = plan;
  const byKey = new Map(kpis.map((k) => [k.key, k]));
  const unplanned = new Map(plan.unplanned.map((u) => [u.key, u.reason]));
  // Why a KPI's number is unavailable (left out of the plan, or a subquery it reads failed), or null.
  const unavailableReason = (kpi) => {
    if (unplanned.has(kpi.key)) return unplanned.get(kpi.key) || 'not loaded';
    const reasons = (plan.reads[kpi.key] || [])
      .filter((id) => failedNeeds.has(id))
      .map((id) => failedNeeds.get(id));
    return reasons.length ? [...new Set(reasons)].join('; ') : null;
  };
  const subjects = context.subjectUserIds;
  const partsCache = new Map();

  const partsOf = (kpi, userId) => {
    // A KPI left out of the plan reads nothing (its definition may be a cycle or not a definition).
    if (unplanned.has(kpi.key)) return {};
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
    if (unplanned.has(kpi.key)) return null;
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
    // What accumulates through the period (counts and sums by a date) is judged by its pace: against
    // the target pro-rated to the days elapsed, not the full period's target ("off track" at 102%
    // pacing); a closed period has elapsed whole (fraction 1), so its status is its attainment.
    const fraction = context.period.fraction;
    const paced = accumulatesByDate(def) && target !== null && typeof fraction === 'number';
    const pace = paced && value !== null ? pacing(value, target, fraction) : null;
    return {
      value: round(value),
      target: round(isRatioBuiltin ? ratioBuiltinTarget(kpi) : target),
      attainment: isRatioBuiltin ? null : round(attainment(value, target, kpi.direction)),
      pacing: round(pace),
      status: statusOf({
        value,
        target: paced && basis === 'attainment' && fraction > 0 ? target * fraction : target,
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
      // What the KPI measures, for panels that pick KPIs by what they count (c/kpiView inFocus).
      measure: (kpi.definition && kpi.definition.measure) || null,
      dateField: (kpi.definition && kpi.definition.dateField) || null,
      builtin: (kpi.definition && kpi.definition.builtin) || null,
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
      // Counted on the open list (≤ listSize deals): `complete` says whether exact.
      return { ...b.flags.offersPastCheck, complete: lists.complete.open };
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
