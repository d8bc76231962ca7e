import {
  parseDate,
  isValidDate,
  isLeapYear,
  addDays,
  addMonths,
  daysBetween,
  fiscalYearOf,
  periodContaining,
  previousPeriod,
  nextPeriod,
  periodsWithin,
  periodElapsed,
  localDateOf,
  startOfDayUtc,
  monthPeriod
} from 'c/periods';

describe('calendar days', () => {
  it('rejects impossible days, including 29 February of a common year', () => {
    expect(isValidDate('2028-02-29')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(() => parseDate('23/11/2026')).toThrow('Not a date (expected YYYY-MM-DD): "23/11/2026"');
  });
  it('knows leap years, century rules included', () => {
    expect([2024, 2028, 2000].map(isLeapYear)).toEqual([true, true, true]);
    expect([2026, 1900, 2100].map(isLeapYear)).toEqual([false, false, false]);
  });
  it('adds days across the leap day', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2026-11-23', '2026-09-24')).toBe(-60);
  });
  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-03-15', -15)).toBe('2024-12-15');
  });
});

describe('fiscal periods', () => {
  it('uses the calendar year by default', () => {
    expect(fiscalYearOf('2026-11-23')).toEqual({
      fiscalYear: 2026,
      start: '2026-01-01',
      end: '2026-12-31'
    });
  });
  it('names a fiscal year starting in April by the year it ends in', () => {
    expect(fiscalYearOf('2026-11-23', 4)).toEqual({
      fiscalYear: 2027,
      start: '2026-04-01',
      end: '2027-03-31'
    });
    expect(fiscalYearOf('2026-03-31', 4)).toEqual({
      fiscalYear: 2026,
      start: '2025-04-01',
      end: '2026-03-31'
    });
  });
  it('cuts fiscal quarters from the start month', () => {
    expect(periodContaining('Quarter', '2026-11-23', 4)).toEqual({
      type: 'Quarter',
      start: '2026-10-01',
      end: '2026-12-31',
      label: 'Q3 FY2027',
      fiscalYear: 2027
    });
    expect(periodContaining('Quarter', '2027-02-28', 4).label).toBe('Q4 FY2027');
    expect(periodContaining('Quarter', '2026-04-01', 4).start).toBe('2026-04-01');
    expect(periodContaining('Quarter', '2026-11-23').label).toBe('Q4 FY2026');
  });
  it('ends a February month on the leap day', () => {
    expect(periodContaining('Month', '2028-02-10')).toMatchObject({
      start: '2028-02-01',
      end: '2028-02-29',
      label: 'Feb 2028'
    });
  });
  it('uses ISO weeks, Monday to Sunday', () => {
    expect(periodContaining('Week', '2026-11-23')).toMatchObject({
      start: '2026-11-23',
      end: '2026-11-29',
      label: 'W48 2026'
    });
    expect(periodContaining('Week', '2027-01-01')).toMatchObject({
      start: '2026-12-28',
      label: 'W53 2026'
    });
  });
  it('steps to the previous and next period of the same type', () => {
    const q = periodContaining('Quarter', '2026-05-10', 4);
    expect(previousPeriod(q, 4)).toMatchObject({
      start: '2026-01-01',
      end: '2026-03-31',
      label: 'Q4 FY2026'
    });
    expect(nextPeriod(q, 4)).toMatchObject({ start: '2026-07-01', label: 'Q2 FY2027' });
    expect(previousPeriod(periodContaining('Month', '2028-03-05'))).toMatchObject({
      start: '2028-02-01',
      end: '2028-02-29'
    });
  });
  it('lists the months of a fiscal year', () => {
    const months = periodsWithin('Month', '2026-04-01', '2027-03-31', 4);
    expect(months).toHaveLength(12);
    expect(months[0].label).toBe('Apr 2026');
    expect(months[11].label).toBe('Mar 2027');
  });
  it('rejects an unknown period type and a bad start month', () => {
    expect(() => periodContaining('Fortnight', '2026-01-01')).toThrow(
      'Unknown period type "Fortnight"'
    );
    expect(() => fiscalYearOf('2026-01-01', 13)).toThrow(
      'Fiscal year start month must be 1–12, got 13'
    );
  });
});

describe('pro-rating', () => {
  const november = monthPeriod('2026-11-23');
  it('counts asOf itself as elapsed', () => {
    expect(periodElapsed(november, '2026-11-01')).toEqual({
      daysTotal: 30,
      daysElapsed: 1,
      fraction: 1 / 30
    });
    expect(periodElapsed(november, '2026-11-15')).toEqual({
      daysTotal: 30,
      daysElapsed: 15,
      fraction: 0.5
    });
    expect(periodElapsed(november, '2026-11-30').fraction).toBe(1);
  });
  it('clamps before and after the period', () => {
    expect(periodElapsed(november, '2026-10-01').daysElapsed).toBe(0);
    expect(periodElapsed(november, '2027-01-01').daysElapsed).toBe(30);
  });
  it('pro-rates a leap February over 29 days', () => {
    expect(periodElapsed(monthPeriod('2028-02-29'), '2028-02-29')).toEqual({
      daysTotal: 29,
      daysElapsed: 29,
      fraction: 1
    });
  });
});

describe('org time zone', () => {
  it('finds the local day of an instant', () => {
    expect(localDateOf('2026-11-22T23:30:00.000Z', 'Europe/Paris')).toBe('2026-11-23');
    expect(localDateOf('2026-11-23T04:30:00.000Z', 'America/Los_Angeles')).toBe('2026-11-22');
    expect(localDateOf('2026-11-22T23:30:00.000Z')).toBe('2026-11-22');
  });
  it('finds the instant a local day begins, in winter and summer time', () => {
    expect(startOfDayUtc('2026-11-23', 'Europe/Paris')).toBe('2026-11-22T23:00:00.000Z');
    expect(startOfDayUtc('2026-07-01', 'Europe/Paris')).toBe('2026-06-30T22:00:00.000Z');
    expect(startOfDayUtc('2026-10-25', 'Europe/Paris')).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDayUtc('2026-10-26', 'Europe/Paris')).toBe('2026-10-25T23:00:00.000Z');
    expect(startOfDayUtc('2028-02-29', 'Asia/Tokyo')).toBe('2028-02-28T15:00:00.000Z');
  });
  it('handles a day whose midnight does not exist (Santiago springs forward at midnight)', () => {
    const start = startOfDayUtc('2026-09-06', 'America/Santiago');
    expect(localDateOf(start, 'America/Santiago')).toBe('2026-09-06');
    expect(localDateOf(new Date(Date.parse(start) - 1000).toISOString(), 'America/Santiago')).toBe(
      '2026-09-05'
    );
  });
});
