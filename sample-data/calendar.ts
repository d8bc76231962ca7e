/**
 * Calendar arithmetic shared by the generator and the local org: whole days as integers (days since
 * 1970-01-01), time-zone offsets from the platform's Intl data, and Salesforce's date and date-time
 * text forms. The local org's date literals and date functions build on it (localorg/time.ts).
 */

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' → days since the epoch. */
export function isoToDay(iso: string): number {
  return Math.floor(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) /
      DAY_MS
  );
}

/** Days since the epoch → 'YYYY-MM-DD'. */
export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && dayToIso(isoToDay(value)) === value;
}

/** Year, month (1–12) and day of a day number. */
export function dayParts(day: number): { year: number; month: number; date: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

/** First day of a month given as year and month (1–12); months beyond 12 or below 1 roll over. */
export function monthStartDay(year: number, month: number): number {
  return Math.floor(Date.UTC(year, month - 1, 1) / DAY_MS);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit'
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Offset of a time zone from UTC at an instant, in minutes (Europe/Paris in July: 120). */
export function tzOffsetMinutes(timeZone: string, utcMs: number): number {
  if (timeZone === 'UTC' || timeZone === 'GMT') return 0;
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second')
  );
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/** The UTC instant of a local wall-clock time (day number + minutes after midnight) in a time zone. */
export function localToUtcMs(day: number, minuteOfDay: number, timeZone: string): number {
  const wall = day * DAY_MS + minuteOfDay * 60_000;
  let utc = wall - tzOffsetMinutes(timeZone, wall) * 60_000;
  // A second pass settles instants near a daylight-saving switch.
  utc = wall - tzOffsetMinutes(timeZone, utc) * 60_000;
  return utc;
}

/** The local calendar day (day number) of a UTC instant in a time zone. */
export function utcMsToLocalDay(utcMs: number, timeZone: string): number {
  return Math.floor((utcMs + tzOffsetMinutes(timeZone, utcMs) * 60_000) / DAY_MS);
}

/** ISO-8601 UTC with milliseconds, the form Salesforce returns DateTime values in. */
export function msToIso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * A DateTime value written any way Salesforce accepts (with or without milliseconds, `Z` or an
 * offset) → canonical `YYYY-MM-DDTHH:mm:ss.sssZ`, or null when it is not a date-time.
 */
export function canonicalDateTime(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/.test(value))
    return null;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? null : msToIso(ms);
}
