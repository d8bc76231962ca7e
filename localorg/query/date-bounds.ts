/**
 * Date literals (TODAY, LAST_N_DAYS:30, THIS_FISCAL_QUARTER, …) as comparable bounds for a Date
 * or DateTime field: Date fields compare 'YYYY-MM-DD' strings, DateTime fields ISO instants of
 * local midnight in the org's time zone (as Salesforce evaluates literals in the user's zone).
 */
import type { FieldDef } from '../schema/model';
import { dayToIso, localToUtcMs, msToIso } from '../../sample-data/calendar';
import { literalRange, type CalendarSettings } from '../time';
import { QueryError } from './paths';

/** [start, end) of a literal for a field, or a QueryError for an unknown literal. */
export function literalBounds(
  field: FieldDef,
  literal: string,
  n: number | undefined,
  calendar: CalendarSettings
): { start: string; end: string } {
  const range = literalRange(literal, n, calendar);
  if (!range) throw new QueryError('MALFORMED_QUERY', `unexpected token: '${literal}'`);
  if (field.type === 'datetime') {
    return {
      start: msToIso(localToUtcMs(range.start, 0, calendar.timeZone)),
      end: msToIso(localToUtcMs(range.end, 0, calendar.timeZone))
    };
  }
  return { start: dayToIso(range.start), end: dayToIso(range.end) };
}
