/**
 * Salesforce date literals (TODAY, LAST_N_DAYS:n, THIS_FISCAL_QUARTER, …) as half-open day ranges, and
 * date functions (CALENDAR_MONTH, FISCAL_YEAR, …), as SOQL and GraphQL filters apply them in the org's
 * calendar. Day arithmetic and time zones come from sample-data/calendar.ts, which the generator shares.
 */
import { isoToDay, dayParts, monthStartDay } from '../sample-data/calendar';

/** Calendar and fiscal settings that date literals and functions depend on. */
export interface CalendarSettings {
  /** The org's "today", as a day number. */
  today: number;
  /** First month of the fiscal year, 1–12. */
  fiscalYearStartMonth: number;
  /** 0 = weeks start on Sunday (en_US), 1 = Monday (most European locales). */
  weekStartsOn: number;
  /** The org's time zone (IANA name). */
  timeZone: string;
}

/** A half-open range of local days [start, end). */
export interface DayRange {
  start: number;
  end: number;
}

function weekStart(day: number, weekStartsOn: number): number {
  // 1970-01-01 was a Thursday (weekday 4, Sunday = 0).
  const weekday = (((day + 4) % 7) + 7) % 7;
  return day - ((weekday - weekStartsOn + 7) % 7);
}

function monthIndexOf(day: number): number {
  const { year, month } = dayParts(day);
  return year * 12 + (month - 1);
}

function monthIndexStart(index: number): number {
  return monthStartDay(Math.floor(index / 12), (index % 12) + 1);
}

function fiscalYearStartIndex(day: number, startMonth: number): number {
  const index = monthIndexOf(day);
  const { month } = dayParts(day);
  const offset = (month - startMonth + 12) % 12;
  return index - offset;
}

/** Date literals without a number, as Salesforce names them. */
export const DATE_LITERALS = [
  'YESTERDAY',
  'TODAY',
  'TOMORROW',
  'LAST_WEEK',
  'THIS_WEEK',
  'NEXT_WEEK',
  'LAST_MONTH',
  'THIS_MONTH',
  'NEXT_MONTH',
  'LAST_90_DAYS',
  'NEXT_90_DAYS',
  'LAST_QUARTER',
  'THIS_QUARTER',
  'NEXT_QUARTER',
  'LAST_FISCAL_QUARTER',
  'THIS_FISCAL_QUARTER',
  'NEXT_FISCAL_QUARTER',
  'LAST_YEAR',
  'THIS_YEAR',
  'NEXT_YEAR',
  'LAST_FISCAL_YEAR',
  'THIS_FISCAL_YEAR',
  'NEXT_FISCAL_YEAR'
] as const;

/** Date literals that take a number (`LAST_N_DAYS:30`), in SOQL spelling. */
export const DATE_N_LITERALS = [
  'LAST_N_DAYS',
  'NEXT_N_DAYS',
  'N_DAYS_AGO',
  'LAST_N_WEEKS',
  'NEXT_N_WEEKS',
  'N_WEEKS_AGO',
  'LAST_N_MONTHS',
  'NEXT_N_MONTHS',
  'N_MONTHS_AGO',
  'LAST_N_QUARTERS',
  'NEXT_N_QUARTERS',
  'N_QUARTERS_AGO',
  'LAST_N_YEARS',
  'NEXT_N_YEARS',
  'N_YEARS_AGO',
  'LAST_N_FISCAL_QUARTERS',
  'NEXT_N_FISCAL_QUARTERS',
  'N_FISCAL_QUARTERS_AGO',
  'LAST_N_FISCAL_YEARS',
  'NEXT_N_FISCAL_YEARS',
  'N_FISCAL_YEARS_AGO'
] as const;

/**
 * The days a date literal covers, following the SOQL reference ("Date Formats and Date Literals"):
 * LAST_N_DAYS:n includes today, NEXT_N_DAYS:n starts tomorrow, LAST_90_DAYS is 91 days, weeks start
 * on the locale's first weekday, quarters are calendar quarters, fiscal ones follow the start month.
 * Returns null for an unknown literal.
 */
export function literalRange(
  literal: string,
  n: number | undefined,
  cal: CalendarSettings
): DayRange | null {
  const t = cal.today;
  const k = n ?? 0;
  const ws = weekStart(t, cal.weekStartsOn);
  const mi = monthIndexOf(t);
  const qi = mi - (mi % 3);
  const yi = mi - (mi % 12);
  const fqiBase = fiscalYearStartIndex(t, cal.fiscalYearStartMonth);
  const fqi = fqiBase + Math.floor((mi - fqiBase) / 3) * 3;
  const fyi = fqiBase;
  const months = (startIndex: number, count: number): DayRange => ({
    start: monthIndexStart(startIndex),
    end: monthIndexStart(startIndex + count)
  });
  switch (literal) {
    case 'YESTERDAY':
      return { start: t - 1, end: t };
    case 'TODAY':
      return { start: t, end: t + 1 };
    case 'TOMORROW':
      return { start: t + 1, end: t + 2 };
    case 'LAST_WEEK':
      return { start: ws - 7, end: ws };
    case 'THIS_WEEK':
      return { start: ws, end: ws + 7 };
    case 'NEXT_WEEK':
      return { start: ws + 7, end: ws + 14 };
    case 'LAST_MONTH':
      return months(mi - 1, 1);
    case 'THIS_MONTH':
      return months(mi, 1);
    case 'NEXT_MONTH':
      return months(mi + 1, 1);
    case 'LAST_90_DAYS':
      return { start: t - 90, end: t + 1 };
    case 'NEXT_90_DAYS':
      return { start: t + 1, end: t + 91 };
    case 'LAST_QUARTER':
      return months(qi - 3, 3);
    case 'THIS_QUARTER':
      return months(qi, 3);
    case 'NEXT_QUARTER':
      return months(qi + 3, 3);
    case 'LAST_FISCAL_QUARTER':
      return months(fqi - 3, 3);
    case 'THIS_FISCAL_QUARTER':
      return months(fqi, 3);
    case 'NEXT_FISCAL_QUARTER':
      return months(fqi + 3, 3);
    case 'LAST_YEAR':
      return months(yi - 12, 12);
    case 'THIS_YEAR':
      return months(yi, 12);
    case 'NEXT_YEAR':
      return months(yi + 12, 12);
    case 'LAST_FISCAL_YEAR':
      return months(fyi - 12, 12);
    case 'THIS_FISCAL_YEAR':
      return months(fyi, 12);
    case 'NEXT_FISCAL_YEAR':
      return months(fyi + 12, 12);
    case 'LAST_N_DAYS':
      return { start: t - k, end: t + 1 };
    case 'NEXT_N_DAYS':
      return { start: t + 1, end: t + 1 + k };
    case 'N_DAYS_AGO':
      return { start: t - k, end: t - k + 1 };
    case 'LAST_N_WEEKS':
      return { start: ws - 7 * k, end: ws };
    case 'NEXT_N_WEEKS':
      return { start: ws + 7, end: ws + 7 + 7 * k };
    case 'N_WEEKS_AGO':
      return { start: ws - 7 * k, end: ws - 7 * k + 7 };
    case 'LAST_N_MONTHS':
      return months(mi - k, k);
    case 'NEXT_N_MONTHS':
      return months(mi + 1, k);
    case 'N_MONTHS_AGO':
      return months(mi - k, 1);
    case 'LAST_N_QUARTERS':
      return months(qi - 3 * k, 3 * k);
    case 'NEXT_N_QUARTERS':
      return months(qi + 3, 3 * k);
    case 'N_QUARTERS_AGO':
      return months(qi - 3 * k, 3);
    case 'LAST_N_YEARS':
      return months(yi - 12 * k, 12 * k);
    case 'NEXT_N_YEARS':
      return months(yi + 12, 12 * k);
    case 'N_YEARS_AGO':
      return months(yi - 12 * k, 12);
    case 'LAST_N_FISCAL_QUARTERS':
      return months(fqi - 3 * k, 3 * k);
    case 'NEXT_N_FISCAL_QUARTERS':
      return months(fqi + 3, 3 * k);
    case 'N_FISCAL_QUARTERS_AGO':
      return months(fqi - 3 * k, 3);
    case 'LAST_N_FISCAL_YEARS':
      return months(fyi - 12 * k, 12 * k);
    case 'NEXT_N_FISCAL_YEARS':
      return months(fyi + 12, 12 * k);
    case 'N_FISCAL_YEARS_AGO':
      return months(fyi - 12 * k, 12);
    default:
      return null;
  }
}

/** Date functions usable in GROUP BY / groupBy and in SOQL SELECT, as SOQL names them. */
export const DATE_FUNCTIONS = [
  'CALENDAR_MONTH',
  'CALENDAR_QUARTER',
  'CALENDAR_YEAR',
  'DAY_IN_MONTH',
  'DAY_IN_WEEK',
  'DAY_IN_YEAR',
  'DAY_ONLY',
  'FISCAL_MONTH',
  'FISCAL_QUARTER',
  'FISCAL_YEAR',
  'HOUR_IN_DAY',
  'WEEK_IN_MONTH',
  'WEEK_IN_YEAR'
] as const;

/** One of {@link DATE_FUNCTIONS}. */
export type DateFunction = (typeof DATE_FUNCTIONS)[number];

/**
 * Applies a date function to a Date ('YYYY-MM-DD') or DateTime (ISO UTC) value. As in SOQL,
 * DateTime values are taken in UTC (SOQL needs convertTimezone() to use the user's zone).
 * DAY_ONLY returns a 'YYYY-MM-DD' string, the others numbers. Fiscal years are named after the
 * calendar year they start in.
 */
export function applyDateFunction(
  fn: DateFunction,
  value: string,
  fiscalYearStartMonth: number
): number | string | null {
  const day = isoToDay(value.slice(0, 10));
  const { year, month, date } = dayParts(day);
  switch (fn) {
    case 'CALENDAR_MONTH':
      return month;
    case 'CALENDAR_QUARTER':
      return Math.floor((month - 1) / 3) + 1;
    case 'CALENDAR_YEAR':
      return year;
    case 'DAY_IN_MONTH':
      return date;
    case 'DAY_IN_WEEK':
      return ((((day + 4) % 7) + 7) % 7) + 1;
    case 'DAY_IN_YEAR':
      return day - monthStartDay(year, 1) + 1;
    case 'DAY_ONLY':
      return value.slice(0, 10);
    case 'FISCAL_MONTH':
      return ((month - fiscalYearStartMonth + 12) % 12) + 1;
    case 'FISCAL_QUARTER':
      return Math.floor(((month - fiscalYearStartMonth + 12) % 12) / 3) + 1;
    case 'FISCAL_YEAR':
      return month >= fiscalYearStartMonth ? year : year - 1;
    case 'HOUR_IN_DAY':
      return value.length > 10 ? Number(value.slice(11, 13)) : null;
    case 'WEEK_IN_MONTH':
      return Math.floor((date - 1) / 7) + 1;
    case 'WEEK_IN_YEAR':
      return Math.floor((day - monthStartDay(year, 1)) / 7) + 1;
    default:
      return null;
  }
}
