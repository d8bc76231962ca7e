/** Facts about the org that several commands need. */
import type { Io } from './io';
import type { OrgClient } from './org-client';

/** Where days begin and when the fiscal year starts. */
export interface OrgCalendar {
  timeZone: string;
  fiscalYearStartMonth: number;
}

/**
 * The org's time zone (Organization.TimeZoneSidKey), which decides where a day and a month begin,
 * and its fiscal year start month. Falls back to UTC and January, with a warning, when the org
 * does not answer.
 */
export async function orgCalendar(client: OrgClient, io: Io): Promise<OrgCalendar> {
  try {
    const [org] = await client.query<{ TimeZoneSidKey?: string; FiscalYearStartMonth?: number }>(
      'SELECT TimeZoneSidKey, FiscalYearStartMonth FROM Organization'
    );
    if (org?.TimeZoneSidKey)
      return { timeZone: org.TimeZoneSidKey, fiscalYearStartMonth: org.FiscalYearStartMonth ?? 1 };
  } catch {
    // Reported below; the calendar is not worth failing the run for.
  }
  io.stderr(
    'warning: could not read the org time zone and fiscal year (Organization); using UTC and January. Pass --time-zone to choose.\n'
  );
  return { timeZone: 'UTC', fiscalYearStartMonth: 1 };
}
