/**
 * Calendar and fiscal periods for Pacer.
 *
 * Dates are `'YYYY-MM-DD'` strings that already mean a day in the org's time zone; DateTimes are
 * ISO-8601 UTC instants. Nothing here reads the clock: the day "today" (`asOf`) is always passed in,
 * so every number can be recomputed for any day and tests never depend on when they run.
 */

const MS_PER_DAY = 86400000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_LABELS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec'
];
const MONTHS_PER_QUARTER = 3;
const DAYS_PER_WEEK = 7;
// ISO weeks start on Monday; Date#getUTCDay() counts Sunday as 0.
const ISO_MONDAY_OFFSET = 6;

/** The period types a target or a review can have, from the longest to the shortest. */
export const PERIOD_TYPES = ['Year', 'Quarter', 'Month', 'Week'];

/**
 * Splits a `'YYYY-MM-DD'` string into numbers, rejecting impossible days (2026-02-29, 2026-13-01).
 * @param {string} date
 * @returns {{ year: number, month: number, day: number }}
 */
export function parseDate(date) {
  const match = typeof date === 'string' ? DATE_PATTERN.exec(date) : null;
  if (!match) {
    throw new Error(`Not a date (expected YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new Error(`Not a calendar day: ${date}`);
  }
  return { year, month, day };
}

/**
 * True when the value is a `'YYYY-MM-DD'` string naming a real calendar day.
 * @param {unknown} date
 * @returns {boolean}
 */
export function isValidDate(date) {
  try {
    parseDate(/** @type {string} */ (date));
    return true;
  } catch {
    return false;
  }
}

/**
 * True for leap years of the Gregorian calendar.
 * @param {number} year
 * @returns {boolean}
 */
export function isLeapYear(year) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Number of days in a month (1–12).
 * @param {number} year
 * @param {number} month
 * @returns {number}
 */
function daysInMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toDayNumber(date) {
  const { year, month, day } = parseDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromDayNumber(dayNumber) {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

function makeDate(year, month, day) {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The day `days` after `date` (negative for before).
 * @param {string} date
 * @param {number} days
 * @returns {string}
 */
export function addDays(date, days) {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Whole days from `from` to `to` (positive when `to` is later).
 * @param {string} from
 * @param {string} to
 * @returns {number}
 */
export function daysBetween(from, to) {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * Orders two dates: negative, zero or positive like a sort comparator.
 * @param {string} a
 * @param {string} b
 * @returns {number}
 */
export function compareDates(a, b) {
  return toDayNumber(a) - toDayNumber(b);
}

/**
 * The same day `months` months later, clamped to the end of shorter months (Jan 31 + 1 → Feb 28/29).
 * @param {string} date
 * @param {number} months
 * @returns {string}
 */
export function addMonths(date, months) {
  const { year, month, day } = parseDate(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = (index % 12) + 1;
  return makeDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/**
 * First day of the month containing `date`.
 * @param {string} date
 * @returns {string}
 */
export function monthStart(date) {
  const { year, month } = parseDate(date);
  return makeDate(year, month, 1);
}

/**
 * Last day of the month containing `date`.
 * @param {string} date
 * @returns {string}
 */
export function monthEnd(date) {
  const { year, month } = parseDate(date);
  return makeDate(year, month, daysInMonth(year, month));
}

function checkStartMonth(fiscalYearStartMonth) {
  const month =
    fiscalYearStartMonth === undefined || fiscalYearStartMonth === null ? 1 : fiscalYearStartMonth;
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new Error(
      `Fiscal year start month must be 1–12, got ${JSON.stringify(fiscalYearStartMonth)}`
    );
  }
  return month;
}

/**
 * The fiscal year containing `date`. A fiscal year is named by the calendar year in which it ends
 * (April 2026 – March 2027 is FY2027), so with the default January start it matches the calendar.
 * @param {string} date
 * @param {number} [fiscalYearStartMonth=1]
 * @returns {{ fiscalYear: number, start: string, end: string }}
 */
export function fiscalYearOf(date, fiscalYearStartMonth) {
  const startMonth = checkStartMonth(fiscalYearStartMonth);
  const { year, month } = parseDate(date);
  const startYear = month >= startMonth ? year : year - 1;
  const start = makeDate(startYear, startMonth, 1);
  const end = addDays(addMonths(start, 12), -1);
  return { fiscalYear: parseDate(end).year, start, end };
}

function isoWeek(date) {
  const dayNumber = toDayNumber(date);
  const weekday =
    (new Date(dayNumber * MS_PER_DAY).getUTCDay() + ISO_MONDAY_OFFSET) % DAYS_PER_WEEK;
  const monday = dayNumber - weekday;
  // The ISO week-year is the year of the week's Thursday.
  const thursday = fromDayNumber(monday + 3);
  const weekYear = parseDate(thursday).year;
  const firstThursday = toDayNumber(makeDate(weekYear, 1, 4));
  const firstMonday =
    firstThursday -
    ((new Date(firstThursday * MS_PER_DAY).getUTCDay() + ISO_MONDAY_OFFSET) % DAYS_PER_WEEK);
  return {
    weekYear,
    week: (monday - firstMonday) / DAYS_PER_WEEK + 1,
    start: fromDayNumber(monday)
  };
}

/**
 * The period of a type (Year, Quarter, Month, Week) that contains `date`. Years and quarters follow the
 * fiscal year; months are calendar months; weeks are ISO weeks (Monday to Sunday).
 * @param {'Year'|'Quarter'|'Month'|'Week'} type
 * @param {string} date
 * @param {number} [fiscalYearStartMonth=1]
 * @returns {{ type: string, start: string, end: string, label: string, fiscalYear: number }}
 */
export function periodContaining(type, date, fiscalYearStartMonth) {
  const fy = fiscalYearOf(date, fiscalYearStartMonth);
  if (type === 'Year') {
    return {
      type,
      start: fy.start,
      end: fy.end,
      label: `FY${fy.fiscalYear}`,
      fiscalYear: fy.fiscalYear
    };
  }
  if (type === 'Quarter') {
    const monthsIn =
      (parseDate(date).year - parseDate(fy.start).year) * 12 +
      parseDate(date).month -
      parseDate(fy.start).month;
    const quarter = Math.floor(monthsIn / MONTHS_PER_QUARTER);
    const start = addMonths(fy.start, quarter * MONTHS_PER_QUARTER);
    const end = addDays(addMonths(start, MONTHS_PER_QUARTER), -1);
    return {
      type,
      start,
      end,
      label: `Q${quarter + 1} FY${fy.fiscalYear}`,
      fiscalYear: fy.fiscalYear
    };
  }
  if (type === 'Month') {
    const { year, month } = parseDate(date);
    return {
      type,
      start: monthStart(date),
      end: monthEnd(date),
      label: `${MONTH_LABELS[month - 1]} ${year}`,
      fiscalYear: fy.fiscalYear
    };
  }
  if (type === 'Week') {
    const week = isoWeek(date);
    return {
      type,
      start: week.start,
      end: addDays(week.start, DAYS_PER_WEEK - 1),
      label: `W${String(week.week).padStart(2, '0')} ${week.weekYear}`,
      fiscalYear: fy.fiscalYear
    };
  }
  throw new Error(
    `Unknown period type ${JSON.stringify(type)} (expected one of ${PERIOD_TYPES.join(', ')})`
  );
}

/**
 * The period of the same type just before `period`.
 * @param {{ type: string, start: string }} period
 * @param {number} [fiscalYearStartMonth=1]
 * @returns {{ type: string, start: string, end: string, label: string, fiscalYear: number }}
 */
export function previousPeriod(period, fiscalYearStartMonth) {
  return periodContaining(
    /** @type {any} */ (period.type),
    addDays(period.start, -1),
    fiscalYearStartMonth
  );
}

/**
 * The period of the same type just after `period`.
 * @param {{ type: string, end: string }} period
 * @param {number} [fiscalYearStartMonth=1]
 * @returns {{ type: string, start: string, end: string, label: string, fiscalYear: number }}
 */
export function nextPeriod(period, fiscalYearStartMonth) {
  return periodContaining(
    /** @type {any} */ (period.type),
    addDays(period.end, 1),
    fiscalYearStartMonth
  );
}

/**
 * Every period of `type` lying entirely inside [start, end], in order (the months of a quarter, the
 * quarters of a year; weeks straddling an edge are left out).
 * @param {'Year'|'Quarter'|'Month'|'Week'} type
 * @param {string} start
 * @param {string} end
 * @param {number} [fiscalYearStartMonth=1]
 * @returns {Array<{ type: string, start: string, end: string, label: string, fiscalYear: number }>}
 */
export function periodsWithin(type, start, end, fiscalYearStartMonth) {
  const result = [];
  let period = periodContaining(type, start, fiscalYearStartMonth);
  while (compareDates(period.start, end) <= 0) {
    if (compareDates(period.start, start) >= 0 && compareDates(period.end, end) <= 0) {
      result.push(period);
    }
    period = nextPeriod(period, fiscalYearStartMonth);
  }
  return result;
}

/**
 * How much of a period has elapsed on `asOf`, counting `asOf` itself as elapsed (on the last day the
 * whole period has elapsed). Before the period: 0; after it: the whole period.
 * @param {{ start: string, end: string }} period
 * @param {string} asOf
 * @returns {{ daysTotal: number, daysElapsed: number, fraction: number }}
 */
export function periodElapsed(period, asOf) {
  const daysTotal = daysBetween(period.start, period.end) + 1;
  const raw = daysBetween(period.start, asOf) + 1;
  const daysElapsed = Math.max(0, Math.min(daysTotal, raw));
  return { daysTotal, daysElapsed, fraction: daysElapsed / daysTotal };
}

const formatterCache = new Map();

function formatterFor(timeZone) {
  let formatter = formatterCache.get(timeZone);
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
    formatterCache.set(timeZone, formatter);
  }
  return formatter;
}

function wallClock(instantMs, timeZone) {
  const parts = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    parts[part.type] = part.value;
  }
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second)
  };
}

function offsetMs(instantMs, timeZone) {
  const w = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The org-time-zone day on which a UTC instant falls.
 * @param {string} isoDateTime e.g. '2026-11-23T23:30:00.000Z'
 * @param {string} [timeZone='UTC'] IANA name, e.g. 'Europe/Paris'
 * @returns {string} 'YYYY-MM-DD'
 */
export function localDateOf(isoDateTime, timeZone) {
  const ms = Date.parse(isoDateTime);
  if (Number.isNaN(ms)) {
    throw new Error(`Not a date-time: ${JSON.stringify(isoDateTime)}`);
  }
  if (!timeZone || timeZone === 'UTC') {
    return new Date(ms).toISOString().slice(0, 10);
  }
  const w = wallClock(ms, timeZone);
  return makeDate(w.year, w.month, w.day);
}

/**
 * The UTC instant at which a day begins in the org's time zone (the first instant whose local date is
 * `date`, so days that start at 01:00 after a daylight-saving jump are handled).
 * @param {string} date 'YYYY-MM-DD'
 * @param {string} [timeZone='UTC']
 * @returns {string} ISO-8601 instant, e.g. '2026-11-22T23:00:00.000Z'
 */
export function startOfDayUtc(date, timeZone) {
  const { year, month, day } = parseDate(date);
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  if (!timeZone || timeZone === 'UTC') {
    return new Date(midnightAsUtc).toISOString();
  }
  let guess = midnightAsUtc - offsetMs(midnightAsUtc, timeZone);
  // A second pass settles days whose offset differs from the one at UTC midnight (DST changes).
  guess = midnightAsUtc - offsetMs(guess, timeZone);
  if (localDateOf(new Date(guess).toISOString(), timeZone) !== date) {
    // Midnight does not exist that day (DST gap): the day begins at the first instant after the gap.
    const hour = 3600000;
    while (localDateOf(new Date(guess).toISOString(), timeZone) < date) {
      guess += hour;
    }
  }
  return new Date(guess).toISOString();
}

/**
 * The calendar month containing `date`, as a period.
 * @param {string} date
 * @returns {{ type: string, start: string, end: string, label: string }}
 */
export function monthPeriod(date) {
  const { year, month } = parseDate(date);
  return {
    type: 'Month',
    start: monthStart(date),
    end: monthEnd(date),
    label: `${MONTH_LABELS[month - 1]} ${year}`
  };
}
