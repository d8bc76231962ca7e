/**
 * What a sample data set tells a sales leader, measured the way the review measures it: forecast
 * accuracy (won in a month against the commit forecast taken at its start, rebuilt from the
 * opportunities' history as `snapshot-forecast --backfill` does), the share of open deals carrying
 * each data-trust flag on asOf (the engine's flag predicates), and how those flags spread over the
 * reps (most clean, a few not). `npm run -s sample-data -- --stats` prints it.
 */
import { accumulate, monthBounds, startOfDayInZone, statesAsOf, type HistoryRow } from './forecast';
import { flagsOfOpenDeals, forecastDeviationPct, TRUST_FLAG_KEYS } from './kpi-engine';
import type { SampleDataSet } from '../../sample-data/types';

/** The months of forecast accuracy measured: the complete months before asOf. */
const ACCURACY_MONTHS = 6;
/** A rep whose open deals are flagged more often than this is one with dirty data. */
const DIRTY_REP_SHARE = 0.5;

export interface SampleStats {
  asOf: string;
  forecast: {
    /** Rep-months with a commit forecast, and the deviation of each (%). */
    repMonths: number;
    medianAbsDeviationPct: number | null;
    shareWithin10Pct: number | null;
    shareWithin40Pct: number | null;
  };
  flags: {
    openDeals: number;
    /** Share of open deals flagged with any flag, and with each. */
    anyShare: number | null;
    byFlag: Record<string, number | null>;
    /** Reps whose open deals are flagged more than half the time, of all reps with open deals. */
    dirtyReps: number;
    reps: number;
    /** The most open deals past their close date any one rep has. */
    mostPastCloseDateOfARep: number;
  };
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null;
}

function roundTo(value: number | null, decimals: number): number | null {
  return value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The statistics of a sample data set, with the stage policy its flags are judged by. */
export function sampleStats(
  data: SampleDataSet,
  stagePolicy: ReadonlyArray<Record<string, unknown>>,
  staleDays = 60
): SampleStats {
  const { asOf, orgTimeZone } = data.meta as { asOf: string; orgTimeZone: string };
  const opportunities = data.records.Opportunity ?? [];
  const ownerOf = new Map(opportunities.map((o) => [String(o.Id), String(o.OwnerId)]));
  const history = new Map<string, HistoryRow[]>();
  for (const row of (data.records.OpportunityHistory ?? []) as unknown as HistoryRow[]) {
    const rows = history.get(row.OpportunityId) ?? [];
    rows.push(row);
    history.set(row.OpportunityId, rows);
  }
  for (const rows of history.values())
    rows.sort((a, b) => a.CreatedDate.localeCompare(b.CreatedDate));

  const deviations: number[] = [];
  for (let offset = -ACCURACY_MONTHS; offset < 0; offset++) {
    const month = monthBounds(asOf, offset);
    const forecast = accumulate(
      statesAsOf(history, ownerOf, startOfDayInZone(month.start, orgTimeZone)),
      month.start,
      month.end
    );
    const won = new Map<string, number>();
    for (const o of opportunities) {
      const close = String(o.CloseDate ?? '');
      if (o.IsWon === true && close >= month.start && close <= month.end)
        won.set(String(o.OwnerId), (won.get(String(o.OwnerId)) ?? 0) + Number(o.Amount ?? 0));
    }
    for (const [owner, amounts] of forecast) {
      const deviation = forecastDeviationPct(won.get(owner) ?? 0, amounts.commit);
      if (deviation !== null) deviations.push(deviation);
    }
  }
  const absolute = deviations.map(Math.abs);

  const open = opportunities.filter((o) => o.IsClosed !== true);
  const flagsOf = flagsOfOpenDeals({
    asOf,
    orgTimeZone,
    staleDays,
    lastReviewDate: asOf,
    stagePolicy
  });
  const byFlag = Object.fromEntries(TRUST_FLAG_KEYS.map((key) => [key, 0])) as Record<
    string,
    number
  >;
  const byRep = new Map<string, { open: number; flagged: number; pastCloseDate: number }>();
  let any = 0;
  for (const deal of open) {
    const flags = flagsOf(deal);
    for (const flag of flags) byFlag[flag] += 1;
    if (flags.length) any += 1;
    const rep = byRep.get(String(deal.OwnerId)) ?? { open: 0, flagged: 0, pastCloseDate: 0 };
    rep.open += 1;
    if (flags.length) rep.flagged += 1;
    if (flags.includes('pastCloseDate')) rep.pastCloseDate += 1;
    byRep.set(String(deal.OwnerId), rep);
  }
  return {
    asOf,
    forecast: {
      repMonths: deviations.length,
      medianAbsDeviationPct: roundTo(median(absolute), 1),
      shareWithin10Pct: share(absolute.filter((d) => d <= 10).length, absolute.length),
      shareWithin40Pct: share(absolute.filter((d) => d <= 40).length, absolute.length)
    },
    flags: {
      openDeals: open.length,
      anyShare: share(any, open.length),
      byFlag: Object.fromEntries(
        Object.entries(byFlag).map(([key, count]) => [key, share(count, open.length)])
      ),
      dirtyReps: [...byRep.values()].filter((r) => r.flagged / r.open > DIRTY_REP_SHARE).length,
      reps: byRep.size,
      mostPastCloseDateOfARep: Math.max(0, ...[...byRep.values()].map((r) => r.pastCloseDate))
    }
  };
}
