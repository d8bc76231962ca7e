import { createElement } from 'lwc';
import SpmCoachingPanel from 'c/spmCoachingPanel';
import { graphql } from 'lightning/graphql';
import {
  flushPromises,
  resetDOM,
  renderedPlanDocuments,
  holding,
  inPanelCard
} from '@pacer/test-utils';
import { emptyAnswer } from '@pacer/graphql-fixtures';
import { documentErrors } from '@pacer/local-schema';
import { MIN_CONVERSION_DEALS } from 'c/reviewModel';

const ACCOUNT = require('./data/account.json');
const ACCOUNT_RESPONSES = require('./data/accountPlanResponses.json');
const MY_RESPONSES = require('./data/myPlanResponses.json');

// The current user is the rep who owns the account's deals, in the sample org's time zone and currency.
const REP_ID = '0058N0000000004QAA';
jest.mock('@salesforce/user/Id', () => ({ default: '0058N0000000004QAA' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Europe/Paris' }), { virtual: true });
jest.mock('@salesforce/i18n/currency', () => ({ default: 'EUR' }), { virtual: true });

const ACCOUNT_NODE = ACCOUNT.uiapi.query.Account.edges[0].node;
const ACCOUNT_ID = ACCOUNT_NODE.Id;
// What a real org answers when it rejects a Task/Event aggregate (Beta, undocumented in aggregates).
const ACTIVITY_REASON =
  "Validation error of type FieldUndefined: Field 'Event' in type 'AggregateQuery' is undefined @ 'uiapi/aggregate/Event'";
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const byOperation = (name) => (config) =>
  Boolean(config.query) && config.query.operationName === name;
const clone = (value) => JSON.parse(JSON.stringify(value));
const onlyActivity = (doc) => doc.operationName.startsWith('spmReviewActivity');

async function render() {
  const element = createElement('c-spm-coaching-panel', { is: SpmCoachingPanel });
  element.recordId = ACCOUNT_ID;
  element.asOf = '2026-11-23';
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

async function emitAccount(data = ACCOUNT, refresh) {
  graphql.emit(data, byOperation('spmCoachingAccount'), refresh);
  await flushPromises();
}

/** Answers every plan document of "this account"; `fail(doc)` picks the ones the org rejects. */
async function answerPlan(element, { responses = ACCOUNT_RESPONSES, fail, refresh } = {}) {
  const documents = renderedPlanDocuments(element);
  for (const doc of documents) {
    if (fail && fail(doc)) {
      graphql.emitErrors([{ message: ACTIVITY_REASON }], holding(doc), refresh);
    } else {
      graphql.emit(responses[doc.operationName], holding(doc), refresh);
    }
  }
  await flushPromises();
  return documents;
}

async function openAccount(options) {
  const element = await render();
  await emitAccount();
  await answerPlan(element, options);
  return element;
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

  it('asks first for the account and its people, and shows the panels loading meanwhile', async () => {
    const element = await render();
    expect(graphql.requests()).toHaveLength(1);
    expect(graphql.requests()[0]).toMatchObject({
      operationName: 'spmCoachingAccount',
      variables: { accountId: ACCOUNT_ID, userId: REP_ID }
    });
    // The current user is a User record: `uiapi.currentUser` needs API v66.0, Pacer declares 62.0.
    expect(graphql.requests()[0].query).not.toMatch(/currentUser/);
    // The records of the account are the plan's to count: the account query lists none of them.
    expect(graphql.requests()[0].query).not.toMatch(
      /^\s*(Opportunity|Task|Event|SPM_Action__c)\(/m
    );
    expect(renderedPlanDocuments(element)).toEqual([]);
    expect($(element, 'c-spm-funnel-panel').loading).toBe(true);
    expect($(element, 'c-spm-actions-panel').loading).toBe(true);
  });

  it("then sends the account-scoped plan of the account's people, all its documents at once", async () => {
    const element = await render();
    await emitAccount();
    const documents = renderedPlanDocuments(element);
    const planRequests = graphql.requests().slice(1);
    expect(planRequests.map((r) => r.operationName)).toEqual(documents.map((d) => d.operationName));
    expect(documents.map((d) => d.operationName).sort()).toEqual(
      Object.keys(ACCOUNT_RESPONSES).sort()
    );
    // Every document is scoped to this account; the subjects are its owner, the current user and
    // the owners of its deals and actions, each once.
    const people = [
      ACCOUNT_NODE.OwnerId.value,
      REP_ID,
      ...ACCOUNT.uiapi.query.dealOwners.edges.map((e) => e.node.Id),
      ...ACCOUNT.uiapi.query.actionOwners.edges.map((e) => e.node.Id)
    ];
    for (const request of planRequests) {
      expect(request.variables.accountId).toBe(ACCOUNT_ID);
      expect(request.variables.userIds).toEqual([...new Set(people)]);
    }
    // Totals are aggregated in the org: every document has aggregates, and no forecast snapshot or
    // target is asked for (they are people's, not an account's).
    expect(planRequests.every((r) => /\baggregate\b/.test(r.query))).toBe(true);
    expect(planRequests.some((r) => /SPM_Forecast_Snapshot__c|SPM_Target__c/.test(r.query))).toBe(
      false
    );
    expect($(element, 'c-spm-funnel-panel').loading).toBe(true);
  });

  it('sends only documents the local org accepts', async () => {
    const element = await render();
    await emitAccount();
    await switchView(element, 'mine');
    const requests = graphql.requests();
    expect(requests.length).toBeGreaterThan(2);
    for (const request of requests) {
      expect({ operation: request.operationName, errors: documentErrors(request) }).toEqual({
        operation: request.operationName,
        errors: []
      });
    }
  }, 30000);

  it("shows this account's funnel, flags, activity and actions from the plan", async () => {
    const element = await openAccount();
    const funnel = $(element, 'c-spm-funnel-panel');
    const model = funnel.model;
    expect(funnel.loading).toBe(false);
    expect(funnel.error).toBeUndefined();
    expect(model.unavailable).toEqual([]);
    expect(model.funnel.total.count).toBeGreaterThan(0);
    expect(model.funnel.total.count).toBe(model.lists.open.length);
    expect(model.lists.open.every((deal) => deal.AccountId === ACCOUNT_ID)).toBe(true);
    expect($(element, 'c-spm-data-trust-panel').model).toBe(model);
    expect($(element, 'c-spm-activity-panel').model).toBe(model);
    // One account's model: the panels' deal lists leave out the Account column.
    expect(model.scope.accountId).toBe(ACCOUNT_ID);
    const stage = model.funnel.stages.find((s) => s.count > 0).stage;
    const shape = funnel.shadowRoot.querySelector('c-spm-funnel-shape');
    Array.from(shape.shadowRoot.querySelectorAll('button.stage-button'))
      .find((button) => button.dataset.stage === stage)
      .click();
    await flushPromises();
    const lists = Array.from(shape.shadowRoot.querySelectorAll('c-spm-deal-list'));
    expect(lists).toHaveLength(1);
    expect(lists[0].hideAccount).toBe(true);
    expect(lists[0].shadowRoot.querySelector('.deal-account')).toBeNull();

    const actions = $(element, 'c-spm-actions-panel');
    expect(actions.model).toBe(model);
    expect(model.lists.actions.length).toBeGreaterThan(0);
    expect(model.lists.actions.every((a) => a.Account__c === ACCOUNT_ID)).toBe(true);
    expect(actions.accountId).toBe(ACCOUNT_ID);
    expect(actions.ownerId).toBe(ACCOUNT_NODE.OwnerId.value);
  });

  it('leaves out forecast deviation and marks conversions resting on too few deals', async () => {
    const element = await openAccount();
    const model = $(element, 'c-spm-funnel-panel').model;
    const measures = model.trust.measures.map((m) => m.key);
    expect(measures).not.toContain('forecastDeviation');
    expect(measures).toContain('pastCloseDate');
    expect(model.trust.history.every((entry) => !('forecastDeviation' in entry))).toBe(true);
    expect($(element, 'p.no-forecast').textContent.trim()).toBe('c.SPM_Coaching_NoForecast');

    // This account has a handful of closed deals: no stage's conversion is a rate worth reading.
    const stages = model.funnel.stages;
    expect(stages.every((s) => s.reached < MIN_CONVERSION_DEALS)).toBe(true);
    expect(stages.every((s) => s.tooFewDeals && s.conversionToNext === null)).toBe(true);
    const cells = Array.from(
      $(element, 'c-spm-funnel-panel')
        .shadowRoot.querySelector('c-spm-funnel-shape')
        .shadowRoot.querySelectorAll('td.stage-conversion')
    );
    expect(cells.length).toBe(stages.length);
    cells.forEach((cell) => expect(cell.textContent).toBe('c.SPM_Funnel_TooFewDeals'));
  });

  it('blanks only the activity panel, with the reason, when the Task/Event documents fail', async () => {
    const element = await openAccount({ fail: onlyActivity });
    const activity = $(element, 'c-spm-activity-panel');
    const errors = inPanelCard(activity, 'c-spm-error-panel');
    expect(errors).not.toBeNull();
    expect(errors.errors.join(' ')).toContain(ACTIVITY_REASON);
    for (const tag of ['c-spm-funnel-panel', 'c-spm-data-trust-panel']) {
      const panel = $(element, tag);
      expect(panel.error).toBeUndefined();
      expect(inPanelCard(panel, 'c-spm-error-panel')).toBeNull();
      expect(inPanelCard(panel, 'lightning-spinner')).toBeNull();
    }
    const model = $(element, 'c-spm-funnel-panel').model;
    expect(model.unavailable.length).toBeGreaterThan(0);
    expect(model.unavailable.every((u) => u.group === 'activity')).toBe(true);
    expect(model.funnel.total.count).toBeGreaterThan(0);
  });

  it('passes the errors to every panel when every plan document fails', async () => {
    const element = await openAccount({ fail: () => true });
    for (const tag of ['c-spm-funnel-panel', 'c-spm-activity-panel', 'c-spm-actions-panel']) {
      const panel = $(element, tag);
      expect(panel.loading).toBe(false);
      expect(panel.error.join(' ')).toContain(ACTIVITY_REASON);
    }
  });

  it('passes the account query error to every panel, and plans nothing', async () => {
    const element = await render();
    graphql.emitErrors(
      [{ message: 'Account is not supported by UI API' }],
      byOperation('spmCoachingAccount')
    );
    await flushPromises();
    expect(renderedPlanDocuments(element)).toEqual([]);
    expect($(element, 'c-spm-funnel-panel').error).toEqual(['Account is not supported by UI API']);
    expect($(element, 'c-spm-actions-panel').error).toEqual(['Account is not supported by UI API']);
    expect($(element, 'c-spm-funnel-panel').loading).toBe(false);
  });

  it('plans "my numbers" once the account query answers, when it was asked for before', async () => {
    const element = await render();
    await switchView(element, 'mine');
    expect($(element, 'c-spm-scorecard').loading).toBe(true);
    expect(renderedPlanDocuments(element)).toEqual([]);
    await emitAccount();
    const mine = renderedPlanDocuments(element).filter((d) => d.variables.accountId === undefined);
    expect(mine.map((d) => d.operationName).sort()).toEqual(Object.keys(MY_RESPONSES).sort());
  });

  it('shows the account query error in "my numbers" too', async () => {
    const element = await render();
    graphql.emitErrors([{ message: 'Insufficient access' }], byOperation('spmCoachingAccount'));
    await flushPromises();
    await switchView(element, 'mine');
    const scorecard = $(element, 'c-spm-scorecard');
    expect(scorecard.loading).toBe(false);
    expect(scorecard.error).toEqual(['Insufficient access']);
  });

  it('pre-fills an action asked for by a panel with this account', async () => {
    const element = await openAccount();
    const actions = $(element, 'c-spm-actions-panel');
    actions.startAction = jest.fn();
    const dealId = $(element, 'c-spm-funnel-panel').model.lists.open[0].Id;
    $(element, 'c-spm-funnel-panel').dispatchEvent(
      new CustomEvent('createaction', {
        detail: { opportunityId: dealId, name: 'Follow up' },
        bubbles: true,
        composed: true
      })
    );
    expect(actions.startAction).toHaveBeenCalledWith({
      accountId: ACCOUNT_ID,
      opportunityId: dealId,
      name: 'Follow up'
    });
  });

  it('lists an action created in the actions panel, and drops one closed there', async () => {
    const element = await openAccount();
    const actions = $(element, 'c-spm-actions-panel');
    const before = actions.model.lists.actions;
    const created = { Id: 'a048N0000000099QAA', Name: 'Call the buyer', Account__c: ACCOUNT_ID };
    actions.dispatchEvent(
      new CustomEvent('actioncreated', { detail: { action: created }, bubbles: true })
    );
    await flushPromises();
    expect($(element, 'c-spm-actions-panel').model.lists.actions).toHaveLength(before.length + 1);
    $(element, 'c-spm-actions-panel').dispatchEvent(
      new CustomEvent('actionclosed', { detail: { id: created.Id }, bubbles: true })
    );
    await flushPromises();
    expect($(element, 'c-spm-actions-panel').model.lists.actions.map((a) => a.Id)).toEqual(
      before.map((a) => a.Id)
    );
  });

  it("switches to the rep's own scorecard, its documents all sent at once, and loaded once", async () => {
    const element = await openAccount();
    const accountRequests = graphql.requests().length;
    expect($(element, 'c-spm-scorecard')).toBeNull();
    await switchView(element, 'mine');
    const scorecard = $(element, 'c-spm-scorecard');
    expect(scorecard.loading).toBe(true);
    expect(scorecard.level).toBe('Rep');
    const planRequests = graphql.requests().slice(accountRequests);
    const myDocuments = renderedPlanDocuments(element).filter(
      (d) => d.variables.accountId === undefined
    );
    expect(planRequests.map((r) => r.operationName)).toEqual(
      myDocuments.map((d) => d.operationName)
    );
    expect(planRequests.every((r) => r.variables.accountId === undefined)).toBe(true);
    expect(planRequests[0].variables.userIds).toEqual([REP_ID]);

    expect(myDocuments.map((d) => d.operationName).sort()).toEqual(
      Object.keys(MY_RESPONSES).sort()
    );
    myDocuments.forEach((doc) => graphql.emit(MY_RESPONSES[doc.operationName], holding(doc)));
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
    expect($(element, 'c-spm-funnel-panel').model.scope.accountId).toBe(ACCOUNT_ID);
    await switchView(element, 'mine');
    expect($(element, 'c-spm-scorecard').model.scope.subjectUserIds).toEqual([REP_ID]);
    expect(graphql.requests()).toHaveLength(accountRequests + planRequests.length);
  });

  it('says so for an account without opportunities, activity or actions, and keeps the actions', async () => {
    const data = clone(ACCOUNT);
    data.uiapi.query.dealOwners.edges = [];
    data.uiapi.query.actionOwners.edges = [];
    const element = await render();
    await emitAccount(data);
    const documents = renderedPlanDocuments(element);
    documents.forEach((doc) => graphql.emit(emptyAnswer(doc.query.text), holding(doc)));
    await flushPromises();
    expect($(element, '.empty').textContent).toBe('c.SPM_Coaching_Empty');
    expect($(element, 'c-spm-funnel-panel')).toBeNull();
    expect($(element, 'c-spm-actions-panel')).not.toBeNull();
    expect($(element, 'c-spm-actions-panel').loading).toBe(false);
  });

  it("asks the account's documents again after a flag is snoozed in the data-trust panel", async () => {
    const refresh = jest.fn();
    const element = await render();
    await emitAccount();
    const documents = await answerPlan(element, { refresh });
    $(element, 'c-spm-data-trust-panel').dispatchEvent(new CustomEvent('refresh'));
    expect(refresh).toHaveBeenCalledTimes(documents.length);
  });

  it('is accessible', async () => {
    const element = await openAccount();
    await expect(element).toBeAccessible();
  }, 30000);
});
