import {
  EMPTY_VALUE,
  formatNumber,
  formatCurrency,
  formatPercent,
  formatDate,
  formatDateTime,
  formatKpiValue,
  todayIn,
  userLocale,
  formatLabel
} from 'c/formatters';

// sfdx-lwc-jest resolves @salesforce/i18n to en-US, USD and America/Los_Angeles.
describe('c/formatters in the default test locale (en-US, USD, America/Los_Angeles)', () => {
  it('reports the user locale it formats with', () => {
    expect(userLocale).toEqual({
      locale: 'en-US',
      currency: 'USD',
      timeZone: 'America/Los_Angeles'
    });
  });

  it('groups numbers and limits fraction digits', () => {
    expect(formatNumber(12345.678)).toBe('12,345.7');
    expect(formatNumber(3, { minimumFractionDigits: 2 })).toBe('3.00');
    expect(formatNumber(0)).toBe('0');
  });

  it('shows an empty value for null, undefined, NaN and non-numbers', () => {
    for (const value of [null, undefined, NaN, Infinity, '12']) {
      expect(formatNumber(value)).toBe(EMPTY_VALUE);
      expect(formatCurrency(value)).toBe(EMPTY_VALUE);
      expect(formatPercent(value)).toBe(EMPTY_VALUE);
    }
  });

  it("formats money in the user's currency unless a currency is given", () => {
    expect(formatCurrency(1234567.4)).toBe('$1,234,567');
    expect(formatCurrency(1234567.4, 'EUR')).toBe('€1,234,567');
    expect(formatCurrency(1234567, 'USD', { compact: true })).toBe('$1.2M');
    expect(formatCurrency(9.5, 'USD', { fractionDigits: 2 })).toBe('$9.50');
  });

  it('formats percent units (83.4 means 83.4%)', () => {
    expect(formatPercent(83.4)).toBe('83%');
    expect(formatPercent(-12.25, 1)).toBe('-12.3%');
  });

  it('shows a Date field as its calendar day in any time zone', () => {
    expect(formatDate('2026-11-23')).toBe('Nov 23, 2026');
    expect(formatDate('2026-01-01', 'short')).toBe('1/1/26');
  });

  it("shows a DateTime as its day and time in the user's time zone", () => {
    // 05:30 UTC on the 23rd is still the 22nd in Los Angeles.
    expect(formatDate('2026-11-23T05:30:00.000Z')).toBe('Nov 22, 2026');
    expect(formatDateTime('2026-11-23T17:05:00.000Z')).toMatch(/^Nov 23, 2026, 9:05\sAM$/);
  });

  it('shows an empty value for missing or invalid dates', () => {
    expect(formatDate(null)).toBe(EMPTY_VALUE);
    expect(formatDate('not a date')).toBe(EMPTY_VALUE);
    expect(formatDateTime(undefined)).toBe(EMPTY_VALUE);
  });

  it('formats a KPI value by its unit', () => {
    expect(formatKpiValue(250000, 'Currency', 'EUR')).toBe('€250,000');
    expect(formatKpiValue(27.35, 'Percent')).toBe('27.4%');
    expect(formatKpiValue(12.345, 'Hours')).toBe('12.3');
    expect(formatKpiValue(1.5, 'Ratio')).toBe('1.50');
    expect(formatKpiValue(7.6, 'Count')).toBe('8');
    expect(formatKpiValue(null, 'Count')).toBe(EMPTY_VALUE);
  });

  it('reads today in a time zone', () => {
    const instant = new Date('2026-11-23T23:30:00.000Z');
    expect(todayIn('Europe/Paris', instant)).toBe('2026-11-24');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-11-23');
    expect(todayIn('Not/AZone', instant)).toBe('2026-11-23');
  });
});

describe('c/formatters formatLabel', () => {
  it('fills numbered placeholders in any order', () => {
    expect(formatLabel('{1} of {0}', 'ten', 3)).toBe('3 of ten');
  });

  it('leaves missing arguments empty', () => {
    expect(formatLabel('Since {0}', null)).toBe('Since ');
    expect(formatLabel(undefined)).toBe('');
  });
});
