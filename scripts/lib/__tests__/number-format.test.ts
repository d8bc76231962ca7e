/**
 * The scripts' reports write numbers with the panels' rules (c/numberFormats through c/formatters):
 * the same KPI value reads the same in `report` and on the review page.
 */
import { NumberFormat, environmentLocale } from '../number-format';
import { numberFormats } from 'c/numberFormats';

describe('NumberFormat', () => {
  const report = new NumberFormat('fr-FR', 'EUR');
  const panel = numberFormats('fr-FR', 'EUR');

  it('writes every KPI unit as the panels do', () => {
    const cases: Array<[number, string]> = [
      [50, 'Percent'],
      [495800.4, 'Currency'],
      [12.345, 'Hours'],
      [3.5, 'Days'],
      [1.5, 'Ratio'],
      [42.6, 'Count']
    ];
    for (const [value, unit] of cases) {
      expect(report.kpi(value, unit)).toBe(panel.kpi(value, unit, 'EUR'));
    }
    expect(report.kpi(50, 'Percent')).toBe(
      new Intl.NumberFormat('fr-FR', { style: 'percent', minimumFractionDigits: 1 }).format(0.5)
    );
  });

  it('writes attainment in whole percent and deviation with one decimal, as the panels do', () => {
    expect(report.percent(83.44)).toBe(panel.percent(83.44));
    expect(report.percent(-12.34, 1)).toBe(panel.percent(-12.34, 1));
  });

  it('prints an em dash for a missing value and plain numbers without a currency', () => {
    expect(report.kpi(null, 'Currency')).toBe('—');
    expect(report.percent(Number.NaN)).toBe('—');
    expect(new NumberFormat('en-US').amount(1234.6)).toBe('1,235');
  });

  it('reads the locale of the environment', () => {
    expect(environmentLocale({ LANG: 'de_DE.UTF-8' })).toBe('de-DE');
    expect(environmentLocale({ LC_ALL: 'C' })).toBe('en-US');
  });
});
