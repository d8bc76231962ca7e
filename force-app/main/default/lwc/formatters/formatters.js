/**
 * Numbers, money, percentages and dates in the user's locale, currency and time zone
 * (`@salesforce/i18n`), for every panel. The number rules are c/numberFormats' (shared with the
 * scripts' reports); dates are written here. Empty values (null, undefined, NaN — e.g. a field hidden
 * by field-level security) render as EMPTY_VALUE, never as "0" or "NaN".
 */
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { EMPTY_VALUE, intlFormatters, numberFormats } from 'c/numberFormats';

export { EMPTY_VALUE };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The number formats of the user's locale (c/numberFormats: the same rules the scripts' reports use). */
const userNumbers = numberFormats(LOCALE, CURRENCY || 'USD');

/** Date formatters of the user's locale, one per option set. */
const dateFormatter = intlFormatters(Intl.DateTimeFormat, LOCALE);

/** The user's locale, currency and time zone, as `@salesforce/i18n` reports them. */
export const userLocale = { locale: LOCALE, currency: CURRENCY, timeZone: TIME_ZONE };

/**
 * A number with grouping, e.g. 12,345.6.
 * @param {number|null|undefined} value
 * @param {{ minimumFractionDigits?: number, maximumFractionDigits?: number }} [options]
 * @returns {string}
 */
export function formatNumber(value, options) {
  return userNumbers.number(value, options);
}

/**
 * An amount of money, e.g. €12,346 (whole units by default; amounts in reviews are rounded).
 * @param {number|null|undefined} value
 * @param {string|null} [currencyCode] ISO code; defaults to the user's currency
 * @param {{ compact?: boolean, fractionDigits?: number }} [options] compact: 1.2M style for charts
 * @returns {string}
 */
export function formatCurrency(value, currencyCode, options) {
  return userNumbers.currency(value, currencyCode, options);
}

/**
 * A percentage given in percent units, as the engine returns them (83.4 → "83%").
 * @param {number|null|undefined} percent
 * @param {number} [fractionDigits] digits after the decimal separator (default 0)
 * @returns {string}
 */
export function formatPercent(percent, fractionDigits) {
  return userNumbers.percent(percent, fractionDigits);
}

/**
 * A date. `'YYYY-MM-DD'` (a Salesforce Date) is a calendar day and is shown as that day in every time
 * zone; an ISO date-time is shown as its day in the user's time zone.
 * @param {string|null|undefined} value
 * @param {'short'|'medium'|'long'} [style] default 'medium' (Nov 23, 2026)
 * @returns {string}
 */
export function formatDate(value, style = 'medium') {
  if (typeof value !== 'string' || !value) {
    return EMPTY_VALUE;
  }
  const dateOnly = DATE_ONLY.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(date.getTime())) {
    return EMPTY_VALUE;
  }
  return dateFormatter({
    dateStyle: style,
    timeZone: dateOnly ? 'UTC' : TIME_ZONE || 'UTC'
  }).format(date);
}

/**
 * A date and time in the user's time zone.
 * @param {string|null|undefined} value ISO-8601 date-time
 * @returns {string}
 */
export function formatDateTime(value) {
  if (typeof value !== 'string' || !value) {
    return EMPTY_VALUE;
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return EMPTY_VALUE;
  }
  return dateFormatter({
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TIME_ZONE || 'UTC'
  }).format(date);
}

/**
 * A KPI value by its menu unit (SPM_KPI__c.Unit__c): Count, Currency, Percent, Hours, Days, Ratio.
 * @param {number|null|undefined} value
 * @param {string} unit
 * @param {string|null} [currencyCode] the review's currency (model.scope.currency), else the user's
 * @returns {string}
 */
export function formatKpiValue(value, unit, currencyCode) {
  return userNumbers.kpi(value, unit, currencyCode);
}

/**
 * Today as `'YYYY-MM-DD'` in a time zone (the user's by default): the `asOf` of a review.
 * @param {string} [timeZone]
 * @param {Date} [now] the instant to read (tests pass a fixed one)
 * @returns {string}
 */
export function todayIn(timeZone = TIME_ZONE, now = new Date()) {
  let parts;
  try {
    parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: timeZone || 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit'
    }).formatToParts(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Fills a custom label's `{0}`, `{1}`… placeholders, as Apex's String.format does.
 * @param {string} template the label text
 * @param {...*} args values; null or undefined leave an empty string
 * @returns {string}
 */
export function formatLabel(template, ...args) {
  return String(template ?? '').replace(/\{(\d+)\}/g, (match, index) => {
    const value = args[Number(index)];
    return value === null || value === undefined ? '' : String(value);
  });
}
