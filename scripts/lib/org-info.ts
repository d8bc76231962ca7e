/** Facts about the org that several commands need. */
import type { Io } from '../../cli/io';
import type { OrgClient } from './org-client';

/** Where days begin, when the fiscal year starts, and the currency amounts are in. */
export interface OrgCalendar {
  timeZone: string;
  fiscalYearStartMonth: number;
  /** Organization.DefaultCurrencyIsoCode; null when the org does not say. */
  currency: string | null;
}

/**
 * The org's time zone (Organization.TimeZoneSidKey), which decides where a day and a month begin,
 * its fiscal year start month and its default currency. Falls back to UTC, January and no
 * currency, with a warning, when the org does not answer.
 */
export async function orgCalendar(client: OrgClient, io: Io): Promise<OrgCalendar> {
  try {
    const [org] = await client.query<{
      TimeZoneSidKey?: string;
      FiscalYearStartMonth?: number;
      DefaultCurrencyIsoCode?: string | null;
    }>('SELECT TimeZoneSidKey, FiscalYearStartMonth, DefaultCurrencyIsoCode FROM Organization');
    if (org?.TimeZoneSidKey)
      return {
        timeZone: org.TimeZoneSidKey,
        fiscalYearStartMonth: org.FiscalYearStartMonth ?? 1,
        currency: org.DefaultCurrencyIsoCode ?? null
      };
  } catch {
    // Reported below; the calendar is not worth failing the run for.
  }
  io.stderr(
    'warning: could not read the org time zone and fiscal year (Organization); using UTC and January. Pass --time-zone to choose.\n'
  );
  return { timeZone: 'UTC', fiscalYearStartMonth: 1, currency: null };
}
