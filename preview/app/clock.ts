/**
 * The preview's "today" is the data set's `asOf`, as it is for the local org (its calendar never
 * ages the sample data): when they differ, `Date` in the page is moved by whole days, keeping the
 * time of day, so components computing "today" see the day the data was made for.
 */
import { previewContext } from '../platform/context';

/** Milliseconds from the real date in `timeZone` to `asOf` (a multiple of a day; 0 when equal). */
export function dayShiftMs(asOf: string, now: number, timeZone: string): number {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit'
  }).format(now);
  return Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
}

/** A `Date` whose "now" is `offsetMs` later; dates built from values are unchanged. */
export function shiftedDate(RealDate: DateConstructor, offsetMs: number): DateConstructor {
  function ShiftedDate(this: unknown, ...args: unknown[]): unknown {
    const instant = args.length ? args : [RealDate.now() + offsetMs];
    // Called without `new`, Date returns the current time as a string.
    if (!new.target) return new RealDate(RealDate.now() + offsetMs).toString();
    return Reflect.construct(RealDate, instant, new.target);
  }
  ShiftedDate.prototype = RealDate.prototype;
  Object.setPrototypeOf(ShiftedDate, RealDate);
  Object.defineProperty(ShiftedDate, 'now', {
    value: () => RealDate.now() + offsetMs,
    writable: true,
    configurable: true
  });
  return ShiftedDate as unknown as DateConstructor;
}

/** Moves the page's clock to the data set's day, if it is not today. */
export function installPreviewClock(): void {
  const { asOf, i18n } = previewContext();
  if (!asOf) return;
  const offset = dayShiftMs(asOf, Date.now(), String(i18n.timeZone ?? 'UTC'));
  if (offset !== 0) globalThis.Date = shiftedDate(Date, offset);
}
