/**
 * The start-of-month forecast of `snapshot-forecast`: per owner, for the opportunities closing in
 * the month that are open at its start, the commit amount (forecast category Commit), the
 * weighted amount (Amount × Probability / 100) and the total pipeline. The live snapshot reads
 * the opportunities as they are; the backfill rebuilds each opportunity's state as of the first
 * instant of the month from OpportunityHistory. Both feed the same `accumulate`, so they agree.
 */
import { addMonths, localDateOf, monthEnd, monthStart, startOfDayUtc } from 'c/periods';

/** An opportunity's forecast-relevant state at one instant. */
export interface ForecastState {
  ownerId: string;
  amount: number | null;
  probability: number | null;
  closeDate: string | null;
  forecastCategory: string | null;
  stageName: string | null;
  isClosed: boolean;
}

/** The three amounts of a snapshot. */
export interface ForecastAmounts {
  commit: number;
  weighted: number;
  pipeline: number;
}

/** A forecast category that counts as commit: the Opportunity's label, or OpportunityHistory's API value. */
const COMMIT_CATEGORIES = new Set(['Commit', 'Forecast']);
/** Categories of a closed opportunity (History's ForecastCategory has no IsClosed beside it). */
const CLOSED_CATEGORIES = new Set(['Closed', 'Omitted']);

/** Whether a history row describes a closed opportunity. */
function isClosedState(stageName: string | null, forecastCategory: string | null): boolean {
  return (
    (forecastCategory !== null && CLOSED_CATEGORIES.has(forecastCategory)) ||
    /^Closed\b/.test(stageName ?? '')
  );
}

/** Rounds to cents, as the Currency(16,2) fields hold. */
function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Adds up, per owner, the open opportunities whose close date falls in [monthStart, monthEnd].
 * Owners with nothing in the month are absent.
 */
export function accumulate(
  states: Iterable<ForecastState>,
  monthStart: string,
  monthEnd: string
): Map<string, ForecastAmounts> {
  const byOwner = new Map<string, ForecastAmounts>();
  for (const state of states) {
    if (
      state.isClosed ||
      !state.closeDate ||
      state.closeDate < monthStart ||
      state.closeDate > monthEnd
    )
      continue;
    const amount = state.amount ?? 0;
    const totals = byOwner.get(state.ownerId) ?? { commit: 0, weighted: 0, pipeline: 0 };
    totals.pipeline += amount;
    totals.weighted += (amount * (state.probability ?? 0)) / 100;
    if (state.forecastCategory && COMMIT_CATEGORIES.has(state.forecastCategory))
      totals.commit += amount;
    byOwner.set(state.ownerId, totals);
  }
  for (const totals of byOwner.values()) {
    totals.commit = cents(totals.commit);
    totals.weighted = cents(totals.weighted);
    totals.pipeline = cents(totals.pipeline);
  }
  return byOwner;
}

/** One OpportunityHistory row, as the backfill reads it. */
export interface HistoryRow {
  OpportunityId: string;
  CreatedDate: string;
  StageName: string | null;
  Amount: number | null;
  Probability: number | null;
  CloseDate: string | null;
  ForecastCategory: string | null;
}

/**
 * The state of each opportunity as of `instant` (ISO UTC): its last history row created before
 * then. Opportunities with no row before then did not exist yet and are left out. The owner is
 * the current one (OpportunityHistory does not record owners).
 */
export function statesAsOf(
  historyByOpportunity: ReadonlyMap<string, readonly HistoryRow[]>,
  ownerOf: ReadonlyMap<string, string>,
  instant: string
): ForecastState[] {
  const cutoff = Date.parse(instant);
  const states: ForecastState[] = [];
  for (const [opportunityId, rows] of historyByOpportunity) {
    const ownerId = ownerOf.get(opportunityId);
    if (!ownerId) continue;
    let last: HistoryRow | undefined;
    // Rows are sorted by CreatedDate; the last one before the cutoff wins.
    for (const row of rows) {
      if (Date.parse(row.CreatedDate) < cutoff) last = row;
      else break;
    }
    if (!last) continue;
    states.push({
      ownerId,
      amount: last.Amount,
      probability: last.Probability,
      closeDate: last.CloseDate,
      forecastCategory: last.ForecastCategory,
      stageName: last.StageName,
      isClosed: isClosedState(last.StageName, last.ForecastCategory)
    });
  }
  return states;
}

/** `YYYY-MM` of a date string. */
export function monthKey(date: string): string {
  return date.slice(0, 7);
}

/** First and last day of the month `offset` months from the month of `date` (`YYYY-MM-DD`). */
export function monthBounds(date: string, offset = 0): { start: string; end: string } {
  const shifted = addMonths(monthStart(date), offset);
  return { start: shifted, end: monthEnd(shifted) };
}

/** The UTC instant at which a calendar day starts in a time zone (the engine's rule). */
export function startOfDayInZone(date: string, timeZone: string): string {
  return startOfDayUtc(date, timeZone);
}

/** Today's date (`YYYY-MM-DD`) in a time zone. */
export function todayInZone(now: Date, timeZone: string): string {
  return localDateOf(now.toISOString(), timeZone);
}
