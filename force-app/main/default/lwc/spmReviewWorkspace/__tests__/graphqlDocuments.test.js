/**
 * Every GraphQL document the containers send passes validation against the local org's schema,
 * variables included: the workspace's context query, the coaching panel's account query, and the
 * review plan's documents for the default KPI menu (config/kpi-menu.json, in the context fixture) for a
 * team, for one rep since the last review and for the coaching panel's "my numbers".
 */
import { createElement } from 'lwc';
import SpmReviewWorkspace from 'c/spmReviewWorkspace';
import SpmCoachingPanel from 'c/spmCoachingPanel';
import { graphql } from 'lightning/graphql';
import { flushPromises, resetDOM } from '@pacer/test-utils';
import { documentErrors } from '@pacer/local-schema';

const CONTEXT = require('./data/context.json');
// The coaching panel's account fixture: its documents are validated here too, with the workspace's.
const ACCOUNT = require('../../spmCoachingPanel/__tests__/data/account.json');

jest.mock('@salesforce/user/Id', () => ({ default: '0058N0000000002QAA' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Europe/Paris' }), { virtual: true });

const REP_ID = '0058N0000000004QAA';
const byOperation = (name) => (config) =>
  Boolean(config.query) && config.query.operationName === name;

/** Renders the workspace (team, then one rep) and the coaching panel (account, then "my numbers"). */
async function sentRequests() {
  graphql.resetRequests();
  const workspace = createElement('c-spm-review-workspace', { is: SpmReviewWorkspace });
  workspace.asOf = '2026-11-23';
  document.body.appendChild(workspace);
  await flushPromises();
  graphql.emit(CONTEXT, byOperation('spmReviewContext'));
  await flushPromises();
  const person = workspace.shadowRoot.querySelector('lightning-combobox.person');
  person.dispatchEvent(new CustomEvent('change', { detail: { value: `report:${REP_ID}` } }));
  await flushPromises();

  const coaching = createElement('c-spm-coaching-panel', { is: SpmCoachingPanel });
  coaching.recordId = ACCOUNT.uiapi.query.Account.edges[0].node.Id;
  coaching.asOf = '2026-11-23';
  document.body.appendChild(coaching);
  await flushPromises();
  graphql.emit(ACCOUNT, byOperation('spmCoachingAccount'));
  await flushPromises();
  const view = coaching.shadowRoot.querySelector('lightning-radio-group.view');
  view.dispatchEvent(new CustomEvent('change', { detail: { value: 'mine' } }));
  await flushPromises();
  return graphql.requests();
}

function validation(requests) {
  return requests.map((request) => ({
    operation: request.operationName,
    errors: documentErrors(request)
  }));
}

describe('GraphQL documents of the review workspace and the coaching panel', () => {
  afterEach(() => {
    resetDOM();
    graphql.resetRequests();
  });

  it('sends the context, the plans of a team and of a rep, the account and "my numbers"', async () => {
    const requests = await sentRequests();
    expect(requests.map((r) => r.operationName)).toEqual([
      'spmReviewContext',
      'spmReviewPart1',
      'spmReviewPart2',
      'spmReviewPart1',
      'spmReviewPart2',
      'spmCoachingAccount',
      'spmReviewPart1',
      'spmReviewPart2'
    ]);
  });

  it('sends a context query and an account query that the local org schema accepts', async () => {
    const requests = (await sentRequests()).filter(
      (r) => !r.operationName.startsWith('spmReviewPart')
    );
    expect(validation(requests)).toEqual([
      { operation: 'spmReviewContext', errors: [] },
      { operation: 'spmCoachingAccount', errors: [] }
    ]);
  });

  it('sends review plan documents that the local org schema accepts', async () => {
    const requests = (await sentRequests()).filter((r) =>
      r.operationName.startsWith('spmReviewPart')
    );
    expect(requests).toHaveLength(6);
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
