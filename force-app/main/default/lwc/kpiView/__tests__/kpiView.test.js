import { appliesToLevel, inFocus, scorecardRows, unavailableReason, cardErrorsOf } from 'c/kpiView';
import { STATUS_STYLES } from 'c/panelModel';

const LABELS = {
  notLoaded: 'Not loaded',
  addAction: 'Add an action on {0}',
  status: { green: 'On track', amber: 'At risk', red: 'Off track', none: 'No target' }
};

const model = {
  scope: { currency: 'EUR', period: { fraction: 0.5 } },
  kpis: [
    {
      key: 'sales_won',
      name: 'Sales won',
      unit: 'Currency',
      aboveTheLine: true,
      levels: ['Rep', 'Manager'],
      total: {
        value: 30000,
        target: 100000,
        attainment: 30,
        pacing: 60,
        status: 'red',
        parts: { sum: 30000 }
      },
      byUser: [
        {
          userId: 'R1',
          value: 10000,
          target: 40000,
          attainment: 25,
          status: 'red',
          parts: { sum: 10000 }
        }
      ],
      byTeam: [
        {
          userId: 'M1',
          value: 30000,
          target: 100000,
          attainment: 30,
          status: 'red',
          parts: { sum: 30000 }
        }
      ]
    },
    {
      key: 'win_rate',
      name: 'Win rate',
      unit: 'Percent',
      aboveTheLine: false,
      levels: [],
      total: {
        value: 40,
        target: 35,
        attainment: 114.3,
        status: 'green',
        parts: { numerator: 4, denominator: 10 }
      },
      byUser: [],
      byTeam: []
    },
    {
      key: 'past_close_date',
      name: 'Past close date',
      unit: 'Count',
      aboveTheLine: true,
      levels: ['Director'],
      total: {
        value: 3,
        target: 0,
        attainment: null,
        status: 'amber',
        parts: { count: 3, amount: 10, snoozed: 0 }
      },
      byUser: [],
      byTeam: []
    }
  ]
};

describe('c/kpiView', () => {
  it("shows a manager's team cell, a rep's own, and dashes for someone outside the scope", () => {
    const rowOf = (userId) =>
      scorecardRows(model, { level: 'Rep', userId, labels: LABELS }).above.find(
        (r) => r.key === 'sales_won'
      );
    expect(rowOf('M1').valueText).toBe(rowOf(undefined).valueText);
    expect(rowOf('R1').valueText).not.toBe(rowOf(undefined).valueText);
    expect(rowOf('nobody').valueText).toBe('—');
  });

  it('applies a KPI to its levels; a KPI without levels applies to all', () => {
    expect(appliesToLevel(model.kpis[0], 'Rep')).toBe(true);
    expect(appliesToLevel(model.kpis[0], 'Director')).toBe(false);
    expect(appliesToLevel(model.kpis[1], 'Director')).toBe(true);
    expect(appliesToLevel(model.kpis[0], undefined)).toBe(true);
  });

  it("splits rows above and below the line, with the model's pacing where it has one", () => {
    const { above, below } = scorecardRows(model, { level: 'Rep', labels: LABELS });
    expect(above.map((r) => r.key)).toEqual(['sales_won']);
    expect(below.map((r) => r.key)).toEqual(['win_rate']);
    // 30,000 won against 100,000 half-way through the period: 60% of the pace.
    expect(above[0]).toMatchObject({
      valueText: '€30,000',
      targetText: '€100,000',
      attainmentText: '30%',
      pacingText: '60%',
      statusText: 'Off track',
      iconName: STATUS_STYLES.red.icon,
      actionLabel: 'Add an action on Sales won'
    });
    expect(below[0].pacingText).toBe('—');
    expect(below[0].statusText).toBe('On track');
  });

  it('leaves out pacing for point-in-time counts such as data-trust flags', () => {
    const { above } = scorecardRows(model, { level: 'Director', labels: LABELS });
    expect(above.map((r) => r.key)).toEqual(['past_close_date']);
    expect(above[0].pacingText).toBe('—');
  });

  it('reads an unknown status as none and an empty model as no rows', () => {
    const odd = {
      ...model,
      kpis: [{ ...model.kpis[1], total: { value: 1, status: 'purple', parts: {} } }]
    };
    expect(scorecardRows(odd, { labels: LABELS }).below[0].status).toBe('none');
    expect(scorecardRows(undefined, { labels: LABELS })).toEqual({ above: [], below: [] });
  });

  it('shows a cell whose document failed as a dash, not loaded, with the reason', () => {
    const reason =
      "Validation error of type FieldUndefined: Field 'Task' is undefined @ 'uiapi/aggregate/Task'";
    const failed = JSON.parse(JSON.stringify(model));
    failed.kpis[0].total = {
      value: null,
      target: 100000,
      attainment: null,
      status: 'none',
      unavailable: reason
    };
    const [sales] = scorecardRows(failed, { labels: LABELS }).above;
    expect(sales).toMatchObject({
      valueText: '—',
      attainmentText: '—',
      status: 'none',
      statusText: 'Not loaded',
      unavailable: reason
    });
    expect(unavailableReason(failed.kpis[0].total)).toBe(reason);
    expect(unavailableReason(model.kpis[0].total)).toBe('');
    expect(scorecardRows(model, { labels: LABELS }).above[0].unavailable).toBe('');
  });

  it("errs a KPI table's card only when none of its cells could be loaded", () => {
    const error = [{ message: 'Every document failed' }];
    expect(cardErrorsOf(error, [{ unavailable: '' }])).toBe(error);
    expect(cardErrorsOf(undefined, [{ unavailable: 'a' }, { unavailable: '' }])).toBeUndefined();
    expect(
      cardErrorsOf(undefined, [{ unavailable: 'a' }, { unavailable: 'b' }, { unavailable: 'a' }])
    ).toEqual(['a', 'b']);
    expect(cardErrorsOf(undefined, [])).toBeUndefined();
  });

  it("puts above the line what each agenda item's focus asks, read from what each KPI measures", () => {
    const TEAM_MODEL = require('@pacer/fixtures/teamModel.json');
    const keys = (focus) => TEAM_MODEL.kpis.filter((k) => inFocus(k, focus)).map((k) => k.key);
    expect(keys('New opportunities')).toEqual(['new_opportunities', 'new_pipeline']);
    expect(keys('Coverage and pacing')).toEqual([
      'pacing',
      'open_pipeline',
      'weighted_pipeline',
      'coverage'
    ]);
    expect(keys('Leading targets')).toEqual([
      'open_pipeline',
      'weighted_pipeline',
      'new_opportunities',
      'new_pipeline',
      'customer_meetings',
      'customer_hours',
      'calls'
    ]);
    const aboveTheLine = TEAM_MODEL.kpis.filter((k) => k.aboveTheLine).map((k) => k.key);
    expect(keys('Targets')).toEqual(aboveTheLine);
    expect(keys(undefined)).toEqual(aboveTheLine);
    // The scorecard's split follows the focus; the rest stays one click below.
    const { above, below } = scorecardRows(TEAM_MODEL, {
      focus: 'New opportunities',
      labels: LABELS
    });
    expect(above.map((r) => r.key)).toEqual(['new_opportunities', 'new_pipeline']);
    expect(below).toHaveLength(TEAM_MODEL.kpis.length - 2);
  });
});
