import { createElement } from 'lwc';
import SpmActionsPanel from 'c/spmActionsPanel';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEventName } from 'lightning/platformShowToastEvent';
import { flushPromises, resetDOM, inPanelCard } from '@pacer/test-utils';

const REP_MODEL = require('@pacer/fixtures/repModel.json');

// Not virtual: sfdx-lwc-jest resolves lightning/uiRecordApi to its stub, and the mock must replace that
// very module for the component under test.
jest.mock('lightning/uiRecordApi', () => ({
  createRecord: jest.fn(),
  updateRecord: jest.fn()
}));

const clone = (value) => JSON.parse(JSON.stringify(value));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => Array.from(element.shadowRoot.querySelectorAll(selector));

const REP_ID = REP_MODEL.scope.subjectUserIds[0];
const KPI_IDS = { win_rate: 'a018N0000000004QAA', stalled_deals: 'a018N000000000QQAQ' };
const DEAL = REP_MODEL.lists.open[0];

async function render(props = {}) {
  const element = createElement('c-spm-actions-panel', { is: SpmActionsPanel });
  Object.assign(element, { model: clone(REP_MODEL), ownerId: REP_ID, kpiIds: KPI_IDS }, props);
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

function type(element, selector, value) {
  const input = $(element, selector);
  input.value = value;
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function listen(element, name) {
  const handler = jest.fn();
  element.addEventListener(name, handler);
  return handler;
}

describe('c-spm-actions-panel', () => {
  afterEach(() => {
    resetDOM();
    jest.clearAllMocks();
  });

  it('lists the open actions with owner, due date, overdue flag and trigger', async () => {
    const element = await render();
    const items = $$(element, 'li.action');
    expect(items.map((li) => li.dataset.id)).toEqual(REP_MODEL.lists.actions.map((a) => a.Id));
    const first = items[0];
    expect(first.querySelector('.action-name').textContent).toBe(
      'Qualify the two stalled proposals'
    );
    expect(first.querySelector('.owner').textContent).toBe(REP_MODEL.lists.actions[0].OwnerName);
    expect(first.querySelector('.due').textContent).toContain('Nov 16, 2026');
    expect(first.querySelector('.overdue').label).toBe('c.SPM_Action_Overdue');
    expect(first.querySelector('.trigger').textContent).toBe('Stalled deals');
    // The deal action names its opportunity and is not overdue yet.
    expect(items[1].querySelector('.trigger').textContent).toBe(
      REP_MODEL.lists.actions[1].OpportunityName
    );
    expect(items[1].querySelector('.overdue')).toBeNull();
  });

  it('creates an action pre-filled with the KPI that triggered it, owned by the owner of the numbers', async () => {
    createRecord.mockResolvedValue({ id: 'a068N0000000009QAA' });
    const element = await render();
    const created = listen(element, 'actioncreated');
    const toast = listen(element, ShowToastEventName);

    element.startAction({ kpiKey: 'win_rate', name: 'Win rate' });
    await flushPromises();
    expect($(element, '.name-input').value).toBe('Win rate');
    expect($(element, '.form-trigger').textContent).toContain('Win rate');
    type(element, '.name-input', 'Review lost deals with the team');
    type(element, '.due-input', '2026-12-04');
    $(element, '.save').click();
    await flushPromises();

    expect(createRecord).toHaveBeenCalledTimes(1);
    const input = createRecord.mock.calls[0][0];
    expect(input.apiName).toBe('SPM_Action__c');
    expect(input.fields).toEqual({
      Name: 'Review lost deals with the team',
      Key__c: expect.stringMatching(/^action-.+/),
      OwnerId: REP_ID,
      Status__c: 'Open',
      Due_Date__c: '2026-12-04',
      KPI__c: KPI_IDS.win_rate
    });
    expect(created.mock.calls[0][0].detail.action).toMatchObject({
      Id: 'a068N0000000009QAA',
      kpiKey: 'win_rate'
    });
    expect(toast.mock.calls[0][0].detail.variant).toBe('success');
    expect($$(element, 'li.action').map((li) => li.dataset.id)).toContain('a068N0000000009QAA');
    expect($(element, '.action-form')).toBeNull();
  });

  it("pre-fills a deal's action with the deal, its account and owner", async () => {
    createRecord.mockResolvedValue({ id: 'a068N000000000AQAQ' });
    const element = await render({ reviewId: 'a058N0000000001QAA' });
    element.startAction({ opportunityId: DEAL.Id, name: `Follow up ${DEAL.Name}` });
    await flushPromises();
    $(element, '.save').click();
    await flushPromises();
    expect(createRecord.mock.calls[0][0].fields).toMatchObject({
      Name: `Follow up ${DEAL.Name}`,
      OwnerId: DEAL.OwnerId,
      Opportunity__c: DEAL.Id,
      Account__c: DEAL.AccountId,
      Review__c: 'a058N0000000001QAA'
    });
  });

  it("with the 'Agree actions' focus, lists this meeting's actions above and every open action one click below", async () => {
    const agreed = REP_MODEL.lists.actions[1];
    const element = await render({ focus: 'Agree actions', agreedIds: [agreed.Id] });
    expect($$(element, 'li.agreed-action').map((li) => li.dataset.id)).toEqual([agreed.Id]);
    const below = $(element, 'c-spm-details.open-actions');
    expect(below.inline).toBe(false);
    expect(below.label).toBe('c.SPM_Actions_OpenCount');
    // Closed, the open actions are not rendered.
    expect($$(element, 'li.action')).toHaveLength(0);
  });

  it("with the 'Agree actions' focus and nothing agreed yet, says how to add one", async () => {
    const model = clone(REP_MODEL);
    model.lists.actions = [];
    const element = await render({ model, focus: 'Agree actions' });
    expect($(element, '.none-agreed').textContent).toBe('c.SPM_Actions_NoneAgreed');
  });

  it('does not save an action without a name', async () => {
    const element = await render();
    $(element, '.new-action').click();
    await flushPromises();
    $(element, '.save').click();
    await flushPromises();
    expect(createRecord).not.toHaveBeenCalled();
    expect($(element, '.action-form')).not.toBeNull();
  });

  it('completes an action with its outcome', async () => {
    updateRecord.mockResolvedValue({});
    const element = await render();
    const closed = listen(element, 'actionclosed');
    const action = REP_MODEL.lists.actions[0];
    $(element, `li[data-id="${action.Id}"] .complete`).click();
    await flushPromises();
    type(element, '.outcome-input', 'Both moved to negotiation');
    $(element, '.confirm-complete').click();
    await flushPromises();
    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: action.Id,
        Status__c: 'Done',
        Outcome__c: 'Both moved to negotiation',
        Completed_Date__c: REP_MODEL.scope.asOf
      }
    });
    expect(closed.mock.calls[0][0].detail).toEqual({ id: action.Id, status: 'Done' });
    expect($(element, `li[data-id="${action.Id}"]`)).toBeNull();
  });

  it('drops an action', async () => {
    updateRecord.mockResolvedValue({});
    const element = await render();
    const action = REP_MODEL.lists.actions[1];
    $(element, `li[data-id="${action.Id}"] .drop`).click();
    await flushPromises();
    expect(updateRecord).toHaveBeenCalledWith({ fields: { Id: action.Id, Status__c: 'Dropped' } });
    expect($(element, `li[data-id="${action.Id}"]`)).toBeNull();
  });

  it('toasts the reduced error when a write fails and keeps the action', async () => {
    updateRecord.mockRejectedValue({
      body: {
        message: 'An error occurred',
        output: { errors: [{ message: 'insufficient access rights on object id' }] }
      }
    });
    const element = await render();
    const toast = listen(element, ShowToastEventName);
    const action = REP_MODEL.lists.actions[1];
    $(element, `li[data-id="${action.Id}"] .drop`).click();
    await flushPromises();
    expect(toast.mock.calls[0][0].detail).toMatchObject({
      title: 'c.SPM_Action_SaveFailed',
      message: 'insufficient access rights on object id',
      variant: 'error'
    });
    expect($(element, `li[data-id="${action.Id}"]`)).not.toBeNull();
  });

  it('shows an action whose owner name and due date are hidden by field-level security', async () => {
    const model = clone(REP_MODEL);
    model.lists.actions[0].OwnerName = null;
    model.lists.actions[0].Due_Date__c = null;
    const element = await render({ model });
    const first = $(element, 'li.action');
    expect(first.querySelector('.due').textContent.trim()).toBe('—');
    expect(first.querySelector('.overdue')).toBeNull();
  });

  it('shows loading, error and empty states', async () => {
    const element = await render({ loading: true });
    expect(inPanelCard(element, 'lightning-spinner')).not.toBeNull();
    element.loading = false;
    element.error = [{ message: 'Query failed' }];
    await flushPromises();
    expect(inPanelCard(element, 'c-spm-error-panel')).not.toBeNull();
    element.error = undefined;
    element.model = { ...clone(REP_MODEL), lists: { ...REP_MODEL.lists, actions: [] } };
    await flushPromises();
    expect(inPanelCard(element, 'p.empty').textContent).toBe('c.SPM_Actions_Empty');
  });

  it('titles its card and keeps "New action" in its header, which opens the form when empty', async () => {
    const element = await render({
      model: { ...clone(REP_MODEL), lists: { ...REP_MODEL.lists, actions: [] } }
    });
    const card = $(element, 'c-spm-panel-card');
    expect(card.title).toBe('c.SPM_Actions_Title');
    expect(card.iconName).toBe('standard:task');
    expect(inPanelCard(element, 'p.empty')).not.toBeNull();
    const newAction = $(element, 'lightning-button.new-action');
    expect(inPanelCard(element, 'slot[name="actions"]').assignedElements()).toEqual([newAction]);
    newAction.click();
    element.cardTitle = 'Open actions';
    await flushPromises();
    expect(card.title).toBe('Open actions');
    expect($(element, '.action-form')).not.toBeNull();
    expect(inPanelCard(element, 'p.empty')).toBeNull();
  });

  it('is accessible', async () => {
    const element = await render();
    element.startAction({ kpiKey: 'win_rate', name: 'Win rate' });
    await flushPromises();
    await expect(element).toBeAccessible();
    // Axe over a full table takes seconds when the suites run in parallel.
  }, 30000);
});
