import { isoToDay, dayToIso } from '../sample-data/calendar';
import { literalRange, applyDateFunction, type CalendarSettings } from './time';

const cal = (today: string, fiscalYearStartMonth = 1): CalendarSettings => ({
  today: isoToDay(today),
  fiscalYearStartMonth,
  weekStartsOn: 1,
  timeZone: 'Europe/Paris'
});

const range = (literal: string, settings: CalendarSettings, n?: number) => {
  const r = literalRange(literal, n, settings)!;
  return [dayToIso(r.start), dayToIso(r.end)];
};

describe('date literals', () => {
  const monday = cal('2026-11-23');

  it('covers days as SOQL does: LAST_N_DAYS includes today, NEXT_N_DAYS starts tomorrow', () => {
    expect(range('TODAY', monday)).toEqual(['2026-11-23', '2026-11-24']);
    expect(range('YESTERDAY', monday)).toEqual(['2026-11-22', '2026-11-23']);
    expect(range('LAST_N_DAYS', monday, 30)).toEqual(['2026-10-24', '2026-11-24']);
    expect(range('NEXT_N_DAYS', monday, 30)).toEqual(['2026-11-24', '2026-12-24']);
    expect(range('LAST_90_DAYS', monday)).toEqual(['2026-08-25', '2026-11-24']);
    expect(range('N_DAYS_AGO', monday, 60)).toEqual(['2026-09-24', '2026-09-25']);
  });

  it('covers weeks from the locale first day, months, quarters and years', () => {
    expect(range('THIS_WEEK', cal('2026-11-25'))).toEqual(['2026-11-23', '2026-11-30']);
    expect(range('LAST_WEEK', monday)).toEqual(['2026-11-16', '2026-11-23']);
    expect(range('THIS_MONTH', monday)).toEqual(['2026-11-01', '2026-12-01']);
    expect(range('NEXT_MONTH', cal('2026-12-31'))).toEqual(['2027-01-01', '2027-02-01']);
    expect(range('LAST_N_MONTHS', monday, 3)).toEqual(['2026-08-01', '2026-11-01']);
    expect(range('THIS_QUARTER', monday)).toEqual(['2026-10-01', '2027-01-01']);
    expect(range('LAST_QUARTER', monday)).toEqual(['2026-07-01', '2026-10-01']);
    expect(range('THIS_YEAR', monday)).toEqual(['2026-01-01', '2027-01-01']);
    expect(range('LAST_N_YEARS', monday, 2)).toEqual(['2024-01-01', '2026-01-01']);
  });

  it('follows the fiscal year start month', () => {
    const april = cal('2026-11-23', 4);
    expect(range('THIS_FISCAL_YEAR', april)).toEqual(['2026-04-01', '2027-04-01']);
    expect(range('THIS_FISCAL_QUARTER', april)).toEqual(['2026-10-01', '2027-01-01']);
    expect(range('THIS_FISCAL_YEAR', cal('2026-02-10', 4))).toEqual(['2025-04-01', '2026-04-01']);
    expect(range('LAST_FISCAL_QUARTER', cal('2026-05-10', 4))).toEqual([
      '2026-01-01',
      '2026-04-01'
    ]);
    expect(applyDateFunction('FISCAL_YEAR', '2026-02-10', 4)).toBe(2025);
    expect(applyDateFunction('FISCAL_QUARTER', '2026-02-10', 4)).toBe(4);
    expect(applyDateFunction('FISCAL_MONTH', '2026-04-10', 4)).toBe(1);
  });

  it('returns null for a literal Salesforce does not have', () => {
    expect(literalRange('NEXT_FORTNIGHT', undefined, monday)).toBeNull();
  });
});

describe('date functions', () => {
  it('applies date functions as SOQL numbers them', () => {
    expect(applyDateFunction('CALENDAR_QUARTER', '2026-11-23', 1)).toBe(4);
    expect(applyDateFunction('DAY_IN_WEEK', '2026-11-23', 1)).toBe(2); // Sunday = 1
    expect(applyDateFunction('DAY_IN_YEAR', '2026-02-01', 1)).toBe(32);
    expect(applyDateFunction('WEEK_IN_MONTH', '2026-11-23', 1)).toBe(4);
    expect(applyDateFunction('HOUR_IN_DAY', '2026-11-23T15:04:00.000Z', 1)).toBe(15);
    expect(applyDateFunction('DAY_ONLY', '2026-11-23T15:04:00.000Z', 1)).toBe('2026-11-23');
  });
});
