/**
 * Target decomposition: a yearly outcome target and a rep's own history (win rate, average deal value,
 * sales cycle, stage-to-stage conversion) → the leading targets per month that produce it: deals to win,
 * opportunities to create (ahead of time by the sales cycle), pipeline needed per stage — with the
 * arithmetic written out, so a rep can check every number.
 */
import { periodsWithin, fiscalYearOf, addMonths, parseDate } from 'c/periods';

const MONTHS_PER_YEAR = 12;
const AVERAGE_DAYS_PER_MONTH = 30.4375;
const PERCENT = 100;
const DISPLAY_DECIMALS = 2;

function round(value, decimals) {
  const f = 10 ** (decimals === undefined ? 4 : decimals);
  const r = Math.round(value * f) / f;
  return r === 0 ? 0 : r;
}

/**
 * A number for the arithmetic lines: thousands separated by commas, at most two decimals, no locale
 * dependence (the same text in the org, the browser and Node).
 * @param {number} value
 * @returns {string}
 */
export function formatNumber(value) {
  const rounded = round(value, DISPLAY_DECIMALS);
  const [whole, fraction] = Math.abs(rounded).toFixed(DISPLAY_DECIMALS).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = fraction.replace(/0+$/, '');
  return `${rounded < 0 ? '-' : ''}${grouped}${trimmed ? `.${trimmed}` : ''}`;
}

function money(value, currency) {
  return currency ? `${currency} ${formatNumber(value)}` : formatNumber(value);
}

function requirePositive(name, value) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(
      `Decomposition: ${name} must be a positive number (got ${JSON.stringify(value)})`
    );
  }
}

/**
 * What winning an amount takes, from a win rate and an average deal value: the deals to win, the
 * opportunities to create (deals ÷ win rate) and the pipeline they make (unrounded: callers round).
 * The one formula of the yearly decomposition and of the forecast's gap to target.
 * @param {number} amount to win
 * @param {{ winRate: number, averageDealValue: number }} history winRate in percent (above 0, at most 100)
 * @returns {{ dealsToWin: number, opportunitiesToCreate: number, pipelineNeeded: number }}
 */
export function dealsFor(amount, { winRate, averageDealValue }) {
  const dealsToWin = amount / averageDealValue;
  const opportunitiesToCreate = dealsToWin / (winRate / PERCENT);
  return {
    dealsToWin,
    opportunitiesToCreate,
    pipelineNeeded: opportunitiesToCreate * averageDealValue
  };
}

const QUARTER_SUMS = [
  ['wonAmount', 'wonAmount'],
  ['dealsToWin', 'dealsToWin'],
  ['opportunitiesToCreate', 'opportunitiesToCreate'],
  ['pipelineNeeded', 'pipelineNeeded'],
  ['opportunitiesToCreateThisMonth', 'opportunitiesToCreateThisPeriod'],
  ['pipelineToCreateThisMonth', 'pipelineToCreateThisPeriod']
];

/**
 * Fiscal quarters as sums of their (already rounded) months, so a quarter's target is exactly the sum
 * of the monthly targets a rep sees.
 */
function quartersOf(months, quarters) {
  return quarters.map((quarter) => {
    const inside = months.filter((m) => m.start >= quarter.start && m.end <= quarter.end);
    const out = { start: quarter.start, end: quarter.end, label: quarter.label };
    out.months = inside.map((m) => m.label);
    for (const [from, to] of QUARTER_SUMS) out[to] = round(inside.reduce((t, m) => t + m[from], 0));
    out.pipelineByStage = (inside[0] ? inside[0].pipelineByStage : []).map((s, i) => ({
      stage: s.stage,
      deals: round(inside.reduce((t, m) => t + m.pipelineByStage[i].deals, 0)),
      amount: round(inside.reduce((t, m) => t + m.pipelineByStage[i].amount, 0))
    }));
    return out;
  });
}

/**
 * Decomposes a yearly outcome target into monthly leading targets, and their fiscal-quarter sums
 * (`quarters`: the same numbers per quarter; `…ThisPeriod` = the quarter's sum of `…ThisMonth`).
 * @param {{ yearlyTarget: number, winRate: number, averageDealValue: number, salesCycleDays: number,
 *           fiscalYearStartMonth?: number, fiscalYear?: number, startDate?: string,
 *           stages?: Array<{ stage: string, conversionToNext?: number|null }>, monthlyWeights?: number[], currency?: string }} input
 *   winRate and conversionToNext in percent; stages in funnel order (open stages), the last converting to won;
 *   the fiscal year is the one containing `startDate`, or the one named `fiscalYear`.
 * @returns {{ months: Array<object>, quarters: Array<object>, lines: string[], assumptions: object }}
 */
export function decompose(input) {
  const { yearlyTarget, winRate, averageDealValue, salesCycleDays } = input;
  requirePositive('yearlyTarget', yearlyTarget);
  requirePositive('averageDealValue', averageDealValue);
  if (typeof winRate !== 'number' || !(winRate > 0 && winRate <= PERCENT)) {
    throw new Error(
      `Decomposition: winRate must be a percentage above 0 and at most 100 (got ${JSON.stringify(winRate)})`
    );
  }
  if (
    typeof salesCycleDays !== 'number' ||
    !Number.isFinite(salesCycleDays) ||
    salesCycleDays < 0
  ) {
    throw new Error(
      `Decomposition: salesCycleDays must be 0 or more (got ${JSON.stringify(salesCycleDays)})`
    );
  }
  const fyStart = input.fiscalYearStartMonth || 1;
  let anchor = input.startDate;
  if (!anchor) {
    if (!Number.isInteger(input.fiscalYear))
      throw new Error('Decomposition: give fiscalYear or startDate');
    // FY N ends in calendar year N: its last month is the month before the start month.
    const endMonth = fyStart === 1 ? MONTHS_PER_YEAR : fyStart - 1;
    anchor = `${input.fiscalYear}-${String(endMonth).padStart(2, '0')}-01`;
  }
  parseDate(anchor);
  const fy = fiscalYearOf(anchor, fyStart);
  const months = periodsWithin('Month', fy.start, fy.end, fyStart);
  const weights = input.monthlyWeights || months.map(() => 1);
  if (weights.length !== months.length || weights.some((w) => typeof w !== 'number' || w < 0)) {
    throw new Error(
      `Decomposition: monthlyWeights must list ${months.length} non-negative numbers`
    );
  }
  const weightTotal = weights.reduce((t, w) => t + w, 0);
  if (weightTotal <= 0) throw new Error('Decomposition: monthlyWeights must not all be 0');
  const currency = input.currency || '';
  const leadMonths = Math.round(salesCycleDays / AVERAGE_DAYS_PER_MONTH);
  const winFraction = winRate / PERCENT;
  const stages = (input.stages || []).filter((s) => s && s.stage);
  // Deals needed at each stage to win one deal: walk back from won through each stage's conversion.
  // Without known conversions the win rate is spread evenly over the stages.
  const evenStep = stages.length ? winFraction ** (1 / stages.length) : null;
  const perWin = [];
  let factor = 1;
  for (let i = stages.length - 1; i >= 0; i--) {
    const known = stages[i].conversionToNext;
    const step =
      typeof known === 'number' && known > 0 ? Math.min(known, PERCENT) / PERCENT : evenStep;
    factor /= step;
    perWin[i] = { stage: stages[i].stage, factor, step };
  }

  const lines = [];
  lines.push(
    `Yearly target ${money(yearlyTarget, currency)} for FY${fy.fiscalYear} (${fy.start} to ${fy.end}).`
  );
  lines.push(
    `Average deal value ${money(averageDealValue, currency)}, win rate ${formatNumber(winRate)}%, sales cycle ${formatNumber(salesCycleDays)} days ≈ ${leadMonths} month(s) between creating and winning a deal.`
  );
  const result = months.map((month, i) => {
    const wonAmount = (yearlyTarget * weights[i]) / weightTotal;
    const {
      dealsToWin,
      opportunitiesToCreate: opportunitiesNeeded,
      pipelineNeeded
    } = dealsFor(wonAmount, { winRate, averageDealValue });
    const createIn = addMonths(month.start, -leadMonths);
    const pipelineByStage = perWin.map((p) => ({
      stage: p.stage,
      deals: round(dealsToWin * p.factor),
      amount: round(dealsToWin * p.factor * averageDealValue)
    }));
    return {
      start: month.start,
      end: month.end,
      label: month.label,
      wonAmount: round(wonAmount),
      dealsToWin: round(dealsToWin),
      opportunitiesToCreate: round(opportunitiesNeeded),
      createBy: createIn,
      pipelineNeeded: round(pipelineNeeded),
      pipelineByStage
    };
  });
  // What to create in a month is what the month `leadMonths` later needs (next year's months are
  // assumed to repeat this year's weights).
  result.forEach((month, i) => {
    const later = result[(i + leadMonths) % result.length];
    month.opportunitiesToCreateThisMonth = later.opportunitiesToCreate;
    month.pipelineToCreateThisMonth = later.pipelineNeeded;
  });
  const first = result[0];
  lines.push(
    `Per month (${first.label}): ${money(yearlyTarget, currency)} × ${formatNumber(weights[0])} ÷ ${formatNumber(weightTotal)} = ${money(first.wonAmount, currency)} to win.`
  );
  lines.push(
    `Deals to win: ${money(first.wonAmount, currency)} ÷ ${money(averageDealValue, currency)} = ${formatNumber(first.dealsToWin)} deals.`
  );
  lines.push(
    `Opportunities to create: ${formatNumber(first.dealsToWin)} ÷ ${formatNumber(winRate)}% = ${formatNumber(first.opportunitiesToCreate)}, created from ${first.createBy} (${leadMonths} month(s) ahead).`
  );
  lines.push(
    `New pipeline needed: ${formatNumber(first.opportunitiesToCreate)} × ${money(averageDealValue, currency)} = ${money(first.pipelineNeeded, currency)}.`
  );
  for (const p of perWin) {
    const entry = first.pipelineByStage.find((s) => s.stage === p.stage);
    lines.push(
      `At ${p.stage}: ${formatNumber(first.dealsToWin)} × ${formatNumber(p.factor)} = ${formatNumber(entry.deals)} deals (${money(entry.amount, currency)}), converting ${formatNumber(p.step * PERCENT)}% to the next stage.`
    );
  }
  return {
    months: result,
    quarters: quartersOf(result, periodsWithin('Quarter', fy.start, fy.end, fyStart)),
    lines,
    assumptions: {
      fiscalYear: fy.fiscalYear,
      start: fy.start,
      end: fy.end,
      leadMonths,
      winRate,
      averageDealValue,
      salesCycleDays,
      weights
    }
  };
}

/**
 * SPM_Target__c field values for a decomposition (Source Decomposed, arithmetic attached): one per month,
 * or with `periodType: 'Quarter'` one per fiscal quarter (the sum of its months, shown in the arithmetic).
 * @param {{ months: Array<object>, quarters?: Array<object>, lines: string[] }} decomposition from {@link decompose} (quarters needed for periodType Quarter)
 * @param {{ assigneeId: string, kpiIds: { deals_won?: string, new_opportunities?: string, new_pipeline?: string, sales_won?: string }, keyPrefix: string, derivedFromId?: string, periodType?: 'Month'|'Quarter' }} options
 * @returns {Array<object>}
 */
export function targetRecords(decomposition, options) {
  if (options.periodType === 'Quarter') return quarterRecords(decomposition, options);
  if (options.periodType !== undefined && options.periodType !== 'Month')
    throw new Error(
      `Decomposition: periodType must be Month or Quarter (got ${JSON.stringify(options.periodType)})`
    );
  return monthRecords(decomposition, options);
}

const TARGET_FIELDS = {
  sales_won: 'wonAmount',
  deals_won: 'dealsToWin',
  new_opportunities: 'opportunitiesToCreateThisMonth',
  new_pipeline: 'pipelineToCreateThisMonth'
};

function quarterRecords(decomposition, options) {
  const months = monthRecords(decomposition, options);
  const arithmetic = decomposition.lines.join('\n');
  const records = [];
  if (!Array.isArray(decomposition.quarters))
    throw new Error('Decomposition: quarterly targets need the quarters of decompose()');
  for (const quarter of decomposition.quarters) {
    for (const kpiKey of Object.keys(TARGET_FIELDS)) {
      const kpiId = options.kpiIds[kpiKey];
      if (!kpiId) continue;
      const parts = months.filter(
        (r) =>
          r.KPI__c === kpiId && r.Period_Start__c >= quarter.start && r.Period_End__c <= quarter.end
      );
      const field = TARGET_FIELDS[kpiKey].replace('ThisMonth', 'ThisPeriod');
      records.push({
        Key__c: `${options.keyPrefix}-${kpiKey}-${quarter.start.slice(0, 7)}-Q`,
        Name: `${kpiKey} ${quarter.label}`,
        KPI__c: kpiId,
        Assignee__c: options.assigneeId,
        Period_Type__c: 'Quarter',
        Period_Start__c: quarter.start,
        Period_End__c: quarter.end,
        Value__c: quarter[field],
        Source__c: 'Decomposed',
        Derived_From__c: options.derivedFromId || null,
        Arithmetic__c: `${arithmetic}\n${quarter.label} = ${parts.map((r) => formatNumber(r.Value__c)).join(' + ')} = ${formatNumber(quarter[field])} (sum of its months).`
      });
    }
  }
  return records;
}

function monthRecords(decomposition, options) {
  const records = [];
  const arithmetic = decomposition.lines.join('\n');
  const values = TARGET_FIELDS;
  for (const month of decomposition.months) {
    for (const [kpiKey, field] of Object.entries(values)) {
      const kpiId = options.kpiIds[kpiKey];
      if (!kpiId) continue;
      records.push({
        Key__c: `${options.keyPrefix}-${kpiKey}-${month.start.slice(0, 7)}`,
        Name: `${kpiKey} ${month.label}`,
        KPI__c: kpiId,
        Assignee__c: options.assigneeId,
        Period_Type__c: 'Month',
        Period_Start__c: month.start,
        Period_End__c: month.end,
        Value__c: month[field],
        Source__c: 'Decomposed',
        Derived_From__c: options.derivedFromId || null,
        Arithmetic__c: arithmetic
      });
    }
  }
  return records;
}
