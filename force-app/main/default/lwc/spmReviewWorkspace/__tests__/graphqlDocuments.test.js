/**
 * Every GraphQL document the containers send passes validation against the local org's schema,
 * variables included: the workspace's context query, the coaching panel's account query, and the
 * review plan's documents for the default KPI menu (config/kpi-menu.json, in the context fixture) for
 * every meeting type, reviewed as the sales manager of the fixtures sees them (her own numbers, her
 * team, a rep of hers, each level up to an executive), and for both views of the coaching panel (this account, "my
 * numbers"). The documents are the ones the components send, whatever their names or number.
 */
import { createElement } from 'lwc';
import SpmReviewWorkspace from 'c/spmReviewWorkspace';
import SpmCoachingPanel from 'c/spmCoachingPanel';
import { graphql } from 'lightning/graphql';
import { flushPromises, resetDOM } from '@pacer/test-utils';
import { documentErrors } from '@pacer/local-schema';

const CONTEXT = require('@pacer/fixtures/context.json');
// The coaching panel's account fixture: its documents are validated here too, with the workspace's.
const ACCOUNT = require('../../spmCoachingPanel/__tests__/data/account.json');

jest.mock('@salesforce/user/Id', () => ({ default: '0058N0000000002QAA' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Europe/Paris' }), { virtual: true });

const STATIC_OPERATIONS = ['reviewContext', 'spmCoachingAccount'];
const EXECUTIVE_ID = '0058N00000000ZZQAA';

/**
 * The context fixture with an executive above the director, so that a level up reaches the
 * Executive cadences (annual planning) too.
 */
function withExecutive(context) {
  const data = JSON.parse(JSON.stringify(context));
  const users = data.uiapi.query.User.edges;
  for (const { node } of users) {
    if (node.ManagerId.value === null) {
      node.ManagerId.value = EXECUTIVE_ID;
    }
  }
  users.push({
    node: {
      Id: EXECUTIVE_ID,
      Name: { value: 'Erin Executive' },
      ManagerId: { value: null },
      Title: { value: 'Chief Revenue Officer' }
    }
  });
  return data;
}
const byOperation = (name) => (config) =>
  Boolean(config.query) && config.query.operationName === name;
const $ = (element, selector) => element.shadowRoot.querySelector(selector);

async function choose(element, selector, value) {
  $(element, selector).dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flushPromises();
}

/**
 * Renders the workspace and reviews every meeting of each kind of person (own numbers, team, a direct
 * report, each level up), then the coaching panel (account, then "my numbers").
 * @returns {Promise<{ requests: object[], meetings: string[], kinds: string[] }>}
 */
async function sentRequests() {
  graphql.resetRequests();
  const workspace = createElement('c-spm-review-workspace', { is: SpmReviewWorkspace });
  workspace.asOf = '2026-11-23';
  document.body.appendChild(workspace);
  await flushPromises();
  graphql.emit(withExecutive(CONTEXT), byOperation('reviewContext'));
  await flushPromises();

  const options = $(workspace, 'lightning-combobox.person').options;
  const kind = (option) => option.value.split(':')[0];
  const people = [
    ...options.filter((o) => kind(o) !== 'report'),
    options.find((o) => kind(o) === 'report')
  ];
  const meetings = new Set();
  for (const person of people) {
    // eslint-disable-next-line no-await-in-loop
    await choose(workspace, 'lightning-combobox.person', person.value);
    for (const meeting of $(workspace, 'lightning-combobox.meeting').options) {
      // eslint-disable-next-line no-await-in-loop
      await choose(workspace, 'lightning-combobox.meeting', meeting.value);
      meetings.add(meeting.label);
    }
  }

  const coaching = createElement('c-spm-coaching-panel', { is: SpmCoachingPanel });
  coaching.recordId = ACCOUNT.uiapi.query.Account.edges[0].node.Id;
  coaching.asOf = '2026-11-23';
  document.body.appendChild(coaching);
  await flushPromises();
  graphql.emit(ACCOUNT, byOperation('spmCoachingAccount'));
  await flushPromises();
  await choose(coaching, 'lightning-radio-group.view', 'mine');
  return {
    requests: graphql.requests(),
    meetings: [...meetings].sort(),
    kinds: [...new Set(people.map(kind))].sort()
  };
}

function validation(requests) {
  return requests.map((request) => ({
    operation: request.operationName,
    errors: documentErrors(request)
  }));
}

describe('GraphQL documents of the review workspace and the coaching panel', () => {
  let sent;

  beforeAll(async () => {
    sent = await sentRequests();
    resetDOM();
  }, 60000);

  afterAll(() => {
    graphql.resetRequests();
  });

  it('reviews every meeting type, for each kind of person, and both coaching views', () => {
    const cadences = CONTEXT.uiapi.query.SPM_Cadence__c.edges.map((e) => e.node.Name.value);
    expect(sent.meetings).toEqual([...cadences].sort());
    expect(sent.kinds).toEqual(['report', 'self', 'team', 'up']);
    const operations = sent.requests.map((r) => r.operationName);
    expect(operations.filter((name) => STATIC_OPERATIONS.includes(name))).toEqual(
      STATIC_OPERATIONS
    );
    // "My numbers" is the last plan sent: after the account query.
    expect(operations.indexOf('spmCoachingAccount')).toBeLessThan(operations.length - 1);
  });

  it('sends a context query and an account query that the local org schema accepts', () => {
    const requests = sent.requests.filter((r) => STATIC_OPERATIONS.includes(r.operationName));
    expect(validation(requests)).toEqual([
      { operation: 'reviewContext', errors: [] },
      { operation: 'spmCoachingAccount', errors: [] }
    ]);
  });

  it('sends review plan documents that the local org schema accepts', () => {
    const requests = sent.requests.filter((r) => !STATIC_OPERATIONS.includes(r.operationName));
    // At least one plan per meeting, and "my numbers".
    expect(requests.length).toBeGreaterThan(sent.meetings.length);
    expect(validation(requests)).toEqual(
      requests.map((r) => ({ operation: r.operationName, errors: [] }))
    );
  });

  it('would catch a document naming a field the org does not have', () => {
    const errors = documentErrors({
      query:
        'query bad { uiapi { query { Opportunity { edges { node { Bogus__c { value } } } } } } }'
    });
    expect(errors[0]).toMatch(/Bogus__c/);
  });
});
