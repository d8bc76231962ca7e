// A German user in Paris paying in euros: the same calls follow @salesforce/i18n.
jest.mock('@salesforce/i18n/locale', () => ({ default: 'de-DE' }), { virtual: true });
jest.mock('@salesforce/i18n/currency', () => ({ default: 'EUR' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Europe/Paris' }), { virtual: true });

import { formatNumber, formatCurrency, formatPercent, formatDate, todayIn } from 'c/formatters';

// Intl separates the amount from the symbol with a no-break space.
const spaces = (text) => text.replace(/\s/g, ' ');

describe('c/formatters for a de-DE user with EUR in Europe/Paris', () => {
  it('uses German separators', () => {
    expect(formatNumber(12345.6)).toBe('12.345,6');
  });

  it('puts the euro after the amount', () => {
    expect(spaces(formatCurrency(1234567))).toBe('1.234.567 €');
  });

  it('formats percentages the German way', () => {
    expect(spaces(formatPercent(83.4))).toBe('83 %');
  });

  it('formats dates in German', () => {
    expect(formatDate('2026-11-23')).toBe('23.11.2026');
  });

  it("reads today in the user's time zone by default", () => {
    expect(todayIn(undefined, new Date('2026-11-23T23:30:00.000Z'))).toBe('2026-11-24');
  });
});
