import { isIsoDate, isoToDay, localToUtcMs, tzOffsetMinutes, canonicalDateTime } from './calendar';
import { idSuffix, isValidId, makeId, to18 } from './ids';

describe('calendar helpers', () => {
  it('knows daylight saving time in the org time zone', () => {
    expect(tzOffsetMinutes('Europe/Paris', Date.parse('2026-07-01T12:00:00Z'))).toBe(120);
    expect(tzOffsetMinutes('Europe/Paris', Date.parse('2026-12-01T12:00:00Z'))).toBe(60);
    expect(new Date(localToUtcMs(isoToDay('2026-01-01'), 0, 'Europe/Paris')).toISOString()).toBe(
      '2025-12-31T23:00:00.000Z'
    );
    expect(
      new Date(localToUtcMs(isoToDay('2026-07-01'), 9 * 60, 'Europe/Paris')).toISOString()
    ).toBe('2026-07-01T07:00:00.000Z');
  });

  it('parses dates and date-times strictly', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(canonicalDateTime('2026-11-23T10:00:00+01:00')).toBe('2026-11-23T09:00:00.000Z');
    expect(canonicalDateTime('2026-11-23T10:00:00Z')).toBe('2026-11-23T10:00:00.000Z');
    expect(canonicalDateTime('2026-11-23')).toBeNull();
  });
});

describe('record ids', () => {
  it('mints 18-character ids with the checksum Salesforce uses', () => {
    // The suffix of a known id: 001 + all digits has no capitals, so AAA.
    expect(idSuffix('001000000000001')).toBe('AAA');
    expect(to18('00D000000000001')).toBe('00D000000000001EAA');
    const id = makeId('006', 123_456);
    expect(id).toHaveLength(18);
    expect(isValidId(id)).toBe(true);
    expect(isValidId(id.slice(0, 15))).toBe(true);
    expect(isValidId(`${id.slice(0, 15)}ZZZ`)).toBe(false);
    expect(makeId('006', 2) > makeId('006', 1)).toBe(true);
  });
});
