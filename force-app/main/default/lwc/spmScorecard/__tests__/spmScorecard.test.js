import { createElement } from 'lwc';
import SpmScorecard from 'c/spmScorecard';
import { flushPromises, resetDOM, inPanelCard } from '@pacer/test-utils';

const TEAM_MODEL = require('@pacer/fixtures/teamModel.json');
const REP_MODEL = require('@pacer/fixtures/repModel.json');

// Placeholders get their real text so the filled-in values can be asserted.
jest.mock(
  '@salesforce/label/c.SPM_Scorecard_BelowTheLine',
  () => ({ default: 'Below the line ({0})' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.SPM_Scorecard_Period',
  () => ({ default: '{0}: {1} of the period elapsed' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.SPM_Scorecard_AddAction',
  () => ({ default: 'Add an action on {0}' }),
  {
    virtual: true
  }
);

const clone = (value) => JSON.parse(JSON.stringify(value));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => Array.from(element.shadowRoot.querySelectorAll(selector));

async function render(props) {
  const element = createElement('c-spm-scorecard', { is: SpmScorecard });
  Object.assign(element, props);
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

const eur = (value) =>
  new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0
  }).format(value);

const STATUS = {
  green: ['c.SPM_Status_Green', 'utility:success', 'slds-theme_success'],
  amber: ['c.SPM_Status_Amber', 'utility:warning', 'slds-theme_warning'],
  red: ['c.SPM_Status_Red', 'utility:error', 'slds-theme_error'],
  none: ['c.SPM_Status_None', 'utility:dash', 'slds-theme_default']
};

function expectStatus(badge, status) {
  const [label, icon, theme] = STATUS[status];
  expect(badge.label).toBe(label);
  expect(badge.iconName).toBe(icon);
  expect(badge.classList).toContain(theme);
}

const REASON =
  "Validation error of type FieldUndefined: Field 'Task' in type 'Aggregate' is undefined @ 'uiapi/aggregate/Task'";

/** The model with these KPIs' cells unavailable, as c/reviewModel gives them when a document failed. */
function withUnavailable(model, keys) {
  const copy = clone(model);
  const failed = (cell) => ({
    ...cell,
    value: null,
    attainment: null,
    status: 'none',
    unavailable: REASON
  });
  for (const kpi of copy.kpis.filter((k) => keys.includes(k.key))) {
    kpi.total = failed(kpi.total);
    kpi.byUser = (kpi.byUser || []).map(failed);
    kpi.byTeam = (kpi.byTeam || []).map(failed);
  }
  copy.unavailable = [
    {
      operationName: 'spmReviewActivity1',
      group: 'activity',
      panels: ['activity', 'scorecard'],
      reason: REASON
    }
  ];
  return copy;
}

function row(element, key) {
  return $(element, `tr[data-key="${key}"]`);
}

function cells(element, key) {
  const tr = row(element, key);
  return {
    value: tr.querySelector('.value').textContent,
    target: tr.querySelector('.target').textContent,
    attainment: tr.querySelector('.attainment').textContent,
    pacing: tr.querySelector('.pacing').textContent,
    badge: tr.querySelector('lightning-badge')
  };
}

describe('c-spm-scorecard', () => {
  afterEach(() => {
    resetDOM();
    jest.clearAllMocks();
  });

  it('shows the above-the-line KPIs with value, target, attainment, pacing and status', async () => {
    const element = await render({ model: clone(TEAM_MODEL), level: 'Manager' });
    const aboveKeys = $$(element, 'table[data-section="above"] tr.kpi-row').map(
      (tr) => tr.dataset.key
    );
    const expected = TEAM_MODEL.kpis.filter((k) => k.aboveTheLine).map((k) => k.key);
    expect(aboveKeys).toEqual(expected);

    // Expected texts computed independently of c/formatters, from the fixture's numbers.
    const salesKpi = TEAM_MODEL.kpis.find((k) => k.key === 'sales_won').total;
    const fraction = TEAM_MODEL.scope.period.fraction;
    const sales = cells(element, 'sales_won');
    expect(sales.value).toBe(eur(salesKpi.value));
    expect(sales.target).toBe(eur(salesKpi.target));
    expect(sales.attainment).toBe(`${Math.round(salesKpi.attainment)}%`);
    expect(sales.pacing).toBe(
      `${Math.round((salesKpi.value / (salesKpi.target * fraction)) * 100)}%`
    );
    expectStatus(sales.badge, salesKpi.status);

    const newOpps = TEAM_MODEL.kpis.find((k) => k.key === 'new_opportunities').total;
    expectStatus(cells(element, 'new_opportunities').badge, newOpps.status);

    // A ratio has no pacing; a KPI without a target has no status colour.
    const winRate = TEAM_MODEL.kpis.find((k) => k.key === 'win_rate').total;
    expect(cells(element, 'win_rate').value).toBe(`${winRate.value.toFixed(1)}%`);
    expect(cells(element, 'win_rate').pacing).toBe('—');
    expect(winRate.target).toBeNull();
    expect(cells(element, 'win_rate').badge.label).toBe('c.SPM_Status_None');

    expect($(element, '.period').textContent.trim()).toBe('Nov 2026: 77% of the period elapsed');
  });

  it('keeps the rest one click below the line', async () => {
    const element = await render({ model: clone(TEAM_MODEL) });
    expect($(element, 'table[data-section="below"]')).toBeNull();
    const toggle = $(element, 'button.toggle');
    const belowCount = TEAM_MODEL.kpis.filter((k) => !k.aboveTheLine).length;
    expect(toggle.textContent.trim()).toBe(`Below the line (${belowCount})`);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    toggle.click();
    await flushPromises();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect($$(element, 'table[data-section="below"] tr.kpi-row')).toHaveLength(belowCount);
    const closed = TEAM_MODEL.kpis.find((k) => k.key === 'deals_closed').total.value;
    expect(cells(element, 'deals_closed').value).toBe(String(closed));
  });

  it("shows one rep's own numbers when given a user id", async () => {
    const repId = REP_MODEL.scope.subjectUserIds[0];
    const element = await render({ model: clone(TEAM_MODEL), userId: repId });
    const own = TEAM_MODEL.kpis
      .find((k) => k.key === 'sales_won')
      .byUser.find((c) => c.userId === repId);
    expect(cells(element, 'sales_won').target).toBe('€120,000');
    expect(own.target).toBe(120000);
  });

  it('shows only the KPIs of the given level', async () => {
    const model = clone(REP_MODEL);
    model.kpis.find((k) => k.key === 'sales_won').levels = ['Director'];
    const element = await render({ model, level: 'Rep' });
    expect(row(element, 'sales_won')).toBeNull();
    expect(row(element, 'deals_won')).not.toBeNull();
  });

  it('shows a dash for a value hidden by field-level security and says a KPI was not loaded', async () => {
    const model = clone(REP_MODEL);
    const sales = model.kpis.find((k) => k.key === 'sales_won');
    sales.total = {
      value: null,
      target: null,
      attainment: null,
      status: 'none',
      parts: { sum: null }
    };
    const meetings = model.kpis.find((k) => k.key === 'customer_meetings');
    meetings.total = { ...meetings.total, value: null, note: 'not loaded' };
    const element = await render({ model });
    expect(cells(element, 'sales_won').value).toBe('—');
    expect(cells(element, 'sales_won').pacing).toBe('—');
    expect(cells(element, 'customer_meetings').badge.label).toBe('c.SPM_Not_Loaded');
  });

  it('asks for an action pre-filled with the KPI', async () => {
    const element = await render({ model: clone(REP_MODEL), allowActions: true });
    const handler = jest.fn();
    element.addEventListener('createaction', handler);
    const button = row(element, 'win_rate').querySelector('.add-action');
    expect(button.alternativeText).toBe('Add an action on Win rate');
    button.click();
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0][0].detail).toEqual({ kpiKey: 'win_rate', name: 'Win rate' });
    expect(handler.mock.calls[0][0].bubbles).toBe(true);
    expect(handler.mock.calls[0][0].composed).toBe(true);
  });

  it('shows a spinner while loading', async () => {
    const element = await render({ loading: true });
    expect(inPanelCard(element, 'lightning-spinner').alternativeText).toBe('c.SPM_Loading');
    expect($(element, 'table')).toBeNull();
  });

  it('shows the shared error panel on error', async () => {
    const element = await render({ model: clone(REP_MODEL), error: ['Too many subqueries'] });
    expect(inPanelCard(element, 'c-spm-error-panel').errors).toEqual(['Too many subqueries']);
    expect($(element, 'table')).toBeNull();
  });

  it('says so when no KPI applies', async () => {
    const element = await render({ model: { ...clone(REP_MODEL), kpis: [] } });
    expect(inPanelCard(element, 'p.empty').textContent).toBe('c.SPM_Scorecard_Empty');
  });

  it("shows a KPI whose document failed as a dash with the reason for screen readers, and the others' numbers", async () => {
    const element = await render({ model: withUnavailable(REP_MODEL, ['customer_meetings']) });
    const meetings = row(element, 'customer_meetings');
    expect(meetings.querySelector('.value').textContent.startsWith('—')).toBe(true);
    expect(meetings.querySelector('.unavailable').textContent).toBe(REASON);
    expect(meetings.querySelector('.unavailable').classList).toContain('slds-assistive-text');
    expect(meetings.querySelector('.value').title).toBe(REASON);
    expect(cells(element, 'customer_meetings').badge.label).toBe('c.SPM_Not_Loaded');
    const sales = REP_MODEL.kpis.find((k) => k.key === 'sales_won').total;
    expect(cells(element, 'sales_won').value).toBe(eur(sales.value));
    expect(row(element, 'sales_won').querySelector('.unavailable')).toBeNull();
    expect(inPanelCard(element, 'c-spm-error-panel')).toBeNull();
  });

  it('says why on its card when none of the KPIs it shows could be loaded', async () => {
    const model = withUnavailable(
      REP_MODEL,
      REP_MODEL.kpis.map((k) => k.key)
    );
    const element = await render({ model });
    expect(inPanelCard(element, 'c-spm-error-panel').errors).toEqual([REASON]);
    expect($(element, 'table')).toBeNull();
  });

  it('is accessible', async () => {
    const element = await render({ model: clone(TEAM_MODEL), allowActions: true });
    $(element, 'button.toggle').click();
    await flushPromises();
    await expect(element).toBeAccessible();
    // Axe over a full table takes seconds when the suites run in parallel.
  }, 30000);
});

describe('c-spm-scorecard in an agenda item', () => {
  afterEach(resetDOM);

  it('leaves the period to the workspace header, which states it once', async () => {
    const alone = await render({ model: clone(TEAM_MODEL) });
    expect(alone.shadowRoot.querySelector('p.period')).not.toBeNull();
    resetDOM();
    const inAgenda = await render({ model: clone(TEAM_MODEL), focus: 'Targets' });
    expect(inAgenda.shadowRoot.querySelector('p.period')).toBeNull();
  });
});

