import SpmActivityPanel from 'c/spmActivityPanel';
import {
  clone,
  renderer,
  $,
  $$,
  text,
  resetDOM,
  expectLoadingCard,
  expectEmptyCard,
  expectErrorCard
} from '@pacer/test-utils';

const MODEL = require('@pacer/fixtures/reviewModel.json');

jest.mock('@salesforce/label/c.SPM_NewAction_Kpi', () => ({ default: '{0}: {1} of {2}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.SPM_Activity_Meetings', () => ({ default: 'Customer meetings' }), {
  virtual: true
});

const PERIODS = ['Jun 2026', 'Jul 2026', 'Aug 2026', 'Sep 2026', 'Oct 2026', 'Nov 2026'];

/** The model as the engine gave it before it computed the six-period series. */
function withoutHistory(model) {
  const copy = clone(model);
  delete copy.activity.history;
  return copy;
}

const render = renderer('c-spm-activity-panel', SpmActivityPanel, () => ({ model: clone(MODEL) }));

const row = (element, measure) =>
  $$(element, 'tr.measure-row').find((r) => r.dataset.measure === measure);

describe('c-spm-activity-panel', () => {
  afterEach(() => {
    resetDOM();
    jest.clearAllMocks();
  });

  it('shows each activity measure against its target, attainment and status', async () => {
    const element = await render();
    expect($$(element, 'tr.measure-row').map((r) => r.dataset.measure)).toEqual([
      'meetings',
      'customerHours',
      'calls',
      'newCustomerContacts',
      'newOpportunities'
    ]);
    // Only what happened counts: meetings held before the review day, calls completed.
    const meetings = row(element, 'meetings');
    expect(text(meetings.querySelector('.measure-value'))).toBe('7');
    expect(text(meetings.querySelector('.measure-target'))).toBe('8');
    expect(text(meetings.querySelector('.measure-attainment'))).toBe('88%');
    // 7 of 8 with 23 of 30 days gone is 114% of the pace: on track.
    expect(text(meetings.querySelector('.slds-badge'))).toBe('c.SPM_Status_Green');
    const calls = row(element, 'calls');
    expect(text(calls.querySelector('.measure-value'))).toBe('9');
    expect(text(calls.querySelector('.measure-target'))).toBe('20');
    expect(text(calls.querySelector('.measure-attainment'))).toBe('45%');
    // 45% of the month's target 23 days into 30 is 59% of the pace: off track.
    expect(calls.querySelector('.slds-badge').className).toContain('slds-theme_error');
    expect(text(calls.querySelector('.slds-badge'))).toBe('c.SPM_Status_Red');
    const hours = row(element, 'customerHours');
    expect(text(hours.querySelector('.measure-value'))).toBe('6.5');
    expect(text(hours.querySelector('.measure-target'))).toBe('12');
    const newOpportunities = row(element, 'newOpportunities');
    expect(text(newOpportunities.querySelector('.measure-value'))).toBe('7');
    expect(text(newOpportunities.querySelector('.measure-attainment'))).toBe('175%');
    expect(text(newOpportunities.querySelector('.slds-badge'))).toBe('c.SPM_Status_Green');
  });

  it("shows one subject's numbers when userId is set", async () => {
    const model = clone(MODEL);
    model.activity.byUser.push({
      userId: '0058N0000000003QAA',
      meetings: 3,
      customerHours: 4,
      calls: 5
    });
    const element = await render({ model, userId: '0058N0000000003QAA' });
    expect(text(row(element, 'meetings').querySelector('.measure-value'))).toBe('3');
    // No KPI cell for that user: no target rather than someone else's.
    expect(text(row(element, 'meetings').querySelector('.measure-target'))).toBe('—');
  });

  it("shows a manager's team numbers against the team's target, as the scorecard does", async () => {
    const model = clone(MODEL);
    const manager = '0058N0000000002QAA';
    // The manager owns a meeting of their own and leads a team: the team's numbers are shown.
    model.activity.byUser.push({ userId: manager, meetings: 1 });
    model.activity.byTeam = [{ userId: manager, meetings: 9 }];
    const meetingsKpi = model.kpis.find((k) => k.key === 'customer_meetings');
    meetingsKpi.byUser.push({ userId: manager, value: 1, target: 2 });
    meetingsKpi.byTeam = [{ userId: manager, value: 9, target: 20 }];
    const element = await render({ model, userId: manager });
    expect(text(row(element, 'meetings').querySelector('.measure-value'))).toBe('9');
    expect(text(row(element, 'meetings').querySelector('.measure-target'))).toBe('20');
  });

  it('measures contacts with new customers against the KPI the model names for the builtin', async () => {
    const model = clone(MODEL);
    const named = await render({ model });
    expect(text(row(named, 'newCustomerContacts').querySelector('.measure-target'))).not.toBe('—');
    resetDOM();
    // A menu whose KPI carrying the builtin is absent: no target, and no KPI on its actions.
    delete model.builtinKpis.newCustomerContacts;
    const unnamed = await render({ model });
    expect(text(row(unnamed, 'newCustomerContacts').querySelector('.measure-target'))).toBe('—');
  });

  it('draws no sparkline while the model has no six-period series', async () => {
    const element = await render({ model: withoutHistory(MODEL) });
    expect($(element, 'c-spm-sparkline')).toBeNull();
  });

  it('draws the last six periods as a sparkline once the model has the series', async () => {
    const element = await render();
    const spark = row(element, 'meetings').querySelector('c-spm-sparkline');
    expect(spark.label).toBe('Customer meetings');
    expect(spark.points.map((p) => p.value)).toEqual([9, 12, 13, 8, 12, 7]);
    expect(spark.points.map((p) => p.label)).toEqual(PERIODS);
    // New contacts are counted for the review's month only: one point, no trend.
    expect(row(element, 'newCustomerContacts').querySelector('c-spm-sparkline')).toBeNull();
  });

  it('leaves a gap, never 0, for a period without a value', async () => {
    const model = clone(MODEL);
    model.activity.history[2].total.calls = null;
    const element = await render({ model });
    const calls = row(element, 'calls').querySelector('c-spm-sparkline');
    expect(calls.points[2].value).toBeNull();
    expect(calls.points[3].value).toBe(16);
  });

  it('fires createaction with the KPI key and the number that triggered it', async () => {
    const element = await render();
    const handler = jest.fn();
    document.body.addEventListener('createaction', handler);
    row(element, 'meetings').querySelector('lightning-button-icon.create-action').click();
    expect(handler).toHaveBeenCalledTimes(1);
    const event = handler.mock.calls[0][0];
    expect(event.bubbles).toBe(true);
    expect(event.composed).toBe(true);
    expect(event.detail).toEqual({
      kpiKey: 'customer_meetings',
      name: 'Customer meetings: 7 of 8'
    });
    document.body.removeEventListener('createaction', handler);
  });

  it('renders a dash for a value hidden by field-level security', async () => {
    const model = clone(MODEL);
    delete model.activity.total.customerHours;
    model.kpis.find((k) => k.key === 'customer_hours').total.value = null;
    const element = await render({ model });
    expect(text(row(element, 'customerHours').querySelector('.measure-value'))).toBe('—');
    expect(text(row(element, 'customerHours').querySelector('.measure-target'))).toBe('12');
  });

  it('shows a spinner with alternative text while loading', () =>
    expectLoadingCard(render, 'table'));

  it('says so when there is no activity and no target', () =>
    expectEmptyCard(render, 'c.SPM_Activity_Empty', 'table'));

  it('shows the error through the shared error panel', () => expectErrorCard(render, 'table'));

  it('is accessible', async () => {
    const element = await render();
    await expect(element).toBeAccessible();
  });
});

describe('c-spm-activity-panel planning', () => {
  afterEach(resetDOM);

  it('shows the meetings planned from today to the end of the next period', async () => {
    expect(MODEL.activity.plannedUntil.label).toBe('Dec 2026');
    const element = await render();
    expect(text($(element, '.planned'))).toBe('c.SPM_Activity_Planned');
    const model = clone(MODEL);
    model.activity.total.plannedMeetings = null;
    resetDOM();
    // A failed document: nothing said, rather than a 0.
    expect($(await render({ model }), '.planned')).toBeNull();
  });
});
