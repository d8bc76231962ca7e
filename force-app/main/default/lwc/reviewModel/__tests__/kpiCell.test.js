import { kpiCell } from 'c/reviewModel';

/** A KPI of a scope where the manager M owns deals too: M is a subject and leads a team. */
const KPI = {
  key: 'calls',
  total: { value: 10 },
  byUser: [
    { userId: 'M', value: 1 },
    { userId: 'R', value: 4 }
  ],
  byTeam: [{ userId: 'M', value: 10 }]
};

describe('kpiCell', () => {
  it("gives a manager's team cell even when the manager owns deals", () => {
    expect(kpiCell(KPI, 'M').value).toBe(10);
  });

  it("gives a rep's own cell, and the leader's own cell when asked for it", () => {
    expect(kpiCell(KPI, 'R').value).toBe(4);
    expect(kpiCell(KPI, 'M', { own: true }).value).toBe(1);
  });

  it('gives the total without a person, and nothing for a person outside the scope', () => {
    expect(kpiCell(KPI).value).toBe(10);
    expect(kpiCell(KPI, 'nobody')).toBeUndefined();
    expect(kpiCell(undefined, 'R')).toBeUndefined();
  });

  it('reads any block shaped like a KPI, such as the activity section', () => {
    const activity = { total: { calls: 5 }, byUser: [{ userId: 'R', calls: 2 }] };
    expect(kpiCell(activity, 'R').calls).toBe(2);
    expect(kpiCell(activity).calls).toBe(5);
  });
});
