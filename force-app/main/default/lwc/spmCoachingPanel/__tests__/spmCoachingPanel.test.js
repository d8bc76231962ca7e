import { createElement } from 'lwc';
import SpmCoachingPanel from 'c/spmCoachingPanel';
import { graphql } from 'lightning/graphql';
import { flushPromises, resetDOM, renderedPlanDocuments, holding } from '@pacer/test-utils';

const ACCOUNT = require('./data/account.json');
const MY_RESPONSES = require('./data/myPlanResponses.json');

// The current user is the rep who owns the account's deals, in the sample org's time zone and currency.
const REP_ID = '0058N0000000004QAA';
jest.mock('@salesforce/user/Id', () => ({ default: '0058N0000000004QAA' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Europe/Paris' }), { virtual: true });
jest.mock('@salesforce/i18n/currency', () => ({ default: 'EUR' }), { virtual: true });

const ACCOUNT_ID = ACCOUNT.uiapi.query.Account.edges[0].node.Id;
const OPPS = ACCOUNT.uiapi.query.Opportunity.edges.map((e) => e.node);
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const byOperation = (name) => (config) =>
  Boolean(config.query) && config.query.operationName === name;
const clone = (value) => JSON.parse(JSON.stringify(value));

async function render() {
  const element = createElement('c-spm-coaching-panel', { is: SpmCoachingPanel });
  element.recordId = ACCOUNT_ID;
  element.asOf = '2026-11-23';
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

async function emitAccount(data = ACCOUNT) {
  graphql.emit(data, byOperation('spmCoachingAccount'));
  await flushPromises();
}

async function switchView(element, value) {
  const group = $(element, 'lightning-radio-group.view');
  group.value = value;
  group.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flushPromises();
}

describe('c-spm-coaching-panel', () => {
  afterEach(() => {
    resetDOM();
    jest.clearAllMocks();
    graphql.resetRequests();
  });

  it('asks for this account in one request and shows the panels loading meanwhile', async () => {
    const element = await render();
    expect(graphql.requests()).toHaveLength(1);
    expect(graphql.requests()[0]).toMatchObject({
      operationName: 'spmCoachingAccount',
      variables: { accountId: ACCOUNT_ID, activityStart: '2026-11-01', userId: REP_ID }
    });
    // The current user is a User record: `uiapi.currentUser` needs API v66.0, Pacer declares 62.0.
    expect(graphql.requests()[0].query).not.toMatch(/currentUser/);
    expect($(element, 'c-spm-funnel-panel').loading).toBe(true);
    expect($(element, 'c-spm-actions-panel').loading).toBe(true);
  });

  it("shows this account's funnel, flags, activity and actions from its own records", async () => {
    const element = await render();
    await emitAccount();
    const model = $(element, 'c-spm-funnel-panel').model;
    expect($(element, 'c-spm-funnel-panel').loading).toBe(false);
    const openOpps = OPPS.filter((o) => o.IsClosed.value === false);
    expect(model.funnel.total.count).toBe(openOpps.length);
    expect(model.funnel.total.amount).toBe(openOpps.reduce((t, o) => t + (o.Amount.value || 0), 0));
    expect(model.lists.open.every((deal) => deal.AccountId === ACCOUNT_ID)).toBe(true);
    expect($(element, 'c-spm-data-trust-panel').model).toBe(model);
    // One account's model: the panels' deal lists leave out the Account column.
    expect(model.scope.accountId).toBe(ACCOUNT_ID);
    // This account has no flagged deal (the trust panel's own tests cover its lists): open the deals
    // of a funnel stage that has some.
    const stage = model.funnel.stages.find((s) => s.count > 0).stage;
    Array.from($(element, 'c-spm-funnel-panel').shadowRoot.querySelectorAll('button.stage-button'))
      .find((button) => button.dataset.stage === stage)
      .click();
    await flushPromises();
    const lists = Array.from(
      $(element, 'c-spm-funnel-panel').shadowRoot.querySelectorAll('c-spm-deal-list')
    );
    expect(lists).toHaveLength(1);
    lists.forEach((list) => {
      expect(list.hideAccount).toBe(true);
      expect(list.shadowRoot.querySelector('.deal-account')).toBeNull();
    });
    expect($(element, 'c-spm-activity-panel').model.activity.total.meetings).toBe(
      ACCOUNT.uiapi.query.Event.edges.length
    );
    const actions = $(element, 'c-spm-actions-panel');
    expect(actions.model.lists.actions.map((a) => a.Account__c)).toEqual(
      ACCOUNT.uiapi.query.SPM_Action__c.edges.map(() => ACCOUNT_ID)
    );
    expect(actions.accountId).toBe(ACCOUNT_ID);
    expect(actions.ownerId).toBe(ACCOUNT.uiapi.query.Account.edges[0].node.OwnerId.value);
  });

  it('pre-fills an action asked for by a panel with this account', async () => {
    const element = await render();
    await emitAccount();
    const actions = $(element, 'c-spm-actions-panel');
    actions.startAction = jest.fn();
    $(element, 'c-spm-funnel-panel').dispatchEvent(
      new CustomEvent('createaction', {
        detail: { opportunityId: OPPS[0].Id, name: 'Follow up' },
        bubbles: true,
        composed: true
      })
    );
    expect(actions.startAction).toHaveBeenCalledWith({
      accountId: ACCOUNT_ID,
      opportunityId: OPPS[0].Id,
      name: 'Follow up'
    });
  });

  it("switches to the rep's own scorecard, its documents all sent at once, and loaded once", async () => {
    const element = await render();
    await emitAccount();
    expect($(element, 'c-spm-scorecard')).toBeNull();
    await switchView(element, 'mine');
    const scorecard = $(element, 'c-spm-scorecard');
    expect(scorecard.loading).toBe(true);
    expect(scorecard.level).toBe('Rep');
    const planRequests = graphql.requests().slice(1);
    const documents = renderedPlanDocuments(element);
    expect(planRequests.map((r) => r.operationName)).toEqual(documents.map((d) => d.operationName));
    expect(planRequests[0].variables.userIds).toEqual([REP_ID]);

    expect(documents.map((d) => d.operationName).sort()).toEqual(Object.keys(MY_RESPONSES).sort());
    documents.forEach((doc) => graphql.emit(MY_RESPONSES[doc.operationName], holding(doc)));
    await flushPromises();
    expect(scorecard.loading).toBe(false);
    expect(scorecard.model.scope.subjectUserIds).toEqual([REP_ID]);
    // The rep's name comes from the account query's User record.
    expect(scorecard.model.people.map((p) => p.name)).toEqual([
      ACCOUNT.uiapi.query.User.edges[0].node.Name.value
    ]);
    expect(scorecard.model.kpis.find((k) => k.key === 'sales_won').total.target).toBe(120000);
    expect($(element, 'c-spm-funnel-panel')).toBeNull();

    await switchView(element, 'account');
    expect($(element, 'c-spm-funnel-panel')).not.toBeNull();
    await switchView(element, 'mine');
    expect($(element, 'c-spm-scorecard').model.scope.subjectUserIds).toEqual([REP_ID]);
    expect(graphql.requests()).toHaveLength(1 + planRequests.length);
  });

  it('works when fields are hidden by field-level security (amounts, next steps)', async () => {
    const data = clone(ACCOUNT);
    data.uiapi.query.Opportunity.edges.forEach(({ node }) => {
      delete node.Amount;
      delete node.NextStep;
    });
    const element = await render();
    await emitAccount(data);
    const model = $(element, 'c-spm-funnel-panel').model;
    expect(model.funnel.total.amount).toBe(0);
    expect(model.lists.open.every((deal) => deal.Amount === null)).toBe(true);
    expect($(element, 'c-spm-funnel-panel').error).toBeUndefined();
  });

  it('says so for an account without opportunities, activity or actions, and keeps the actions', async () => {
    const data = clone(ACCOUNT);
    for (const name of ['Opportunity', 'OpportunityHistory', 'Task', 'Event', 'SPM_Action__c']) {
      data.uiapi.query[name].edges = [];
    }
    const element = await render();
    await emitAccount(data);
    expect($(element, '.empty').textContent).toBe('c.SPM_Coaching_Empty');
    expect($(element, 'c-spm-funnel-panel')).toBeNull();
    expect($(element, 'c-spm-actions-panel')).not.toBeNull();
  });

  it('reloads the account after a flag is snoozed in the data-trust panel', async () => {
    const element = await render();
    const refresh = jest.fn();
    graphql.emit(ACCOUNT, byOperation('spmCoachingAccount'), refresh);
    await flushPromises();
    $(element, 'c-spm-data-trust-panel').dispatchEvent(new CustomEvent('refresh'));
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('passes the query error to every panel', async () => {
    const element = await render();
    graphql.emitErrors(
      [{ message: 'Account is not supported by UI API' }],
      byOperation('spmCoachingAccount')
    );
    await flushPromises();
    expect($(element, 'c-spm-funnel-panel').error).toEqual(['Account is not supported by UI API']);
    expect($(element, 'c-spm-actions-panel').error).toEqual(['Account is not supported by UI API']);
    expect($(element, 'c-spm-funnel-panel').loading).toBe(false);
  });

  it('is accessible', async () => {
    const element = await render();
    await emitAccount();
    await expect(element).toBeAccessible();
  }, 30000);
});
