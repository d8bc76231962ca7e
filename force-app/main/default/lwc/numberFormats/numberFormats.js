/**
 * How Pacer writes numbers, money, percentages and KPI values, for any locale and currency: the panels
 * use it in the user's locale (c/formatters), the scripts' reports in the terminal's
 * (scripts/lib/number-format.ts), so a KPI reads the same in both. Empty values (null, undefined, NaN —
 * e.g. a field hidden by field-level security) render as EMPTY_VALUE, never as "0" or "NaN".
 */

/** What a missing value shows: an em dash, as Salesforce list views do. */
export const EMPTY_VALUE = '—';

const FALLBACK_LOCALE = 'en-US';

function isNumber(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Intl formatters of one kind (Intl.NumberFormat, Intl.DateTimeFormat) for one locale, one per option
 * set: they are costly to build and panels format hundreds of cells. A locale Intl does not know (or
 * a currency code it rejects) falls back to the neutral locale rather than break a panel or a report.
 * @param {Function} Type the Intl constructor
 * @param {string} locale BCP 47 tag
 * @returns {(options: object) => object} the formatter of those options
 */
export function intlFormatters(Type, locale) {
  const cache = new Map();
  return (options) => {
    const key = JSON.stringify(options);
    let cached = cache.get(key);
    if (!cached) {
      try {
        cached = new Type(locale, options);
      } catch {
        cached = new Type(FALLBACK_LOCALE, options);
      }
      cache.set(key, cached);
    }
    return cached;
  };
}

/**
 * The number formats of one locale.
 * @param {string} locale BCP 47 tag; a tag Intl does not know falls back to en-US rather than throw
 * @param {string|null} [defaultCurrency] ISO code amounts use when none is given; with none, amounts are
 *   written as whole numbers without a symbol
 */
export function numberFormats(locale, defaultCurrency) {
  const formatter = intlFormatters(Intl.NumberFormat, locale);

  /** A number with grouping, e.g. 12,345.6 (at most one decimal by default). */
  function number(value, options = {}) {
    if (!isNumber(value)) {
      return EMPTY_VALUE;
    }
    const { minimumFractionDigits = 0, maximumFractionDigits = 1 } = options;
    return formatter({
      minimumFractionDigits,
      maximumFractionDigits: Math.max(minimumFractionDigits, maximumFractionDigits)
    }).format(value);
  }

  /** An amount of money in whole units by default, e.g. €12,346; `compact` gives 1.2M for charts. */
  function currency(value, currencyCode, options = {}) {
    if (!isNumber(value)) {
      return EMPTY_VALUE;
    }
    const { compact = false, fractionDigits = 0 } = options;
    const code = currencyCode || defaultCurrency;
    if (!code) {
      return number(value, { maximumFractionDigits: fractionDigits });
    }
    return formatter({
      style: 'currency',
      currency: code,
      notation: compact ? 'compact' : 'standard',
      minimumFractionDigits: compact ? 0 : fractionDigits,
      maximumFractionDigits: compact ? 1 : fractionDigits
    }).format(value);
  }

  /** A percentage given in percent units, as the engine returns them (83.4 → "83%"). */
  function percent(value, fractionDigits = 0) {
    if (!isNumber(value)) {
      return EMPTY_VALUE;
    }
    return formatter({
      style: 'percent',
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits
    }).format(value / 100);
  }

  /** A KPI value by its menu unit (SPM_KPI__c.Unit__c): Count, Currency, Percent, Hours, Days, Ratio. */
  function kpi(value, unit, currencyCode) {
    switch (unit) {
      case 'Currency':
        return currency(value, currencyCode);
      case 'Percent':
        return percent(value, 1);
      case 'Hours':
      case 'Days':
        return number(value, { maximumFractionDigits: 1 });
      case 'Ratio':
        return number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      case 'Count':
      default:
        return number(value, { maximumFractionDigits: 0 });
    }
  }

  return { number, currency, percent, kpi };
}
