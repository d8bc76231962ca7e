import { attainment, statusOf } from 'c/status';

const thresholds = { green: 100, amber: 85 };

describe('attainment', () => {
  it('is value ÷ target when higher is better', () => {
    expect(attainment(90, 100, 'Higher is better')).toBe(90);
  });
  it('is target ÷ value when lower is better', () => {
    expect(attainment(50, 40, 'Lower is better')).toBe(80);
  });
  it('is null without a usable target', () => {
    expect(attainment(10, null, 'Higher is better')).toBeNull();
    expect(attainment(10, 0, 'Higher is better')).toBeNull();
    expect(attainment(null, 10, 'Higher is better')).toBeNull();
  });
});

describe('status from attainment', () => {
  const base = { thresholds, direction: 'Higher is better', basis: 'attainment' };
  it('is green at the green threshold, amber at the amber one, red below', () => {
    expect(statusOf({ ...base, value: 100, target: 100 })).toBe('green');
    expect(statusOf({ ...base, value: 85, target: 100 })).toBe('amber');
    expect(statusOf({ ...base, value: 84.9, target: 100 })).toBe('red');
  });
  it('is none without a target', () => {
    expect(statusOf({ ...base, value: 100, target: null })).toBe('none');
  });
  it('inverts for lower-is-better KPIs', () => {
    const lower = { ...base, direction: 'Lower is better' };
    expect(statusOf({ ...lower, value: 40, target: 40 })).toBe('green');
    expect(statusOf({ ...lower, value: 50, target: 40 })).toBe('red');
    expect(statusOf({ ...lower, value: 0, target: 40 })).toBe('green');
  });
});

describe('status from the value', () => {
  it('compares a lower-is-better count with its thresholds', () => {
    const s = (value) =>
      statusOf({
        value,
        thresholds: { green: 0, amber: 5 },
        direction: 'Lower is better',
        basis: 'value'
      });
    expect([s(0), s(5), s(6)]).toEqual(['green', 'amber', 'red']);
  });
  it('judges a deviation by its size when asked', () => {
    const s = (value) =>
      statusOf({
        value,
        thresholds: { green: 10, amber: 20 },
        direction: 'Lower is better',
        basis: 'value',
        absolute: true
      });
    expect([s(-8), s(-15), s(25)]).toEqual(['green', 'amber', 'red']);
  });
  it('is none without a value', () => {
    expect(
      statusOf({ value: null, thresholds, direction: 'Higher is better', basis: 'value' })
    ).toBe('none');
  });
});
