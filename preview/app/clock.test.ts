import { dayShiftMs, shiftedDate } from './clock';

const DAY = 86_400_000;

describe('dayShiftMs', () => {
  it('is the whole days from the real date in the time zone to asOf', () => {
    const now = Date.parse('2027-03-02T10:00:00Z');
    expect(dayShiftMs('2027-03-02', now, 'Europe/Paris')).toBe(0);
    expect(dayShiftMs('2026-11-23', now, 'Europe/Paris')).toBe(-99 * DAY);
  });

  it('counts the day in the given time zone', () => {
    // 23:30 UTC on 1 March is already 2 March in Paris.
    expect(dayShiftMs('2027-03-02', Date.parse('2027-03-01T23:30:00Z'), 'Europe/Paris')).toBe(0);
    expect(dayShiftMs('2027-03-02', Date.parse('2027-03-01T23:30:00Z'), 'UTC')).toBe(DAY);
  });
});

describe('shiftedDate', () => {
  const Shifted = shiftedDate(Date, -10 * DAY);

  it('moves now, keeping the time of day', () => {
    const drift = Date.now() - 10 * DAY - new Shifted().getTime();
    expect(Math.abs(drift)).toBeLessThan(1000);
    expect(Math.abs(Date.now() - 10 * DAY - Shifted.now())).toBeLessThan(1000);
  });

  it('leaves dates built from values alone and stays a Date', () => {
    const date = new Shifted('2026-11-23T09:30:00.000Z');
    expect(date.toISOString()).toBe('2026-11-23T09:30:00.000Z');
    expect(date).toBeInstanceOf(Date);
    expect(Shifted.UTC(2026, 10, 23)).toBe(Date.UTC(2026, 10, 23));
    expect(typeof (Shifted as unknown as () => string)()).toBe('string');
  });
});
