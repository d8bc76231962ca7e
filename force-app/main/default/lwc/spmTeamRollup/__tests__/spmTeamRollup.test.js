import { createElement } from 'lwc';
import SpmTeamRollup from 'c/spmTeamRollup';
import { flushPromises, resetDOM, inPanelCard } from '@pacer/test-utils';

const TEAM_MODEL = require('@pacer/fixtures/teamModel.json');

const clone = (value) => JSON.parse(JSON.stringify(value));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => Array.from(element.shadowRoot.querySelectorAll(selector));

async function render(props) {
  const element = createElement('c-spm-team-rollup', { is: SpmTeamRollup });
  Object.assign(element, props);
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

const LEADER = TEAM_MODEL.people.find((p) => p.depth === 0);
const REPORTS = TEAM_MODEL.people.filter((p) => p.managerId === LEADER.userId);
const kpi = (key) => TEAM_MODEL.kpis.find((k) => k.key === key);

function cellText(tr, key) {
  return tr.querySelector(`td[data-kpi="${key}"] .value`).textContent;
}

describe('c-spm-team-rollup', () => {
  afterEach(resetDOM);

  it('shows the leader and one row per direct report, by name', async () => {
    const element = await render({ model: clone(TEAM_MODEL), level: 'Manager' });
    const rows = $$(element, 'tr.person-row');
    expect(rows.map((tr) => tr.dataset.userId)).toEqual([
      LEADER.userId,
      ...REPORTS.map((p) => p.userId)
    ]);
    expect(rows[1].querySelector('.name').textContent).toContain(REPORTS[0].name);
    const headers = $$(element, 'thead th').map((th) => th.textContent.trim());
    expect(headers).toContain('Sales won');
    expect(headers).toContain('c.SPM_Trust_PastCloseDate');
  });

  it("shows each rep's own numbers from byUser", async () => {
    const element = await render({ model: clone(TEAM_MODEL) });
    const rep = REPORTS[0];
    const own = kpi('deals_won').byUser.find((c) => c.userId === rep.userId).value;
    const tr = $(element, `tr[data-user-id="${rep.userId}"]`);
    expect(cellText(tr, 'deals_won')).toBe(String(own));
  });

  it('totals with the recomputed team value, not the average of the rows', async () => {
    // Rows far from the team rate: an average of rows would not give the engine's Σ won ÷ Σ closed.
    const model = clone(TEAM_MODEL);
    model.kpis
      .find((k) => k.key === 'win_rate')
      .byUser.forEach((cell, i) => {
        cell.value = i % 2 === 0 ? 100 : 0;
      });
    const element = await render({ model });
    const total = $(element, 'tr.total-row');
    const teamRate = kpi('win_rate').total.value;
    expect(teamRate).toBeGreaterThan(0);
    expect(teamRate).toBeLessThan(100);
    expect(cellText(total, 'win_rate')).toBe(`${teamRate.toFixed(1)}%`);
    const won = kpi('sales_won').total.value;
    expect(cellText(total, 'sales_won')).toBe(
      new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency: 'EUR',
        maximumFractionDigits: 0
      }).format(won)
    );
  });

  it('sums the data-trust counts of each row and of the team', async () => {
    const element = await render({ model: clone(TEAM_MODEL) });
    const rep = REPORTS.find((p) => {
      const row = TEAM_MODEL.trust.byUser.find((r) => r.userId === p.userId);
      return row && row.pastCloseDate > 0;
    });
    const repRow = TEAM_MODEL.trust.byUser.find((r) => r.userId === rep.userId);
    const tr = $(element, `tr[data-user-id="${rep.userId}"]`);
    expect(tr.querySelector('td[data-trust="pastCloseDate"]').textContent.trim()).toBe(
      String(repRow.pastCloseDate)
    );
    const teamPast = TEAM_MODEL.trust.byUser.reduce((t, r) => t + r.pastCloseDate, 0);
    expect($(element, 'tr.total-row td[data-trust="pastCloseDate"]').textContent.trim()).toBe(
      String(teamPast)
    );
  });

  it('marks status with an icon and text, and shows a dash for a hidden value', async () => {
    const model = clone(TEAM_MODEL);
    const rep = REPORTS[0];
    model.kpis
      .find((k) => k.key === 'sales_won')
      .byUser.find((c) => c.userId === rep.userId).value = null;
    const element = await render({ model });
    const tr = $(element, `tr[data-user-id="${rep.userId}"]`);
    expect(cellText(tr, 'sales_won')).toBe('—');
    const icon = $(element, 'tr.total-row td[data-kpi="sales_won"] lightning-icon');
    expect(icon.alternativeText).toBe('c.SPM_Status_Red');
  });

  it('says so when the leader has no direct reports in the review', async () => {
    const model = clone(TEAM_MODEL);
    model.people = [{ ...LEADER, isSubject: false }];
    const element = await render({ model });
    expect(inPanelCard(element, 'p.empty').textContent).toBe('c.SPM_TeamRollup_Empty');
  });

  it('shows a spinner while loading and the error panel on error', async () => {
    const element = await render({ loading: true });
    expect(inPanelCard(element, 'lightning-spinner')).not.toBeNull();
    element.loading = false;
    element.error = ['No access'];
    await flushPromises();
    expect(inPanelCard(element, 'c-spm-error-panel').errors).toEqual(['No access']);
  });

  it('shows a KPI whose document failed as a dash with the reason for screen readers', async () => {
    const reason =
      "Validation error of type FieldUndefined: Field 'Task' in type 'Aggregate' is undefined @ 'uiapi/aggregate/Task'";
    const model = clone(TEAM_MODEL);
    const meetings = model.kpis.find((k) => k.aboveTheLine && k.key !== 'sales_won');
    const failed = (cell) => ({ ...cell, value: null, status: 'none', unavailable: reason });
    meetings.total = failed(meetings.total);
    meetings.byUser = meetings.byUser.map(failed);
    meetings.byTeam = meetings.byTeam.map(failed);
    const element = await render({ model, level: 'Manager' });
    const total = $(element, 'tr.total-row');
    expect(cellText(total, meetings.key)).toBe('—');
    const cell = total.querySelector(`td[data-kpi="${meetings.key}"]`);
    expect(cell.querySelector('.unavailable.slds-assistive-text').textContent).toBe(reason);
    expect(cell.title).toBe(reason);
    const rep = $(element, `tr[data-user-id="${REPORTS[0].userId}"]`);
    expect(cellText(rep, meetings.key)).toBe('—');
    expect(cellText(total, 'sales_won')).not.toBe('—');
    expect(total.querySelector('td[data-kpi="sales_won"] .unavailable')).toBeNull();
  });

  it('is accessible', async () => {
    const element = await render({ model: clone(TEAM_MODEL), level: 'Manager' });
    await expect(element).toBeAccessible();
    // Axe over a full table takes seconds when the suites run in parallel.
  }, 30000);

  it("shows the focus's KPIs as columns, without the trust counts, in a labelled scroll region", async () => {
    const element = await render({ model: clone(TEAM_MODEL), focus: 'New opportunities' });
    const headers = $$(element, 'thead th').map((th) => th.textContent.trim());
    expect(headers).toEqual(['c.SPM_TeamRollup_Person', 'New opportunities', 'New pipeline']);
    expect($$(element, 'td.trust')).toHaveLength(0);
    expect($(element, '[data-focus-view="New opportunities"]')).not.toBeNull();
    const region = $(element, '.scroll-region');
    expect(region.getAttribute('role')).toBe('region');
    expect(region.getAttribute('aria-label')).toBe('c.SPM_TeamRollup_Caption');
  });
});
