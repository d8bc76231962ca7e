import { createElement } from 'lwc';
import SpmReviewWorkspace from 'c/spmReviewWorkspace';
import { graphql } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEventName } from 'lightning/platformShowToastEvent';
import {
  CurrentPageReference,
  getNavigateCalledWith,
  getNavigateReplaced,
  resetNavigation
} from 'lightning/navigation';
import {
  flushPromises,
  resetDOM,
  inPanelCard,
  renderedPlanDocuments,
  holding
} from '@pacer/test-utils';

const CONTEXT = require('@pacer/fixtures/context.json');
const CONTEXT_EMPTY = require('@pacer/fixtures/contextEmpty.json');
const CONTEXT_ERROR = require('@pacer/fixtures/contextError.json');
const TEAM_RESPONSES = require('@pacer/fixtures/teamPlanResponses.json');
const REP_RESPONSES = require('@pacer/fixtures/repPlanResponses.json');

// The fixtures' current user is the sales manager Nina Novak, in the sample org's time zone and currency.
const MANAGER_ID = '0058N0000000002QAA';
const REP_ID = '0058N0000000004QAA';
jest.mock('@salesforce/user/Id', () => ({ default: '0058N0000000002QAA' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Europe/Paris' }), { virtual: true });
jest.mock('@salesforce/i18n/currency', () => ({ default: 'EUR' }), { virtual: true });
jest.mock('@salesforce/label/c.SPM_Person_Me', () => ({ default: '{0} (me)' }), { virtual: true });
jest.mock('@salesforce/label/c.SPM_Person_WholeTeam', () => ({ default: '{0}: whole team' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.SPM_Person_LevelUp', () => ({ default: '{0}: level up' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.SPM_Workspace_Since',
  () => ({ default: 'Since the last review on {0}' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.SPM_Workspace_NoLastReview',
  () => ({ default: 'First review: since the start of {0}' }),
  { virtual: true }
);

// Not virtual: sfdx-lwc-jest resolves lightning/uiRecordApi to its stub, and the mock must replace that
// very module for the component under test.
jest.mock('lightning/uiRecordApi', () => ({
  createRecord: jest.fn(),
  updateRecord: jest.fn()
}));

const AS_OF = '2026-11-23';
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => Array.from(element.shadowRoot.querySelectorAll(selector));
const byOperation = (name) => (config) =>
  Boolean(config.query) && config.query.operationName === name;

function cadenceId(key) {
  return CONTEXT.uiapi.query.SPM_Cadence__c.edges.find((e) => e.node.key.value === key).node.Id;
}

async function render(props = {}) {
  const element = createElement('c-spm-review-workspace', { is: SpmReviewWorkspace });
  Object.assign(element, { asOf: AS_OF }, props);
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

async function emitContext(data = CONTEXT) {
  graphql.emit(data, byOperation('reviewContext'));
  await flushPromises();
}

/** Answers every document of the plan with its data (`responses` is keyed by operation name). */
async function emitPlan(element, responses, refreshes = {}) {
  const documents = renderedPlanDocuments(element);
  expect(documents.map((doc) => doc.operationName).sort()).toEqual(Object.keys(responses).sort());
  documents.forEach((doc) =>
    graphql.emit(responses[doc.operationName], holding(doc), refreshes[doc.operationName])
  );
  await flushPromises();
}

function planRequests() {
  return graphql.requests().filter((r) => r.operationName !== 'reviewContext');
}

async function choose(element, selector, value) {
  const combobox = $(element, selector);
  combobox.value = value;
  combobox.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flushPromises();
}

function agendaItems(element) {
  return $$(element, 'c-spm-agenda-item');
}

describe('c-spm-review-workspace', () => {
  afterEach(() => {
    resetDOM();
    jest.clearAllMocks();
    graphql.resetRequests();
    resetNavigation();
  });

  describe('in the page state', () => {
    const TAB = {
      type: 'standard__navItemPage',
      attributes: { apiName: 'SPM_Performance_Review' }
    };

    it('opens the person and meeting the page state names (a reload, a shared link)', async () => {
      const element = await render();
      CurrentPageReference.emit({
        ...TAB,
        state: { c__person: `report:${REP_ID}`, c__meeting: 'performance-coaching' }
      });
      await emitContext();
      expect($(element, 'lightning-combobox.person').value).toBe(`report:${REP_ID}`);
      expect($(element, 'lightning-combobox.meeting').value).toBe(
        cadenceId('performance-coaching')
      );
      expect(planRequests()[0].variables.userIds).toEqual([REP_ID]);
    });

    it('writes each choice into the page state, in place', async () => {
      const element = await render();
      CurrentPageReference.emit({ ...TAB, state: { c__other: 'kept' } });
      await emitContext();
      await choose(element, 'lightning-combobox.person', `report:${REP_ID}`);
      await choose(element, 'lightning-combobox.meeting', cadenceId('key-account-management'));
      expect(getNavigateCalledWith()).toEqual({
        ...TAB,
        state: {
          c__other: 'kept',
          c__person: `report:${REP_ID}`,
          c__meeting: 'key-account-management'
        }
      });
      expect(getNavigateReplaced()).toBe(true);
    });

    it('follows a change of the page state (back and forward), and ignores what this user cannot open', async () => {
      const element = await render();
      CurrentPageReference.emit({ ...TAB, state: {} });
      await emitContext();
      CurrentPageReference.emit({
        ...TAB,
        state: { c__person: `report:${REP_ID}`, c__meeting: 'individual-coaching' }
      });
      await flushPromises();
      expect($(element, 'lightning-combobox.person').value).toBe(`report:${REP_ID}`);
      CurrentPageReference.emit({
        ...TAB,
        state: { c__person: 'report:005000000000000AAA', c__meeting: 'no-such-cadence' }
      });
      await flushPromises();
      expect($(element, 'lightning-combobox.person').value).toBe(`report:${REP_ID}`);
      expect($(element, 'lightning-combobox.meeting').value).toBe(cadenceId('individual-coaching'));
    });
  });

  it('shows a spinner until the context arrives, and sends only the context query', async () => {
    const element = await render();
    expect(inPanelCard(element, 'lightning-spinner')).not.toBeNull();
    expect(graphql.requests().map((r) => r.operationName)).toEqual(['reviewContext']);
    expect(graphql.requests()[0].variables).toEqual({ asOf: AS_OF });
  });

  it('opens a manager on her whole team and the team meeting, and sends every document of its plan at once', async () => {
    const element = await render();
    await emitContext();

    const person = $(element, 'lightning-combobox.person');
    expect(person.value).toBe(`team:${MANAGER_ID}`);
    const labels = person.options.map((o) => o.label);
    expect(labels[0]).toBe('Nina Novak (me)');
    expect(labels[1]).toBe('Nina Novak: whole team');
    expect(labels).toContain('Laura Weber: level up');
    expect($(element, 'lightning-combobox.meeting').value).toBe(cadenceId('team-meeting'));

    const requests = planRequests();
    expect(requests.length).toBeGreaterThanOrEqual(1);
    expect(requests.map((r) => r.operationName)).toEqual(
      renderedPlanDocuments(element).map((d) => d.operationName)
    );
    expect(requests[0].variables.userIds[0]).toBe(MANAGER_ID);
    expect(requests[0].variables.userIds).toHaveLength(7);
    // Loading: every panel gets loading until the plan's responses are in.
    expect(agendaItems(element)[0].loading).toBe(true);
  });

  it('renders the agenda in order, each item with the review model', async () => {
    const element = await render();
    await emitContext();
    await emitPlan(element, TEAM_RESPONSES);

    const items = agendaItems(element);
    const panels = items.map((item) => item.item.Panel__c);
    expect(panels).toEqual([
      'Data trust',
      'Actions',
      'Forecast',
      'Scorecard',
      'Funnel',
      'Scorecard',
      'Funnel',
      'Top opportunities',
      'Won and lost',
      'Funnel',
      'Activity',
      'Actions'
    ]);
    const model = items[0].model;
    expect(items[0].loading).toBe(false);
    expect(model.scope.subjectUserIds[0]).toBe(MANAGER_ID);
    // The target comes from the plan's own targets query (600,000 for the manager's month).
    expect(model.kpis.find((k) => k.key === 'sales_won').total.target).toBe(600000);
    expect(model.kpis.find((k) => k.key === 'sales_won').total.value).toBeGreaterThan(0);
    expect(items[3].options).toMatchObject({
      level: 'Manager',
      isTeam: true,
      leaderId: MANAGER_ID
    });
    expect($(element, '.since').textContent).toBe('First review: since the start of Nov 2026');
    // The period, stated once for every agenda item.
    expect($(element, '.review-scope .period').textContent).toContain('c.SPM_Workspace_Period');

    // The agenda has its own actions items: no second open-actions panel on the page.
    expect($(element, 'c-spm-actions-panel.review-actions')).toBeNull();
    expect(items[1].model.lists.actions).toHaveLength(3);
    expect(items[1].options.ownerId).toBe(MANAGER_ID);
  });

  it('switches to a direct report: her individual coaching, since her last review', async () => {
    const element = await render();
    await emitContext();
    await emitPlan(element, TEAM_RESPONSES);
    graphql.resetRequests();

    await choose(element, 'lightning-combobox.person', `report:${REP_ID}`);
    expect($(element, 'lightning-combobox.meeting').options.map((o) => o.label)).toEqual([
      'Individual coaching',
      'Individual performance coaching',
      'Key-account management'
    ]);
    expect($(element, 'lightning-combobox.meeting').value).toBe(cadenceId('individual-coaching'));
    expect($(element, '.since').textContent).toBe('Since the last review on Nov 9, 2026');
    const requests = planRequests();
    expect(requests).toHaveLength(renderedPlanDocuments(element).length);
    expect(requests[0].variables.userIds).toEqual([REP_ID]);
    // "Moved since the last review": stage changes after the end of Nov 9 in the org's time zone.
    expect(requests.some((r) => r.variables.reviewedBefore === '2026-11-09T23:00:00.000Z')).toBe(
      true
    );

    await emitPlan(element, REP_RESPONSES);
    expect(agendaItems(element).map((i) => i.item.Panel__c)).toEqual([
      'Data trust',
      'Actions',
      'Top opportunities',
      'Funnel',
      'Activity',
      'Actions'
    ]);
    expect(agendaItems(element)[0].model.scope.subjectUserIds).toEqual([REP_ID]);
    expect(agendaItems(element)[0].options.isTeam).toBe(false);
  });

  it('switches the meeting type and plans the period of its frequency', async () => {
    const element = await render();
    await emitContext();
    graphql.resetRequests();
    await choose(element, 'lightning-combobox.meeting', cadenceId('qbr-manager'));
    expect(agendaItems(element).map((i) => i.item.Panel__c)).toEqual([
      'Scorecard',
      'Data trust',
      'Funnel',
      'Won and lost',
      'Actions'
    ]);
    const variables = planRequests()[0].variables;
    expect(variables.periodStart).toBe('2026-10-01');
    expect(variables.periodEnd).toBe('2026-12-31');
  });

  it('opens the design attribute meeting type first when it fits the level', async () => {
    const element = await render({ defaultMeetingType: 'Quarterly business review' });
    await emitContext();
    expect($(element, 'lightning-combobox.meeting').value).toBe(cadenceId('qbr-manager'));
  });

  it("hands a panel's createaction to the agenda item that agrees actions, with the KPI's record id", async () => {
    const element = await render();
    await emitContext();
    await emitPlan(element, TEAM_RESPONSES);
    const items = agendaItems(element);
    const agree = items.find((item) => item.item.Focus__c === 'Agree actions');
    const open = items.find((item) => item.item.Focus__c === 'Open actions');
    agree.startAction = jest.fn(() => true);
    open.startAction = jest.fn(() => true);
    items[3].dispatchEvent(
      new CustomEvent('createaction', {
        detail: { kpiKey: 'win_rate', name: 'Win rate' },
        bubbles: true,
        composed: true
      })
    );
    const kpi = CONTEXT.uiapi.query.SPM_KPI__c.edges.find((e) => e.node.key.value === 'win_rate');
    expect(agree.startAction).toHaveBeenCalledWith({
      kpiKey: 'win_rate',
      name: 'Win rate',
      kpiId: kpi.node.Id
    });
    expect(open.startAction).not.toHaveBeenCalled();
  });

  it('records the review with a KPI snapshot, links the actions agreed in the meeting and lists them', async () => {
    createRecord.mockResolvedValueOnce({ id: 'a058N0000000009QAA' });
    updateRecord.mockResolvedValue({});
    const element = await render();
    await emitContext();
    await emitPlan(element, TEAM_RESPONSES);
    const toast = jest.fn();
    element.addEventListener(ShowToastEventName, toast);

    // An action agreed in the meeting is saved by its panel at once; the workspace keeps its id.
    const action = { Id: 'a068N0000000009QAA', Name: 'Clean up stalled deals', Status__c: 'Open' };
    const agree = agendaItems(element).find((item) => item.item.Focus__c === 'Agree actions');
    agree.dispatchEvent(
      new CustomEvent('actioncreated', { detail: { action }, bubbles: true, composed: true })
    );
    await flushPromises();
    expect(agree.options.agreedIds).toEqual([action.Id]);
    expect(agree.model.lists.actions.map((a) => a.Id)).toContain(action.Id);

    const notes = $(element, 'lightning-textarea.notes');
    notes.value = 'Pipeline is thin for December.';
    notes.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Pipeline is thin for December.' } })
    );
    $(element, 'lightning-button.record').click();
    await flushPromises();

    expect(createRecord).toHaveBeenCalledTimes(1);
    const review = createRecord.mock.calls[0][0];
    expect(review.apiName).toBe('SPM_Review__c');
    expect(review.fields).toMatchObject({
      Subject_User__c: MANAGER_ID,
      Facilitator__c: MANAGER_ID,
      Cadence__c: cadenceId('team-meeting'),
      Review_Date__c: AS_OF,
      Notes__c: 'Pipeline is thin for December.',
      OwnerId: MANAGER_ID,
      Key__c: expect.stringMatching(/^review-.+/),
      Name: 'Monthly team meeting · Nina Novak: whole team · 2026-11-23'
    });
    const snapshot = JSON.parse(review.fields.KPI_Snapshot__c);
    expect(snapshot.asOf).toBe(AS_OF);
    const shown = agendaItems(element)[0].model.kpis.find((k) => k.key === 'sales_won').total;
    expect(snapshot.kpis.find((k) => k.key === 'sales_won')).toEqual({
      key: 'sales_won',
      value: shown.value,
      target: 600000,
      attainment: shown.attainment,
      status: shown.status
    });
    expect(updateRecord).toHaveBeenCalledWith({
      fields: { Id: action.Id, Review__c: 'a058N0000000009QAA' }
    });
    expect(toast.mock.calls[0][0].detail.variant).toBe('success');
    // Right after recording, the review's actions are listed under the button.
    expect($(element, '.recorded h3').textContent).toContain('c.SPM_Workspace_RecordedActions');
    expect($$(element, '.recorded-actions li').map((li) => li.textContent)).toEqual([
      'Clean up stalled deals'
    ]);
    expect(agree.options.agreedIds).toEqual([]);
    expect($(element, '.since').textContent).toBe('Since the last review on Nov 23, 2026');
  });

  it('toasts the reason when the review cannot be recorded', async () => {
    createRecord.mockRejectedValue({
      body: {
        message: 'x',
        output: { errors: [{ message: 'insufficient access rights on cross-reference id' }] }
      }
    });
    const element = await render();
    await emitContext();
    await emitPlan(element, TEAM_RESPONSES);
    const toast = jest.fn();
    element.addEventListener(ShowToastEventName, toast);
    $(element, 'lightning-button.record').click();
    await flushPromises();
    expect(createRecord).toHaveBeenCalledTimes(1);
    expect(toast.mock.calls[0][0].detail).toMatchObject({
      title: 'c.SPM_Workspace_RecordFailed',
      message: 'insufficient access rights on cross-reference id',
      variant: 'error'
    });
  });

  it('says which agreed action could not be linked to the recorded review, and why', async () => {
    createRecord.mockResolvedValueOnce({ id: 'a058N0000000009QAA' });
    updateRecord.mockRejectedValueOnce({ body: { message: 'Owner is inactive' } });
    const element = await render();
    await emitContext();
    await emitPlan(element, TEAM_RESPONSES);
    const toast = jest.fn();
    element.addEventListener(ShowToastEventName, toast);
    const action = { Id: 'a068N00000000X1QAA', Name: 'Call Acme', Status__c: 'Open' };
    agendaItems(element)[0].dispatchEvent(
      new CustomEvent('actioncreated', { detail: { action }, bubbles: true, composed: true })
    );
    await flushPromises();
    $(element, 'lightning-button.record').click();
    await flushPromises();
    expect(toast.mock.calls[0][0].detail).toMatchObject({
      title: 'c.SPM_Action_LinkFailed',
      variant: 'warning',
      message: 'Call Acme: Owner is inactive'
    });
  });

  it('lets go of the agreed actions and the recorded list on a switch of person', async () => {
    const element = await render();
    await emitContext();
    await emitPlan(element, TEAM_RESPONSES);
    const action = { Id: 'a068N00000000X2QAA', Name: 'Call Acme', Status__c: 'Open' };
    agendaItems(element)[0].dispatchEvent(
      new CustomEvent('actioncreated', { detail: { action }, bubbles: true, composed: true })
    );
    await flushPromises();
    await choose(element, 'lightning-combobox.person', `report:${REP_ID}`);
    expect(agendaItems(element)[0].options.agreedIds).toEqual([]);
  });

  it("reviews a level up: the manager's whole team, at the manager's level", async () => {
    const element = await render();
    await emitContext();
    graphql.resetRequests();
    const up = $(element, 'lightning-combobox.person').options.find((o) =>
      o.value.startsWith('up:')
    );
    await choose(element, 'lightning-combobox.person', up.value);
    const users = CONTEXT.uiapi.query.User.edges.map((e) => e.node);
    const directorId = up.value.slice(3);
    expect(users.find((u) => u.Id === directorId).ManagerId.value).toBeNull();
    // Everyone active in the sample org works under the director.
    expect(planRequests()[0].variables.userIds).toHaveLength(users.length);
    // The director's meetings, and annual planning: she sits at the top of the hierarchy.
    expect($(element, 'lightning-combobox.meeting').options.map((o) => o.label)).toEqual([
      'Monthly management meeting',
      'Quarterly business review (director)',
      'Annual planning'
    ]);
    expect(agendaItems(element)[0].options).toMatchObject({
      level: 'Director',
      isTeam: true,
      leaderId: directorId
    });
  });

  it('reloads the review documents when a panel asks for a refresh (after a snooze)', async () => {
    const element = await render();
    await emitContext();
    const refreshes = Object.fromEntries(
      Object.keys(TEAM_RESPONSES).map((name) => [name, jest.fn()])
    );
    await emitPlan(element, TEAM_RESPONSES, refreshes);
    agendaItems(element)[0].dispatchEvent(
      new CustomEvent('refresh', { bubbles: true, composed: true })
    );
    Object.values(refreshes).forEach((refresh) => expect(refresh).toHaveBeenCalledTimes(1));
  });

  it('shows the context error in the shared error panel', async () => {
    const element = await render();
    graphql.emitErrors(CONTEXT_ERROR, byOperation('reviewContext'));
    await flushPromises();
    expect(inPanelCard(element, 'c-spm-error-panel').errors).toEqual([CONTEXT_ERROR[0].message]);
    expect(planRequests()).toHaveLength(0);
  });

  it('shows the one page error when every document of the plan failed', async () => {
    const element = await render();
    await emitContext();
    renderedPlanDocuments(element).forEach((doc) =>
      graphql.emitErrors([{ message: 'Too many subqueries' }], holding(doc))
    );
    await flushPromises();
    expect(agendaItems(element)[0].error).toEqual([expect.stringContaining('Too many subqueries')]);
    expect(agendaItems(element)[0].loading).toBe(false);
    expect(agendaItems(element)[0].model).toBeUndefined();
  });

  it('says so when no cadence is set up', async () => {
    const element = await render();
    await emitContext(CONTEXT_EMPTY);
    expect(inPanelCard(element, 'p.empty').textContent).toBe('c.SPM_Workspace_NoCadence');
    expect(planRequests()).toHaveLength(0);
  });

  it('works when fields are hidden by field-level security (frequency, titles, minutes, a KPI definition)', async () => {
    const data = JSON.parse(JSON.stringify(CONTEXT));
    data.uiapi.query.SPM_Cadence__c.edges.forEach(({ node }) => {
      delete node.frequency;
      node.agendaItems.edges.forEach((edge) => {
        delete edge.node.minutes;
      });
    });
    data.uiapi.query.User.edges.forEach(({ node }) => {
      node.Title = { value: null };
    });
    // A KPI whose definition the user cannot read is left out of the plan, not an error.
    data.uiapi.query.SPM_KPI__c.edges.find(
      ({ node }) => node.key.value === 'calls'
    ).node.definition = {
      value: null
    };
    const element = await render();
    await emitContext(data);
    const requests = planRequests();
    expect(requests[0].variables.periodEnd).toBe('2026-11-30');
    expect(agendaItems(element)).toHaveLength(12);
    await emitPlan(element, TEAM_RESPONSES);
    const model = agendaItems(element)[0].model;
    expect(agendaItems(element)[0].error).toBeUndefined();
    expect(model.kpis.map((k) => k.key)).not.toContain('calls');
    expect(model.kpis.map((k) => k.key)).toContain('sales_won');
  });

  // Axe walks every panel of the whole agenda: allow it more than the default five seconds.
  it('is accessible', async () => {
    const element = await render();
    await emitContext();
    await choose(element, 'lightning-combobox.person', `report:${REP_ID}`);
    await emitPlan(element, REP_RESPONSES);
    await expect(element).toBeAccessible();
  }, 60000);
});
